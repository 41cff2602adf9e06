/**
 * Terminology decisions on the bundled glossary's data (glossary/REGIONAL.md, "Decisions"), as a
 * writer sees them: the findings of term QA, the output of conversion and what a word matches.
 * Every expected value is written here by hand.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertText } from '../../server/src/engine/convertText';
import type { ChineseScript, GlossaryEntry, Term } from '../../server/src/engine/entry';
import { DocumentChecker } from '../../server/src/engine/termQA';
import { termsOf } from '../../server/src/engine/terms';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';

const glossary = glossaryFromFile(join(__dirname, '../../dist/glossary.json'));

function findings(text: string, script: ChineseScript): string[] {
  const checker = new DocumentChecker({ source: glossary, script });
  return checker.check(glossary.index.scan(text), text).map((f) => `${f.rule} ${f.term} → ${f.suggestions.join(' ')}`);
}

/** The concepts a text's terms stand for, as written: what hovering each shows. */
function concepts(text: string): string[] {
  return glossary.index.scan(text).map((m) => `${text.slice(m.start, m.end)} ${m.entries.map((e) => glossary.entries[e]!.id).join(' ')}`);
}

type Row = [what: string, text: string, script: ChineseScript, expected: string[]];

function rows(list: Row[]): void {
  for (const [what, text, script, expected] of list) it(`${what} (${script})`, () => expect(findings(text, script)).toEqual(expected));
}

describe('a word that is not another name of a concept is not its alias', () => {
  rows([
    // 亿美元 is an amount in US dollars: not the yuan amount 亿元, never to be replaced by it
    ['亿元 and 亿美元', '融资82亿元，约合11亿美元。', 'zh-Hans', []],
    // 压测 (load or stress testing) is one kind of performance testing
    ['性能测试 and 压测', '本行的性能测试包括压测。', 'zh-Hans', []],
    // a client is not an application
    ['应用程序 and 客户端', '应用程序与客户端分别升级。', 'zh-Hans', []],
    // the halves or kinds of a concept are not other names for it
    ['上游企业 and 下游企业', '上游企业和下游企业', 'zh-Hans', []],
    ['拆入 and 拆出', '拆入资金和拆出资金', 'zh-Hans', []],
    ['买方信贷 and 卖方信贷', '买方信贷与卖方信贷', 'zh-Hans', []],
    ['直接参与者 and 间接参与者', '直接参与者与间接参与者', 'zh-Hans', []],
    ['第一支柱 and 第二支柱', '第一支柱与第二支柱', 'zh-Hans', []],
    ['MT103 and MT202', 'MT103和MT202', 'zh-Hans', []],
    ['付款码 and 收款码', '付款码和收款码', 'zh-Hans', []],
    ['Ⅱ类户 and Ⅲ类户', 'Ⅱ类户和Ⅲ类户', 'zh-Hans', []],
    ['减记条款 and 转股条款', '减记条款与转股条款', 'zh-Hans', []],
    // nor is another concept beside it
    ['行业云 and 金融云', '行业云与金融云', 'zh-Hans', []],
    ['掌静脉识别 and 掌纹识别', '掌静脉识别与掌纹识别', 'zh-Hans', []],
    ['日间流动性 and 日间透支', '日间流动性与日间透支', 'zh-Hans', []],
    ['科技投入 and 研发投入', '科技投入与研发投入', 'zh-Hans', []],
    ['信用体系 and 信用信息共享', '信用体系与信用信息共享', 'zh-Hans', []],
    ['债券违约 and 违约债券', '债券违约导致违约债券增加', 'zh-Hans', []],
    ['三农 and 农户', '服务三农与农户', 'zh-Hans', []],
    ['壹钱包 and 平安付', '壹钱包由平安付运营', 'zh-Hans', []],
    // a real second name is still found
    ['two names of one concept', '网络借贷平台要合规，P2P网贷风险大。', 'zh-Hans', ['inconsistent-term 网络借贷 → P2P网贷']],
  ]);

  it('稳态 and 敏态, the two halves of 稳敏双态, are not that concept', () => {
    expect(concepts('稳敏双态：稳态与敏态')).toEqual(['稳敏双态 dual-mode-it']);
  });

  it('华为云 is not 华为, and 小微企业 (no medium-sized firms) is a concept of its own beside 中小微企业', () => {
    expect(concepts('华为与华为云；中小微企业与小微企业')).toEqual([
      '华为 huawei',
      '华为 huawei',
      '中小微企业 msme',
      '小微企业 small-and-micro-enterprises',
    ]);
  });

  it('万亿美元 and 万亿元, amounts in dollars and in yuan, are not the number 万亿: hovering shows only 万亿', () => {
    expect(concepts('全球规模达3万亿美元，约合21万亿元。')).toEqual(['万亿 trillion', '万亿 trillion']);
  });

  it('load testing, one kind of performance test, is not an English term of 性能测试', () => {
    // ("load" alone is the payments word for topping up a card: a match of its own)
    expect(concepts('Performance testing includes load testing.')).toEqual(['Performance testing performance-testing', 'load top-up']);
  });

  it('压力测试 and 压测, stress testing a system, are one kind of performance test: a concept of their own', () => {
    // 压力测试 is also the banking stress test, so the word shows both; 性能测试 is neither
    expect(concepts('性能测试包括压力测试，即压测。')).toEqual([
      '性能测试 performance-testing',
      '压力测试 stress-testing system-stress-testing',
      '压测 system-stress-testing',
    ]);
  });
});

