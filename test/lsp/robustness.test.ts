import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialize, shutdown, startServer } from './lspClient';
import { waitFor } from './waitFor';

describe('the server survives bad input', () => {
  it('a missing glossary is reported clearly and the server keeps answering', async () => {
    const s = startServer(['--bundled-glossary', '/nonexistent/glossary.json']);
    const shown: string[] = [];
    s.connection.onNotification('window/showMessage', (p: { message: string }) => void shown.push(p.message));
    await initialize(s);
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///x.txt', languageId: 'plaintext', version: 1, text: '区块链' },
    });
    expect(
      await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.txt' }, position: { line: 0, character: 1 } }),
    ).toBeNull();
    expect(shown.join('\n')).toMatch(/cannot load the glossary.*nonexistent/);
    expect(await shutdown(s)).toBe(0);
  });

  it('a document over the size limit gets one notice, not a request; a malformed code action `only` is answered', async () => {
    const s = startServer();
    const shown: string[] = [],
      asked: string[] = [];
    s.connection.onNotification('window/showMessage', (p: { message: string }) => void shown.push(p.message));
    s.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      asked.push(p.message);
      throw new Error('this client shows no message requests');
    });
    await initialize(s);
    const uri = 'file:///too-long.txt';
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: '云計算。'.repeat(300_000) },
    });
    await waitFor(() => shown.some((m) => m.includes('not checked')));
    expect(shown.filter((m) => m.includes('not checked'))).toHaveLength(1);
    expect(asked).toEqual([]);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const actions = await s.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics: [], only: 'quickfix' },
    });
    expect(Array.isArray(actions)).toBe(true);
    expect(s.stderr()).toBe('');
    expect(await shutdown(s)).toBe(0);
  });

  it('huge, binary and malformed documents: hover and completion still answer', async () => {
    const s = startServer();
    await initialize(s);
    const binary = Array.from({ length: 4096 }, (_, i) => String.fromCharCode(i % 256)).join('');
    const docs = {
      'file:///huge.txt': '金融科技'.repeat(500_000) + '\n区块链', // a 2M-character line
      'file:///binary.txt': binary + '\uD800\uDFFF\uDC00区块链\uD83D', // control chars, lone surrogates
      'file:///marks.txt': 'a\u0301\u0302'.repeat(1000) + '\u200d区\u00ad块链',
    };
    for (const [uri, text] of Object.entries(docs)) {
      await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    }
    const huge = await s.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///huge.txt' },
      position: { line: 1, character: 1 },
    });
    expect(huge).not.toBeNull();
    const mid = await s.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///huge.txt' },
      position: { line: 0, character: 1_000_001 },
    });
    expect(mid).not.toBeNull();
    for (const uri of Object.keys(docs)) {
      for (const character of [0, 1, 5, 4100, 4102, 4103, 10_000]) {
        await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character } });
        await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character } });
      }
    }
    expect(await shutdown(s)).toBe(0);
  });

  it('initialize is answered before the glossary is read: it is read after initialized', async () => {
    // the file is not there when initialize is answered, and is there when `initialized` comes
    const file = join(mkdtempSync(join(tmpdir(), 'fg-')), 'glossary.json');
    const s = startServer(['--bundled-glossary', file]);
    const shown: string[] = [];
    s.connection.onNotification('window/showMessage', (p: { message: string }) => void shown.push(p.message));
    await s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    copyFileSync(resolve(__dirname, '../../dist/glossary.json'), file);
    await s.connection.sendNotification('initialized', {});
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///x.txt', languageId: 'plaintext', version: 1, text: '区块链' },
    });
    const hover = (await s.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///x.txt' },
      position: { line: 0, character: 1 },
    })) as { contents: { value: string } } | null;
    expect(hover?.contents.value).toContain('blockchain');
    expect(shown).toEqual([]);
    expect(await shutdown(s)).toBe(0);
  });
});
