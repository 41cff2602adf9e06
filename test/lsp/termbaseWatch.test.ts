/**
 * Termbase files coming and going while the server runs, as an editor sees it: new files in new
 * subdirectories, deleted and renamed files and directories (through the client's watcher and
 * through the server's own, for clients that do not watch), workspace folders added and removed,
 * and unsaved edits to an open termbase file.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type LspSession, shutdown, startServer } from './lspClient';
import { askUntil, waitFor } from './waitFor';

const row = (en: string, zh: string, definition: string) => `${en},${zh},${definition}\n`;
const HEAD = 'en,zh-CN,definition\n';
const tbx = (en: string, zh: string) => `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>${en}</term></termSec></langSec>
<langSec xml:lang="zh-CN"><termSec><term>${zh}</term></termSec></langSec></conceptEntry>
</body></text></tbx>
`;

/** The document hovered: one made-up term a line, none of them in the bundled glossary. */
const TERMS = ['佐贝克斯', '奎拉币', '墨菲账本', '格洛登'];

function folder(name: string): { dir: string; uri: string; name: string } {
  const dir = mkdtempSync(join(tmpdir(), `fg-${name}-`));
  return { dir, uri: pathToFileURL(dir).href, name };
}

const sessions: LspSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await shutdown(s).catch(() => s.process.kill());
});

interface Registration {
  id: string;
  method: string;
  registerOptions: { watchers: { globPattern: unknown; kind?: number }[] };
}

async function start(folders: { uri: string; name: string }[], watch: boolean) {
  const s = startServer();
  sessions.push(s);
  s.settings.fintechGlossary = {};
  const diagnostics = new Map<string, { message: string }[]>();
  s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { message: string }[] }) =>
    diagnostics.set(p.uri, p.diagnostics),
  );
  const registered: Registration[] = [];
  const unregistered: string[] = [];
  s.connection.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
    registered.push(...p.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles'));
    return null;
  });
  s.connection.onRequest('client/unregisterCapability', (p: { unregisterations: { id: string }[] }) => {
    unregistered.push(...p.unregisterations.map((u) => u.id));
    return null;
  });
  const init = await s.connection.sendRequest<{ capabilities: { workspace?: unknown } }>('initialize', {
    processId: process.pid,
    rootUri: folders[0]?.uri ?? null,
    workspaceFolders: folders,
    capabilities: {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: watch, relativePatternSupport: true },
      },
    },
  });
  await s.connection.sendNotification('initialized', {});
  const doc = 'untitled:notes.md';
  await s.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: doc, languageId: 'markdown', version: 1, text: TERMS.join('\n') },
  });
  /** The hover card on line `line` of the notes, or null. */
  const hover = async (line: number) =>
    (
      await s.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: doc },
        position: { line, character: 1 },
      })
    )?.contents.value ?? null;
  /** Hover until `ok` holds (the server's own watcher and debounces take their time). */
  const hoverUntil = (line: number, ok: (card: string | null) => boolean) => askUntil(() => hover(line), ok);
  const changed = (changes: { uri: string; type: number }[]) =>
    s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  return { s, init, hover, hoverUntil, changed, registered, unregistered, diagnostics };
}

const settle = () => new Promise((r) => setTimeout(r, 400));

describe('the server’s own watcher (a client that does not watch)', () => {
  it('sees a termbase created in a new subdirectory, a renamed one and a deleted directory', async () => {
    const ws = folder('own');
    writeFileSync(join(ws.dir, 'glossary.csv'), HEAD + row('zorbex', TERMS[0]!, 'From the first sheet.'));
    const { hover, hoverUntil, registered } = await start([ws], false);
    expect(registered).toEqual([]);
    expect(await hover(0)).toContain('From the first sheet');
    expect(await hover(1)).toBeNull();
    await settle();
    // a new directory, two levels deep, holding a TBX file
    mkdirSync(join(ws.dir, 'client', 'terms'), { recursive: true });
    writeFileSync(join(ws.dir, 'client', 'terms', 'client.tbx'), tbx('quilla coin', TERMS[1]!));
    expect(await hoverUntil(1, (c) => c !== null)).toContain('quilla coin');
    // a file created later in that new directory is seen too
    await settle();
    writeFileSync(join(ws.dir, 'client', 'terms', 'more.tbx'), tbx('murphy ledger', TERMS[2]!));
    expect(await hoverUntil(2, (c) => c !== null)).toContain('murphy ledger');
    // renamed to a name the settings do not match: its terms go; renamed back: they return
    renameSync(join(ws.dir, 'glossary.csv'), join(ws.dir, 'old.csv'));
    expect(await hoverUntil(0, (c) => c === null)).toBeNull();
    renameSync(join(ws.dir, 'old.csv'), join(ws.dir, 'glossary.csv'));
    expect(await hoverUntil(0, (c) => c !== null)).toContain('From the first sheet');
    // the directory deleted: both of its files' terms go
    rmSync(join(ws.dir, 'client'), { recursive: true });
    expect(await hoverUntil(1, (c) => c === null)).toBeNull();
    expect(await hover(2)).toBeNull();
    expect(await hover(0)).toContain('From the first sheet');
  });
});

