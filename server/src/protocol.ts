/**
 * The one module both sides import: command and request names, and the settings shape.
 */
import { RequestType } from 'vscode-languageserver-protocol';

/** The Chinese scripts and regional standards (same names as the engine's `Script`). */
export const SCRIPTS = ['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'] as const;
export type Script = (typeof SCRIPTS)[number];

export const SETTINGS_SECTION = 'fintechGlossary';

/** How much the hover card shows: `compact` fits the editor's hover, `full` shows everything. */
export const HOVER_DETAILS = ['compact', 'full'] as const;
export type HoverDetail = (typeof HOVER_DETAILS)[number];

/** A document's variant: one of the scripts, or `auto` (detected from the text). */
export const VARIANTS = ['auto', ...SCRIPTS] as const;
export type Variant = (typeof VARIANTS)[number];

/** Term-QA rules (diagnostic codes), in priority order: defined in the engine's leaf module. */
import type { Rule } from './engine/rules';
export { RULES, type Rule } from './engine/rules';

/** A rule's severity; `off` turns it off. */
export const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The diagnostics' `source`, and the fix-all code action kind's suffix. */
export const DIAGNOSTIC_SOURCE = 'fintech-glossary';
export const FIX_ALL_KIND = 'source.fixAll.fintechGlossary';

export interface Settings {
  /** Extra language ids served besides plaintext and markdown (client side only). */
  languages: string[];
  preferredScript: Script;
  hover: { enable: boolean; detail: HoverDetail };
  completion: { enable: boolean };
  /** Inline glosses (inlay hints): the English after a Chinese term, the Chinese after an English one. */
  inlayHints: { enable: boolean };
  matchAcronymsCaseInsensitive: boolean;
  /**
   * The user's termbases: paths and globs relative to each workspace folder (resource scope: each
   * folder of a multi-root workspace has its own). A path without glob characters names a file,
   * which always loads; files found by a glob load when they have Chinese terms.
   */
  glossaries: string[];
  /** Use the bundled glossary as well as the user's termbases. */
  bundledGlossary: boolean;
  /** Where "Add to termbase" writes, relative to the workspace folder (.csv, .tsv, .yaml). */
  termbaseFile: string;
  /** The documents' variant for term QA (and what completion inserts when set): `auto` detects it. */
  variant: Variant;
  diagnostics: {
    enable: boolean;
    /** Documents longer than this (UTF-16 units) are not checked (one message says so). */
    maxDocumentSize: number;
    /** Per-rule severity; a rule not listed has the project file's, else `information`. */
    severity: Partial<Record<Rule, Severity>>;
  };
}

/** The default `glossaries`: any TBX file, and glossary/termbase sheets, anywhere but node_modules and dot folders. */
export const DEFAULT_GLOSSARIES = ['**/*.tbx', '**/glossary.csv', '**/glossary.tsv', '**/termbase.csv', '**/termbase.tsv'];

export const defaultSettings: Settings = {
  languages: [],
  preferredScript: 'zh-Hans',
  hover: { enable: true, detail: 'compact' },
  completion: { enable: true },
  inlayHints: { enable: false },
  matchAcronymsCaseInsensitive: false,
  glossaries: DEFAULT_GLOSSARIES,
  bundledGlossary: true,
  termbaseFile: 'glossary.csv',
  variant: 'auto',
  diagnostics: { enable: true, maxDocumentSize: 1_000_000, severity: {} },
};

export const DEFAULT_LANGUAGES = ['plaintext', 'markdown'];

/**
 * The context key the VS Code client sets to the language ids it serves (the defaults and the
 * `languages` setting): package.json's menus show our commands only where
 * `editorLangId in fintechGlossary.languages`.
 */
export const SERVED_LANGUAGES_CONTEXT = 'fintechGlossary.languages';

