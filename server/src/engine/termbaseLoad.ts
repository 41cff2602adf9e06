/**
 * `loadTermbase`: any termbase text into entries and diagnostics (the one entry point the server,
 * the CLI and term QA call). Pure: the caller reads the file.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { type Document, LineCounter, type YAMLError, type YAMLSeq, isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import schema from '../../../glossary/schema.json';
import { COMPILED_FORMAT, COMPILED_FORMATS, type EntryStatus, type GlossaryEntry, entryProblem, expandEntry } from './entry';
import { namesTermColumns, parseTabular } from './tabular';
import type { TermNotes } from './terms';
import { parseTbx, tbxStartProblem } from './tbx';
import {
  DEFAULT_LIMITS,
  Diagnostics,
  type RawConcept,
  type RawTerm,
  type Termbase,
  type TermbaseFormat,
  type TermbaseOptions,
  EntryBuilder,
  type KnownForm,
  ScriptCheck,
  type TermLang,
  detectFormat as formatByName,
  hasOtherScript,
} from './termbase';

export type { Termbase, TermbaseDiagnostic, TermbaseFormat, TermbaseOptions } from './termbase';

/**
 * The format of a termbase, from its name and its first characters (`formatByName`); a `.txt` or
 * `.utf8` file whose first line names two or more term columns (`en`, `zh-CN`, `Source`…) is a
 * tab-separated sheet with a header, as Excel saves one as "Unicode Text", not an OmegaT glossary
 * (which has no header: its first line is a term).
 */
export function detectFormat(name: string, text: string): TermbaseFormat {
  const format = formatByName(name, text);
  return format === 'omegat' && namesTermColumns(text) ? 'tsv' : format;
}

/**
 * Where a text read as UTF-8 has bytes UTF-8 could not read (the U+FFFD they became), and what to
 * tell the user: the file is in another encoding, whose text would be garbage. Undefined when none.
 */
export function notUtf8(text: string): { line: number; message: string } | undefined {
  const bad = text.indexOf('\uFFFD');
  if (bad < 0) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < bad; i = text.indexOf('\n', i + 1)) line++;
  return {
    line,
    message: `not UTF-8 text: line ${line} has bytes UTF-8 cannot read (a file saved as GBK, Big5, UTF-16 without a byte-order mark or another encoding?); save it as UTF-8`,
  };
}

/** How much of a file `termbaseStartProblem` looks at, in bytes: the start its caller reads. */
export const TERMBASE_START_BYTES = 65_536;

/**
 * A file that its start (`head`: the text of its first `TERMBASE_START_BYTES` bytes, decoded as a
 * whole file is) shows is no termbase: bytes UTF-8 cannot read, or, for TBX, a root element that
 * is not a TBX one or text that is not XML before it. What `loadTermbase` would give for the whole
 * file, as an unreadable termbase with its one diagnostic; undefined when the start shows nothing
 * wrong (the whole file is then to be read). For a file a glob found: a huge file of something
 * else is turned away without being read whole.
 */
export function termbaseStartProblem(head: string, name: string): Termbase | undefined {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const format = detectFormat(name, text);
  // the last character may be a sequence the cut split, not a byte UTF-8 cannot read
  const bad = notUtf8(text.slice(0, -1));
  const problem = bad ? { line: bad.line, column: 1, message: bad.message } : format === 'tbx' ? tbxStartProblem(text) : undefined;
  if (!problem) return undefined;
  return {
    format,
    entries: [],
    lines: [],
    diagnostics: [{ severity: 'error', ...problem }],
    hasChinese: false,
    unreadable: true,
  };
}

/**
 * Read a termbase. Never throws on bad input: a malformed element or row is a diagnostic at its line
 * and the rest loads; a text that is not a termbase at all gives one diagnostic and `unreadable`.
 */
