/**
 * Model-based fuzzing of LSP message sequences against the real server process.
 *
 * A sequence opens documents, edits them (incremental changes with reversed and out-of-range
 * ranges, several changes per event, full-text changes), hovers, completes, resolves, changes the
 * configuration (push client, including null and missing params), closes, reopens and opens a
 * second time without closing. The model is the documents' text, edited the way the LSP spec
 * says (reversed ranges normalised, positions past a line's end or the document's end clamped),
 * written here independently of vscode-languageserver-textdocument. The reference for every answer
 * is the in-process engine on a fresh TextDocument made from the model's text, i.e. what a fresh
 * server would answer on that text.
 *
 * Checks: every request is answered within the hang bound, none with an error, the process stays
 * alive, every hover and completion (and resolve) equals the reference.
 *
 * One long-lived server runs many sequences (a fresh URI per sequence); it is replaced only after
 * it died or failed to answer. Messages of a sequence are pipelined, answers checked in order.
 */
import { isDeepStrictEqual } from 'node:util';
import { resolve } from 'node:path';
import fc from 'fast-check';
import type { CompletionItem } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentIndex } from '../../server/src/engine/documentIndex';
import type { Glossary } from '../../server/src/engine/glossary';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';
import { completion, resolveCompletion, type CompletionClient } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { SETTINGS_SECTION, defaultSettings, type Settings } from '../../server/src/protocol';
import { MISSING, RawClient, type RpcResponse } from './rawClient';

// ---------------------------------------------------------------------------------------------
// The model: text, positions and edits as the LSP spec defines them (UTF-16 code units).

export interface Position {
  line: number;
  character: number;
}

/** Offsets where lines start; a line ends at \r\n, \r or \n. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

/** The offset of a position: a line past the end is the end; a character past the line's end (before its line break) is the line's end. */
export function offsetAt(text: string, pos: Position): number {
  const starts = lineStarts(text);
  if (pos.line >= starts.length) return text.length;
  if (pos.line < 0) return 0;
  const start = starts[pos.line]!;
  let end = pos.line + 1 < starts.length ? starts[pos.line + 1]! : text.length;
  if (pos.line + 1 < starts.length) end -= text.charCodeAt(end - 1) === 10 && text.charCodeAt(end - 2) === 13 ? 2 : 1;
  return start + Math.min(Math.max(pos.character, 0), end - start);
}

export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return { line, character: offset - starts[line]! };
}

/** One content change, as the spec applies it: the range's ends in either order. */
export function applyChange(text: string, change: { range?: { start: Position; end: Position }; text: string }): string {
  if (!change.range) return change.text;
  const a = offsetAt(text, change.range.start),
    b = offsetAt(text, change.range.end);
  return text.slice(0, Math.min(a, b)) + change.text + text.slice(Math.max(a, b));
}

// ---------------------------------------------------------------------------------------------
// Sequences: abstract operations, resolved against the model when run (so they shrink well).

/** A position either anchored in the text (permille of its length, then `past` units further along
 * the line), inside the `nth` place where a term may start (`delta` units into it), on a line
 * `afterLast` lines past the last one, or given raw. */
export type PosSpec =
  | { at: number; past: number }
  | { nth: number; delta: number }
  | { afterLast: number; character: number }
  | { line: number; character: number };
export type Change = { full: string } | { from: PosSpec; to: PosSpec; text: string };
export type ConfigPush = { kind: 'settings'; section: unknown } | { kind: 'params'; params: unknown }; // null, {}, {settings: null}: ambiguous payloads

export type Op =
  | { op: 'open'; doc: number; text: string }
  | { op: 'change'; doc: number; changes: Change[] }
  | { op: 'hover'; doc: number; pos: PosSpec }
  | { op: 'completion'; doc: number; pos: PosSpec; resolve: number | null }
  | { op: 'config'; push: ConfigPush | 'missing' }
  | { op: 'close'; doc: number };

