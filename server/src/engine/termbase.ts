/**
 * A user's own termbase (TBX, CSV/TSV, OmegaT, the project's YAML, a compiled glossary) read into
 * the concept model. Pure: text in, entries and diagnostics out; reading files is the caller's
 * business (the CLI, the server's file access, a browser worker), so this runs anywhere.
 *
 * Every format goes through the same steps: its parser yields `RawConcept`s (terms with a language
 * code and what the file says about each), and `conceptToEntry` makes a `GlossaryEntry` of each:
 * headwords per script, aliases, English terms, abbreviations, per-term status and notes, and the
 * Chinese scripts the file does not give generated with OpenCC and marked `generated`.
 */
import { convertLocale, fromTaiwan, toSimplified, toTraditional } from './convert';
import { SIMPLIFIED, TRADITIONAL, hasScriptClass, scriptClass } from './script';
import type { ChineseScript, EntryStatus, GlossaryEntry, Term, TermStatus } from './entry';
import { areDefaultTerms, buildTerms, exactList, type TermNotes, termsOf, termTexts } from './terms';
import { collapseWhitespace, containsHan, trimWhitespace } from './unicode';

/** The formats a termbase can have. `compiled` is a compiled glossary (dist/glossary.json). */
export type TermbaseFormat = 'tbx' | 'csv' | 'tsv' | 'omegat' | 'yaml' | 'compiled';
export const TERMBASE_FORMATS: readonly TermbaseFormat[] = ['tbx', 'csv', 'tsv', 'omegat', 'yaml', 'compiled'];

/** A problem in a termbase file, at a 1-based line and column, in words a translator understands. */
export interface TermbaseDiagnostic {
  severity: 'error' | 'warning' | 'information';
  line: number;
  column: number;
  message: string;
}

/** The language a term is in, as far as the glossary cares: English, or a Chinese script/region. */
export type TermLang = 'en' | ChineseScript;

/** One term as a file gives it. */
export interface RawTerm {
  text: string;
  lang: TermLang;
  status?: TermStatus;
  /** An abbreviation or acronym (TBX termType acronym/abbreviation/initialism/shortForm). */
  abbreviation?: boolean;
  /** Extra per-term data the entry model may carry (part of speech, region…), by name. */
  extra?: Record<string, unknown>;
  usage?: string;
  sense?: string;
  /** Whether a person reviewed this form or OpenCC generated it (as a termbase export records it). */
  review?: Term['review'];
}

/** One concept as a file gives it, with where it starts (1-based). */
export interface RawConcept {
  id?: string;
  line: number;
  column: number;
  terms: RawTerm[];
  definitionEn?: string;
  definitionZh?: string;
  domain?: string;
  related?: string[];
  /** Further entry-level data for the model (the YAML format's fields), applied last. */
  extra?: Partial<GlossaryEntry>;
  /** The element or row kind it came from, for messages (`<termEntry>`, `<conceptEntry>`). */
  element?: string;
  /** A note on the whole concept. */
  note?: string;
  /** The concept's own status (the YAML format's `status`); otherwise it follows its terms. */
  status?: EntryStatus;
  /** Reviewed regional forms (YAML `forms:`): not marked generated. */
  reviewed?: { hant?: string; tw?: string; hk?: string; reason?: string };
  /**
   * The terms the source names to say something of them (the YAML `terms:` keys), where, and what
   * it says: a term it gives has that on its `RawTerm` already; a form generated from one (the
   * traditional form) takes it from here. A key that names no term of the entry (as `termTexts`
   * has them, the glossary build's rule) is a warning.
   */
  notes?: { text: string; line: number; column: number; note: TermNotes }[];
}

export interface TermbaseLimits {
  /** Largest file, in UTF-16 code units of its text. */
  maxChars: number;
  /** Most entries read from one file. */
  maxEntries: number;
}

export const DEFAULT_LIMITS: TermbaseLimits = { maxChars: 64 * 1024 * 1024, maxEntries: 200_000 };

export interface TermbaseOptions {
  /** The file's name or URI: its extension helps detect the format; it becomes each entry's `origin`. */
  name: string;
  /** The format, when known (otherwise detected from the name and the content). */
  format?: TermbaseFormat;
  limits?: Partial<TermbaseLimits>;
  /** Generate the missing Chinese scripts with OpenCC (default true; off only to measure parsing alone). */
  generate?: boolean;
  /** The label entries carry as `origin` (default: `name`). */
  label?: string;
  /** Forms the script check accepts: the bundled glossary's (`glossaryForms`), when the caller has it. */
  knownForms?: KnownForm;
}

export interface Termbase {
  format: TermbaseFormat;
  entries: GlossaryEntry[];
  /** The 1-based line each entry starts at, parallel to `entries`. */
  lines: number[];
  diagnostics: TermbaseDiagnostic[];
  /** Whether any entry has a Chinese term (a discovered file without one is skipped). */
  hasChinese: boolean;
  /** Not a termbase at all (one diagnostic says why): nothing was read. */
  unreadable: boolean;
}

