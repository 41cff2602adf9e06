/**
 * The user's termbases over LSP, as an editor sees them: a workspace folder with a TBX and a CSV
 * file; hovers in simplified, traditional and English show the user's terms (labelled with their
 * file and line); a change to a file shows in the next hover without a restart (through
 * workspace/didChangeWatchedFiles, and through the server's own watching for clients without it);
 * a broken row is a diagnostic at its line; "Add to termbase" writes the file and the next hover
 * shows the term.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type LspSession, shutdown, startServer } from './lspClient';
import { askUntil, waitFor } from './waitFor';

const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="client-sandbox">
  <descrip type="subjectField">regulation</descrip>
  <langSec xml:lang="en">
    <descrip type="definition">The client's word for a supervised test regime.</descrip>
    <termSec><term>regulatory sandbox</term></termSec>
  </langSec>
  <langSec xml:lang="zh-CN">
    <termSec><term>监理沙箱</term></termSec>
  </langSec>
</conceptEntry>
</body></text>
</tbx>
`;

const CSV =
  'en,zh-CN,definition\r\nblockchain,区块链,Our client calls it a chain ledger.\r\nsettlement token,清算代币,A token used to settle trades.\r\n,,only a definition\r\n';

interface Diagnostics {
  uri: string;
  diagnostics: { range: { start: { line: number; character: number } }; severity: number; message: string }[];
}

function workspace(): { dir: string; uri: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fg-ws-'));
  mkdirSync(join(dir, 'terms'));
  writeFileSync(join(dir, 'terms', 'client.tbx'), TBX);
  writeFileSync(join(dir, 'glossary.csv'), CSV);
  return { dir, uri: pathToFileURL(dir).href };
}

const sessions: LspSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await shutdown(s).catch(() => s.process.kill());
});

async function open(dir: { uri: string }, watch: boolean, settings: Record<string, unknown> = {}, configurationFails = false) {
  const s = startServer();
  sessions.push(s);
  s.settings.fintechGlossary = settings;
  if (configurationFails)
    s.connection.onRequest('workspace/configuration', () => {
      throw new Error('this client keeps no settings');
    });
  const diagnostics = new Map<string, Diagnostics['diagnostics']>();
  s.connection.onNotification('textDocument/publishDiagnostics', (p: Diagnostics) => diagnostics.set(p.uri, p.diagnostics));
  const registered: unknown[] = [];
  s.connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions: unknown }[] }) => {
    registered.push(...p.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').map((r) => r.registerOptions));
    return null;
  });
  await s.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: dir.uri,
    workspaceFolders: [{ uri: dir.uri, name: 'ws' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: watch, relativePatternSupport: true } },
    },
  });
  await s.connection.sendNotification('initialized', {});
  const doc = `${dir.uri}/notes.md`;
  const text = '监理沙箱\n監理沙箱\nregulatory sandbox\n区块链\n清算代币\nzorbex\n';
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'markdown', version: 1, text } });
  const hover = async (line: number, character = 1) =>
    (
      await s.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: doc },
        position: { line, character },
      })
    )?.contents.value ?? null;
  return { s, doc, hover, diagnostics, registered };
}

describe('termbases in the workspace', () => {
  it('hover shows the user term in simplified, traditional and English, labelled with its file and line', async () => {
    const ws = workspace();
    const { hover } = await open(ws, true);
    const simplified = await hover(0);
    expect(simplified).toContain('**监理沙箱** · 監理沙箱 · regulatory sandbox');
    expect(simplified).toContain(`*From your termbase* [terms\\/client\\.tbx\\:4](${ws.uri}/terms/client.tbx#L4)`);
    expect(simplified).toContain("The client\\'s word for a supervised test regime\\.");
    expect(await hover(1)).toBe(simplified);
    // English only shared with the bundled 监管沙盒: the user's card first, the bundled concept apart
    const english = (await hover(2, 3))!;
    expect(english.startsWith('**监理沙箱**')).toBe(true);
    expect(english).toContain('*Also means:* 监管沙盒 regulatory sandbox');
    expect(english).not.toContain('**监管沙盒**');
  });

  it('a client that answers workspace/configuration with an error still gets the workspace’s termbases', async () => {
    const { hover, s } = await open(workspace(), true, {}, true);
    expect(await hover(0)).toContain('**监理沙箱** · 監理沙箱 · regulatory sandbox');
    expect(s.stderr()).toBe('');
  });

  it('a user entry sharing a Chinese form with a bundled concept is one card, the user first', async () => {
    const { hover } = await open(workspace(), true);
    const card = (await hover(3))!;
    const parts = card.split('\n\n---\n\n');
    const user = card.indexOf('Our client calls it a chain ledger');
    const bundled = card.indexOf('*Definitions:* Fintech Glossary editors');
    expect(user).toBeGreaterThan(0);
    expect(bundled).toBeGreaterThan(user);
    expect(parts.length).toBeGreaterThan(2);
    expect(card).toContain('[glossary\\.csv\\:2]');
    expect(await hover(4)).toContain('**清算代币** · 清算代幣 · settlement token');
  });

  it('a broken row is a diagnostic at its line on the glossary file; the rest loads', async () => {
    const ws = workspace();
    const { hover, diagnostics } = await open(ws, true);
    await hover(0);
    expect(diagnostics.get(`${ws.uri}/glossary.csv`)).toEqual([
      expect.objectContaining({
        range: expect.objectContaining({ start: { line: 3, character: 0 } }),
        severity: 2,
        message: 'row 4: no Chinese or English term; skipped',
      }),
    ]);
    expect(diagnostics.get(`${ws.uri}/terms/client.tbx`)).toEqual([]);
  });

  it('a YAML termbase with a badly indented entry: an error at its line, a script warning, the other entries load', async () => {
    const ws = workspace();
    // (昇腾 is the bundled glossary's own simplified form: no script warning)
    writeFileSync(
      join(ws.dir, 'team.yaml'),
      '- zh: 銀行\n  en: [bank teller]\n- zh: 保理乙\n en: [factoring b]\n- zh: 佐贝克斯\n  en: [zorbex]\n- zh: 昇腾\n  en: [Ascend chip]\n',
    );
    const { hover, diagnostics } = await open(ws, true, { glossaries: ['team.yaml'] });
    // the entry after the broken one loads
    expect(await hover(5)).toContain('**佐贝克斯**');
    expect(diagnostics.get(`${ws.uri}/team.yaml`)).toEqual([
      expect.objectContaining({
        range: expect.objectContaining({ start: { line: 0, character: 6 } }),
        severity: 2,
        message: 'entry 1: 銀行 has traditional characters (銀), but the zh field is simplified Chinese (银行?)',
      }),
      expect.objectContaining({
        range: expect.objectContaining({ start: { line: 3, character: 0 } }),
        severity: 1,
        message: 'entry 2: YAML: Sequence item without - indicator; skipped',
      }),
    ]);
  });

  it('the client is asked to watch the setting’s globs, and a changed file shows in the next hover', async () => {
    const ws = workspace();
    const { s, hover, registered } = await open(ws, true);
    expect(await hover(5)).toBeNull();
    writeFileSync(join(ws.dir, 'glossary.csv'), `${CSV}zorbex,佐贝克斯,Client wording for an automated escrow agent.\r\n`);
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${ws.uri}/glossary.csv`, type: 2 }] });
    expect(await hover(5)).toContain('Client wording for an automated escrow agent');
    expect(registered).toContainEqual({ watchers: expect.arrayContaining([{ globPattern: { baseUri: ws.uri, pattern: '**/*.tbx' } }]) });
    // and a deleted file takes its terms with it
    writeFileSync(join(ws.dir, 'terms', 'client.tbx'), '<tbx><text><body></body></text></tbx>');
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${ws.uri}/terms/client.tbx`, type: 2 }] });
    expect(await hover(0)).toBeNull();
  });

  it('after a change, the next hover has the user layer anew over the same bundled terms', async () => {
    const ws = workspace();
    const { s, hover } = await open(ws, true);
    expect(await hover(3)).toContain('Our client calls it a chain ledger');
    // 区块链 leaves the sheet, zorbex comes in; the TBX file is unchanged
    const edited = CSV.replace('blockchain,区块链,Our client calls it a chain ledger.\r\n', '').concat(
      'zorbex,佐贝克斯,An automated escrow agent.\r\n',
    );
    writeFileSync(join(ws.dir, 'glossary.csv'), edited);
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${ws.uri}/glossary.csv`, type: 2 }] });
    expect(await hover(5)).toContain('An automated escrow agent');
    const chain = (await hover(3))!;
    expect(chain).not.toContain('Our client calls it');
    expect(chain).toContain('*Definitions:* Fintech Glossary editors');
    expect(await hover(0)).toContain('**监理沙箱** · 監理沙箱 · regulatory sandbox');
    expect(await hover(4)).toContain('**清算代币** · 清算代幣 · settlement token');
    // and back: the user's entry and the bundled concept are one card again, the user's first
    writeFileSync(join(ws.dir, 'glossary.csv'), `${edited}blockchain,区块链,Back in the sheet.\r\n`);
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${ws.uri}/glossary.csv`, type: 2 }] });
    const again = (await hover(3))!;
    expect(again.indexOf('Back in the sheet')).toBeGreaterThan(0);
    expect(again.indexOf('*Definitions:* Fintech Glossary editors')).toBeGreaterThan(again.indexOf('Back in the sheet'));
  });

  it('without the client watching (Neovim 0.7), the server notices the change itself', async () => {
    const ws = workspace();
    const { hover, registered } = await open(ws, false);
    expect(registered).toEqual([]);
    expect(await hover(5)).toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(join(ws.dir, 'glossary.csv'), `${CSV}zorbex,佐贝克斯,Seen by the server's own watcher.\r\n`);
    expect(
      await askUntil(
        () => hover(5),
        (card) => card !== null,
      ),
    ).toContain('Seen by the server');
  });

  it('a big .tbx of other XML that a glob finds is turned away from its start; named in the setting, it is read whole', async () => {
    const ws = workspace();
    // 20 MB of XHTML whose tail is bytes UTF-8 cannot read: read whole, it would be refused for those,
    // so the diagnostic about its root shows that only its start was read
    const page = Buffer.from('<?xml version="1.0"?>\n<html><body>\n' + '<p>other XML</p>\n'.repeat(1_233_619));
    writeFileSync(join(ws.dir, 'terms', 'dump.tbx'), Buffer.concat([page, Buffer.from([0xff, 0xfe, 0x0a])]));
    const dump = `${ws.uri}/terms/dump.tbx`;
    const found = await open(ws, true);
    expect(await found.hover(0)).toContain('监理沙箱'); // the other termbases load
    await waitFor(() => found.diagnostics.has(dump));
    expect(found.diagnostics.get(dump)).toEqual([
      expect.objectContaining({
        range: expect.objectContaining({ start: { line: 1, character: 0 } }),
        severity: 1,
        message: 'not a TBX file: the root element is <html>, not <martif> or <tbx>',
      }),
    ]);
    const named = await open(ws, true, { glossaries: ['terms/dump.tbx'] });
    await named.hover(0);
    await waitFor(() => named.diagnostics.has(dump));
    expect(named.diagnostics.get(dump)).toEqual([
      expect.objectContaining({
        range: expect.objectContaining({ start: { line: 1233621, character: 0 } }),
        message: expect.stringMatching(/^not UTF-8 text: line 1233622 has bytes UTF-8 cannot read/),
      }),
    ]);
    rmSync(join(ws.dir, 'terms', 'dump.tbx')); // 20 MB
  });

  it('termbases under node_modules and dot folders are not discovered', async () => {
    const ws = workspace();
    for (const sub of ['node_modules/pkg', '.cache']) {
      mkdirSync(join(ws.dir, sub), { recursive: true });
      writeFileSync(join(ws.dir, sub, 'glossary.csv'), `${CSV}zorbex,佐贝克斯,A vendored sheet nobody chose.\r\n`);
    }
    const { hover } = await open(ws, true);
    expect(await hover(0)).toContain('监理沙箱'); // the workspace's own termbases are loaded
    expect(await hover(5)).toBeNull();
  });

  it('bundledGlossary: false leaves only the user terms', async () => {
    const { hover } = await open(workspace(), true, { bundledGlossary: false });
    expect(await hover(0)).toContain('监理沙箱');
    expect(await hover(2, 3)).not.toContain('Also means');
    expect(await hover(3)).not.toContain('Fintech Glossary editors');
  });

  it('Add to termbase: a code action on a selection writes the file, and the next hover shows the term', async () => {
    const ws = workspace();
    const { s, doc, hover } = await open(ws, true, { termbaseFile: 'team/terms.yaml' });
    const actions = await s.connection.sendRequest<{ title: string; command?: { command: string; arguments: unknown[] } }[]>(
      'textDocument/codeAction',
      {
        textDocument: { uri: doc },
        range: { start: { line: 5, character: 0 }, end: { line: 5, character: 10 } },
        context: { diagnostics: [] },
      },
    );
    // offered beside term QA's own actions for a selection
    const add = actions.filter((a) => a.command?.command === 'fintechGlossary.server.addToTermbase');
    expect(add.map((a) => a.title)).toEqual(['Add “zorbex” to the project termbase']);
    const result = await s.connection.sendRequest<{ zh: string; en: string }>('workspace/executeCommand', add[0]!.command);
    expect(result).toMatchObject({ en: 'zorbex', zh: '' });
    expect(readFileSync(join(ws.dir, 'team', 'terms.yaml'), 'utf8')).toBe('- en: ["zorbex"]\n');
    expect(await hover(5)).toContain('[team\\/terms\\.yaml\\:1]');
    // a term the bundled glossary knows brings its counterpart along
    const known = await s.connection.sendRequest<{ zh: string; en: string }>('workspace/executeCommand', {
      command: 'fintechGlossary.server.addToTermbase',
      arguments: [{ uri: doc, text: '清算代币 settlement coin' }],
    });
    expect(known).toMatchObject({ zh: '清算代币', en: 'settlement coin' });
  });
});
