/**
 * The concept model, shared by the compiled bundled glossary, user glossaries and every feature.
 * One entry = one concept (TBX's termEntry): its Chinese forms, English terms and definitions.
 */

/** Where a quoted definition or an example comes from, in the cleaned source documents. */
export interface Citation {
  /** Source document id, e.g. "000" or "001" (see glossary/sources/). */
  doc: string;
  /** Human title of the document or of the report inside it. */
  title: string;
  /** 1-based line in the cleaned source file. */
  line: number;
}

export interface Example {
  text: string;
  cite: Citation;
}

export type EntryStatus = 'preferred' | 'admitted' | 'deprecated';

/**
 * A term's standing (TBX's administrative status, plus `superseded` and memoQ's `forbidden`): what
 * a translator may write. Term QA flags deprecated, superseded and forbidden terms.
 */
export type TermStatus = 'preferred' | 'admitted' | 'deprecated' | 'superseded' | 'forbidden';
export const TERM_STATUSES: readonly TermStatus[] = ['preferred', 'admitted', 'deprecated', 'superseded', 'forbidden'];

/** A term's part of speech (absent: noun). */
export type PartOfSpeech = 'noun' | 'verb' | 'adjective' | 'properNoun' | 'phrase';
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['noun', 'verb', 'adjective', 'properNoun', 'phrase'];

/** Where a term sits on the scale from everyday to specialist (TBX register). */
export type Register = 'neutral' | 'technical' | 'regulatory' | 'informal' | 'colloquial';
export const REGISTERS: readonly Register[] = ['neutral', 'technical', 'regulatory', 'informal', 'colloquial'];

/** Where a Chinese term is used: mainland China, Taiwan, Hong Kong, Singapore. */
export type Geo = 'cn' | 'tw' | 'hk' | 'sg';
export const GEOS: readonly Geo[] = ['cn', 'tw', 'hk', 'sg'];

/** A body, rule or regime that no longer exists (not a deprecated term: the concept is still needed). */
export interface Historical {
  note: string;
  /** Year (YYYY) or month (YYYY-MM) it started. */
  from?: string;
  /** Year (YYYY) or month (YYYY-MM) it ended. */
  until: string;
}

/**
 * Whose English usage the entry follows, and who reviewed the entry and when. An entry nobody has
 * reviewed yet says whose English it follows without a reviewer: reviewedBy and reviewed go together.
 */
export interface Provenance {
  /** Authorities whose English the English terms follow (IFRS, Basel, PBOC, HKMA, market, self …). */
  en: string[];
  reviewedBy?: string;
  /** YYYY-MM-DD. */
  reviewed?: string;
}

/** A passage from a source kept as a citation (verbatim), when it does not qualify as the definition. */
export interface Quote {
  text: string;
  cite: Citation;
}

/** The Chinese scripts and regional standards (same names as the protocol's). */
export type ChineseScript = 'zh-Hans' | 'zh-Hant' | 'zh-TW' | 'zh-HK';
export const CHINESE_SCRIPTS: readonly ChineseScript[] = ['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'];

/** The Chinese form of an entry in the given script (Taiwan and Hong Kong fall back to traditional). */
export function chineseIn(entry: Pick<GlossaryEntry, 'zhHans' | 'zhHant' | 'zhTw' | 'zhHk'>, script: ChineseScript): string {
  switch (script) {
    case 'zh-Hans':
      return entry.zhHans;
    case 'zh-Hant':
      return entry.zhHant;
    case 'zh-TW':
      return entry.zhTw ?? entry.zhHant;
    case 'zh-HK':
      return entry.zhHk ?? entry.zhHant;
  }
}

/**
 * One term of a concept (TBX's termSec): a written form with its own status and notes. The
 * concept's forms (zhHans, zhHant, zhTw, zhHk, zhAliases, en, abbr) stay as they are; `terms` says
 * per form what a termbase says per term.
 */
export interface Term {
  text: string;
  lang: 'zh' | 'en';
  /** `headword`: the concept's form in one or more scripts; `variant`: another form; `abbreviation`. */
  role: 'headword' | 'variant' | 'abbreviation';
  /** For a Chinese headword form: the scripts and regions it is the form in. */
  scripts?: ChineseScript[];
  status: TermStatus;
  /** When and how to use the term (one sentence). */
  usage?: string;
  /** Which sense the term has here, for false friends and homonyms (系统性风险 systemic, not systematic). */
  sense?: string;
  /**
   * For a form generated from the simplified one (traditional, Taiwan, Hong Kong): `reviewed` when a
   * person decided it (with the reason), `generated` when it is OpenCC's output as is.
   */
  review?: { state: 'reviewed' | 'generated'; reason?: string };
  /** Part of speech (the term's own or the entry's; absent: noun). */
  pos?: PartOfSpeech;
  register?: Register;
  /** Where the term is used (Chinese terms). */
  geo?: Geo[];
  /** For a deprecated, superseded or forbidden term: the entry's own term to use instead. */
  replacedBy?: string;
}

