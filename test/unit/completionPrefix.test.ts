/**
 * The completion prefix: which tails of the text before the cursor are tried as term prefixes.
 * The scan replaced a regular expression that backtracked exponentially; the old pattern is kept
 * here only as an oracle on short inputs, where it is fast. The hang check on long separator runs
 * is a protocol test (test/lsp/robustness.test.ts), where a stuck server can be timed out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatePrefixes } from '../../server/src/features/completion';

/** The 0.1 prefix rule, written with regular expressions (exponential on long separator runs). */
function oraclePrefixes(before: string): string[] {
  const han = /[\p{Script=Han}]+$/u.exec(before)?.[0];
  if (han) {
    const chars = [...han].slice(-12);
    return chars.map((_, k) => chars.slice(k).join(''));
  }
  const latin = /[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A][\w\uFF10-\uFF5A'’-]*(?:[ \t-]+[\w\uFF10-\uFF5A'’-]+)*$/u.exec(before)?.[0];
  if (!latin) return [];
  const words = latin.split(/(?<=[ \t])/);
  const out: string[] = [];
  for (let k = Math.max(0, words.length - 4); k < words.length; k++) out.push(words.slice(k).join(''));
  return out.filter((p) => p.trim().length > 0);
}

describe('completion prefixes', () => {
  it.each([
    ['我们研究区块', ['我们研究区块', '们研究区块', '研究区块', '究区块', '区块', '块']],
    ['open bank', ['open bank', 'bank']],
    ['see peer-to-peer lend', ['see peer-to-peer lend', 'peer-to-peer lend', 'lend']],
    ['a b c d e f', ['c d e f', 'd e f', 'e f', 'f']],
    ['pay with e-CNY', ['pay with e-CNY', 'with e-CNY', 'e-CNY']],
    ['9abc', ['abc']],
    ['ends with a space ', []],
    ['p. 3', []],
    ['𠀀𠀁', ['𠀀𠀁', '𠀁']],
    ['ｂｌｏｃｋ', ['ｂｌｏｃｋ']],
  ])('%j → %j', (before, expected) => {
    expect(candidatePrefixes(before)).toEqual(expected);
  });

  it('agrees with the 0.1 rule on short lines', () => {
    const alphabet = fc.constantFrom(
      'a',
      'B',
      'z',
      '3',
      '_',
      "'",
      '’',
      '-',
      ' ',
      '\t',
      '.',
      ',',
      '区',
      '塊',
      '𠀀',
      'ｅ',
      '－',
      '１',
      '(',
      ')',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 14 }), (chars) => {
        const before = chars.join('');
        expect(candidatePrefixes(before)).toEqual(oraclePrefixes(before));
      }),
      { numRuns: 3000 },
    );
  });
});
