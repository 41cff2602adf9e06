/**
 * The alias audit of 2026-12-01 (glossary/REGIONAL.md, "Decisions (2026-12-01)"): every alias and
 * English term of every entry was read against its concept; a name of a wider, narrower or
 * neighbouring concept was removed, and the headword's sense note says what that name means.
 * Every expected value is written here by hand.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertText } from '../../server/src/engine/convertText';
import type { ChineseScript, GlossaryEntry } from '../../server/src/engine/entry';
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

const entry = (id: string): GlossaryEntry => glossary.entries.find((e) => e.id === id)!;
const sense = (id: string, text: string): string => termsOf(entry(id)).find((t) => t.text === text)?.sense ?? '';

/** The Chinese names each entry listed as aliases and no longer does. */
const removed: Record<string, string[]> = {
  'interim-financial-report': ['中报', '半年报'],
  'surplus-reserve': ['法定盈余公积'],
  'prior-period-error': ['会计差错'],
  'bargain-purchase': ['负商誉'],
  'double-entry-bookkeeping': ['借贷记账法'],
  'unmodified-opinion': ['标准无保留意见', '标准意见'],
  'external-audit': ['年报审计', '外部审计'],
  'business-model-test': ['管理金融资产的业务模式'],
  'corporate-deposit': ['企业存款'],
  'repurchase-agreement': ['正回购'],
  'loan-classification': ['金融资产风险分类'],
  'loan-restructuring': ['债务重组'],
  'debt-to-equity-swap': ['市场化债转股'],
  cheque: ['转账支票', '现金支票'],
  'rural-credit-cooperative': ['农信联社', '省农村信用社联合社', '农村信用社联合社'],
  'account-opening': ['线上开户', '远程开户'],
  'video-banking': ['远程银行'],
  'margin-deposit': ['清算保证金'],
  account: ['账户体系', '账户管理'],
  'self-service-device': ['自助银行', '智能柜员机'],
  'clearing-bank': ['人民币清算行', '境外人民币清算行'],
  'credit-risk-mitigation': ['风险缓释工具'],
  'stress-testing': ['宏观压力测试'],
  'operational-risk-capital': ['操作风险标准法'],
  'capital-replenishment': ['资本补充工具'],
  'evidence-preservation': ['区块链存证'],
  'on-chain-account': ['链上合约账户'],
  'central-counterparty': ['中央对手清算', '中央对手方清算'],
  netting: ['双边轧差', '多边轧差'],
  'settlement-risk': ['赫斯塔特风险'],
  'cheque-clearing': ['同城票据交换', '票据交换所'],
  'foreign-exchange-settlement-and-sale': ['结汇', '售汇'],
  saas: ['SaaS化'],
  container: ['容器化'],
  'active-standby': ['主备切换'],
  'ai-coding-assistant': ['代码生成'],
  'elastic-scaling': ['弹性扩容'],
  interface: ['数据接口'],
  'secure-element': ['国密安全单元'],
  'testing-platform': ['混沌测试平台'],
  'cross-border-data-flow': ['数据出境'],
  'large-model-plugin': ['插件'],
  'technology-ethics': ['金融科技伦理'],
  gpu: ['显卡'],
  'financial-literacy': ['数字金融素养'],
  'large-value-transaction-report': ['大额交易'],
  'sensitive-personal-information': ['敏感信息'],
  'security-assessment': ['数据出境安全评估'],
  'financial-leverage': ['杠杆'],
  patentee: ['专利申请人'],
  'customer-experience': ['用户体验'],
  'growth-rate': ['年增长率', '年均增长'],
  'e-commerce': ['电商平台'],
  threshold: ['投资门槛', '准入门槛'],
  'paulson-institute': ['保尔森基金会绿色金融中心'],
  'carbon-accounting': ['碳资产核算'],
  'surety-insurance': ['履约保证保险'],
  'non-proportional-reinsurance': ['超额损失再保险', '超赔再保险'],
  'mortality-table': ['经验生命表'],
  'insurance-distribution': ['保险销售'],
  'credit-reporting': ['个人征信', '企业征信'],
  'credit-line': ['数字授信'],
  'information-intermediary': ['网络借贷信息中介机构'],
  collateral: ['抵押物', '质押物'],
  'credit-reference-center': ['金融信用信息基础数据库'],
  'pledge-financing': ['在线质押融资'],
  'syndicated-loan': ['银团'],
  'credit-fraud': ['贷款欺诈', '骗贷'],
  'aggregate-financing-to-the-real-economy': ['社会融资规模存量', '社会融资规模增量'],
  'central-parity-rate': ['人民币兑美元汇率中间价'],
  'capital-account-convertibility': ['资本项目开放'],
  'balance-of-payments': ['国际收支平衡表'],
  'fund-sorting': ['实时清分'],
  reconciliation: ['自动对账', '自动化对账'],
  payout: ['代收代付'],
  checkout: ['收银台插件'],
  merchant: ['实体商户'],
  invoice: ['电子发票', '增值税发票', '增值税电子普通发票', '增值税电子专用发票'],
  invoicing: ['自动化开票'],
  'bill-payment': ['生活缴费'],
  'funds-supervision': ['预售资金监管', '商品房预售资金监管', '监管账户'],
  'fee-rate': ['优惠费率'],
  'merchant-onboarding': ['入网', '实时入网'],
  'error-handling': ['差错', '自动化差错处理'],
  'financial-transaction': ['交易记录'],
  collection: ['收付款'],
  'regulatory-penalty': ['行政处罚'],
  'online-financial-fraud': ['金融诈骗'],
  'fraudulent-application': ['虚假注册'],
  'main-board': ['沪市主板', '深市主板'],
  'registration-based-ipo-system': ['全面注册制'],
  'securities-underwriting': ['包销'],
  'risk-warning-stock': ['特别处理'],
  'northbound-trading': ['北向资金', '北上资金'],
  'southbound-trading': ['南向资金', '南下资金'],
  'short-selling': ['融券卖出'],
  warrant: ['认股权证'],
  reits: ['基础设施REITs', '公募REITs'],
  hkex: ['香港联合交易所', '联交所'],
  'shareholding-reduction': ['大股东减持'],
  'stock-pledge-repo': ['股票质押', '股权质押融资'],
  'ex-rights-ex-dividend': ['除权', '除息'],
  factoring: ['商业保理'],
  'warehouse-receipt': ['电子仓单', '数字仓单'],
  'movable-asset-financing': ['存货融资', '动产质押融资'],
  'supply-chain-bill': ['供应链票据平台'],
  'hard-and-expensive-financing': ['融资难', '融资贵'],
  'industrial-chain': ['产业链供应链'],
  'right-to-future-goods': ['货权'],
  commodities: ['大宗商品现货'],
  'golden-tax-system': ['金税三期', '金税四期'],
  'rd-super-deduction': ['加计扣除'],
  'trust-fundamental-business': ['回归本源'],
  'pension-service-trust': ['企业年金服务信托', '年金服务信托'],
  'fund-distribution': ['基金代销'],
  'portfolio-management': ['组合构建'],
  rebalancing: ['动态再平衡'],
  'portfolio-manager': ['基金经理'],
  'negotiable-instrument': ['电子票据', '票据业务'],
};