export const Commands = {
  lookup: 'fintechGlossary.lookup',
  restartServer: 'fintechGlossary.restartServer',
  /**
   * The server's own workspace/executeCommand look-up, for editors without our client (Neovim,
   * Helix): arguments [term], returns LookupItem[]. Distinct from `lookup`, which the VS Code client
   * registers itself (vscode-languageclient registers every server command, and names may not clash).
   */
  serverLookup: 'fintechGlossary.server.lookup',
  /**
   * Convert a document or a selection to a script (glossary-aware), as one workspace edit the server
   * applies. Args: [ConvertArgs]. Run by the client's convert commands and by code actions.
   */
  convert: 'fintechGlossary.server.convert',
  /** Status bar: choose the variant or convert the document (client only). */
  chooseVariant: 'fintechGlossary.chooseVariant',
  /** Card link: replace a hovered term with one of its equivalents. Args: ReplaceTermArgs. */
  replaceTerm: 'fintechGlossary.replaceTerm',
  /**
   * Palette (client): add the selection, or the word at the cursor, with a counterpart the user
   * confirms (prefilled with `TermbaseSuggestionRequest`'s), to the project's termbase.
   */
  addToTermbase: 'fintechGlossary.addToTermbase',
  /**
   * The server's side of adding a term (the code action on a selection runs it directly): append it
   * to the folder's termbase file and reload. Args: [AddToTermbaseArgs]; returns AddToTermbaseResult.
   */
  serverAddToTermbase: 'fintechGlossary.server.addToTermbase',
  /** Card link: open a bundled source document at a line. Args: OpenSourceArgs. */
  openSource: 'fintechGlossary.openSource',
} as const;

/** The only commands a card may link to (the client trusts exactly these). */
export const CARD_COMMANDS: readonly string[] = [Commands.replaceTerm, Commands.openSource];

/**
 * A replace action: in the open document `uri`, replace the text in `range`, which must still be
 * exactly `from`, with `text`. The client refuses anything else (another document, a range outside
 * the document, text that has changed since the card was made).
 */
export interface ReplaceTermArgs {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  from: string;
  text: string;
}

/**
 * Add a term to a folder's termbase (`termbaseFile` of the folder `folderUri`, else of the folder of
 * the document `uri`): `zh` and `en` as given, or split from `text` (a term, or a term with its
 * counterpart: `区块链 blockchain`); a side neither gives is filled from the glossary when it knows
 * the term (an empty string given stays empty). `quiet`: no message from the server (the client
 * says it in its own words).
 */
export interface AddToTermbaseArgs {
  uri?: string;
  folderUri?: string;
  text?: string;
  zh?: string;
  en?: string;
  quiet?: boolean;
}

export interface AddToTermbaseResult {
  /** The termbase file's URI. */
  file: string;
  zh: string;
  en: string;
}

/**
 * What *Add to Project Termbase* would write for a selection, before the user confirms: its Chinese
 * and English (from the selection, the other side from the glossary when it knows the term), which
 * side the selection starts with, and the termbase file (relative to the folder).
 */
export interface TermbaseSuggestion {
  zh: string;
  en: string;
  first: 'zh' | 'en';
  /** The side the selection did not give came from the glossary. */
  fromGlossary: boolean;
  file: string;
}

export const TermbaseSuggestionRequest = new RequestType<{ text: string; folderUri?: string; uri?: string }, TermbaseSuggestion, void>(
  'fintechGlossary/termbaseSuggestion',
);

