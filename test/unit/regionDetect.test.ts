/**
 * Auto-detection of a traditional document's region (engine/regionDetect.ts): Taiwan or Hong Kong
 * from the glossary's regional forms the text uses, counted by term QA's check. The rows below are
 * the experiment the rule's numbers (MIN_REGIONAL, REGIONAL_SHARE) were chosen on: paragraphs of
 * about 100 characters written by hand as a Taiwan, Hong Kong or mainland writer writes them (the
 * last, examples/traditional.md, is a mainland text in traditional characters), alone and in pairs.
 * Expected decisions and evidence are written here by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromSimplified } from '../../server/src/engine/convert';
import { skippedRanges } from '../../server/src/engine/directives';
import type { ChineseScript, GlossaryEntry } from '../../server/src/engine/entry';
import type { Glossary } from '../../server/src/engine/glossary';
import { checkInDetectedRegion, MIN_REGIONAL, REGIONAL_SHARE } from '../../server/src/engine/regionDetect';
import { loadTermbase } from '../../server/src/engine/termbaseLoad';
import { DocumentChecker } from '../../server/src/engine/termQA';
import { mergeLayers } from '../../server/src/engine/userLayer';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';

const glossary = glossaryFromFile(join(__dirname, '../../dist/glossary.json'));

const TEXTS = {
  tw1: '金管會近日公布新版金融科技發展路徑圖，鼓勵銀行運用雲端運算與人工智慧改善客戶服務。多家純網路銀行表示，將擴大行動支付與數位帳戶的服務範圍，同時強化資訊安全與個人資料保護。業者指出，開放銀行第二階段上路後，第三方服務業者可透過應用程式介面查詢帳戶資訊，但必須取得客戶同意。',
  tw2: '隨著詐騙集團手法翻新，銀行加強人臉辨識與身分驗證機制，並導入機器學習模型偵測異常交易。資安專家提醒，軟體更新與網路釣魚防範同樣重要，企業應定期盤點伺服器與資料庫的存取權限，避免個資外洩。',
  tw3: '央行總裁表示，數位新臺幣的研究仍在進行，目前著重於隱私保護與離線支付的技術可行性。央行強調，央行數位貨幣不會取代現金，也不會影響銀行的存款業務。另一方面，證券業者積極推動智慧理財服務，透過演算法為投資人提供資產配置建議，並持續優化行動下單的使用者體驗。',
  tw4: '本公司資訊部門本季完成核心系統上雲，資料中心的電腦主機逐步汰換。未來將以資料治理為重點，提升資料品質，並結合大數據分析精準行銷。此外，公司也將評估導入區塊鏈技術，用於供應鏈金融的應收帳款管理。',
  hk1: '金管局今日公布，將繼續推動「數碼港元」先導計劃，並與業界研究零售層面的應用。多間虛擬銀行表示，流動支付及網上開戶的客戶數目持續上升，但亦須加強網絡安全及私隱保障。金管局提醒市民，切勿透過不明連結下載流動應用程式，以免個人資料外洩。',
  hk2: '證監會就虛擬資產交易平台的發牌制度發出通函，要求持牌平台加強打擊洗錢及客戶盡職審查的措施。業界人士認為，新規有助提升投資者信心，但中小型平台的合規成本亦會增加，部分公司需要添置伺服器及軟件，以符合記錄保存的要求。',
  hk3: '本行推出全新按揭計劃，客戶可透過手機應用程式遞交申請，並以電子方式簽署文件。本行亦會利用人工智能分析客戶的還款能力，加快審批流程。此外，儲值支付工具持牌人須遵守金管局的指引，確保系統穩健及數據安全。',
  hk4: '積金局表示，強積金計劃成員可透過網上平台查閱戶口結餘，並轉移累算權益。隨着金融科技發展，不少受託人已推出流動應用程式，方便成員管理投資組合。核數師報告顯示，相關系統的資訊科技管控大致符合要求。',
  mainland:
    '本文討論數字金融的發展趨勢。隨着雲計算和大數據技術的普及，金融機構的信息系統逐步向分佈式架構遷移。監管部門鼓勵銀行利用人工智能提升風險管理水平，並加強網絡安全和個人信息保護。',
  comparison:
    '本報告比較臺灣與香港的數位金融政策。臺灣的純網路銀行以行動支付為主要服務，而香港稱之為虛擬銀行，金管局推動的數碼港元與流動支付亦有不少用戶。臺灣業者在資訊安全與個人資料保護方面投入大量資源，並透過雲端運算降低成本。',
  traditional: readFileSync(join(__dirname, '../../examples/traditional.md'), 'utf8'),
  taiwan: readFileSync(join(__dirname, '../../examples/taiwan.md'), 'utf8'),
};

/** The region counts of a check of `text` in `script` (any: they do not depend on it). */
function regionsOf(text: string, script: ChineseScript | undefined = 'zh-Hant', source: Glossary = glossary, markdown = false) {
  const checker = new DocumentChecker({ source, script });
  checker.check(source.index.scan(text), text, { skipped: skippedRanges(text, markdown) });
  return checker.regions;
}