describe('the client’s watcher', () => {
  it('is asked for creations and deletions of anything too, and a directory moved in or out counts', async () => {
    const ws = folder('client');
    const { hover, changed, registered } = await start([ws], true);
    // the settings' globs, and everything created or deleted (directories moved in or out)
    await waitFor(() => registered.length > 0);
    expect(registered).toHaveLength(1);
    expect(registered[0]!.registerOptions.watchers).toContainEqual({ globPattern: { baseUri: ws.uri, pattern: '**/*.tbx' } });
    expect(registered[0]!.registerOptions.watchers).toContainEqual({ globPattern: { baseUri: ws.uri, pattern: '**/*' }, kind: 5 });
    expect(await hover(1)).toBeNull();
    // a directory moved in: the client reports the directory only
    const outside = folder('outside');
    mkdirSync(join(outside.dir, 'terms'));
    writeFileSync(join(outside.dir, 'terms', 'a.tbx'), tbx('quilla coin', TERMS[1]!));
    renameSync(join(outside.dir, 'terms'), join(ws.dir, 'terms'));
    await changed([{ uri: `${ws.uri}/terms`, type: 1 }]);
    expect(await hover(1)).toContain('quilla coin');
    // ... and moved out again: the directory's deletion only
    renameSync(join(ws.dir, 'terms'), join(outside.dir, 'terms'));
    await changed([{ uri: `${ws.uri}/terms`, type: 3 }]);
    expect(await hover(1)).toBeNull();
    // a file renamed: deleted under the old name, created under the new
    writeFileSync(join(ws.dir, 'glossary.csv'), HEAD + row('gloden', TERMS[3]!, 'Renamed soon.'));
    await changed([{ uri: `${ws.uri}/glossary.csv`, type: 1 }]);
    expect(await hover(3)).toContain('Renamed soon');
    renameSync(join(ws.dir, 'glossary.csv'), join(ws.dir, 'termbase.csv'));
    await changed([
      { uri: `${ws.uri}/glossary.csv`, type: 3 },
      { uri: `${ws.uri}/termbase.csv`, type: 1 },
    ]);
    expect(await hover(3)).toContain('[termbase\\.csv\\:2]');
  });

  it('follows a change of the glossaries setting: new globs registered, the old registration dropped', async () => {
    const ws = folder('setting');
    writeFileSync(join(ws.dir, 'team.terms'), HEAD + row('zorbex', TERMS[0]!, 'A sheet with its own extension.'));
    const { s, hover, registered, unregistered } = await start([ws], true);
    expect(await hover(0)).toBeNull();
    s.settings.fintechGlossary = { glossaries: ['*.terms'] };
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect(
      await askUntil(
        () => hover(0),
        (card) => card !== null,
      ),
    ).toContain('A sheet with its own extension');
    await waitFor(() => registered.length > 1 && unregistered.length > 0);
    expect(registered).toHaveLength(2);
    expect(registered[1]!.registerOptions.watchers).toContainEqual({ globPattern: { baseUri: ws.uri, pattern: '*.terms' } });
    expect(unregistered).toEqual([registered[0]!.id]);
  });
});

describe('workspace folders', () => {
  it('a folder added loads its termbases; removed, unloads them and clears their diagnostics', async () => {
    const a = folder('a');
    const b = folder('b');
    writeFileSync(join(a.dir, 'glossary.csv'), HEAD + row('zorbex', TERMS[0]!, 'From folder a.'));
    writeFileSync(join(b.dir, 'glossary.csv'), `${HEAD}${row('quilla coin', TERMS[1]!, 'From folder b.')},,a broken row\n`);
    const { s, init, hover, diagnostics } = await start([a], true);
    expect(init.capabilities.workspace).toEqual({ workspaceFolders: { supported: true, changeNotifications: true } });
    expect(await hover(1)).toBeNull();
    await s.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [b], removed: [] } });
    // two folders now: labels name the folder
    expect(await hover(1)).toContain('[b\\/glossary\\.csv\\:2]');
    expect(await hover(0)).toContain('[a\\/glossary\\.csv\\:2]');
    expect(diagnostics.get(`${b.uri}/glossary.csv`)).toHaveLength(1);
    await s.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [a] } });
    expect(await hover(0)).toBeNull();
    expect(await hover(1)).toContain('[glossary\\.csv\\:2]');
    await s.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [b] } });
    expect(await hover(1)).toBeNull();
    expect(diagnostics.get(`${b.uri}/glossary.csv`)).toEqual([]);
  });

  it('a second initialize, refused, leaves the folder events working (the library does not re-initialize)', async () => {
    const a = folder('a');
    const b = folder('b');
    writeFileSync(join(b.dir, 'glossary.csv'), HEAD + row('quilla coin', TERMS[1]!, 'From folder b.'));
    const { s, hover } = await start([a], true);
    await expect(
      s.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: [],
        capabilities: { workspace: { workspaceFolders: true } },
      }),
    ).rejects.toMatchObject({ code: -32600 });
    await s.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [b], removed: [] } });
    expect(await hover(1)).toContain('From folder b');
  });
});

describe('an open termbase file', () => {
  it('unsaved edits count (debounced); closed unsaved, the file on disk counts again', async () => {
    const ws = folder('open');
    const text = HEAD + row('zorbex', TERMS[0]!, 'On disk.');
    writeFileSync(join(ws.dir, 'glossary.csv'), text);
    const { s, hover, hoverUntil } = await start([ws], true);
    expect(await hover(0)).toContain('On disk');
    const uri = `${ws.uri}/glossary.csv`;
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        {
          range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
          text: row('quilla coin', TERMS[1]!, 'Typed and not saved.'),
        },
      ],
    });
    expect(await hoverUntil(1, (c) => c !== null)).toContain('Typed and not saved');
    await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect(await hoverUntil(1, (c) => c === null)).toBeNull();
    expect(await hover(0)).toContain('On disk');
  });
});
