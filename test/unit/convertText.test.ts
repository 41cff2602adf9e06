// Glossary-aware conversion (engine/convertText.ts): OpenCC's own test cases pass through it, and
// glossary terms come out as the glossary says where plain OpenCC gets the terminology wrong.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertLocale } from '../../server/src/engine/convert';
import { convertDocument, convertPlain, convertText, formIn } from '../../server/src/engine/convertText';
import type { ChineseScript, GlossaryEntry } from '../../server/src/engine/entry';
import { Glossary } from '../../server/src/engine/glossary';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';
import { buildTerms, type ReviewedForms } from '../../server/src/engine/terms';
import { entry } from './helpers';

const REPO = join(__dirname, '..', '..');
/** `../shared` beside the project (CI), or beside the main checkout when run in a git worktree under it. */
const SHARED = [join(REPO, '..', 'shared'), join(REPO, '..', '..', 'shared')].find((d) => existsSync(join(d, 'reference'))) ?? '../shared';

/** JSON with trailing commas (OpenCC's test file has them): drop a comma before ] or }, outside strings. */
function parseLenient(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === ']' || text[j] === '}') continue;
    }
    out += c;
  }
  return JSON.parse(out);
}

interface OpenCCCase {
  id: string;
  input: string;
  expected: Record<string, string>;
}
const cases = (parseLenient(readFileSync(join(SHARED, 'reference/opencc-testcases/testcases.json'), 'utf8')) as { cases: OpenCCCase[] })
  .cases;

/** OpenCC's configurations as our conversions: [from, to, with regional phrases]. */
const CONFIGS: Record<string, [ChineseScript, ChineseScript, boolean]> = {
  s2t: ['zh-Hans', 'zh-Hant', true],
  s2tw: ['zh-Hans', 'zh-TW', false],
  s2twp: ['zh-Hans', 'zh-TW', true],
  s2hk: ['zh-Hans', 'zh-HK', false],
  s2hkp: ['zh-Hans', 'zh-HK', true],
  t2s: ['zh-Hant', 'zh-Hans', true],
  tw2s: ['zh-TW', 'zh-Hans', false],
  tw2sp: ['zh-TW', 'zh-Hans', true],
  hk2s: ['zh-HK', 'zh-Hans', false],
  hk2sp: ['zh-HK', 'zh-Hans', true],
  tw2t: ['zh-TW', 'zh-Hant', false],
  hk2t: ['zh-HK', 'zh-Hant', false],
  t2tw: ['zh-Hant', 'zh-TW', false],
  t2hk: ['zh-Hant', 'zh-HK', false],
};

/**
 * What opencc-js 1.4.2 cannot do, so skipped: three t2s cases whose characters upstream OpenCC's
 * TSCharacters maps and opencc-js's copy of it does not (yet). Hong Kong phrases (s2hkp, hk2sp) are
 * in opencc-js 1.4.2 and pass.
 */
const SKIP: Record<string, string> = {
  'BYVoid_OpenCC_PR_1228_existing_behaviors t2s': "opencc-js 1.4.2's TSCharacters has no 殢 → 𣨼",
  'BYVoid_OpenCC_PR_1229_existing_behaviors t2s': "opencc-js 1.4.2's TSCharacters has no 圞 → 𪢮",
  'BYVoid_OpenCC_PR_464_xi_vs_xi t2s': "opencc-js 1.4.2's TSCharacters has no 樠 → 𣗊",
};

const runs = cases.flatMap((c) => Object.entries(c.expected).map(([config, expected]) => ({ c, config, expected })));

