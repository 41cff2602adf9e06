/**
 * Concepts that term QA treated as one and the terminologist split (2026-12-01, after the review of
 * `check` over the sources): each name is an entry of its own, with its own English and a sense note
 * saying how it differs from its neighbour, so a text that writes both is not "inconsistent".
 * Every expected value is written here by hand.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../server/src/engine/entry';
import { DocumentChecker } from '../../server/src/engine/termQA';
import { termsOf } from '../../server/src/engine/terms';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';

const glossary = glossaryFromFile(join(__dirname, '../../dist/glossary.json'));

function findings(text: string): string[] {
  const checker = new DocumentChecker({ source: glossary, script: 'zh-Hans' });
  return checker.check(glossary.index.scan(text), text).map((f) => `${f.rule} ${f.term} → ${f.suggestions.join(' ')}`);
}

/** The concepts a text's terms stand for, as written: what hovering each shows. */
function concepts(text: string): string[] {
  return glossary.index.scan(text).map((m) => `${text.slice(m.start, m.end)} ${m.entries.map((e) => glossary.entries[e]!.id).join(' ')}`);
}

const entry = (id: string): GlossaryEntry => glossary.entries.find((e) => e.id === id)!;
const sense = (id: string, text: string): string => termsOf(entry(id)).find((t) => t.text === text)?.sense ?? '';

/** Each split pair: the two names, the entry each is now, and its English. */
const pairs: [zh: string, id: string, en: string[], other: string, otherId: string, otherEn: string[]][] = [
  [
    '技术创新',
    'technical-innovation',
    ['technological innovation', 'technical innovation'],
    '科技创新',
    'technological-innovation',
    ['scientific and technological innovation', 'sci-tech innovation', 'science and technology innovation'],
  ],
  [
    '技术架构',
    'technical-architecture',
    ['technical architecture', 'technology architecture'],
    '系统架构',
    'system-architecture',
    ['system architecture'],
  ],
  [
    '故障演练',
    'fault-drill',
    ['fault drill', 'failure drill', 'chaos drill'],
    '应急演练',
    'emergency-drill',
    ['emergency drill', 'contingency drill', 'disaster recovery drill'],
  ],
  [
    '中小企业',
    'sme',
    ['small and medium-sized enterprises', 'SMEs'],
    '中小微企业',
    'msme',
    ['micro, small and medium-sized enterprises', 'MSMEs'],
  ],
  [
    '数字化运营',
    'digitalised-operations',
    ['digital operations'],
    '数字化经营',
    'digital-operations',
    ['digital business management', 'digitalised business operation', 'digital operating model'],
  ],
  ['5G消息', '5g-messaging', ['5G Messaging', '5G messages'], '富媒体通信', 'rich-communication-services', ['Rich Communication Services']],
  // the pairs after these, by their count of findings over the sources, judged with their contexts
  [
    '经营模式',
    'mode-of-operation',
    ['mode of operation', 'way of doing business'],
    '业务模式',
    'operating-model',
    ['operating model', 'business approach'],
  ],
  [
    '客户画像',
    'customer-profile',
    ['customer profile', 'customer profiling'],
    '用户画像',
    'user-profile',
    ['user profile', 'user persona'],
  ],
  [
    '证券机构',
    'securities-institution',
    ['securities institutions', 'securities sector institutions'],
    '证券公司',
    'securities-company',
    ['securities company', 'securities firm', 'brokerage'],
  ],
  [
    '保险机构',
    'insurance-institution',
    ['insurance institutions', 'insurance sector institutions'],
    '保险公司',
    'insurance-company',
    ['insurance company', 'insurer'],
  ],
  [
    '绿色转型',
    'green-transition',
    ['green transition', 'green transformation'],
    '低碳转型',
    'low-carbon-transition',
    ['low-carbon transition'],
  ],
  ['可追溯', 'traceable', ['traceable'], '溯源', 'traceability', ['traceability', 'tracing', 'provenance tracking']],
  ['ESG评分', 'esg-scoring', ['ESG scoring', 'ESG score'], 'ESG评价', 'esg-rating', ['ESG rating', 'ESG assessment', 'ESG evaluation']],
  [
    '量化交易',
    'quantitative-trading',
    ['quantitative trading', 'quant trading'],
    '量化投资',
    'quantitative-investment',
    ['quantitative investment', 'quant investing'],
  ],
  ['欺诈检测', 'fraud-detection', ['fraud detection'], '反欺诈', 'anti-fraud', ['anti-fraud', 'fraud prevention']],
  [
    '第三方支付平台',
    'third-party-payment-platform',
    ['third-party payment platform'],
    '支付机构',
    'payment-institution',
    ['payment institution', 'non-bank payment institution', 'third-party payment provider'],
  ],
  [
    '利益分配',
    'distribution-of-trust-benefits',
    ['distribution of trust benefits', 'benefit distribution'],
    '收益分配',
    'income-distribution',
    ['income distribution', 'distribution to beneficiaries'],
  ],
  ['信托产品', 'trust-product', ['trust product'], '信托计划', 'trust-plan', ['trust plan', 'trust scheme']],
  [
    '平台企业',
    'platform-enterprise',
    ['platform enterprise', 'platform company'],
    '互联网平台',
    'internet-platform',
    ['internet platform'],
  ],
  ['账务', 'accounts', ['accounting records', 'account records'], '记账', 'bookkeeping', ['bookkeeping', 'posting', 'accounting entry']],
  ['RPA机器人', 'rpa-bot', ['RPA bot', 'software robot'], '机器人流程自动化', 'robotic-process-automation', ['robotic process automation']],
];

