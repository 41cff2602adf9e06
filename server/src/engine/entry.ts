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
  examples: Example[];
  /** Number of occurrences in the bundled source documents (0 for user glossaries). */
  occurrences: number;
  /** "bundled", or the path/URI of the user glossary file the entry came from. */
  origin: string;
}

/** The compiled glossary the server loads (dist/glossary.json). */
export interface CompiledGlossary {
  format: 'fintech-glossary/compiled@1';
  entries: GlossaryEntry[];
}

/**
 * The fields of a compiled entry and their kinds: the one definition the loader checks a compiled
 * glossary against (a glossary from a file is data: a missing or mistyped field is reported, not
 * trusted).
 */
const ENTRY_FIELDS: Record<keyof GlossaryEntry, 'string' | 'string?' | 'strings' | 'number' | 'citation?' | 'examples' | 'status'> = {
  id: 'string',
  zhHans: 'string',
  zhHant: 'string',
  zhTw: 'string?',
  zhHk: 'string?',
  zhAliases: 'strings',
  en: 'strings',
  abbr: 'strings',
  definitionEn: 'string',
  definitionZh: 'string',
  definitionZhSource: 'citation?',
  domain: 'string',
  related: 'strings',
  status: 'status',
  replacedBy: 'string?',
  examples: 'examples',
  occurrences: 'number',
  origin: 'string',
};

const STATUSES: readonly string[] = ['preferred', 'admitted', 'deprecated'] satisfies EntryStatus[];

function isCitation(v: unknown): v is Citation {
  const c = v as Citation;
  return !!c && typeof c === 'object' && typeof c.doc === 'string' && typeof c.title === 'string' && Number.isInteger(c.line);
}

/** What is wrong with a compiled entry (the first problem), or undefined when it is well formed. */
export function entryProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not an object';
  const e = value as Record<string, unknown>;
  for (const [field, kind] of Object.entries(ENTRY_FIELDS)) {
    const v = e[field];
    const ok =
      kind === 'string'
        ? typeof v === 'string'
        : kind === 'string?'
          ? v === undefined || typeof v === 'string'
          : kind === 'strings'
            ? Array.isArray(v) && v.every((x) => typeof x === 'string')
            : kind === 'number'
              ? typeof v === 'number' && Number.isFinite(v)
              : kind === 'citation?'
                ? v === undefined || isCitation(v)
                : kind === 'status'
                  ? typeof v === 'string' && STATUSES.includes(v)
                  : Array.isArray(v) &&
                    v.every(
                      (x) => !!x && typeof x === 'object' && typeof (x as Example).text === 'string' && isCitation((x as Example).cite),
                    );
    if (!ok) return `field "${field}" ${v === undefined ? 'is missing' : `is not ${KIND_NAMES[kind]}`}`;
  }
  if (!(e.zhHans as string) && !(e.en as string[]).length) return 'has neither a Chinese nor an English term';
  return undefined;
}

const KIND_NAMES = {
  string: 'a string',
  'string?': 'a string',
  strings: 'a list of strings',
  number: 'a number',
  'citation?': 'a citation {doc, title, line}',
  examples: 'a list of examples {text, cite}',
  status: `one of ${STATUSES.join(', ')}`,
} as const;