describe("OpenCC's own test cases, through the glossary-aware converter (no glossary terms)", () => {
  it('the file has cases for every configuration we map, and nothing unknown', () => {
    const configs = new Set(runs.map((r) => r.config));
    expect([...configs].filter((c) => !CONFIGS[c] && c !== 'jp2t' && c !== 't2jp')).toEqual([]);
    expect(runs.length).toBeGreaterThan(500);
  });

  for (const { c, config, expected } of runs) {
    const name = `${c.id} ${config}`;
    if (SKIP[name]) {
      it.skip(`${name} (skipped: ${SKIP[name]})`, () => undefined);
      continue;
    }
    it(name, () => {
      if (config === 'jp2t' || config === 't2jp') {
        // Japanese is no target of ours; the engine's OpenCC path still converts it as OpenCC does
        const [from, to] = config === 'jp2t' ? (['jp', 't'] as const) : (['t', 'jp'] as const);
        expect(convertLocale(c.input, from, to)).toBe(expected);
        return;
      }
      const [from, to, phrases] = CONFIGS[config]!;
      expect(convertText(c.input, to, undefined, { from, phrases })).toBe(expected);
    });
  }
});

/** An entry with forms a reviewer decided (`reviewed`) or left as generated candidates. */
function reviewedEntry(
  id: string,
  forms: { zh: string; hant: string; tw?: string; hk?: string; aliases?: string[] },
  reviewed: ReviewedForms,
): GlossaryEntry {
  const base = entry(id, forms.zh, [id.replace(/-/g, ' ')]);
  const e: GlossaryEntry = { ...base, zhHant: forms.hant, zhAliases: forms.aliases ?? [] };
  delete e.zhTw;
  delete e.zhHk;
  if (forms.tw) e.zhTw = forms.tw;
  if (forms.hk) e.zhHk = forms.hk;
  e.terms = buildTerms(e, {}, reviewed);
  return e;
}

const fixture = new Glossary([
  reviewedEntry('account', { zh: '账户', hant: '賬戶', tw: '帳戶' }, { tw: '帳戶', reason: 'Taiwan writes 帳戶' }),
  reviewedEntry('digital-currency', { zh: '数字货币', hant: '數字貨幣', tw: '數位貨幣' }, { tw: '數位貨幣', reason: '數位 in Taiwan' }),
  reviewedEntry('credit-approval', { zh: '信贷审核', hant: '信貸審核' }, { hant: '信貸審核', reason: '審核, not 審覈' }),
  reviewedEntry('cloud-computing', { zh: '云计算', hant: '雲計算', tw: '雲端運算' }, { tw: '雲端運算', reason: 'Taiwan usage' }),
  reviewedEntry('software', { zh: '软件', hant: '軟件', tw: '軟體', hk: '軟件' }, { tw: '軟體', reason: 'Taiwan usage' }),
  // a Taiwan candidate nobody reviewed: not the glossary's word, the traditional form stands
  reviewedEntry('network', { zh: '网络', hant: '網絡', tw: '網路' }, {}),
  reviewedEntry('p2p-lending', { zh: '网络借贷', hant: '網絡借貸', aliases: ['网贷'] }, {}),
  reviewedEntry('blockchain', { zh: '区块链', hant: '區塊鏈' }, {}),
  reviewedEntry('caict', { zh: '中国信息通信研究院', hant: '中國信息通信研究院' }, { tw: '中國信息通信研究院', reason: 'a proper name' }),
  // aliases OpenCC's Taiwan phrase tables would rewrite: 代码 → 程式碼, 项目 → 專案, 主板 → 主機板
  reviewedEntry('bic', { zh: '银行识别代码', hant: '銀行識別代碼', aliases: ['国际银行代码'] }, {}),
  reviewedEntry('capital-account-liberalisation', { zh: '资本账户开放', hant: '資本賬戶開放', aliases: ['资本项目开放'] }, {}),
  reviewedEntry('main-board', { zh: '主板市场', hant: '主板市場', aliases: ['沪深主板'] }, {}),
  // an alias with another concept's reviewed term inside it (账户 → Taiwan's 帳戶)
  reviewedEntry('remote-account-opening', { zh: '远程开户', hant: '遠程開戶', aliases: ['远程开立账户'] }, {}),
  // 资产组 (a cash-generating unit) is inside 资产组合 (a portfolio, 资产|组合) without being part of it
  reviewedEntry(
    'cash-generating-unit',
    { zh: '资产组', hant: '資產組', tw: '現金產生單位' },
    { tw: '現金產生單位', reason: 'IFRS wording' },
  ),
  reviewedEntry('portfolio', { zh: '投资组合', hant: '投資組合', aliases: ['资产组合'] }, {}),
  // a concept whose Hong Kong headword is inside its own alias (按揭 in 按揭贷款)
  reviewedEntry(
    'mortgage-loan',
    { zh: '个人住房贷款', hant: '個人住房貸款', hk: '按揭', aliases: ['按揭贷款'] },
    { hk: '按揭', reason: 'Hong Kong usage' },
  ),
]);