describe('two concepts the alias audit had merged are two entries', () => {
  for (const [zh, id, en, other, otherId, otherEn] of pairs) {
    it(`${zh} and ${other}: each its own concept, not an inconsistency`, () => {
      const text = `${zh}与${other}。`;
      expect(findings(text)).toEqual([]);
      expect(concepts(text)).toEqual([`${zh} ${id}`, `${other} ${otherId}`]);
      expect(entry(id).en).toEqual(en);
      expect(entry(otherId).en).toEqual(otherEn);
    });

    it(`${zh}’s sense note names ${other}, and ${other}’s names ${zh}`, () => {
      expect(sense(id, zh)).toContain(other);
      expect(sense(otherId, other)).toContain(zh);
    });
  }

  it('the sentences of the sources that wrote both names are clean', () => {
    // 001: a bank's 技术创新 beside the policy's 科技创新; 5G 消息 as the carriers' service, with a space
    expect(
      findings(
        '因此综合付款平台引入了 RPA 机器人,查询到付款失败数据。机器人流程自动化通过特定的“机器人软件”模拟人的操作。华夏银行通过技术创新帮助商户提升数字化水平。利用技术手段提升金融在科技创新、实体经济、中小微企业等领域的服务能力。“专精特新”中小企业贷款余额。通过 5G 消息渠道的手机号码转账,使用富媒体通信套件(RCS)。',
      ),
    ).toEqual([]);
  });

  it('进件 is any application file: it is not told to become 信贷申请', () => {
    // 001: 商户服务小程序帮助客户经理快速完成进件 (a merchant's file), 基于信贷申请的进件数据 (a loan's)
    expect(findings('客户经理快速完成进件。基于信贷申请的进件数据。')).toEqual([]);
    expect(concepts('进件与信贷申请')).toEqual(['进件 application-intake', '信贷申请 loan-application']);
    expect(entry('application-intake').en).toEqual(['application intake', 'application submission', 'incoming application']);
    expect(sense('loan-application', '信贷申请')).toContain('进件 (application intake)');
  });

  it('公司业务 is not a name of corporate banking: a trust company’s own business is not 对公业务', () => {
    // 001:1549 为高效支撑公司业务战略转型,华润信托…: it was told to use 对公业务
    expect(findings('银行的对公业务。为高效支撑公司业务战略转型。')).toEqual([]);
    expect(concepts('公司业务')).toEqual([]);
    expect(sense('corporate-banking', '对公业务')).toContain('公司业务');
  });

  it('true synonyms are still one concept: a text that writes both is told to keep one', () => {
    expect(findings('金融业与金融行业。低代码与低码。')).toEqual([
      'inconsistent-term 金融行业 → 金融业',
      'inconsistent-term 低码 → 低代码',
    ]);
  });

  it('a proper name that holds a term is not told to change: 中国保险行业协会 is a name of its own', () => {
    // 001:3996 据中国保险行业协会统计 …… 中国保险业: 保险行业 inside the name was told to become 保险业
    expect(findings('据中国保险行业协会统计,中国保险业累计提供绿色保险保障。')).toEqual([]);
    expect(concepts('中国保险行业协会')).toEqual(['中国保险行业协会 insurance-association-of-china']);
    expect(entry('insurance-association-of-china').en).toEqual(['Insurance Association of China']);
    // outside the name, 保险行业 is still the insurance industry, written two ways
    expect(findings('保险行业与保险业。')).toEqual(['inconsistent-term 保险行业 → 保险业']);
  });

  it('SME and MSME are each one concept’s abbreviation', () => {
    expect(entry('sme').abbr).toEqual(['SME']);
    expect(entry('msme').abbr).toEqual(['MSME']);
    expect(concepts('SME and MSME.')).toEqual(['SME sme', 'MSME msme']);
  });
});
