/**
 * TBX into raw concepts, streaming with saxes: TBX v2 (`martif` / `termEntry` / `langSet` / `tig`
 * or `ntig`/`termGrp`) and TBX v3 (`tbx` / `conceptEntry` / `langSec` / `termSec`), in the DCA
 * style (`<termNote type="partOfSpeech">`) and the DCT style (`<min:partOfSpeech>`). Elements are
 * matched on their local names, so any namespace (and none) is accepted.
 */
import { SaxesParser } from 'saxes';
import { REGISTERS, type Register, type TermStatus } from './entry';
import { collapseWhitespace, containsHan, trimWhitespace } from './unicode';

export type PartOfSpeech = 'noun' | 'verb' | 'adjective' | 'properNoun' | 'phrase';
import {
  GENERATED_NOTE,
  REPLACED_BY_NOTE,
  REVIEWED_NOTE,
  SENSE_NOTE,
  FORBIDDEN_NOTE,
  type Diagnostics,
  type RawConcept,
  type RawTerm,
  type TermLang,
  isForbiddenNote,
  languageOf,
  ownCopy,
  remembered,
  statusOf,
} from './termbase';

/** Data-category carriers whose `type` attribute names the category (DCA style). */
const CARRIERS = new Set(['termNote', 'descrip', 'admin', 'adminNote', 'descripNote', 'transacNote', 'ref']);
/** Elements that mark a term group. */
const TERM_GROUPS = new Set(['tig', 'ntig', 'termSec']);

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const POS: Record<string, PartOfSpeech> = {
  noun: 'noun',
  n: 'noun',
  verb: 'verb',
  v: 'verb',
  adjective: 'adjective',
  adj: 'adjective',
  propernoun: 'properNoun',
  'proper noun': 'properNoun',
  phrase: 'phrase',
};
export const partOfSpeechOf = (v: string): PartOfSpeech | undefined => POS[trimWhitespace(v).toLowerCase()];

/** The shared list of each single region (see `apply`). */
const ONE_REGION: Record<string, string[]> = {};

const GEO: Record<string, string> = {
  twn: 'tw',
  tw: 'tw',
  'zh-tw': 'tw',
  hkg: 'hk',
  hk: 'hk',
  'zh-hk': 'hk',
  chn: 'cn',
  cn: 'cn',
  'zh-cn': 'cn',
  sgp: 'sg',
  sg: 'sg',
  'zh-sg': 'sg',
};
export const geoOf = (v: string): string | undefined => GEO[trimWhitespace(v).toLowerCase()];

/** A TBX register value (`colloquialRegister`, or the entry model's own word) as the entry model's. */
export const registerOf = (v: string): Register | undefined => {
  const word = trimWhitespace(v)
    .replace(/register$/i, '')
    .toLowerCase();
  return REGISTERS.find((r) => r === word);
};

interface OpenTerm {
  raw: RawTerm & { text: string };
  line: number;
  column: number;
  element: string;
  hasTerm: boolean;
  notes: string[];
  statusSeen?: TermStatus;
}

interface OpenLang {
  lang: TermLang | undefined;
  code: string;
}

/**
 * Parse a TBX document. Concepts are handed to `onConcept` as each closes (a 20,000-entry file never
 * holds more than one in the making); problems go to `diag`. Returns whether the document was a TBX
 * document at all (a false return comes with one diagnostic saying what it is instead).
 */
