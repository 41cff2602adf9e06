/**
 * Replays the bad-input corpus (test/corpus/) against the real server: the reliability review's
 * documents (documents.json; the large ones generated here, not committed) and messages
 * (messages.jsonl). After each case the server must still be alive and answer a health check —
 * open `我们研究区块链技术。`, hover at (0,5), get the blockchain card starting at (0,4) — unless the
 * case expects the process to exit.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { offsetAt, positionAt, type Position } from './lspFuzz';
import { MISSING, RawClient, type RpcResponse } from './rawClient';
import { HANG_MS } from './waitFor';

const ROOT = resolve(__dirname, '../..');
const CORPUS = resolve(ROOT, 'test/corpus');

type Pos = [number, number];
interface Card {
  contents: { value: string };
  range: { start: Position; end: Position };
}

// ---------------------------------------------------------------------------------------------
// Documents

type Part =
  | { text: string }
  | { repeat: string; times: number }
  | { file: string; times?: number }
  | { bytes: number; seed: number; as: 'latin1' };
type Where = { at: Pos } | { find: string; delta?: number };
type HoverExpect = null | 'answered' | { mentions?: string; notMentions?: string; rangeText?: string; range?: [Pos, Pos] };
interface DocumentCase {
  name: string;
  text?: string;
  file?: string;
  generate?: Part[];
  hover?: (Where & { expect: HoverExpect })[];
  completion?: (Where & { expect: 'some' | 'none' | 'answered' })[];
}

/** Deterministic pseudo-random bytes (mulberry32). */
function bytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let a = seed >>> 0;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return out;
}

function documentText(c: DocumentCase): string {
  if (c.text !== undefined) return c.text;
  if (c.file) return readFileSync(resolve(CORPUS, c.file), 'utf8');
  return c
    .generate!.map((p) => {
      if ('text' in p) return p.text;
      if ('repeat' in p) return p.repeat.repeat(p.times);
      if ('file' in p) return readFileSync(resolve(ROOT, p.file), 'utf8').repeat(p.times ?? 1);
      return bytes(p.bytes, p.seed).toString('latin1');
    })
    .join('');
}

function where(text: string, w: Where): Position {
  if ('at' in w) return { line: w.at[0], character: w.at[1] };
  const i = text.indexOf(w.find);
  if (i < 0) throw new Error(`corpus: ${JSON.stringify(w.find)} is not in the document`);
  return positionAt(text, i + (w.delta ?? 0));
}

const answered = (r: RpcResponse, what: string) => {
  expect(r.timeout, `${what}: no answer within ${HANG_MS} ms`).toBeUndefined();
  expect(r.exited, `${what}: the server exited`).toBeUndefined();
};
const ok = (r: RpcResponse, what: string) => {
  answered(r, what);
  expect(r.error, `${what}: error response`).toBeUndefined();
};

// ---------------------------------------------------------------------------------------------
// The health check, and servers

let healthChecks = 0;
async function healthy(c: RawClient): Promise<void> {
  const uri = `file:///corpus/health-${++healthChecks}.txt`;
  c.open(uri, '我们研究区块链技术。');
  const r = await c.hover(uri, 0, 5, HANG_MS);
  expect(r.timeout, `health check: no answer within ${HANG_MS} ms\n${c.stderr()}`).toBeUndefined();
  expect(r.exited, `health check: the server exited with ${String(c.exitCode)}\n${c.stderr()}`).toBeUndefined();
  const card = r.result as Card | null;
  expect(card?.contents.value.toLowerCase() ?? '(no card)', 'health check: the card').toContain('blockchain');
  expect(card!.range.start).toEqual({ line: 0, character: 4 });
  c.notify('textDocument/didClose', { textDocument: { uri } });
  // an unhandled rejection or exception ends the process right after the message that caused it
  await new Promise((r) => setTimeout(r, 50));
  expect(c.alive, `the server exited with ${String(c.exitCode)}\n${c.stderr()}`).toBe(true);
}

const started: RawClient[] = [];
function start(options: ConstructorParameters<typeof RawClient>[0] = {}): RawClient {
  const c = new RawClient(options);
  started.push(c);
  return c;
}
afterAll(() => {
  for (const c of started) c.kill();
});

// ---------------------------------------------------------------------------------------------

const documents = JSON.parse(readFileSync(resolve(CORPUS, 'documents.json'), 'utf8')) as DocumentCase[];