describe('the rule', () => {
  it('three forms only the region writes, and four in five of the regional forms', () => {
    expect([MIN_REGIONAL, REGIONAL_SHARE]).toEqual([3, 0.8]);
  });
});

describe('the experiment: hand-written paragraphs, alone and in pairs', () => {
  const rows: [string, string, 'zh-TW' | 'zh-HK' | undefined][] = [
    ['Taiwan 1 (雲端運算, 人工智慧, 行動支付, 資訊安全)', TEXTS.tw1, 'zh-TW'],
    ['Taiwan 2 (軟體, 網路, 人臉辨識)', TEXTS.tw2, 'zh-TW'],
    ['Taiwan 3: two forms only Taiwan writes, too few', TEXTS.tw3, undefined],
    ['Taiwan 4 (資料治理, 資料品質, 精準行銷)', TEXTS.tw4, 'zh-TW'],
    ['Taiwan 3 and 4', TEXTS.tw3 + TEXTS.tw4, 'zh-TW'],
    ['examples/taiwan.md', TEXTS.taiwan, 'zh-TW'],
    ['Hong Kong 1 (數碼, 虛擬銀行, 流動支付, 私隱)', TEXTS.hk1, 'zh-HK'],
    ['Hong Kong 2: two forms only Hong Kong writes', TEXTS.hk2, undefined],
    ['Hong Kong 3: one', TEXTS.hk3, undefined],
    ['Hong Kong 4: one', TEXTS.hk4, undefined],
    ['Hong Kong 1 and 2 (軟件, 網絡, 流動支付, 打擊洗錢)', TEXTS.hk1 + TEXTS.hk2, 'zh-HK'],
    ['Hong Kong 3 and 4', TEXTS.hk3 + TEXTS.hk4, undefined],
    ['a mainland text in traditional characters (軟件-like forms only: not Hong Kong)', TEXTS.mainland, undefined],
    ['examples/traditional.md (the same)', TEXTS.traditional, undefined],
    ['a Taiwan text comparing Hong Kong’s words: 5 against 2', TEXTS.comparison, undefined],
    ['a Taiwan and a Hong Kong paragraph', TEXTS.tw1 + TEXTS.hk1, undefined],
  ];
  for (const [what, text, region] of rows) it(`${what}: ${region ?? 'declines'}`, () => expect(regionsOf(text).decide()).toBe(region));
});

describe('the experiment: the source reports converted to plain traditional', () => {
  it('no piece of 3,000 characters is decided (their 軟件-like forms are what any converted mainland text writes)', () => {
    const source = readFileSync(join(__dirname, '../../glossary/sources/001-fintech-reports.txt'), 'utf8');
    const decided: string[] = [];
    let naive = 0;
    for (let k = 0; k < 8; k++) {
      const at = 20_000 + k * 140_000;
      const regions = regionsOf(fromSimplified(source.slice(at, at + 3000), 'zh-Hant'));
      const e = regions.evidence();
      // would a rule counting every regional form (賬戶, 數據庫 too, which plain traditional writes) call it Hong Kong's?
      if (e.hk >= MIN_REGIONAL && e.hk >= REGIONAL_SHARE * (e.tw + e.hk)) naive++;
      const region = regions.decide();
      if (region) decided.push(`${at}: ${region}`);
    }
    expect(decided).toEqual([]);
    // such a rule would call half of them Hong Kong's: hence the threshold on forms only a region writes
    expect(naive).toBe(4);
  });
});

