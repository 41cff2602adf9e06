// A workspace folder that is a subdirectory of a repository: the server finds the project file as the
// CLI does, the nearest `.fintech-glossary.yaml` at the folder's root or above it up to the top of
// the repository (a folder holding `.git`); its paths are relative to its own folder; it watches
// that file itself (clients watch inside the workspace only), so an edit re-checks open documents.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startOnFolder, stopServersAfterEach } from './folderServer';
import { waitFor } from './waitFor';

interface Diag {
  range: { start: { line: number; character: number } };
  code?: string;
  severity: number;
  message: string;
  data?: { suggestions: string[]; term: string };
}

stopServersAfterEach();

/** 數字貨幣 is Taiwan's 數位貨幣 and Hong Kong's 數碼貨幣; 風控小幫手 is only in the repository's termbase. */
const TEXT = '銀行推出數字貨幣。風控小幫手\n';

const summary = (d: Diag[]) => d.map((x) => `${x.code} ${x.data?.term} → ${x.data?.suggestions.join('/')}`);

/** A repository with the project file at its root; the workspace folder is `<repo>/docs/guide`. */
async function subfolderWorkspace(watch: boolean, projectFile: string) {
  const repo = mkdtempSync(join(tmpdir(), 'fg-above-'));
  mkdirSync(join(repo, '.git'));
  mkdirSync(join(repo, 'docs', 'guide'), { recursive: true });
  mkdirSync(join(repo, 'terms'));
  writeFileSync(join(repo, 'terms', 'risk.csv'), 'zh-TW,en,status\n風控小幫手,risk bot,forbidden\n');
  writeFileSync(join(repo, '.fintech-glossary.yaml'), projectFile);
  const folder = pathToFileURL(join(repo, 'docs', 'guide')).href;
  const { s, published, logs } = await startOnFolder<Diag>(folder, { name: 'guide', watch });
  await waitFor(() => logs.some((l) => l.includes('folder(s) above guide')));
  expect(logs).toContain('Fintech Glossary: watching .fintech-glossary.yaml in 2 folder(s) above guide');
  /** Open a document of the folder (a path relative to it) with TEXT. */
  const open = async (path: string) => {
    const uri = `${folder}/${path}`;
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT },
    });
    return uri;
  };
  const doc = await open('report.md');
  /** What was last published for `uri` once `done` says it is what the test waits for (or after the wait's bound). */
  const settle = async (uri: string, done: (d: Diag[]) => boolean): Promise<Diag[]> => {
    await waitFor(() => published.has(uri) && done(published.get(uri)?.at(-1) ?? []));
    return published.get(uri)?.at(-1) ?? [];
  };
  /** The document's diagnostics once their summary is `expected` (or what they are after 10 s). */
  const summaryOf = async (uri: string, expected: string[]) =>
    summary(await settle(uri, (d) => JSON.stringify(summary(d)) === JSON.stringify(expected)));
  return { repo, doc, open, settle, summaryOf, projectUri: `${pathToFileURL(repo).href}/.fintech-glossary.yaml` };
}

describe('a project file above the workspace folder, at the top of the repository', () => {
  for (const watch of [true, false]) {
    it(`applies to the folder's documents, and an edit to it re-checks them (${watch ? 'a watching client' : 'no watching client'})`, async () => {
      const w = await subfolderWorkspace(watch, 'variant: zh-TW\ntermbases: [terms/risk.csv]\n');
      // its variant, and its termbase at a path relative to the repository's root
      const both = ['regional-variant 數字貨幣 → 數位貨幣', 'forbidden-term 風控小幫手 → '];
      expect(await w.summaryOf(w.doc, both)).toEqual(both);

      // edited: no client tells the server (the file is outside the workspace); the server sees it
      writeFileSync(join(w.repo, '.fintech-glossary.yaml'), 'variant: zh-HK\nseverity:\n  regional-variant: warning\n');
      expect(await w.summaryOf(w.doc, ['regional-variant 數字貨幣 → 數碼貨幣'])).toEqual(['regional-variant 數字貨幣 → 數碼貨幣']);
      expect((await w.settle(w.doc, () => true))[0]!.severity).toBe(2);

      // a problem in it is a diagnostic on that file
      writeFileSync(join(w.repo, '.fintech-glossary.yaml'), 'variant: zh-XX\n');
      const problems = await w.settle(w.projectUri, (d) => d.length > 0);
      expect(problems.map((d) => [d.range.start.line, d.message])).toEqual([
        [0, '.fintech-glossary.yaml:1:10: variant must be one of auto, zh-Hans, zh-Hant, zh-TW, zh-HK'],
      ]);

      // deleted: nothing applies any more (this short text is too short to decide its variant), and
      // the file's diagnostics are cleared
      rmSync(join(w.repo, '.fintech-glossary.yaml'));
      expect(await w.summaryOf(w.doc, [])).toEqual([]);
      expect(await w.settle(w.projectUri, (d) => d.length === 0)).toEqual([]);
    });
  }

  it("ignore globs are relative to the project file's folder", async () => {
    const w = await subfolderWorkspace(false, "variant: zh-TW\nignore: ['docs/guide/drafts/**']\n");
    const draft = await w.open('drafts/notes.md');
    expect(await w.summaryOf(w.doc, ['regional-variant 數字貨幣 → 數位貨幣'])).toEqual(['regional-variant 數字貨幣 → 數位貨幣']);
    expect(await w.summaryOf(draft, [])).toEqual([]);
  });
});
