/**
 * Glossary search and navigation over LSP, as an editor sees them: workspace symbols (Ctrl+T)
 * search the glossary in any script or in English; go to definition on a term opens the user's
 * termbase line or the cited source passage; a bundled entry's read-only view (VS Code's client)
 * gets its text from the server; inline glosses (inlay hints) once per paragraph per term, with
 * the card as their tooltip, refreshed when the setting changes. Positions are UTF-16 units: a
 * CJK Extension B character (a surrogate pair) stands before the terms.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type LspSession, shutdown, startServer } from './lspClient';

const SOURCES = resolve(__dirname, '../../glossary/sources');
const SOURCE_001 = pathToFileURL(join(SOURCES, '001-fintech-reports.txt')).href;
const SOURCE_000 = pathToFileURL(join(SOURCES, '000-network-finance-services.txt')).href;
/** 𠀀 (U+20000) is two UTF-16 units. */
const EXT_B = '\u{20000}';

interface Symbol {
  name: string;
  kind: number;
  containerName?: string;
  location: { uri: string; range: { start: { line: number; character: number } } };
}
interface Hint {
  position: { line: number; character: number };
  label: string;
  paddingLeft?: boolean;
  tooltip?: { kind: string; value: string };
  data?: unknown;
}

const sessions: LspSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await shutdown(s).catch(() => s.process.kill());
});

/** A workspace folder with a user termbase (glossary.csv: 清算代币 on line 3). */
function workspace(): { dir: string; uri: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fg-nav-'));
  writeFileSync(
    join(dir, 'glossary.csv'),
    'en,zh-CN,definition\nzorbex,佐贝克斯,Client wording.\nsettlement token,清算代币,A token used to settle trades.\n',
  );
  return { dir, uri: pathToFileURL(dir).href };
}

async function start(
  options: {
    capabilities?: Record<string, unknown>;
    init?: Record<string, unknown>;
    settings?: Record<string, unknown>;
    folder?: { uri: string };
  } = {},
) {
  const s = startServer();
  sessions.push(s);
  s.settings.fintechGlossary = options.settings ?? {};
  const refreshes: number[] = [];
  s.connection.onRequest('workspace/inlayHint/refresh', () => {
    refreshes.push(Date.now());
    return null;
  });
  await s.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.folder?.uri ?? null,
    ...(options.folder ? { workspaceFolders: [{ uri: options.folder.uri, name: 'ws' }] } : {}),
    capabilities: { workspace: { configuration: true }, ...options.capabilities },
    initializationOptions: options.init ?? {},
  });
  await s.connection.sendNotification('initialized', {});
  const openDoc = async (uri: string, text: string) =>
    s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const symbols = (query: string) => s.connection.sendRequest<Symbol[] | null>('workspace/symbol', { query });
  return { s, openDoc, symbols, refreshes };
}

describe('workspace symbols search the glossary', () => {
  it('finds a term by a traditional prefix, named as written, at its cited source line', async () => {
    const { symbols } = await start();
    const found = (await symbols('區塊'))!;
    expect(found[0]).toEqual({
      name: '區塊鏈',
      kind: 15,
      containerName: '区块链 · blockchain',
      location: { uri: SOURCE_001, range: { start: { line: 4237, character: 0 }, end: { line: 4237, character: 0 } } },
    });
  });

  it('ranks exact matches before prefixes before substrings, and English in any case', async () => {
    const { symbols } = await start();
    const names = (await symbols('区块链'))!.map((x) => x.name);
    expect(names[0]).toBe('区块链');
    expect(names.slice(1)).toEqual(expect.arrayContaining(['区块链发票', '区块链金融']));
    // 区块链发票 (3 occurrences in the sources) before 区块链金融 (1)
    expect(names.indexOf('区块链发票')).toBeLessThan(names.indexOf('区块链金融'));
    const english = (await symbols('Sandbox'))!;
    expect(english.map((x) => x.name)).toContain('regulatory sandbox');
    const sandbox = english.find((x) => x.name === 'regulatory sandbox')!;
    expect(sandbox.containerName).toBe('监管沙盒 · 監管沙盒');
    expect(sandbox.location.uri).toBe(SOURCE_000);
    expect(sandbox.location.range.start.line).toBe(166);
    // a substring: 计算 is inside 云计算
    expect((await symbols('计算'))!.map((x) => x.name)).toContain('云计算');
  });

  it('returns at most 100 symbols, and none for an empty query', async () => {
    const { symbols } = await start({ init: { entryDocuments: true } });
    expect((await symbols('a'))!.length).toBe(100);
    expect(await symbols('')).toEqual([]);
    expect(await symbols('   ')).toEqual([]);
  });

  it('a bundled entry opens in its read-only view for a client that has one, whose text the server gives', async () => {
    const { s, symbols } = await start({ init: { entryDocuments: true } });
    const [first] = (await symbols('blockchain'))!;
    const view = `fintech-glossary:/${encodeURIComponent('区块链 blockchain')}.txt?blockchain`;
    expect(first).toMatchObject({ name: 'blockchain', containerName: '区块链 · 區塊鏈', location: { uri: view } });
    const text = await s.connection.sendRequest<string | null>('fintechGlossary/entryDocument', { uri: view });
    const lines = text!.split('\n');
    expect(lines[0]).toBe('区块链 · 區塊鏈 · blockchain');
    expect(lines).toContain('Also: blockchain technology');
    expect(lines).toContain('Variants: 区块链技术');
    expect(lines).toContain('  — 保尔森基金会:金融科技推动中国绿色金融发展:案例与展望(2023) (001, line 4238)');
    expect(text).toContain('Bundled glossary entry (read-only view): blockchain\n');
    // an entry without any citation (no passage to open) still has its view
    expect((await symbols('A股'))![0]!.location.uri).toBe(`fintech-glossary:/${encodeURIComponent('A股 A-share')}.txt?a-share`);
    expect(await s.connection.sendRequest('fintechGlossary/entryDocument', { uri: 'fintech-glossary:/x.txt?no-such-entry' })).toBeNull();
    await expect(s.connection.sendRequest('fintechGlossary/entryDocument', { uri: 42 })).rejects.toMatchObject({ code: -32602 });
  });

  it('other editors get no symbol for an entry with nowhere to open', async () => {
    const { symbols } = await start();
    expect((await symbols('A股'))!.map((x) => x.name)).not.toContain('A股');
  });

  it('a user termbase entry opens at its line in the termbase file', async () => {
    const ws = workspace();
    const { symbols } = await start({ folder: ws, init: { entryDocuments: true } });
    const found = (await symbols('清算代'))!;
    expect(found[0]).toEqual({
      name: '清算代币',
      kind: 15,
      containerName: '清算代幣 · settlement token — glossary.csv',
      location: { uri: `${ws.uri}/glossary.csv`, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } } },
    });
  });
});

