/**
 * Property tests (fast-check) for normalisation and matching: offsets map back exactly, traditional
 * text finds what its simplified original finds, and no input makes the engine throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSimplified } from '../../server/src/engine/convert';
import { DocumentIndex } from '../../server/src/engine/documentIndex';
import { normalizeKey, normalizeWithOffsets } from '../../server/src/engine/normalize';
import { sample } from './helpers';

/** Pieces real documents are made of: terms in every script, pinyin, breaks, full width, noise. */
const pieces = [
  '区块链',
  '區塊鏈',
  '区塊鏈',
  '云計算',
  '供应链',
  '金融',
  '供应链金融',
  '存款准备金率',
  '贷后管理',
  '分布式账本',
  '網(wǎng)絡(luò)',
  '持牌金融機構(gòu)',
  '機構',
  '(PoW)',
  '(1990-2000)',
  '区块\n链',
  '\r\n',
  '\n\n',
  ' ',
  '\t',
  '\u3000',
  '\u200b',
  '\u00ad',
  'API',
  'api',
  'ＡＰＩ',
  'KYC',
  'smart contracts',
  'Smart-Contract',
  "bank's",
  'banks’',
  'peer-to-peer lending',
  'e-CNY',
  'eCNY',
  '𠀀测试',
  '🙂',
  'é',
  'e\u0301',
  '。',
  ',',
  '的',
  '我们',
  'x',
];
const docArb = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 60 })
  .map((xs) => xs.join(''));

