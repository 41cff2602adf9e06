/**
 * Non-term words: a word the matcher knows (海通证券, 大型机构, 加强监管) wins the longest match and
 * shows nothing, so the shorter term inside it is not found; and the build's word-boundary check.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCrossings, parseAllowedCrossings, parseWords } from '../../glossary/scripts/lib/words';
import { buildCorpus, unusableExample } from '../../glossary/scripts/lib/sources';
import { engineLineScanner } from '../../glossary/scripts/lib/engine';
import { Glossary } from '../../server/src/engine/glossary';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';
import { entry } from './helpers';

const entries = () => [
  entry('token', '代币', ['token'], { zhAliases: ['通证'] }),
  entry('securities', '证券', ['securities']),
  entry('mainframe', '大型机', ['mainframe']),
  entry('stringent-regulation', '强监管', ['stringent regulation']),
  entry('regulation', '监管', ['regulation']),
];
const ids = (g: Glossary, text: string) => g.index.scan(text).flatMap((m) => g.entriesOf(m).map((e) => e.id));

describe('non-term words in the matcher', () => {
  const plain = new Glossary(entries());
  const withWords = new Glossary(entries(), ['海通证券', '大型机构', '加强监管']);

  it('without the words, the short terms match inside the longer words (the review’s false matches)', () => {
    expect(ids(plain, '海通证券发布报告')).toEqual(['token']);
    expect(ids(plain, '大型机构的算力')).toEqual(['mainframe']);
    expect(ids(plain, '要加强监管')).toEqual(['stringent-regulation']);
  });

  it('a word wins the longest match and stands for nothing: no term inside it is found', () => {
    expect(ids(withWords, '海通证券发布报告')).toEqual([]);
    expect(ids(withWords, '大型机构的算力')).toEqual([]);
    expect(ids(withWords, '要加强监管')).toEqual([]);
    // outside the words the terms are found as before, in any script
    expect(ids(withWords, '通证与大型机;強監管与证券')).toEqual(['token', 'mainframe', 'stringent-regulation', 'securities']);
  });

  it('hover: no card anywhere in a word, in simplified or traditional script', () => {
    for (const text of ['海通证券', '海通證券', '大型機構', '加強監管'])
      for (let i = 0; i < text.length; i++) expect(withWords.index.matchAt(text, i), `${text}@${i}`).toBeNull();
    expect(plain.index.matchAt('海通证券', 1)?.match.forms).toEqual(['通证']);
  });

  it('the terms inside a matched term leave out one that crosses a term at its edge (通证 in 海通|证券)', () => {
    const g = new Glossary([...entries(), entry('haitong', '海通证券', ['Haitong Securities'])]);
    const found = g.index.matchAt('海通证券', 1)!;
    expect(g.entriesOf(found.match).map((e) => e.id)).toEqual(['haitong']);
    expect(found.inner.flatMap((m) => g.entriesOf(m).map((e) => e.id))).toEqual(['securities']);
  });

  it('a word is no completion and no look-up answer; a word that is also a term is the term', () => {
    expect(withWords.index.complete('海通', 10).targets).toEqual([]);
    expect(withWords.lookup('海通证券')).toEqual([]);
    expect(withWords.index.isWord('海通證券')).toBe(true);
    const clash = new Glossary(entries(), ['证券']);
    expect(ids(clash, '证券市场')).toEqual(['securities']);
    expect(clash.index.isWord('证券')).toBe(false);
  });

  it('a compiled glossary carries its words; a malformed list is an error', () => {
    const json = (words: unknown) => JSON.stringify({ format: 'fintech-glossary/compiled@1', entries: entries(), words });
    expect(ids(Glossary.fromJSON(json(['大型机构']), 'g.json'), '大型机构')).toEqual([]);
    expect(() => Glossary.fromJSON(json('大型机构'), 'g.json')).toThrow(/"words" is not a list of strings/);
    expect(() => Glossary.fromJSON(json([1]), 'g.json')).toThrow(/"words" is not a list of strings/);
  });
});

describe('the bundled glossary: the review’s examples no longer match as the short term', () => {
  const compiled = new URL('../../dist/glossary.json', import.meta.url);
  it.each([
    ['例如,海通证券整合集团业务链', 'token'],
    ['二是大型机构算力布局', 'mainframe'],
    ['加强监管部门与市场机构的合作', 'stringent-regulation'],
    ['结合证券业务头部机构', 'securities-industry'],
  ])('%s: not %s', (text, id) => {
    if (!existsSync(compiled)) throw new Error(`${compiled.pathname} is missing: run npm run build first`);
    const g = glossaryFromFile(compiled.pathname);
    expect(ids(g, text)).not.toContain(id);
  });
});

describe('words.yaml and boundaries.yaml', () => {
  it('reads a list of words with their reason comments; rejects what is not a word', () => {
    const { words, diagnostics } = parseWords('glossary/words.yaml', '# head\n- 大型机构  # 大型机 + 构\n- 加强监管\n- two words\n- 42\n');
    expect(words).toEqual([
      { text: '大型机构', line: 2, reason: '大型机 + 构' },
      { text: '加强监管', line: 3 },
    ]);
    expect(diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '4: not a word: "two words" (one word per item, no spaces)',
      '5: not a word: 42 (one word per item, no spaces)',
    ]);
    expect(parseWords('w.yaml', 'a: b\n').diagnostics[0]!.message).toMatch(/a YAML list of words/);
  });

  it('reads allowed crossings, each with a reason', () => {
    const ok = parseAllowedCrossings('b.yaml', '- term: 风险\n  word: 高风险\n  reason: high + risk.\n');
    expect(ok).toEqual({ allowed: [{ term: '风险', word: '高风险', reason: 'high + risk.', line: 1 }], diagnostics: [] });
    const bad = parseAllowedCrossings('b.yaml', '- term: 风险\n  word: 高风险\n');
    expect(bad.diagnostics[0]!.message).toMatch(/reason/);
  });
});

describe('the word-boundary check', () => {
  const corpus = buildCorpus({
    '001': [
      '# Source: 001_test.txt',
      '',
      '## Report 01/01: 机构:报告 | 1页',
      '二是大型机构算力布局。',
      '要加强监管。',
      '大型机很稳定。',
      '平台上的数据。',
    ].join('\n'),
  });
  const known = new Set(['机构', '加强', '台上', '大型', '监管']);
  const g = new Glossary([...entries(), entry('platform', '平台', ['platform'])]);

  it('reports a term whose neighbour forms a known word across its edge, with line and column', () => {
    const found = findCrossings(corpus, engineLineScanner(g), (w) => known.has(w));
    expect(found.map((c) => [c.line, c.col, c.term, c.word, c.side])).toEqual([
      [4, 3, '大型机', '机构', 'right'],
      [5, 3, '强监管', '加强', 'left'],
    ]);
  });

  it('not when the neighbour stands on its own (平台 + 上), nor for a listed word or an allowed pair', () => {
    const words = new Glossary([...entries(), entry('platform', '平台', ['platform'])], ['大型机构']);
    const found = findCrossings(corpus, engineLineScanner(words), (w) => known.has(w), [
      { term: '強監管', word: '加強', reason: 'test', line: 1 },
    ]);
    expect(found).toEqual([]);
  });
});

describe('examples by quality', () => {
  it.each([
    [
      '…长孙蕊保尔森基金会高级顾问兼绿色金融中心执行主任张芳北京绿色金融与可持续发展研究院 ESG 投资研究中心副主任副组长鲁飞飞保尔森基金会绿色金融中心副主任成员、张三、李四、王五、赵六、孙七',
    ],
    [
      '…股权穿透、集团客户管理等)投研图谱对公业务营销对公信贷审核产业链图谱内部监管审计反洗钱网络安全主数据管理外汇违规违法监管智能运维/CMDB合规内控数据血缘表',
    ],
    ['=L3/E= L6 7=%3=%图 1“掌纹 掌静脉”识别原理图三、技术应用财付通支付科技有限公司'],
    ['stdstd-server.warserver.war收银台'],
    ['与多家理财子公司、业银行、托管券、金融机构直销 台、基金代销平台等渠道完成系统互联,从投资 信托产品,到信托机构 行投资交易'],
    ['资产资产资管信托特 信托特 管理'],
  ])('rejects %s', (text) => {
    expect(unusableExample(text)).toBe(true);
  });

  it.each([
    ['在传统绿色金融框架下,部分高碳行业由于不属于“绿色”范畴,无法从现有的绿色金融体系获得支持。'],
    ['中國作為全球最大的網絡金融市場,占據全球市場份額的32.4%,年交易規模超過12.5萬億美元。'],
    ['基于以上背景,平安银行引入了 Neo4j 作为图数据库的选型,目前主要应用到以下几个场景。'],
  ])('keeps %s', (text) => {
    expect(unusableExample(text)).toBe(false);
  });
});
