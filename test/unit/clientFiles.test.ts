// The web build's termbase discovery: the Web Worker reads and finds the workspace's files through
// the client (`clientFiles`), and says what the Node server says of a termbase path that names a
// folder and of a search that stopped at its limit.
import type { Connection } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { clientFiles } from '../../server/src/clientFiles';
import { type FileAccess, TermbaseFiles } from '../../server/src/termbases';

const FOLDER = { uri: 'vscode-vfs://github/o/r', name: 'r' };

/** A client answering the worker's file requests over `files` (URI → text), as the web client does with workspace.fs. */
function client(files: Record<string, string>, asked: unknown[] = [], answers: Record<string, boolean> = { isDirectory: true }) {
  const isFolder = (uri: string) => Object.keys(files).some((f) => f.startsWith(`${uri}/`));
  const connection = {
    sendRequest: async (type: { method: string }, params: { uri?: string; folderUri?: string; limit?: number }) => {
      asked.push([type.method, params.uri ?? params.folderUri, ...(params.limit !== undefined ? [params.limit] : [])]);
      switch (type.method) {
        case 'fintechGlossary/readFile':
          return params.uri! in files ? { text: files[params.uri!] } : null;
        case 'fintechGlossary/fileExists':
          return params.uri! in files || isFolder(params.uri!);
        case 'fintechGlossary/isDirectory':
          if (!answers.isDirectory) throw new Error('Unhandled method fintechGlossary/isDirectory');
          return isFolder(params.uri!);
        case 'fintechGlossary/findFiles':
          return Object.keys(files)
            .filter((u) => u.startsWith(`${params.folderUri}/`))
            .slice(0, params.limit);
        default:
          throw new Error(`unexpected ${type.method}`);
      }
    },
  };
  return clientFiles(connection as unknown as Connection);
}

describe('the web build’s files, through the client', () => {
  it('tells a search that stopped at its limit: it asks for one name more, and returns the limit', async () => {
    const files = Object.fromEntries([1, 2, 3, 4].map((n) => [`${FOLDER.uri}/t${n}.tbx`, '']));
    const asked: unknown[] = [];
    let stopped = 0;
    const found = await client(files, asked).find(
      FOLDER.uri,
      () => true,
      3,
      ['**/*.tbx'],
      () => stopped++,
    );
    expect([found, stopped, asked]).toEqual([
      [`${FOLDER.uri}/t1.tbx`, `${FOLDER.uri}/t2.tbx`, `${FOLDER.uri}/t3.tbx`],
      1,
      [['fintechGlossary/findFiles', FOLDER.uri, 4]],
    ]);
    // as many names as the limit: nothing was left unsearched
    expect(
      await client(files).find(
        FOLDER.uri,
        () => true,
        4,
        ['**/*.tbx'],
        () => stopped++,
      ),
    ).toHaveLength(4);
    expect(stopped).toBe(1);
  });

  it('searches up to the Node search’s limit, 200,000 names, by default', async () => {
    const asked: unknown[] = [];
    await client({}, asked).find(FOLDER.uri, () => true, undefined, ['**/*.tbx']);
    expect(asked).toEqual([['fintechGlossary/findFiles', FOLDER.uri, 200001]]);
  });

  it('asks whether a path is a folder; a client that cannot answer makes it no folder', async () => {
    const files = { [`${FOLDER.uri}/terms/a.csv`]: 'zh-CN,en\n区块链,blockchain\n' };
    expect(await client(files).isDirectory?.(`${FOLDER.uri}/terms`)).toBe(true);
    expect(await client(files).isDirectory?.(`${FOLDER.uri}/terms/a.csv`)).toBe(false);
    expect(await client(files, [], { isDirectory: false }).isDirectory?.(`${FOLDER.uri}/terms`)).toBe(false);
  });
});

describe('the web build’s termbase discovery says what the Node server says', () => {
  const refresh = async (access: FileAccess, glossaries: string[]) => {
    const logs: string[] = [];
    const stopped: unknown[] = [];
    const files = new TermbaseFiles(access, {
      diagnostics: () => undefined,
      log: (m) => logs.push(m),
      searchStopped: (folderUri, limit, globs) => stopped.push([folderUri, limit, globs]),
    });
    const layers = await files.refresh([FOLDER], async () => ({ glossaries, termbaseFile: 'glossary.csv' }));
    return { layers: layers.map((l) => l.uri), logs, stopped };
  };

  it('a termbase path that names a folder: one plain line in the log, and the folder is not read', async () => {
    const asked: unknown[] = [];
    const access = client({ [`${FOLDER.uri}/terms/a.csv`]: 'zh-CN,en\n区块链,blockchain\n' }, asked);
    const { layers, logs } = await refresh(access, ['terms']);
    expect([layers, logs]).toEqual([[], ['glossary terms (in r) is a directory, not a file']]);
    expect(asked.filter((a) => (a as string[])[0] === 'fintechGlossary/readFile')).toEqual([]);
  });

  it('a search that stopped at its limit is told to the reporter, with the folder, the limit and the globs', async () => {
    // 200,001 termbases found: the client answers with the one name more than the limit
    const many: Record<string, string> = {};
    for (let n = 0; n <= 200_000; n++) many[`${FOLDER.uri}/t${n}.tbx`] = '';
    const access: FileAccess = { ...client(many), read: async () => 'zh-CN,en\n区块链,blockchain\n' };
    const { stopped } = await refresh({ ...access, find: (f, a, l, g, o) => access.find(f, (p) => p === 't1.tbx' && a(p), l, g, o) }, [
      '**/*.tbx',
    ]);
    expect(stopped).toEqual([[FOLDER.uri, 200000, ['**/*.tbx']]]);
  });
});
