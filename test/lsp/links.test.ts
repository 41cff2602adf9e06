import { describe, expect, it } from 'vitest';
import { initialize, shutdown, startServer } from './lspClient';

async function cardWith(initializationOptions: object): Promise<string> {
  const s = startServer();
  await initialize(s, {}, initializationOptions);
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///l.txt', languageId: 'plaintext', version: 1, text: '区块链' } });
  const h = (await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///l.txt' }, position: { line: 0, character: 1 } })) as { contents: { value: string } };
  await shutdown(s);
  return h.contents.value;
}

describe('card links', () => {
  it('a client that runs our commands gets replace links for the other forms', async () => {
    const card = await cardWith({ commandLinks: true });
    const links = [...card.matchAll(/\]\(command:([\w.]+)\?([^ )]+)/g)].map(([, cmd, args]) => [cmd, JSON.parse(decodeURIComponent(args!))]);
    expect(links.every(([cmd]) => cmd === 'fintechGlossary.replaceTerm' || cmd === 'fintechGlossary.openSource')).toBe(true);
    const replacements = links.filter(([cmd]) => cmd === 'fintechGlossary.replaceTerm').map(([, [a]]) => a.text);
    expect(replacements).toEqual(expect.arrayContaining(['區塊鏈', 'blockchain']));
    expect(links.find(([, [a]]) => a.text === 'blockchain')![1][0]).toMatchObject({ uri: 'file:///l.txt', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } });
  });

  it('other editors get no command links', async () => {
    expect(await cardWith({})).not.toContain('command:');
  });
});

describe('workspace/executeCommand look-up, for editors without our client', () => {
  it('returns the entries for a term in any script', async () => {
    const s = startServer();
    const init = await initialize(s);
    expect(init.capabilities.executeCommandProvider).toEqual({ commands: ['fintechGlossary.server.lookup'] });
    const items = (await s.connection.sendRequest('workspace/executeCommand', { command: 'fintechGlossary.server.lookup', arguments: ['區塊鏈'] })) as { id: string; en: string[] }[];
    expect(items.map((i) => i.id)).toContain('blockchain');
    await shutdown(s);
  });
});
