/**
 * One table per recognition rule, each row a real sentence (from glossary/sources or the seed
 * documents, as written there, pinyin annotations included) or its regional conversion.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Glossary } from '../../server/src/engine/glossary';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';
import type { MatchOptions } from '../../server/src/engine/matcher';
import { entry, sample } from './helpers';

/** The sample glossary plus the concepts these sentences need. */
const g = new Glossary([
  ...sample.entries,
  entry('memory', '内存', ['memory']),
  entry('in-memory-technology', '内存技术', ['in-memory technology']),
  entry('database', '数据库', ['database']),
  entry('significant', '显著', ['significant']),
  entry('copyright', '著作权', ['copyright']),
  entry('digital-transformation', '数字化转型', ['digital transformation']),
  entry('consensus', '共识机制', ['consensus mechanism']),
  entry('internet-finance', '互联网金融', ['internet finance']),
  entry('middleware', '中间件', ['middleware']),
  entry('supply-chain-finance-platform', '供应链金融科技平台', ['supply chain fintech platform']),
  entry('fintech', '金融科技', ['fintech', 'financial technology']),
  entry('p2p', 'P2P', ['P2P'], { abbr: ['P2P'] }),
  entry('open-banking', '开放银行', ['open banking']),
  entry('nl2sql', '自然语言转SQL', ['natural language to SQL'], { abbr: ['NL2SQL'] }),
]);

/** [sentence, the text the cursor is on (first occurrence), expected entry id or null, exact matched text] */
type Row = [string, string, string | null, string?];

function check(rows: Row[], opts: MatchOptions = {}) {
  it.each(rows)('%j at %j → %s', (text, at, id, matched) => {
    const offset = text.indexOf(at);
    expect(offset, `${at} not in ${text}`).toBeGreaterThanOrEqual(0);
    const found = g.index.matchAt(text, offset, opts);
    if (id === null) return expect(found && g.entriesOf(found.match).map((e) => e.id)).toBeNull();
    expect(found, 'no match').not.toBeNull();
    expect(g.entriesOf(found!.match).map((e) => e.id)).toContain(id);
    expect(text.slice(found!.match.start, found!.match.end)).toBe(matched);
  });
}

describe('Chinese without word breaks: longest match', () => {
  check([
    ['中海信托在中海油体系内的供应链金融业务主要服务于中海油的上游企业', '链', 'supply-chain-finance', '供应链金融'],
    ['国贸股份 京东科技建立供应链管理协同及供应链金融科技平台', '台', 'supply-chain-finance-platform', '供应链金融科技平台'],
    ['提高存款准备金率', '备', 'reserve-ratio', '存款准备金率'],
    ['使用内存技术可以显著加快数据的', '存', 'in-memory-technology', '内存技术'],
    ['使用内存技术可以显著加快数据的', '显', 'significant', '显著'],
  ]);
});

describe('traditional and mixed script as in the seed document', () => {
  check([
    ['為模式和風(fēng)險特征。云計算技術(shù)提供彈性可擴展的', '計', 'cloud-computing', '云計算'],
    ['助完成資金流轉(zhuǎn)和貸后管理。中國P2P行業', '貸', 'post-loan', '貸后管理'],
    ['術(shù)基礎(chǔ)通過分布式賬本、共識機制、密碼學(', '賬', 'dlt', '分布式賬本'],
    ['術(shù)基礎(chǔ)通過分布式賬本、共識機制、密碼學(', '識', 'consensus', '共識機制'],
    ['區塊鏈應用微眾銀行自主研發的FISCOBCOS區塊鏈平臺', '塊', 'blockchain', '區塊鏈'],
  ]);
});

describe('variant characters (裡/裏, 著)', () => {
  check([
    // OpenCC gives 這裡 for Taiwan and 這裏 for standard traditional: both fold to 这里
    ['資料庫裡的記憶體', '記', 'memory', '記憶體'],
    ['數據庫裏的內存', '內', 'memory', '內存'],
    // 著 folds with 着 in keys and text alike, so 显著/顯著 and 著作权/著作權 still match
    ['使用記憶體技術可以顯著加快資料的', '顯', 'significant', '顯著'],
    ['保護軟體著作權', '作', 'copyright', '著作權'],
    ['保护软件著作权', '著', 'copyright', '著作权'],
  ]);
});

