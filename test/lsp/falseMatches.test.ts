/**
 * Hovering words the s14 review found with another concept's card, over the real server: an
 * everyday word spelt like an accounting term, a Taiwan form read into simplified text, and a
 * word inside which a shorter term was found (交易 in 交易所).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialize, type LspSession, startServer } from './lspClient';

interface Pos {
  line: number;
  character: number;
}
interface Hover {
  contents: { kind: string; value: string };
  range: { start: Pos; end: Pos };
}

const URI = 'file:///tmp/false-matches.txt';
const LINES = [
  '要预测和控制风险。',
  '保护消费者权益。',
  '歸屬於母公司業主之權益',
  '芝加哥期权交易所上市。',
  '风险计量与深圳计量院。',
  '财务报表、权证、票据等凭证。',
  '2013年起螞蟻金服崛起。',
];

let s: LspSession;

const hoverAt = (line: number, character: number): Promise<Hover | null> =>
  s.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line, character } });

beforeAll(async () => {
  s = startServer();
  await initialize(s);
  await s.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: LINES.join('\n') },
  });
});

afterAll(() => {
  if (s.process.exitCode === null) s.process.kill();
});

describe('no card of another concept', () => {
  it('控制 in 控制风险 gives no accounting card (风险 beside it keeps its own)', async () => {
    expect(await hoverAt(0, 4)).toBeNull();
    expect((await hoverAt(0, 6))!.contents.value).toContain('風險');
  });

  it('权益 in 保护消费者权益 gives no owners’-equity card; 權益 in a Taiwan statement does', async () => {
    expect(await hoverAt(1, 5)).toBeNull();
    const h = await hoverAt(2, 10);
    expect(h!.contents.value).toContain('所有者權益');
    expect(h!.range).toEqual({ start: { line: 2, character: 9 }, end: { line: 2, character: 11 } });
  });

  it('交易所 has its own card, not the transaction one', async () => {
    const h = await hoverAt(3, 6);
    expect(h!.range).toEqual({ start: { line: 3, character: 5 }, end: { line: 3, character: 8 } });
    // the headline is the exchange's (the transaction is only listed among the related terms)
    expect(h!.contents.value.split('\n')[0]).toBe('**交易所** · exchange');
  });
});

describe('the s15 fixes', () => {
  it('计量 in 风险计量 and 深圳计量院 gives no accounting-measurement card', async () => {
    // 风险计量 is risk measurement, a concept of its own
    const h = await hoverAt(4, 3);
    expect(h!.contents.value.split('\n')[0]).toBe('**风险计量** · 風險計量 · risk measurement');
    expect(h!.contents.value).not.toContain('会计计量');
    expect(await hoverAt(4, 8)).toBeNull();
  });

  it('权证 shows the title certificate of collateral and the warrant', async () => {
    const h = await hoverAt(5, 6);
    expect(h!.contents.value.split('\n')[0]).toBe('**权证** · 權證 · title certificate');
    expect(h!.contents.value).toContain('*Also means:* 权证 warrant');
  });

  it('a former name’s usage note is in the script of the text hovered', async () => {
    const h = await hoverAt(6, 8);
    expect(h!.contents.value).toContain('*Usage:* 2020年更名前的名稱。');
    expect(h!.contents.value).not.toContain('名称');
  });
});