export interface Sequence {
  initial: string;
  ops: Op[];
}

const MAX_UINT = 2 ** 31 - 1;
/** Where the fragments' terms start, so that many hovers land on (or in) a term. */
const TERM_STARTS = /区|區|blo|BLO|ｂ|sma|API|api|ＡＰＩ|KYC|ＫＹＣ|e[-–]|ｅ－|供|网|網|数|數|开|open|peer|ｐ|P2P|金|非|核/gu;

/** Text pieces chosen to trigger every normalisation rule, and the inputs the reliability review used. */
export const FRAGMENTS = [
  // terms in every script and spelling
  '区块链',
  '區塊鏈',
  '区塊鏈',
  '区块',
  '链',
  '技术',
  '我们研究',
  'blockchain',
  'Blockchains',
  'BLOCKCHAIN',
  'smart contract',
  'smart-contract',
  'smart\ncontract',
  'API',
  'api',
  'KYC',
  'e-CNY',
  'e–CNY',
  'ｅ－ＣＮＹ',
  'ＡＰＩ',
  'ｂｌｏｃｋｃｈａｉｎ',
  '供应链金融',
  '供应链',
  '金融',
  '网络',
  '網路',
  '網(wǎng)',
  '網(wǎng)絡(luò)',
  '数字人民币',
  '數位人民幣',
  '开放银行',
  'open banking',
  'open',
  'Banking',
  'peer-to-peer lending',
  'peer－to－peer',
  'P2P',
  'SCF',
  // a non-term word (words.yaml) around a term: 核心系统 is a term, 非核心系统 is not
  '非',
  '核心系统',
  '非核心系统',
  'Introduction ',
  ' p. 3',
  "'s",
  '(',
  ')',
  // line breaks and spaces
  ' ',
  ' ',
  ' ',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\r\r',
  '\t',
  '\u00a0',
  '\u202f',
  '\u3000',
  '，',
  '。',
  '-',
  '—',
  // astral, combining, joiners, bidi, controls, lone surrogates
  '😀',
  '👨‍👩‍👧‍👦',
  '𠀀',
  '𠀁',
  '\ud800',
  '\udc00',
  '\udc00\ud800',
  '\u0301',
  '\u200d',
  '\u200b',
  '\u00ad',
  '\u202e',
  '\u2067',
  'ا',
  '\u0000',
  'x',
];

const fragment = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...FRAGMENTS) },
  // long runs of separators (a regular expression that backtracks on them hangs completion)
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('-', ' -', '- ', ' ', '\t', "'", '’', '－'), fc.integer({ min: 1, max: 40 }))
      .map(([s, n]) => s.repeat(n)),
  },
);
export const textArb = (maxFragments: number) => fc.array(fragment, { maxLength: maxFragments }).map((xs) => xs.join(''));

const posArb: fc.Arbitrary<PosSpec> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      at: fc.integer({ min: 0, max: 1000 }),
      past: fc.oneof(
        { weight: 6, arbitrary: fc.constant(0) },
        { weight: 2, arbitrary: fc.integer({ min: 1, max: 6 }) },
        { weight: 1, arbitrary: fc.constantFrom(1000, MAX_UINT) },
      ),
    }),
  },
  { weight: 4, arbitrary: fc.record({ nth: fc.nat({ max: 20 }), delta: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ afterLast: fc.integer({ min: 1, max: 3 }), character: fc.integer({ min: 0, max: 3 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      line: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom(1000, MAX_UINT)),
      character: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom(1000, MAX_UINT)),
    }),
  },
);

const changeArb = (maxFragments: number): fc.Arbitrary<Change> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.record({ from: posArb, to: posArb, text: textArb(Math.min(4, maxFragments)) }) },
    { weight: 1, arbitrary: fc.record({ full: textArb(maxFragments) }) },
  );

