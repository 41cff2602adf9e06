import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeKey, normalizeWithOffsets } from '../../server/src/engine/normalize';
import { collapseWhitespace, containsHan, isHan, isWhitespaceUnit, trimWhitespace } from '../../server/src/engine/unicode';

describe('normalizeWithOffsets', () => {
  it.each([
    ['區塊鏈', '区块链'],
    ['ＡＰＩ（測試）', 'api(测试)'],
    ['Peer-to-Peer', 'peer to peer'],
    ['a \t\n b', 'a b'],
    ['網(wǎng)絡(luò)', '网络'],
    ['工作量證明(PoW)', '工作量证明(pow)'],
    ['時期(1990-2000)', '时期(1990 2000)'],
    ['区块\n链', '区块链'],
    ['区块\r\n链', '区块链'],
    ['soft\u00adhyphen', 'softhyphen'],
    ['裡', '里'],
  ])('%j → %j', (src, expected) => {
    expect(normalizeWithOffsets(src).text).toBe(expected);
  });

  it('maps pinyin annotations onto the annotated character', () => {
    const n = normalizeWithOffsets('網(wǎng)絡(luò)');
    expect([n.starts[0], n.ends[0], n.starts[1], n.ends[1]]).toEqual([0, 7, 7, 13]);
  });

  it('keeps surrogate pairs whole', () => {
    const n = normalizeWithOffsets('𠀀a');
    expect(n.text).toBe('𠀀a');
    expect([...n.starts]).toEqual([0, 0, 2]);
  });

  it('offsets are monotone and inside the source, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const n = normalizeWithOffsets(s);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.starts[i]).toBeGreaterThanOrEqual(0);
          expect(n.ends[i]).toBeLessThanOrEqual(s.length);
          expect(n.starts[i]).toBeLessThan(n.ends[i]!);
          if (i > 0) expect(n.starts[i]).toBeGreaterThanOrEqual(n.starts[i - 1]!);
        }
      }),
    );
  });

  it('is idempotent on keys', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (s) => {
        expect(normalizeKey(normalizeKey(s))).toBe(normalizeKey(s));
      }),
    );
  });

  it('is idempotent on keys made of separators, hyphens and zero-width characters', () => {
    const parts = fc.constantFrom('a', '!', '区', ' ', '-', '\u2010', '\u00ad', '\u200b', '\n', '\t', '\u3000', 'Ａ');
    fc.assert(
      fc.property(
        fc.array(parts, { maxLength: 30 }).map((xs) => xs.join('')),
        (s) => {
          expect(normalizeKey(normalizeKey(s))).toBe(normalizeKey(s));
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ['peer - to - peer', 'peer to peer'],
    ['e-\u00adCNY', 'e cny'],
    ['! - !', '! !'],
    ['区块-\n链', '区块 链'],
  ])('separator runs: %j → %j', (src, expected) => {
    expect(normalizeKey(src)).toBe(expected);
  });
});

describe('containsHan', () => {
  it.each([
    ['', false],
    ['ledger', false],
    ['分布式 ledger', true],
    ['ＡＢＣ（）', false],
    ['\u{20000}', true], // CJK Extension B: a surrogate pair
    ['a\u{2A6D6}b', true],
    ['\u{1F600}', false], // an astral emoji is no Han character
    ['\uD840', false], // an unpaired high surrogate
    ['\uD840x', false],
    ['\uDC00', false], // an unpaired low surrogate
    ['\u3400', true], // Extension A's first
    ['\u33FF', false],
    ['\uF900', true], // a compatibility ideograph
  ])('%j → %s', (s, expected) => {
    expect(containsHan(s)).toBe(expected);
  });

  it('is true exactly when a code point of the string is Han', () => {
    const units = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }),
      fc.constantFrom(0x4e00, 0x9fff, 0x3400, 0x4dbf, 0xf900, 0xfaff, 0xd840, 0xdc00, 0xd87e, 0xdfff, 0xd83d),
    );
    fc.assert(
      fc.property(fc.array(units, { maxLength: 12 }), (us) => {
        const s = String.fromCharCode(...us);
        // each code point as the string spells it (a lone surrogate stands for itself)
        const points: number[] = [];
        for (let i = 0; i < s.length; i++) {
          const u = s.charCodeAt(i);
          const next = s.charCodeAt(i + 1);
          if (u >= 0xd800 && u <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
            points.push((u - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000);
            i++;
          } else points.push(u);
        }
        return containsHan(s) === points.some((cp) => isHan(cp));
      }),
    );
  });
});

