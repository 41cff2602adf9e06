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