const bool = (pTrue: number) => fc.oneof({ weight: pTrue, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
const wrongType = fc.constantFrom<unknown>(0, 1, 'false', 'true', null, 'yes', [], {}, 42);
const settingsArb = fc.record(
  {
    languages: fc.constant([] as string[]),
    preferredScript: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK') },
      { weight: 1, arbitrary: wrongType },
    ),
    hover: fc.oneof(
      { weight: 6, arbitrary: fc.record({ enable: fc.oneof({ weight: 6, arbitrary: bool(5) }, { weight: 1, arbitrary: wrongType }) }) },
      { weight: 1, arbitrary: wrongType },
    ),
    completion: fc.oneof(
      { weight: 6, arbitrary: fc.record({ enable: fc.oneof({ weight: 6, arbitrary: bool(5) }, { weight: 1, arbitrary: wrongType }) }) },
      { weight: 1, arbitrary: wrongType },
    ),
    matchAcronymsCaseInsensitive: fc.oneof({ weight: 6, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wrongType }),
  },
  { requiredKeys: [] },
);
const configArb: fc.Arbitrary<ConfigPush | 'missing'> = fc.oneof(
  { weight: 6, arbitrary: settingsArb.map((section): ConfigPush => ({ kind: 'settings', section })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<ConfigPush | 'missing'>(
      'missing',
      { kind: 'params', params: null },
      { kind: 'params', params: {} },
      { kind: 'params', params: { settings: null } },
      { kind: 'params', params: { settings: {} } },
      { kind: 'settings', section: null },
    ),
  },
);

export function sequenceArb(maxOps: number, maxFragments: number): fc.Arbitrary<Sequence> {
  const doc = fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(1) });
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        op: fc.constant('change' as const),
        doc,
        changes: fc.array(changeArb(maxFragments), { minLength: 1, maxLength: 3 }),
      }),
    },
    { weight: 6, arbitrary: fc.record({ op: fc.constant('hover' as const), doc, pos: posArb }) },
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant('completion' as const),
        doc,
        pos: posArb,
        resolve: fc.option(fc.nat({ max: 40 }), { freq: 3 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('open' as const), doc, text: textArb(maxFragments) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('close' as const), doc }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('config' as const), push: configArb }) },
  );
  return fc.record({ initial: textArb(maxFragments), ops: fc.array(op, { minLength: 1, maxLength: maxOps, size: 'max' }) });
}

// ---------------------------------------------------------------------------------------------
// Settings: a push with a wrong-typed or missing field may keep the previous value or fall back to
// the default (both are correct); it must never coerce (`hover.enable: 0` does not turn hover off).

type Candidate = Pick<Settings, 'preferredScript' | 'matchAcronymsCaseInsensitive'> & { hover: boolean; completion: boolean };
const DEFAULTS: Candidate = {
  preferredScript: defaultSettings.preferredScript,
  matchAcronymsCaseInsensitive: false,
  hover: true,
  completion: true,
};
const SCRIPTS = ['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'];

function nextCandidates(prev: Candidate[], push: ConfigPush | 'missing'): Candidate[] {
  const section =
    push !== 'missing' && push.kind === 'settings' && push.section && typeof push.section === 'object' && !Array.isArray(push.section)
      ? (push.section as Record<string, unknown>)
      : {};
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const pick = <T>(value: unknown, ok: (v: unknown) => boolean, prevValue: T, def: T): T[] => (ok(value) ? [value as T] : [prevValue, def]);
  const isBool = (v: unknown) => typeof v === 'boolean';
  const out = new Map<string, Candidate>();
  for (const c of prev) {
    for (const preferredScript of pick(
      section.preferredScript,
      (v) => SCRIPTS.includes(v as string),
      c.preferredScript,
      DEFAULTS.preferredScript,
    ))
      for (const matchAcronymsCaseInsensitive of pick(section.matchAcronymsCaseInsensitive, isBool, c.matchAcronymsCaseInsensitive, false))
        for (const hover of pick(obj(section.hover).enable, isBool, c.hover, true))
          for (const completion of pick(obj(section.completion).enable, isBool, c.completion, true)) {
            const k: Candidate = { preferredScript, matchAcronymsCaseInsensitive, hover, completion };
            out.set(JSON.stringify(k), k);
          }
  }
  return [...out.values()];
}