describe('a wider, narrower or neighbouring concept is not an alias (the audit of 2026-12-01)', () => {
  // each sentence writes a headword beside the names it listed: term QA called each pair an
  // inconsistency and offered to replace one with the other
  for (const text of [
    '中期财务报告与中报、半年报。盈余公积与法定盈余公积。前期差错与会计差错。廉价购买与负商誉。复式记账与借贷记账法。无保留意见与标准无保留意见、标准意见。财务报表审计与年报审计、外部审计。业务模式测试与管理金融资产的业务模式。',
    '单位存款与企业存款。回购与正回购。五级分类与金融资产风险分类。重组贷款与债务重组。债转股与市场化债转股。支票与转账支票、现金支票。农信社与农信联社、省农村信用社联合社、农村信用社联合社。开户与线上开户、远程开户。',
    '视频银行与远程银行。保证金与清算保证金。账户与账户体系、账户管理。自助设备与自助银行、智能柜员机。清算行与人民币清算行、境外人民币清算行。信用风险缓释与风险缓释工具。压力测试与宏观压力测试。',
    '操作风险资本与操作风险标准法。资本补充与资本补充工具。存证与区块链存证。链上账户与链上合约账户。中央对手方与中央对手清算、中央对手方清算。轧差与双边轧差、多边轧差。结算风险与赫斯塔特风险。票据交换与同城票据交换、票据交换所。',
    '结售汇与结汇、售汇。软件即服务与SaaS化。容器与容器化。主备与主备切换。代码辅助与代码生成。弹性伸缩与弹性扩容。接口与数据接口。安全单元与国密安全单元。',
    '测试平台与混沌测试平台。数据跨境与数据出境。大模型插件与插件。科技伦理与金融科技伦理。图形处理器与显卡。金融素养与数字金融素养。大额交易报告与大额交易。敏感个人信息与敏感信息。',
    '安全评估与数据出境安全评估。财务杠杆与杠杆。专利权人与专利申请人。客户体验与用户体验。增长率与年增长率、年均增长。电子商务与电商平台。门槛与投资门槛、准入门槛。保尔森基金会与保尔森基金会绿色金融中心。',
    '碳核算与碳资产核算。保证保险与履约保证保险。非比例再保险与超额损失再保险、超赔再保险。生命表与经验生命表。保险代销与保险销售。征信与个人征信、企业征信。授信额度与数字授信。信息中介与网络借贷信息中介机构。',
    '抵质押物与抵押物、质押物。征信中心与金融信用信息基础数据库。质押融资与在线质押融资。银团贷款与银团。金融欺诈与贷款欺诈、骗贷。社会融资规模与社会融资规模存量、社会融资规模增量。人民币汇率中间价与人民币兑美元汇率中间价。资本项目可兑换与资本项目开放。',
    '国际收支与国际收支平衡表。清分与实时清分。对账与自动对账、自动化对账。代付与代收代付。收银台与收银台插件。商户与实体商户。发票与电子发票、增值税发票、增值税电子普通发票、增值税电子专用发票。',
    '开票与自动化开票。缴费与生活缴费。资金监管与预售资金监管、商品房预售资金监管、监管账户。费率与优惠费率。商户入网与入网、实时入网。差错处理与差错、自动化差错处理。交易与交易记录。收款与收付款。',
    '监管处罚与行政处罚。网络金融诈骗与金融诈骗。虚假进件与虚假注册。主板市场与沪市主板、深市主板。注册制与全面注册制。承销与包销。风险警示股票与特别处理。北向交易与北向资金、北上资金。',
    '南向交易与南向资金、南下资金。卖空与融券卖出。权证与认股权证。不动产投资信托基金与基础设施REITs、公募REITs。香港交易及结算所有限公司与香港联合交易所、联交所。减持与大股东减持。股票质押式回购与股票质押、股权质押融资。',
    '除权除息与除权、除息。保理与商业保理。仓单与电子仓单、数字仓单。动产融资与存货融资、动产质押融资。供应链票据与供应链票据平台。融资难融资贵与融资难、融资贵。产业链与产业链供应链。未来货权与货权。',
    '大宗商品与大宗商品现货。金税工程与金税三期、金税四期。研发费用加计扣除与加计扣除。本源业务与回归本源。养老金服务信托与企业年金服务信托、年金服务信托。基金销售与基金代销。组合管理与组合构建。再平衡与动态再平衡。',
    '投资经理与基金经理。票据与电子票据、票据业务。',
  ])
    it(`no inconsistency: ${text.slice(0, 24)}…`, () => expect(findings(text, 'zh-Hans')).toEqual([]));

  it('each headword’s sense note says what the names it no longer lists mean', () => {
    const unnamed: string[] = [];
    for (const [id, names] of Object.entries(removed)) {
      const note = sense(id, entry(id).zhHans);
      for (const name of names) if (!note.includes(name)) unnamed.push(`${id} ${name}`);
    }
    expect(unnamed).toEqual([]);
  });

  it('what each concept is still called (the card’s and the export’s other names)', () => {
    const names = (id: string) => {
      const e = entry(id);
      return [...e.zhAliases, ...e.en, ...e.abbr];
    };
    expect(Object.fromEntries(Object.keys(expected).map((id) => [id, names(id)]))).toEqual(expected);
  });

  it('the names the terminologist review listed show the concept inside them, or their own', () => {
    expect(concepts('个人征信与企业征信，电子发票与增值税发票，人民币清算行，电子仓单与数字仓单，宏观压力测试，认股权证。')).toEqual([
      '征信 credit-reporting',
      '征信 credit-reporting',
      '发票 invoice',
      '增值税 vat',
      '发票 invoice',
      '人民币 renminbi',
      '清算行 clearing-bank',
      '仓单 warehouse-receipt',
      '仓单 warehouse-receipt',
      // the banking stress test and stress testing a system, as before
      '压力测试 stress-testing system-stress-testing',
      // an equity warrant, one kind of 权证, is a concept of its own (else 股权 inside it matched)
      '认股权证 equity-warrant',
    ]);
  });

  it('用户体验, user experience, is a concept of its own beside 客户体验', () => {
    // the sources write it 32 times (改善用户体验): it was a name of customer experience
    expect(concepts('客户体验与用户体验')).toEqual(['客户体验 customer-experience', '用户体验 user-experience']);
    expect(convertText('提升用户体验', 'zh-TW', glossary)).toBe('提升使用者體驗');
  });

  it('nor is intraday credit intraday liquidity, nor net zero carbon neutrality, nor suretyship any guarantee', () => {
    // each was an English term of the wider or neighbouring concept; what is left is the words inside
    expect(
      concepts(
        'Intraday credit, palm recognition, net zero, suretyship, deepfake technology, capital controls, trade credit insurance and a key risk indicator.',
      ),
    ).toEqual([
      'credit credit',
      // palm recognition (print and vein) is a concept of its own now, not accounting recognition
      'palm recognition palm-recognition',
      'credit insurance credit-insurance',
      'risk indicator risk-indicator',
    ]);
    expect(sense('guarantee', '担保')).toContain('Suretyship (保证) is one form of it');
  });

  it('a true synonym the audit removed is a name again: each shows its concept’s card', () => {
    // 减记或转股条款 is the clause's full name (its definition: written down or converted), 操作风险资本要求
    // the capital the definition describes, 特约商户 the regulations' word for the merchant the definition
    // describes (one that has signed with an acquirer), 离岸人民币债券 what the definition says a dim sum bond is
    expect(concepts('减记或转股条款；操作风险资本要求；特约商户；离岸人民币债券。')).toEqual([
      '减记或转股条款 write-down-clause',
      '操作风险资本要求 operational-risk-capital',
      '特约商户 merchant',
      '离岸人民币债券 dim-sum-bond',
    ]);
    expect(concepts('A write-down or conversion clause; an offshore renminbi bond.')).toEqual([
      'write-down or conversion clause write-down-clause',
      'offshore renminbi bond dim-sum-bond',
    ]);
    // and term QA again calls a text that writes both names of the dim sum bond inconsistent
    expect(findings('点心债与离岸人民币债券。', 'zh-Hans')).toEqual(['inconsistent-term 离岸人民币债券 → 点心债']);
  });

  it('a sense note agrees with its definition', () => {
    expect(sense('merchant', '商户')).toBe(
      "A merchant that accepts payments under an agreement with an acquirer (特约商户, the regulations' word); 实体商户 (a merchant with a physical shop) is narrower, not another name for it.",
    );
    expect(sense('information-intermediary', '信息中介')).toContain('The role the law gave an online lending platform');
    expect(sense('repurchase-agreement', '回购')).toContain('As a repo, 回购 is the transaction as a whole; 正回购');
    expect(entry('scalability').definitionEn).toBe('The ability of a system to handle growing load by adding resources, without redesign.');
    expect(sense('scalability', '可扩展性')).toContain('可扩展性 is also said of extensibility');
    expect(sense('write-down-clause', '减记条款')).toBe(
      'The clause by which a capital instrument is written down or converted into shares (减记或转股条款 in full); 转股条款 alone is a conversion clause, as in a convertible bond, not another name for it.',
    );
  });

  it('English terms that name another concept are gone: asset segregation is not ring-fencing', () => {
    expect(
      concepts('Ring-fencing and bankruptcy remoteness; commercial paper; legal tender; Herstatt risk; excess of loss reinsurance.'),
    ).toEqual(['risk risk', 'reinsurance reinsurance']);
    expect(sense('asset-segregation', '资产隔离')).toContain('bankruptcy remoteness (破产隔离');
  });
});

