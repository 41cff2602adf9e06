import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentIndex } from '../../server/src/engine/documentIndex';
import { Glossary } from '../../server/src/engine/glossary';
import type { Match, TermIndex } from '../../server/src/engine/matcher';
import { PieceText, type Text } from '../../server/src/engine/text';
import { entry, sample } from './helpers';

const source = readFileSync(new URL('../../glossary/sources/001-fintech-reports.txt', import.meta.url), 'utf8');
/** Real text from the source document with every rule's trigger mixed in. */
const base =
  source.slice(20_000, 23_000) +
  '\n区块\n链与云計算, smart contracts and the API; 網(wǎng)絡(luò)金融; peer-to-peer lending; 供应链金融.\n' +
  source.slice(100_000, 101_500);

/**
 * The sample plus non-term words (glossary/words.yaml's kind): 非核心系统 keeps the term 核心系统
 * from matching inside it, 软件包 keeps 软件. `layered` is the same over a user layer, which
 * scans both tries (TermIndex's `base`).
 */
const coreSystem = entry('core-system', '核心系统', ['core system']);
const worded = new Glossary([...sample.entries, coreSystem], ['非核心系统', '软件包']);
const layered = new Glossary(
  [coreSystem, ...sample.entries],
  ['非核心系统', '软件包'],
  undefined,
  new Glossary(sample.entries, ['非核心系统', '软件包']).index,
);

class SmallMarginIndex extends DocumentIndex {
  override get margin(): number {
    return 48;
  }
}

/** Occurrences are computed on first read; read them so that updates are incremental. */
function scanned<T extends DocumentIndex>(doc: T): T {
  expect(doc.occurrences).toBeDefined();
  return doc;
}

const plain = (ms: readonly Match[]) => ms.map((m) => [m.start, m.end, [...m.entries].sort().join(',')]);

const fragments = [
  '区块',
  '链',
  '\n',
  ' ',
  'API',
  'api',
  'smart ',
  'contracts',
  '(wǎng)',
  '網',
  '金融',
  '供应',
  '\u200b',
  '-',
  'e-CNY',
  '𠀀',
  'x',
  '非',
  '核心系统',
  '非核心系统',
  '软件',
  '包',
];

interface Edit {
  at: number;
  del: number;
  ins: string[];
}

/**
 * Apply each edit to the text and to two indexes made by `make`: one given strings, one given the
 * server's text model (pieces, read in windows around each edit). After each edit both must equal
 * a full scan of the string.
 */
function editAndCompare(make: (text: Text) => DocumentIndex, initial: string, edits: Edit[], terms: TermIndex = sample.index): void {
  let text = initial;
  let pieces = PieceText.of(initial);
  const doc = scanned(make(initial)),
    twin = scanned(make(pieces));
  for (const { at, del, ins } of edits) {
    const start = at % (text.length + 1);
    const oldEnd = Math.min(text.length, start + del);
    const inserted = ins.join('');
    text = text.slice(0, start) + inserted + text.slice(oldEnd);
    pieces = pieces.edit(start, oldEnd, inserted);
    doc.update(text, start, oldEnd, start + inserted.length);
    twin.update(pieces, start, oldEnd, start + inserted.length);
    const full = plain(terms.scan(text));
    expect(plain(doc.occurrences)).toEqual(full);
    expect(plain(twin.occurrences)).toEqual(full);
  }
}

