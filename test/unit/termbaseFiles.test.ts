// Which files the server reads as termbases for a workspace folder (`TermbaseFiles`), over a file
// access in memory: a file the default globs find and the project file also names is read once, in
// the globs' place, as a named file: it loads even without a Chinese term, as a named file always does.
import { describe, expect, it } from 'vitest';
import type { TermbaseDiagnostic } from '../../server/src/engine/termbase';
import { DEFAULT_GLOSSARIES } from '../../server/src/protocol';
import { type FileAccess, joinUri, relativeTo, TermbaseFiles } from '../../server/src/termbases';

const FOLDER = { uri: 'file:///ws', name: 'ws' };

function filesOf(files: Record<string, string>): FileAccess {
  return {
    read: async (uri) => {
      const text = files[uri];
      if (text === undefined) throw new Error(`no such file: ${uri}`);
      return text;
    },
    exists: async (uri) => uri in files,
    write: async () => undefined,
    find: async (folderUri, accept) => Object.keys(files).filter((uri) => accept(relativeTo(folderUri, uri) ?? '')),
  };
}

describe('a termbase both found by a glob and named', () => {
  it('loads once, without Chinese too, where the glob found it', async () => {
    const access = filesOf({
      'file:///ws/a/glossary.csv': 'zh-CN,en\n区块链,blockchain\n',
      'file:///ws/terms/glossary.csv': 'en,definition\nledger,a book of accounts\n',
    });
    const published = new Map<string, TermbaseDiagnostic[]>();
    const files = new TermbaseFiles(access, { diagnostics: (uri, d) => published.set(uri, d), log: () => undefined });
    const settings = async () => ({ glossaries: [...DEFAULT_GLOSSARIES, 'terms/glossary.csv'], termbaseFile: 'glossary.csv' });
    const layers = await files.refresh([FOLDER], settings);
    expect(layers.map((l) => [l.uri, l.entries.length])).toEqual([
      ['file:///ws/a/glossary.csv', 1],
      ['file:///ws/terms/glossary.csv', 1],
    ]);
    expect(published.get('file:///ws/terms/glossary.csv')).toEqual([]);
    // found by the glob alone, a sheet without Chinese is skipped, with one message on it
    const globOnly = await new TermbaseFiles(access, { diagnostics: (uri, d) => published.set(uri, d), log: () => undefined }).refresh(
      [FOLDER],
      async () => ({ glossaries: DEFAULT_GLOSSARIES, termbaseFile: 'glossary.csv' }),
    );
    expect(globOnly.map((l) => l.uri)).toEqual(['file:///ws/a/glossary.csv']);
    expect(published.get('file:///ws/terms/glossary.csv')?.map((d) => d.message)).toEqual([
      'no Chinese term in this file: not used as a glossary (name it in fintechGlossary.glossaries to use it anyway)',
    ]);
  });
});

describe('a folder too big to search whole', () => {
  it('is told to the reporter once a search, naming the folder, the limit and the globs; a named file needs no search', async () => {
    const access: FileAccess = {
      ...filesOf({ 'file:///ws/terms.csv': 'zh-CN,en\n区块链,blockchain\n' }),
      // a search that met more names than its limit
      find: async (_folderUri, _accept, _limit, _globs, onLimit) => {
        onLimit?.();
        return [];
      },
    };
    const stopped: unknown[] = [];
    const reporter = {
      diagnostics: () => undefined,
      log: () => undefined,
      searchStopped: (folderUri: string, limit: number, globs: readonly string[]) => stopped.push([folderUri, limit, globs]),
    };
    const files = new TermbaseFiles(access, reporter);
    await files.refresh([FOLDER], async () => ({ glossaries: ['**/*.tbx', 'terms.csv'], termbaseFile: 'terms.csv' }));
    expect(stopped).toEqual([['file:///ws', 200000, ['**/*.tbx']]]);
    stopped.length = 0;
    const layers = await files.refresh([FOLDER], async () => ({ glossaries: ['terms.csv'], termbaseFile: 'terms.csv' }));
    expect([layers.map((l) => l.uri), stopped]).toEqual([['file:///ws/terms.csv'], []]);
  });
});