// ---------------------------------------------------------------------------------------------
// The reference: the in-process engine on a fresh TextDocument of the model's text.

/** What the fuzz client declares: lean completion answers (documentation on resolve). */
export const CLIENT_CAPABILITIES = {
  textDocument: {
    completion: {
      completionItem: { resolveSupport: { properties: ['documentation'] }, labelDetailsSupport: true },
      completionList: { itemDefaults: ['editRange'] },
    },
  },
};
const COMPLETION_CLIENT: CompletionClient = { lazyDocumentation: true, defaultEditRange: true, labelDetails: true };

let glossary: Glossary | undefined;
function reference(): Glossary {
  return (glossary ??= glossaryFromFile(resolve(__dirname, '../../dist/glossary.json')));
}
const plain = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

function refHover(uri: string, text: string, pos: Position, acronyms: boolean): unknown {
  const doc = TextDocument.create(uri, 'plaintext', 1, text);
  const g = reference();
  // the fuzz never sets hover.detail, so the server keeps the default (compact)
  const options = { commandLinks: true, detail: defaultSettings.hover.detail };
  return plain(hover(g, doc, pos, new DocumentIndex(g.index, text, { acronymsCaseInsensitive: acronyms }), options));
}
function refCompletion(uri: string, text: string, pos: Position, script: Settings['preferredScript']) {
  const doc = TextDocument.create(uri, 'plaintext', 1, text);
  return plain(completion(reference(), doc, pos, script, COMPLETION_CLIENT)) as { items: object[] };
}

// ---------------------------------------------------------------------------------------------
// Running sequences against one long-lived server.

export interface FuzzStats {
  sequences: number;
  messages: number;
  hovers: number;
  cards: number;
  completions: number;
  withItems: number;
  resolves: number;
  restarts: number;
}
export const newStats = (): FuzzStats => ({
  sequences: 0,
  messages: 0,
  hovers: 0,
  cards: 0,
  completions: 0,
  withItems: 0,
  resolves: 0,
  restarts: 0,
});

/** A request and its expected answers, computed only once the server has answered (so an input that
 * hangs the engine hangs the server, which the hang detector reports, not the reference in this process). */
interface Check {
  what: string;
  response: Promise<RpcResponse>;
  expected: () => unknown[];
  kind: 'hover' | 'completion' | 'resolve';
  resolve?: number | null;
}

export class FuzzTarget {
  private client: RawClient | undefined;
  private seq = 0;
  constructor(
    readonly hangMs = 2000,
    readonly stats: FuzzStats = newStats(),
  ) {}

  private async server(): Promise<RawClient> {
    if (this.client?.alive) return this.client;
    if (this.client) {
      this.client.kill();
      await this.client.exited;
      this.stats.restarts++;
    }
    const c = new RawClient();
    const init = await c.initialize(CLIENT_CAPABILITIES, { commandLinks: true });
    if (init.error || init.timeout || init.exited) throw new Error(`the server did not initialize: ${JSON.stringify(init)} ${c.stderr()}`);
    // the glossary is read and indexed after `initialized`: the hang detector times requests, not that
    const warm = await c.request(
      'textDocument/hover',
      { textDocument: { uri: 'file:///warm-up.txt' }, position: { line: 0, character: 0 } },
      60_000,
    );
    if (warm.error || warm.timeout || warm.exited)
      throw new Error(`the server did not load its glossary: ${JSON.stringify(warm)} ${c.stderr()}`);
    this.client = c;
    return c;
  }

  dispose(): void {
    this.client?.kill();
  }