export function loadTermbase(input: string, options: TermbaseOptions): Termbase {
  // a byte-order mark is no part of any format's text (YAML and JSON parsers refuse it)
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const format = options.format ?? detectFormat(options.name, text);
  const diag = new Diagnostics();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const empty = (unreadable: boolean): Termbase => ({
    format,
    entries: [],
    lines: [],
    diagnostics: diag.finish(),
    hasChinese: false,
    unreadable,
  });
  if (text.length > limits.maxChars) {
    diag.error(
      1,
      1,
      `the file is ${(text.length / 1048576).toFixed(1)} M characters, over the limit of ${(limits.maxChars / 1048576).toFixed(0)} M: not loaded (split it)`,
    );
    return empty(true);
  }
  // bytes the file was read with and UTF-8 cannot read: another encoding, whose terms would be garbage
  const bad = notUtf8(text);
  if (bad) {
    diag.error(bad.line, 1, bad.message);
    return empty(true);
  }
  let ok: boolean;
  let builder: EntryBuilder;
  switch (format) {
    case 'tbx': {
      const b = (builder = new EntryBuilder(options, (c) => `line ${c.line}: <${c.element ?? 'termEntry'}>`));
      ok = parseTbx(text, diag, (c) => b.add(c), options.knownForms);
      break;
    }
    case 'csv':
    case 'tsv':
    case 'omegat': {
      const b = (builder = new EntryBuilder(options, (c, row) => `row ${row}${row !== c.line ? ` (line ${c.line})` : ''}`));
      ok = parseTabular(
        text,
        { kind: format, knownForms: options.knownForms, reserve: (rows) => b.reserve(rows) },
        diag,
        (c, row) => b.add(c, row),
        (c, row) => b.addPlain(c, row),
      );
      break;
    }
    case 'yaml': {
      const concepts: RawConcept[] = [];
      ok = parseYamlEntries(text, diag, concepts, options.knownForms);
      builder = new EntryBuilder(options, (c) => `line ${c.line}: entry`);
      if (ok) for (const c of concepts) builder.add(c);
      break;
    }
    case 'compiled':
      return loadCompiled(text, options);
  }
  if (!ok) return empty(true);
  const built = builder.finish(diag);
  return { format, ...built, diagnostics: diag.finish(), unreadable: false };
}

/** A compiled glossary (dist/glossary.json) as a termbase: its entries as they are, checked. */
function loadCompiled(text: string, options: TermbaseOptions): Termbase {
  const fail = (message: string): Termbase => ({
    format: 'compiled',
    entries: [],
    lines: [],
    diagnostics: [{ severity: 'error', line: 1, column: 1, message }],
    hasChinese: false,
    unreadable: true,
  });
  let data: { format?: unknown; entries?: unknown };
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    return fail('not valid JSON');
  }
  if (!COMPILED_FORMATS.includes(data?.format as string) || !Array.isArray(data.entries))
    return fail(`not a compiled Fintech Glossary (expected "format": "${COMPILED_FORMAT}" and an "entries" list)`);
  const label = options.label ?? options.name;
  const entries: GlossaryEntry[] = [];
  for (const [i, raw] of (data.entries as unknown[]).entries()) {
    const e = expandEntry(raw, data.format as string);
    const problem = entryProblem(e);
    if (problem) return fail(`entry ${i + 1}: ${problem}`);
    entries.push({ ...(e as GlossaryEntry), origin: label });
  }
  return {
    format: 'compiled',
    entries,
    lines: entries.map(() => 1),
    diagnostics: [],
    hasChinese: entries.some((e) => e.zhHans),
    unreadable: false,
  };
}

// ---- the project's YAML entry format ----

interface YamlEntry {
  id?: string;
  zh?: string;
  aliases?: string[];
  en?: string[];
  abbr?: string[];
  domain?: string;
  def?: { en?: string; zh?: string };
  related?: string[];
  status?: EntryStatus;
  replacedBy?: string;
  forms?: { hant?: string; tw?: string; hk?: string; reason?: string };
  terms?: Record<string, Record<string, unknown>>;
  note?: string;
  [key: string]: unknown;
}

let validator: ValidateFunction | undefined;
/**
 * The bundled glossary's own schema (glossary/schema.json), with what only the bundled glossary
 * must have relaxed: a user entry needs a Chinese or an English term, nothing else, and may name
 * any domain. Every rule it does state (term shapes, statuses, forms) is the build's own.
 */
function userEntryValidator(): ValidateFunction {
  if (validator) return validator;
  const s = structuredClone(schema) as { definitions: Record<string, Record<string, unknown>> };
  const entry = s.definitions.entry!;
  entry.required = [];
  entry.anyOf = [{ required: ['zh'] }, { required: ['en'] }];
  const props = entry.properties as Record<string, Record<string, unknown>>;
  props.domain = { type: 'string', minLength: 1 };
  props.note = { type: 'string' };
  const def = props.def!;
  def.required = [];
  for (const k of Object.keys(def.properties as object)) delete (def.properties as Record<string, Record<string, unknown>>)[k]!.minLength;
  s.definitions.entry = entry;
  const ajv = new Ajv({ allErrors: false, strict: false, allowUnionTypes: true });
  validator = ajv.compile({ ...s, type: 'object', items: undefined, $ref: '#/definitions/entry' });
  return validator;
}

