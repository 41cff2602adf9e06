/**
 * The LSP lifecycle as the protocol states it, checked on the raw wire: before `initialize` a
 * request is answered with ServerNotInitialized (-32002) and a notification is dropped (except
 * `exit`); after `shutdown` a request is answered with InvalidRequest (-32600) and a notification is
 * dropped; `exit` ends the process with 0 after a shutdown, with 1 without one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { RawClient } from './rawClient';
import { HANG_MS, waitFor } from './waitFor';
const started: RawClient[] = [];
function start(): RawClient {
  const c = new RawClient();
  started.push(c);
  return c;
}
afterAll(() => {
  for (const c of started) c.kill();
});

const TERM_TEXT = '我们研究区块链技术。';
/** Wait until the server has handled everything sent so far: a request it answers in turn. */
const settle = (c: RawClient) => c.request('fintechGlossary/lookup', { term: '区块链' }, HANG_MS);
const diagnosticsFor = (c: RawClient, uri: string) =>
  c.received.filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri?: string }).uri === uri);

describe('the LSP lifecycle on the wire', () => {
  it('notifications before initialize are dropped: nothing is published before the InitializeResult', async () => {
    const c = start();
    const early = 'file:///early.txt';
    c.open(early, TERM_TEXT);
    c.notify('textDocument/didChange', { textDocument: { uri: early, version: 2 }, contentChanges: [{ text: `${TERM_TEXT}\n` }] });
    c.notify('textDocument/didSave', { textDocument: { uri: early } });
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    c.notify('initialized', {});
    const init = await c.initialize();
    expect(init.error).toBeUndefined();
    expect(init.result).toHaveProperty('capabilities');
    // the InitializeResult is the first thing the server says, and the early document was never opened
    const first = c.received.findIndex((m) => m.method === undefined);
    expect(c.received[first]?.result).toHaveProperty('capabilities');
    expect(c.received.slice(0, first).map((m) => m.method)).toEqual([]);
    await settle(c);
    await new Promise((r) => setTimeout(r, 300));
    expect(diagnosticsFor(c, early)).toEqual([]);
    const hover = await c.hover(early, 0, 5, HANG_MS);
    expect(hover.error).toBeUndefined();
    expect(hover.result).toBeNull();
    // a document opened now is served: its card, and its diagnostics published
    const now = 'file:///now.txt';
    c.open(now, TERM_TEXT);
    const card = await c.hover(now, 0, 5, HANG_MS);
    expect((card.result as { contents: { value: string } }).contents.value.toLowerCase()).toContain('blockchain');
    await waitFor(() => diagnosticsFor(c, now).length > 0);
    expect(diagnosticsFor(c, now).length).toBeGreaterThan(0);
  });

  it('any request before initialize, shutdown and unknown methods too, gets ServerNotInitialized', async () => {
    const c = start();
    for (const method of ['fintechGlossary/lookup', 'no/suchMethod', 'workspace/symbol', 'shutdown']) {
      const r = await c.request(method, method === 'workspace/symbol' ? { query: '区块' } : {}, HANG_MS);
      expect(r.error?.code, method).toBe(-32002);
    }
    // the refused shutdown does not count: exit now is an exit without shutdown
    c.notify('exit');
    expect(await c.exitWithin(HANG_MS)).toBe(1);
  });

  it('after shutdown: requests get InvalidRequest, notifications are dropped, exit ends with 0', async () => {
    const c = start();
    expect((await c.initialize()).error).toBeUndefined();
    const before = 'file:///before.txt';
    c.open(before, TERM_TEXT);
    await waitFor(() => diagnosticsFor(c, before).length > 0);
    expect(diagnosticsFor(c, before).length).toBeGreaterThan(0);
    expect((await c.request('shutdown', undefined, HANG_MS)).error).toBeUndefined();
    const count = c.received.length;
    const late = 'file:///late.txt';
    c.open(late, TERM_TEXT);
    c.notify('textDocument/didClose', { textDocument: { uri: before } });
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    for (const method of ['fintechGlossary/lookup', 'no/suchMethod', 'shutdown', 'initialize']) {
      const r = await c.request(method, method === 'initialize' ? { processId: null, rootUri: null, capabilities: {} } : {}, HANG_MS);
      expect(r.error?.code, method).toBe(-32600);
    }
    await new Promise((r) => setTimeout(r, 300));
    // nothing but the four error answers: no diagnostics published or cleared, no requests to the client
    expect(c.received.slice(count).map((m) => m.method ?? m.error?.code)).toEqual([-32600, -32600, -32600, -32600]);
    c.notify('exit');
    expect(await c.exitWithin(HANG_MS)).toBe(0);
  });

  it('a second initialize, even before the first is answered, gets InvalidRequest and changes nothing', async () => {
    const c = start();
    const first = c.request(
      'initialize',
      {
        processId: null,
        rootUri: null,
        locale: 'zh-CN',
        capabilities: {},
        initializationOptions: { commandLinks: true, settings: { hover: { detail: 'full' } } },
      },
      10_000,
    );
    const second = c.request(
      'initialize',
      { processId: null, rootUri: null, locale: 'en', capabilities: {}, initializationOptions: { commandLinks: false } },
      10_000,
    );
    expect((await first).error).toBeUndefined();
    expect((await first).result).toHaveProperty('capabilities');
    expect((await second).error?.code).toBe(-32600);
    c.notify('initialized', {});
    // and once more after the first was answered
    const third = await c.request('initialize', { processId: null, rootUri: null, locale: 'en', capabilities: {} }, HANG_MS);
    expect(third.error?.code).toBe(-32600);
    // the first one's locale, settings and command links stand
    const uri = 'file:///twice.txt';
    c.open(uri, TERM_TEXT);
    const card = ((await c.hover(uri, 0, 5, HANG_MS)).result as { contents: { value: string } }).contents.value;
    expect(card).toContain('领域：');
    expect(card).toContain('打开来源段落');
    expect(card).toContain('command:');
  });

  it('null or non-object params get InvalidParams (-32602), after the lifecycle errors', async () => {
    const c = start();
    const methods = [
      'textDocument/hover',
      'textDocument/completion',
      'textDocument/codeAction',
      'workspace/executeCommand',
      'fintechGlossary/lookup',
    ];
    // before initialize: ServerNotInitialized still wins
    for (const method of methods) expect((await c.request(method, null, HANG_MS)).error?.code, method).toBe(-32002);
    // an initialize with null params is refused, and does not count: the next one is the first
    expect((await c.request('initialize', null, HANG_MS)).error?.code).toBe(-32602);
    expect((await c.request('initialize', 'x', HANG_MS)).error?.code).toBe(-32602);
    expect((await c.initialize()).error).toBeUndefined();
    for (const method of methods)
      for (const params of [null, 5, 'x', []]) {
        const r = await c.request(method, params, HANG_MS);
        expect(r.error?.code, `${method} ${JSON.stringify(params)}`).toBe(-32602);
      }
    // unknown methods stay unknown; the server still answers, and shutdown takes null params
    expect((await c.request('no/suchMethod', null, HANG_MS)).error?.code).toBe(-32601);
    const lookup = await c.request('fintechGlossary/lookup', { term: '区块链' }, HANG_MS);
    expect(JSON.stringify(lookup.result)).toContain('blockchain');
    expect((await c.request('shutdown', null, HANG_MS)).error).toBeUndefined();
    expect((await c.request('textDocument/hover', null, HANG_MS)).error?.code).toBe(-32600);
    c.notify('exit');
    expect(await c.exitWithin(HANG_MS)).toBe(0);
  });

  it('exit without shutdown ends the process with 1', async () => {
    const c = start();
    expect((await c.initialize()).error).toBeUndefined();
    c.notify('exit');
    expect(await c.exitWithin(HANG_MS)).toBe(1);
  });
});