export interface GlossaryEntry {
  id: string;
  /** Canonical simplified Chinese form. */
  zhHans: string;
  /** Traditional form (OpenCC `t`, or a reviewed override). */
  zhHant: string;
  /** Taiwan form (OpenCC `twp`) when it differs from zhHant. */
  zhTw?: string;
  /** Hong Kong form (OpenCC `hk`) when it differs from zhHant. */
  zhHk?: string;
  /** Other Chinese forms that mean this concept, in any script (e.g. mixed script `云計算`). */
  zhAliases: string[];
  /** English terms, preferred first. */
  en: string[];
  /** Abbreviations and acronyms (matched case-sensitively by default). */
  abbr: string[];
  definitionEn: string;
  definitionZh: string;
  /** Present when definitionZh is a verbatim quotation from a source document. */
  definitionZhSource?: Citation;
  domain: string;
  related: string[];
  status: EntryStatus;
  replacedBy?: string;
  /** Part of speech of the entry's terms (absent: noun; a term may say otherwise). */
  pos?: PartOfSpeech;
  /** Set when the concept no longer exists (a defunct regulator): the card shows the note and dates. */
  historical?: Historical;
  provenance?: Provenance;
  /** A source passage kept as a citation (verbatim at `cite`). */
  quote?: Quote;
  /** Every term with its status and notes (see `termsOf`: absent in older compiled files and user glossaries). */
  terms?: Term[];
  examples: Example[];
  /** Number of occurrences in the bundled source documents (0 for user glossaries). */
  occurrences: number;
  /** "bundled", or the path/URI of the user glossary file the entry came from. */
  origin: string;
  /** A note on the concept (a user termbase's note or comment column, TBX `note`). */
  note?: string;
}

/**
 * The compiled glossary formats: `@2` (what the build writes) leaves out every field that has its
 * default value (`compactEntry`), `@1` writes every field out. Both are read.
 */
export const COMPILED_FORMAT = 'fintech-glossary/compiled@2';
export const COMPILED_FORMATS: readonly string[] = ['fintech-glossary/compiled@1', COMPILED_FORMAT];

/** The compiled glossary the server loads (dist/glossary.json). */
export interface CompiledGlossary {
  format: 'fintech-glossary/compiled@1' | typeof COMPILED_FORMAT;
  entries: GlossaryEntry[];
  /** Ordinary words that contain a term but are not one: the matcher lets them win and shows nothing. */
  words?: string[];
  /** Keys the build derives for aliases (see `AliasForm`). */
  aliasForms?: AliasForm[];
}

/**
 * A form an alias takes in a region, as conversion writes it (网络借贷 → Taiwan 網路借貸: `aliasIn`),
 * that folds to no key of the glossary: the index matches it as that alias of entry `entry` (its
 * position in the compiled file's entries). Derived by the build, not part of any entry.
 */
export type AliasForm = [entry: number, form: string, alias: string];

const STATUSES: readonly string[] = ['preferred', 'admitted', 'deprecated'] satisfies EntryStatus[];

const isString = (v: unknown): v is string => typeof v === 'string';

function isStrings(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const x of v) if (typeof x !== 'string') return false;
  return true;
}

function isCitation(v: unknown): v is Citation {
  const c = v as Citation | null;
  return typeof c === 'object' && c !== null && typeof c.doc === 'string' && typeof c.title === 'string' && Number.isInteger(c.line);
}

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);
const isPos = isOneOf(PARTS_OF_SPEECH);
const isRegister = isOneOf(REGISTERS);
const isGeo = isOneOf(GEOS);