// merge keys (`<<: *base`), which teams use to share fields between entries
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, merge: true } as const;

function parseYamlEntries(text: string, diag: Diagnostics, out: RawConcept[], knownForms?: KnownForm): boolean {
  const lc = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lc });
  const scripts = new ScriptCheck(diag, knownForms);
  if (doc.errors.length) return recoverYamlEntries(text, doc, lc, diag, out, scripts);
  if (!isSeq(doc.contents)) {
    diag.error(1, 1, 'not a termbase: a YAML termbase is a list of entries (- zh: … en: [...])');
    return false;
  }
  readYamlItems(doc, lc, 0, 0, diag, out, scripts);
  scripts.finish();
  return true;
}

/**
 * Where the lines that start at column 0 with something other than a blank or a comment start:
 * where an entry, or stray text, starts. The lines are the line counter's (cut at line feeds, LF or
 * CRLF, as YAML's positions are counted): a U+2028 or U+2029 in a value is part of the value.
 */
function topLevelLines(text: string, lines: LineCounter): number[] {
  return lines.lineStarts.filter((at) => {
    const c = text.charCodeAt(at);
    return at < text.length && c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x23;
  });
}

/**
 * A YAML termbase the parser finds errors in, read again entry by entry: each top-level item (a
 * line starting with `-` at column 0, up to the next line that starts at column 0) is parsed on its
 * own, so a badly indented entry is an error at its line and every other entry loads. One pass over
 * the text; each part is parsed once. A file with no top-level item is reported as the parser found it.
 */
function recoverYamlEntries(
  text: string,
  whole: Document,
  wholeLines: LineCounter,
  diag: Diagnostics,
  out: RawConcept[],
  scripts: ScriptCheck,
): boolean {
  const starts = topLevelLines(text, wholeLines);
  // `-` then a blank, a line end or the end of the text
  const isItem = (offset: number) => {
    const next = text.charCodeAt(offset + 1);
    return text.charCodeAt(offset) === 0x2d && (Number.isNaN(next) || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d);
  };
  if (!starts.some(isItem)) {
    reportYamlErrors(whole, wholeLines, text, 0, '', diag);
    return false;
  }
  let reported = false,
    index = 0;
  // what comes before the first entry (comments, directives, a document start) is one part
  const first = starts.findIndex(isItem);
  const parts = starts[first] === 0 ? starts : [0, ...starts.slice(first)];
  for (let k = 0; k < parts.length; k++) {
    const from = parts[k]!;
    const part = text.slice(from, parts[k + 1] ?? text.length);
    // the lines before the part (each part starts a line)
    const offset = wholeLines.linePos(from).line - 1;
    const lc = new LineCounter();
    const doc = parseDocument(part, { ...YAML_OPTIONS, lineCounter: lc });
    if (isItem(from)) {
      index++;
      if (doc.errors.length) {
        // an error found at the part's end (an unclosed bracket) is on the entry's last line, not the next one's
        let end = part.length;
        while (end > 0 && part.charCodeAt(end - 1) <= 0x20) end--;
        reportYamlErrors(doc, lc, part, offset, `entry ${index}: `, diag, Math.max(0, end - 1));
        reported = true;
      } else if (isSeq(doc.contents)) readYamlItems(doc, lc, offset, index - 1, diag, out, scripts);
    } else if (doc.errors.length || !(doc.contents == null || (isScalar(doc.contents) && doc.contents.value == null))) {
      // comments, a document start or directives before the entries are fine; anything else is not an entry
      diag.error(offset + 1, 1, 'YAML: not an entry (an entry starts with "- " at the start of a line); skipped');
      reported = true;
    }
  }
  // the whole file's errors, unless its entries' own said what is wrong; a second document, which
  // no entry's own text shows, always
  reportYamlErrors(whole, wholeLines, text, 0, '', diag, undefined, reported ? (e) => e.code === 'MULTIPLE_DOCS' : undefined);
  scripts.finish();
  return true;
}

/**
 * The parser's errors (those `only` accepts) in `text` as diagnostics, each where the user has to
 * fix it (`yamlErrorAt`); of an entry that is skipped for them, only the first, at no offset beyond
 * `last` (its text's last character).
 */