describe('a wider, narrower or neighbouring concept is not an alias, even one containing the headword', () => {
  // each was listed as another name of the concept (on the card, in exports, in term QA)
  rows([
    [
      'eight of them beside their former headword',
      '意外险与意健险。资产隔离与风险隔离。环境信息披露与可持续信息披露。数字版权与版权保护。数据安全保险与网络安全保险。政策性银行与开发性金融机构。定期存款与整存整取。金融资产管理公司与地方资产管理公司。',
      'zh-Hans',
      [],
    ],
  ]);

  it('hovering one shows the shorter terms inside it, not the card of the concept it was listed under', () => {
    expect(
      concepts(
        '意健险，风险隔离，基准利率，信用减值，净额结算，可持续信息披露，版权保护，网络安全保险，担保公司，担保机构，贷款利率，开发性金融机构，地方资产管理公司，商业承兑汇票。',
      ),
    ).toEqual([
      '风险 risk',
      '利率 interest-rate',
      '减值 impairment',
      '结算 settlement',
      '可持续 sustainable',
      '信息披露 information-disclosure',
      '网络安全 network-security',
      '保险 insurance',
      '担保 guarantee',
      '担保 guarantee',
      '贷款 loan',
      '利率 interest-rate',
      '金融机构 financial-institution',
      '地方资产管理公司 local-asset-management-company',
      '承兑 acceptance',
    ]);
  });

  it('local and the Big Four AMCs have cards of their own, not the asset-management (资管) card', () => {
    expect(concepts('地方资产管理公司和地方AMC收购不良资产；四大资产管理公司成立于1999年。')).toEqual([
      '地方资产管理公司 local-asset-management-company',
      '地方AMC local-asset-management-company',
      '收购 acquisition',
      '不良资产 non-performing-asset',
      '四大资产管理公司 big-four-asset-management-companies',
    ]);
  });

  it('a kind named with the headword inside it shows the headword, not the kind, as the term', () => {
    expect(concepts('不良资产处置，麦考利久期，实物交割，初级内部评级法，高级内部评级法，国库券，整存整取，TLAC债务工具。')).toEqual([
      '不良资产 non-performing-asset',
      '久期 duration',
      '交割 delivery',
      '内部评级法 internal-ratings-based-approach',
      '内部评级法 internal-ratings-based-approach',
      'TLAC total-loss-absorbing-capacity',
    ]);
  });

  it('记账式国债, 储蓄国债 and 特别国债, kinds of 国债, are concepts of their own', () => {
    // once aliases of 国债 or 超长期特别国债, then nothing but 国债 inside them; each names a mainland
    // instrument, which keeps 國債 in a Taiwan text (REGIONAL.md, "Decisions (2026-12-01)")
    expect(concepts('记账式国债、储蓄国债和特别国债都是国债；超长期特别国债。')).toEqual([
      '记账式国债 book-entry-treasury-bond',
      '储蓄国债 savings-treasury-bond',
      '特别国债 special-treasury-bond',
      '国债 treasury-bond',
      '超长期特别国债 ultra-long-special-treasury-bond',
    ]);
  });

  it('the English names of the kinds are not the concept’s English terms either', () => {
    expect(
      concepts(
        'Macaulay duration, modified duration, physical delivery, foundation IRB, advanced IRB, F-IRB, A-IRB, special treasury bond, cyber insurance, copyright protection, development financial institution.',
      ),
    ).toEqual([
      // the IRB in each of foundation IRB, advanced IRB, F-IRB and A-IRB
      'IRB internal-ratings-based-approach',
      'IRB internal-ratings-based-approach',
      'IRB internal-ratings-based-approach',
      'IRB internal-ratings-based-approach',
      'special treasury bond special-treasury-bond',
      'insurance insurance',
      'financial institution financial-institution',
    ]);
  });

  it('what each concept is still called (the card’s and the export’s other names)', () => {
    const names = (id: string) => {
      const e = glossary.entries.find((x) => x.id === id)!;
      return [...e.zhAliases, ...e.en, ...e.abbr];
    };
    expect(
      Object.fromEntries(
        [
          'accident-insurance',
          'asset-segregation',
          'benchmark-lending-rate',
          'credit-impaired',
          'deferred-net-settlement',
          'environmental-information-disclosure',
          'digital-copyright',
          'data-security-insurance',
          'financing-guarantee',
          'guarantee',
          'non-performing-asset',
          'interest-rate',
          'duration',
          'delivery',
          'internal-ratings-based-approach',
          'treasury-bond',
          'ultra-long-special-treasury-bond',
          'policy-bank',
          'total-loss-absorbing-capacity',
          'time-deposit',
          'financial-asset-management-company',
          'commercial-bill',
        ].map((id) => [id, names(id)]),
      ),
    ).toEqual({
      'accident-insurance': ['accident insurance', 'personal accident insurance'],
      'asset-segregation': ['asset segregation'],
      'benchmark-lending-rate': ['benchmark lending rate', 'benchmark loan rate'],
      'credit-impaired': ['credit-impaired'],
      'deferred-net-settlement': ['定时净额结算', 'deferred net settlement'],
      'environmental-information-disclosure': ['environmental information disclosure', 'environmental disclosure'],
      'digital-copyright': ['digital copyright'],
      'data-security-insurance': ['data security insurance'],
      'financing-guarantee': ['financing guarantee', 'credit guarantee'],
      guarantee: ['guarantee'],
      'non-performing-asset': ['non-performing asset', 'distressed asset', 'NPA'],
      'interest-rate': ['interest rate'],
      duration: ['bond duration'],
      delivery: ['futures delivery'],
      'internal-ratings-based-approach': ['内评法', 'internal ratings-based approach', 'IRB approach', 'IRB'],
      'treasury-bond': ['treasury bond', 'government bond', 'China government bond', 'CGB'],
      'ultra-long-special-treasury-bond': ['ultra-long special treasury bond'],
      'policy-bank': ['policy bank'],
      'total-loss-absorbing-capacity': ['total loss-absorbing capacity', 'TLAC'],
      'time-deposit': ['time deposit', 'fixed deposit', 'term deposit'],
      'financial-asset-management-company': ['financial asset management company', 'asset management company', 'AMC'],
      'commercial-bill': ['commercial bill', 'commercial draft'],
    });
  });
});

