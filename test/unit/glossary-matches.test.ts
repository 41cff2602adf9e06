/**
 * False matches of the bundled glossary found by auditing every match over the two sources (the
 * s14 review): an everyday word indexed in a technical sense, a Taiwan or Hong Kong form read
 * into simplified text, a homonym the glossary lacked, a headword in the wrong direction. What a
 * writer sees: the concepts hovering shows, the findings of term QA and the output of conversion.
 * Every expected value is written here by hand.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertText } from '../../server/src/engine/convertText';
import type { ChineseScript } from '../../server/src/engine/entry';
import { DocumentIndex } from '../../server/src/engine/documentIndex';
import { DocumentChecker } from '../../server/src/engine/termQA';
import { hover } from '../../server/src/features/hover';
import { type UiLanguage, wordsFor } from '../../server/src/features/words';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { termsOf } from '../../server/src/engine/terms';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';

const glossary = glossaryFromFile(join(__dirname, '../../dist/glossary.json'));

/** The concepts a text's terms stand for, as written: what hovering each shows. */
function concepts(text: string): string[] {
  return glossary.index.scan(text).map((m) => `${text.slice(m.start, m.end)} ${m.entries.map((e) => glossary.entries[e]!.id).join(' ')}`);
}

const entry = (id: string) => glossary.entries.find((e) => e.id === id)!;

/** The lines of the card hovering `term` (its first occurrence) in a plain-text document `text` shows. */
function cardLines(text: string, term: string): string[] {
  const doc = TextDocument.create('file:///doc.txt', 'plaintext', 1, text);
  const card = hover(glossary, doc, doc.positionAt(text.indexOf(term) + 1), new DocumentIndex(glossary.index, text));
  return (card!.contents as { value: string }).value.split('\n');
}

function findings(text: string, script: ChineseScript): string[] {
  const checker = new DocumentChecker({ source: glossary, script });
  return checker.check(glossary.index.scan(text), text).map((f) => `${f.rule} ${f.term} → ${f.suggestions.join(' ')}`);
}

describe('an everyday word is not the accounting term spelt the same', () => {
  it.each([
    // control over an investee (IFRS 10) only as 控制权 / 控制关系
    ['不良贷款率控制在2%以下', ['不良贷款率 non-performing-loan-ratio']],
    ['预测和控制风险', ['风险 risk']],
    ['访问控制和权限控制', []],
    ['企业之间隐性控制关系', ['控制关系 control']],
    ['取得子公司控制权', ['子公司 subsidiary', '控制权 control']],
    // recognition only as 会计确认; materiality only as 重要性原则
    ['确认订单后修复确认', []],
    ['会计确认与会计计量', ['会计确认 recognition', '会计计量 measurement']],
    // measurement only as 会计计量 (公允价值计量 is fair value measurement): risk or carbon
    // quantification, a metrology institute and Taiwan's ordinary 衡量 (to weigh) are not it
    ['风险识别、计量、监测与预警', ['风险识别 risk-identification']],
    ['提升银行对客户碳减排贡献度计量的准确度', ['银行 bank', '碳减排 carbon-emission-reduction']],
    ['深圳计量院', []],
    ['可衡量的指标', []],
    ['以公允价值计量且变动计入损益', ['公允价值计量 fair-value-measurement']],
    // significant influence (IAS 28) is not a major impact; capitalising a cost is 费用资本化 /
    // 支出资本化, not turning data into capital
    ['产生重大影响的新兴业务模式', ['业务模式 operating-model']],
    ['具有重大影响力的企业', []],
    ['对被投资单位具有重大影响', ['投资 investment', '重大影响 significant-influence']],
    ['数据资产化、资本化', ['数据资产化 data-assetization']],
    ['研发支出资本化与费用资本化', ['支出资本化 capitalisation', '费用资本化 capitalisation']],
    ['业务重要性', []],
    ['遵循重要性原则', ['重要性原则 materiality']],
    // prudence: 稳健性 alone is soundness; divestiture: 剥离 alone is often IT decoupling
    ['资金流动性和稳健性', []],
    ['资产剥离和业务剥离', ['资产剥离 divestiture', '业务剥离 divestiture']],
  ])('%s', (text, expected) => expect(concepts(text)).toEqual(expected));

  it('converting to Taiwan no longer writes the accounting words into ordinary text', () => {
    expect(convertText('确认订单，业务重要性', 'zh-TW', glossary)).toBe('確認訂單，業務重要性');
    expect(convertText('遵循重要性原则，会计确认', 'zh-TW', glossary)).toBe('遵循重大性原則，認列');
  });
});