describe('a file a glob found that has no Chinese term', () => {
  it('has the one message saying it is not used, not also its rows’ problems', async () => {
    // a sheet with English only, and a row with no term at all (a problem were the file used)
    const access = filesOf({ 'file:///ws/glossary.csv': 'en,definition\nledger,a book of accounts\n,a row with no term\n' });
    const published = new Map<string, TermbaseDiagnostic[]>();
    const files = new TermbaseFiles(access, { diagnostics: (uri, d) => published.set(uri, d), log: () => undefined });
    const layers = await files.refresh([FOLDER], async () => ({ glossaries: DEFAULT_GLOSSARIES, termbaseFile: 'terms.csv' }));
    expect(layers).toEqual([]);
    expect(published.get('file:///ws/glossary.csv')?.map((d) => [d.line, d.severity, d.message])).toEqual([
      [1, 'information', 'no Chinese term in this file: not used as a glossary (name it in fintechGlossary.glossaries to use it anyway)'],
    ]);
    // named, it is used, and its row's problem is shown
    await files.refresh([FOLDER], async () => ({ glossaries: ['glossary.csv'], termbaseFile: 'terms.csv' }));
    expect(published.get('file:///ws/glossary.csv')?.map((d) => [d.line, d.message])).toEqual([
      [3, 'row 3: no Chinese or English term; skipped'],
    ]);
  });
});

describe('a named termbase that is a folder', () => {
  it('is said once in the log, plainly, and never read', async () => {
    const access: FileAccess = {
      ...filesOf({}),
      exists: async (uri) => uri === 'file:///ws/terms',
      isDirectory: async (uri) => uri === 'file:///ws/terms',
      read: async () => {
        throw new Error('EISDIR: illegal operation on a directory, read');
      },
    };
    const logs: string[] = [];
    const files = new TermbaseFiles(access, { diagnostics: () => undefined, log: (m) => logs.push(m) });
    const layers = await files.refresh([FOLDER], async () => ({ glossaries: ['terms'], termbaseFile: 'terms.csv' }));
    expect([layers, logs.filter((m) => m.includes('terms ') || m.includes('EISDIR'))]).toEqual([
      [],
      ['glossary terms (in ws) is a directory, not a file'],
    ]);
  });
});

describe('a termbase path with ..', () => {
  it('names the file by the URI the editor and the watchers give it', async () => {
    expect(joinUri('file:///repo/docs', '../shared/terms.csv')).toBe('file:///repo/shared/terms.csv');
    expect(joinUri('file:///repo/', './terms/../glossary.csv')).toBe('file:///repo/glossary.csv');
    expect(joinUri('file:///repo', 'terms\\client team.tbx')).toBe('file:///repo/terms/client%20team.tbx');
    expect(joinUri('vscode-vfs://github/o/r', 'a/../b.csv')).toBe('vscode-vfs://github/o/r/b.csv');
    // read, its problems published and its changes seen under that URI
    const access = filesOf({ 'file:///repo/shared/terms.csv': 'zh-CN,en\n区块链,blockchain\n,\n' });
    const published = new Map<string, TermbaseDiagnostic[]>();
    const files = new TermbaseFiles(access, { diagnostics: (uri, d) => published.set(uri, d), log: () => undefined });
    const layers = await files.refresh([{ uri: 'file:///repo/docs', name: 'docs' }], async () => ({
      glossaries: ['../shared/terms.csv'],
      termbaseFile: 'terms.csv',
    }));
    expect(layers.map((l) => l.uri)).toEqual(['file:///repo/shared/terms.csv']);
    expect([...published.keys()]).toEqual(['file:///repo/shared/terms.csv']);
    expect(files.has('file:///repo/shared/terms.csv')).toBe(true);
  });
});