function reportYamlErrors(
  doc: Document,
  lc: LineCounter,
  text: string,
  lineOffset: number,
  prefix: string,
  diag: Diagnostics,
  last?: number,
  only?: (e: YAMLError) => boolean,
): void {
  const first = last !== undefined;
  const said = new Set<string>();
  for (const e of first ? doc.errors.slice(0, 1) : doc.errors) {
    if (only && !only(e)) continue;
    const { offset, message } = yamlErrorAt(text, doc.errors, e);
    const p = offset !== undefined ? lc.linePos(first ? Math.min(offset, last) : offset) : { line: 1, col: 1 };
    const diagnostic = `${prefix}YAML: ${message}${first ? '; skipped' : ''}`;
    // the two errors the parser gives for one over-indented key say the same here
    if (said.has(`${p.line}:${p.col}:${diagnostic}`)) continue;
    said.add(`${p.line}:${p.col}:${diagnostic}`);
    diag.error(p.line + lineOffset, p.col, diagnostic);
  }
}

/**
 * Where a parser error is to be fixed, and what to say of it. A key indented more than the one
 * before it (`en: b` then `     domain: x`) makes the parser read the value before it on into
 * it, as one key of two lines: it reports that where the value starts, on the line before the one
 * to fix; the key ends at the end of its MULTILINE_IMPLICIT_KEY error, so the diagnostic is at that
 * line's first non-blank, the key. An indentation error is at its line's first non-blank too (the
 * parser gives column 1). A second document (`---`) is said in a translator's words.
 */
function yamlErrorAt(text: string, errors: readonly YAMLError[], e: YAMLError): { offset?: number; message: string } {
  const message = e.message.split('\n')[0]!;
  if (!e.pos) return { message };
  const lineStart = (at: number) => Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  const nonBlank = (at: number) => {
    let i = lineStart(at);
    while (text[i] === ' ' || text[i] === '\t') i++;
    return i;
  };
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const key = errors.find((x) => x.code === 'MULTILINE_IMPLICIT_KEY' && x.pos?.[0] === e.pos[0]);
      const end = key?.pos[1];
      if (end === undefined || end > text.length || lineStart(end) <= e.pos[0]) return { offset: e.pos[0], message };
      const at = nonBlank(end);
      const name = text.slice(at, end).slice(0, 40);
      return { offset: at, message: `the key "${name}" is indented more than the line before it` };
    }
    case 'BAD_INDENT':
      return { offset: nonBlank(e.pos[0]), message };
    case 'MULTIPLE_DOCS':
      return { offset: e.pos[0], message: 'a second document starts here (---); a termbase is one list of entries: remove this line' };
    default:
      return { offset: e.pos[0], message };
  }
}