/** Which of our languages a language code or tag stands for (case-insensitive; `_` as `-`). */
export function languageOf(code: string): TermLang | undefined {
  const c = trimWhitespace(code).toLowerCase().replace(/_/g, '-');
  if (c === 'en' || c.startsWith('en-') || c === 'eng') return 'en';
  if (c === 'zh-tw' || c === 'zh-hant-tw') return 'zh-TW';
  if (c === 'zh-hk' || c === 'zh-mo' || c === 'zh-hant-hk' || c === 'zh-hant-mo') return 'zh-HK';
  if (c === 'zh-hant' || c.startsWith('zh-hant-') || c === 'zh-cht' || c === 'zh-tc') return 'zh-Hant';
  if (c === 'zh' || c.startsWith('zh-') || c === 'zho' || c === 'chi' || c === 'cmn' || c.startsWith('cmn-')) return 'zh-Hans';
  return undefined;
}

/**
 * `read`, remembered per input: a termbase repeats a few dozen element names, language codes and
 * status values, each read as a new string. A small table by each input's length and two of its
 * units finds most without hashing the string (what a map does with every new one); a map holds
 * every input seen (at most 4,096).
 */
export function remembered<T>(read: (s: string) => T): (s: string) => T {
  const seen = new Map<string, T>();
  const keys: (string | undefined)[] = new Array(256);
  const values: T[] = new Array(256);
  return (s) => {
    const n = s.length;
    const slot = n === 0 ? 0 : (n * 17 + s.charCodeAt(n - 1) * 5 + s.charCodeAt(n >> 1) * 3) & 255;
    if (keys[slot] === s) return values[slot] as T;
    let value = seen.get(s);
    if (value === undefined && !seen.has(s)) {
      value = read(s);
      if (seen.size < 4096) seen.set(s, value);
    }
    keys[slot] = s;
    values[slot] = value as T;
    return value as T;
  };
}

/**
 * `s` as a string of its own. A parser cuts what it reads out of the file's text, and V8 keeps such a
 * cut (13 units or longer) as a view into the whole text: an entry holding one would keep the whole
 * file in memory after the load (a 27 MB TBX file, 50 MB of text, for 33 MB of entries). Shorter
 * strings are copies already.
 */
export function ownCopy(s: string): string {
  if (s.length < 13) return s;
  // A text with no unit above U+00FF (English) as a one-byte string: cut out of a file that has
  // Chinese in it, it is a two-byte string like the file, twice its size in memory. JSON's reader
  // makes the smallest string for what it reads.
  if (!WIDE.test(s)) return JSON.parse(JSON.stringify(s)) as string;
  // Two parts joined make one flat string. (A space added and cut off again makes two objects, the
  // view and the string it views, and costs about half again as much.)
  return [s.slice(0, 1), s.slice(1)].join('');
}
const WIDE = /[^\u0000-\u00ff]/;

/** TBX administrative status values (and common spellings of them) → term status. */
export function statusOf(value: string): TermStatus | undefined {
  const v = trimWhitespace(value).toLowerCase();
  // TBX's legal and regulated terms are what an authority prescribes: preferred
  if (/^(preferred|standardized|standardised|legal|regulated)/.test(v)) return 'preferred';
  if (/^admitted/.test(v)) return 'admitted';
  if (/^deprecated/.test(v)) return 'deprecated';
  if (/^superseded/.test(v)) return 'superseded';
  if (/^(forbidden|prohibited|notrecommended)/.test(v)) return 'forbidden';
  return undefined;
}

/** A term note that marks a deprecated TBX term as forbidden (TBX has no forbidden status). */
export const FORBIDDEN_NOTE = 'forbidden';
export const isForbiddenNote = (text: string) => /^forbidden( term)?\.?$/i.test(collapseWhitespace(text));

/** Term notes that carry what TBX has no data category for (written by the export, read back). */
export const REVIEWED_NOTE = 'Reviewed form:';
export const GENERATED_NOTE = 'Generated form (OpenCC).';
export const SENSE_NOTE = 'Sense:';
export const REPLACED_BY_NOTE = 'Use instead:';

