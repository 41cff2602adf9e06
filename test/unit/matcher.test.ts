import { describe, expect, it } from 'vitest';
import { sample } from './helpers';

/** [text, the cursor's UTF-16 offset given as the index of a marker substring, expected entry id or null, exact matched text] */
type Row = [string, string, string | null, string?];

// The cursor is placed on the first character of `at` (its first occurrence in the text).
const hoverTable: Row[] = [
  ['我们研究区块链技术', '块', 'blockchain', '区块链'],
  ['我們研究區塊鏈技術', '塊', 'blockchain', '區塊鏈'],
  ['發展云計算服務', '計', 'cloud-computing', '云計算'],
  ['雲計算服務', '雲', 'cloud-computing', '雲計算'],
  ['這套軟體很好用', '體', 'software', '軟體'],
  ['Blockchains are ledgers', 'chains', 'blockchain', 'Blockchains'],
  ['BLOCKCHAIN IS HERE', 'CHAIN', 'blockchain', 'BLOCKCHAIN'],
  ['use a smart-contract', 'contract', 'smart-contract', 'smart-contract'],
  ['many smart contracts run', 'smart', 'smart-contract', 'smart contracts'],
  ['the API gateway', 'API', 'api', 'API'],
  ['three APIs', 'APIs', 'api', 'APIs'],
  ['a rapid response', 'api', null],
  ['the KYC check', 'KYC', 'kyc', 'KYC'],
  ['publish an SBOM today', 'SBOM', 'sbom', 'SBOM'],
  ['发展供应链金融业务', '链', 'supply-chain-finance', '供应链金融'],
  ['发展供应链金融业务', '融', 'supply-chain-finance', '供应链金融'],
  ['peer to peer lending', 'to', 'p2p-lending', 'peer to peer lending'],
  ['peer-to-peer lending', 'lending', 'p2p-lending', 'peer-to-peer lending'],
  ['pay with e-CNY now', 'CNY', 'e-cny', 'e-CNY'],
  ['pay with eCNY now', 'eCNY', 'e-cny', 'eCNY'],
  ['the ＡＰＩ call', 'ＡＰＩ', 'api', 'ＡＰＩ'],
  ['網(wǎng)絡(luò)金融', '絡', 'network', '網(wǎng)絡(luò)'],
  ['持牌金融機構(gòu)的業務', '機', 'licensed-fi', '持牌金融機構(gòu)'],
  ['共識機制(PoW)說明', 'PoW', null],
  ['加強貸后管理', '后', 'post-loan', '貸后管理'],
  ['分布式賬本技術', '賬', 'dlt', '分布式賬本'],
  ['提高存款准备金率', '准', 'reserve-ratio', '存款准备金率'],
  ['区块\n链', '链', 'blockchain', '区块\n链'],
  ['区块\r\n链', '链', 'blockchain', '区块\r\n链'],
  ['区块\n\n链', '链', null],
  ['𠀀测试', '测', 'ext-b', '𠀀测试'],
  ['𠀀区块链', '链', 'blockchain', '区块链'],
  ["the bank's ledger", 'bank', 'bank', "bank's"],
  ['digital currencies', 'currencies', 'currency', 'currencies'],
  ['embankment', 'bank', null],
  ['区块\u200b链', '链', 'blockchain', '区块\u200b链'],
  ['今天天气很好', '天', null],
  ['国产AI 芯片出货', '芯', 'ai-chip', 'AI 芯片'],
  ['国产AI芯片出货', 'AI', 'ai-chip', 'AI芯片'],
  ['支持GPU虚拟化', '虚', 'gpu-virtualization', 'GPU虚拟化'],
  ['支持 GPU 虚拟化', 'GPU', 'gpu-virtualization', 'GPU 虚拟化'],
];

describe('matchAt: the longest term covering the cursor', () => {
  it.each(hoverTable)('%j at %j → %s', (text, at, id, matched) => {
    const offset = text.indexOf(at);
    expect(offset).toBeGreaterThanOrEqual(0);
    const found = sample.index.matchAt(text, offset);
    if (id === null) {
      expect(found).toBeNull();
      return;
    }
    expect(found).not.toBeNull();
    expect(sample.entriesOf(found!.match).map((e) => e.id)).toContain(id);
    expect(text.slice(found!.match.start, found!.match.end)).toBe(matched);
  });

  it('lists the shorter terms inside the winner', () => {
    const text = '发展供应链金融业务';
    const found = sample.index.matchAt(text, text.indexOf('金'))!;
    expect(found.inner.flatMap((m) => sample.entriesOf(m).map((e) => e.id)).sort()).toEqual(['finance', 'supply-chain']);
  });

  it('matches lower-case acronyms only when configured', () => {
    expect(sample.index.matchAt('call the api', 9)).toBeNull();
    expect(sample.index.matchAt('call the api', 9, { acronymsCaseInsensitive: true })).not.toBeNull();
  });
});

describe('scan: all occurrences, leftmost-longest', () => {
  it('finds every term once, with exact source ranges', () => {
    const text = '区块链与云計算推动供应链金融; smart contracts and the API.';
    const found = sample.index.scan(text).map((m) => [text.slice(m.start, m.end), sample.entriesOf(m)[0]!.id]);
    expect(found).toEqual([
      ['区块链', 'blockchain'],
      ['云計算', 'cloud-computing'],
      ['供应链金融', 'supply-chain-finance'],
      ['smart contracts', 'smart-contract'],
      ['API', 'api'],
    ]);
  });
});

describe('lookup: exact forms in any script', () => {
  it.each([
    ['区块链', 'blockchain'],
    ['區塊鏈', 'blockchain'],
    ['blockchain', 'blockchain'],
    ['Blockchains', 'blockchain'],
    ['軟體', 'software'],
    ['KYC', 'kyc'],
    ['smart contract', 'smart-contract'],
    ['smart-contract', 'smart-contract'],
  ])('%s → %s', (term, id) => {
    expect(sample.lookup(term).map((e) => e.id)).toContain(id);
  });
  it('finds nothing for a non-term', () => expect(sample.lookup('天气')).toEqual([]));
});

describe('complete: prefix search', () => {
  it.each([
    ['区块', '区块链'],
    ['區塊', '区块链'],
    ['blockch', 'blockchain'],
    ['smart c', 'smart contract'],
    ['供应', '供应链'],
  ])('%s → %s', (prefix, form) => {
    expect(sample.index.complete(prefix).targets.map((t) => t.form)).toContain(form);
  });
});