describe('offsets map back to the original text exactly', () => {
  it('each normalised unit comes from its source span, and the span normalises to it', () => {
    fc.assert(
      fc.property(docArb, (src) => {
        const n = normalizeWithOffsets(src);
        for (let i = 0; i < n.text.length; ) {
          // units sharing one span (a surrogate pair) form one group
          let j = i + 1;
          while (j < n.text.length && n.starts[j] === n.starts[i]) j++;
          const span = src.slice(n.starts[i], n.ends[i]);
          expect(n.ends[j - 1]).toBe(n.ends[i]);
          if (i > 0) expect(n.starts[i]).toBeGreaterThanOrEqual(n.ends[i - 1]!);
          expect(normalizeWithOffsets(span).text).toBe(n.text.slice(i, j));
          i = j;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every match covers source text that is itself one of the entry’s terms', () => {
    fc.assert(
      fc.property(docArb, (src) => {
        for (const m of sample.index.scan(src)) {
          expect(m.start).toBeLessThan(m.end);
          const written = src.slice(m.start, m.end);
          expect(sample.index.lookup(written)).toEqual(expect.arrayContaining(m.entries));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('matchAt agrees with scan: each scanned occurrence is covered by matchAt’s answer at its start', () => {
    fc.assert(
      fc.property(docArb, (src) => {
        for (const m of sample.index.scan(src)) {
          const found = sample.index.matchAt(src, m.start);
          expect(found).not.toBeNull();
          expect(found!.match.end - found!.match.start).toBeGreaterThanOrEqual(m.end - m.start);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('matchAt’s small first window gives the same answer as the full window', () => {
  // long documents, so that the small window really is smaller than the text
  const longDoc = fc
    .array(
      fc.constantFrom(
        ...pieces,
        'software bill of materials',
        'application programming interface',
        '应用程序接口',
        '软件物料清单',
        '持(chí)牌(pái)金(jīn)融(róng)機(jī)構(gòu)',
        '存(cún)款(kuǎn)准(zhǔn)备(bèi)金(jīn)率(lǜ)',
        '分\n布式账本',
        '供 应 链',
      ),
      { minLength: 40, maxLength: 200 },
    )
    .map((xs) => xs.join(''));
  const full = (src: string, offset: number) =>
    (sample.index as unknown as { matchAtWindow(s: string, o: number, opts: object, w: number): unknown }).matchAtWindow(
      src,
      offset,
      {},
      1e9,
    );
  it('at every tenth offset (from a random first one)', () => {
    fc.assert(
      fc.property(longDoc, fc.nat({ max: 9 }), (src, phase) => {
        for (let offset = phase; offset < src.length; offset += 10) expect(sample.index.matchAt(src, offset)).toEqual(full(src, offset));
      }),
      { numRuns: 300 },
    );
  });
});

describe('traditional text finds the same concepts at the same offsets as its simplified original', () => {
  const simplified = [
    '我们研究区块链技术',
    '发展云计算服务',
    '供应链金融业务',
    '提高存款准备金率',
    '加强贷后管理',
    '分布式账本技术',
    '持牌金融机构的业务',
    '网络金融',
    '这套软件很好用',
    '智能合约',
    '了解你的客户',
    '数字人民币',
    '银行的货币',
    '中海信托在中海油体系内的供应链金融业务主要服务于中海油的上游企业',
    '推动传统金融机构加速数字化转型',
    '。',
    ',',
    ' ',
    '\n',
  ];
  const plain = (src: string) => sample.index.scan(src).map((m) => [m.start, m.end, [...m.entries].sort().join()]);
  it.each(['zh-Hant', 'zh-HK'] as const)('converted with OpenCC to %s (length-preserving conversions)', (script) => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...simplified), { maxLength: 12 }).map((xs) => xs.join('')),
        (hans) => {
          const hant = fromSimplified(hans, script);
          fc.pre(hant.length === hans.length);
          expect(plain(hant)).toEqual(plain(hans));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('arbitrary Unicode never throws', () => {
  const unicode = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }), // lone surrogates included
    fc.string({ unit: 'grapheme', maxLength: 100 }), // emoji, combining sequences
    fc
      .array(fc.constantFrom('\ud800', '\udc00', '\u0301', '\u200d', '👩‍💻', '(', '(wǎng)', '\n', '区'), { maxLength: 80 })
      .map((xs) => xs.join('')),
  );
  it('normalize, scan, matchAt, lookup, complete and the document index', () => {
    fc.assert(
      fc.property(unicode, fc.nat(), fc.nat({ max: 5 }), fc.string({ unit: 'binary', maxLength: 5 }), (src, at, del, ins) => {
        normalizeWithOffsets(src);
        normalizeKey(src);
        sample.index.scan(src);
        sample.index.matchAt(src, src.length ? at % src.length : 0);
        sample.index.lookup(src);
        sample.index.complete(src);
        const doc = new DocumentIndex(sample.index, src);
        expect(doc.occurrences).toBeDefined();
        const start = src.length ? at % src.length : 0,
          end = Math.min(src.length, start + del);
        const next = src.slice(0, start) + ins + src.slice(end);
        doc.update(next, start, end, start + ins.length);
        expect(doc.occurrences.map((m) => [m.start, m.end])).toEqual(sample.index.scan(next).map((m) => [m.start, m.end]));
      }),
      { numRuns: 500 },
    );
  });

  it('a 10 MB line', () => {
    const unit = '区块链 API 👩‍💻 e\u0301 \ud800 網(wǎng)絡(luò) ';
    const line = unit.repeat(Math.ceil(10_000_000 / unit.length));
    expect(line.length).toBeGreaterThanOrEqual(10_000_000);
    const found = sample.index.scan(line);
    expect(found.length).toBeGreaterThan(100_000);
    const mid = line.indexOf('区块链', line.length >> 1);
    expect(line.slice(sample.index.matchAt(line, mid + 1)!.match.start, sample.index.matchAt(line, mid + 1)!.match.end)).toBe('区块链');
    const doc = new DocumentIndex(sample.index, line);
    expect(doc.occurrences.length).toBe(found.length);
    const edited = line.slice(0, mid) + 'x' + line.slice(mid + 1);
    doc.update(edited, mid, mid + 1, mid + 1);
    expect(doc.occurrences.length).toBe(found.length - 1);
  }, 60_000);
});
