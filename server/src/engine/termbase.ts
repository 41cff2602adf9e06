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
import { toSimplified, toTraditional } from './convert';
import type { ChineseScript, EntryStatus, GlossaryEntry, Term, TermStatus } from './entry';
import { buildTerms, type TermNotes } from './terms';
import { containsHan } from './unicode';

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
  const c = code.trim().toLowerCase().replace(/_/g, '-');
  if (c === 'en' || c.startsWith('en-') || c === 'eng') return 'en';
  if (c === 'zh-tw' || c === 'zh-hant-tw') return 'zh-TW';
  if (c === 'zh-hk' || c === 'zh-mo' || c === 'zh-hant-hk' || c === 'zh-hant-mo') return 'zh-HK';
  if (c === 'zh-hant' || c.startsWith('zh-hant-') || c === 'zh-cht' || c === 'zh-tc') return 'zh-Hant';
  if (c === 'zh' || c.startsWith('zh-') || c === 'zho' || c === 'chi' || c === 'cmn' || c.startsWith('cmn-')) return 'zh-Hans';
  return undefined;
}

/** TBX administrative status values (and common spellings of them) → term status. */
export function statusOf(value: string): TermStatus | undefined {
  const v = value.trim().toLowerCase();
  if (/^(preferred|standardized|standardised)/.test(v)) return 'preferred';
  if (/^admitted/.test(v)) return 'admitted';
  if (/^deprecated/.test(v)) return 'deprecated';
  if (/^superseded/.test(v)) return 'superseded';
  if (/^(forbidden|prohibited|notrecommended)/.test(v)) return 'forbidden';
  return undefined;
}

/** A term note that marks a deprecated TBX term as forbidden (TBX has no forbidden status). */
export const FORBIDDEN_NOTE = 'forbidden';
export const isForbiddenNote = (text: string) => /^forbidden(\s+term)?\.?$/i.test(text.trim());

/** Term notes that carry what TBX has no data category for (written by the export, read back). */
export const REVIEWED_NOTE = 'Reviewed form:';
export const GENERATED_NOTE = 'Generated form (OpenCC).';
export const SENSE_NOTE = 'Sense:';

/** Detect the format from the name's extension and the text's first characters. */
export function detectFormat(name: string, text: string): TermbaseFormat {
  const lower = name.toLowerCase();
  const start = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .trimStart();
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
  finish(): TermbaseDiagnostic[] {
    if (this.dropped) {
      const last = this.list[this.list.length - 1]!;
      this.list.push({ severity: 'warning', line: last.line, column: 1, message: `${this.dropped} more problems not listed` });
      this.dropped = 0;
    }
    return this.list;
  }
}

/** Deprecated, superseded and forbidden terms are never the headword while another term is not. */
const HEADWORD_ORDER: Record<TermStatus, number> = { preferred: 0, admitted: 0, deprecated: 1, superseded: 1, forbidden: 1 };

/** The terms of one language, the headword (the best-standing term, file order among equals) first. */
function byStanding(terms: RawTerm[]): RawTerm[] {
  return terms
    .map((t, i) => ({ t, i }))
    .sort((a, b) => HEADWORD_ORDER[a.t.status ?? 'preferred'] - HEADWORD_ORDER[b.t.status ?? 'preferred'] || a.i - b.i)
    .map((x) => x.t);
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];

/**
 * The entry for a concept, or a reason it has none (no Chinese or English term). `generate`
 * makes the missing scripts with OpenCC; the forms it makes are marked `generated` on their terms.
 */