describe('a regional form that is also an ordinary word, or current in Hong Kong too, is not another region’s word there', () => {
  rows([
    // 衡量 (Taiwan's accounting measurement) and 保管 (Taiwan's custody) are ordinary words everywhere
    ['衡量 and 保管 in Hong Kong', '以指標衡量風險，並妥善保管資產。', 'zh-HK', []],
    ['衡量 and 保管 in a simplified text', '用指标衡量风险，托管银行负责保管资产。', 'zh-Hans', []],
    // both 投資者 and 投資人, both 資料庫 and 數據庫 are written in Hong Kong
    ['投資人 and 資料庫 in Hong Kong', '投資人可查閱資料庫。', 'zh-HK', []],
    ['投資者 and 數據庫 in Hong Kong', '投資者可查閱數據庫。', 'zh-HK', []],
    // 移動支付 is ordinary in Hong Kong beside 流動支付; 資料庫 compounds follow 資料庫
    [
      '移動支付 and 資料庫 compounds in Hong Kong',
      '移動支付與流動支付並行，銀行以資料庫管理系統、集中式資料庫、向量資料庫、圖資料庫和原生圖資料庫存放數據。',
      'zh-HK',
      [],
    ],
    // a Taiwan word Hong Kong does not use is still found
    ['行動支付 in Hong Kong', '行動支付普及。', 'zh-HK', ['regional-variant 行動支付 → 流動支付']],
    // so is a 資料庫 compound whose other part is Taiwan's (分散式, 關聯式)
    [
      'Taiwan’s 分散式 and 關聯式 in Hong Kong',
      '採用分散式資料庫和關聯式資料庫。',
      'zh-HK',
      ['regional-variant 分散式資料庫 → 分佈式數據庫', 'regional-variant 關聯式資料庫 → 關係型數據庫'],
    ],
    // Hong Kong writes 記憶體 as well as 內存, and so its compounds; 存取 in DMA is not decided for Hong Kong
    [
      '記憶體 and its compounds in Hong Kong',
      '記憶體不足，改用內存；採用記憶體技術和記憶體資料庫，並以直接記憶體存取傳輸。',
      'zh-HK',
      ['regional-variant 直接記憶體存取 → 直接內存訪問'],
    ],
    // in Taiwan 內存 is still not Taiwan's word
    ['內存 in Taiwan', '記憶體不足，改用內存。', 'zh-TW', ['regional-variant 內存 → 記憶體']],
    // 投資者 is common in Taiwan; 計量 is Taiwan's ordinary word for metering and metrology
    ['投資者 and 計量 in Taiwan', '投資者關注金融資產的計量與碳減排計量。', 'zh-TW', []],
    // and 移動支付 is still not Taiwan's word
    ['移動支付 in Taiwan', '移動支付普及。', 'zh-TW', ['regional-variant 移動支付 → 行動支付']],
  ]);

  const conversions: [text: string, to: ChineseScript, expected: string][] = [
    ['用指标衡量风险，妥善保管资产。', 'zh-HK', '用指標衡量風險，妥善保管資產。'],
    ['用指标衡量风险，妥善保管资产。', 'zh-Hant', '用指標衡量風險，妥善保管資產。'],
    ['用指標衡量風險，妥善保管資產。', 'zh-Hans', '用指标衡量风险，妥善保管资产。'],
    ['投資人使用資料庫。', 'zh-HK', '投資人使用資料庫。'],
    ['移動支付接入圖資料庫。', 'zh-HK', '移動支付接入圖資料庫。'],
    ['記憶體資料庫的記憶體技術', 'zh-HK', '記憶體資料庫的記憶體技術'],
    ['内存数据库的内存技术', 'zh-HK', '內存數據庫的內存技術'],
    // Taiwan's terms are still written for Taiwan
    ['以公允价值计量，由托管银行托管。', 'zh-TW', '以公允價值衡量，由保管銀行保管。'],
    ['投资者以公允价值计量资产。', 'zh-TW', '投資人以公允價值衡量資產。'],
    // and a traditional text's 投資者 and ordinary 計量 are left as written for Taiwan; fair value
    // measurement, an accounting term, is Taiwan's 公允價值衡量 (IFRS 13)
    ['投資者關注資產的計量。', 'zh-TW', '投資者關注資產的計量。'],
    ['投資者以公允價值計量資產。', 'zh-TW', '投資者以公允價值衡量資產。'],
  ];
  for (const [text, to, expected] of conversions)
    it(`converting ${text} to ${to}: ${expected}`, () => expect(convertText(text, to, glossary)).toBe(expected));
});