function isTerms(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const t of v as Term[]) {
    if (typeof t !== 'object' || t === null || typeof t.text !== 'string' || (t.lang !== 'zh' && t.lang !== 'en')) return false;
    if (t.role !== 'headword' && t.role !== 'variant' && t.role !== 'abbreviation') return false;
    if (!TERM_STATUSES.includes(t.status)) return false;
    if (t.usage !== undefined && typeof t.usage !== 'string') return false;
    if (t.sense !== undefined && typeof t.sense !== 'string') return false;
    if (t.scripts !== undefined && !isStrings(t.scripts)) return false;
    if (t.pos !== undefined && !isPos(t.pos)) return false;
    if (t.register !== undefined && !isRegister(t.register)) return false;
    if (t.geo !== undefined && !(Array.isArray(t.geo) && t.geo.every(isGeo))) return false;
    if (t.replacedBy !== undefined && typeof t.replacedBy !== 'string') return false;
  }
  return true;
}

function isHistorical(v: unknown): v is Historical {
  const h = v as Historical | null;
  return (
    typeof h === 'object' &&
    h !== null &&
    !Array.isArray(h) &&
    typeof h.note === 'string' &&
    typeof h.until === 'string' &&
    (h.from === undefined || typeof h.from === 'string')
  );
}

function isProvenance(v: unknown): v is Provenance {
  const p = v as Provenance | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    !Array.isArray(p) &&
    isStrings(p.en) &&
    (p.reviewedBy === undefined ? p.reviewed === undefined : typeof p.reviewedBy === 'string' && typeof p.reviewed === 'string')
  );
}

function isQuote(v: unknown): v is Quote {
  const q = v as Quote | null;
  return typeof q === 'object' && q !== null && !Array.isArray(q) && typeof q.text === 'string' && isCitation(q.cite);
}

function isExamples(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const x of v)
    if (typeof x !== 'object' || x === null || typeof (x as Example).text !== 'string' || !isCitation((x as Example).cite)) return false;
  return true;
}

/**
 * Each field of a compiled entry with its check and what the check wants: the one definition the
 * loader holds a compiled glossary to (a glossary from a file is data: a missing or mistyped field
 * is reported, not trusted).
 */
const ENTRY_FIELDS = [
  ['id', isString, 'a string'],
  ['zhHans', isString, 'a string'],
  ['zhHant', isString, 'a string'],
  ['zhTw', (v) => v === undefined || isString(v), 'a string'],
  ['zhHk', (v) => v === undefined || isString(v), 'a string'],
  ['zhAliases', isStrings, 'a list of strings'],
  ['en', isStrings, 'a list of strings'],
  ['abbr', isStrings, 'a list of strings'],
  ['definitionEn', isString, 'a string'],
  ['definitionZh', isString, 'a string'],
  ['definitionZhSource', (v) => v === undefined || isCitation(v), 'a citation {doc, title, line}'],
  ['domain', isString, 'a string'],
  ['related', isStrings, 'a list of strings'],
  ['status', (v) => typeof v === 'string' && STATUSES.includes(v), `one of ${STATUSES.join(', ')}`],
  ['replacedBy', (v) => v === undefined || isString(v), 'a string'],
  ['pos', (v) => v === undefined || isPos(v), `one of ${PARTS_OF_SPEECH.join(', ')}`],
  ['historical', (v) => v === undefined || isHistorical(v), 'a historical note {note, from?, until}'],
  ['provenance', (v) => v === undefined || isProvenance(v), 'a provenance {en, reviewedBy?, reviewed?}'],
  ['quote', (v) => v === undefined || isQuote(v), 'a quotation {text, cite}'],
  ['terms', (v) => v === undefined || isTerms(v), 'a list of terms {text, lang, role, status}'],
  ['examples', isExamples, 'a list of examples {text, cite}'],
  ['occurrences', (v) => typeof v === 'number' && Number.isFinite(v), 'a number'],
  ['origin', isString, 'a string'],
  ['note', (v) => v === undefined || isString(v), 'a string'],
] as const satisfies readonly (readonly [keyof GlossaryEntry, (v: unknown) => boolean, string])[];

/** Compile-time: every field of GlossaryEntry has a check above (a new field without one fails to type-check). */
type Unchecked = Exclude<keyof GlossaryEntry, (typeof ENTRY_FIELDS)[number][0]>;
const everyFieldChecked: [Unchecked] extends [never] ? true : Unchecked = true;
void everyFieldChecked;

/**
 * The same checks as ENTRY_FIELDS, written out: one monomorphic pass for the common case of a good
 * entry (a CC-CEDICT-size glossary has 125,000 of them). A test holds the two to the same answers.
 */
