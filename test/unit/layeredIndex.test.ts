/**
 * The layered term index (issue 9, hot reload): the user's termbases get a trie of their own and
 * the bundled glossary's trie is reused as it is, so a termbase change never re-indexes the bundled
 * glossary. Every answer must be the one a single index over all the entries gives: the same
 * matches, in the same order, with the user's entries first where a key is in both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../server/src/engine/entry';
import { Glossary } from '../../server/src/engine/glossary';
import { loadTermbase } from '../../server/src/engine/termbaseLoad';
import { type UserTermbase, mergeLayers } from '../../server/src/engine/userLayer';
import { entry, sample } from './helpers';

const WORDS = ['网络安全', '智能合约书', '海通证券', '银行卡'];
const bundled = new Glossary(sample.entries, WORDS);

const layer = (entries: GlossaryEntry[], uri = 'file:///ws/terms.csv'): UserTermbase => ({
  uri,
  label: 'terms.csv',
  entries,
  lines: entries.map((_, i) => i + 2),
});

/** The same entries indexed twice: layered over the bundled index, and as one index. */
function both(user: UserTermbase[], base: Glossary = bundled) {
  const layered = mergeLayers(user, base.entries, base.words, base.index);
  const single = mergeLayers(user, base.entries, base.words);
  return { layered, single };
}

// user terms made of the bundled ones' pieces: the same forms, longer and shorter ones, words
const ZH = [
  '区块链',
  '区块',
  '链',
  '区块链金融',
  '供应链',
  '金融',
  '网络',
  '网络安全',
  '银行',
  '银行卡',
  '通证',
  '智能合约',
  '云計算',
  '數字人民幣',
  '𠀀测',
  'AI芯片',
];
const EN = ['blockchain', 'block', 'chain ledger', 'supply chain', 'finance', 'network', 'smart contract', 'AI chip', 'banks'];
const ABBR = ['API', 'api', 'SCF', 'KYC', 'BC', 'e-CNY'];
const userEntryArb = fc
  .record({
    zh: fc.constantFrom(...ZH, ''),
    en: fc.subarray(EN, { maxLength: 2 }),
    abbr: fc.subarray(ABBR, { maxLength: 2 }),
  })
  .filter((e) => e.zh !== '' || e.en.length > 0 || e.abbr.length > 0);
const userArb = fc
  .array(userEntryArb, { minLength: 1, maxLength: 8 })
  .map((es) => es.map((e, i) => ({ ...entry(`user-${i}`, e.zh, e.en, { abbr: e.abbr }), origin: 'file:///ws/terms.csv' })));
const PIECES = [
  ...ZH,
  ...EN,
  ...ABBR,
  '供应链金融科技',
  '区块链技术',
  ' ',
  '，',
  'a',
  's',
  "'s",
  '\n',
  'Kyc',
  'blockchains',
  '數位貨幣',
  '海通证券',
];
const docArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((xs) => xs.join(''));

describe("the bundled glossary's alias forms under the user's termbases", () => {
  it('are matched whether the index is layered over the bundled one or made afresh', () => {
    const own = new Glossary([entry('p2p', 'P2P网贷', ['P2P lending'], { zhAliases: ['网络借贷'] })], [], undefined, undefined, [
      [0, '網路借貸', '网络借贷'],
    ]);
    const user = layer([entry('mine', '区块链', ['blockchain'])]);
    for (const merged of [
      mergeLayers([user], own.entries, own.words, own.index, own.aliasForms),
      mergeLayers([user], own.entries, own.words, undefined, own.aliasForms),
      mergeLayers([], own.entries, own.words, undefined, own.aliasForms),
    ]) {
      const m = merged.index.scan('用網路借貸').find((x) => x.start === 1);
      expect(m && merged.entriesOf(m).map((e) => e.id)).toEqual(['p2p']);
    }
  });
});

