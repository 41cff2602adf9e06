/**
 * The engine's glossary search (workspace symbols) and the paragraph rule inline glosses use:
 * data-driven rows with hand-written expectations, and a property tying the paragraph rule to the
 * one normalisation uses to end terms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Match } from '../../server/src/engine/matcher';
import { firstInParagraph } from '../../server/src/engine/glosses';
import { hasParagraphBreak, normalizeWithOffsets, paragraphStart } from '../../server/src/engine/normalize';
import { EXACT, PREFIX, SUBSTRING, searchEntries } from '../../server/src/engine/search';
import { entry } from './helpers';

const entries = [
  entry('blockchain', '区块链', ['blockchain'], { occurrences: 100, zhAliases: ['区块链技术'] }),
  entry('blockchain-invoice', '区块链发票', ['blockchain invoice'], { occurrences: 3 }),
  entry('blockchain-finance', '区块链金融', ['blockchain finance'], { occurrences: 1 }),
  entry('cloud-computing', '云计算', ['cloud computing'], { occurrences: 50 }),
  entry('p2p', 'P2P网贷', ['peer-to-peer lending'], { abbr: ['P2P'], occurrences: 16 }),
  entry('regulatory-sandbox', '监管沙盒', ['regulatory sandbox'], { zhTw: '監理沙盒' }),
];

describe('searchEntries', () => {
  const search = (q: string, limit?: number) => searchEntries(entries, q, limit).map((h) => [h.entry.id, h.form, h.rank]);

  it.each([
    // query, expected [id, form, rank] in order
    [
      '区块链',
      [
        ['blockchain', '区块链', EXACT],
        ['blockchain-invoice', '区块链发票', PREFIX],
        ['blockchain-finance', '区块链金融', PREFIX],
      ],
    ],
    [
      '區塊',
      [
        ['blockchain', '區塊鏈', PREFIX],
        ['blockchain-invoice', '區塊鏈發票', PREFIX],
        ['blockchain-finance', '區塊鏈金融', PREFIX],
      ],
    ],
    ['BLOCKCHAIN F', [['blockchain-finance', 'blockchain finance', PREFIX]]],
    ['计算', [['cloud-computing', '云计算', SUBSTRING]]],
    ['peer to', [['p2p', 'peer-to-peer lending', PREFIX]]],
    ['ｐ２ｐ', [['p2p', 'P2P', EXACT]]],
    ['監理', [['regulatory-sandbox', '監理沙盒', PREFIX]]],
    ['沙盒', [['regulatory-sandbox', '监管沙盒', SUBSTRING]]],
    ['', []],
    ['  ', []],
    ['nothing like it', []],
  ])('%s', (query, expected) => {
    expect(search(query)).toEqual(expected);
  });

  it('keeps to the limit, best first', () => {
    expect(search('区块链', 2)).toEqual([
      ['blockchain', '区块链', EXACT],
      ['blockchain-invoice', '区块链发票', PREFIX],
    ]);
    expect(search('区块链', 0)).toEqual([]);
  });
});

describe('paragraphs', () => {
  it.each([
    ['a\n\nb', true],
    ['a\r\n\r\nb', true],
    ['a\r\rb', true],
    ['a\n \t\u3000\nb', true],
    ['a\u2029b', true],
    ['a\r\nb', false],
    ['a\nb\nc', false],
    ['a\n-\nb', true],
    ['a\nx\nb', false],
  ])('%j has a paragraph break: %s', (text, expected) => {
    expect(hasParagraphBreak(text, 0, text.length)).toBe(expected);
  });

  it.each([
    ['a\n\nbc', 4, 3],
    ['a\r\n\r\nbc', 6, 5],
    ['a\nbc', 3, 0],
    ['x\n\na\nb', 5, 3],
    ['x\n \n  y', 7, 6],
    ['x\u2029y', 2, 2],
  ])('paragraphStart(%j, %i) = %i', (text, offset, expected) => {
    expect(paragraphStart(text, offset)).toBe(expected);
  });

  it('is the rule normalisation ends terms with (a line feed in the normalised text)', () => {
    const unit = fc.constantFrom('a', '区', ' ', '\t', '\n', '\r', '\r\n', '\u2029', '-', '\u3000', '\u200b');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
        const text = `x${parts.join('')}y`;
        expect(hasParagraphBreak(text, 0, text.length)).toBe(normalizeWithOffsets(text).text.includes('\n'));
      }),
    );
  });

  it('firstInParagraph: once per concept per paragraph, earlier occurrences of the paragraph counted', () => {
    // occurrences of concepts A and B at hand-picked offsets in "A A B\n\nA B"
    const text = 'A A B\n\nA B';
    const occ = (start: number, concept: string): Match => ({ start, end: start + 1, entries: [concept.charCodeAt(0)], forms: [concept] });
    const all = [occ(0, 'A'), occ(2, 'A'), occ(4, 'B'), occ(7, 'A'), occ(9, 'B')];
    const within = (a: number, b: number) => all.filter((m) => m.end > a && m.start < b);
    const concept = (m: Match) => m.forms[0];
    expect(firstInParagraph(text, within, 0, text.length, concept).map((m) => m.start)).toEqual([0, 4, 7, 9]);
    // from offset 1: A at 0 is before the range but in the paragraph, so A at 2 is not glossed
    expect(firstInParagraph(text, within, 1, text.length, concept).map((m) => m.start)).toEqual([4, 7, 9]);
    // the text gives the counterpart right after the term: no gloss there, and none later in the paragraph
    const glossed = '区 (Y) then 区.\n\n区 Y';
    const pair = [occ(0, 'A'), occ(3, 'A'), occ(11, 'A'), occ(15, 'A'), occ(17, 'A')];
    const inPair = (a: number, b: number) => pair.filter((m) => m.end > a && m.start < b);
    expect(firstInParagraph(glossed, inPair, 0, glossed.length, concept).map((m) => m.start)).toEqual([]);
    const apart = '区, so Y\n\n区 区';
    // and only for the other language: 区 区 (the same term twice) keeps its gloss
    const far = [occ(0, 'A'), occ(6, 'A'), occ(9, 'A'), occ(11, 'A')];
    const inFar = (a: number, b: number) => far.filter((m) => m.end > a && m.start < b);
    expect(firstInParagraph(apart, inFar, 0, apart.length, concept).map((m) => m.start)).toEqual([0, 9]);
    // an occurrence without a concept (a non-term word) is never glossed
    expect(firstInParagraph(text, within, 0, text.length, (m) => (m.forms[0] === 'B' ? undefined : 'A')).map((m) => m.start)).toEqual([
      0, 7,
    ]);
  });
});
