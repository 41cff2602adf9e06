// A client that declares workspace/configuration and never answers it (a broken or busy client):
// the server waits for the settings a while, says so once in the log, and goes on with the
// settings it has. Before, every hover, completion and look-up waited for ever.
import { afterEach, describe, expect, it } from 'vitest';
import { type LspSession, initialize, startServer } from './lspClient';
import { waitFor } from './waitFor';

let s: LspSession | undefined;
afterEach(() => {
  s?.process.kill();
  s = undefined;
});

describe('a client that never answers workspace/configuration', () => {
  it('still gets hovers and completions, and a log line saying the settings did not come', async () => {
    s = startServer();
    const logs: string[] = [];
    let asked = 0;
    // asked, never answered
    s.connection.onRequest('workspace/configuration', () => {
      asked++;
      return new Promise(() => undefined);
    });
    s.connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
    await initialize(s, { workspace: { configuration: true } });
    const uri = 'file:///doc.md';
    s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '区块链\n' } });
    const hover = (await s.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 1 },
    })) as {
      contents: { value: string };
    } | null;
    expect(hover?.contents.value).toContain('blockchain');
    const completion = (await s.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: 2 },
    })) as { items: { label: string }[] } | { label: string }[];
    const items = Array.isArray(completion) ? completion : completion.items;
    expect(items.map((i) => i.label)).toContain('区块链');
    expect(asked).toBeGreaterThan(0);
    expect(logs.filter((l) => l.includes('has not answered'))).toHaveLength(1);
  }, 60_000);

  it('an answer that comes late (a slow start) is applied when it comes', async () => {
    s = startServer();
    const pushes: number[] = [];
    const uri = 'file:///late.md';
    // answers after 7 s, past the server's wait: term QA switched off
    s.connection.onRequest(
      'workspace/configuration',
      (params: { items: { section?: string }[] }) =>
        new Promise((r) => setTimeout(() => r(params.items.map(() => ({ diagnostics: { enable: false } }))), 7000)),
    );
    s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
      if (p.uri === uri) pushes.push(p.diagnostics.length);
    });
    await initialize(s, { workspace: { configuration: true } });
    s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '区塊鏈\n' } });
    // the settings in use (QA on) would give the finding; once the late answer is in, there is none
    await waitFor(() => pushes.at(-1) === 0, 40_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(pushes.length).toBeGreaterThan(0);
    expect(pushes.at(-1)).toBe(0);
  }, 60_000);

  it('a document scope’s answer that comes late is applied to its document when it comes', async () => {
    s = startServer();
    const pushes: number[] = [];
    const uri = 'file:///late-scope.md';
    // the workspace's settings at once (term QA on); the document's scope after 7 s (off)
    s.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string }[] }) =>
      params.items.some((i) => i.scopeUri)
        ? new Promise((r) => setTimeout(() => r(params.items.map(() => ({ diagnostics: { enable: false } }))), 7000))
        : params.items.map(() => ({})),
    );
    s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
      if (p.uri === uri) pushes.push(p.diagnostics.length);
    });
    await initialize(s, { workspace: { configuration: true } });
    s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '区塊鏈\n' } });
    // after the wait the workspace's settings check it (one finding); the late answer then switches QA off
    await waitFor(() => pushes.includes(1) && pushes.at(-1) === 0, 40_000);
    expect(pushes[0]).toBe(1);
    expect(pushes.at(-1)).toBe(0);
  }, 60_000);
});