describe('bad-input corpus: documents', () => {
  let server: RawClient | undefined;
  let n = 0;
  it.each(documents.map((d) => [d.name, d] as const))('%s', async (_name, c) => {
    if (!server?.alive) {
      server = start();
      ok(await server.initialize(), 'initialize');
    }
    const s = server;
    const text = documentText(c);
    const uri = `file:///corpus/doc-${++n}.txt`;
    s.open(uri, text);
    for (const h of c.hover ?? []) {
      const pos = where(text, h);
      const what = `hover at ${JSON.stringify(pos)}`;
      const r = await s.hover(uri, pos.line, pos.character, HANG_MS);
      if (h.expect === 'answered') {
        answered(r, what);
        continue;
      }
      ok(r, what);
      const card = r.result as Card | null;
      if (h.expect === null) {
        expect(card, what).toBeNull();
        continue;
      }
      if (h.expect.notMentions) {
        expect(card?.contents.value.toLowerCase() ?? '', what).not.toContain(h.expect.notMentions.toLowerCase());
        continue;
      }
      expect(card, what).not.toBeNull();
      if (h.expect.mentions) expect(card!.contents.value.toLowerCase(), what).toContain(h.expect.mentions.toLowerCase());
      if (h.expect.range)
        expect(card!.range, what).toEqual({
          start: { line: h.expect.range[0][0], character: h.expect.range[0][1] },
          end: { line: h.expect.range[1][0], character: h.expect.range[1][1] },
        });
      if (h.expect.rangeText !== undefined)
        expect(
          text.slice(offsetAt(text, card!.range.start), offsetAt(text, card!.range.end)),
          `${what}: the text the card's range covers`,
        ).toBe(h.expect.rangeText);
    }
    for (const k of c.completion ?? []) {
      const pos = where(text, k);
      const what = `completion at ${JSON.stringify(pos)}`;
      const r = await s.completion(uri, pos.line, pos.character, HANG_MS);
      if (k.expect === 'answered') answered(r, what);
      else {
        ok(r, what);
        const items = (r.result as { items: unknown[] } | null)?.items ?? [];
        if (k.expect === 'some') expect(items.length, what).toBeGreaterThan(0);
        else expect(items, what).toEqual([]);
      }
    }
    s.notify('textDocument/didClose', { textDocument: { uri } });
    await healthy(s);
  });
});

// ---------------------------------------------------------------------------------------------
// Messages

type RequestExpect =
  | 'answered'
  | 'noError'
  | { error: number }
  | { result: null }
  | { card: string; range?: [Pos, Pos] }
  | { items: 'some' | 'none' };
type Step =
  | { notify: string; params?: unknown }
  | { request: string; params?: unknown; expect: RequestExpect }
  | { open: string; text: string }
  | { send: unknown }
  | { body: string }
  | { bodyBase64: string }
  | { frame: string }
  | { garbage: number; seed: number }
  | { waitFor: string; count: number }
  | { initialize: true };
interface MessageCase {
  name: string;
  /** pull (default): the client declares workspace.configuration; push: it does not. */
  client?: 'pull' | 'push';
  /** Answers to successive workspace/configuration requests (default: null for each item). */
  configAnswer?: ({ result: unknown } | { error: { code: number; message: string } })[];
  initialize?: false;
  steps: Step[];
  expectExit?: 0 | 'nonzero';
  /** Something matching this (case-insensitive) is logged, to stderr or window/logMessage. */
  expectLog?: string;
}

const messages = readFileSync(resolve(CORPUS, 'messages.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as MessageCase);

/** A well-formed request body, to be framed badly. */
const hoverBody = (id: number) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'textDocument/hover',
    params: { textDocument: { uri: 'file:///x.txt' }, position: { line: 0, character: 0 } },
  });

function checkResponse(r: RpcResponse, e: RequestExpect, what: string): void {
  if (e === 'answered') {
    answered(r, what);
    return;
  }
  if (typeof e === 'object' && 'error' in e) {
    answered(r, what);
    expect(r.error?.code, `${what}: error code (result was ${JSON.stringify(r.result)?.slice(0, 100)})`).toBe(e.error);
    return;
  }
  ok(r, what);
  if (e === 'noError') return;
  if ('result' in e) expect(r.result, what).toBeNull();
  else if ('items' in e) {
    const items = (r.result as { items: unknown[] } | null)?.items ?? [];
    if (e.items === 'some') expect(items.length, what).toBeGreaterThan(0);
    else expect(items).toEqual([]);
  } else {
    const card = r.result as Card | null;
    expect(card?.contents.value.toLowerCase() ?? '(no card)', what).toContain(e.card.toLowerCase());
    if (e.range)
      expect(card!.range, what).toEqual({
        start: { line: e.range[0][0], character: e.range[0][1] },
        end: { line: e.range[1][0], character: e.range[1][1] },
      });
  }
}

