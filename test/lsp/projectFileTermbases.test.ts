// A termbase the project file names that does not exist: the CLI exits 2 on it; the server publishes a
// warning on the project file at that entry (`terms/x.tbx: no such file`), cleared once the file is
// there (seen by a watching client's didChangeWatchedFiles, or by the server's own watcher).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startOnFolder, stopServersAfterEach } from './folderServer';
import { waitFor } from './waitFor';

interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  source?: string;
  message: string;
  data?: { term: string };
}

stopServersAfterEach();

const BIN = resolve(__dirname, '../../bin/fintech-glossary.js');
const RISK_CSV = 'zh-TW,en,status\n風控小幫手,risk bot,forbidden\n';

/** A workspace folder holding these files; the server started on it, its diagnostics recorded. */
async function workspace(watch: boolean, files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'fg-project-tb-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const uri = pathToFileURL(dir).href;
  const { s, published, logs } = await startOnFolder<Diag>(uri, { watch });
  await waitFor(() => logs.some((l) => l.includes('termbase file(s)')));
  // the server's own watcher, set up after the termbases are read (the folder's own directory at once)
  if (!watch) await waitFor(() => logs.some((l) => l.includes('watching .fintech-glossary.yaml')));
  /**
   * What was last published for `file` once `done` takes it, after more than `since` publications (or
   * what it is after the wait; undefined when nothing more was published).
   */
  const last = async (file: string, done: (d: Diag[]) => boolean, since = 0): Promise<Diag[] | undefined> => {
    const list = () => published.get(file) ?? [];
    await waitFor(() => list().length > since && done(list().at(-1)!)).catch(() => undefined);
    return list().length > since ? list().at(-1) : undefined;
  };
  const count = (file: string) => published.get(file)?.length ?? 0;
  return { s, dir, uri, projectUri: `${uri}/.fintech-glossary.yaml`, last, count };
}

const shown = (d: Diag[] | undefined) =>
  d?.map((x) => [x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character, x.severity, x.message]);

describe('a termbase the project file names that does not exist', () => {
  for (const watch of [true, false]) {
    it(`is a warning on the project file at its entry, cleared when the file appears (${watch ? 'a watching client' : 'no watching client'})`, async () => {
      const w = await workspace(watch, {
        '.fintech-glossary.yaml': "variant: zh-TW\ntermbases:\n  - terms/risk.csv\n  - x.tbx\n  - 'glossaries/*.tbx'\n",
        'terms/risk.csv': RISK_CSV,
      });
      // a glob that matches nothing is no error (as in the CLI); the named file that is missing is
      const missing = await w.last(w.projectUri, (d) => d.length > 0);
      expect(shown(missing)).toEqual([[3, 4, 3, 9, 2, 'x.tbx: no such file']]);
      expect(missing?.[0]?.source).toBe('fintech-glossary');
      const before = w.count(w.projectUri);

      writeFileSync(join(w.dir, 'x.tbx'), '<?xml version="1.0"?>\n<tbx><text><body/></text></tbx>\n');
      if (watch)
        await w.s.connection.sendNotification('workspace/didChangeWatchedFiles', {
          changes: [{ uri: `${w.uri}/x.tbx`, type: 1 }],
        });
      expect(await w.last(w.projectUri, (d) => d.length === 0, before)).toEqual([]);
    });
  }

  it('a folder named as a termbase is a warning at its entry, in the words of the CLI, which exits 2 on it', async () => {
    const w = await workspace(true, {
      '.fintech-glossary.yaml': 'termbases:\n  - terms\n  - terms/risk.csv\n',
      'terms/risk.csv': RISK_CSV,
      'a.md': '风控小助手\n',
    });
    expect(shown(await w.last(w.projectUri, (d) => d.length > 0))).toEqual([[1, 4, 1, 9, 2, 'terms: it is a directory']]);
    const cli = spawnSync(process.execPath, [BIN, 'check', 'a.md'], { cwd: w.dir, encoding: 'utf8' });
    expect([cli.status, cli.stderr]).toEqual([
      2,
      'fintech-glossary: cannot read the glossary terms (.fintech-glossary.yaml): it is a directory\n',
    ]);
  });

  it('a path in glossaries (the project’s own search) that is not there is a warning at its entry too', async () => {
    const w = await workspace(true, {
      '.fintech-glossary.yaml': 'glossaries:\n  - terms/*.csv\n  - terms/gone.tbx\ntermbases: [x.csv]\n',
      'a.md': '风控小助手\n',
    });
    expect(shown(await w.last(w.projectUri, (d) => d.length > 1))).toEqual([
      [2, 4, 2, 18, 2, 'terms/gone.tbx: no such file'],
      [3, 12, 3, 17, 2, 'x.csv: no such file'],
    ]);
  });

  it('sits beside a problem of the project file, and goes when the entry is taken out', async () => {
    const w = await workspace(true, { '.fintech-glossary.yaml': 'variant: zh-XX\ntermbases: [gone.csv]\n' });
    const both = await w.last(w.projectUri, (d) => d.length === 2);
    expect(shown(both)).toEqual([
      [0, 9, 0, 10, 2, '.fintech-glossary.yaml:1:10: variant must be one of auto, zh-Hans, zh-Hant, zh-TW, zh-HK'],
      [1, 12, 1, 20, 2, 'gone.csv: no such file'],
    ]);
    const before = w.count(w.projectUri);
    writeFileSync(join(w.dir, '.fintech-glossary.yaml'), 'variant: zh-XX\n');
    await w.s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: w.projectUri, type: 2 }] });
    expect(shown(await w.last(w.projectUri, (d) => d.length === 1, before))).toEqual([
      [0, 9, 0, 10, 2, '.fintech-glossary.yaml:1:10: variant must be one of auto, zh-Hans, zh-Hant, zh-TW, zh-HK'],
    ]);
  });

  it("goes, with the file's problems, when the folder whose project file it is leaves the workspace", async () => {
    const w = await workspace(true, { 'a/.fintech-glossary.yaml': 'colour: blue\ntermbases: [gone.csv]\n' });
    const folder = `${w.uri}/a`;
    const projectUri = `${folder}/.fintech-glossary.yaml`;
    await w.s.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: folder, name: 'a' }], removed: [] },
    });
    expect(shown(await w.last(projectUri, (d) => d.length === 2))).toEqual([
      [0, 0, 0, 1, 2, '.fintech-glossary.yaml:1:1: unknown key "colour" (ignored)'],
      [1, 12, 1, 20, 2, 'gone.csv: no such file'],
    ]);
    const before = w.count(projectUri);
    await w.s.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: folder, name: 'a' }] },
    });
    expect(await w.last(projectUri, (d) => d.length === 0, before)).toEqual([]);
  });
});