/** Detect the format from the name's extension and the text's first characters. */
export function detectFormat(name: string, text: string): TermbaseFormat {
  const lower = name.toLowerCase();
  const start = trimWhitespace(text.slice(0, 2048));
  if (lower.endsWith('.tbx') || lower.endsWith('.xml') || start.startsWith('<')) return 'tbx';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.json') || (start.startsWith('{') && start.includes('fintech-glossary/compiled'))) return 'compiled';
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return 'tsv';
  if (lower.endsWith('.utf8') || lower.endsWith('.txt')) return 'omegat';
  if (start.startsWith('- ')) return 'yaml';
  return 'csv';
}

/** 1-based line and column of each offset, by binary search in the line starts. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0,
      hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/** A collector of diagnostics with a cap, so a wholly broken file gives a readable list. */
export class Diagnostics {
  readonly list: TermbaseDiagnostic[] = [];
  private dropped = 0;
  constructor(private readonly max = 500) {}
  add(severity: TermbaseDiagnostic['severity'], line: number, column: number, message: string): void {
    if (this.list.length < this.max) this.list.push({ severity, line, column, message });
    else this.dropped++;
  }
  error(line: number, column: number, message: string): void {
    this.add('error', line, column, message);
  }
  warning(line: number, column: number, message: string): void {
    this.add('warning', line, column, message);
  }
  /** The diagnostics in the file's order (by line, then column; as found within one place). */
  finish(): TermbaseDiagnostic[] {
    this.list.sort((a, b) => a.line - b.line || a.column - b.column);
    if (this.dropped) {
      const last = this.list[this.list.length - 1]!;
      this.list.push({ severity: 'warning', line: last.line, column: 1, message: `${this.dropped} more problems not listed` });
      this.dropped = 0;
    }
    return this.list;
  }
}

/**
 * Whether a language code or column name states a script or region (zh-CN, zh-Hant, zh-TW,
 * Chinese (Simplified)), not Chinese alone (zh, zho, Chinese, 中文): only a stated script is checked.
 */
export function statesScript(code: string): boolean {
  return !/^(zh|zho|chi|cmn|chinese|中文)$/.test(trimWhitespace(code).toLowerCase());
}

/**
 * Whether a term has a character of the other script than its language says, by the engine's one
 * rule for which script a character is in (script.ts): a traditional-only character in a
 * simplified term, a simplified-only one in a traditional, Taiwan or Hong Kong term. Characters
 * both scripts write never count. Quick (a table look-up per character); `scriptMismatch` confirms.
 */
export function hasOtherScript(text: string, lang: TermLang): boolean {
  return lang !== 'en' && hasScriptClass(text, lang === 'zh-Hans' ? TRADITIONAL : SIMPLIFIED);
}

const SCRIPT_LOCALE = { 'zh-Hant': 't', 'zh-TW': 'tw', 'zh-HK': 'hk' } as const;

/**
 * The characters of a term written in the other script than its language: those `hasOtherScript`
 * finds that converting the term to its language's script (OpenCC, characters only: no regional
 * vocabulary; the convert.ts converters) changes, each once, and the converted term. A character a script writes in some
 * words (里 in 公里, 准 in 核准, 恒 in Hong Kong's 恒生) is kept by the conversion and is no mismatch.
 */
export function scriptMismatch(text: string, lang: TermLang): { chars: string; converted: string } | undefined {
  if (!hasOtherScript(text, lang)) return undefined;
  // through the other script first: OpenCC's phrase tables are keyed in one script, so a term
  // half in each (显著 with 著) is made whole before its phrases are looked up (著 stays in 显著)
  const converted =
    lang === 'zh-Hans'
      ? toSimplified(toTraditional(text))
      : convertLocale(toSimplified(text), 'cn', SCRIPT_LOCALE[lang as keyof typeof SCRIPT_LOCALE]);
  if (converted === text) return undefined;
  const other = lang === 'zh-Hans' ? TRADITIONAL : SIMPLIFIED;
  let chars = '';
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    // a conversion that changes the length (rare) is compared as a whole
    const changed = converted.length !== text.length || converted.charCodeAt(i) !== u;
    if (u >= 0x3400 && changed && scriptClass(u) === other && !chars.includes(text[i]!)) chars += text[i]!;
  }
  return chars ? { chars, converted } : undefined;
}

/**
 * Whether a glossary gives `text` as a term of standing in `script`: the script check accepts such
 * a form, so that a termbase never contradicts the glossary's reviewed forms (昇腾, Huawei's name,
 * whose 昇 is a simplified character too; Taiwan's 雇主; 占比 in traditional text). See `glossaryForms`.
 */
export type KnownForm = (text: string, script: ChineseScript) => boolean;

/** Whether a status says a term is not to be used (deprecated, superseded, forbidden). */
export const isLowStanding = (status: string | undefined) => status === 'deprecated' || status === 'superseded' || status === 'forbidden';

const FORM_BITS: Record<ChineseScript, number> = { 'zh-Hans': 1, 'zh-Hant': 2, 'zh-TW': 4, 'zh-HK': 8 };
const GEO_BITS: Record<string, number> = { tw: FORM_BITS['zh-TW'], hk: FORM_BITS['zh-HK'] };
const KNOWN_FORMS = new WeakMap<readonly GlossaryEntry[], KnownForm>();

/**
 * The forms a glossary gives in each script, for the script check (the one rule; made once per
 * list of entries). A term of standing (not deprecated, superseded or forbidden) counts in the
 * scripts it is the headword in; an alias (a variant, written as the glossary keeps it, in
 * whatever characters) in simplified, the script the glossary lists aliases with and exports them
 * under, and in Taiwan or Hong Kong too when it is used there (`geo`).
 */
