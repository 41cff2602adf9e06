// The CLI's search of a folder tree for termbases (`findFilesSync`): it looks at a bounded number of
// names, and says when it stopped there, so that a termbase beyond is not missed without a word.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { findFilesSync, nodeFiles } from '../../server/src/node/files';

function tree(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'fg-find-'));
  for (const name of files) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), '');
  }
  return dir;
}

const tbx = (path: string) => path.endsWith('.tbx');

describe('findFilesSync', () => {
  it('finds the files it accepts, no dot folders or node_modules entered, and says nothing within the limit', () => {
    const dir = tree(['a/x.tbx', 'b/c/y.tbx', 'b/z.md', '.git/w.tbx', 'node_modules/p/v.tbx']);
    let stopped = 0;
    const found = findFilesSync(dir, tbx, 100, () => stopped++);
    expect(found.map((p) => relative(dir, p).split('\\').join('/')).sort()).toEqual(['a/x.tbx', 'b/c/y.tbx']);
    expect(stopped).toBe(0);
  });

  it('says once that it stopped when there are more names than the limit', () => {
    const dir = tree(['a/1', 'a/2', 'a/3', 'a/4', 'b/5', 'b/6', 'c/x.tbx']);
    let stopped = 0;
    findFilesSync(dir, tbx, 4, () => stopped++);
    expect(stopped).toBe(1);
  });
});

describe("the server's search (nodeFiles.find)", () => {
  it('says once that it stopped at the limit, and nothing when the names fit', async () => {
    const dir = tree(['a/1', 'a/2', 'a/3', 'a/4', 'b/5', 'b/6', 'c/x.tbx']);
    let stopped = 0;
    await nodeFiles.find(pathToFileURL(dir).href, tbx, 4, undefined, () => stopped++);
    expect(stopped).toBe(1);
    const all = await nodeFiles.find(pathToFileURL(dir).href, tbx, 100, undefined, () => stopped++);
    expect([all.map((uri) => uri.slice(uri.lastIndexOf('/') + 1)), stopped]).toEqual([['x.tbx'], 1]);
  });
});