describe('the evidence', () => {
  it('a Taiwan text: its Taiwan forms, the most used first', () => {
    expect(regionsOf(TEXTS.tw2).evidence()).toEqual({
      tw: 4,
      twOnly: 4,
      hk: 0,
      hkOnly: 0,
      twForms: ['人臉辨識', '網路', '詐騙集團', '軟體'],
      hkForms: [],
    });
    expect(regionsOf(`${TEXTS.tw1}帳戶`).evidence().twForms).toEqual(['帳戶', '人工智慧', '純網路銀行', '行動支付', '資訊安全']);
  });

  it('a Hong Kong text: the forms only Hong Kong writes and those it shares with plain traditional (軟件, 網絡)', () => {
    expect(regionsOf(TEXTS.hk1 + TEXTS.hk2).evidence()).toEqual({
      tw: 0,
      twOnly: 0,
      hk: 7,
      hkOnly: 5,
      twForms: [],
      hkForms: ['客戶盡職審查', '打擊洗錢', '流動支付', '私隱', '網絡安全'],
    });
  });

  it('the same in any variant the document is checked in', () => {
    const text = TEXTS.tw1 + TEXTS.hk2;
    const expected = regionsOf(text, 'zh-Hant').evidence();
    for (const script of [undefined, 'zh-Hans', 'zh-TW', 'zh-HK'] as const) expect(regionsOf(text, script).evidence()).toEqual(expected);
  });
});

describe('declines', () => {
  it('a short text', () => {
    expect(regionsOf('軟體與網路').decide()).toBeUndefined();
  });

  it('a balanced text', () => {
    const regions = regionsOf('我們比較軟體、網路與雲端運算，以及軟件、網絡、流動支付與數碼貨幣的用法。');
    expect(regions.evidence()).toMatchObject({ tw: 3, twOnly: 3, hk: 4, hkOnly: 2 });
    expect(regions.decide()).toBeUndefined();
  });

  it('a Taiwan form written in simplified characters is no Taiwan writer’s (软体)', () => {
    expect(regionsOf('软体、网路、云端运算、资料治理').evidence()).toMatchObject({ tw: 0, hk: 0 });
  });

  it('Taiwan words in code are not counted, as term QA does not check them', () => {
    const text = '段落。\n\n```\n軟體 網路 雲端運算 資料治理 人臉辨識\n```\n';
    expect(regionsOf(text, 'zh-Hant', glossary, true).evidence()).toMatchObject({ tw: 0, hk: 0 });
  });
});

describe('a user’s termbase tells a region too', () => {
  it('a sheet’s Taiwan column', () => {
    const sheet = loadTermbase(
      'en,zh-CN,zh-TW\nwidget ledger,小件总账,小件總帳冊\ngizmo fund,小器基金,器械基金\ndoohickey rate,玩意利率,物件利率\n',
      {
        name: 'terms.csv',
      },
    );
    expect(sheet.diagnostics).toEqual([]);
    const layer = { uri: 'file:///ws/terms.csv', label: 'terms.csv', entries: sheet.entries as GlossaryEntry[], lines: [2, 3, 4] };
    const withUser = mergeLayers([layer], glossary.entries, glossary.words, glossary.index);
    const text = '本季的小件總帳冊、器械基金與物件利率都已更新。';
    expect(regionsOf(text, 'zh-Hant', withUser).evidence()).toMatchObject({
      tw: 3,
      twOnly: 3,
      twForms: ['器械基金', '小件總帳冊', '物件利率'],
    });
    expect(regionsOf(text, 'zh-Hant', withUser).decide()).toBe('zh-TW');
    // the bundled glossary alone knows none of them
    expect(regionsOf(text).decide()).toBeUndefined();
  });
});

describe('checkInDetectedRegion', () => {
  const flow = (text: string, first: ChineseScript) => {
    const checked: (ChineseScript | undefined)[] = [];
    const result = checkInDetectedRegion(first, (script) => {
      checked.push(script);
      return regionsOf(text, script);
    });
    return { variant: result.variant, checked };
  };

  it('checks again, whole, when the words tell another variant than the first check’s', () => {
    expect(flow(TEXTS.tw1, 'zh-Hant')).toEqual({ variant: 'zh-TW', checked: ['zh-Hant', 'zh-TW'] });
    expect(flow(TEXTS.tw1, 'zh-HK')).toEqual({ variant: 'zh-TW', checked: ['zh-HK', 'zh-TW'] });
    expect(flow(TEXTS.mainland, 'zh-TW')).toEqual({ variant: 'zh-Hant', checked: ['zh-TW', 'zh-Hant'] });
  });

  it('checks once when they tell the same', () => {
    expect(flow(TEXTS.tw1, 'zh-TW')).toEqual({ variant: 'zh-TW', checked: ['zh-TW'] });
    expect(flow(TEXTS.mainland, 'zh-Hant')).toEqual({ variant: 'zh-Hant', checked: ['zh-Hant'] });
  });
});