export function glossaryForms(entries: readonly GlossaryEntry[]): KnownForm {
  let known = KNOWN_FORMS.get(entries);
  if (known) return known;
  const scripts = new Map<string, number>();
  const add = (text: string, bits: number) => scripts.set(text, (scripts.get(text) ?? 0) | bits);
  for (const entry of entries)
    for (const t of termsOf(entry)) {
      if (t.lang !== 'zh' || isLowStanding(t.status)) continue;
      if (t.role === 'headword') for (const s of t.scripts ?? []) add(t.text, FORM_BITS[s]);
      else if (t.role === 'variant') {
        let bits = FORM_BITS['zh-Hans'];
        for (const g of t.geo ?? []) bits |= GEO_BITS[g] ?? 0;
        add(t.text, bits);
      }
    }
  known = (text, script) => ((scripts.get(text) ?? 0) & FORM_BITS[script]) !== 0;
  KNOWN_FORMS.set(entries, known);
  return known;
}

/**
 * Warnings for terms written in the other script than their column or language section states
 * (銀行 under zh-CN, 银行 under zh-TW): the term still loads as given. A term the file marks
 * deprecated, superseded or forbidden is not checked (a mixed-script form kept so that term QA
 * flags it is written wrong on purpose), nor one the glossary gives in that script (`known`). At
 * most `max` terms are confirmed by conversion and at most `listed` warned of; one warning counts the rest.
 */
export class ScriptCheck {
  private listed = 0;
  private confirmed = 0;
  private more = 0;
  private moreLine = 0;
  constructor(
    private readonly diag: Diagnostics,
    private readonly known?: KnownForm,
    private readonly maxListed = 100,
    private readonly maxConfirmed = 500,
  ) {}

  /**
   * Check a term of language `lang` and status `status` under `label` (the column's header or the
   * xml:lang code) at `line` and `column`; the message opens with `what` and its number (`row 3`, `line 12`).
   */
  check(
    text: string,
    lang: TermLang,
    label: string,
    line: number,
    column: number,
    what: string,
    n: number,
    status: string | undefined,
  ): void {
    if (lang === 'en' || isLowStanding(status) || !hasOtherScript(text, lang) || this.known?.(text, lang)) return;
    if (this.listed >= this.maxListed || this.confirmed >= this.maxConfirmed) {
      if (!this.more++) this.moreLine = line;
      return;
    }
    this.confirmed++;
    const m = scriptMismatch(text, lang);
    if (!m) return;
    this.listed++;
    const [written, meant] = lang === 'zh-Hans' ? ['traditional', 'simplified'] : ['simplified', 'traditional'];
    this.diag.warning(
      line,
      column,
      `${what} ${n}: ${text.slice(0, 60)} has ${written} characters (${m.chars.slice(0, 20)}), but ${label.slice(0, 40)} is ${meant} Chinese (${m.converted.slice(0, 60)}?)`,
    );
  }

  finish(): void {
    if (this.more)
      this.diag.warning(
        this.moreLine,
        1,
        `${this.more} more ${this.more === 1 ? 'term has' : 'terms have'} characters that may be of the other script than their language (not checked further)`,
      );
    this.more = 0;
  }
}

/** Deprecated, superseded and forbidden terms are never the headword while another term is not. */
const lowStanding = (t: RawTerm) => isLowStanding(t.status);

/** The terms of one language, the headword (the best-standing term, file order among equals) first. */
function byStanding(terms: RawTerm[]): RawTerm[] {
  if (!terms.some(lowStanding)) return terms;
  return [...terms.filter((t) => !lowStanding(t)), ...terms.filter(lowStanding)];
}

/**
 * The one empty list every entry without aliases, abbreviations, related entries or examples shares
 * (a termbase can have 100,000s of entries; nothing changes an entry's lists after it is made).
 */
const NONE = Object.freeze([]) as unknown as string[];
/** A list an entry keeps: the shared empty one, or a copy at its own length (see `exactList`). */
const kept = <T>(xs: T[]): T[] => (xs.length ? exactList(xs) : (NONE as unknown as T[]));

/** The distinct strings of a short list, in first-seen order (the list itself when they are). */
function uniq(xs: string[]): string[] {
  let distinct = true;
  for (let i = 1; i < xs.length && distinct; i++) for (let j = 0; j < i; j++) if (xs[j] === xs[i]) distinct = false;
  if (distinct) return xs;
  const out: string[] = [];
  for (const x of xs) if (!out.includes(x)) out.push(x);
  return exactList(out);
}

/** What the file says about one term of a concept (its status, notes and extra fields, merged). */
type Note = TermNotes & Record<string, unknown>;

/**
 * The entry for a concept, or a reason it has none (no Chinese or English term). `generate`
 * makes the missing scripts with OpenCC; the forms it makes are marked `generated` on their terms.
 * A termbase can hold 100,000s of concepts, so this is one pass over the terms with short arrays
 * searched linearly (a concept has a handful of terms), not sets, maps and sorts per concept.
 */
export function conceptToEntry(
  raw: RawConcept,
  origin: string,
  fallbackId: string,
  generate = true,
): { entry: GlossaryEntry } | { problem: string } {
  const plain = plainConcept(raw);
  const entry = plain && plainEntry(plain, origin, fallbackId, generate);
  return entry ? { entry } : anyConceptToEntry(raw, origin, fallbackId, generate);
}

