import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latinHanJoined, latinHanSpacings } from '../../server/src/engine/entryKeys';
import { isWhitespaceUnit } from '../../server/src/engine/unicode';

describe('Latin/Han spacing of a form', () => {
  it.each([
    ['ESG 投资', 'ESG投资', 'ESG 投资'],
    ['ESG投资', 'ESG投资', 'ESG 投资'],
    ['投资 ESG 基金', '投资ESG基金', '投资 ESG 基金'],
    ['AI  芯片', 'AI芯片', 'AI 芯片'],
    ['区块 链', '区块 链', '区块 链'],
    ['peer to peer', 'peer to peer', 'peer to peer'],
    [' ESG', ' ESG', ' ESG'],
    ['5G 网络', '5G网络', '5G 网络'],
    ['API\u3000接口', 'API接口', 'API 接口'],
    ['', '', ''],
  ])('%j joins to %j and spaces to %j', (form, joined, spaced) => {
    expect(latinHanJoined(form)).toBe(joined);
    expect(latinHanSpacings(form)).toEqual([joined, spaced]);
  });

  it('leaves a form without whitespace as it is, and joining twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const once = latinHanJoined(s);
        expect(latinHanJoined(once)).toBe(once);
        if (![...s].some((c) => isWhitespaceUnit(c.charCodeAt(0)))) expect(once).toBe(s);
      }),
    );
  });
});