describe('go to definition on a term', () => {
  it('opens the cited source passage, with the whole term as the origin (after a surrogate pair)', async () => {
    const { s, openDoc } = await start({ capabilities: { textDocument: { definition: { linkSupport: true } } } });
    const uri = 'file:///nav/def.md';
    await openDoc(uri, `${EXT_B}区块链\nP2P网贷很多\n这里没有术语`);
    const def = (line: number, character: number) =>
      s.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line, character } });
    const target = { start: { line: 4237, character: 0 }, end: { line: 4237, character: 0 } };
    expect(await def(0, 3)).toEqual([
      {
        originSelectionRange: { start: { line: 0, character: 2 }, end: { line: 0, character: 5 } },
        targetUri: SOURCE_001,
        targetRange: target,
        targetSelectionRange: target,
      },
    ]);
    // a quoted definition is the passage (P2P网贷 quotes source 000 at line 46)
    expect(await def(1, 4)).toMatchObject([{ targetUri: SOURCE_000, targetRange: { start: { line: 45 } } }]);
    expect(await def(2, 1)).toBeNull();
  });

  it('answers Locations to clients without link support, and a user term at its termbase line', async () => {
    const ws = workspace();
    const { s, openDoc } = await start({ folder: ws });
    const uri = `${ws.uri}/notes.md`;
    await openDoc(uri, `${EXT_B}清算代币\n区块链`);
    const def = (line: number, character: number) =>
      s.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line, character } });
    expect(await def(0, 2)).toEqual([
      { uri: `${ws.uri}/glossary.csv`, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } } },
    ]);
    expect(await def(1, 0)).toEqual([
      { uri: SOURCE_001, range: { start: { line: 4237, character: 0 }, end: { line: 4237, character: 0 } } },
    ]);
    await expect(
      s.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: -1, character: 0 } }),
    ).rejects.toMatchObject({ code: -32602 });
  });

  it('a bundled term without a citation: its read-only view in VS Code, nothing elsewhere', async () => {
    const uri = 'file:///nav/a-share.md';
    const vscode = await start({ init: { entryDocuments: true } });
    await vscode.openDoc(uri, 'A股市场');
    expect(
      await vscode.s.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 0 } }),
    ).toEqual([
      {
        uri: `fintech-glossary:/${encodeURIComponent('A股 A-share')}.txt?a-share`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      },
    ]);
    const other = await start();
    await other.openDoc(uri, 'A股市场');
    expect(
      await other.s.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 0 } }),
    ).toBeNull();
  });
});