/** `conceptToEntry` for every concept (the plain ones too: the tests hold the two paths equal). */
export function anyConceptToEntry(
  raw: RawConcept,
  origin: string,
  fallbackId: string,
  generate = true,
): { entry: GlossaryEntry } | { problem: string } {
  // the terms of each language (abbreviations apart), blank ones dropped, best standing first
  let hans: RawTerm[] = [],
    hant: RawTerm[] = [],
    tw: RawTerm[] = [],
    hk: RawTerm[] = [],
    english: RawTerm[] = [];
  const abbrs: string[] = [];
  for (const t of raw.terms) {
    const text = trimWhitespace(t.text);
    if (text === '') continue;
    switch (t.lang) {
      case 'zh-Hans':
        hans.push(t);
        break;
      case 'zh-Hant':
        hant.push(t);
        break;
      case 'zh-TW':
        tw.push(t);
        break;
      case 'zh-HK':
        hk.push(t);
        break;
      default:
        if (!t.abbreviation) english.push(t);
        else if (!abbrs.includes(text)) abbrs.push(text);
    }
  }
  if (!hans.length && !hant.length && !tw.length && !hk.length && !english.length && !abbrs.length)
    return { problem: 'no Chinese or English term' };
  hans = byStanding(hans);
  hant = byStanding(hant);
  tw = byStanding(tw);
  hk = byStanding(hk);
  english = byStanding(english);

  const given = (text: string) => raw.terms.some((t) => trimWhitespace(t.text) === text);
  const anyChinese = hans[0] ?? hant[0] ?? tw[0] ?? hk[0];
  let zhHans = hans[0] ? trimWhitespace(hans[0].text) : '';
  if (!zhHans && anyChinese) {
    const text = trimWhitespace(anyChinese.text);
    // from a Taiwan term, without Taiwan's vocabulary (軟體 → 软件): Taiwan's words are Taiwan's form
    zhHans = !generate ? text : anyChinese === tw[0] ? fromTaiwan(text) : toSimplified(text);
  }
  // The traditional form, when the file gives none: from a Taiwan or Hong Kong term (when no
  // simplified one is given), that term in standard characters (電綫 → 電線) with its words kept; else
  // made from the simplified form. Never the other region's words made up: Taiwan and Hong Kong fall
  // back to it, and a form made through the simplified one (資訊安全 → 信息安全 → 信息安全) would tell a
  // Hong Kong writer to use mainland words. A term given for one region only is then the region's
  // and the traditional form alike: nothing is said about the other region.
  let zhHant = hant[0] ? trimWhitespace(hant[0].text) : '';
  if (!zhHant && zhHans) {
    const base = hans[0] ? undefined : (tw[0] ?? hk[0]);
    zhHant = !generate
      ? zhHans
      : base
        ? convertLocale(trimWhitespace(base.text), base === tw[0] ? 'tw' : 'hk', 't')
        : toTraditional(zhHans);
  }
  const twForm = tw[0] && trimWhitespace(tw[0].text);
  const hkForm = hk[0] && trimWhitespace(hk[0].text);
  const isForm = (text: string) => text === zhHans || text === zhHant || text === twForm || text === hkForm;
  const zhAliases: string[] = [];
  for (const list of [hans, hant, tw, hk])
    for (let i = 1; i < list.length; i++) {
      const text = trimWhitespace(list[i]!.text);
      if (!isForm(text) && !zhAliases.includes(text)) zhAliases.push(text);
    }
  const en = uniq(english.map((t) => trimWhitespace(t.text)));
  const abbrOnly = abbrs.filter((a) => !en.includes(a));

  // what the file says about each term, per language (a Latin zh headword may also be an abbreviation)
  const noteTexts: string[] = [],
    noteLangs: ('zh' | 'en')[] = [],
    noteList: Note[] = [];
  const noteOf = (lang: 'zh' | 'en', text: string): Note | undefined => {
    for (let i = 0; i < noteTexts.length; i++) if (noteTexts[i] === text && noteLangs[i] === lang) return noteList[i];
    return undefined;
  };
  for (const t of raw.terms) {
    const lang = t.lang === 'en' ? 'en' : 'zh',
      text = trimWhitespace(t.text);
    let note = noteOf(lang, text);
    if (!note) {
      note = {};
      noteTexts.push(text);
      noteLangs.push(lang);
      noteList.push(note);
    }
    if (t.status && (note.status === undefined || t.status !== 'preferred')) note.status = t.status;
    if (t.usage) note.usage = t.usage;
    if (t.sense) note.sense = t.sense;
    if (t.extra) Object.assign(note, t.extra);
    if (t.review) note.review = t.review;
  }
  // what the source says of a form it does not give (one generated from a form it gives)
  for (const n of raw.notes ?? [])
    if (!given(n.text) && !noteOf('zh', n.text)) {
      noteTexts.push(n.text);
      noteLangs.push('zh');
      noteList.push({ ...n.note });
    }
  // the forms buildTerms reads (a regional form only where it differs from the traditional one)
  const shape = {
    zhHans,
    zhHant,
    zhTw: twForm && twForm !== zhHant ? twForm : undefined,
    zhHk: hkForm && hkForm !== zhHant ? hkForm : undefined,
    zhAliases,
    en,
    abbr: abbrOnly,
    status: raw.status ?? ('preferred' as EntryStatus),
  };
  // what the file says of the form the generated ones are made from (the simplified one, else the
  // term it was generated from): a generated form stands as that form does
  const source = noteOf('zh', zhHans) ?? (anyChinese ? noteOf('zh', trimWhitespace(anyChinese.text)) : undefined);
  const hansStatus = source?.status;
  // the terms buildTerms makes are fresh objects: what the file says is set on them in place
  const terms: Term[] = buildTerms(shape);
  let deprecatedOnly = terms.length > 0,
    headwords = 0,
    admittedHeadwords = 0;
  for (const out of terms) {
    const note = noteOf(out.lang, out.text);
    if (note) {
      if (note.status) out.status = note.status;
      if (note.usage) out.usage = note.usage;
      if (note.sense) out.sense = note.sense;
      pickExtra(note, out);
    }
    if (out.lang === 'zh' && out.role === 'headword') {
      if (note?.review) out.review = note.review as Term['review'];
      else if (!given(out.text)) {
        // a generated form stands as the form it was generated from
        if (hansStatus && !note?.status) out.status = hansStatus;
        if (source?.pos !== undefined && note?.pos === undefined) out.pos = source.pos as Term['pos'];
        const reviewed = raw.reviewed && [raw.reviewed.hant, raw.reviewed.tw, raw.reviewed.hk].includes(out.text);
        out.review = reviewed
          ? { state: 'reviewed', ...(raw.reviewed?.reason ? { reason: raw.reviewed.reason } : {}) }
          : { state: 'generated' };
      }
    }
    const s = out.status;
    if (s !== 'deprecated' && s !== 'superseded' && s !== 'forbidden') deprecatedOnly = false;
    if (out.role === 'headword') {
      headwords++;
      if (s === 'admitted') admittedHeadwords++;
    }
  }
  // a concept whose every term is deprecated (or worse) is a deprecated concept, and one whose
  // headwords are all admitted is an admitted one (a preferred term exists elsewhere)
  const status: EntryStatus =
    raw.status ?? (deprecatedOnly ? 'deprecated' : headwords && admittedHeadwords === headwords ? 'admitted' : 'preferred');
  const entry = makeEntry(
    raw,
    fallbackId,
    origin,
    zhHans,
    zhHant,
    shape.zhTw,
    shape.zhHk,
    kept(zhAliases),
    en,
    kept(abbrOnly),
    status,
    terms,
  );
  if (raw.extra) Object.assign(entry, raw.extra);
  // terms that say nothing beyond the defaults are left to `termsOf`, which makes them when asked
  if (areDefaultTerms(entry, terms)) entry.terms = undefined;
  return { entry };
}