/** The items of a parsed list of entries, each checked; `lineOffset` lines precede the text parsed, `firstIndex` items. */
function readYamlItems(
  doc: Document,
  lc: LineCounter,
  lineOffset: number,
  firstIndex: number,
  diag: Diagnostics,
  out: RawConcept[],
  scripts: ScriptCheck,
): void {
  const seq = doc.contents as YAMLSeq;
  const validate = userEntryValidator();
  seq.items.forEach((node, i) => {
    const n = firstIndex + i + 1;
    const at0 = isNode(node) && node.range ? lc.linePos(node.range[0]) : { line: 1, col: 1 };
    const pos = { line: at0.line + lineOffset, col: at0.col };
    // with its document, so that an alias (`en: *banking`) is what its anchor names
    let value: YamlEntry | undefined;
    try {
      value = isNode(node) ? (node.toJS(doc) as YamlEntry) : undefined;
    } catch (err) {
      // an alias to nothing, or too many (the yaml library's guard against alias bombs)
      diag.error(pos.line, pos.col, `entry ${n}: YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}; skipped`);
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value as unknown)) {
      diag.error(pos.line, pos.col, `entry ${n}: not an entry (expected zh:, en: …)`);
      return;
    }
    const id = typeof value.id === 'string' ? value.id : undefined;
    if (!validate(value)) {
      const err = validate.errors?.[0];
      const path = err?.instancePath.split('/').slice(1) ?? [];
      const at = path.length ? doc.getIn([i, ...path.map((p) => (/^\d+$/.test(p) ? Number(p) : p))], true) : undefined;
      const p = isNode(at) && at.range ? { line: lc.linePos(at.range[0]).line + lineOffset, col: lc.linePos(at.range[0]).col } : pos;
      const field =
        err?.keyword === 'additionalProperties'
          ? `unknown field "${String((err.params as { additionalProperty: string }).additionalProperty)}"`
          : `${err?.instancePath || 'the entry'} ${err?.message ?? 'is not valid'}`;
      diag.error(p.line, p.col, `entry ${n}${id ? ` "${id.slice(0, 60)}"` : ''}: ${field}; skipped`);
      return;
    }
    // the headword is simplified, the forms traditional (aliases may be either); a term's status is
    // its own (`terms:`), else a deprecated entry's
    const checkScript = (path: string[], text: string | undefined, lang: TermLang, label: string) => {
      if (typeof text !== 'string' || !hasOtherScript(text, lang)) return;
      const at = doc.getIn([i, ...path], true);
      const p = isNode(at) && at.range ? lc.linePos(at.range[0]) : at0;
      const own = value.terms?.[text]?.status;
      const status = typeof own === 'string' ? own : value.status;
      scripts.check(text, lang, label, p.line + lineOffset, p.col, 'entry', n, status);
    };
    checkScript(['zh'], value.zh, 'zh-Hans', 'the zh field');
    checkScript(['forms', 'hant'], value.forms?.hant, 'zh-Hant', 'the forms.hant field');
    checkScript(['forms', 'tw'], value.forms?.tw, 'zh-TW', 'the forms.tw field');
    checkScript(['forms', 'hk'], value.forms?.hk, 'zh-HK', 'the forms.hk field');
    // where each `terms:` key is (one that names no term of the entry is a warning there)
    const keys = new Map<string, { line: number; column: number }>();
    const termsNode = doc.getIn([i, 'terms'], true);
    if (isMap(termsNode))
      for (const pair of termsNode.items)
        if (isScalar(pair.key) && pair.key.range) {
          const p = lc.linePos(pair.key.range[0]);
          keys.set(String(pair.key.value), { line: p.line + lineOffset, column: p.col });
        }
    out.push(yamlConcept(value, pos.line, pos.col, keys));
  });
}

function yamlConcept(v: YamlEntry, line: number, column: number, keys: Map<string, { line: number; column: number }>): RawConcept {
  const notes = v.terms ?? {};
  const term = (text: string, lang: RawTerm['lang'], abbreviation = false): RawTerm => {
    const n = notes[text] ?? {};
    const { status, usage, ...extra } = n as { status?: RawTerm['status']; usage?: string };
    return {
      text,
      lang,
      ...(abbreviation ? { abbreviation } : {}),
      ...(status ? { status } : {}),
      ...(usage ? { usage } : {}),
      ...(Object.keys(extra).length ? { extra } : {}),
    };
  };
  const terms: RawTerm[] = [];
  if (v.zh) terms.push(term(v.zh, 'zh-Hans'));
  if (v.forms?.hant) terms.push(term(v.forms.hant, 'zh-Hant'));
  if (v.forms?.tw) terms.push(term(v.forms.tw, 'zh-TW'));
  if (v.forms?.hk) terms.push(term(v.forms.hk, 'zh-HK'));
  for (const a of v.aliases ?? []) terms.push(term(a, 'zh-Hans'));
  for (const e of v.en ?? []) terms.push(term(e, 'en'));
  for (const a of v.abbr ?? []) terms.push(term(a, 'en', true));
  const extra: Partial<GlossaryEntry> = {};
  for (const k of ['pos', 'historical', 'provenance'] as const) if (v[k] !== undefined) (extra as Record<string, unknown>)[k] = v[k];
  if (v.replacedBy) extra.replacedBy = v.replacedBy;
  return {
    ...(v.id ? { id: v.id } : {}),
    line,
    column,
    terms,
    ...(v.def?.en ? { definitionEn: v.def.en } : {}),
    ...(v.def?.zh ? { definitionZh: v.def.zh } : {}),
    ...(v.domain ? { domain: v.domain } : {}),
    ...(v.related ? { related: v.related } : {}),
    ...(v.note ? { note: v.note } : {}),
    ...(v.status ? { status: v.status } : {}),
    ...(v.forms ? { reviewed: v.forms } : {}),
    // keys a merge (`<<:`) brought in are where the entry is
    ...(v.terms
      ? {
          notes: Object.entries(v.terms).map(([text, note]) => ({
            text,
            ...(keys.get(text) ?? { line, column }),
            note: note as TermNotes,
          })),
        }
      : {}),
    extra,
  };
}
