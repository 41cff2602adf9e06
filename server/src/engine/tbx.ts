/**
 * TBX into raw concepts, streaming with saxes: TBX v2 (`martif` / `termEntry` / `langSet` / `tig`
 * or `ntig`/`termGrp`) and TBX v3 (`tbx` / `conceptEntry` / `langSec` / `termSec`), in the DCA
 * style (`<termNote type="partOfSpeech">`) and the DCT style (`<min:partOfSpeech>`). Elements are
 * matched on their local names, so any namespace (and none) is accepted.
 */
import { SaxesParser } from 'saxes';
import { REGISTERS, type Register, type TermStatus } from './entry';
import { collapseWhitespace, containsHan, joinLines, trimWhitespace } from './unicode';

export type PartOfSpeech = 'noun' | 'verb' | 'adjective' | 'properNoun' | 'phrase';
import {
  GENERATED_NOTE,
  REPLACED_BY_NOTE,
  REVIEWED_NOTE,
  SENSE_NOTE,
  FORBIDDEN_NOTE,
  type Diagnostics,
  type KnownForm,
  LineMap,
  type RawConcept,
  type RawTerm,
  ScriptCheck,
  hasOtherScript,
  type TermLang,
  isForbiddenNote,
  languageOf,
  ownCopy,
  remembered,
  statesScript,
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
  /** Where its <term> is (what the script check's warning points at). */
  termLine: number;
  termColumn: number;
  notes: string[];
  statusSeen?: TermStatus;
}

interface OpenLang {
  lang: TermLang | undefined;
  code: string;
  /** The script its terms are checked against (a code that states one: zh-CN, not zh). */
  checked: TermLang | undefined;
}

/** A term the script check is to look at (the status is known once its term group closes). */
interface ScriptCandidate {
  text: string;
  lang: TermLang;
  code: string;
  line: number;
  column: number;
  status: TermStatus | undefined;
}

/**
 * Parse a TBX document. Concepts are handed to `onConcept` as each closes (a 20,000-entry file never
 * holds more than one in the making); problems go to `diag`. Returns whether the document was a TBX
 * document at all (a false return comes with one diagnostic saying what it is instead).
 */
