// Push diagnostics and a client that reads slowly: thousands of findings make each push hundreds of
// kilobytes, and an editor typing fast sent a push per keystroke, each one written out in full
// after the one before (the client fell seconds behind, and a request after the edits waited for
// all of them). Now, while a push is still being written, changes only mark the document stale:
// once the push is out, the document's diagnostics as they are then go out, once.
import { afterEach, describe, expect, it } from 'vitest';
import { type LspSession, initialize, startServer } from './lspClient';
import { waitFor } from './waitFor';

let s: LspSession | undefined;
afterEach(() => {
  s?.process.kill();
  s = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('push diagnostics under back-pressure', () => {
  it('edits made while a big push is being written give one more push, of the last version', async () => {
    s = startServer();
    const pushes: { version?: number; count: number }[] = [];
    const uri = 'file:///many.md';
    s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      if (p.uri === uri) pushes.push({ version: p.version, count: p.diagnostics.length });
    });
    await initialize(s, {});
    // 3,000 mixed-script terms: a push of about a megabyte
    const line = '区塊鏈和云計算。\n';
    const text = `fintech-glossary-variant: zh-Hans\n${line.repeat(1500)}`;
    s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await waitFor(() => pushes.some((p) => p.version === 1));
    expect(pushes.at(-1)).toEqual({ version: 1, count: 3000 });

    // the client stops reading; 20 edits, each adding a finding at the end
    s.process.stdout!.pause();
    const before = pushes.length;
    for (let v = 2; v <= 21; v++)
      s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line: 1501, character: 0 }, end: { line: 1501, character: 0 } }, text: '区塊鏈' }],
      });
    await sleep(1500);
    s.process.stdout!.resume();
    await waitFor(() => pushes.some((p) => p.version === 21));
    const after = pushes.slice(before);
    // the last push is the last version's (3,000 + 20 findings); the ones in between were not written
    expect(after.at(-1)).toEqual({ version: 21, count: 3020 });
    expect(after.length).toBeLessThanOrEqual(3);
  }, 60_000);

  it('a document closed while a push is being written ends with no diagnostics at the client', async () => {
    s = startServer();
    const pushes: { version?: number; count: number }[] = [];
    const uri = 'file:///closed.md';
    s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      if (p.uri === uri) pushes.push({ version: p.version, count: p.diagnostics.length });
    });
    await initialize(s, {});
    const text = `fintech-glossary-variant: zh-Hans\n${'区塊鏈和云計算。\n'.repeat(1500)}`;
    s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await waitFor(() => pushes.some((p) => p.version === 1));
    s.process.stdout!.pause();
    // an edit (pushed: the write waits for the client), another that removes every finding (marked
    // stale), a code action (which computes the diagnostics of that edit), then the document closes
    const all = { start: { line: 1, character: 0 }, end: { line: 1501, character: 0 } };
    s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1501, character: 0 }, end: { line: 1501, character: 0 } }, text: '区塊鏈' }],
    });
    s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: all, text: '' }],
    });
    void s.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await sleep(1500);
    s.process.stdout!.resume();
    await waitFor(() => pushes.at(-1)?.count === 0);
    expect(pushes.at(-1)?.count).toBe(0);
  }, 60_000);
});