describe('glossary terms: where plain OpenCC gets the terminology wrong, the glossary is right', () => {
  const table: [string, ChineseScript, string, string][] = [
    // text, target, plain OpenCC (wrong), glossary-aware (right)
    ['我的账户', 'zh-TW', '我的賬戶', '我的帳戶'],
    ['发行数字货币', 'zh-TW', '發行數字貨幣', '發行數位貨幣'],
    ['信贷审核流程', 'zh-Hant', '信貸審覈流程', '信貸審核流程'],
    ['信贷审核流程', 'zh-TW', '信貸稽核流程', '信貸審核流程'],
    ['使用云计算', 'zh-TW', '使用雲端計算', '使用雲端運算'],
    ['中国信息通信研究院发布', 'zh-TW', '中國資訊通訊研究院釋出', '中國信息通信研究院釋出'],
    // reverse: OpenCC turns Taiwan's 帳戶 into 帐户 and 雲端運算 into 云端运算; the mainland terms are 账户, 云计算
    ['我的帳戶', 'zh-Hans', '我的帐户', '我的账户'],
    ['使用雲端運算', 'zh-Hans', '使用云端运算', '使用云计算'],
  ];
  for (const [text, to, plain, ours] of table) {
    it(`${text} → ${to}: ${ours}, not OpenCC's ${plain}`, () => {
      const from: ChineseScript | undefined = /[帳雲]/.test(text) ? 'zh-TW' : undefined;
      expect(convertPlain(text, to, { from })).toBe(plain);
      expect(convertText(text, to, fixture, { from })).toBe(ours);
    });
  }

  it('a regional candidate nobody reviewed is not used: the traditional form stands for the region', () => {
    expect(formIn(fixture.get('network')!, 'zh-TW')).toBe('網絡');
    expect(convertText('网络安全', 'zh-TW', fixture)).toBe('網絡安全');
    expect(formIn(fixture.get('software')!, 'zh-TW')).toBe('軟體');
    expect(formIn(fixture.get('software')!, 'zh-HK')).toBe('軟件');
  });

  it('a term in any script becomes the glossary form: mixed script 区塊鏈 and Hong Kong 軟件 included', () => {
    expect(convertText('区塊鏈和軟件', 'zh-Hans', fixture)).toBe('区块链和软件');
    expect(convertText('軟件開發', 'zh-TW', fixture)).toBe('軟體開發');
    expect(convertText('軟體開發', 'zh-HK', fixture, { from: 'zh-TW' })).toBe('軟件開發');
  });

  it('an alias stays the term the writer chose (converted by OpenCC), not swapped for the headword', () => {
    expect(convertText('网贷平台', 'zh-Hant', fixture)).toBe('網貸平臺');
    expect(convertText('网络借贷平台', 'zh-Hant', fixture)).toBe('網絡借貸平臺');
  });

  const aliases: [string, string, string][] = [
    // text, plain OpenCC to zh-TW (wrong), glossary-aware (right)
    ['国际银行代码', '國際銀行程式碼', '國際銀行代碼'],
    ['资本项目开放', '資本專案開放', '資本項目開放'],
    ['沪深主板上市', '滬深主機板上市', '滬深主板上市'],
    // the reviewed Taiwan term a compound alias ends with is used, the rest changes characters only
    ['远程开立账户', '遠端開立賬戶', '遠程開立帳戶'],
    // a term inside an alias that is not one of its words is left alone: 资产|组合, not 资产组|合
    ['资产组合配置', '資產組合配置', '資產組合配置'],
  ];
  for (const [text, plain, ours] of aliases) {
    it(`an alias is never rewritten by OpenCC's phrase tables: ${text} → ${ours}, not ${plain}`, () => {
      expect(convertPlain(text, 'zh-TW')).toBe(plain);
      expect(convertText(text, 'zh-TW', fixture)).toBe(ours);
    });
  }

  it("a concept's own term inside its alias stays: 按揭贷款 is not 个人住房贷款贷款", () => {
    expect(convertText('按揭貸款', 'zh-Hans', fixture, { from: 'zh-HK' })).toBe('按揭贷款');
    expect(convertText('按揭贷款', 'zh-HK', fixture, { from: 'zh-Hans' })).toBe('按揭貸款');
    // the Hong Kong headword alone, written as Hong Kong writes it, is the concept: its simplified headword
    expect(convertText('按揭', 'zh-Hans', fixture, { from: 'zh-HK' })).toBe('个人住房贷款');
  });

  it('a term split by a line break or annotated with pinyin keeps its layout (OpenCC converts it)', () => {
    expect(convertText('账\n户', 'zh-TW', fixture)).toBe('賬\n戶');
    expect(convertText('账(zhàng)户', 'zh-TW', fixture)).toBe('賬(zhàng)戶');
  });

  it('text without Chinese, private-use characters and surrogate pairs come through unchanged', () => {
    expect(convertText('plain ASCII, 123', 'zh-TW', fixture)).toBe('plain ASCII, 123');
    expect(convertText('\ue000账户\ue001𠀀', 'zh-TW', fixture)).toBe('\ue000帳戶\ue001𠀀');
  });
});