export function parseTbx(text: string, diag: Diagnostics, onConcept: (c: RawConcept) => void): boolean {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const stack: ElementInfo[] = [];
  let rootOk: boolean | undefined;
  let concept: RawConcept | undefined;
  let lang: OpenLang | undefined;
  let term: OpenTerm | undefined;
  /** The text being collected for the innermost element of interest, and which one. */
  let capture: { depth: number; category: string; attrs: Record<string, string>; line: number; column: number; text: string } | undefined;
  let tagLine = 1,
    tagColumn = 1;
  let xmlErrors = 0;

  const where = (line: number) => `line ${line}`;
  // a file repeats a few language codes and status values: each is read once
  const langOf = remembered(languageOf);
  const statusFor = remembered(statusOf);

  // what each element name, data category and value is to the reader, each read once
  const infoOf = remembered(elementInfo);
  const categoryOf = remembered((type: string) => (CATEGORIES.has(type) ? type : undefined));
  const posOf = remembered(partOfSpeechOf);
  const regionOf = remembered(geoOf);
  // a file names a few subject fields, each on many entries: those share one string
  const domainOf = remembered(ownCopy);
  // The text of an element is wanted only while one is captured. (Setting saxes's text handler only
  // then was tried: `on`/`off` for every captured element cost more than the text it saves.)
  const onText = (t: string) => {
    if (capture) capture.text += t;
  };
  // the one capture record, reused (captures never nest: inline markup is part of the text)
  const record = { depth: 0, category: '', attrs: {} as Record<string, string>, line: 0, column: 0, text: '' };
  const startCapture = (category: string, attrs: Record<string, string>) => {
    record.depth = stack.length;
    record.category = category;
    record.attrs = attrs;
    record.line = tagLine;
    record.column = tagColumn;
    record.text = '';
    capture = record;
  };
  parser.on('text', onText);
  /** A term group opened here (the element that holds it: tig, ntig, termSec, or the language section). */
  const openTerm = (l: OpenLang, element: string): OpenTerm => ({
    raw: { text: '', lang: l.lang ?? 'en' },
    line: tagLine,
    column: tagColumn,
    element,
    hasTerm: false,
    notes: [],
  });

  parser.on('opentagstart', (tag) => {
    tagLine = parser.line;
    // UTF-16 units, as an editor counts (saxes's `column` counts code points)
    tagColumn = Math.max(1, parser.columnIndex - tag.name.length - 1);
  });

  parser.on('opentag', (tag) => {
    const info = infoOf(tag.name);
    stack.push(info);
    if (rootOk === false) return;
    const local = info.local;
    if (stack.length === 1) {
      rootOk = info.kind === ROOT;
      if (!rootOk) diag.error(tagLine, tagColumn, `not a TBX file: the root element is <${tag.name.slice(0, 40)}>, not <martif> or <tbx>`);
      return;
    }
    if (capture) return; // inside a term or a note: inline markup is part of its text
    const attrs = tag.attributes as Record<string, string>;
    switch (info.kind) {
      case ENTRY:
        concept = { line: tagLine, column: tagColumn, terms: [], element: local };
        if (attrs.id) concept.id = ownCopy(attrs.id);
        return;
      case LANG:
        if (!concept) return;
        {
          const code = attrs['xml:lang'] ?? attrs.lang ?? '';
          if (!code) diag.error(tagLine, tagColumn, `${where(tagLine)}: <${local}> without xml:lang; its terms are skipped`);
          lang = { lang: code ? langOf(code) : undefined, code };
        }
        return;
      case GROUP:
        if (!concept || !lang) return;
        term = openTerm(lang, local);
        return;
      case TERM:
        if (!concept || !lang) return;
        // a <term> right in the language section is a term group of its own
        term ??= openTerm(lang, 'langSet');
        startCapture('term', attrs);
        return;
      case CARRIER: {
        if (!concept) return;
        const category = categoryOf(attrs.type ?? local);
        if (category !== undefined) startCapture(category, attrs);
        return;
      }
      case CAPTURED:
        if (concept) startCapture(info.category, attrs);
        return;
      default:
    }
  });

  parser.on('cdata', (t) => {
    if (capture) capture.text += t;
  });

  parser.on('closetag', () => {
    // the element that closes is the last one opened (saxes reports mismatched tags as errors)
    const depth = stack.length;
    const info = stack.pop();
    if (rootOk === false || info === undefined) return;
    if (capture && depth === capture.depth) {
      const c = capture;
      capture = undefined;
      apply(c.category, collapseWhitespace(c.text), c.attrs, c.line, c.column);
      return;
    }
    if (capture) return;
    const kind = info.kind;
    if (term && info.local === term.element) closeTerm();
    else if (kind === LANG) {
      if (term) closeTerm();
      lang = undefined;
    } else if (kind === ENTRY && concept) {
      const done = concept;
      concept = undefined;
      lang = undefined;
      term = undefined;
      onConcept(done);
    }
  });

  parser.on('error', (err) => {
    if (xmlErrors++ >= 20) return;
    const m = /^(\d+):(\d+): (.*)$/s.exec(err.message);
    const line = m ? Number(m[1]) : parser.line;
    const message = m ? m[3]! : err.message;
    const column = errorColumn(text, parser.position, message);
    if (rootOk === false) return;
    if (rootOk === undefined) {
      rootOk = false;
      diag.error(line, column, `not a TBX file: not well-formed XML (${message})`);
    } else diag.error(line, column, `${where(line)}: XML error: ${message}`);
  });

  function closeTerm() {
    const t = term!;
    term = undefined;
    if (!t.hasTerm || !t.raw.text) {
      diag.error(t.line, t.column, `${where(t.line)}: <${t.element === 'langSet' ? 'term' : t.element}> without <term>; skipped`);
      return;
    }
    if (!lang?.lang) return; // a language the glossary does not use
    // TBX has no "forbidden": a deprecated term with a note saying forbidden is one
    const forbidden = t.notes.findIndex(isForbiddenNote);
    if (forbidden >= 0 && (t.raw.status === 'deprecated' || t.raw.status === undefined)) {
      t.raw.status = 'forbidden';
      t.notes.splice(forbidden, 1);
    }
    if (!t.notes.length) {
      concept!.terms.push(t.raw);
      return;
    }
    // what an export records in notes because TBX has no data category for it
    const usage: string[] = [];
    for (const note of t.notes) {
      if (note === GENERATED_NOTE) t.raw.review = { state: 'generated' };
      else if (note.startsWith(REVIEWED_NOTE)) {
        const reason = trimWhitespace(note.slice(REVIEWED_NOTE.length));
        t.raw.review = { state: 'reviewed', ...(reason ? { reason } : {}) };
      } else if (note.startsWith(SENSE_NOTE)) t.raw.sense = trimWhitespace(note.slice(SENSE_NOTE.length));
      else if (note.startsWith(REPLACED_BY_NOTE)) (t.raw.extra ??= {}).replacedBy = trimWhitespace(note.slice(REPLACED_BY_NOTE.length));
      else usage.push(note);
    }
    if (usage.length) t.raw.usage = usage.join(' ');
    concept!.terms.push(t.raw);
  }

  function apply(category: string, value: string, attrs: Record<string, string>, line: number, column: number) {
    if (!concept) return;
    if (category === 'term') {
      if (!term) return;
      term.hasTerm = true;
      // what the entries keep is copied out of the file's text (see ownCopy); codes and statuses are not kept
      term.raw.text = ownCopy(value);
      return;
    }
    if (!value && category !== 'xref' && category !== 'crossReference') return;
    // the level: a term group, else a language section, else the concept
    if (term) {
      switch (category) {
        case 'administrativeStatus':
        case 'normativeAuthorization': {
          const status = statusFor(value);
          if (status) term.raw.status = status;
          else diag.warning(line, column, `${where(line)}: unknown ${category} "${value.slice(0, 60)}"; the term is read as admitted`);
          if (!status) term.raw.status = 'admitted';
          return;
        }
        case 'partOfSpeech': {
          const pos = posOf(value);
          if (pos) (term.raw.extra ??= {}).pos = pos;
          return;
        }
        case 'geographicalUsage': {
          const geo = regionOf(value);
          if (geo) {
            const extra = (term.raw.extra ??= {});
            const before = extra.geo as string[] | undefined;
            // most terms name one region: that list is shared (an entry keeps it)
            extra.geo = before ? [...before, geo] : (ONE_REGION[geo] ??= Object.freeze([geo]) as string[]);
          }
          return;
        }
        case 'register': {
          const register = registerOf(value);
          if (register) (term.raw.extra ??= {}).register = register;
          return;
        }
        case 'termType':
          if (/acronym|abbreviat|initialism|shortForm/i.test(value)) term.raw.abbreviation = true;
          return;
        case 'note':
        case 'usageNote':
        case 'Usage note':
          term.notes.push(ownCopy(value));
          return;
        case 'definition':
          break; // a definition inside a term group is the language's definition
        default:
          return;
      }
    }
    const language = lang ? lang.lang : undefined;
    switch (category) {
      case 'definition': {
        if (language === 'en' || (!lang && !containsHan(value))) concept.definitionEn ||= ownCopy(value);
        else if (language || !lang) concept.definitionZh ||= ownCopy(value);
        return;
      }
      case 'subjectField':
        concept.domain ||= domainOf(value);
        return;
      case 'note':
      case 'usageNote':
      case 'Usage note':
        concept.note = ownCopy(concept.note ? `${concept.note} ${value}` : value);
        return;
      case 'xref':
      case 'crossReference': {
        const target = attrs.target ?? '';
        if (target && !/^[a-z][a-z0-9+.-]*:/i.test(target)) (concept.related ??= []).push(ownCopy(target.replace(/^#/, '')));
        return;
      }
      default:
    }
  }

  parser.write(text).close();
  if (rootOk === undefined) diag.error(1, 1, 'not a TBX file: no XML element found');
  return rootOk === true;
}

/**
 * The 1-based column, in UTF-16 units, of an XML error that saxes noticed at `position` (the text is
 * written in one chunk, so that is an index into it, just after the last character read): the start
 * of the bad token where the line shows it (the `&` of an entity reference; the `<` of a tag not
 * closed before that character), else that character's own column.
 */
export function errorColumn(text: string, position: number, message: string): number {
  const last = Math.min(position, text.length) - 1;
  if (last < 0) return 1;
  // saxes ends a line at LF, CR LF or a lone CR
  const lineStart = Math.max(text.lastIndexOf('\n', last), text.lastIndexOf('\r', last)) + 1;
  let start = -1;
  if (message.includes('entity')) start = text.lastIndexOf('&', last);
  else {
    const lt = text.lastIndexOf('<', last);
    const gt = lt < 0 ? -1 : text.indexOf('>', lt);
    if (gt < 0 || gt >= last) start = lt;
  }
  return Math.max(1, (start >= lineStart ? start : last) - lineStart + 1);
}

const CATEGORIES = new Set([
  'administrativeStatus',
  'normativeAuthorization',
  'partOfSpeech',
  'geographicalUsage',
  'register',
  'termType',
  'definition',
  'subjectField',
  'usageNote',
  'Usage note',
  'crossReference',
]);

/** What an element is to the reader (by its local name). */
interface ElementInfo {
  local: string;
  kind: number;
  /** The category a CAPTURED element's text is read as. */
  category: string;
}
const OTHER = 0,
  ROOT = 1,
  ENTRY = 2,
  LANG = 3,
  GROUP = 4,
  TERM = 5,
  /** A data-category carrier: its `type` attribute names the category. */
  CARRIER = 6,
  /** An element whose text is read as its own category (DCT style, `note`, `xref`). */
  CAPTURED = 7;

function elementInfo(name: string): ElementInfo {
  const local = localName(name);
  const kind =
    local === 'martif' || local === 'tbx'
      ? ROOT
      : local === 'termEntry' || local === 'conceptEntry'
        ? ENTRY
        : local === 'langSet' || local === 'langSec'
          ? LANG
          : TERM_GROUPS.has(local)
            ? GROUP
            : local === 'term'
              ? TERM
              : CARRIERS.has(local)
                ? CARRIER
                : CATEGORIES.has(local) || local === 'note' || local === 'xref'
                  ? CAPTURED
                  : OTHER;
  return { local, kind, category: kind === CAPTURED ? (local === 'xref' ? 'xref' : local) : '' };
}

export { FORBIDDEN_NOTE };