describe('a Taiwan or Hong Kong form is not read into simplified text', () => {
  it('权益 (rights) in a simplified text gives no owners’-equity card; 權益 in a Taiwan statement does', () => {
    expect(concepts('保护消费者权益和权益兑换')).toEqual([]);
    expect(concepts('歸屬於母公司業主之權益')).toEqual(['母公司 parent-company', '權益 owners-equity']);
  });

  it('nor across words: 关系|人类, 当|机构, 简|介面', () => {
    expect(concepts('气候变化问题关系人类共同命运')).toEqual(['气候变化 climate-change']);
    expect(concepts('当机构属性发生变化时')).toEqual([]);
    expect(concepts('简介面对黑产')).toEqual(['黑产 fraud-underground-economy']);
    expect(concepts('系統當機了')).toEqual(['當機 server-downtime']);
  });

  it('帐户, a simplified spelling of 账户, is still an account', () => {
    expect(concepts('信用卡帐户')).toEqual(['信用卡 credit-card', '帐户 account']);
  });

  it('a round trip through Hong Kong script keeps 消费者权益 and 政府补贴 as written', () => {
    const there = convertText('保护消费者权益，政府补贴', 'zh-HK', glossary);
    expect(there).toBe('保護消費者權益，政府補貼');
    expect(convertText(there, 'zh-Hans', glossary)).toBe('保护消费者权益，政府补贴');
  });

  it('智慧化 is mainland usage too: no regional-variant finding, and converting keeps it', () => {
    expect(findings('推进网点智慧化转型', 'zh-Hans')).toEqual([]);
    expect(convertText('網點智慧化轉型', 'zh-Hans', glossary)).toBe('网点智慧化转型');
  });
});

describe('a homonym the glossary lacked has its own card', () => {
  it.each([
    ['芝加哥期权交易所', ['期权 option', '交易所 exchange']],
    ['跨 IDC 容灾切换', ['IDC idc-research internet-data-center', '容灾 disaster-recovery']],
    ['如ERP、CRM等系统', ['ERP equity-risk-premium erp']],
    ['财政票据电子化', ['财政票据 fiscal-receipt']],
    ['私有化部署的大模型', ['私有化部署 on-premises-deployment', '大模型 large-model']],
    ['民生银行资金 e 监管', ['民生银行 minsheng-bank', '资金 e 监管 funds-supervision']],
    // transaction records, not the transaction
    ['交易记录', ['交易记录 transaction-records']],
    // English: a Raft leader lease is a lease of a distributed system (both cards, the contract
    // first); Recognition inside a conference's name and palm recognition are not accounting
    // recognition
    ['新旧Leader 的 lease 是不重叠的', ['lease lease lease-distributed-systems']],
    [
      '文档分析与识别国际会议(International Conference on Document Analysis and Recognition,ICDAR)',
      ['文档分析与识别国际会议 icdar', 'International Conference on Document Analysis and Recognition icdar', 'ICDAR icdar'],
    ],
    ['palm recognition and palm vein recognition', ['palm recognition palm-recognition', 'palm vein recognition palm-vein-recognition']],
    ['非接触式掌纹掌静脉融合识别终端', ['掌纹掌静脉融合识别 palm-recognition']],
    ['the recognition of revenue', ['recognition recognition', 'revenue revenue']],
    // risk measurement (风险计量) quantifies risk: it is not accounting measurement (会计计量)
    ['加强风险计量', ['风险计量 risk-measurement']],
    ['risk measurement and measurement', ['risk measurement risk-measurement', 'measurement measurement']],
    // a fund manager (the person) and 收付款 showed the cards of 基金 and 付款 inside them
    ['对基金经理基础信息', ['基金经理 individual-fund-manager']],
    ['the fund manager', ['fund manager fund-manager individual-fund-manager']],
    ['推送收付款平台收款', ['收付款 receipts-and-payments', '平台 platform', '收款 collection']],
    // in bank lending 权证 is the title certificate of collateral: hovering it shows both cards
    [
      '财务报表、权证、票据等凭证',
      ['财务报表 financial-statements', '权证 collateral-title-certificate warrant', '票据 negotiable-instrument'],
    ],
  ])('%s', (text, expected) => expect(concepts(text)).toEqual(expected));
});