/**
 * The entry object, in the model's field order, from what a concept's terms made of it: its id,
 * domain, definitions (a Chinese one given as English moves over), related ids and note.
 */
function makeEntry(
  raw: Pick<RawConcept, 'id' | 'definitionEn' | 'definitionZh' | 'domain' | 'note' | 'related'> &
    Pick<PlainConcept, 'trimmed' | 'latinDefinition'>,
  fallbackId: string,
  origin: string,
  zhHans: string,
  zhHant: string,
  zhTw: string | undefined,
  zhHk: string | undefined,
  zhAliases: string[],
  en: string[],
  abbr: string[],
  status: EntryStatus,
  terms: Term[] | undefined,
): GlossaryEntry {
  const trimmed = raw.trimmed === true;
  let definitionEn = (trimmed || raw.definitionEn === undefined ? raw.definitionEn : trimWhitespace(raw.definitionEn)) ?? '';
  let definitionZh = (trimmed || raw.definitionZh === undefined ? raw.definitionZh : trimWhitespace(raw.definitionZh)) ?? '';
  if (definitionEn && !definitionZh && raw.latinDefinition !== true && containsHan(definitionEn))
    [definitionEn, definitionZh] = [definitionZh, definitionEn];
  const id = (trimmed || raw.id === undefined ? raw.id : trimWhitespace(raw.id)) || fallbackId;
  const domain = (trimmed || raw.domain === undefined ? raw.domain : trimWhitespace(raw.domain)) || 'general';
  const related = raw.related ? kept(uniq(raw.related)) : NONE;
  // every field, absent ones undefined, in the order a compiled entry has them (`expandEntry`):
  // one object shape for every entry, bundled or not (a test holds the two key lists equal)
  const entry: GlossaryEntry = {
    id,
    zhHans,
    zhHant,
    zhTw,
    zhHk,
    zhAliases,
    en,
    abbr,
    definitionEn,
    definitionZh,
    definitionZhSource: undefined,
    domain,
    related,
    status,
    replacedBy: undefined,
    pos: undefined,
    historical: undefined,
    provenance: undefined,
    quote: undefined,
    terms,
    examples: NONE as unknown as GlossaryEntry['examples'],
    occurrences: 0,
    origin,
    note: raw.note || undefined,
  };
  return entry;
}

