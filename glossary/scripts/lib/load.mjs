// Load glossary/entries/*.yaml with line information and validate them against schema.json.
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';
import Ajv from 'ajv';

/** A diagnostic: severity 'error' | 'warning', file, 1-based line and column, message, entry id. */
export function diag(severity, file, pos, message, id) {
  return { severity, file, line: pos?.line ?? 1, col: pos?.col ?? 1, message, id };
}

export function formatDiag(d) {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}${d.id ? ` [${d.id}]` : ''}`;
}

/**
 * Parse one YAML file. Returns { entries: [{ value, file, pos(path) }], diagnostics }.
 * `pos(path)` gives the {line, col} of a node under the entry (e.g. ['def', 'zh']) or of the
 * entry itself, falling back to the nearest existing ancestor.
 */
export function parseEntriesFile(file, text) {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const diagnostics = [];
  for (const e of doc.errors) {
    const p = e.pos ? lc.linePos(e.pos[0]) : undefined;
    diagnostics.push(diag('error', file, p, `YAML: ${e.message.split('\n')[0]}`));
  }
  for (const w of doc.warnings) {
    const p = w.pos ? lc.linePos(w.pos[0]) : undefined;
    diagnostics.push(diag('warning', file, p, `YAML: ${w.message.split('\n')[0]}`));
  }
  if (doc.errors.length) return { entries: [], raw: undefined, diagnostics, posOf: () => ({ line: 1, col: 1 }) };
  const raw = doc.toJS() ?? [];
  const posOf = (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = path.length === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (node && node.range) return lc.linePos(node.range[0]);
      if (n === 0 && doc.contents?.range) return lc.linePos(doc.contents.range[0]);
    }
    return { line: 1, col: 1 };
  };
  if (!isSeq(doc.contents) && doc.contents !== null) {
    diagnostics.push(diag('error', file, posOf([]), 'an entries file is a YAML list of entries (- id: …)'));
    return { entries: [], raw, diagnostics, posOf };
  }
  const entries = (Array.isArray(raw) ? raw : []).map((value, i) => ({
    value,
    file,
    index: i,
    pos: (sub = []) => posOf([i, ...sub]),
    isMap: isMap(doc.contents.items[i]),
  }));
  return { entries, raw, diagnostics, posOf };
}

/** Compile the schema once; returns validate(rawFileValue) → ajv errors. */
export function makeValidator(schema) {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  return ajv.compile(schema);
}

/** Turn ajv errors into diagnostics at the right line. */
export function schemaDiagnostics(file, errors, posOf, raw) {
  const out = [];
  const seen = new Set();
  for (const e of errors ?? []) {
    if (e.keyword === 'if') continue; // the `then` error says it better
    const path = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    let message = `${e.instancePath || '(file)'} ${e.message}`;
    if (e.keyword === 'additionalProperties') {
      message = `unknown field "${e.params.additionalProperty}"${e.instancePath ? ` in ${e.instancePath}` : ''}`;
      path.push(e.params.additionalProperty);
    } else if (e.keyword === 'enum') {
      message += `: ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
      const value = path.reduce((o, k) => o?.[k], raw);
      if (typeof value === 'number' && path.at(-1) === 'source') message += ' (quote it: source: "001"; unquoted 001 is the number 1)';
    } else if (e.keyword === 'pattern') {
      const value = path.reduce((o, k) => o?.[k], raw);
      message = `${e.instancePath} ${JSON.stringify(value)} does not have the expected form (${patternHelp(e.schemaPath)})`;
    }
    const id = typeof path[0] === 'number' ? raw?.[path[0]]?.id : undefined;
    const d = diag('error', file, posOf(path), message, typeof id === 'string' ? id : undefined);
    const k = `${d.line}:${d.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(d);
  }
  return out;
}

function patternHelp(schemaPath) {
  if (schemaPath.includes('/id/')) return 'kebab-case: lower-case letters, digits and single hyphens';
  if (schemaPath.includes('/english/')) return 'English: no Chinese characters, no leading/trailing spaces';
  if (schemaPath.includes('/abbr/')) return 'an abbreviation: letters and digits, optionally & . / + -';
  if (schemaPath.includes('/chinese/')) return 'Chinese: at least one Han character, no line breaks';
  return 'see schema.json';
}