describe('disputed Hong Kong vocabulary: neither form is wrong in a Hong Kong text', () => {
  rows([
    // 數碼轉型 is the glossary's Hong Kong form; 數字化轉型 is current in Hong Kong too
    ['數字化轉型 and 數碼轉型', '銀行推動數字化轉型，亦稱數碼轉型。', 'zh-HK', []],
    ['數字化, 手機銀行, 數據質量', '銀行數字化，手機銀行普及，數據質量提升。', 'zh-HK', []],
    // in Taiwan they are still other regions' words
    [
      'in Taiwan',
      '推動數字化轉型，手機銀行普及，數據質量提升。',
      'zh-TW',
      ['regional-variant 數字化轉型 → 數位轉型', 'regional-variant 手機銀行 → 行動銀行', 'regional-variant 數據質量 → 資料品質'],
    ],
  ]);
});

describe('a note on a card claims no source the project cannot cite', () => {
  // the project holds no HKMA, SFC, FSC or Taiwan central bank document and no Taiwan law text
  // (glossary/REGIONAL.md, §8): a note or reason that says what one of them writes would present an
  // unchecked claim as a citation. Every field of an entry and of a term is listed here (the
  // compiler asks for a new one): its prose, or null for names and codes.
  type Texts = (e: GlossaryEntry) => [where: string, text: string | undefined][];
  const termProse: { [K in keyof Term]-?: ((t: Term) => string | undefined) | null } = {
    text: null,
    lang: null,
    role: null,
    scripts: null,
    status: null,
    usage: (t) => t.usage,
    sense: (t) => t.sense,
    review: (t) => t.review?.reason,
    pos: null,
    register: null,
    geo: null,
    replacedBy: null,
  };
  const entryProse: { [K in keyof GlossaryEntry]-?: Texts | null } = {
    id: null,
    zhHans: null,
    zhHant: null,
    zhTw: null,
    zhHk: null,
    zhAliases: null,
    en: null,
    abbr: null,
    definitionEn: (e) => [['definitionEn', e.definitionEn]],
    definitionZh: (e) => [['definitionZh', e.definitionZh]],
    definitionZhSource: null,
    domain: null,
    related: null,
    status: null,
    replacedBy: null,
    pos: null,
    historical: (e) => [['historical', e.historical?.note]],
    provenance: null,
    quote: (e) => [['quote', e.quote?.text]],
    terms: (e) =>
      termsOf(e).flatMap((t) =>
        Object.entries(termProse).flatMap(([field, text]): [string, string | undefined][] =>
          text ? [[`${t.text} ${field}`, text(t)]] : [],
        ),
      ),
    examples: (e) => e.examples.map((x, i) => [`example ${i + 1}`, x.text]),
    occurrences: null,
    origin: null,
    note: (e) => [['note', e.note]],
  };
  const body =
    /HKMA|Hong Kong Monetary Authority|金管局|金融管理局|\bSFC\b|Securities and Futures Commission|證券及期貨事務監察委員會|证券及期货事务监察委员会|香港證監會|香港证监会/;

  it('only two definitions name the HKMA or the SFC, as actors', () => {
    const naming: string[] = [];
    for (const e of glossary.entries)
      for (const texts of Object.values(entryProse))
        if (texts) for (const [where, text] of texts(e)) if (text && body.test(text)) naming.push(`${e.id} ${where}`);
    // who built mBridge and who launched FPS: facts about the bodies, not words said to be theirs
    expect(naming).toEqual([
      'faster-payment-system definitionEn',
      'faster-payment-system definitionZh',
      'mbridge definitionEn',
      'mbridge definitionZh',
    ]);
  });

  it("no text says what Taiwan's FSC, its central bank or its law writes", () => {
    const taiwanBody =
      /\bFSC\b|Financial Supervisory Commission|金管會|金管会|金融監督管理委員會|金融监督管理委员会|Taiwan's central bank|Central Bank of the Republic of China|\bCBC\b|中央銀行|Taiwan's (securities )?laws?\b/;
    const naming: string[] = [];
    for (const e of glossary.entries)
      for (const texts of Object.values(entryProse))
        if (texts) for (const [where, text] of texts(e)) if (text && taiwanBody.test(text)) naming.push(`${e.id} ${where}`);
    expect(naming).toEqual([]);
  });

  it("no entry says its English follows the HKMA, the SFC, the Insurance Authority or Taiwan's FSC or central bank", () => {
    // provenance.en, which lookup --json prints: Hong Kong usage is market usage, a scheme's name its own
    const following = glossary.entries
      .filter((e) => e.provenance?.en.some((who) => ['HKMA', 'SFC', 'HKIA', 'FSC', 'CBC'].includes(who)))
      .map((e) => e.id);
    expect(following).toEqual([]);
    const provenance = (id: string) => glossary.entries.find((e) => e.id === id)!.provenance?.en;
    expect([provenance('time-deposit'), provenance('faster-payment-system'), provenance('stock-connect')]).toEqual([
      ['PBOC', 'market'],
      ['self'],
      ['CSRC', 'self'],
    ]);
  });

  it('no text says what a Hong Kong or Taiwan law, rule book, exchange, tax office or translation writes', () => {
    // the project holds none of them either: Taiwan's Banking Act, Company Act or Securities and
    // Exchange Act, Hong Kong's ordinances, Listing Rules or Takeovers Code, HKEX, TWSE, TAIFEX, TPEx,
    // their clearing houses, the IRD, the Insurance Authority, the PCPD, the statistics offices, the
    // official translations of IFRS. A note says what the region writes and why.
    const authority =
      /\b(?:Banking|Company|Insurance|Securities and Exchange|Income Tax|Futures Trading|Certified Public Accountant|Personal Data Protection) Act\b|[Oo]rdinance|Listing Rules|listing rules say|Takeovers Code|\bHKEX\b|港交所|香港交易所|\bIRD\b|Inland Revenue|Insurance Authority|\bPCPD\b|\bAMLO\b|\bSFO\b|\bFIRO\b|\bCCASS\b|\bTWSE\b|\bTPEx\b|\bTAIFEX\b|\bDGBAS\b|C&SD|clearing houses? (?:say|call)|exchanges say|exchange rules|(?:IFRS|IAS|HKFRS)(?: \d+)?(?:'s)? (?:translation|statements|wordings?)|(?:IFRS|IAS|HKFRS) \d+'s title|Taiwan's translation|Hong Kong's government|Taiwan's (?:tax authority|regulations|standards|transfer pricing rules)|auditing standards|[Ll]egislation|\bin statute\b|personal data law|legal term|Hong Kong regulation/;
    const naming: string[] = [];
    for (const e of glossary.entries)
      for (const texts of Object.values(entryProse))
        if (texts) for (const [where, text] of texts(e)) if (text && authority.test(text)) naming.push(`${e.id} ${where}`);
    expect(naming).toEqual([]);
  });

  it('no note rests a word on the Chinese name of a law the project does not hold', () => {
    // usage and sense notes and the reasons under forms: a law's name as an example of a word in use
    // (個人資料（私隱）條例 for 私隱, 《税收征收管理法》 for 偷税) is a citation nobody can check
    const lawName = /條例|条例|《[^》]+》|(?:保護|保护|防制|簽章|签章|管理|征收|徵收)法|刑法|查核準則|办法（试行）/u;
    const naming: string[] = [];
    for (const e of glossary.entries)
      for (const t of termsOf(e))
        for (const [field, text] of [
          ['usage', t.usage],
          ['sense', t.sense],
          ['reason', t.review?.reason],
        ] as const)
          if (text && lawName.test(text)) naming.push(`${e.id} ${t.text} ${field}`);
    // only a form's reason that gives the law's own name in a region: the entry is that law
    expect(naming).toEqual([
      'gdpr 一般資料保護規則 reason',
      'gdpr 通用數據保障條例 reason',
      'personal-information-protection-law 個人信息保護法 reason',
    ]);
  });
});

describe('a sense note agrees with its entry and with the trade', () => {
  const sense = (id: string, text: string) => termsOf(glossary.entries.find((e) => e.id === id)!).find((t) => t.text === text)!.sense ?? '';

  it('政策性银行: China Development Bank, a policy bank in the definition, is not said to have left the category', () => {
    // the definition counts it among the three; the note says it has been positioned as a
    // development financial institution since 2015: both, not one against the other
    const e = glossary.entries.find((x) => x.id === 'policy-bank')!;
    expect(e.definitionEn).toContain('the China Development Bank, the Export-Import Bank of China');
    expect(sense('policy-bank', '政策性银行')).toContain('still often counted among the three policy banks');
  });

  it('不良资产: disposing of NPAs is not only buying them, and banks do it too', () => {
    const note = sense('non-performing-asset', '不良资产');
    expect(note).not.toContain('buying and resolving');
    expect(note).toContain('the bank that holds them');
  });

  it('久期: Macaulay and modified duration are the usual measures, not the only two', () => {
    expect(sense('duration', '久期')).toContain('另有有效久期');
  });
});

describe('a note cites its source as the source says it', () => {
  it('环境信息披露: the China-UK group renamed in December 2022 was the climate and environmental one', () => {
    // source 001: 中英金融机构气候和环境信息披露工作组正式更名为中英金融机构可持续信息披露工作组
    const e = glossary.entries.find((x) => x.id === 'environmental-information-disclosure')!;
    const note = termsOf(e).find((t) => t.text === '环境信息披露')!.sense ?? '';
    expect(note).toContain('China-UK working group on 气候和环境信息披露');
    expect(note).not.toContain('renamed from the one to the other');
  });
});

describe('a reworded reason keeps the scope it had', () => {
  it('保險合約: Taiwan says 合約 in IFRS 17 accounting, and 契約 for its policies', () => {
    // the reason once read "Taiwan (IFRS 17 保險合約) and Hong Kong (HKFRS 17)"; as "Taiwan and Hong
    // Kong say 合約 for contract" it contradicted 新契約價值, 契約撤銷期 and 契約停效 (契約 for policies)
    const e = glossary.entries.find((x) => x.id === 'insurance-contract')!;
    const reason = termsOf(e).find((t) => t.text === '保險合約')!.review?.reason ?? '';
    expect(reason).toContain('Taiwan in IFRS 17 accounting');
    expect(reason).toContain('保險契約');
  });
});
