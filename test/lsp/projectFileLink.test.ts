// A workspace folder reached through a symbolic link (`~/work/guide` → `<repo>/docs/guide`): the server
// walks up from the folder's real path, as the CLI does from the current directory, so the
// repository's project file applies; its problems are published on that file's real URI (one the
// client can open), its termbases and ignore globs are relative to its folder, and an edit to it is seen.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startOnFolder, stopServersAfterEach } from './folderServer';
import { waitFor } from './waitFor';

interface Diag {
  range: { start: { line: number; character: number } };
  code?: string;
  message: string;
  data?: { suggestions: string[]; term: string };
}

stopServersAfterEach();

/** 數字貨幣 is Taiwan's 數位貨幣 and Hong Kong's 數碼貨幣; 風控小幫手 is only in the repository's termbase. */
const TEXT = '銀行推出數字貨幣。風控小幫手\n';
const summary = (d: Diag[] | undefined) => (d ?? []).map((x) => `${x.code} ${x.data?.term} → ${x.data?.suggestions.join('/')}`);

describe('a workspace folder reached through a symbolic link', () => {
  it("finds its repository's project file, publishes its problems on the file's real URI, and sees it change", async () => {
    const repo = realpathSync(mkdtempSync(join(tmpdir(), 'fg-link-repo-')));
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'docs', 'guide', 'drafts'), { recursive: true });
    mkdirSync(join(repo, 'terms'));
    writeFileSync(join(repo, 'terms', 'risk.csv'), 'zh-TW,en,status\n風控小幫手,risk bot,forbidden\n');
    const projectFile = join(repo, '.fintech-glossary.yaml');
    writeFileSync(projectFile, "variant: zh-TW\ncolour: blue\ntermbases: [terms/risk.csv]\nignore: ['docs/guide/drafts/**']\n");
    const elsewhere = mkdtempSync(join(tmpdir(), 'fg-link-home-'));
    symlinkSync(join(repo, 'docs', 'guide'), join(elsewhere, 'guide'), 'dir');
    const folder = pathToFileURL(join(elsewhere, 'guide')).href;

    const { s, published } = await startOnFolder<Diag>(folder, { name: 'guide', watch: true });
    const last = (uri: string) => published.get(uri)?.at(-1);
    const until = async (uri: string, ok: (d: Diag[] | undefined) => boolean) => {
      await waitFor(() => ok(last(uri))).catch(() => undefined);
      return last(uri);
    };

    // its problems, on the file where it is: the client can open that URI
    const projectUri = pathToFileURL(projectFile).href;
    const problems = await until(projectUri, (d) => !!d?.length);
    expect(problems?.map((d) => [d.range.start.line, d.message])).toEqual([
      [1, '.fintech-glossary.yaml:2:1: unknown key "colour" (ignored)'],
    ]);

    // its variant and its termbase (relative to the repository's root) apply to the folder's documents
    const doc = `${folder}/report.md`;
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: doc, languageId: 'markdown', version: 1, text: TEXT },
    });
    const both = ['regional-variant 數字貨幣 → 數位貨幣', 'forbidden-term 風控小幫手 → '];
    expect(summary(await until(doc, (d) => JSON.stringify(summary(d)) === JSON.stringify(both)))).toEqual(both);

    // its ignore globs, relative to the repository's root, reach the folder's documents through the link
    const draft = `${folder}/drafts/notes.md`;
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: draft, languageId: 'markdown', version: 1, text: TEXT },
    });
    await waitFor(() => published.has(draft));
    expect(summary(last(draft))).toEqual([]);

    // edited (outside the workspace: the server watches it itself), the documents are checked again
    writeFileSync(projectFile, 'variant: zh-HK\ntermbases: [terms/risk.csv]\n');
    const hk = ['regional-variant 數字貨幣 → 數碼貨幣', 'forbidden-term 風控小幫手 → '];
    expect(summary(await until(doc, (d) => JSON.stringify(summary(d)) === JSON.stringify(hk)))).toEqual(hk);
    expect(await until(projectUri, (d) => d?.length === 0)).toEqual([]);
  });
});