export interface ConvertArgs {
  uri: string;
  to: Script;
  /** The selection to convert; the whole document when absent. */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** The variant of a document as the server sees it (for the status bar). */
export interface DocumentVariant {
  /** The variant term QA checks against; undefined when auto-detection declined. */
  variant?: Script;
  /** Where it comes from. */
  source: 'directive' | 'setting' | 'project' | 'detected' | 'undecided';
}

export const DocumentVariantRequest = new RequestType<{ uri: string }, DocumentVariant | null, void>('fintechGlossary/documentVariant');

export interface OpenSourceArgs {
  /** Source document id, e.g. "000". */
  doc: string;
  line: number;
}

/** What the client tells the server in `initializationOptions`. */
export interface InitializationOptions {
  settings?: Partial<Settings>;
  /** The client runs our card commands, so cards may carry command links. */
  commandLinks?: boolean;
  /**
   * Web Worker server only: the extension's root as a URL the worker can fetch (the browser client
   * sends `context.extensionUri`); the worker fetches dist/glossary.json and, on the first
   * conversion, dist/opencc-preset.js from it. The Node server reads its files from disk.
   */
  extensionUri?: string;
  /** The project file's text (.fintech-glossary.yaml), for a server that cannot read the workspace (Web Worker). */
  projectFile?: string;
  /**
   * Web Worker server only, when the extension's files are not fetchable by URL (a remote web setup
   * such as code-server serves them as `vscode-remote:`, and its worker's content policy allows no
   * fetch of an object URL): what the client read with `workspace.fs` instead, the compiled glossary's
   * text and object URLs of scripts by path (`dist/opencc-preset.js`), which the worker imports.
   */
  assets?: { glossary?: string; scripts?: Record<string, string> };
  /**
   * The client opens `fintech-glossary:` URIs (read-only entry views whose text it asks for with
   * EntryDocumentRequest): workspace symbols and definitions may point at a bundled entry there.
   */
  entryDocuments?: boolean;
  /**
   * The client answers `ClientFiles` requests (the web client does): the server reads, finds and
   * writes the workspace's termbases through it. A server with files of its own (Node) ignores it.
   */
  clientFiles?: boolean;
}

/** The URI scheme of a bundled entry's read-only view: `fintech-glossary:/<title>.txt?<id>`. */
export const ENTRY_SCHEME = 'fintech-glossary';

/** The text of a bundled entry's read-only view, for its `fintech-glossary:` URI (null: no such entry). */
export const EntryDocumentRequest = new RequestType<{ uri: string }, string | null, void>('fintechGlossary/entryDocument');

/**
 * Workspace files through the client, for a server that cannot read them itself (the Web Worker:
 * vscode.dev, github.dev). The client sends `initializationOptions.clientFiles: true` and answers
 * these with `workspace.fs` and `workspace.findFiles`, for files inside its workspace folders only.
 */
export const ClientFiles = {
  /** The text of a file (its bytes by `decodeBytes`), or null when there is no such file. */
  read: new RequestType<{ uri: string }, { text: string } | null, void>('fintechGlossary/readFile'),
  exists: new RequestType<{ uri: string }, boolean, void>('fintechGlossary/fileExists'),
  /** Whether something that exists is a folder (a termbase path that names one is said to, not read). */
  isDirectory: new RequestType<{ uri: string }, boolean, void>('fintechGlossary/isDirectory'),
  /** Write a file (its folders created as needed). */
  write: new RequestType<{ uri: string; text: string }, null, void>('fintechGlossary/writeFile'),
  /**
   * The URIs of files under a folder that match any of the globs (relative to the folder), skipping
   * node_modules; at most `limit`. The server filters the answer again with the same globs, and asks
   * for one more than its search limit: an answer that long tells it the search stopped short.
   */
  find: new RequestType<{ folderUri: string; globs: string[]; limit: number }, string[], void>('fintechGlossary/findFiles'),
} as const;

/**
 * A termbase file's bytes as text (the CLI, the Node server and a client answering `ClientFiles.read`): UTF-16 (little or big endian) when it starts with that byte-order mark,
 * as Windows tools write "Unicode" files, else UTF-8 (a BOM or none). Bytes UTF-8 cannot read become
 * U+FFFD, which `loadTermbase` reports (`fatal`: a TypeError instead): a legacy encoding (GBK,
 * Big5) is never guessed.
 */
export function decodeBytes(bytes: Uint8Array, fatal = false): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8', { fatal }).decode(bytes);
}

export interface LookupParams {
  term: string;
}

export interface LookupItem {
  id: string;
  /** `exact`: the term is a form of this entry; `prefix`: no entry has the term, this one starts with it. */
  match: 'exact' | 'prefix';
  zhHans: string;
  zhHant: string;
  zhTw?: string;
  zhHk?: string;
  en: string[];
  abbr: string[];
  definitionEn: string;
  definitionZh: string;
  /** For an entry of a user's termbase: the file (URI) and the 1-based line it is on. */
  glossary?: string;
  line?: number;
  /** The card as markdown, for display. */
  markdown: string;
}

/** Look a term up (exact match first, then prefix), for the command palette. */
export const LookupRequest = new RequestType<LookupParams, LookupItem[], void>('fintechGlossary/lookup');