describe('a product name listed under its concept', () => {
  it('资金e监管 is Minsheng Bank’s product: its note says to keep the name as written', () => {
    const t = termsOf(entry('funds-supervision')).find((x) => x.text === '资金e监管')!;
    expect([t.pos, t.usage]).toEqual([
      'properNoun',
      '民生银行资金监管服务的产品名（常写作“资金 e 监管”）；指该产品时照原样写，不改作“资金监管”。',
    ]);
  });

  it('and writing it beside the concept’s name is no inconsistency (the card shows the concept)', () => {
    expect(findings('资金监管服务：民生银行“资金 e 监管”。', 'zh-Hans')).toEqual([]);
    expect(concepts('资金监管服务：民生银行“资金 e 监管”。')).toEqual([
      '资金监管 funds-supervision',
      '民生银行 minsheng-bank',
      '资金 e 监管 funds-supervision',
    ]);
  });
});

describe('银联商务票据服务云平台, China UMS’s invoicing product', () => {
  it('shows the invoicing card with a note to keep the name, not the negotiable-instrument card', () => {
    expect(concepts('银联商务票据服务云平台已上线运营')).toEqual(['银联商务 china-ums', '票据服务云平台 invoicing']);
    expect(concepts('银联商务票据云平台')).toEqual(['银联商务 china-ums', '票据云平台 invoicing']);
    const t = termsOf(entry('invoicing')).find((x) => x.text === '票据服务云平台')!;
    expect([t.pos, t.usage]).toEqual([
      'properNoun',
      '银联商务开票和票据服务产品的名称（银联商务票据服务云平台，也写作“票据云平台”）；指该产品时照原样写，其中的“票据”是发票和收据，不是汇票、本票。',
    ]);
  });

  it('and writing it beside 开票 is no inconsistency', () => {
    expect(findings('为商户开票：银联商务票据服务云平台。', 'zh-Hans')).toEqual([]);
  });
});

describe('the headword is the standard term, the colloquial form an alias', () => {
  it.each([
    ['股权众筹和权益众筹', ['inconsistent-term 权益众筹 → 股权众筹']],
    ['生态系统和生态圈', ['inconsistent-term 生态圈 → 生态系统']],
    ['碳达峰碳中和与双碳', ['inconsistent-term 双碳 → 碳达峰碳中和']],
  ])('%s', (text, expected) => expect(findings(text, 'zh-Hans')).toEqual(expected));

  it('Capital One’s Chinese headword is Chinese', () => {
    expect([entry('capital-one').zhHans, entry('capital-one').zhHant]).toEqual(['第一资本', '第一資本']);
  });
});

describe('a name that is not the concept’s (from the s14 review’s term QA sample)', () => {
  it('商户进件 is merchant onboarding, not a loan application; 进件 alone stays an application file', () => {
    expect(concepts('批量商户进件、商户审核')).toEqual(['商户进件 merchant-onboarding', '商户 merchant']);
    expect(concepts('信贷进件审核')).toEqual(['信贷 credit', '进件 application-intake']);
  });

  it('a fund manager is not a portfolio manager of any portfolio: writing both is no inconsistency', () => {
    expect(findings('投资经理与基金经理', 'zh-Hans')).toEqual([]);
    expect(convertText('基金经理', 'zh-TW', glossary)).toBe('基金經理人');
  });

  it('用户隐私 is what privacy protection protects: 保护用户隐私 is no inconsistency, and no fix makes 保护隐私保护', () => {
    expect(findings('加强隐私保护，保护用户隐私。', 'zh-Hans')).toEqual([]);
    // the card of what it is: privacy
    expect(concepts('保护用户隐私')).toEqual(['隐私 privacy']);
  });
});

