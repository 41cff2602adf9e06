/**
 * Glossary-aware conversion as a translator uses it: a Hong Kong edition made into a Taiwan one and
 * back, a simplified source made into both. Expected texts are written here by hand.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertText } from '../../server/src/engine/convertText';
import type { ChineseScript } from '../../server/src/engine/entry';
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
