/**
 * The server's own words follow the client's `locale` (InitializeParams, LSP 3.16), and the card's
 * length follows `fintechGlossary.hover.detail`: over the real server process, as any editor talks to it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { shutdown, startServer, type LspSession } from './lspClient';

const URI = 'file:///tmp/fintech-locale.txt';
const TEXT = '多家银行正在试点区块链。';
const ON_TERM = { line: 0, character: TEXT.indexOf('区块链') + 1 };

let s: LspSession | undefined;
afterEach(async () => {
  if (s && s.process.exitCode === null) await shutdown(s);
  s = undefined;
});

/** Start the server with this locale and settings (pushed in initializationOptions), open TEXT, hover 区块链. */
async function cardWith(locale: string | undefined, settings: object = {}): Promise<string> {
  s = startServer();
  await s.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    ...(locale === undefined ? {} : { locale }),
    initializationOptions: { settings, commandLinks: true },
  });
  await s.connection.sendNotification('initialized', {});
  await s.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: TEXT },
  });
  const hover = (await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: ON_TERM })) as {
    contents: { value: string };
  } | null;
  expect(hover).not.toBeNull();
  return hover!.contents.value;
}

const ENGLISH_LABELS = /\*(Also|Domain|Example|Related|Definitions):\*/;

describe('the card speaks the interface language of the client', () => {
  it('no locale: English labels', async () => {
    const card = await cardWith(undefined, { hover: { detail: 'full' } });
    expect(card).toMatch(ENGLISH_LABELS);
    expect(card).toContain('*Domain:*');
    expect(card).toContain('Open source passage');
  });

  it('locale zh-CN: simplified Chinese labels, the glossary content unchanged', async () => {
    const card = await cardWith('zh-CN', { hover: { detail: 'full' } });
    expect(card).not.toMatch(ENGLISH_LABELS);
    for (const label of ['领域：', '例句：', '定义：']) expect(card).toContain(label);
    expect(card).toContain('打开来源段落');
    expect(card.split('\n')[0]).toContain('**区块链** · 區塊鏈 · blockchain');
  });

  it('locale zh-TW: traditional Chinese labels', async () => {
    const card = await cardWith('zh-TW', { hover: { detail: 'full' } });
    expect(card).not.toMatch(ENGLISH_LABELS);
    for (const label of ['領域：', '例句：', '定義：']) expect(card).toContain(label);
    expect(card).toContain('開啟來源段落');
    expect(card).not.toContain('领域');
  });

  it('locale en-US and an unknown language (ja): English', async () => {
    expect(await cardWith('en-US')).toContain('*Domain:*');
    await shutdown(s!);
    expect(await cardWith('ja')).toContain('*Domain:*');
  });
});

describe('fintechGlossary.hover.detail', () => {
  it('compact by default: the definitions before the rule, one example; full: every example', async () => {
    const compact = await cardWith('en-US');
    await shutdown(s!);
    const full = await cardWith('en-US', { hover: { detail: 'full' } });
    const aboveRule = (card: string) => card.slice(0, card.indexOf('\n---\n'));
    expect(aboveRule(compact)).toContain('A shared\\, append\\-only ledger');
    expect(aboveRule(full)).not.toContain('A shared\\, append\\-only ledger');
    expect(compact.match(/\*Example:\*/g)).toHaveLength(1);
    expect(full.match(/\*Example:\*/g)!.length).toBeGreaterThan(1);
    expect(compact.length).toBeLessThan(full.length);
  });
});