describe('Taiwan and Hong Kong vocabulary keys (opencc twp / hk)', () => {
  check([
    ['使用記憶體技術可以顯著加快資料的', '憶', 'in-memory-technology', '記憶體技術'],
    ['這套軟體很好用', '軟', 'software', '軟體'],
    ['網路金融服務', '路', 'network', '網路'],
    ['系統使用資料庫中介軟體', '料', 'database', '資料庫'],
    ['系統使用自研的中介軟體產品', '介', 'middleware', '中介軟體'],
    ['網際網路金融的風險', '際', 'internet-finance', '網際網路金融'],
  ]);
});

describe('inline pinyin annotations are skipped; real parentheses are not', () => {
  check([
    ['清,部分平臺轉(zhuǎn)型為持牌金融機構(gòu)或科技服務(wù)商。P2P平', '機', 'licensed-fi', '持牌金融機構(gòu)'],
    ['《網(wǎng)絡(luò)金融服務(wù)簡介》課件', '絡', 'network', '網(wǎng)絡(luò)'],
    ['便捷高效的特點,推動傳統(tǒng)金融機構(gòu)加速數(shù)字化轉(zhuǎn)型', '字', 'digital-transformation', '數(shù)字化轉(zhuǎn)型'],
    ['共識機制(PoW)說明', 'PoW', null],
    ['析处理能力、自然语言转 SQL 能力(NL2SQL)、智能', 'NL2SQL', 'nl2sql', 'NL2SQL'],
  ]);
});

describe('a single soft line break in hard-wrapped Chinese', () => {
  check([
    ['助完成资金流转和贷后\n管理。', '管', 'post-loan', '贷后\n管理'],
    ['中海信托在中海油体系内的供应链\r\n金融业务', '链', 'supply-chain-finance', '供应链\r\n金融'],
    ['区块\n  链', '链', 'blockchain', '区块\n  链'],
    ['供应链\n\n金融业务', '金', 'finance', '金融'],
    // a lone CR is a line break too (LSP counts it as one), so it joins like LF and CRLF
    ['区块\r链', '链', 'blockchain', '区块\r链'],
    ['供应链\r\r金融业务', '金', 'finance', '金融'],
  ]);
});

describe('a blank line ends every term; one soft break inside an English term joins', () => {
  check([
    ['We keep it open\n\nBanking rules follow.', 'open', null],
    ['We keep it open\nBanking rules in mind.', 'open', 'open-banking', 'open\nBanking'],
    ['We keep it smart\n\ncontracts apart.', 'smart', null],
    ['We keep it smart\r\n\r\ncontracts apart.', 'contracts', null],
    ['We keep it smart\r\rcontracts apart.', 'contracts', null],
    ['We keep it smart\n   \n contracts apart.', 'smart', null],
    ['smart\u2029contracts', 'smart', null],
    ['the smart\ncontracts we wrote', 'smart', 'smart-contract', 'smart\ncontracts'],
    ['the smart\r\n  contracts we wrote', 'contracts', 'smart-contract', 'smart\r\n  contracts'],
    ['the smart\rcontracts we wrote', 'smart', 'smart-contract', 'smart\rcontracts'],
    ['ＡＩ\n\n芯片', '芯片', null],
  ]);
});

describe('every hyphen and space folds like its plain counterpart', () => {
  check([
    ['pay with ｅ－ＣＮＹ', 'ＣＮＹ', 'e-cny', 'ｅ－ＣＮＹ'],
    ['pay with e\u2013CNY', 'CNY', 'e-cny', 'e\u2013CNY'],
    ['pay with e\u2212CNY', 'CNY', 'e-cny', 'e\u2212CNY'],
    ['pay with e\u202FCNY now', 'CNY', 'e-cny', 'e\u202FCNY'],
    ['pay with e\u00A0CNY now', 'CNY', 'e-cny', 'e\u00A0CNY'],
    ['pay with e\u205FCNY now', 'CNY', 'e-cny', 'e\u205FCNY'],
    ['peer－to－peer lending', 'lending', 'p2p-lending', 'peer－to－peer lending'],
    ['peer\u2013to\u2013peer lending', 'peer', 'p2p-lending', 'peer\u2013to\u2013peer lending'],
    ['smart\u202Fcontracts', 'smart', 'smart-contract', 'smart\u202Fcontracts'],
    // the em dash is Chinese punctuation (破折号), not a hyphen
    ['smart\u2014contracts', 'smart', null],
  ]);
});

