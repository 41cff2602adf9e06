// Term-QA settings per workspace folder and per language: the server asks `workspace/configuration`
// with the document's URI as `scopeUri` (so that VS Code can apply a folder's settings and a
// language's overrides), and each document is checked with its own answer; a configuration change
// asks again. The test client answers per scopeUri as VS Code would for two folders.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type LspSession, shutdown, startServer } from './lspClient';
import { waitFor } from './waitFor';

interface Diag {
  code: string;
  severity: number;
  data: { suggestions: string[]; term: string };
}

const sessions: LspSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await shutdown(s).catch(() => s.process.kill());
});

const folder = (name: string) => pathToFileURL(mkdtempSync(join(tmpdir(), `fg-scope-${name}-`))).href;

/** A traditional text whose 數字貨幣 is the wrong word in Taiwan (數位貨幣) and in Hong Kong (數碼貨幣). */
const TEXT = '銀行推出數字貨幣。\n';

/**
 * A server with two workspace folders; `answer(scopeUri)` is the client's settings for a scope.
 * Records every scopeUri asked for.
 */
async function twoFolders(answer: (scopeUri: string | undefined) => unknown, pull = false) {
  const a = folder('a'),
    b = folder('b');
  const s = startServer();
  sessions.push(s);
  const asked: (string | undefined)[] = [];
  s.connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) =>
    params.items.map((item) => {
      asked.push(item.scopeUri);
      return item.section === 'fintechGlossary' ? answer(item.scopeUri) : null;
    }),
  );
  const published = new Map<string, Diag[][]>();
  s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diag[] }) =>
    published.set(p.uri, [...(published.get(p.uri) ?? []), p.diagnostics]),
  );
  await s.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: a,
    workspaceFolders: [
      { uri: a, name: 'a' },
      { uri: b, name: 'b' },
    ],
    capabilities: { workspace: { configuration: true }, ...(pull ? { textDocument: { diagnostic: {} } } : {}) },
  });
  await s.connection.sendNotification('initialized', {});
  const open = async (uri: string, languageId: string) =>
    s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: TEXT } });
  /** The `count`-th publishDiagnostics for `uri` (0-based). */
  const nth = async (uri: string, count: number): Promise<Diag[]> => {
    await waitFor(() => (published.get(uri) ?? []).length > count);
    const list = published.get(uri) ?? [];
    if (list.length > count) return list[count]!;
    throw new Error(`no publishDiagnostics #${count} for ${uri}`);
  };
  return { s, a, b, asked, open, nth };
}

const summary = (d: Diag[]) => d.map((x) => `${x.severity} ${x.code} ${x.data.term} → ${x.data.suggestions.join('/')}`);

describe('settings per workspace folder and language', () => {
  it("each folder's variant, and a language's severity override, apply to its documents", async () => {
    let aVariant = 'zh-TW';
    const { s, a, b, asked, open, nth } = await twoFolders((scope) => {
      if (scope?.startsWith(`${a}/`) || scope === a) return { variant: aVariant };
      if (scope?.startsWith(`${b}/`) || scope === b)
        // VS Code applies a `[plaintext]` override for a plain-text document's URI
        return scope.endsWith('.txt')
          ? { variant: 'zh-HK', diagnostics: { severity: { 'regional-variant': 'warning' } } }
          : { variant: 'zh-HK' };
      return {};
    });
    const inA = `${a}/report.md`,
      inB = `${b}/report.md`,
      inBText = `${b}/notes.txt`;
    await open(inA, 'markdown');
    await open(inB, 'markdown');
    await open(inBText, 'plaintext');
    expect(summary(await nth(inA, 0))).toEqual(['3 regional-variant 數字貨幣 → 數位貨幣']);
    expect(summary(await nth(inB, 0))).toEqual(['3 regional-variant 數字貨幣 → 數碼貨幣']);
    expect(summary(await nth(inBText, 0))).toEqual(['2 regional-variant 數字貨幣 → 數碼貨幣']);
    // asked with each document's URI (the scope VS Code resolves folder and language settings for)
    expect(asked).toEqual(expect.arrayContaining([inA, inB, inBText]));

    // the user changes folder a's variant: asked again, and the next diagnostics follow
    aVariant = 'zh-Hans';
    const askedBefore = asked.filter((u) => u === inB).length;
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect(summary(await nth(inA, 1))).toEqual(['3 script-mismatch 銀行 → 银行', '3 script-mismatch 數字貨幣 → 数字货币']);
    // every scope is asked again after a change
    expect(asked.filter((u) => u === inB).length).toBeGreaterThan(askedBefore);
  });

  it('pull diagnostics wait for the scoped settings too', async () => {
    const { s, b, open } = await twoFolders((scope) => (scope?.startsWith(b) ? { variant: 'zh-TW' } : {}), true);
    const uri = `${b}/x.md`;
    await open(uri, 'markdown');
    const report = await s.connection.sendRequest<{ items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(summary(report.items)).toEqual(['3 regional-variant 數字貨幣 → 數位貨幣']);
  });

  it('a scope whose answer fails falls back to the workspace settings, and the document is still checked', async () => {
    const { s, a, open, nth } = await twoFolders((scope) => {
      if (scope?.startsWith(`${a}/`)) throw new Error('no settings for you');
      return { variant: 'zh-TW' };
    });
    const uri = `${a}/x.md`;
    await open(uri, 'markdown');
    expect(summary(await nth(uri, 0))).toEqual(['3 regional-variant 數字貨幣 → 數位貨幣']);
    expect(s.process.exitCode).toBeNull();
  });
});