function wellFormed(e: Record<string, unknown>): boolean {
  const { zhTw, zhHk, definitionZhSource: source, replacedBy, occurrences } = e;
  return (
    typeof e.id === 'string' &&
    typeof e.zhHans === 'string' &&
    typeof e.zhHant === 'string' &&
    (zhTw === undefined || typeof zhTw === 'string') &&
    (zhHk === undefined || typeof zhHk === 'string') &&
    isStrings(e.zhAliases) &&
    isStrings(e.en) &&
    isStrings(e.abbr) &&
    typeof e.definitionEn === 'string' &&
    typeof e.definitionZh === 'string' &&
    (source === undefined || isCitation(source)) &&
    typeof e.domain === 'string' &&
    isStrings(e.related) &&
    typeof e.status === 'string' &&
    STATUSES.includes(e.status) &&
    (replacedBy === undefined || typeof replacedBy === 'string') &&
    (e.pos === undefined || isPos(e.pos)) &&
    (e.historical === undefined || isHistorical(e.historical)) &&
    (e.provenance === undefined || isProvenance(e.provenance)) &&
    (e.quote === undefined || isQuote(e.quote)) &&
    (e.terms === undefined || isTerms(e.terms)) &&
    isExamples(e.examples) &&
    typeof occurrences === 'number' &&
    Number.isFinite(occurrences) &&
    typeof e.origin === 'string' &&
    (e.note === undefined || typeof e.note === 'string') &&
    (e.zhHans !== '' || (e.en as string[]).length > 0)
  );
}

/** What is wrong with a compiled entry (the first problem), or undefined when it is well formed. */
export function entryProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const e = value as Record<string, unknown>;
  if (wellFormed(e)) return undefined;
  for (let k = 0; k < ENTRY_FIELDS.length; k++) {
    const [field, ok, wanted] = ENTRY_FIELDS[k]!;
    const v = e[field];
    if (!ok(v)) return `field "${field}" ${v === undefined ? 'is missing' : `is not ${wanted}`}`;
  }
  if (!e.zhHans && !(e.en as string[]).length) return 'has neither a Chinese nor an English term';
  return undefined;
}

/** One empty list for every entry that has none (frozen: an entry's lists are never changed). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * What a compiled@2 entry's fields are when left out: empty lists, an empty Chinese definition,
 * status preferred, no occurrences, origin bundled, and the traditional form equal to the simplified.
 */
const DEFAULTS = {
  zhAliases: NONE,
  en: NONE,
  abbr: NONE,
  definitionZh: '',
  related: NONE,
  status: 'preferred',
  examples: NONE,
  occurrences: 0,
  origin: 'bundled',
} as const satisfies Partial<GlossaryEntry>;

/** An entry as the build writes it in compiled@2: the fields that have their default value left out. */
export function compactEntry(entry: GlossaryEntry): Partial<GlossaryEntry> {
  const out: Partial<GlossaryEntry> & Record<string, unknown> = { ...entry };
  for (const [field, value] of Object.entries(DEFAULTS)) {
    const v = out[field];
    if (v === value || (Array.isArray(v) && v.length === 0)) delete out[field];
  }
  if (out.zhHant === out.zhHans) delete out.zhHant;
  return out;
}

/**
 * A compiled entry with every field, in the order the build writes them: a compiled@2 entry gets
 * the defaults of the fields it leaves out, and its absent optional fields are there as undefined
 * (one object shape for every entry: one literal, fast to make and to read; unknown fields are
 * dropped); a compiled@1 entry is returned as it is. Not checked: `entryProblem` checks the result.
 */
export function expandEntry(value: unknown, format: string): unknown {
  if (format !== COMPILED_FORMAT || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const r = value as Record<string, unknown>;
  return {
    id: r.id,
    zhHans: r.zhHans,
    zhHant: r.zhHant ?? r.zhHans,
    zhTw: r.zhTw,
    zhHk: r.zhHk,
    zhAliases: r.zhAliases ?? NONE,
    en: r.en ?? NONE,
    abbr: r.abbr ?? NONE,
    definitionEn: r.definitionEn,
    definitionZh: r.definitionZh ?? '',
    definitionZhSource: r.definitionZhSource,
    domain: r.domain,
    related: r.related ?? NONE,
    status: r.status ?? 'preferred',
    replacedBy: r.replacedBy,
    pos: r.pos,
    historical: r.historical,
    provenance: r.provenance,
    quote: r.quote,
    terms: r.terms,
    examples: r.examples ?? NONE,
    occurrences: r.occurrences ?? 0,
    origin: r.origin ?? 'bundled',
    note: r.note,
  };
}