export function parseTbx(text: string, diag: Diagnostics, onConcept: (c: RawConcept) => void, knownForms?: KnownForm): boolean {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  // The file's text, as the handlers read it (XML error columns, the DOCTYPE): let go after the parse,
  // as anything that keeps a handler alive for a while (V8's optimizing compiler does) keeps what
  // the handlers read.
  let source = text;
  /** The text of a value or attribute with each bare & given back (see below). */
  let restore = (s: string) => s;
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
  const stated = remembered(statesScript);
  const toCheck: ScriptCandidate[] = [];
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
  parser.on('doctype', (doctype) => declareEntities(doctype));
  /** A term group opened here (the element that holds it: tig, ntig, termSec, or the language section). */
  const openTerm = (l: OpenLang, element: string): OpenTerm => ({
    raw: { text: '', lang: l.lang ?? 'en' },
    line: tagLine,
    column: tagColumn,
    element,
    hasTerm: false,
    termLine: 0,
    termColumn: 0,
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
      if (!rootOk) diag.error(tagLine, tagColumn, notTbxRoot(tag.name));
      return;
    }
    if (capture) return; // inside a term or a note: inline markup is part of its text
    const attrs = tag.attributes as Record<string, string>;
    switch (info.kind) {
      case ENTRY:
        concept = { line: tagLine, column: tagColumn, terms: [], element: local };
        if (attrs.id) concept.id = ownCopy(restore(attrs.id));
        return;
      case LANG:
        if (!concept) return;
        {
          const code = attrs['xml:lang'] ?? attrs.lang ?? '';
          if (!code) diag.error(tagLine, tagColumn, `${where(tagLine)}: <${local}> without xml:lang; its terms are skipped`);
          const l = code ? langOf(code) : undefined;
          lang = { lang: l, code, checked: l && l !== 'en' && stated(code) ? l : undefined };
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
      // a term pretty-printed over lines is one line, Chinese wrapped without a space (joinLines)
      const text = restore(c.text);
      apply(c.category, c.category === 'term' ? joinLines(text) : collapseWhitespace(text), c.attrs, c.line, c.column);
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

  /** The last XML error reported, as line, column and message. */
  let lastError = '';
  parser.on('error', (err) => {
    if (xmlErrors >= 20) return;
    const m = /^(\d+):(\d+): (.*)$/s.exec(err.message);
    const line = m ? Number(m[1]) : parser.line;
    const message = m ? m[3]! : err.message;
    const column = errorColumn(source, parser.position, message);
    // saxes repeats an error for each element one bad closing tag leaves open: say it once
    const key = `${line}:${column}:${message}`;
    if (key === lastError) return;
    lastError = key;
    xmlErrors++;
    if (rootOk === false) return;
    if (rootOk === undefined) {
      rootOk = false;
      diag.error(line, column, notWellFormed(message));
    } else diag.error(line, column, `${where(line)}: XML error: ${message}`);
  });

  /**
   * The internal subset's general entities whose values are plain text become the parser's, so
   * that `&co;` in a term reads as what it stands for; any other (external, markup, referring to
   * another entity, or all of them expanding past the limit) is kept as written, with a warning.
   */
  function declareEntities(doctype: string) {
    const declarations = entityDeclarations(doctype);
    if (!declarations.length) return;
    // where the DOCTYPE's text starts: saxes is just after its `>`, and gave it with its line ends as LF
    let raw = parser.position - 2;
    let lineEnds = 0;
    for (let k = doctype.length - 1; k >= 0; k--) {
      if (doctype[k] === '\n') lineEnds++;
      raw -= doctype[k] === '\n' && source[raw] === '\n' && source[raw - 1] === '\r' ? 2 : 1;
    }
    const firstLine = parser.line - lineEnds;
    const firstColumn = raw + 1 - (Math.max(source.lastIndexOf('\n', raw), source.lastIndexOf('\r', raw)) + 1) + 1;
    // warnings by their offset in the doctype, given in that order once all are known
    const warnings: { offset: number; message: string }[] = [];
    const warnAt = (offset: number, message: string) => warnings.push({ offset, message });
    const plain = new Map<string, string>();
    const kept: string[] = [];
    const declared = new Set<string>();
    let external: EntityDeclaration | undefined;
    let externals = 0;
    for (const d of declarations) {
      // the first declaration of a name binds (XML 1.0, 4.2); parameter entities are the DTD's own
      if (d.parameter || declared.has(d.name) || PREDEFINED.has(d.name)) continue;
      declared.add(d.name);
      if (d.literal === undefined) {
        externals++;
        external ??= d;
        kept.push(d.name);
        continue;
      }
      const value = entityText(d.literal);
      if ('text' in value) plain.set(d.name, value.text);
      else {
        warnAt(d.offset, `the entity "${d.name.slice(0, 60)}" is not expanded: ${value.reason}; its references are kept as written`);
        kept.push(d.name);
      }
    }
    if (external)
      warnAt(
        external.offset,
        `the external entity "${external.name.slice(0, 60)}" (${external.external}) is not fetched${externals > 1 ? `, nor ${externals - 1} more` : ''}; references to it are kept as written`,
      );
    if (plain.size) {
      // what their references in the rest of the file expand to in all (billion laughs, one level deep)
      const limit = Math.max(ENTITY_EXPANSION_LIMIT, source.length);
      let longest = 0;
      for (const name of plain.keys()) longest = Math.max(longest, name.length);
      let total = 0;
      let semi = -1;
      for (let i = source.indexOf('&', parser.position); i >= 0 && total <= limit; i = source.indexOf('&', i + 1)) {
        // the first ';' after this '&' (the one found for an earlier '&' still is, if it is after this one)
        if (semi <= i) semi = source.indexOf(';', i + 1);
        if (semi < 0) break;
        if (semi - i - 1 <= longest) total += plain.get(source.slice(i + 1, semi))?.length ?? 0;
      }
      if (total > limit) {
        // at the DOCTYPE's `<` (its text starts after `<!DOCTYPE`)
        warnAt(
          -9,
          `the internal entities are not expanded: their references would make more than ${limit.toLocaleString('en')} characters; they are kept as written`,
        );
        kept.push(...plain.keys());
        plain.clear();
      }
    }
    const define = (name: string, value: string) =>
      Object.defineProperty(parser.ENTITIES, name, { value, writable: true, enumerable: true, configurable: true });
    for (const [name, value] of plain) define(name, value);
    for (const name of kept) define(name, `&${name};`);
    let counted = 0,
      line = firstLine;
    for (const { offset, message } of warnings.sort((a, b) => a.offset - b.offset)) {
      for (; counted < offset; counted++) if (doctype[counted] === '\n') line++;
      const nl = offset > 0 ? doctype.lastIndexOf('\n', offset - 1) : -1;
      diag.warning(line, nl >= 0 ? offset - nl : firstColumn + offset, `${where(line)}: ${message}`);
    }
  }

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
    // the script check needs the term's status, which TBX gives after the <term>: noted here (only
    // a term it concerns), made after the parse, at the <term>
    if (lang.checked && hasOtherScript(t.raw.text, lang.checked))
      toCheck.push({ text: t.raw.text, lang: lang.checked, code: lang.code, line: t.termLine, column: t.termColumn, status: t.raw.status });
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
      } else if (note.startsWith(SENSE_NOTE)) {
        const sense = trimWhitespace(note.slice(SENSE_NOTE.length));
        t.raw.sense = t.raw.sense ? `${t.raw.sense} ${sense}` : sense;
      } else if (note.startsWith(REPLACED_BY_NOTE)) (t.raw.extra ??= {}).replacedBy = trimWhitespace(note.slice(REPLACED_BY_NOTE.length));
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
      term.termLine = line;
      term.termColumn = column;
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
        case 'definition': {
          // a definition inside a term group is the language's definition; when the concept has
          // one in that language already, it is what this term means here: the term's sense (which
          // the card shows and an export writes back)
          const language = lang?.lang;
          const has = language === 'en' ? concept.definitionEn : language ? concept.definitionZh : undefined;
          if (!has) break;
          if (has !== value) term.raw.sense = ownCopy(term.raw.sense ? `${term.raw.sense} ${value}` : value);
          return;
        }
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
        const target = restore(attrs.target ?? '');
        if (target && !/^[a-z][a-z0-9+.-]*:/i.test(target)) (concept.related ??= []).push(ownCopy(target.replace(/^#/, '')));
        return;
      }
      default:
    }
  }

  // a bare & (R&D typed in a definition) would make saxes read everything up to the next ';' as an
  // entity name, entries and all: each is reported, and read as the & it is (see `markBareAmpersands`)
  const marked = markBareAmpersands(text);
  if (marked) {
    const lines = new LineMap(text);
    for (const at of marked.at.slice(0, 20)) {
      const { line, column } = lines.at(at);
      diag.error(line, column, `${where(line)}: a bare & (write &amp;); read as &`);
    }
    if (marked.at.length > 20) diag.error(lines.at(marked.at[20]!).line, 1, `${marked.at.length - 20} more bare & not listed`);
    restore = (s: string) => (s.includes(marked.mark) ? s.replaceAll(marked.mark, '&') : s);
    source = marked.text;
  }
  parser.write(marked ? marked.text : text).close();
  source = '';
  const scripts = new ScriptCheck(diag, knownForms);
  for (const c of toCheck) scripts.check(c.text, c.lang, c.code, c.line, c.column, 'line', c.line, c.status);
  scripts.finish();
  if (rootOk === undefined) diag.error(1, 1, 'not a TBX file: no XML element found');
  return rootOk === true;
}

/** Why a document whose root element is not a TBX one is no TBX file. */
const notTbxRoot = (name: string) => `not a TBX file: the root element is <${name.slice(0, 40)}>, not <martif> or <tbx>`;
/** Why a document that is not XML before its root element is no TBX file. */
const notWellFormed = (message: string) => `not a TBX file: not well-formed XML (${message})`;

/**
 * What the start of a TBX file (`head`, its first characters) shows, without the rest: the problem
 * that makes it no TBX document as `parseTbx` reports it (a root element other than <martif> or
 * <tbx>, or text that is not XML before the root element), or undefined when its root element is a
 * TBX one or the start does not reach it. So a huge file of other XML, or binary, found by a glob
 * is not read whole to be turned away.
 */
export function tbxStartProblem(head: string): { line: number; column: number; message: string } | undefined {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  let problem: { line: number; column: number; message: string } | undefined;
  let decided = false;
  let tagLine = 1,
    tagColumn = 1;
  parser.on('opentagstart', (tag) => {
    tagLine = parser.line;
    tagColumn = Math.max(1, parser.columnIndex - tag.name.length - 1);
  });
  parser.on('opentag', (tag) => {
    if (decided) return;
    decided = true;
    if (elementInfo(tag.name).kind !== ROOT) problem = { line: tagLine, column: tagColumn, message: notTbxRoot(tag.name) };
  });
  parser.on('error', (err) => {
    if (decided) return;
    decided = true;
    const m = /^(\d+):(\d+): (.*)$/s.exec(err.message);
    const message = m ? m[3]! : err.message;
    problem = {
      line: m ? Number(m[1]) : parser.line,
      column: errorColumn(head, parser.position, message),
      message: notWellFormed(message),
    };
  });
  // not closed: the end of the start is not the end of the file
  parser.write(head);
  return problem;
}

/**
 * Whether the & at `at` starts a reference, well-formed or not: a name or a character number, then
 * `;` within 64 units and before any blank or markup (the parser reads and reports it, losing
 * nothing after its `;`).
 */
function startsReference(text: string, at: number): boolean {
  const end = Math.min(text.length, at + 66);
  for (let j = at + 1; j < end; j++) {
    const u = text.charCodeAt(j);
    if (u === 0x3b) return j > at + 1; // ;
    if (u <= 0x20 || u === 0x3c || u === 0x3e || u === 0x26 || u === 0x22 || u === 0x27) return false;
  }
  return false;
}
/** Where a bare & cannot be: comments, CDATA sections, processing instructions, the DOCTYPE. */
const SECTIONS: [open: string, close: string][] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
  ['<!DOCTYPE', ']>'],
];

/**
 * The text with each bare & (one that starts no reference: R&D, AT&T) in element text or an
 * attribute value replaced by a private-use character the text does not hold, which the reader
 * turns back into &; and where each was. Undefined when there is none (or no such character is
 * free). The same length, so every line and column the parser gives stays the file's. A DOCTYPE's
 * end is taken at its first `]>` or, without an internal subset, its `>`.
 */
export function markBareAmpersands(text: string): { text: string; mark: string; at: number[] } | undefined {
  // the &s that start no reference (a well-formed file has none, and pays only this search)
  const candidates: number[] = [];
  for (let j = text.indexOf('&'); j >= 0; j = text.indexOf('&', j + 1)) if (!startsReference(text, j)) candidates.push(j);
  if (!candidates.length) return undefined;
  const at: number[] = [];
  let c = 0;
  let i = candidates[0]!;
  // the next place each kind of section opens (searched again only once passed)
  const next = SECTIONS.map(([open]) => text.indexOf(open));
  while (i >= 0) {
    let skipTo = -1;
    for (let k = 0; k < SECTIONS.length; k++) {
      // the sections of this kind that open before the &: past them, or the one it is in
      while (next[k]! >= 0 && next[k]! < i) {
        const [open, close] = SECTIONS[k]!;
        let end = text.indexOf(close, next[k]! + open.length);
        if (k === 3) {
          const gt = text.indexOf('>', next[k]!);
          const bracket = text.indexOf('[', next[k]!);
          if (bracket < 0 || (gt >= 0 && gt < bracket)) end = gt;
        }
        end = end < 0 ? text.length : end + (k === 3 && text[end] === '>' ? 1 : close.length);
        next[k] = text.indexOf(open, end);
        if (end > i) {
          skipTo = Math.max(skipTo, end);
          break;
        }
      }
    }
    if (skipTo < 0) at.push(i);
    // the next candidate (after the section this one is in)
    while (c < candidates.length && candidates[c]! <= Math.max(i, skipTo - 1)) c++;
    i = c < candidates.length ? candidates[c]! : -1;
  }
  if (!at.length) return undefined;
  let mark = '';
  for (let u = 0xe000; u <= 0xf8ff && !mark; u++) if (!text.includes(String.fromCharCode(u))) mark = String.fromCharCode(u);
  if (!mark) return undefined;
  let out = '';
  let from = 0;
  for (const a of at) {
    out += text.slice(from, a) + mark;
    from = a + 1;
  }
  return { text: out + text.slice(from), mark, at };
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

/** What an internal entity's references may expand to in all, in characters (billion laughs). */
export const ENTITY_EXPANSION_LIMIT = 1_000_000;

/** An entity declaration of a DOCTYPE's internal subset. */
export interface EntityDeclaration {
  name: string;
  /** Where `<!ENTITY` starts in the doctype text. */
  offset: number;
  /** A parameter entity (`<!ENTITY % name …>`): the DTD's business, never the text's. */
  parameter: boolean;
  /** The literal value between its quotes; absent for an external entity. */
  literal?: string;
  /** SYSTEM or PUBLIC: an external entity, never fetched. */
  external?: string;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * The entity declarations of a DOCTYPE, from its text as saxes's `doctype` event gives it (what
 * follows `<!DOCTYPE`): those of the internal subset (`[ … ]`), in one linear scan that steps over
 * quoted literals, comments and processing instructions.
 */
export function entityDeclarations(doctype: string): EntityDeclaration[] {
  const out: EntityDeclaration[] = [];
  const n = doctype.length;
  /** The index just after the quoted literal that starts at i (its end, if it is not closed). */
  const skipLiteral = (i: number) => {
    const close = doctype.indexOf(doctype[i]!, i + 1);
    return close < 0 ? n : close + 1;
  };
  /** The index just after the `>` that ends the declaration going on at i (literals stepped over). */
  const skipDeclaration = (i: number) => {
    while (i < n && doctype[i] !== '>') i = doctype[i] === '"' || doctype[i] === "'" ? skipLiteral(i) : i + 1;
    return i + 1;
  };
  let i = 0;
  // the external ID before the subset may hold quoted literals
  while (i < n && doctype[i] !== '[') i = doctype[i] === '"' || doctype[i] === "'" ? skipLiteral(i) : i + 1;
  i++;
  while (i < n) {
    const c = doctype[i];
    if (c === ']') break;
    if (c !== '<') {
      i++;
      continue;
    }
    if (doctype.startsWith('<!--', i)) {
      const end = doctype.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
    } else if (doctype.startsWith('<?', i)) {
      const end = doctype.indexOf('?>', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (doctype.startsWith('<!ENTITY', i) && isSpace(doctype[i + 8] ?? '')) {
      const offset = i;
      let j = i + 8;
      while (j < n && isSpace(doctype[j]!)) j++;
      const parameter = doctype[j] === '%';
      if (parameter) while (++j < n && isSpace(doctype[j]!));
      const nameStart = j;
      while (j < n && !isSpace(doctype[j]!) && doctype[j] !== '>' && doctype[j] !== '"' && doctype[j] !== "'") j++;
      const name = doctype.slice(nameStart, j);
      while (j < n && isSpace(doctype[j]!)) j++;
      const q = doctype[j];
      if (name && (q === '"' || q === "'")) {
        const end = skipLiteral(j);
        out.push({ name, offset, parameter, literal: doctype.slice(j + 1, end - 1) });
        j = end;
      } else if (name && (doctype.startsWith('SYSTEM', j) || doctype.startsWith('PUBLIC', j)))
        out.push({ name, offset, parameter, external: doctype.slice(j, j + 6) });
      i = skipDeclaration(j);
    } else i = skipDeclaration(i + 1);
  }
  return out;
}

const PREDEFINED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/**
 * The text an internal entity stands for, when its literal value is plain text. As XML 1.0 says
 * (4.5 and Appendix D), the literal's character references are resolved first (its references to
 * general entities, the predefined ones too, are kept as written), and what that gives, the
 * replacement text, is read again where the entity is used: its character references and the five
 * predefined entities are resolved then, so `&#38;#60;` stands for `<`. Markup in the replacement
 * text (a `<` written, or given by a character reference in the literal), a reference to another
 * entity (which is not expanded: no entity expands inside another) or a parameter entity make it
 * not plain, and the reason is given instead.
 */
export function entityText(literal: string): { text: string } | { reason: string } {
  const replacement = resolveReferences(literal, 'literal');
  if (typeof replacement !== 'string') return replacement;
  if (replacement.includes('<')) return { reason: 'its value holds markup' };
  return resolveReferences(replacement, 'replacement') as { text: string } | { reason: string };
}

/**
 * One reading of an entity's value: in the `literal`, character references are resolved and
 * references to general entities kept (a parameter entity makes it not plain); in the
 * `replacement` text, character references and the predefined entities are resolved (any other
 * entity makes it not plain). Gives the literal's replacement text as a string, the replacement
 * text's text as `{ text }`.
 */
function resolveReferences(value: string, reading: 'literal' | 'replacement'): string | { text: string } | { reason: string } {
  let text = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== '&' && !(c === '%' && reading === 'literal')) continue;
    const semi = value.indexOf(';', i + 1);
    if (semi < 0) return { reason: `its value has a ${c} that starts no reference` };
    const name = value.slice(i + 1, semi);
    if (c === '%') return { reason: `its value refers to the parameter entity %${name.slice(0, 40)};` };
    let ch: string | undefined;
    if (name.startsWith('#')) {
      const code = /^#x[0-9a-fA-F]{1,6}$/.test(name)
        ? Number.parseInt(name.slice(2), 16)
        : /^#[0-9]{1,7}$/.test(name)
          ? Number(name.slice(1))
          : NaN;
      if (
        code >= 0x20
          ? code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfffe && code !== 0xffff
          : code === 9 || code === 10 || code === 13
      )
        ch = String.fromCodePoint(code);
      else return { reason: `its value has a malformed character reference &${name.slice(0, 40)};` };
    } else if (reading === 'literal') {
      // bypassed: read with the replacement text
      i = semi;
      continue;
    } else {
      ch = PREDEFINED.get(name);
      if (ch === undefined)
        return { reason: `its value refers to the entity &${name.slice(0, 40)}; (an entity is not expanded inside another)` };
    }
    text += value.slice(from, i) + ch;
    from = semi + 1;
    i = semi;
  }
  text += value.slice(from);
  return reading === 'literal' ? text : { text };
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