describe('a glossary note in the document’s script (the notes are written in simplified characters)', () => {
  const messages = (text: string, script: ChineseScript, ui: UiLanguage = 'en') => {
    const checker = new DocumentChecker({ source: glossary, script });
    return checker.check(glossary.index.scan(text), text).map((f) => wordsFor(ui).qa.message(f));
  };
  /** The lines of the card hovering `term` in `text` shows that carry the term's own notes. */
  const noteLines = (text: string, term: string) =>
    cardLines(text, term).filter((l) => l.startsWith('⚠') || l.startsWith('*Usage:*') || l.startsWith('*Sense:*'));

  it('term QA quotes a usage note in a traditional document in traditional characters', () => {
    expect(messages('舊報表中的遞延稅款', 'zh-Hant')).toEqual([
      '“遞延稅款” is superseded (deferred tax): use “遞延所得稅”. 2006年以前納稅影響會計法下的科目名稱；現行準則採用資產負債表債務法，稱遞延所得稅資產/負債。',
    ]);
    expect(messages('舊報表中的遞延稅款', 'zh-Hant', 'zh-Hant')).toEqual([
      '「遞延稅款」（deferred tax）是已被取代的術語，請改用「遞延所得稅」。 2006年以前納稅影響會計法下的科目名稱；現行準則採用資產負債表債務法，稱遞延所得稅資產/負債。',
    ]);
    // and as written in a simplified one
    expect(messages('旧报表中的递延税款', 'zh-Hans')).toEqual([
      '“递延税款” is superseded (deferred tax): use “递延所得税”. 2006年以前纳税影响会计法下的科目名称；现行准则采用资产负债表债务法，称递延所得税资产/负债。',
    ]);
  });

  it('the card shows the term’s warning and notes in the script of the text hovered', () => {
    expect(noteLines('2013年起螞蟻金服崛起', '螞蟻金服')).toEqual([
      '⚠ *Superseded term:* 螞蟻金服 — use **螞蟻集團**',
      '*Usage:* 2020年更名前的名稱。',
    ]);
    expect(noteLines('2013年起蚂蚁金服崛起', '蚂蚁金服')).toEqual([
      '⚠ *Superseded term:* 蚂蚁金服 — use **蚂蚁集团**',
      '*Usage:* 2020年更名前的名称。',
    ]);
    expect(noteLines('會計確認與會計計量', '會計計量')).toEqual([
      '*Sense:* 會計中指以貨幣金額確定報表要素（計量屬性、初始計量、後續計量）；單獨的“計量”（碳減排貢獻度計量、計量院）和“衡量”是一般詞語（measurement、quantification、metrology），不是本概念，故不收；風險計量（risk measurement）另見其詞條。',
    ]);
  });
});

