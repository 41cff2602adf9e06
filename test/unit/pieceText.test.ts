/**
 * The server's text model (engine/text.ts PieceText, server/src/textDocument.ts PieceDocument)
 * against plain strings and vscode-languageserver-textdocument's TextDocument: every random edit
 * sequence must read back exactly as the same edits made with strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceText } from '../../server/src/engine/text';
import { PieceDocument } from '../../server/src/textDocument';

/** Fragments with what the engine's scans meet: CJK, a surrogate pair, line breaks of every kind, needles. */
const fragments = ['区块链', '𠀀', 'a', '\n', '\r\n', '\r', '://', '```', ' ', '網(wǎng)', 'fintech-glossary-', '\uff1a', '<!--'];
const fragmentArb = fc.array(fc.constantFrom(...fragments), { maxLength: 6 }).map((a) => a.join(''));

/** A text of some 20,000 units: several pieces of 8,192. */
const base = Array.from({ length: 2000 }, (_, k) => fragments[(k * 7) % fragments.length]!).join('');

interface Edit {
  at: number;
  del: number;
  ins: string;
}
const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  del: fc.oneof(fc.nat({ max: 20 }), fc.nat({ max: 30_000 })),
  // now and then a paste longer than a piece
  ins: fc.oneof(
    { weight: 6, arbitrary: fragmentArb },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((n) => base.slice(0, n * 9000)) },
  ),
});

/** Every reading of `t` the engine uses, compared with the string `s` (probes drawn from `seed`). */
function sameReadings(t: PieceText, s: string, seed: number): void {
  expect(t.length).toBe(s.length);
  let r = seed;
  const next = (n: number) => {
    r = (r * 1103515245 + 12345) % 2 ** 31;
    return n <= 0 ? 0 : r % n;
  };
  for (let k = 0; k < 40; k++) {
    const i = next(s.length + 2) - 1;
    expect(t.charCodeAt(i)).toEqual(s.charCodeAt(i));
    expect(t.charAt(i)).toBe(s.charAt(i));
    const a = next(s.length + 1),
      b = a + next(Math.min(20_000, s.length - a + 2));
    expect(t.slice(a, b)).toBe(s.slice(a, b));
    // a needle taken from the text itself (found somewhere), and the fixed ones
    const at = next(s.length);
    const needle = k % 3 === 0 ? s.slice(at, at + 1 + next(5)) : fragments[k % fragments.length]!;
    const from = next(s.length + 3) - 1;
    expect(t.indexOf(needle, from)).toBe(s.indexOf(needle, from));
    expect(t.lastIndexOf(needle, from)).toBe(s.lastIndexOf(needle, from));
    expect(t.startsWith(needle, from)).toBe(s.startsWith(needle, from));
  }
  // reads across each boundary between two pieces
  for (const b of t.pieceStarts.slice(1)) {
    for (const [x, y] of [
      [b - 1, b + 1],
      [b - 3, b + 2],
      [b - 1, b + 4],
    ] as const) {
      const needle = s.slice(x, y);
      expect(t.slice(x, y)).toBe(needle);
      expect(t.indexOf(needle, x - 8)).toBe(s.indexOf(needle, x - 8));
      expect(t.indexOf(needle, x)).toBe(s.indexOf(needle, x));
      expect(t.lastIndexOf(needle, y + 8)).toBe(s.lastIndexOf(needle, y + 8));
      expect(t.lastIndexOf(needle, x)).toBe(s.lastIndexOf(needle, x));
      expect(t.startsWith(needle, x)).toBe(true);
    }
    expect(t.charCodeAt(b - 1)).toBe(s.charCodeAt(b - 1));
    expect(t.charCodeAt(b)).toBe(s.charCodeAt(b));
  }
  expect(t.slice()).toBe(s);
  expect(t.slice(-5)).toBe(s.slice(-5));
}