/** Cases that leave the server's lifecycle and settings alone share one server (restarted if it died). */
const LIFECYCLE = /"(initialize|shutdown|exit|workspace\/didChangeConfiguration|frame|garbage|waitFor)"/;
const shareable = (m: MessageCase) =>
  !m.client && !m.configAnswer && m.initialize !== false && !m.expectExit && !m.expectLog && !LIFECYCLE.test(JSON.stringify(m.steps));

describe('bad-input corpus: messages', () => {
  let shared: RawClient | undefined;
  let caseNo = 0;
  it.each(messages.map((m) => [m.name, m] as const))('%s', async (_name, m) => {
    let answers = 0;
    const capabilities = m.client === 'push' ? {} : { workspace: { configuration: true } };
    let s: RawClient;
    if (shareable(m) && shared?.alive) s = shared;
    else {
      s = start({
        onConfiguration: (items) => m.configAnswer?.[Math.min(answers++, m.configAnswer.length - 1)] ?? { result: items.map(() => null) },
      });
      if (m.initialize !== false) ok(await s.initialize(capabilities), 'initialize');
      if (shareable(m)) shared = s;
    }
    const logsBefore = s.logs.length;
    // every case has its own URIs (cases may share a server)
    const steps = JSON.parse(JSON.stringify(m.steps).replaceAll('file:///', `file:///case-${++caseNo}/`)) as Step[];
    for (const [i, step] of steps.entries()) {
      const what = `step ${i + 1} ${JSON.stringify(step).slice(0, 120)}`;
      if ('notify' in step) s.notify(step.notify, 'params' in step ? step.params : MISSING);
      else if ('request' in step)
        checkResponse(await s.request(step.request, 'params' in step ? step.params : MISSING, HANG_MS), step.expect, what);
      else if ('open' in step) s.open(step.open, step.text);
      else if ('send' in step) s.send(step.send);
      else if ('body' in step) s.send(step.body);
      else if ('bodyBase64' in step) {
        const body = Buffer.from(step.bodyBase64, 'base64');
        s.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
      } else if ('frame' in step) {
        const body = Buffer.from(hoverBody(900 + i));
        s.writeRaw(step.frame.replace(/\{len([+-]\d+)?\}/g, (_, d?: string) => String(body.length + Number(d ?? 0))));
        s.writeRaw(body);
      } else if ('garbage' in step) s.writeRaw(bytes(step.garbage, step.seed));
      else if ('waitFor' in step) {
        for (const t0 = Date.now(); s.serverRequests.filter((r) => r.method === step.waitFor).length < step.count; ) {
          expect(Date.now() - t0, `${what}: the server did not send ${step.waitFor}`).toBeLessThan(HANG_MS);
          await new Promise((r) => setTimeout(r, 10));
        }
      } else if ('initialize' in step) ok(await s.initialize(capabilities), what);
    }

    if (m.expectExit === 0) {
      expect(await s.exitWithin(HANG_MS)).toBe(0);
    } else if (m.expectExit === 'nonzero') {
      // Well-formed messages after the bad bytes: a reader that lost sync reads them as garbage.
      for (let k = 0; k < 3 && s.exitCode === undefined; k++) {
        s.send(hoverBody(1000 + k));
        await new Promise((r) => setTimeout(r, 100));
      }
      const code = await s.exitWithin(HANG_MS);
      expect(code, `the server did not exit (a silent zombie); stderr: ${s.stderr()}`).not.toBe('running');
      expect(code, 'exit code').not.toBe(0);
      const said =
        s.stderr().trim() +
        s.logs
          .slice(logsBefore)
          .map((l) => l.message)
          .join('\n');
      expect(said, 'the server says why it exits').not.toBe('');
    } else await healthy(s);

    if (m.expectLog) {
      const said = [s.stderr(), ...s.logs.slice(logsBefore).map((l) => l.message)].join('\n');
      expect(said, 'logged').toMatch(new RegExp(m.expectLog, 'i'));
    }
    if (s !== shared) s.kill();
  });
});