const expected: Record<string, string[]> = {
  'interim-financial-report': ['interim financial report'],
  'surplus-reserve': ['surplus reserve'],
  'prior-period-error': ['prior period errors'],
  'bargain-purchase': ['bargain purchase'],
  'double-entry-bookkeeping': ['复式记账法', 'double-entry bookkeeping'],
  'unmodified-opinion': ['unmodified opinion', 'unqualified opinion'],
  'external-audit': ['audit of financial statements'],
  'business-model-test': ['business model test'],
  'corporate-deposit': ['对公存款', 'corporate deposit'],
  'repurchase-agreement': ['回购协议', '回购交易', 'repurchase agreement', 'repo'],
  'loan-classification': ['贷款五级分类', '贷款风险分类', 'five-category loan classification', 'loan risk classification'],
  'loan-restructuring': ['贷款重组', 'restructured loan', 'loan restructuring'],
  'debt-to-equity-swap': ['debt-to-equity swap', 'debt-for-equity swap'],
  cheque: ['cheque'],
  'rural-credit-cooperative': ['农村信用社', 'rural credit cooperative'],
  'account-opening': ['账户开立', 'account opening', 'onboarding'],
  'video-banking': ['video banking'],
  'margin-deposit': ['margin deposit', 'security deposit', 'margin'],
  // 帐户, a simplified spelling of 账户 (Taiwan's 帳戶 is matched only as Taiwan writes it)
  account: ['帐户', 'account'],
  'self-service-device': ['自助终端', 'self-service device', 'self-service terminal'],
  'clearing-bank': ['clearing bank'],
  'write-down-clause': ['减记或转股条款', 'write-down clause', 'write-down or conversion clause'],
  'credit-risk-mitigation': ['credit risk mitigation'],
  'stress-testing': ['银行压力测试', 'stress testing', 'stress test'],
  'operational-risk-capital': ['操作风险资本要求', 'operational risk capital'],
  'capital-replenishment': ['补充资本', 'capital replenishment', 'capital raising'],
  'fiat-currency': ['法定货币', 'fiat currency', 'fiat money'],
  'evidence-preservation': ['可信存证', '电子存证', 'evidence preservation', 'evidence storage'],
  'on-chain-account': ['on-chain account'],
  'central-counterparty': ['central counterparty', 'CCP'],
  netting: ['净额轧差', 'netting'],
  'settlement-risk': ['settlement risk'],
  'cheque-clearing': ['cheque clearing', 'clearing house exchange of cheques'],
  'foreign-exchange-settlement-and-sale': ['foreign exchange settlement and sale', 'FX purchase and sale'],
  saas: ['software as a service', 'SaaS'],
  container: ['容器技术', 'container'],
  'active-standby': ['active-standby', 'primary-standby', 'master-slave'],
  'ai-coding-assistant': ['代码辅助工具', 'AI coding assistant', 'code assistant'],
  scalability: ['扩展性', 'scalability'],
  'elastic-scaling': ['elastic scaling', 'auto scaling'],
  interface: ['interface'],
  'secure-element': ['secure element', 'SE'],
  'testing-platform': ['testing platform', 'test platform'],
  'cross-border-data-flow': ['数据跨境流动', 'cross-border data flow', 'cross-border data transfer'],
  'large-model-plugin': ['large model plugin', 'LLM plugin'],
  'technology-ethics': ['technology ethics', 'ethics of science and technology'],
  gpu: ['graphics processing unit', 'GPU'],
  'financial-literacy': ['financial literacy'],
  'large-value-transaction-report': ['large-value transaction report', 'large-value transaction reporting'],
  'sensitive-personal-information': ['sensitive personal information'],
  'security-assessment': ['security assessment'],
  'financial-leverage': ['financial leverage', 'gearing'],
  patentee: ['patentee', 'patent holder'],
  'customer-experience': ['customer experience', 'CX'],
  'growth-rate': ['growth rate'],
  'e-commerce': ['电商', 'e-commerce', 'online retail'],
  threshold: ['threshold', 'minimum requirement'],
  'paulson-institute': ['Paulson Institute'],
  'carbon-accounting': ['碳排放核算', 'carbon accounting', 'greenhouse gas accounting'],
  'surety-insurance': ['surety insurance', 'guarantee insurance'],
  'non-proportional-reinsurance': ['non-proportional reinsurance'],
  'mortality-table': ['死亡率表', 'mortality table', 'life table'],
  'insurance-distribution': ['insurance distribution', 'insurance agency sales'],
  'credit-reporting': ['征信服务', 'credit reporting', 'credit reference'],
  'credit-line': ['授信', 'credit line', 'credit limit', 'credit facility'],
  'information-intermediary': ['information intermediary'],
  collateral: ['押品', 'collateral', 'pledged assets'],
  'credit-reference-center': ['人行征信', '中国人民银行征信中心', 'Credit Reference Center of the PBOC', 'PBOC credit reference system'],
  'pledge-financing': ['质押贷款', 'pledge financing', 'pledged loan'],
  'syndicated-loan': ['syndicated loan'],
  'credit-fraud': ['financial fraud'],
  'aggregate-financing-to-the-real-economy': ['社融', 'aggregate financing to the real economy', 'total social financing', 'AFRE', 'TSF'],
  'central-parity-rate': ['中间价', '人民币中间价', 'central parity rate', 'RMB central parity'],
  'capital-account-convertibility': ['资本账户可兑换', 'capital account convertibility'],
  'balance-of-payments': ['balance of payments', 'BOP', 'BoP'],
  'fund-sorting': ['fund sorting', 'clearing allocation', 'split of proceeds'],
  reconciliation: ['reconciliation', 'account reconciliation'],
  payout: ['payout', 'disbursement on behalf', 'payment on behalf'],
  checkout: ['checkout', 'cashier', 'payment checkout page'],
  merchant: ['特约商户', 'merchant'],
  invoice: ['invoice', 'fapiao'],
  // and China UMS's invoicing product, as a proper noun (its note: keep the name)
  invoicing: ['开具发票', '票据服务云平台', '票据云平台', 'invoicing', 'invoice issuance'],
  'bill-payment': ['bill payment'],
  // 资金e监管, Minsheng Bank's product, under the concept it sells
  'funds-supervision': ['资金e监管', 'funds supervision', 'escrow'],
  'fee-rate': ['fee rate', 'merchant discount rate', 'MDR'],
  'merchant-onboarding': ['商户进件', 'merchant onboarding'],
  'error-handling': ['exception handling', 'error resolution', 'dispute handling'],
  'financial-transaction': ['financial transaction', 'deal'],
  collection: ['collection', 'receipt of payment'],
  'regulatory-penalty': ['regulatory penalty'],
  'online-financial-fraud': ['online financial fraud', 'financial scams'],
  'fraudulent-application': ['fraudulent application', 'false application'],
  'main-board': ['沪深主板', 'Main Board'],
  'registration-based-ipo-system': ['股票发行注册制', 'registration-based IPO system', 'registration-based system'],
  'securities-underwriting': ['证券承销', 'securities underwriting', 'underwriting of securities'],
  'risk-warning-stock': ['ST股', 'risk-warning stock', 'special treatment stock', 'ST stock'],
  'northbound-trading': ['Northbound trading'],
  'southbound-trading': ['Southbound trading'],
  'short-selling': ['做空', 'short selling', 'short sale', 'shorting'],
  warrant: ['warrant'],
  'dim-sum-bond': ['离岸人民币债券', 'dim sum bond', 'offshore renminbi bond'],
  reits: ['real estate investment trust', 'REITs', 'REIT'],
  hkex: ['香港交易所', '港交所', 'Hong Kong Exchanges and Clearing Limited', 'HKEX'],
  'shareholding-reduction': ['股份减持', 'shareholding reduction', 'sell-down'],
  'stock-pledge-repo': ['stock pledge repo', 'stock-pledged repo'],
  'ex-rights-ex-dividend': ['ex-rights and ex-dividend'],
  factoring: ['保理融资', 'factoring'],
  'warehouse-receipt': ['warehouse receipt'],
  'movable-asset-financing': ['movable asset financing'],
  'supply-chain-bill': ['supply chain bill', 'supply chain commercial bill'],
  'hard-and-expensive-financing': ['difficult and costly access to finance'],
  'industrial-chain': ['industrial chain', 'industry chain'],
  'right-to-future-goods': ['right to future goods'],
  commodities: ['commodities', 'bulk commodities'],
  'golden-tax-system': ['金税系统', 'Golden Tax Project', 'Golden Tax System'],
  'rd-super-deduction': ['additional deduction for R&D expenses', 'R&D super deduction'],
  'trust-fundamental-business': ['信托本源', '信托本源业务', 'fundamental trust business', 'core fiduciary business'],
  'pension-service-trust': ['pension service trust'],
  'fund-distribution': ['fund distribution', 'fund sales'],
  'portfolio-management': ['投资组合管理', 'portfolio management'],
  rebalancing: ['rebalancing', 'portfolio rebalancing'],
  'hybrid-fund': ['混合类', 'hybrid fund', 'mixed-asset fund'],
  'portfolio-manager': ['portfolio manager', 'investment manager'],
  'asset-segregation': ['asset segregation'],
  'negotiable-instrument': ['bill', 'negotiable instrument'],
  // English terms only (entries without Chinese aliases)
  staking: ['staking'],
  'intraday-liquidity': ['intraday liquidity'],
  sharding: ['sharding', 'data sharding'],
  capacity: ['capacity'],
  gateway: ['gateway'],
  'tender-offer': ['tender offer'],
  'data-element': ['data as a factor of production'],
  'data-circulation': ['data circulation'],
  'palm-vein-recognition': ['palm vein recognition'],
  'deep-synthesis': ['deep synthesis'],
  'carbon-neutrality': ['carbon neutrality'],
  'credit-insurance': ['credit insurance'],
  'earned-premium': ['earned premium'],
  'credit-invisible': ['credit-invisible borrower'],
  guarantee: ['guarantee'],
  'direct-debit': ['direct debit'],
  'foreign-exchange-control': ['foreign exchange control'],
  'record-filing': ['record-filing', 'filing'],
  'risk-indicator': ['risk indicator'],
  'tax-exemption': ['tax exemption'],
  'fund-manager': ['fund manager', 'fund management company'],
};