describe('an English word hovered in its everyday sense says which sense its card is', () => {
  /** The sense lines of the card hovering `term` in `text`, as a reader sees them (Markdown's escapes taken off). */
  const senses = (text: string, term: string) =>
    cardLines(text, term)
      .filter((l) => l.startsWith('*Sense:*'))
      .map((l) => l.replace(/\\(.)/g, '$1'));

  it('recognition and measurement: the accounting sense, and the everyday ones it is not', () => {
    expect(senses('The startup gained recognition.', 'recognition')).toEqual([
      '*Sense:* The accounting sense: putting an item into the financial statements (recognise revenue, an asset). Recognition as acknowledgement (gained recognition: 认可) or as identification (image or speech recognition: 识别) is another word.',
    ]);
    expect(senses('performance measurement', 'measurement')).toEqual([
      '*Sense:* The accounting sense: the amounts at which the elements of the financial statements are recognised (initial and subsequent measurement, fair value measurement). Measuring risk (风险计量), performance or carbon emissions, and metrology, are other words.',
    ]);
  });

  it('policy, margin, message and bill: the finance sense, and the everyday one with its Chinese', () => {
    expect(senses('Read our privacy policy.', 'policy')).toEqual([
      '*Sense:* Here an insurance policy (保单). Policy as a rule or a course of action (monetary policy, credit policy, privacy policy) is 政策.',
    ]);
    expect(senses('a thin profit margin', 'margin')).toEqual([
      '*Sense:* Here a margin or security deposit (保证金). A profit margin is 利润率, and the net interest margin 净息差.',
    ]);
    expect(senses('send a text message', 'message')).toEqual([
      '*Sense:* Here a structured message between financial systems (报文, as in ISO 20022). A message in the everyday sense (a text message, a notice) is 消息 or 信息.',
    ]);
    expect(senses('pay the utility bill', 'bill')).toEqual([
      '*Sense:* Here a bill of exchange, promissory note or cheque (票据). A bill to pay (a utility bill, a card bill) is 账单, a bill of lading 提单, and a bill before a legislature 法案.',
    ]);
    // the compound term's card has no such note: it is the insurance policy
    expect(senses('the insurance policy', 'insurance')).toEqual([]);
  });

  it('account, exchange, transfer, deal, share, stock and bond: the same', () => {
    expect(senses('take into account', 'account')).toEqual([
      '*Sense:* Here an account kept by a bank or payment provider (账户). To take into account is 考虑, on account of 由于, and an account of events 叙述 or 说明.',
    ]);
    expect(senses('data exchange', 'exchange')).toEqual([
      '*Sense:* Here a trading venue (交易所). An exchange of data or goods is 交换 (data exchange: 数据交换), in exchange for 作为交换, and foreign exchange 外汇.',
    ]);
    expect(senses('technology transfer', 'transfer')).toEqual([
      '*Sense:* Here a transfer of funds between accounts (转账). A transfer of technology or rights is 转让, of data 传输, and of ownership 过户.',
    ]);
    expect(senses('a good deal of work', 'deal')).toEqual([
      '*Sense:* Here a financial transaction (交易). A deal as an agreement is 协议, and a good deal (of) 大量.',
    ]);
    expect(senses('share the link', 'share')).toEqual([
      '*Sense:* Here a share in a company (股票, 股份). To share data or a link is 分享 or 共享, and a market share is 份额.',
    ]);
    expect(senses('stock up on paper', 'stock')).toEqual([
      '*Sense:* Here shares in a company (股票). Stock as goods held is 库存, and a stock as an amount outstanding (a stock of loans) is 存量.',
    ]);
    expect(senses('a bond between them', 'bond')).toEqual([
      '*Sense:* Here a debt security (债券). A bond between people or organisations is 纽带.',
    ]);
  });

  it('operator, premium, claims, listing, oracle, capacity, credit, trial, posting and memory: the same', () => {
    const cases: [string, string, string][] = [
      [
        'a mobile operator',
        'operator',
        'Here an operator of a computation graph in AI frameworks (算子). A telecom or platform operator is 运营商, and the operator of a system or business 运营方.',
      ],
      [
        'a premium service',
        'premium',
        'Here an insurance premium (保费). A premium product or service is 高端 or 优质, and a price above par 溢价.',
      ],
      [
        'he claims that',
        'claims',
        'Here insurance claims and their handling (理赔). A claim that something is so is 声称, and a claim to money or property 债权 or 索赔.',
      ],
      [
        'a listing of files',
        'listing',
        'Here a listing on an exchange (上市). A listing as a list (a listing of files, a product listing) is 列表 or 清单.',
      ],
      [
        'an Oracle database',
        'Oracle',
        'Here a blockchain oracle, which feeds outside data to smart contracts (预言机). Oracle the company and its database are 甲骨文, usually written Oracle.',
      ],
      [
        'in my capacity as',
        'capacity',
        'Here the capacity of a system (容量). Capacity as ability is 能力, and acting in a capacity (a role) 以……身份.',
      ],
      [
        'give credit to',
        'credit',
        'Here lending (信贷). Credit as trustworthiness is 信用, an entry on the credit side 贷方, and giving someone credit 认可 or 归功于.',
      ],
      ['a clinical trial', 'trial', 'Here a pilot scheme (试点). A clinical trial is 临床试验, a free trial 试用, and a court trial 审判.'],
      ['a blog posting', 'posting', 'Here posting entries to the books (记账). A posting on a blog or a job board is 帖子 or 招聘信息.'],
      ['in memory of', 'memory', "Here a computer's working memory (内存). Memory as remembering is 记忆, and in memory of 纪念."],
    ];
    for (const [text, term, sense] of cases) expect(senses(text, term), term).toEqual([`*Sense:* ${sense}`]);
  });

  it('over the counter is off-exchange trading, not the bank counter’s card; its note names the counter', () => {
    expect(concepts('traded over the counter')).toEqual(['over the counter over-the-counter']);
    expect(concepts('over-the-counter derivatives')).toEqual(['over-the-counter over-the-counter', 'derivatives derivatives']);
    expect(senses('over-the-counter derivatives', 'over')).toEqual([
      '*Sense:* Here off-exchange trading (场外). At a bank branch, over-the-counter business is done at the counter (柜面).',
    ]);
  });
});

describe('a company’s former name is right for its time (the s14 review: 000:23:41)', () => {
  it('term QA flags neither it nor writing it beside the current name; the card still says what it became', () => {
    expect(findings('2013年起螞蟻金服、騰訊金融等巨頭崛起。網商銀行：螞蟻集團主導。', 'zh-Hant')).toEqual([]);
    expect(findings('京东数科更名为京东科技。', 'zh-Hans')).toEqual([]);
    expect(findings('Ant Financial, now Ant Group.', 'zh-Hans')).toEqual([]);
    expect(entry('ant-group').pos).toBe('properNoun');
  });

  it('a superseded name of anything else is still flagged', () => {
    expect(findings('旧报表中的递延税款', 'zh-Hans')).toEqual(['deprecated-term 递延税款 → 递延所得税']);
  });
});