describe('the layered term index', () => {
  it('is layered over the bundled index, and only when it is given one for the same entries and words', () => {
    const { layered, single } = both([layer([entry('u', '区块链', ['chain ledger'])])]);
    expect(layered.index.layered).toBe(true);
    expect(single.index.layered).toBe(false);
    // other words, or entries that are not the bundled index's: one index over everything
    expect(mergeLayers([layer([entry('u', '区块', [])])], bundled.entries, ['别的'], bundled.index).index.layered).toBe(false);
    expect(mergeLayers([layer([entry('u', '区块', [])])], sample.entries.slice(1), WORDS, bundled.index).index.layered).toBe(false);
  });

  it('scans, matches at every offset, looks up, completes and knows words as one index over all entries (fast-check)', () => {
    fc.assert(
      fc.property(userArb, docArb, (user, doc) => {
        const { layered, single } = both([layer(user)]);
        const a = layered.index,
          b = single.index;
        expect(a.maxKeyLength).toBe(b.maxKeyLength);
        expect(a.scan(doc)).toEqual(b.scan(doc));
        expect(a.scan(doc, { acronymsCaseInsensitive: true })).toEqual(b.scan(doc, { acronymsCaseInsensitive: true }));
        for (let o = 0; o < doc.length; o++) expect(a.matchAt(doc, o)).toEqual(b.matchAt(doc, o));
        for (const p of PIECES) {
          expect(a.lookup(p)).toEqual(b.lookup(p));
          expect(a.isWord(p)).toBe(b.isWord(p));
          expect(a.complete(p.slice(0, 1), 5)).toEqual(b.complete(p.slice(0, 1), 5));
          expect(a.complete(p, 50)).toEqual(b.complete(p, 50));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a user term that is a bundled non-term word is a term; a bundled term shared with a user entry lists the user first', () => {
    const user = [entry('u-word', '网络安全', ['network security']), entry('u-chain', '区块链', ['chain ledger'])];
    const { layered } = both([layer(user)]);
    const [security] = layered.index.scan('网络安全');
    expect(layered.entriesOf(security!).map((e) => e.id)).toEqual(['u-word']);
    const [chain] = layered.index.scan('區塊鏈');
    expect(layered.entriesOf(chain!).map((e) => e.id)).toEqual(['u-chain', 'blockchain']);
    // bundled terms are still found, with their own entry numbers
    const [bank] = layered.index.scan('银行');
    expect(layered.entriesOf(bank!).map((e) => e.id)).toEqual(['bank']);
    expect(layered.lookup('KYC').map((e) => e.id)).toEqual(['kyc']);
  });

  it('a long bundled term is found from any of its characters when the user terms are short', () => {
    const base = new Glossary([...sample.entries, entry('pboc-law', '中华人民共和国中国人民银行法', ['PBOC Law'])], WORDS);
    const { layered, single } = both([layer([entry('u', '链', ['link'])])], base);
    const doc = `说明：${'中华人民共和国中国人民银行法'}第一条，区块链。`;
    for (let o = 0; o < doc.length; o++) expect(layered.index.matchAt(doc, o)).toEqual(single.index.matchAt(doc, o));
    expect(layered.entriesOf(layered.index.matchAt(doc, 16)!.match)[0]!.id).toBe('pboc-law');
    expect(layered.index.maxKeyLength).toBe(single.index.maxKeyLength);
  });

  it('a new user layer over the same bundled index: a removed user term is gone, an added one found, bundled ones kept', () => {
    const before = mergeLayers([layer([entry('old', '旧术语', ['old term'])])], bundled.entries, WORDS, bundled.index);
    const after = mergeLayers([layer([entry('new', '新术语', ['new term'])])], bundled.entries, WORDS, bundled.index);
    expect(before.index.scan('旧术语新术语区块链').map((m) => before.entriesOf(m)[0]!.id)).toEqual(['old', 'blockchain']);
    expect(after.index.scan('旧术语新术语区块链').map((m) => after.entriesOf(m)[0]!.id)).toEqual(['new', 'blockchain']);
  });

  it('the bundled glossary and the example termbases: the same matches over a whole source document', () => {
    const root = join(__dirname, '..', '..');
    const real = Glossary.fromJSON(readFileSync(join(root, 'dist', 'glossary.json'), 'utf8'), 'glossary.json');
    const user = ['client-sheet.csv', 'ms-style-v2.tbx', 'team.yaml', 'basic-v3.tbx'].map((name) => {
      const tb = loadTermbase(readFileSync(join(root, 'test', 'fixtures', 'termbases', name), 'utf8'), { name });
      return { uri: `file:///ws/${name}`, label: name, entries: tb.entries, lines: tb.lines };
    });
    expect(user.every((u) => u.entries.length > 0)).toBe(true);
    const { layered, single } = both(user, real);
    expect(layered.index.layered).toBe(true);
    const text = readFileSync(join(root, 'glossary', 'sources', '001-fintech-reports.txt'), 'utf8').slice(0, 200_000);
    const found = layered.index.scan(text);
    expect(found.length).toBeGreaterThan(1000);
    expect(found).toEqual(single.index.scan(text));
    for (let o = 0; o < text.length; o += 97) expect(layered.index.matchAt(text, o)).toEqual(single.index.matchAt(text, o));
  });
});