describe('商业票据 is not another name of 商业汇票', () => {
  it('a text that writes both is not inconsistent', () => {
    expect(findings('商业汇票与商业票据。', 'zh-Hans')).toEqual([]);
  });

  it('hovering 商业票据 shows 票据, whose card says commercial paper is not its English', () => {
    // the sources' one 商业票据 (001:2195, 核心企业商业票据) is a company-accepted bill, not commercial paper
    expect(concepts('核心企业商业票据和商业汇票；短期融资券。')).toEqual([
      '核心企业 core-enterprise',
      '票据 negotiable-instrument',
      '商业汇票 commercial-bill',
      '短期融资券 commercial-paper',
    ]);
    expect(entry('negotiable-instrument').en).toEqual(['bill', 'negotiable instrument']);
    expect(sense('negotiable-instrument', '票据')).toContain('commercial paper');
  });

  it('商业汇票’s note says what 商业票据 means, and so does 短期融资券’s', () => {
    const bill = sense('commercial-bill', '商业汇票');
    expect(bill).toContain('Nor is 商业票据');
    expect(bill).toContain('商业承兑汇票, 商票');
    expect(bill).toContain('translates commercial paper');
    expect(sense('commercial-paper', '短期融资券')).toContain('中文"商业票据"在货币市场语境中是commercial paper的译名');
  });
});

