// Load glossary/entries/*.yaml with line information and validate them against schema.json.
import { LineCounter, isNode, isSeq, parseDocument } from 'yaml';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { EntryStatus, PartOfSpeech } from '../../../server/src/engine/entry';
import type { TermNotes } from '../../../server/src/engine/terms';

/** One entry of glossary/entries/*.yaml, as schema.json describes it (after validation). */
export interface EntryInput {
  id: string;
  zh: string;
  aliases?: string[];
  en: string[];
  abbr?: string[];
  domain: string;
  def: { en: string; zh: string; source?: string };
  related?: string[];
  status?: EntryStatus;
  replacedBy?: string;
  homonym?: boolean;
  forms?: { hant?: string; tw?: string; hk?: string; reason: string };
  terms?: Record<string, TermNotes>;
  pos?: PartOfSpeech;
  /** Years as YAML writes them: 2018 is a number, 2023-05 a string. */
  historical?: { note: string; from?: number | string; until: number | string };
  provenance?: { en: string[]; reviewedBy?: string; reviewed?: string };
  quote?: { text: string; source: string };
}

export type Severity = 'error' | 'warning';

/** A diagnostic: severity, file, 1-based line and column, message, entry id. */
export interface Diagnostic {
  severity: Severity;
  file: string;
  line: number;
  col: number;
  message: string;
  id?: string | undefined;
}

/** A 1-based position in a file. */
export interface Pos {
  line: number;
  col: number;
}

/** A path into the parsed YAML: map keys and sequence indexes. */
export type YamlPath = (string | number)[];

/** One entry as loaded: its value, where it is, and the position of any node under it. */
export interface LoadedEntry {
  value: EntryInput;
  file: string;
  index: number;
  pos(path?: YamlPath): Pos;
}

export function diag(severity: Severity, file: string, pos: Pos | undefined, message: string, id?: string): Diagnostic {
  return { severity, file, line: pos?.line ?? 1, col: pos?.col ?? 1, message, id };
}

export function formatDiag(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}${d.id ? ` [${d.id}]` : ''}`;
}

/**
 * Parse one YAML file. Returns { entries: [{ value, file, pos(path) }], diagnostics }.
 * `pos(path)` gives the {line, col} of a node under the entry (e.g. ['def', 'zh']) or of the
 * entry itself, falling back to the nearest existing ancestor.
 */
export function parseEntriesFile(
  file: string,
  text: string,
): { entries: LoadedEntry[]; raw: unknown; diagnostics: Diagnostic[]; posOf: (path: YamlPath) => Pos } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const p = e.pos ? lc.linePos(e.pos[0]) : undefined;
    diagnostics.push(diag('error', file, p, `YAML: ${e.message.split('\n')[0]}`));
  }
  for (const w of doc.warnings) {
    const p = w.pos ? lc.linePos(w.pos[0]) : undefined;
    diagnostics.push(diag('warning', file, p, `YAML: ${w.message.split('\n')[0]}`));
  }
  if (doc.errors.length) return { entries: [], raw: undefined, diagnostics, posOf: () => ({ line: 1, col: 1 }) };
  const raw: unknown = doc.toJS() ?? [];
  const posOf = (path: YamlPath): Pos => {
    for (let n = path.length; n >= 0; n--) {
      const node = path.length === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lc.linePos(node.range[0]);
      if (n === 0 && doc.contents?.range) return lc.linePos(doc.contents.range[0]);
    }
    return { line: 1, col: 1 };
  };
  if (!isSeq(doc.contents) && doc.contents !== null) {
    diagnostics.push(diag('error', file, posOf([]), 'an entries file is a YAML list of entries (- id: …)'));
    return { entries: [], raw, diagnostics, posOf };
  }
  // the schema check that follows makes `value` an EntryInput; until then it is what the YAML says
  const entries = (Array.isArray(raw) ? (raw as EntryInput[]) : []).map((value, i) => ({
    value,
    file,
    index: i,
    pos: (sub: YamlPath = []) => posOf([i, ...sub]),
  }));
  return { entries, raw, diagnostics, posOf };
}

/** Compile the schema once; returns validate(rawFileValue) → ajv errors. */
export function makeValidator(schema: object): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  return ajv.compile(schema);
}

/** Turn ajv errors into diagnostics at the right line. */
export function schemaDiagnostics(
  file: string,
  errors: ErrorObject[] | null | undefined,
  posOf: (path: YamlPath) => Pos,
  raw: unknown,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set();
  for (const e of errors ?? []) {
    if (e.keyword === 'if') continue; // the `then` error says it better
    const path: YamlPath = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    let message = `${e.instancePath || '(file)'} ${e.message}`;
    if (e.keyword === 'additionalProperties') {
      const field = String((e.params as { additionalProperty: string }).additionalProperty);
      message = `unknown field "${field}"${e.instancePath ? ` in ${e.instancePath}` : ''}`;
      path.push(field);
    } else if (e.keyword === 'enum') {
      message += `: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
      const value = valueAt(raw, path);
      if (typeof value === 'number' && path.at(-1) === 'source') message += ' (quote it: source: "001"; unquoted 001 is the number 1)';
    } else if (e.keyword === 'pattern') {
      const value = valueAt(raw, path);
      message = `${e.instancePath} ${JSON.stringify(value)} does not have the expected form (${patternHelp(e.schemaPath)})`;
    }
    const id = typeof path[0] === 'number' ? valueAt(raw, [path[0], 'id']) : undefined;
    const d = diag('error', file, posOf(path), message, typeof id === 'string' ? id : undefined);
    const k = `${d.line}:${d.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(d);
  }
  return out;
}

/** The value at `path` in parsed YAML, or undefined. */
function valueAt(raw: unknown, path: YamlPath): unknown {
  let v = raw;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

function patternHelp(schemaPath: string): string {
  if (schemaPath.includes('/id/')) return 'kebab-case: lower-case letters, digits and single hyphens';
  if (schemaPath.includes('/english/')) return 'English: no Chinese characters, no leading/trailing spaces';
  if (schemaPath.includes('/abbr/')) return 'an abbreviation: letters and digits, optionally & . / + -';
  if (schemaPath.includes('/chinese/')) return 'Chinese: at least one Han character, no line breaks';
  return 'see schema.json';
}
