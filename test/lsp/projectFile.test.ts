// The project file `.fintech-glossary.yaml` over LSP: editing it re-checks the open documents without
// a restart (through workspace/didChangeWatchedFiles for a client that watches for us, through the
// server's own watcher for one that does not); a malformed file is a diagnostic on it at its line,
// cleared when fixed; the termbases it lists are used by term QA.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startOnFolder, stoppedAfterEach, stopServersAfterEach } from './folderServer';
import { startServer } from './lspClient';
import { waitFor } from './waitFor';

interface Diag {
  range: { start: { line: number; character: number } };
  code?: string;
  severity: number;
  message: string;
  data?: { suggestions: string[]; term: string };
}

stopServersAfterEach();

/** 數字貨幣 is Taiwan's 數位貨幣 and Hong Kong's 數碼貨幣; 風控小幫手 is only in the project's termbase. */
const TEXT = '銀行推出數字貨幣。風控小幫手\n';

async function workspace(watch: boolean, projectFile: string) {
  const dir = mkdtempSync(join(tmpdir(), 'fg-project-'));
  const uri = pathToFileURL(dir).href;
  const projectUri = `${uri}/.fintech-glossary.yaml`;
  writeFileSync(join(dir, '.fintech-glossary.yaml'), projectFile);
  const { s, published, logs, registered } = await startOnFolder<Diag>(uri, { watch });
  // the project file is watched (by the client, or by the server) once initialized is done
  for (let i = 0; i < 400; i++) {
    if (
      watch ? registered.some((r) => r.includes('.fintech-glossary.yaml')) : logs.some((l) => l.includes('watching .fintech-glossary.yaml'))
    )
      break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const doc = `${uri}/report.md`;
  await s.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: doc, languageId: 'markdown', version: 1, text: TEXT },
  });
  /** Wait until `uri` has had more than `count` publishDiagnostics, and return the last. */
  const after = async (uri: string, count: number): Promise<Diag[]> => {
    await waitFor(() => (published.get(uri) ?? []).length > count);
    const list = published.get(uri) ?? [];
    if (list.length > count) return list[list.length - 1]!;
    throw new Error(`no publishDiagnostics after #${count} for ${uri}`);
  };
  const count = (uri: string) => (published.get(uri) ?? []).length;
  /** The last diagnostics published for `uri` (none yet: an empty list). */
  const last = (uri: string): Diag[] => (published.get(uri) ?? []).at(-1) ?? [];
  /** Change the project file, telling the server as a watching client would (or not, for the server's own watcher). */
  const edit = async (text: string) => {
    writeFileSync(join(dir, '.fintech-glossary.yaml'), text);
    if (watch) await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: projectUri, type: 2 }] });
  };
  return { s, dir, doc, projectUri, after, count, last, edit, registered };
}

const summary = (d: Diag[]) => d.map((x) => `${x.code} ${x.data?.term} → ${x.data?.suggestions.join('/')}`);