describe('trimWhitespace', () => {
  it.each([
    ['', ''],
    ['ledger', 'ledger'],
    ['  账本\u3000', '账本'],
    ['ledger\u0085', 'ledger'], // NEL: JavaScript's trim keeps it
    ['\u0001ledger\u007f', 'ledger'], // control characters go too
    ['\ufeff账本', '\ufeff账本'], // a zero-width no-break space is no whitespace (JavaScript's trim takes it)
    ['a  b', 'a  b'], // only the ends
    ['\u2028\t \n', ''],
  ])('%j → %j', (s, expected) => {
    expect(trimWhitespace(s)).toBe(expected);
  });

  it('takes exactly the units collapsing takes at the ends, every BMP unit tried', () => {
    const differ: string[] = [];
    for (let u = 0; u <= 0xffff; u++) {
      const blank = isWhitespaceUnit(u) || u < 0x20 || u === 0x7f;
      const c = String.fromCharCode(u);
      if (trimWhitespace(`${c}a${c}${c}`) !== (blank ? 'a' : `${c}a${c}${c}`)) differ.push(u.toString(16));
    }
    expect(differ).toEqual([]);
  });
});

describe('collapseWhitespace', () => {
  it.each([
    ['', ''],
    ['ledger', 'ledger'],
    ['  a\u00a0\u3000b\u202fc\n', 'a b c'],
    ['a  b', 'a b'],
    ['a\r\n\tb', 'a b'],
    ['a\u0085b', 'a b'], // NEL: a line break for the engine, not for JavaScript's \s
    ['a\u0001b\u007f', 'a b'], // control characters go too
    ['\ufeffa', '\ufeffa'], // a zero-width no-break space is no whitespace (the matcher drops it)
    ['\u3000区块链\u3000', '区块链'],
    [' \n\t ', ''],
  ])('%j → %j', (s, expected) => {
    expect(collapseWhitespace(s)).toBe(expected);
  });

  it("collapses exactly the engine's whitespace units and the control units, every BMP unit tried", () => {
    const differ: string[] = [];
    for (let u = 0; u <= 0xffff; u++) {
      const gap = isWhitespaceUnit(u) || u < 0x20 || u === 0x7f;
      const c = String.fromCharCode(u);
      if (collapseWhitespace(`a${c}b`) !== (gap ? 'a b' : `a${c}b`)) differ.push(`${u.toString(16)} inside`);
      if (collapseWhitespace(`a${c}${c}`) !== (gap ? 'a' : `a${c}${c}`)) differ.push(`${u.toString(16)} at the end`);
      // a long text (over 32 units) is looked at another way
      const long = 'x'.repeat(40);
      if (collapseWhitespace(`${long}${c}b`) !== (gap ? `${long} b` : `${long}${c}b`)) differ.push(`${u.toString(16)} in a long text`);
    }
    expect(differ).toEqual([]);
  });

  it('makes every run of whitespace and control units one space, ends trimmed, the rest as it was', () => {
    // the definition, unit by unit: isWhitespaceUnit (the engine's whitespace) or a control unit
    const gap = (u: number) => isWhitespaceUnit(u) || u < 0x20 || u === 0x7f;
    const reference = (s: string) => {
      const words: string[] = [];
      let word = '';
      for (let i = 0; i < s.length; i++) {
        if (gap(s.charCodeAt(i))) {
          if (word) words.push(word);
          word = '';
        } else word += s[i];
      }
      if (word) words.push(word);
      return words.join(' ');
    };
    const units = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }),
      fc.constantFrom(
        0x20,
        0x09,
        0x0a,
        0x0d,
        0x0b,
        0x0c,
        0x85,
        0xa0,
        0x1680,
        0x2000,
        0x200a,
        0x2028,
        0x2029,
        0x202f,
        0x205f,
        0x3000,
        0xfeff,
        0x7f,
        0x00,
      ),
      fc.constantFrom(0x61, 0x533a, 0xd840, 0xdc00),
    );
    fc.assert(
      fc.property(fc.array(units, { maxLength: 48 }), (us) => {
        const s = String.fromCharCode(...us);
        expect(collapseWhitespace(s)).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
  });
});
