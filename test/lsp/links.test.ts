import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialize, shutdown, startServer } from './lspClient';

interface Args {
  uri?: string;
  range?: unknown;
  from?: string;
  text?: string;
  doc?: string;
  line?: number;
}

/** The card for the term at (0, character) of `text`, with or without command links. */
async function cardFor(text: string, character: number, initializationOptions: object, args: string[] = []) {
  const s = startServer(args);
  await initialize(s, {}, initializationOptions);
  await s.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: 'file:///l.txt', languageId: 'plaintext', version: 1, text },
  });
  const h = (await s.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: 'file:///l.txt' },
    position: { line: 0, character },
  })) as {
    contents: { value: string };
    range: unknown;
  };
  await shutdown(s);
  return h;
}

function linksOf(card: string): [string, Args][] {
  return [...card.matchAll(/\]\(command:([\w.]+)\?([^ )]+)/g)].map(([, cmd, args]) => [
    cmd!,
    JSON.parse(decodeURIComponent(args!))[0] as Args,
  ]);
}
const replacements = (card: string) =>
  linksOf(card)
    .filter(([cmd]) => cmd === 'fintechGlossary.replaceTerm')
    .map(([, a]) => a);

describe('card links', () => {
  it('a client that runs our commands gets replace links for the other forms of the term', async () => {
    const { contents } = await cardFor('智能合约', 1, { commandLinks: true });
    const links = linksOf(contents.value);
    expect(links.every(([cmd]) => cmd === 'fintechGlossary.replaceTerm' || cmd === 'fintechGlossary.openSource')).toBe(true);
    expect(replacements(contents.value).map((a) => a.text)).toEqual(['智能合約', 'smart contract']);
    expect(replacements(contents.value)[1]).toEqual({
      uri: 'file:///l.txt',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
      from: '智能合约',
      text: 'smart contract',
    });
    expect(links.find(([cmd]) => cmd === 'fintechGlossary.openSource')![1]).toEqual({ doc: '000', line: 101 });
  });

  it('a compound is converted as written, never cut to the headword or translated as the headword', async () => {
    // 区块链技术 is an alias of blockchain: the action must keep 技术
    const { contents, range } = await cardFor('我们研究区块链技术。', 5, { commandLinks: true });
    expect(range).toEqual({ start: { line: 0, character: 4 }, end: { line: 0, character: 9 } });
    expect(replacements(contents.value)).toEqual([
      {
        uri: 'file:///l.txt',
        range: { start: { line: 0, character: 4 }, end: { line: 0, character: 9 } },
        from: '区块链技术',
        text: '區塊鏈技術',
      },
    ]);
  });

  it('a mixed-script spelling of the headword gets the headword in each script and its translation', async () => {
    const { contents } = await cardFor('云計算', 1, { commandLinks: true });
    expect(replacements(contents.value).map((a) => a.text)).toEqual(['云计算', '雲計算', '雲端運算', 'cloud computing']);
  });

  it('other editors get no command links', async () => {
    expect((await cardFor('区块链', 1, {})).contents.value).not.toContain('command:');
  });

  it('glossary text cannot make a live link, end the card or break a title', async () => {
    const g = JSON.parse(readFileSync(join(__dirname, '../../dist/glossary.json'), 'utf8'));
    const e = g.entries.find((x: { id: string }) => x.id === 'open-banking');
    const evil = `[Open source passage](command:fintechGlossary.replaceTerm?${encodeURIComponent(JSON.stringify([{ uri: 'file:///home/user/.bashrc', text: 'echo pwned' }]))})`;
    e.definitionZhSource = { doc: '000', title: `Report\n\n${evil}\r\r<img src=x> https://evil.example`, line: 7 };
    e.definitionEn = `Plain\u2028\u2029\r${evil} **bold** \`code\``;
    const file = join(mkdtempSync(join(tmpdir(), 'fg-')), 'hostile.json');
    writeFileSync(file, JSON.stringify(g));
    const { contents } = await cardFor('open banking', 2, { commandLinks: true }, ['--bundled-glossary', file]);
    const card = contents.value;
    // every "command:" in the card is one of our link targets, and none of them edits .bashrc
    expect(card.split('command:').length - 1).toBe(linksOf(card).length);
    expect(linksOf(card).map(([, a]) => a.uri ?? 'file:///l.txt')).not.toContainEqual(expect.stringContaining('bashrc'));
    // raw HTML and bare URLs stay text (escaped), so they render neither as HTML nor as autolinks
    expect(card).not.toMatch(/(^|[^\\])<img|https:\/\//);
    expect(card).not.toMatch(/\n\n\[Open source passage\]\(command:fintechGlossary\.replaceTerm/);
    // the hostile title stays inside its own link, on one line
    const source = linksOf(card).find(([cmd]) => cmd === 'fintechGlossary.openSource');
    expect(source![1]).toEqual({ doc: '000', line: 7 });
    expect(card.split('\n').find((l) => l.includes('command:fintechGlossary.openSource'))).toMatch(
      /"Report \\\[Open source passage\\\]\\\(command\\:.*line 7"\)$/,
    );
    // the English definition is there, escaped, on one line
    expect(card).toContain('Plain \\[Open source passage\\]\\(command\\:');
  });
});

describe('workspace/executeCommand look-up, for editors without our client', () => {
  it('returns the entries for a term in any script', async () => {
    const s = startServer();
    const init = await initialize(s);
    expect(init.capabilities.executeCommandProvider).toEqual({
      commands: ['fintechGlossary.server.lookup', 'fintechGlossary.server.convert', 'fintechGlossary.server.addToTermbase'],
    });
    const items = (await s.connection.sendRequest('workspace/executeCommand', {
      command: 'fintechGlossary.server.lookup',
      arguments: ['區塊鏈'],
    })) as { id: string; en: string[] }[];
    expect(items.map((i) => i.id)).toContain('blockchain');
    await shutdown(s);
  });
});
