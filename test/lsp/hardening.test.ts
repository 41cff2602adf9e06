/**
 * One regression test per fault the reliability review found (../shared/reviews/reliability.md),
 * each against the real server process. Time bounds here are hang detectors, not speed tests.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVER, initialize, shutdown, startServer, type LspSession } from './lspClient';
import { HANG_MS, waitFor } from './waitFor';

interface Hover {
  contents: { value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const HANG = HANG_MS;
function answered<T>(p: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${what} within ${HANG} ms`)), HANG)),
  ]);
}

const open = (s: LspSession, uri: string, text: string, version = 1) =>
  s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text } });
const hover = (s: LspSession, uri: string, line: number, character: number) =>
  answered(s.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } }), 'hover');

/** The health check of the review: a fresh document, a hover, the blockchain card. */
async function healthy(s: LspSession): Promise<void> {
  const uri = `file:///health-${Math.random()}.txt`;
  await open(s, uri, '我们研究区块链技术。');
  const h = await hover(s, uri, 0, 5);
  expect(h?.contents.value).toContain('blockchain');
  expect(h?.range.start).toEqual({ line: 0, character: 4 });
}

describe('faults found by the reliability review', () => {
  it('completion on long runs of every separator class answers, and other requests are not held up', async () => {
    const s = startServer();
    await initialize(s);
    // every class the prefix scan or the normaliser treats specially, as runs of any length, with
    // a word or a non-word character before the cursor (the old regex failed when the anchor did)
    const separator = fc.constantFrom(
      ' ',
      '\t',
      '-',
      ' - ',
      '--',
      '－',
      '–',
      '\u2212',
      '\u00a0',
      '\u202f',
      '\u3000',
      "'",
      '’',
      '_',
      '.',
      '·',
      '\u200b',
    );
    const shape = fc.constantFrom(
      (sep: string, n: number, tail: string) => `Introduction ${sep.repeat(n)}${tail}`,
      (sep: string, n: number, tail: string) => `a${`${sep}a`.repeat(n)}${tail}`,
      (sep: string, n: number, tail: string) => `w0${Array.from({ length: n }, (_, k) => `${sep}w${k}`).join('')}${tail}`,
      (sep: string, n: number, tail: string) => `区块链${sep.repeat(n)}金融${tail}`,
    );
    const tail = fc.constantFrom('', ' p. 3', '.', ')', '。', 'x', ' ', '3');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(separator, shape, fc.integer({ min: 20, max: 200 }), tail, async (sep, make, count, end) => {
        const text = make(sep, count, end);
        const uri = `file:///runs-${n++}.txt`;
        await open(s, uri, text);
        await answered(
          s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: text.length } }),
          `completion on ${JSON.stringify(text.slice(0, 40))}…`,
        );
        await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }),
      { numRuns: 150 },
    );
    await healthy(s);
    expect(await shutdown(s)).toBe(0);
  });

  it('didChangeConfiguration with null or missing params does not crash a push client', async () => {
    const s = startServer();
    await initialize(s, {});
    await s.connection.sendNotification('workspace/didChangeConfiguration', null as unknown as object);
    await s.connection.sendNotification('workspace/didChangeConfiguration');
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await healthy(s);
    expect(await shutdown(s)).toBe(0);
  });

  it('an error answer to workspace/configuration is logged, and the server keeps serving', async () => {
    const s = startServer();
    s.connection.onRequest('workspace/configuration', () => {
      throw new Error('this client cannot answer configuration requests');
    });
    await initialize(s);
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await new Promise((r) => setTimeout(r, 300));
    await healthy(s);
    expect(await shutdown(s)).toBe(0);
  });

  it('a second didOpen of the same URI replaces the text the cards are made from', async () => {
    const s = startServer();
    await initialize(s);
    await open(s, 'file:///a.txt', '我们研究区块链技术。');
    expect((await hover(s, 'file:///a.txt', 0, 5))?.contents.value).toContain('blockchain');
    await open(s, 'file:///a.txt', '开放银行与数字人民币', 2);
    expect((await hover(s, 'file:///a.txt', 0, 1))?.contents.value).toContain('open banking');
    const h = await hover(s, 'file:///a.txt', 0, 6);
    expect(h?.contents.value).toContain('digital yuan');
    expect(h?.range).toEqual({ start: { line: 0, character: 5 }, end: { line: 0, character: 10 } });
    expect(await shutdown(s)).toBe(0);
  });

  it('a reversed edit range is the same range: the cards follow the edited text', async () => {
    const s = startServer();
    await initialize(s);
    await open(s, 'file:///r.txt', '我们研究区块链技术。');
    await hover(s, 'file:///r.txt', 0, 5); // the index exists before the edit
    // replace 区块链 (4..7) given as a reversed range with 开放银行
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///r.txt', version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 4 } }, text: '开放银行' }],
    });
    const h = await hover(s, 'file:///r.txt', 0, 5);
    expect(h?.contents.value).toContain('open banking');
    expect(h?.range).toEqual({ start: { line: 0, character: 4 }, end: { line: 0, character: 8 } });
    expect(await hover(s, 'file:///r.txt', 0, 8)).toBeNull(); // 技 is not a term by itself
    expect(await shutdown(s)).toBe(0);
  });

  it('a Markdown line of 300,000 or more tag or link openers is checked in one pass, not one per opener', async () => {
    const s = startServer();
    await initialize(s);
    const published = new Set<string>();
    s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => void published.add(p.uri));
    for (const [name, line] of [
      ['tags', '<a'.repeat(450_000)],
      ['links', '](x'.repeat(300_000)],
    ]) {
      const uri = `file:///openers-${name}.md`;
      await s.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: `${line}\n区块链\n` },
      });
      // its diagnostics come (a search per opener over the rest of the line took seconds)
      await answered(
        (async () => {
          while (!published.has(uri)) await new Promise((r) => setTimeout(r, 20));
        })(),
        `diagnostics of ${name}`,
      );
    }
    await healthy(s);
    expect(await shutdown(s)).toBe(0);
  });

  it('an edit range with fractions or a change that is no object: positions stay whole numbers', async () => {
    const s = startServer();
    await initialize(s);
    await open(s, 'file:///f.txt', 'ab\ncd\n');
    await hover(s, 'file:///f.txt', 0, 0);
    const change = (version: number, contentChanges: unknown[]) =>
      s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///f.txt', version }, contentChanges });
    // the fraction is cut: a (0..1) is replaced by the term
    await change(2, [{ range: { start: { line: 0, character: 0.5 }, end: { line: 0, character: 1 } }, text: '区块链' }]);
    expect((await hover(s, 'file:///f.txt', 0, 1))?.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    // a null change is passed over; the change after it is made
    await change(3, [null, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'X' }]);
    expect((await hover(s, 'file:///f.txt', 0, 2))?.range).toEqual({ start: { line: 0, character: 1 }, end: { line: 0, character: 4 } });
    expect(await shutdown(s)).toBe(0);
  });

  it('an edit at a line past the end appends to the document, and later edits and cards stay right', async () => {
    const s = startServer();
    await initialize(s);
    await open(s, 'file:///e.txt', 'ab\ncd\n');
    await hover(s, 'file:///e.txt', 0, 0);
    const change = (version: number, start: object, end: object, text: string) =>
      s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: 'file:///e.txt', version },
        contentChanges: [{ range: { start, end }, text }],
      });
    await change(2, { line: 3, character: 0 }, { line: 4, character: 0 }, '\r');
    await change(3, { line: 9, character: 9 }, { line: 9, character: 9 }, '区块链');
    const h = await hover(s, 'file:///e.txt', 3, 1);
    expect(h?.contents.value).toContain('blockchain');
    expect(h?.range).toEqual({ start: { line: 3, character: 0 }, end: { line: 3, character: 3 } });
    expect(await shutdown(s)).toBe(0);
  });

  it('a compiled glossary with a malformed entry: a clear error naming the entry, an empty working server', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fg-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'fintech-glossary/compiled@1', entries: [{ id: 'x', zhHans: '区块链' }] }));
    const s = startServer(['--bundled-glossary', file]);
    const shown: string[] = [];
    s.connection.onNotification('window/showMessage', (p: { message: string }) => void shown.push(p.message));
    await initialize(s);
    await open(s, 'file:///g.txt', '区块链');
    await waitFor(() => shown.length > 0);
    expect(await hover(s, 'file:///g.txt', 0, 1)).toBeNull();
    expect(shown.join('\n')).toMatch(/cannot load the glossary: .*bad\.json: entry 1 "x": field "zhHant" is missing/);
    expect(await shutdown(s)).toBe(0);
  });

  it('a glossary that is not JSON is reported without quoting its content', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fg-')), 'passwd');
    writeFileSync(file, 'root:x:0:0:root:/root:/bin/bash\n');
    const s = startServer(['--bundled-glossary', file]);
    const shown: string[] = [];
    s.connection.onNotification('window/showMessage', (p: { message: string }) => void shown.push(p.message));
    await initialize(s);
    await waitFor(() => shown.length > 0);
    expect(shown.join('\n')).toMatch(/passwd: not valid JSON/);
    expect(shown.join('\n')).not.toContain('root:x');
    expect(await shutdown(s)).toBe(0);
  });

  it('requests before initialize get ServerNotInitialized, after shutdown InvalidRequest', async () => {
    const s = startServer();
    const before = s.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///x.txt' },
      position: { line: 0, character: 0 },
    });
    await expect(before).rejects.toMatchObject({ code: -32002 });
    await initialize(s);
    await s.connection.sendRequest('shutdown');
    await expect(
      s.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.txt' }, position: { line: 0, character: 0 } }),
    ).rejects.toMatchObject({ code: -32600 });
    await expect(s.connection.sendRequest('fintechGlossary/lookup', { term: '区块链' })).rejects.toMatchObject({ code: -32600 });
    await s.connection.sendNotification('exit');
    expect(await s.exited).toBe(0);
  });

  it('malformed request params get InvalidParams, and the server keeps serving', async () => {
    const s = startServer();
    await initialize(s);
    await open(s, 'file:///p.txt', '区块链');
    for (const position of [{ line: '0', character: '1' }, { line: 0.5, character: 1 }, { line: -1, character: 1 }, null]) {
      await expect(
        s.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///p.txt' }, position }),
      ).rejects.toMatchObject({ code: -32602 });
    }
    await expect(
      s.connection.sendRequest('workspace/executeCommand', { command: 'fintechGlossary.server.lookup', arguments: 'API' }),
    ).rejects.toMatchObject({ code: -32602 });
    await expect(s.connection.sendRequest('workspace/executeCommand', { command: 'workbench.action.terminal.new' })).rejects.toMatchObject({
      code: -32602,
    });
    await healthy(s);
    expect(await shutdown(s)).toBe(0);
  });

  it('settings of the wrong type are ignored with a warning, not coerced', async () => {
    const s = startServer();
    const logs: string[] = [];
    s.connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
    // answer workspace/configuration ourselves, so the test can wait for each answer instead of sleeping
    let answered: () => void = () => undefined;
    const nextAnswer = () => new Promise<void>((r) => (answered = r));
    s.connection.onRequest('workspace/configuration', () => {
      setTimeout(answered, 0);
      return [s.settings.fintechGlossary ?? null];
    });
    s.settings.fintechGlossary = { hover: { enable: 0 }, completion: { enable: 'false' }, preferredScript: 42 };
    let first = nextAnswer();
    await initialize(s);
    await first;
    const scoped = nextAnswer(); // the document's own scope is asked for when it opens
    await healthy(s); // hover stays on
    await scoped;
    await waitFor(() => logs.some((l) => /preferredScript must be one of/.test(l))); // its warnings arrive
    await new Promise((r) => setTimeout(r, 200)); // and a second copy would have too
    expect(logs.join('\n')).toMatch(/hover\.enable must be true or false, got number 0; ignored/);
    expect(logs.join('\n')).toMatch(/preferredScript must be one of/);
    // once, although the settings were read for the workspace and again for the document's scope
    expect(logs.filter((l) => /hover\.enable must be/.test(l))).toHaveLength(1);
    s.settings.fintechGlossary = { hover: { enable: false } };
    first = nextAnswer();
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await first;
    await open(s, 'file:///off.txt', '区块链');
    expect(await hover(s, 'file:///off.txt', 0, 1)).toBeNull(); // a real false does turn it off
    expect(await shutdown(s)).toBe(0);
  });
});

