/**
 * *Add to Project Termbase* from the palette, over LSP: the client asks the server what it would
 * write for the selection (the counterpart from the glossary when it knows the term), the user
 * confirms or edits the counterpart, and the server appends exactly that to the folder's termbase;
 * the next hover shows it.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type LspSession, shutdown, startServer } from './lspClient';
import { waitFor } from './waitFor';

const sessions: LspSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await shutdown(s).catch(() => s.process.kill());
});

async function open(settings: Record<string, unknown> = {}, locale?: string, applyEdit = false, files: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'fg-add-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const uri = pathToFileURL(dir).href;
  const s = startServer();
  sessions.push(s);
  s.settings.fintechGlossary = settings;
  const shown: string[] = [];
  s.connection.onNotification('window/showMessage', (p: { message: string }) => shown.push(p.message));
  await s.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'ws' }],
    capabilities: { workspace: { configuration: true, ...(applyEdit ? { applyEdit: true } : {}) } },
    ...(locale ? { locale } : {}),
  });
  await s.connection.sendNotification('initialized', {});
  const doc = `${uri}/notes.md`;
  await s.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: doc, languageId: 'markdown', version: 1, text: '区块链\n佐贝克斯\n' },
  });
  const hover = async (line: number) =>
    (
      await s.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: doc },
        position: { line, character: 1 },
      })
    )?.contents.value ?? null;
  return { s, dir, uri, doc, hover, shown };
}

describe('Add to Project Termbase (palette)', () => {
  it('suggests the counterpart from the glossary, or from the selection', async () => {
    const { s, uri } = await open();
    const suggest = (text: string) => s.connection.sendRequest('fintechGlossary/termbaseSuggestion', { text, folderUri: uri });
    expect(await suggest('区块链')).toEqual({ zh: '区块链', en: 'blockchain', first: 'zh', fromGlossary: true, file: 'glossary.csv' });
    expect(await suggest('blockchain')).toEqual({ zh: '区块链', en: 'blockchain', first: 'en', fromGlossary: true, file: 'glossary.csv' });
    expect(await suggest('佐贝克斯')).toEqual({ zh: '佐贝克斯', en: '', first: 'zh', fromGlossary: false, file: 'glossary.csv' });
    expect(await suggest('zorbex 佐贝克斯')).toEqual({
      zh: '佐贝克斯',
      en: 'zorbex',
      first: 'en',
      fromGlossary: false,
      file: 'glossary.csv',
    });
    // no folder that way: a clear error
    await expect(
      s.connection.sendRequest('fintechGlossary/termbaseSuggestion', { text: '区块链', folderUri: 'file:///elsewhere' }),
    ).rejects.toThrow('open a folder to add terms to its termbase');
  });

  it('writes what the user confirmed to the folder’s termbase, quietly, and the next hover shows it', async () => {
    const { s, dir, uri, hover, shown } = await open({ termbaseFile: 'terms/team.csv' });
    expect(await hover(1)).toBeNull();
    const result = await s.connection.sendRequest('workspace/executeCommand', {
      command: 'fintechGlossary.server.addToTermbase',
      arguments: [{ folderUri: uri, zh: '佐贝克斯', en: 'escrow robot', quiet: true }],
    });
    expect(result).toEqual({ file: `${uri}/terms/team.csv`, zh: '佐贝克斯', en: 'escrow robot' });
    expect(readFileSync(join(dir, 'terms', 'team.csv'), 'utf8')).toBe('zh-Hans,en\n佐贝克斯,escrow robot\n');
    expect(await hover(1)).toContain('**佐贝克斯** · 佐貝克斯 · escrow robot');
    // an empty counterpart stays empty (the glossary's is not put back)
    await s.connection.sendRequest('workspace/executeCommand', {
      command: 'fintechGlossary.server.addToTermbase',
      arguments: [{ folderUri: uri, zh: '区块链', en: '', quiet: true }],
    });
    expect(readFileSync(join(dir, 'terms', 'team.csv'), 'utf8')).toBe('zh-Hans,en\n佐贝克斯,escrow robot\n区块链,\n');
    expect(shown).toEqual([]);
  });

  it('speaks the client’s language: the code action’s title and the message once added', async () => {
    const { s, doc, shown } = await open({}, 'zh-TW');
    const actions = await s.connection.sendRequest<{ title: string; command?: { command: string; arguments: unknown[] } }[]>(
      'textDocument/codeAction',
      {
        textDocument: { uri: doc },
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } },
        context: { diagnostics: [] },
      },
    );
    const add = actions.find((a) => a.command?.command === 'fintechGlossary.server.addToTermbase');
    expect(add?.title).toBe('將「佐贝克斯」新增至專案術語庫');
    await s.connection.sendRequest('workspace/executeCommand', add!.command);
    await waitFor(() => shown.length > 0);
    expect(shown).toEqual(['已將 佐贝克斯 新增至 glossary.csv']);
  });

  it('a term the termbase has already, with that counterpart, is not added twice; it says so', async () => {
    const { s, dir, uri, shown } = await open({}, undefined, false, { 'glossary.csv': 'zh-Hans,en\n佐贝克斯,Escrow Robot\n' });
    const add = (zh: string, en: string) =>
      s.connection.sendRequest('workspace/executeCommand', {
        command: 'fintechGlossary.server.addToTermbase',
        arguments: [{ folderUri: uri, zh, en }],
      });
    expect(await add('佐贝克斯', 'escrow robot')).toEqual({
      file: `${uri}/glossary.csv`,
      zh: '佐贝克斯',
      en: 'escrow robot',
      existing: true,
    });
    await waitFor(() => shown.length > 0);
    expect(shown).toEqual(['佐贝克斯 · escrow robot is already in glossary.csv']);
    // another counterpart is another row
    await add('佐贝克斯', 'escrow bot');
    expect(readFileSync(join(dir, 'glossary.csv'), 'utf8')).toBe('zh-Hans,en\n佐贝克斯,Escrow Robot\n佐贝克斯,escrow bot\n');
  });

  it('an absolute termbaseFile is not used (a path inside the folder is): the default file is', async () => {
    const { s, dir, uri } = await open({ termbaseFile: join(tmpdir(), 'outside.csv') });
    const result = await s.connection.sendRequest('workspace/executeCommand', {
      command: 'fintechGlossary.server.addToTermbase',
      arguments: [{ folderUri: uri, zh: '佐贝克斯', en: 'escrow robot', quiet: true }],
    });
    expect(result).toMatchObject({ file: `${uri}/glossary.csv` });
    expect(readFileSync(join(dir, 'glossary.csv'), 'utf8')).toBe('zh-Hans,en\n佐贝克斯,escrow robot\n');
  });

  it('refuses a multi-line or overlong term and writes nothing', async () => {
    const { s, dir, uri } = await open();
    for (const args of [{ folderUri: uri, zh: '区块\n链' }, { folderUri: uri, en: 'x'.repeat(201) }, { folderUri: uri }]) {
      await expect(
        s.connection.sendRequest('workspace/executeCommand', { command: 'fintechGlossary.server.addToTermbase', arguments: [args] }),
      ).rejects.toThrow(/invalid params/);
    }
    expect(() => readFileSync(join(dir, 'glossary.csv'))).toThrow();
  });

  it('puts the row into an open termbase as an editor edit: its unsaved lines stay unsaved, the disk untouched', async () => {
    const saved = 'zh-Hans,en\n区块链,blockchain\n';
    const { s, dir, uri, hover } = await open({ termbaseFile: 'terms/team.csv' }, undefined, true, { 'terms/team.csv': saved });
    const file = `${uri}/terms/team.csv`;
    // the translator has typed a row and not saved it yet
    let text = `${saved}稳定币,stablecoin\n`;
    let version = 1;
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: file, languageId: 'csv', version, text } });
    const edits: unknown[] = [];
    s.connection.onRequest('workspace/applyEdit', async (p: { edit: { documentChanges: Ed[] } }) => {
      edits.push(p.edit);
      const [change] = p.edit.documentChanges;
      expect(change!.textDocument).toEqual({ uri: file, version });
      for (const e of change!.edits)
        text = text.slice(0, offsetAt(text, e.range.start)) + e.newText + text.slice(offsetAt(text, e.range.end));
      await s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: file, version: ++version },
        contentChanges: [{ text }],
      });
      return { applied: true };
    });
    await s.connection.sendRequest('workspace/executeCommand', {
      command: 'fintechGlossary.server.addToTermbase',
      arguments: [{ folderUri: uri, zh: '佐贝克斯', en: 'escrow robot', quiet: true }],
    });
    expect(edits).toHaveLength(1);
    expect(text).toBe('zh-Hans,en\n区块链,blockchain\n稳定币,stablecoin\n佐贝克斯,escrow robot\n');
    expect(readFileSync(join(dir, 'terms', 'team.csv'), 'utf8')).toBe(saved);
    expect(await hover(1)).toContain('**佐贝克斯** · 佐貝克斯 · escrow robot');
  });

  it('says so, and writes nothing, when the editor does not apply the edit', async () => {
    const saved = 'zh-Hans,en\n区块链,blockchain\n';
    const { s, dir, uri } = await open({ termbaseFile: 'team.csv' }, undefined, true, { 'team.csv': saved });
    const file = `${uri}/team.csv`;
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: file, languageId: 'csv', version: 1, text: saved },
    });
    s.connection.onRequest('workspace/applyEdit', () => ({ applied: false, failureReason: 'the file is read-only' }));
    await expect(
      s.connection.sendRequest('workspace/executeCommand', {
        command: 'fintechGlossary.server.addToTermbase',
        arguments: [{ folderUri: uri, zh: '佐贝克斯', en: 'escrow robot', quiet: true }],
      }),
    ).rejects.toThrow('team.csv was not changed: the file is read-only');
    expect(readFileSync(join(dir, 'team.csv'), 'utf8')).toBe(saved);
  });
});

interface Ed {
  textDocument: { uri: string; version: number };
  edits: { range: { start: Pos; end: Pos }; newText: string }[];
}
interface Pos {
  line: number;
  character: number;
}
/** The offset of an LSP position in `text` (lines split at \n, as the server's documents do here). */
function offsetAt(text: string, p: Pos): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + p.character;
}