export function conceptToEntry(
  raw: RawConcept,
  origin: string,
  fallbackId: string,
  generate = true,
): { entry: GlossaryEntry } | { problem: string } {
  const of = (lang: TermLang) =>
    byStanding(raw.terms.filter((t) => t.lang === lang && !(lang === 'en' && t.abbreviation) && t.text.trim() !== ''));
  const hans = of('zh-Hans'),
    hant = of('zh-Hant'),
    tw = of('zh-TW'),
    hk = of('zh-HK');
  const english = of('en');
  const abbr = uniq(raw.terms.filter((t) => t.lang === 'en' && t.abbreviation && t.text.trim()).map((t) => t.text.trim()));
  if (!hans.length && !hant.length && !tw.length && !hk.length && !english.length && !abbr.length)
    return { problem: 'no Chinese or English term' };

  const given = new Set(raw.terms.map((t) => t.text.trim()));
  const anyChinese = hans[0] ?? hant[0] ?? tw[0] ?? hk[0];
  let zhHans = hans[0]?.text.trim() ?? '';
  if (!zhHans && anyChinese) zhHans = generate ? toSimplified(anyChinese.text.trim()) : anyChinese.text.trim();
  let zhHant = hant[0]?.text.trim() ?? '';
  if (!zhHant && zhHans) {
    const base = tw[0] ?? hk[0];
    // a traditional form from a Taiwan or Hong Kong term keeps its characters (only the vocabulary may differ)
    zhHant = generate ? (base && !hans[0] ? base.text.trim() : toTraditional(zhHans)) : zhHans;
  }
  const twForm = tw[0]?.text.trim();
  const hkForm = hk[0]?.text.trim();
  const forms = new Set([zhHans, zhHant, twForm, hkForm].filter((f): f is string => !!f));
  const zhAliases = uniq(
    [...hans.slice(1), ...hant.slice(1), ...tw.slice(1), ...hk.slice(1)].map((t) => t.text.trim()).filter((t) => !forms.has(t)),
  );
  const en = uniq(english.map((t) => t.text.trim()));
  const abbrOnly = abbr.filter((a) => !en.includes(a));

  // what the file says about each term, per language (a Latin zh headword may also be an abbreviation)
  const notes = new Map<string, TermNotes & Record<string, unknown>>();
  const noteKey = (lang: 'zh' | 'en', text: string) => `${lang}\u0000${text}`;
  for (const t of raw.terms) {
    const key = noteKey(t.lang === 'en' ? 'en' : 'zh', t.text.trim());
    let note = notes.get(key);
    if (!note) notes.set(key, (note = {}));
    if (t.status && (note.status === undefined || t.status !== 'preferred')) note.status = t.status;
    if (t.usage) note.usage = t.usage;
    if (t.sense) note.sense = t.sense;
    if (t.extra) Object.assign(note, t.extra);
    if (t.review) note.review = t.review;
  }
  const shape = {
    zhHans,
    zhHant,
    ...(twForm && twForm !== zhHant ? { zhTw: twForm } : {}),
    ...(hkForm && hkForm !== zhHant ? { zhHk: hkForm } : {}),
    zhAliases,
    en,
    abbr: abbrOnly,
    status: raw.status ?? ('preferred' as EntryStatus),
  };
  const hansStatus = notes.get(noteKey('zh', zhHans))?.status;
  const terms: Term[] = buildTerms(shape).map((term) => {
    const note = notes.get(noteKey(term.lang, term.text));
    const out: Term = { ...term };
    if (note) {
      if (note.status) out.status = note.status;
      if (note.usage) out.usage = note.usage;
      if (note.sense) out.sense = note.sense;
      Object.assign(out, pickExtra(note));
    }
    if (term.lang !== 'zh' || term.role !== 'headword') return out;
    if (note?.review) out.review = note.review as Term['review'];
    else if (!given.has(term.text)) {
      // a generated form stands as the form it was generated from
      if (hansStatus && !note?.status) out.status = hansStatus;
      const reviewed = raw.reviewed && [raw.reviewed.hant, raw.reviewed.tw, raw.reviewed.hk].includes(term.text);
      out.review = reviewed
        ? { state: 'reviewed', ...(raw.reviewed?.reason ? { reason: raw.reviewed.reason } : {}) }
        : { state: 'generated' };
    }
    return out;
  });
  // a concept whose every term is deprecated (or worse) is a deprecated concept
  const standing = terms.map((t) => t.status);
  // and one whose headwords are all admitted is an admitted one (a preferred term exists elsewhere)
  const headwords = terms.filter((t) => t.role === 'headword').map((t) => t.status);
  const status: EntryStatus =
    raw.status ??
    (standing.length && standing.every((s) => s === 'deprecated' || s === 'superseded' || s === 'forbidden')
      ? 'deprecated'
      : headwords.length && headwords.every((s) => s === 'admitted')
        ? 'admitted'
        : 'preferred');
  let definitionEn = raw.definitionEn?.trim() ?? '';
  let definitionZh = raw.definitionZh?.trim() ?? '';
  if (definitionEn && !definitionZh && containsHan(definitionEn)) [definitionEn, definitionZh] = [definitionZh, definitionEn];
  const entry: GlossaryEntry = {
    id: raw.id?.trim() || fallbackId,
    zhHans: shape.zhHans,
    zhHant: shape.zhHant,
    ...(shape.zhTw ? { zhTw: shape.zhTw } : {}),
    ...(shape.zhHk ? { zhHk: shape.zhHk } : {}),
    zhAliases,
    en,
    abbr: abbrOnly,
    definitionEn,
    definitionZh,
    domain: raw.domain?.trim() || 'general',
    related: uniq(raw.related ?? []),
    status,
    terms,
    examples: [],
    occurrences: 0,
    origin,
    ...(raw.note ? { note: raw.note } : {}),
    ...raw.extra,
  };
  return { entry };
}

/** Term fields beyond TermNotes that the entry model knows (part of speech, region, …). */
const TERM_EXTRA_FIELDS = ['sense', 'pos', 'register', 'geo', 'replacedBy'] as const;
function pickExtra(note: Record<string, unknown>): Partial<Term> {
  const out: Record<string, unknown> = {};
  for (const k of TERM_EXTRA_FIELDS) if (note[k] !== undefined) out[k] = note[k];
  return out as Partial<Term>;
}

/** A short id prefix from a file name: `my-terms.tbx` → `my-terms`. */
export function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]+/g, '-') || 'termbase';
}

/**
 * Turn raw concepts into entries: the ones without a Chinese or English term are reported at their
 * line and skipped; the entry limit is enforced with a clear message.
 */
export function buildEntries(
  concepts: Iterable<RawConcept>,
  options: TermbaseOptions,
  diagnostics: Diagnostics,
  what: (c: RawConcept) => string,
): { entries: GlossaryEntry[]; lines: number[]; hasChinese: boolean } {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const origin = options.label ?? options.name;
  const stem = fileStem(options.name);
  const entries: GlossaryEntry[] = [],
    lines: number[] = [];
  let hasChinese = false;
  for (const raw of concepts) {
    if (entries.length >= limits.maxEntries) {
      diagnostics.error(
        raw.line,
        raw.column,
        `more than ${limits.maxEntries.toLocaleString('en')} entries: the rest of the file is not loaded (split the file)`,
      );
      break;
    }
    const made = conceptToEntry(raw, origin, `${stem}-${raw.line}`, options.generate !== false);
    if ('problem' in made) {
      diagnostics.warning(raw.line, raw.column, `${what(raw)}: ${made.problem}; skipped`);
      continue;
    }
    hasChinese ||= made.entry.zhHans !== '';
    entries.push(made.entry);
    lines.push(raw.line);
  }
  return { entries, lines, hasChinese };
}