describe('framing errors on stdin: the server says so and exits non-zero', () => {
  const body = (o: object) => Buffer.from(JSON.stringify(o));
  const init = body({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  const hoverBody = body({
    jsonrpc: '2.0',
    id: 2,
    method: 'textDocument/hover',
    params: { textDocument: { uri: 'file:///x' }, position: { line: 0, character: 0 } },
  });
  const frame = (b: Buffer, length = b.length) => Buffer.concat([Buffer.from(`Content-Length: ${length}\r\n\r\n`), b]);

  it.each([
    ['Content-Length 5 too small', Buffer.concat([frame(init), frame(hoverBody, hoverBody.length - 5), frame(hoverBody)])],
    [
      'Content-Length 10 too large, then more messages',
      Buffer.concat([frame(init), frame(hoverBody, hoverBody.length + 10), frame(hoverBody), frame(hoverBody)]),
    ],
    ['Content-Length -1', Buffer.concat([frame(init), Buffer.from('Content-Length: -1\r\n\r\n'), hoverBody])],
    ['Content-Length abc', Buffer.concat([frame(init), Buffer.from('Content-Length: abc\r\n\r\n'), hoverBody])],
    ['no Content-Length header', Buffer.concat([frame(init), Buffer.from('Content-Type: application/json\r\n\r\n'), hoverBody])],
    [
      'LF-only headers',
      Buffer.concat([
        frame(init),
        ...Array.from({ length: 200 }, () => Buffer.concat([Buffer.from(`Content-Length: ${hoverBody.length}\n\n`), hoverBody])),
      ]),
    ],
    ['64 KiB of binary garbage', Buffer.concat([frame(init), Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919) % 251))])],
  ])('%s', async (_name, bytes) => {
    const child = spawn(process.execPath, [SERVER, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.resume();
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.stdin.write(bytes);
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running'), HANG_MS))]);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code).toBe(1);
    expect(stderr).toMatch(/framing error on stdin/);
  });

  it('a malformed JSON body with a correct length is not a framing error: the server keeps serving', async () => {
    const s = startServer();
    await initialize(s);
    s.process.stdin!.write(Buffer.concat([Buffer.from('Content-Length: 9\r\n\r\n'), Buffer.from('{"json": ')]));
    await healthy(s);
    expect(await shutdown(s)).toBe(0);
  });
});