describe('English: boundaries, case, plurals, possessives, hyphen/space/joined, full width', () => {
  check([
    ['Smart contracts run on a blockchain', 'contracts', 'smart-contract', 'Smart contracts'],
    ["the bank's ledger", 'bank', 'bank', "bank's"],
    ['the banks’ ledgers', 'banks', 'bank', 'banks’'],
    ['embankment', 'bank', null],
    ['peer-to-peer lending platforms', 'lending', 'p2p-lending', 'peer-to-peer lending'],
    ['peer to peer lending platforms', 'peer', 'p2p-lending', 'peer to peer lending'],
    ['pay with e-CNY', 'CNY', 'e-cny', 'e-CNY'],
    ['pay with eCNY', 'eCNY', 'e-cny', 'eCNY'],
    ['a ＢＬＯＣＫＣＨＡＩＮ ledger', 'ＣＨＡＩＮ', 'blockchain', 'ＢＬＯＣＫＣＨＡＩＮ'],
    ['连接文档、数据库、API、元数据', 'API', 'api', 'API'],
    ['打造立体化的多维 KYC 完整视图', 'KYC', 'kyc', 'KYC'],
    ['中國P2P行業', 'P2P', 'p2p', 'P2P'],
    ['call the api now', 'api', null],
    ['the Api layer', 'Api', null],
    ['rapid growth', 'api', null],
    ['digital currencies', 'currencies', 'currency', 'currencies'],
  ]);
  describe('acronyms regardless of case, when configured', () => {
    check(
      [
        ['call the api now', 'api', 'api', 'api'],
        ['rapid growth', 'api', null],
        ['the kyc check', 'kyc', 'kyc', 'kyc'],
      ],
      { acronymsCaseInsensitive: true },
    );
  });
});

describe('overlaps: the longest term covering the cursor wins, inner terms are listed', () => {
  it.each([
    ['中海信托在中海油体系内的供应链金融业务', '金', 'supply-chain-finance', ['finance', 'supply-chain']],
    [
      '建立供应链管理协同及供应链金融科技平台',
      '平',
      'supply-chain-finance-platform',
      ['finance', 'fintech', 'supply-chain', 'supply-chain-finance'],
    ],
    ['使用内存技术', '技', 'in-memory-technology', ['memory']],
  ])('%s at %s', (text, at, id, inner) => {
    const found = g.index.matchAt(text, text.indexOf(at))!;
    expect(g.entriesOf(found.match).map((e) => e.id)).toEqual([id]);
    expect(found.inner.flatMap((m) => g.entriesOf(m).map((e) => e.id)).sort()).toEqual(inner);
  });

  it('scan reports each occurrence once, leftmost-longest', () => {
    const text = '建立供应链管理协同及供应链金融科技平台,发展供应链金融';
    expect(g.index.scan(text).map((m) => text.slice(m.start, m.end))).toEqual(['供应链', '供应链金融科技平台', '供应链金融']);
  });
});

// Built by `npm test` (npm run build) before vitest runs. Not skipped when missing: a silent skip would
// hide these rows, so the suite fails and says what to run.
const compiled = new URL('../../dist/glossary.json', import.meta.url);
let bundled: Glossary | undefined;
function compiledGlossary(): Glossary {
  if (!existsSync(compiled)) throw new Error(`${compiled.pathname} is missing: run npm run build (npm test does) first`);
  return (bundled ??= glossaryFromFile(compiled.pathname));
}
describe('the compiled glossary: reviewed Taiwan and Hong Kong vocabulary finds its concept', () => {
  it.each([
    ['發行數位貨幣', '數位貨幣', 'digital-currency'],
    ['使用雲端運算服務', '雲端運算', 'cloud-computing'],
    ['開通行動支付', '行動支付', 'mobile-payment'],
    ['香港的流動支付', '流動支付', 'mobile-payment'],
  ])('%s: %s → %s', (text, term, id) => {
    const real = compiledGlossary();
    const found = real.index.matchAt(text, text.indexOf(term));
    const ids = found ? [found.match, ...found.inner].flatMap((m) => real.entriesOf(m).map((e) => e.id)) : [];
    expect(ids).toContain(id);
  });
});