describe('PieceText: reads as the string the same edits make', () => {
  it('after random edits (pieces read before they are ever joined)', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 12 }), fc.nat(), (edits, seed) => {
        let s = base;
        let t = PieceText.of(base);
        for (const { at, del, ins } of edits) {
          const start = at % (s.length + 1),
            end = Math.min(s.length, start + del);
          const before = t;
          const beforeText = s;
          t = t.edit(start, end, ins);
          s = s.slice(0, start) + ins + s.slice(end);
          // the version before the edit is unchanged
          expect(before.slice(0, before.length)).toBe(beforeText);
          // the joined string is made only by whole-text reads: the probes read the pieces
          sameReadings(t, s, seed);
        }
        expect(t.toString()).toBe(s);
        sameReadings(t, s, seed + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps few pieces however long it is edited one character at a time', () => {
    let s = base;
    let t = PieceText.of(base);
    for (let k = 0; k < 3000; k++) {
      const at = (k * 7919) % (s.length + 1);
      if (k % 3 === 2) {
        t = t.edit(at, at + 1, '');
        s = s.slice(0, at) + s.slice(at + 1);
      } else {
        t = t.edit(at, at, '字');
        s = `${s.slice(0, at)}字${s.slice(at)}`;
      }
    }
    expect(t.toString()).toBe(s);
    // pieces between 2,048 and 16,384 units (bar a few the edits left short): a handful, not thousands
    expect(t.pieceCount).toBeLessThanOrEqual(Math.ceil(s.length / 2048) + 2);
  });

  it('is empty, and grows from empty', () => {
    let t = PieceText.of('');
    expect(t.length).toBe(0);
    expect(t.indexOf('a')).toBe(-1);
    expect(t.lastIndexOf('')).toBe(0);
    expect(Number.isNaN(t.charCodeAt(0))).toBe(true);
    t = t.edit(0, 0, '区块链');
    expect(t.slice(1, 2)).toBe('块');
    t = t.edit(0, 3, '');
    expect(t.length).toBe(0);
    expect(t.slice()).toBe('');
  });
});

describe('PieceDocument: positions as vscode-languageserver-textdocument gives them', () => {
  const lineBreaks = ['\n', '\r\n', '\r', '区块链', 'ab', '𠀀', ' '];
  const textArb = fc.array(fc.constantFrom(...lineBreaks), { maxLength: 40 }).map((a) => a.join(''));
  it('after random incremental edits', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.array(fc.record({ a: fc.nat(), b: fc.nat({ max: 8 }), ins: textArb, read: fc.boolean() }), { maxLength: 10 }),
        (initial, edits) => {
          const ours = PieceDocument.create('file:///a.txt', 'plaintext', 1, initial);
          const theirs = TextDocument.create('file:///a.txt', 'plaintext', 1, initial);
          let v = 1;
          for (const { a, b, ins, read } of edits) {
            // the line table made before the edit (then kept by it) or not (then made after it)
            if (read) expect(ours.lineCount).toBe(theirs.lineCount);
            const len = theirs.getText().length;
            const start = theirs.positionAt(a % (len + 1)),
              end = theirs.positionAt(Math.min(len, (a % (len + 1)) + b));
            ours.replace(ours.offsetAt(start), ours.offsetAt(end), ins);
            TextDocument.update(theirs, [{ range: { start, end }, text: ins }], ++v);
            const text = theirs.getText();
            expect(ours.getText()).toBe(text);
            expect(ours.lineCount).toBe(theirs.lineCount);
            for (let o = -1; o <= text.length + 1; o++) expect(ours.positionAt(o)).toEqual(theirs.positionAt(o));
            for (let line = -1; line <= theirs.lineCount; line++)
              for (const character of [-1, 0, 1, 2, 3, 5, 100]) {
                const p = { line, character };
                expect(ours.offsetAt(p)).toBe(theirs.offsetAt(p));
              }
            for (let line = 0; line < theirs.lineCount; line++) {
              const r = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
              expect(ours.getText(r)).toBe(theirs.getText(r));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