/**
 * The common concept, as a parser may give it without making `RawTerm`s: at most one term per
 * language, each written without surrounding blanks, one status for all of them, nothing else said
 * of any term. `tabular` fills one of these per plain row; `plainConcept` makes one of a raw concept.
 */
export interface PlainConcept {
  line: number;
  column: number;
  hans: string | undefined;
  hant: string | undefined;
  tw: string | undefined;
  hk: string | undefined;
  en: string | undefined;
  /** The status every term has (superseded and forbidden are not plain). */
  status: 'preferred' | 'admitted' | 'deprecated' | undefined;
  id?: string;
  definitionEn?: string;
  definitionZh?: string;
  domain?: string;
  note?: string;
  /** Its id, definitions, domain and note are trimmed already (as the sheet reader gives them). */
  trimmed?: boolean;
  /** Its English definition is known to hold no Han (it was read as English for that reason). */
  latinDefinition?: boolean;
}

/**
 * Put a term in its language's place in a plain concept: false when the place is taken (a second
 * term of one language: not plain).
 */
export function setPlainTerm(c: PlainConcept, lang: TermLang, text: string): boolean {
  switch (lang) {
    case 'zh-Hans':
      if (c.hans !== undefined) return false;
      c.hans = text;
      return true;
    case 'zh-Hant':
      if (c.hant !== undefined) return false;
      c.hant = text;
      return true;
    case 'zh-TW':
      if (c.tw !== undefined) return false;
      c.tw = text;
      return true;
    case 'zh-HK':
      if (c.hk !== undefined) return false;
      c.hk = text;
      return true;
    default:
      if (c.en !== undefined) return false;
      c.en = text;
      return true;
  }
}

/** A raw concept as a plain one, or undefined when it is not plain (see `PlainConcept`). */
function plainConcept(raw: RawConcept): PlainConcept | undefined {
  if (raw.extra || raw.reviewed || raw.status || raw.related) return undefined;
  const terms = raw.terms;
  const shared = terms.length ? terms[0]!.status : undefined;
  if (shared === 'superseded' || shared === 'forbidden') return undefined;
  const c: PlainConcept = {
    line: raw.line,
    column: raw.column,
    hans: undefined,
    hant: undefined,
    tw: undefined,
    hk: undefined,
    en: undefined,
    status: shared,
    id: raw.id,
    definitionEn: raw.definitionEn,
    definitionZh: raw.definitionZh,
    domain: raw.domain,
    note: raw.note,
  };
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    const text = t.text;
    if (t.status !== shared || t.abbreviation || t.usage || t.sense || t.extra || t.review) return undefined;
    if (text.length === 0 || trimWhitespace(text).length !== text.length) return undefined;
    if (!setPlainTerm(c, t.lang, text)) return undefined;
  }
  return c;
}

/**
 * The entry of a plain concept, quickly: its terms are the defaults of its status (so the entry
 * carries none) and nothing needs sorting or merging. Undefined when it has no term at all, or a
 * script to generate: the general path (`anyConceptToEntry`) takes those, and makes the same entry
 * of a plain concept as this does (the tests hold the two equal).
 */
export function plainEntry(c: PlainConcept, origin: string, fallbackId: string, generate: boolean): GlossaryEntry | undefined {
  const { hans, hant, tw, hk, en: english } = c;
  const anyChinese = hans ?? hant ?? tw ?? hk;
  if (anyChinese === undefined && english === undefined) return undefined;
  if (generate && anyChinese !== undefined && (hans === undefined || hant === undefined)) return undefined;
  const zhHans = hans ?? anyChinese ?? '';
  const zhHant = hant ?? zhHans;
  const status: EntryStatus = c.status === 'deprecated' ? 'deprecated' : c.status === 'admitted' ? 'admitted' : 'preferred';
  const zhTw = tw !== undefined && tw !== zhHant ? tw : undefined;
  const zhHk = hk !== undefined && hk !== zhHant ? hk : undefined;
  const en = english === undefined ? [] : [english];
  return makeEntry(c, fallbackId, origin, zhHans, zhHant, zhTw, zhHk, NONE, en, NONE, status, undefined);
}

/** A plain concept as a raw one (for the general path). */
export function rawOfPlain(c: PlainConcept): RawConcept {
  const terms: RawTerm[] = [];
  const add = (text: string | undefined, lang: TermLang) => {
    if (text !== undefined) terms.push(c.status ? { text, lang, status: c.status } : { text, lang });
  };
  add(c.hans, 'zh-Hans');
  add(c.hant, 'zh-Hant');
  add(c.tw, 'zh-TW');
  add(c.hk, 'zh-HK');
  add(c.en, 'en');
  const raw: RawConcept = { line: c.line, column: c.column, terms };
  if (c.id !== undefined) raw.id = c.id;
  if (c.definitionEn !== undefined) raw.definitionEn = c.definitionEn;
  if (c.definitionZh !== undefined) raw.definitionZh = c.definitionZh;
  if (c.domain !== undefined) raw.domain = c.domain;
  if (c.note !== undefined) raw.note = c.note;
  return raw;
}