  /** Run one sequence; throws a readable description of the first divergence. */
  async run(s: Sequence): Promise<void> {
    const c = await this.server();
    const n = ++this.seq;
    const uri = (doc: number) => `file:///fuzz/${n}-${doc}.txt`;
    const texts = new Map<number, string>();
    const versions = new Map<number, number>();
    let candidates: Candidate[] = [DEFAULTS];
    const checks: Check[] = [];
    const transcript: string[] = [];
    const resolvePos = (doc: number, p: PosSpec): Position => {
      const text = texts.get(doc) ?? '';
      if ('afterLast' in p) return { line: lineStarts(text).length - 1 + p.afterLast, character: p.character };
      if ('nth' in p) {
        const starts = [...text.matchAll(TERM_STARTS)].map((m) => m.index);
        return positionAt(text, starts.length ? starts[p.nth % starts.length]! + p.delta : 0);
      }
      if (!('at' in p)) return p;
      const at = positionAt(text, Math.round((p.at / 1000) * text.length));
      return { line: at.line, character: Math.min(MAX_UINT, at.character + p.past) };
    };
    const send = (method: string, params: unknown) => {
      this.stats.messages++;
      transcript.push(`${method} ${params === MISSING ? '(no params)' : JSON.stringify(params)}`);
      c.notify(method, params);
    };
    const request = (kind: Check['kind'], method: string, params: object, expected: () => unknown[], resolve?: number | null) => {
      this.stats.messages++;
      transcript.push(`${method} ${JSON.stringify(params)}`);
      checks.push({ what: `#${transcript.length} ${method}`, response: c.request(method, params, this.hangMs), expected, kind, resolve });
    };
    const open = (doc: number, text: string) => {
      const version = (versions.get(doc) ?? 0) + 1;
      versions.set(doc, version);
      texts.set(doc, text);
      send('textDocument/didOpen', { textDocument: { uri: uri(doc), languageId: 'plaintext', version, text } });
    };

    // A known start: default settings, document 0 open.
    send('workspace/didChangeConfiguration', { settings: { [SETTINGS_SECTION]: defaultSettings } });
    open(0, s.initial);
    for (const op of s.ops) {
      switch (op.op) {
        case 'open':
          open(op.doc, op.text);
          break;
        case 'close':
          texts.delete(op.doc);
          send('textDocument/didClose', { textDocument: { uri: uri(op.doc) } });
          break;
        case 'change': {
          const version = (versions.get(op.doc) ?? 0) + 1;
          versions.set(op.doc, version);
          let text = texts.get(op.doc);
          const contentChanges = op.changes.map((ch) => {
            const wire =
              'full' in ch
                ? { text: ch.full }
                : { range: { start: resolvePos(op.doc, ch.from), end: resolvePos(op.doc, ch.to) }, text: ch.text };
            // positions of a later change refer to the text after the earlier ones
            if (text !== undefined) texts.set(op.doc, (text = applyChange(text, wire)));
            return wire;
          });
          send('textDocument/didChange', { textDocument: { uri: uri(op.doc), version }, contentChanges });
          break;
        }
        case 'hover':
        case 'completion': {
          const pos = resolvePos(op.doc, op.pos);
          const text = texts.get(op.doc);
          const now = candidates;
          // what a fresh server would answer under each settings state the client may be in
          const reference = (k: (typeof now)[number], t: string) =>
            op.op === 'hover'
              ? k.hover
                ? refHover(uri(op.doc), t, pos, k.matchAcronymsCaseInsensitive)
                : null
              : k.completion
                ? refCompletion(uri(op.doc), t, pos, k.preferredScript)
                : null;
          const expected = () => (text === undefined ? [null] : unique(now.map((k) => reference(k, text))));
          const params = { textDocument: { uri: uri(op.doc) }, position: pos };
          request(op.op, `textDocument/${op.op}`, params, expected, op.op === 'completion' ? op.resolve : undefined);
          break;
        }
        case 'config':
          if (op.push === 'missing') send('workspace/didChangeConfiguration', MISSING);
          else if (op.push.kind === 'params') send('workspace/didChangeConfiguration', op.push.params);
          else send('workspace/didChangeConfiguration', { settings: { [SETTINGS_SECTION]: op.push.section } });
          candidates = nextCandidates(candidates, op.push);
          break;
      }
    }
    // Close what is open, then one last request: everything before it has been processed.
    for (const doc of texts.keys()) send('textDocument/didClose', { textDocument: { uri: uri(doc) } });
    request('hover', 'textDocument/hover', { textDocument: { uri: uri(0) }, position: { line: 0, character: 0 } }, () => [null]);

    const responses = await Promise.all(checks.map((k) => k.response));
    // Then resolve an item of some completion answers, as an editor does on selection.
    for (const [i, k] of [...checks.entries()]) {
      const items = (responses[i]!.result as { items?: CompletionItem[] } | null | undefined)?.items;
      if (k.resolve === null || k.resolve === undefined || !items?.length) continue;
      const item = items[k.resolve % items.length]!;
      request('resolve', 'completionItem/resolve', item, () => [plain(resolveCompletion(reference(), structuredClone(item)))]);
      responses.push(await checks[checks.length - 1]!.response);
    }
    this.stats.sequences++;
    const fail = (k: Check, why: string): never => {
      throw new Error(
        `${k.what}: ${why}\n--- messages sent (server ${c.process.pid}) ---\n${transcript.join('\n')}\n--- server stderr ---\n${c.stderr().slice(-2000)}`,
      );
    };
    for (const [i, k] of checks.entries()) {
      const r = responses[i]!;
      if (r.timeout) {
        c.kill(); // a hung server is replaced for the next sequence
        fail(k, `no answer within ${this.hangMs} ms (hang)`);
      }
      if (r.exited) fail(k, `the server exited (code ${String(c.exitCode)}) before answering`);
      if (r.error) fail(k, `error response ${JSON.stringify(r.error)}`);
      const got = r.result ?? null;
      const expected = k.expected();
      if (!expected.some((e) => isDeepStrictEqual(got, e))) {
        fail(
          k,
          `answer differs from a fresh server on the same text\n  got:      ${JSON.stringify(got)?.slice(0, 1500)}\n  expected: ${expected.map((e) => JSON.stringify(e)?.slice(0, 1500)).join('\n   or:      ')}`,
        );
      }
      if (k.kind === 'hover') {
        this.stats.hovers++;
        if (got) this.stats.cards++;
      } else if (k.kind === 'completion') {
        this.stats.completions++;
        if ((got as { items?: unknown[] } | null)?.items?.length) this.stats.withItems++;
      } else this.stats.resolves++;
    }
    if (!c.alive) throw new Error(`the server exited (code ${String(c.exitCode)})\n${transcript.join('\n')}\n${c.stderr().slice(-2000)}`);
  }
}

function unique(values: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of values) if (!out.some((o) => isDeepStrictEqual(o, v))) out.push(v);
  return out;
}

export interface FuzzOptions {
  runs: number;
  seed?: number;
  maxOps?: number;
  maxFragments?: number;
  hangMs?: number;
  verbose?: boolean;
}

/** Run the property; returns fast-check's details (counterexample shrunk) and the stats. */
export async function fuzz(opts: FuzzOptions) {
  const target = new FuzzTarget(opts.hangMs ?? 2000);
  try {
    const details = await fc.check(
      fc.asyncProperty(sequenceArb(opts.maxOps ?? 12, opts.maxFragments ?? 10), (s) => target.run(s)),
      { numRuns: opts.runs, ...(opts.seed !== undefined ? { seed: opts.seed } : {}), verbose: opts.verbose ? 1 : 0, endOnFailure: false },
    );
    return {
      details,
      stats: target.stats,
      report: details.failed
        ? `${fc.defaultReportMessage(details)}\n\nFirst failure of the shrunk counterexample:\n${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)}`
        : '',
    };
  } finally {
    target.dispose();
  }
}