describe('DocumentIndex: incremental re-index equals a full scan', () => {
  it('after a sequence of random edits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), ins: fc.array(fc.constantFrom(...fragments), { maxLength: 4 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        (edits) => {
          editAndCompare((t) => new DocumentIndex(sample.index, t), base, edits);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('on dense term text built from fragments', () => {
    const textArb = fc
      .array(fc.constantFrom(...fragments, '存款', '准备金率', '贷后管理', 'bank', "'s", 'currencies', '持牌', '金融機構(gòu)'), {
        maxLength: 300,
      })
      .map((xs) => xs.join(''));
    const editArb = fc.record({ at: fc.nat(), del: fc.nat({ max: 6 }), ins: fc.array(fc.constantFrom(...fragments), { maxLength: 3 }) });
    fc.assert(
      fc.property(textArb, fc.array(editArb, { minLength: 1, maxLength: 10 }), (initial, edits) => {
        // a small margin (still longer than any term these fragments can form) so that the
        // restart points are really exercised
        editAndCompare((t) => new SmallMarginIndex(sample.index, t), initial, edits);
        for (const g of [worded, layered]) editAndCompare((t) => new SmallMarginIndex(g.index, t), initial, edits, g.index);
      }),
      { numRuns: 300 },
    );
  });

  it('when terms and non-term words overlap in chains longer than the margin', () => {
    // 甲乙 is a term and 乙甲 a word (so are 乙丙 and 丙甲): inserting one character before a run
    // like 乙甲乙甲… flips the parse of the whole run, from words to terms or back, so the rescan
    // can only stop where neither an old term nor an old word straddles its end
    const chain = new Glossary([entry('a', '甲乙', ['a']), entry('b', '乙丙', ['b']), entry('c', '丙丁', ['c'])], ['乙甲', '丙甲', '丁乙']);
    const pieces = ['甲', '乙', '丙', '丁', '乙丙', '丙甲', '乙甲'.repeat(16), '甲乙'.repeat(16), 'x'];
    const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((xs) => xs.join(''));
    const editArb = fc.record({ at: fc.nat(), del: fc.nat({ max: 3 }), ins: fc.array(fc.constantFrom(...pieces), { maxLength: 2 }) });
    fc.assert(
      fc.property(textArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (initial, edits) => {
        editAndCompare((t) => new SmallMarginIndex(chain.index, t), initial, edits, chain.index);
      }),
      { numRuns: 500 },
    );
  });

  it('does not restart a rescan inside a non-term word', () => {
    // the edit is a margin after 非: the rescan's left point would fall between 非 and 核心系统, a
    // safe place for normalising, but the parse there is inside the word 非核心系统
    for (const g of [worded, layered]) {
      const filler = '的'.repeat(100);
      let text = `${filler}非核心系统${filler}`;
      const doc = scanned(new SmallMarginIndex(g.index, text));
      expect(doc.occurrences).toEqual([]);
      const at = 101 + doc.margin;
      text = `${text.slice(0, at)}区块链${text.slice(at)}`;
      doc.update(text, at, at, at + 3);
      expect(doc.occurrences.map((m) => text.slice(m.start, m.end))).toEqual(['区块链']);
    }
  });

  it('rescans only a small region around a keystroke in a large document', () => {
    const text = source;
    const doc = scanned(new DocumentIndex(sample.index, text));
    const mid = text.length >> 1;
    const next = text.slice(0, mid) + '链' + text.slice(mid);
    doc.update(next, mid, mid, mid + 1);
    expect(doc.lastRescan.to - doc.lastRescan.from).toBeLessThan(4 * doc.margin);
    expect(plain(doc.occurrences)).toEqual(plain(sample.index.scan(next)));
  });

  it('creates and removes a term across the edit', () => {
    let text = '我们研究区块技术';
    const doc = new DocumentIndex(sample.index, text);
    expect(doc.occurrences).toHaveLength(0);
    text = '我们研究区块链技术';
    doc.update(text, 6, 6, 7);
    expect(doc.occurrences.map((m) => text.slice(m.start, m.end))).toEqual(['区块链']);
    text = '我们研究区链技术';
    doc.update(text, 5, 6, 5);
    expect(doc.occurrences).toHaveLength(0);
  });

  it('does not scan until occurrences are read, then scans the current text', () => {
    const doc = new DocumentIndex(sample.index, '区块');
    doc.update('区块链', 2, 2, 3);
    expect(doc.occurrences.map((m) => [m.start, m.end])).toEqual([[0, 3]]);
  });

  it('answers occurrencesIn and termAt from the current text', () => {
    const text = '区块链与供应链金融';
    const doc = new DocumentIndex(sample.index, text);
    expect(doc.occurrencesIn(4, 6).map((m) => text.slice(m.start, m.end))).toEqual(['供应链金融']);
    expect(text.slice(doc.termAt(7)!.match.start, doc.termAt(7)!.match.end)).toBe('供应链金融');
  });

  it('answers termAt from the pieces of an edited text as from the same string', () => {
    // a text longer than two of matchAt's windows, edited so that it has pieces of every kind
    let text = base + base + base + base;
    let pieces = PieceText.of(text);
    for (const [at, del, ins] of [
      [9000, 3, '区块链'],
      [100, 0, ' smart contracts '],
      [16_500, 40, '網(wǎng)絡(luò)金融'],
    ] as const) {
      text = text.slice(0, at) + ins + text.slice(at + del);
      pieces = pieces.edit(at, at + del, ins);
    }
    const ours = new DocumentIndex(sample.index, pieces),
      strings = new DocumentIndex(sample.index, text);
    let terms = 0;
    for (let offset = 0; offset < text.length; offset += 7) {
      const found = ours.termAt(offset);
      expect(found).toEqual(strings.termAt(offset));
      if (found) terms++;
    }
    // (and the answers are terms, at their places in the whole text)
    expect(terms).toBeGreaterThan(50);
    const at = text.indexOf('網(wǎng)絡(luò)金融') + 2;
    const m = ours.termAt(at)!.match;
    expect(text.slice(m.start, m.end)).toBe('網(wǎng)絡(luò)');
  });

  it('rescans everything when the acronym option changes', () => {
    const doc = new DocumentIndex(sample.index, 'call the api now');
    expect(doc.occurrences).toHaveLength(0);
    doc.setOptions({ acronymsCaseInsensitive: true });
    expect(doc.occurrences).toHaveLength(1);
  });
});