describe('the bundled glossary', () => {
  const bundled = glossaryFromFile(join(REPO, 'dist/glossary.json'));

  it('every alias, converted to each script, is still found as its concept (the build derives the keys)', () => {
    const lost: string[] = [];
    for (const to of ['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'] as const)
      bundled.entries.forEach((e, i) => {
        for (const alias of e.zhAliases) {
          const there = convertText(alias, to, bundled);
          const found = bundled.index.scan(there).some((m) => m.start === 0 && m.end === there.length && m.entries.includes(i));
          if (!found) lost.push(`${alias} → ${there} (${to})`);
        }
      });
    expect(lost).toEqual([]);
    // one of them: the Taiwan form of 网络借贷 (網路 is the glossary's Taiwan word) is that alias
    expect(convertText('网络借贷', 'zh-TW', bundled)).toBe('網路借貸');
    expect(bundled.lookup('網路借貸').map((e) => e.id)).toEqual(['p2p-lending']);
    expect(convertText('網路借貸', 'zh-Hans', bundled, { from: 'zh-TW' })).toBe('网络借贷');
  });

  it('a long term with digits and punctuation of its own converts as a whole, in either direction', () => {
    expect(convertText('国际财务报告准则第17号——保险合同', 'zh-TW', bundled)).toBe('國際財務報導準則第17號「保險合約」');
    expect(convertText('國際財務報告準則第17號——保險合同', 'zh-HK', bundled)).toBe('香港財務報告準則第17號「保險合約」');
    expect(convertText('不動產、廠房及設備', 'zh-Hans', bundled)).toBe('固定资产');
    expect(convertText('物業、廠房及設備', 'zh-TW', bundled)).toBe('不動產、廠房及設備');
    expect(convertText('巴塞爾協議III', 'zh-TW', bundled)).toBe('巴塞爾資本協定三');
    // punctuation or digits written otherwise than the glossary writes them: the layout's, left to OpenCC
    expect(convertText('不動產，廠房及設備', 'zh-Hans', bundled)).toBe('不动产，厂房及设备');
  });

  it('every form of every concept, converted to each script, is the glossary’s form there', () => {
    const scripts = ['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'] as const;
    const wrong: string[] = [];
    for (const e of bundled.entries)
      for (const written of new Set(scripts.map((s) => formIn(e, s))))
        for (const to of scripts) {
          const got = convertText(written, to, bundled);
          if (got !== formIn(e, to)) wrong.push(`${e.id}: ${written} → ${got} (${to})`);
        }
    // except the forms the glossary says are current where the target is read too (their `geo`;
    // plain traditional is read in Taiwan and Hong Kong): they stay as written
    expect(wrong).toEqual([
      'centralized-database: 集中式資料庫 → 集中式資料庫 (zh-Hant)',
      'centralized-database: 集中式資料庫 → 集中式資料庫 (zh-HK)',
      'custody: 保管 → 保管 (zh-Hans)',
      'custody: 保管 → 保管 (zh-Hant)',
      'custody: 保管 → 保管 (zh-HK)',
      'database: 資料庫 → 資料庫 (zh-Hant)',
      'database: 資料庫 → 資料庫 (zh-HK)',
      'database-management-system: 資料庫管理系統 → 資料庫管理系統 (zh-Hant)',
      'database-management-system: 資料庫管理系統 → 資料庫管理系統 (zh-HK)',
      'digital-transformation: 數字化轉型 → 數字化轉型 (zh-HK)',
      'government-grant: 政府補貼 → 政府补贴 (zh-Hans)',
      'graph-database: 圖資料庫 → 圖資料庫 (zh-Hant)',
      'graph-database: 圖資料庫 → 圖資料庫 (zh-HK)',
      'in-memory-database: 記憶體資料庫 → 記憶體資料庫 (zh-Hant)',
      'in-memory-database: 記憶體資料庫 → 記憶體資料庫 (zh-HK)',
      'in-memory-technology: 記憶體技術 → 記憶體技術 (zh-Hant)',
      'in-memory-technology: 記憶體技術 → 記憶體技術 (zh-HK)',
      'intelligentization: 智慧化 → 智慧化 (zh-Hans)',
      'investor: 投資者 → 投資者 (zh-TW)',
      'investor: 投資人 → 投資人 (zh-Hant)',
      'investor: 投資人 → 投資人 (zh-HK)',
      'memory: 記憶體 → 記憶體 (zh-Hant)',
      'memory: 記憶體 → 記憶體 (zh-HK)',
      'mobile-payment: 移動支付 → 移動支付 (zh-HK)',
      'native-graph-database: 原生圖資料庫 → 原生圖資料庫 (zh-Hant)',
      'native-graph-database: 原生圖資料庫 → 原生圖資料庫 (zh-HK)',
      'owners-equity: 權益 → 权益 (zh-Hans)',
      'owners-equity: 權益 → 權益 (zh-Hant)',
      'personal-information: 個人資料 → 個人資料 (zh-Hant)',
      'server: 伺服器 → 伺服器 (zh-Hant)',
      // Taiwan writes 國債 for other countries' bonds and national debt; its own are 公債
      'treasury-bond: 國債 → 國債 (zh-TW)',
      'vector-database: 向量資料庫 → 向量資料庫 (zh-Hant)',
      'vector-database: 向量資料庫 → 向量資料庫 (zh-HK)',
      // 权证 is also the title certificate of collateral (a homonym): Hong Kong's 窩輪 only where
      // the writer chooses it, never in 财务报表、权证、票据
      'warrant: 权证 → 權證 (zh-HK)',
      'warrant: 權證 → 權證 (zh-HK)',
    ]);
  });

  it('converts its reviewed Taiwan terms where OpenCC does not (账户 → 帳戶, 数字货币 → 數位貨幣)', () => {
    expect(convertPlain('银行账户与数字货币', 'zh-TW')).toBe('銀行賬戶與數字貨幣');
    expect(convertText('银行账户与数字货币', 'zh-TW', bundled)).toBe('銀行帳戶與數位貨幣');
  });

  const read = (name: string) => readFileSync(join(REPO, 'glossary/sources', name), 'utf8');
  const ids = (text: string) =>
    bundled.index
      .scan(text)
      .map((m) => m.entries.map((e) => bundled.entries[e]!.id).join('|'))
      .sort();

  // Not through Taiwan: OpenCC's phrase tables change vocabulary both ways (数据来源 → 資料來源 → 数据源),
  // and a Taiwan term can be another mainland word (並行, Taiwan's concurrency, is 并行 parallel)
  const trips: [string, ChineseScript, ChineseScript, boolean][] = [
    ['001-fintech-reports.txt', 'zh-Hans', 'zh-Hant', true],
    ['001-fintech-reports.txt', 'zh-Hans', 'zh-HK', false],
    ['000-network-finance-services.txt', 'zh-Hant', 'zh-Hans', true],
  ];
  for (const [name, from, via, phrases] of trips) {
    it(`a round trip of ${name}, ${from} → ${via}${phrases ? '' : ' (characters)'} → ${from}, keeps every term`, () => {
      const source = read(name);
      const there = convertText(source, via, bundled, { from, phrases });
      expect(there).not.toBe(source);
      const back = convertText(there, from, bundled, { from: via, phrases });
      expect(ids(back)).toEqual(ids(source));
    });
  }
});