describe('a mainland instrument’s name keeps 國債 in a Taiwan text', () => {
  const conversions: [text: string, to: ChineseScript, expected: string][] = [
    // it converted to 記帳式公債, 儲蓄公債 and 特別公債 (through 国债 → 公債)
    ['财政部发行记账式国债和储蓄国债，特别国债与超长期特别国债。', 'zh-TW', '財政部發行記帳式國債和儲蓄國債，特別國債與超長期特別國債。'],
    ['财政部发行记账式国债和储蓄国债，特别国债与超长期特别国债。', 'zh-HK', '財政部發行記賬式國債和儲蓄國債，特別國債與超長期特別國債。'],
    // Taiwan's word for central government bonds in general is still 公債
    ['政府发行国债，国债期货上市。', 'zh-TW', '政府發行公債，公債期貨上市。'],
    // and a traditional text's 國債 is left as written for Taiwan
    ['中國國債殖利率下行。', 'zh-TW', '中國國債殖利率下行。'],
  ];
  for (const [text, to, want] of conversions)
    it(`converting ${text} to ${to}: ${want}`, () => expect(convertText(text, to, glossary)).toBe(want));

  it('國債 is not another region’s word in a Taiwan text', () => {
    expect(findings('中國國債與美國國債的殖利率下行，大陸發行記帳式國債、儲蓄國債和特別國債。', 'zh-TW')).toEqual([]);
    // Taiwan's 公債 is still Taiwan's word in a Hong Kong text
    expect(findings('發行國債與公債。', 'zh-HK')).toEqual(['regional-variant 公債 → 國債']);
  });
});
