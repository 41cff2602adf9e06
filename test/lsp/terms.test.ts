/**
 * Per-term status over LSP: a hover on a term the glossary marks forbidden says so, with the
 * preferred term; the concept's own headword does not. The CLI's JSON carries the terms.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialize, shutdown, startServer } from './lspClient';

interface Term {
  text: string;
  status: string;
  usage?: string;
}

describe('term status on the card', () => {
  it('a forbidden variant is flagged with the preferred term; the headword is not', async () => {
    const g = JSON.parse(readFileSync(join(__dirname, '../../dist/glossary.json'), 'utf8'));
    const e = g.entries.find((x: { id: string }) => x.id === 'blockchain');
    const variant = e.terms.find((t: Term) => t.text === '区块链技术') as Term;
    variant.status = 'forbidden';
    variant.usage = '写区块链即可。';
    const file = join(mkdtempSync(join(tmpdir(), 'fg-')), 'terms.json');
    writeFileSync(file, JSON.stringify(g));
    const s = startServer(['--bundled-glossary', file]);
    await initialize(s);
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///t.txt', languageId: 'plaintext', version: 1, text: '我们研究区块链技术。\n区块链很好。' },
    });
    const hover = (line: number, character: number) =>
      s.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: 'file:///t.txt' },
        position: { line, character },
      });
    const flagged = (await hover(0, 5))!.contents.value;
    expect(flagged).toContain('⚠ *Forbidden term:* 区块链技术 — use **区块链**');
    expect(flagged).toContain('*Usage:* 写区块链即可。');
    expect((await hover(1, 1))!.contents.value).not.toContain('⚠');
    expect(await shutdown(s)).toBe(0);
  });

  it('no false match inside a longer word: hovering 通 in 海通证券 shows no 通证 card, 大型机构 no mainframe card', async () => {
    const s = startServer();
    await initialize(s);
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: 'file:///w.txt',
        languageId: 'plaintext',
        version: 1,
        text: '例如,海通证券整合集团业务。\n二是大型机构算力布局。\n通证与大型机。',
      },
    });
    const hover = (line: number, character: number) =>
      s.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: 'file:///w.txt' },
        position: { line, character },
      });
    const haitong = await hover(0, 4); // 通
    // Haitong Securities' own card, or none: never the token card, nor 通证 (token) among the terms inside
    expect(haitong?.contents.value ?? '').not.toMatch(/代币|\btoken\b/i);
    expect(await hover(1, 4)).toBeNull(); // 机 in 大型机构
    // the same terms on their own still have their cards
    expect((await hover(2, 0))!.contents.value).toMatch(/token/i);
    expect((await hover(2, 5))!.contents.value).toMatch(/mainframe/i);
    expect(await shutdown(s)).toBe(0);
  });

  it('the definition in the script of the text hovered: simplified, traditional, Taiwan vocabulary', async () => {
    const s = startServer();
    await initialize(s);
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: 'file:///s.txt',
        languageId: 'plaintext',
        version: 1,
        text: '开立账户。\n開立賬戶。\n開立帳戶。\nopen an account',
      },
    });
    const card = async (line: number, character: number) =>
      (await s.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: 'file:///s.txt' },
        position: { line, character },
      }))!.contents.value;
    // the account entry's own-words definition: 银行、支付机构等为客户开立……账户体系指平台设置的各类账户及其关系。
    const simplified = await card(0, 2);
    expect(simplified).toContain('银行、支付机构等为客户开立');
    expect(simplified).toContain('各类账户');
    const traditional = await card(1, 2);
    expect(traditional).toContain('銀行、支付機構等');
    expect(traditional).toContain('各類賬戶');
    expect(traditional).not.toContain('支付机构');
    // 帳戶 is the reviewed Taiwan form: Taiwan vocabulary (帳戶, 設定) in the definition
    const taiwan = await card(2, 2);
    expect(taiwan).toContain('各類帳戶');
    expect(taiwan).toContain('設定');
    // English text: the definition as the glossary writes it
    expect(await card(3, 11)).toContain('银行、支付机构等为客户开立');
    expect(await shutdown(s)).toBe(0);
  });

  it('a quotation converted to the reader’s script says so, and a quotation from 000 says its script is a machine’s', async () => {
    const s = startServer();
    await initialize(s);
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///q.txt', languageId: 'plaintext', version: 1, text: '智能合约\n智能合約' },
    });
    const card = async (line: number) =>
      (await s.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: 'file:///q.txt' },
        position: { line, character: 1 },
      }))!.contents.value;
    const simplified = await card(0);
    expect(simplified).toContain('智能合约是运行在区块链上的');
    expect(simplified).toContain('converted to your script\\; the original is at the citation');
    expect(simplified).toContain('the source is machine\\-converted traditional Chinese');
    const traditional = await card(1);
    expect(traditional).toContain('智能合約是運行在區塊鏈上的');
    expect(traditional).not.toContain('converted to your script');
    expect(await shutdown(s)).toBe(0);
  });

  it('lookup --json lists every term with its status', () => {
    const run = spawnSync(process.execPath, [resolve(__dirname, '../../bin/fintech-glossary.js'), 'lookup', '--json', 'KYC'], {
      encoding: 'utf8',
    });
    const [kyc] = JSON.parse(run.stdout) as { terms: (Term & { role: string })[] }[];
    expect(kyc!.terms.map((t) => [t.text, t.role, t.status])).toEqual([
      ['了解你的客户', 'headword', 'preferred'],
      ['了解你的客戶', 'headword', 'preferred'],
      ['認識你的客戶', 'headword', 'preferred'],
      ['know your customer', 'headword', 'preferred'],
      ['know your client', 'variant', 'admitted'],
      ['KYC', 'abbreviation', 'admitted'],
    ]);
  });
});
