/**
 * Glossary-aware conversion as a translator uses it: a Hong Kong edition made into a Taiwan one and
 * back, a simplified source made into both. Expected texts are written here by hand.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertLocale, regionalPhrases } from '../../server/src/engine/convert';
import { convertText } from '../../server/src/engine/convertText';
import type { ChineseScript } from '../../server/src/engine/entry';
import { DocumentChecker } from '../../server/src/engine/termQA';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';

const bundled = glossaryFromFile(join(__dirname, '../../dist/glossary.json'));

type Row = [text: string, from: ChineseScript | undefined, to: ChineseScript, expected: string];

function rows(list: Row[]): void {
  for (const [text, from, to, expected] of list)
    it(`${text} (${from ?? 'any'} → ${to}): ${expected}`, () => expect(convertText(text, to, bundled, { from })).toBe(expected));
}

describe('a traditional text of no decided region made Taiwan’s or Hong Kong’s: the other region’s words become its own', () => {
  // `check` and `convert` detect a traditional text as zh-Hant: a Hong Kong edition is one
  rows([
    ['流動支付在零售商戶普及', 'zh-Hant', 'zh-TW', '行動支付在零售商戶普及'],
    ['金管局推出虛擬銀行牌照', 'zh-Hant', 'zh-TW', '金管局推出純網路銀行牌照'],
    ['行動支付普及後', 'zh-Hant', 'zh-HK', '流動支付普及後'],
    // made simplified, it is not taken for Taiwan's (detection says only that it is traditional)
    ['行動支付普及後', 'zh-Hant', 'zh-Hans', '行动支付普及后'],
    // a text said to be Taiwan's: a Hong Kong word in it is not taken for Hong Kong's (as before)
    ['流動支付在零售商戶普及', 'zh-TW', 'zh-Hans', '流动支付在零售商户普及'],
    // a simplified text: a Taiwan form written in simplified characters is no Taiwan word
    ['资料来源', 'zh-Hans', 'zh-HK', '資料來源'],
  ]);
});

describe('OpenCC’s regional phrase tables do not put another region’s terms into a converted text', () => {
  rows([
    // OpenCC's Taiwan table: 死機 → 宕機 (mainland), 網卡 → 網絡卡 (Taiwan's network is 網路)
    ['服务器初始化死机。', undefined, 'zh-TW', '伺服器初始化當機。'],
    ['更换新的网卡。', 'zh-Hans', 'zh-TW', '更換新的網路卡。'],
    ['蓝屏死机', 'zh-Hans', 'zh-TW', '藍色畫面當機'],
    ['更換新的網卡。', 'zh-Hant', 'zh-TW', '更換新的網路卡。'],
    // a phrase OpenCC keeps, with a glossary term inside that is not that term (a non-term word)
    ['海内存知己', 'zh-Hans', 'zh-TW', '海內存知己'],
    // Hong Kong: its table has neither
    ['初始化死机,更换网卡。', 'zh-Hans', 'zh-HK', '初始化死機,更換網卡。'],
  ]);

  it('every phrase of OpenCC’s Taiwan table, converted to zh-TW, has no regional-variant finding there', () => {
    const flagged: string[] = [];
    for (const [phrase] of regionalPhrases('twp')) {
      const simplified = convertLocale(phrase, 't', 'cn');
      const text = convertText(simplified, 'zh-TW', bundled, { from: 'zh-Hans' });
      const found = new DocumentChecker({ source: bundled, script: 'zh-TW' }).check(bundled.index.scan(text), text);
      for (const f of found) if (f.rule === 'regional-variant') flagged.push(`${simplified} → ${text}: ${f.term}`);
    }
    expect(flagged).toEqual([]);
  });
});

describe('an alias keeps its own concept’s headword as the glossary spells it', () => {
  rows([
    // 昇腾, Huawei's brand, is written 昇 in simplified too (OpenCC's characters make it 升腾)
    ['採用華為昇騰芯片', 'zh-Hant', 'zh-Hans', '采用华为昇腾芯片'],
    // the headword's reviewed glyphs: Hong Kong's 戶 and 稅 (never 户, 税), 群 (not OpenCC's 羣)
    ['支持线上开户', 'zh-Hans', 'zh-HK', '支持線上開戶'],
    ['增值税留抵退税', 'zh-Hans', 'zh-HK', '增值稅留抵退稅'],
    ['精准定位目标客群', 'zh-Hans', 'zh-Hant', '精準定位目標客群'],
    // a headword that is another word in the target stays the alias's wording (按揭贷款, not 个人住房贷款贷款)
    ['按揭貸款', 'zh-HK', 'zh-Hans', '按揭贷款'],
  ]);
});