describe('inline glosses (inlay hints)', () => {
  const uri = 'file:///nav/glosses.md';
  // paragraph 1: 区块链 twice and blockchain (one concept: one gloss); paragraph 2 starts again
  const TEXT = `${EXT_B}区块链和区块链。blockchain\n\nCloud computing and 区块链.\n`;
  const whole = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
  const hints = (s: LspSession, range = whole, doc = uri) =>
    s.connection.sendRequest<Hint[] | null>('textDocument/inlayHint', { textDocument: { uri: doc }, range });

  it('are off by default', async () => {
    const { s, openDoc } = await start();
    await openDoc(uri, TEXT);
    expect(await hints(s)).toBeNull();
  });

  it('gloss the first occurrence of each concept per paragraph, with the card as tooltip', async () => {
    const { s, openDoc } = await start({ settings: { inlayHints: { enable: true } } });
    await openDoc(uri, TEXT);
    const got = (await hints(s))!;
    expect(got.map((h) => [h.position, h.label])).toEqual([
      [{ line: 0, character: 5 }, 'blockchain'],
      [{ line: 2, character: 15 }, '云计算'],
      [{ line: 2, character: 23 }, 'blockchain'],
    ]);
    expect(got[0]!.paddingLeft).toBe(true);
    // no resolve support declared: the card comes with the hint
    expect(got[0]!.tooltip?.kind).toBe('markdown');
    expect(got[0]!.tooltip?.value).toContain('**区块链** · 區塊鏈 · blockchain');
    expect(got[1]!.tooltip?.value).toContain('**云计算** · 雲計算 · cloud computing');
  });

  it('only for the range asked, counting earlier occurrences in the same paragraph', async () => {
    const { s, openDoc } = await start({ settings: { inlayHints: { enable: true } } });
    await openDoc(uri, '区块链很好\n区块链和云计算\n\n区块链');
    const got = (await hints(s, { start: { line: 1, character: 0 }, end: { line: 3, character: 3 } }))!;
    // line 1's 区块链 was glossed on line 0 (same paragraph); line 3 is a new paragraph
    expect(got.map((h) => [h.position, h.label])).toEqual([
      [{ line: 1, character: 7 }, 'cloud computing'],
      [{ line: 3, character: 3 }, 'blockchain'],
    ]);
  });

  it('none where the text gives the other language right after the term', async () => {
    const { s, openDoc } = await start({ settings: { inlayHints: { enable: true } } });
    await openDoc(uri, '区块链 (blockchain) 与云计算\n\nblockchain（区块链）\n\n区块链 区块链');
    const all = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
    expect((await hints(s, all))!.map((h) => [h.position, h.label])).toEqual([
      [{ line: 0, character: 21 }, 'cloud computing'],
      [{ line: 4, character: 3 }, 'blockchain'],
    ]);
  });

  it('none in code spans, fenced code or URLs, which do not count as the first occurrence either', async () => {
    const { s, openDoc } = await start({ settings: { inlayHints: { enable: true } } });
    await openDoc(uri, '`区块链` https://example.com/云计算 区块链\n\n```\n云计算\n```\n云计算');
    const all = { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } };
    expect((await hints(s, all))!.map((h) => [h.position, h.label])).toEqual([
      [{ line: 0, character: 33 }, 'blockchain'],
      [{ line: 5, character: 3 }, 'cloud computing'],
    ]);
  });

  it('none for the words of a directive (the “fintech” of fintech-glossary-variant is no term there)', async () => {
    const { s, openDoc } = await start({ settings: { inlayHints: { enable: true } } });
    await openDoc(uri, '<!-- fintech-glossary-variant: zh-Hans -->\n<!-- fintech-glossary-disable-next-line -->\nfintech 区块链');
    const all = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    expect((await hints(s, all))!.map((h) => [h.position, h.label])).toEqual([
      [{ line: 2, character: 7 }, '金融科技'],
      [{ line: 2, character: 11 }, 'blockchain'],
    ]);
  });

  it('write the Chinese in the document’s variant', async () => {
    const { s, openDoc } = await start({ settings: { inlayHints: { enable: true }, variant: 'zh-TW' } });
    await openDoc(uri, 'Cloud computing and a regulatory sandbox.');
    expect((await hints(s))!.map((h) => h.label)).toEqual(['雲端運算', '監理沙盒']);
  });

  it('leave the card to inlayHint/resolve for clients that resolve tooltips', async () => {
    const { s, openDoc } = await start({
      settings: { inlayHints: { enable: true } },
      capabilities: { textDocument: { inlayHint: { resolveSupport: { properties: ['tooltip'] } } } },
    });
    await openDoc(uri, TEXT);
    const [first] = (await hints(s))!;
    expect(first!.tooltip).toBeUndefined();
    const resolved = await s.connection.sendRequest<Hint>('inlayHint/resolve', first);
    expect(resolved.label).toBe('blockchain');
    expect(resolved.tooltip?.value).toContain('**区块链** · 區塊鏈 · blockchain');
    // after an edit the old hint is returned as it is (the client asks for new ones)
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: 'x' }],
    });
    expect((await s.connection.sendRequest<Hint>('inlayHint/resolve', first)).tooltip).toBeUndefined();
  });

  it('are refreshed when the settings change, for clients that support it', async () => {
    const { s, openDoc, refreshes } = await start({
      capabilities: { workspace: { configuration: true, inlayHint: { refreshSupport: true } } },
    });
    await openDoc(uri, TEXT);
    expect(await hints(s)).toBeNull();
    const before = refreshes.length;
    s.settings.fintechGlossary = { inlayHints: { enable: true } };
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await expect.poll(() => refreshes.length).toBeGreaterThan(before);
    expect((await hints(s))!.map((h) => h.label)).toEqual(['blockchain', '云计算', 'blockchain']);
  });
});