describe('the project file', () => {
  for (const watch of [true, false]) {
    it(`an edit re-checks the open documents without a restart (${watch ? 'the client watches' : 'the server watches'})`, async () => {
      const w = await workspace(watch, 'variant: zh-TW\n');
      expect(summary(await w.after(w.doc, 0))).toEqual(['regional-variant 數字貨幣 → 數位貨幣']);
      if (watch) expect(w.registered.join()).toContain('.fintech-glossary.yaml');
      let n = w.count(w.doc);
      await w.edit('variant: zh-HK\nseverity:\n  regional-variant: warning\n');
      const hk = await w.after(w.doc, n);
      expect(summary(hk)).toEqual(['regional-variant 數字貨幣 → 數碼貨幣']);
      expect(hk[0]!.severity).toBe(2);

      // a malformed file: a diagnostic on it at the line, naming the file; the rest of it still applies
      n = w.count(w.doc);
      await w.edit('severity:\n  regional-variant: warning\nvariant: zh-XX\n');
      const problems = await w.after(w.projectUri, 0);
      expect(problems.map((d) => [d.range.start.line, d.message])).toEqual([
        [2, '.fintech-glossary.yaml:3:10: variant must be one of auto, zh-Hans, zh-Hant, zh-TW, zh-HK'],
      ]);
      // the variant is auto again: this short text is too short to decide, so no regional finding
      expect(summary(await w.after(w.doc, n))).toEqual([]);

      // fixed: the file's diagnostics are cleared, and its termbases are read
      n = w.count(w.doc);
      const p = w.count(w.projectUri);
      writeFileSync(join(w.dir, 'risk.csv'), 'zh-TW,en,status\n風控小幫手,risk bot,forbidden\n');
      await w.edit('variant: zh-TW\ntermbases: [risk.csv]\n');
      expect(await w.after(w.projectUri, p)).toEqual([]);
      let last: Diag[] = [];
      for (let i = 0; i < 100 && last.length < 2; i++) {
        last = await w.after(w.doc, n);
        n = w.count(w.doc);
        if (last.length < 2) await new Promise((r) => setTimeout(r, 50));
      }
      expect(summary(last)).toEqual(['regional-variant 數字貨幣 → 數位貨幣', 'forbidden-term 風控小幫手 → ']);
    });
  }

  it('a client that names its workspace only by the deprecated rootPath gets it as the folder: project file and termbases', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-rootpath-'));
    writeFileSync(join(dir, '.fintech-glossary.yaml'), 'variant: zh-TW\n');
    // found by the default glossaries setting (**/glossary.csv), not named anywhere
    writeFileSync(join(dir, 'glossary.csv'), 'zh-TW,en,status\n風控小幫手,risk bot,forbidden\n');
    const s = stoppedAfterEach(startServer());
    const published: Diag[][] = [];
    s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diag[] }) =>
      published.push(p.diagnostics),
    );
    await s.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, rootPath: dir, capabilities: {} });
    await s.connection.sendNotification('initialized', {});
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: `${pathToFileURL(dir).href}/report.md`, languageId: 'markdown', version: 1, text: TEXT },
    });
    await waitFor(() => (published.at(-1)?.length ?? 0) >= 2);
    expect(summary(published.at(-1) ?? [])).toEqual(['regional-variant 數字貨幣 → 數位貨幣', 'forbidden-term 風控小幫手 → ']);
  });

  it("a workspace folder added brings its project file; each folder's applies to its documents", async () => {
    const w = await workspace(true, 'variant: zh-TW\n');
    expect(summary(await w.after(w.doc, 0))).toEqual(['regional-variant 數字貨幣 → 數位貨幣']);
    const b = mkdtempSync(join(tmpdir(), 'fg-project-b-'));
    writeFileSync(join(b, '.fintech-glossary.yaml'), 'variant: zh-HK\n');
    const bUri = pathToFileURL(b).href;
    await w.s.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: bUri, name: 'b' }], removed: [] },
    });
    // a document opened in folder b after the change is checked with b's file, a's keeps a's
    const inB = `${bUri}/notes.md`;
    await w.s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: inB, languageId: 'markdown', version: 1, text: TEXT },
    });
    // (the folder's project file may be read after the document's first check, which it then re-checks)
    await waitFor(() => summary(w.last(inB)).join() === 'regional-variant 數字貨幣 → 數碼貨幣');
    expect(summary(w.last(inB))).toEqual(['regional-variant 數字貨幣 → 數碼貨幣']);
    expect(summary((await w.after(w.doc, 0)) ?? [])).toEqual(['regional-variant 數字貨幣 → 數位貨幣']);
  });

  it('a malformed project file at start-up is a diagnostic too; the server keeps serving', async () => {
    const w = await workspace(true, 'variant: [zh-TW\n');
    const problems = await w.after(w.projectUri, 0);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^\.fintech-glossary\.yaml:\d+:\d+: not valid YAML/);
    expect(await w.after(w.doc, 0)).toEqual([]);
  });
});