/** Term fields beyond TermNotes that the entry model knows (sense, part of speech, register, region, replacement). */
function pickExtra(note: Note, out: Term): void {
  if (note.sense !== undefined) out.sense = note.sense;
  if (note.pos !== undefined) out.pos = note.pos;
  if (note.register !== undefined) out.register = note.register;
  if (note.geo !== undefined) out.geo = note.geo;
  if (note.replacedBy !== undefined) out.replacedBy = note.replacedBy;
}

/** A short id prefix from a file name: `my-terms.tbx` → `my-terms`. */
export function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '-') || 'termbase';
}

/**
 * Turns raw concepts into entries as the parser yields them (so a concept is garbage as soon as its
 * entry is made, never a second copy of the whole file): the ones without a Chinese or English term
 * are reported at their line and skipped; the entry limit is enforced with a clear message. Its
 * diagnostics follow the parser's (`finish`), as if the entries were built after the parse.
 */
export class EntryBuilder {
  private entries: GlossaryEntry[] = [];
  private lines: number[] = [];
  /** How many entries are made (the lists may be longer: see `reserve`). */
  private count = 0;
  hasChinese = false;
  private readonly maxEntries: number;
  private readonly origin: string;
  private readonly stem: string;
  private readonly generate: boolean;
  private readonly problems: TermbaseDiagnostic[] = [];
  private full = false;
  /** The line each id a concept gives was first given on (a concept's id is its name for links and exports). */
  private readonly idLines = new Map<string, number>();

  /** `what` names a concept in a message (`line 12: <termEntry>`, `row 3`); `row` is the parser's. */
  constructor(
    options: TermbaseOptions,
    private readonly what: (c: RawConcept, row: number) => string,
  ) {
    this.maxEntries = options.limits?.maxEntries ?? DEFAULT_LIMITS.maxEntries;
    this.origin = options.label ?? options.name;
    this.stem = fileStem(options.name);
    this.generate = options.generate !== false;
  }

  add(raw: RawConcept, row = 0): void {
    if (this.full) return;
    if (this.count >= this.maxEntries) {
      this.full = true;
      this.problems.push({
        severity: 'error',
        line: raw.line,
        column: raw.column,
        message: `more than ${this.maxEntries.toLocaleString('en')} entries: the rest of the file is not loaded (split the file)`,
      });
      return;
    }
    const made = conceptToEntry(raw, this.origin, `${this.stem}-${raw.line}`, this.generate);
    if ('problem' in made) {
      this.problems.push({
        severity: 'warning',
        line: raw.line,
        column: raw.column,
        message: `${this.what(raw, row)}: ${made.problem}; skipped`,
      });
      return;
    }
    if (raw.id !== undefined) {
      const first = this.idLines.get(made.entry.id);
      if (first === undefined) this.idLines.set(made.entry.id, raw.line);
      else
        this.problems.push({
          severity: 'warning',
          line: raw.line,
          column: raw.column,
          message: `${this.what(raw, row)}: id "${made.entry.id.slice(0, 60)}" is used on line ${first} too; read as another concept`,
        });
    }
    if (raw.notes?.length) {
      const own = termTexts(made.entry);
      for (const n of raw.notes)
        if (!own.has(n.text))
          this.problems.push({
            severity: 'warning',
            line: n.line,
            column: n.column,
            message: `${this.what(raw, row)}: terms: "${n.text}" is not a term of this entry (its forms: ${[...own].join(', ')}); its notes are not used`,
          });
    }
    this.hasChinese ||= made.entry.zhHans !== '';
    this.entries[this.count] = made.entry;
    this.lines[this.count++] = raw.line;
  }

  /**
   * Room for about `concepts` entries, when a reader knows how many rows are coming (a sheet, once
   * parsed). A list grown item by item to 100,000 is made again at each of its last five sizes,
   * each one a large object for V8 (with every page of it new to the process); made once at its
   * size, it is one.
   */
  reserve(concepts: number): void {
    if (this.count > 0 || concepts <= 16_384) return;
    const n = Math.min(concepts, this.maxEntries);
    this.entries = new Array(n);
    this.lines = new Array(n);
  }

  /** A plain concept (see `PlainConcept`): its entry made directly, or by the general path. */
  addPlain(c: PlainConcept, row = 0): void {
    const entry =
      this.full || this.count >= this.maxEntries ? undefined : plainEntry(c, this.origin, `${this.stem}-${c.line}`, this.generate);
    if (!entry) {
      this.add(rawOfPlain(c), row);
      return;
    }
    this.hasChinese ||= entry.zhHans !== '';
    this.entries[this.count] = entry;
    this.lines[this.count++] = c.line;
  }

  /** The entries, after the build's own diagnostics have gone to `diagnostics`. */
  finish(diagnostics: Diagnostics): { entries: GlossaryEntry[]; lines: number[]; hasChinese: boolean } {
    for (const p of this.problems) diagnostics.add(p.severity, p.line, p.column, p.message);
    this.entries.length = this.lines.length = this.count;
    return { entries: this.entries, lines: this.lines, hasChinese: this.hasChinese };
  }
}