describe('converting a whole document: its variant directive names the new variant', () => {
  const bundled = glossaryFromFile(join(REPO, 'dist/glossary.json'));

  it('a comment directive, a front-matter key, CRLF and text after the value: only the value changes', () => {
    expect(convertDocument('<!-- fintech-glossary-variant: zh-Hans -->\n区块链和网络借贷。\n', 'zh-TW', bundled)).toBe(
      '<!-- fintech-glossary-variant: zh-TW -->\n區塊鏈和網路借貸。\n',
    );
    expect(
      convertDocument('---\ntitle: 年度报告\nfintech-glossary-variant: zh-Hans\n---\n区块链\n', 'zh-HK', bundled, { markdown: true }),
    ).toBe('---\ntitle: 年度報告\nfintech-glossary-variant: zh-HK\n---\n區塊鏈\n');
    expect(convertDocument('银行\r\n  #  fintech-glossary-variant :  ZH-tw   见说明\r\n軟體\r\n', 'zh-Hans', bundled)).toBe(
      '银行\r\n  #  fintech-glossary-variant :  zh-Hans   见说明\r\n软件\r\n',
    );
  });

  it('auto stays; in Markdown a directive in a fenced code block is an example and stays, the real one changes', () => {
    expect(convertDocument('// fintech-glossary-variant: auto\n区块链\n', 'zh-TW', bundled)).toBe(
      '// fintech-glossary-variant: auto\n區塊鏈\n',
    );
    const md = '```\n# fintech-glossary-variant: zh-Hans\n```\n<!-- fintech-glossary-variant: zh-Hans -->\n银行\n';
    expect(convertDocument(md, 'zh-Hant', bundled, { markdown: true })).toBe(
      '```\n# fintech-glossary-variant: zh-Hans\n```\n<!-- fintech-glossary-variant: zh-Hant -->\n銀行\n',
    );
  });

  it('without a directive the text is converted as ever; 𠀀 before the directive on its line moves nothing', () => {
    expect(convertDocument('我的银行账户里有数字货币。\n', 'zh-TW', bundled)).toBe('我的銀行帳戶裡有數位貨幣。\n');
    expect(convertDocument('𠀀区块链\n# fintech-glossary-variant: zh-TW\n區塊鏈\n', 'zh-Hans', bundled)).toBe(
      '𠀀区块链\n# fintech-glossary-variant: zh-Hans\n区块链\n',
    );
  });
});
