// Mining candidate terms from running text: bilingual pairs, definitional sentences and frequent
// Chinese n-grams, for report.ts. Pure functions over strings (no conversion, no I/O); pass
// simplified text if you want counts merged across scripts. The server does not use them (it may not
// import glossary/scripts).

import { HAN, countHan, hasHan, squeezeWhitespace, trimBlank } from './chars';

/**
 * Characters that rarely end or start a term: particles, conjunctions, prepositions, measure
 * words and verbs that introduce a term (采用X, 基于X). Used to trim the left edge of the Han run
 * before a parenthesis and to reject n-grams.
 */
export const STOP_CHARS = new Set([
  ...'的了和与及或等是在为對对将將把从從以被由向于於并並而其该該这這那各也都就还還又所使让讓给給到着過过若即则則但且已很更最此每些我们們你他她它之',
]);
const EDGE_STOP = new Set([
  ...'的了和与及或等是在为對对将將把从從以被由向于於并並而其该該这這那个個各也都就还還又所使让讓给給到着过過如若即则則但且已很更最此每些一不有我们們你他她它之',
]);
const END_STOP = new Set([...'中上下里裡时時后後内內外']);
const START_STOP = new Set([...'第化性者们們率']); // suffixes that end the previous word (数字化|管理)
/** Frequent phrases of running prose that are not terms. */
const FUNCTION_PHRASES = new Set([
  '成为',
  '成為',
  '越来越',
  '越來越',
  '近年来',
  '近年來',
  '年以来',
  '大部分',
  '数据显示',
  '數據顯示',
  '另一方面',
  '进一步',
  '進一步',
  '基础上',
  '基礎上',
  '一方面',
  '与此同时',
  '與此同時',
  '目前',
  '其中',
  '以及',
  '能够',
  '能夠',
  '需要',
  '主要',
  '同时',
  '同時',
  '通过',
  '通過',
  '包括',
  '进行',
  '進行',
  '实现',
  '實現',
  '提供',
  '提升',
  '支持',
  '采用',
  '採用',
  '为了',
  '為了',
  '相关',
  '相關',
  '方面',
  '情况',
  '情況',
  '问题',
  '問題',
  '工作',
  '要求',
  '重要',
  '不断',
  '不斷',
  '有效',
  '具有',
  '不同',
  '以上',
  '以下',
  '之间',
  '之間',
  '可以',
  '已经',
  '已經',
  '如何',
  '什么',
  '什麼',
  '这些',
  '這些',
  '我们',
  '我們',
  '全面',
  '充分',
  '加强',
  '加強',
  '推动',
  '推動',
  '推进',
  '推進',
  '逐步',
  '积极',
  '積極',
]);
const FUNCTION_PHRASES_2 = [...FUNCTION_PHRASES].filter((p) => p.length >= 2);
/** 数据进行, 提供服务: a term glued to a function phrase at either end. */
function gluedToFunctionPhrase(g: string): boolean {
  return FUNCTION_PHRASES_2.some((p) => g.length > p.length && (g.startsWith(p) || g.endsWith(p)));
}
/** Verbs that introduce a term and are glued to it in the Han run: 采用工作量证明 → 工作量证明. */
const LEAD_VERBS = [
  '采用',
  '採用',
  '使用',
  '利用',
  '运用',
  '運用',
  '通过',
  '通過',
  '基于',
  '基於',
  '包括',
  '引入',
  '推出',
  '提供',
  '实现',
  '實現',
  '支持',
  '开展',
  '開展',
  '构建',
  '構建',
  '打造',
  '建立',
  '部署',
  '加强',
  '加強',
  '推动',
  '推動',
  '发展',
  '發展',
  '如',
  '即',
];

function stripLeadVerbs(term: string): string {
  for (let changed = true; changed; ) {
    changed = false;
    for (const v of LEAD_VERBS) {
      if (term.startsWith(v) && term.length - v.length >= 2) {
        term = term.slice(v.length);
        changed = true;
      }
    }
  }
  return term;
}

/** Cut a run of Han text down to the term that ends it: the longest stop-free suffix, max `max` chars. */
export function trailingTerm(run: string, max = 10): string {
  const chars = [...run];
  let i = chars.length;
  while (i > 0 && chars.length - i < max && !STOP_CHARS.has(chars[i - 1]!)) i--;
  return stripLeadVerbs(chars.slice(i).join(''));
}

/** Cut a run of Han text down to the term that starts it. */
export function leadingTerm(run: string, max = 10): string {
  const chars = [...run];
  let i = 0;
  while (i < chars.length && i < max && !STOP_CHARS.has(chars[i]!)) i++;
  return chars.slice(0, i).join('');
}

const PAIR_ZH_EN = new RegExp(`([${HAN}A-Za-z0-9]{2,24})[(（]\\s*([A-Za-z][A-Za-z0-9 .&/+'’-]{0,60}[A-Za-z0-9.])\\s*[)）]`, 'gu');
const PAIR_EN_ZH = new RegExp(
  `(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9 .&/+'-]{0,40}[A-Za-z0-9])\\s*[(（]\\s*([${HAN}][${HAN}A-Za-z0-9]{1,15})\\s*[)）]`,
  'gu',
);
const NOT_A_TERM_EN = /^(?:i|ii|iii|iv|v|vi|a|b|c|d|e|n|x|etc|pdf|ppt|doc|等)$/i;

/**
 * Bilingual pairs such as 数据编织(Data Fabric), 软件物料清单(SBOM), and API(应用程序接口).
 * Returns [{ zh, en, kind: 'abbr' | 'en', index }] in text order.
 */
/** A bilingual pair found in text. */
export interface Pair {
  zh: string;
  en: string;
  kind: 'abbr' | 'en';
  index: number;
}

export function minePairs(text: string): Pair[] {
  const out: Pair[] = [];
  for (const m of text.matchAll(PAIR_ZH_EN)) {
    const en = squeezeWhitespace(m[2]!);
    if (NOT_A_TERM_EN.test(en) || /^\d/.test(en)) continue;
    // keep the Han tail (and a Latin prefix glued to it, as in P2P网贷 or 5G)
    const runMatch = new RegExp(`[A-Za-z0-9]*[${HAN}]+$`, 'u').exec(m[1]!);
    if (!runMatch) continue;
    const latin = /^[A-Za-z0-9]*/.exec(runMatch[0])![0];
    let zh = trailingTerm(runMatch[0].slice(latin.length));
    if (zh.length === runMatch[0].length - latin.length) zh = latin + zh;
    if (countHan(zh) < 2) continue;
    const kind = /^[A-Z0-9&.\-/+]{2,12}$/.test(en) || /^[A-Z][a-z]?[A-Z]/.test(en) ? 'abbr' : 'en';
    out.push({ zh, en, kind, index: m.index + m[0].indexOf(m[1]!) + m[1]!.length - zh.length });
  }
  for (const m of text.matchAll(PAIR_EN_ZH)) {
    const en = trimBlank(m[1]!);
    const zh = leadingTerm(m[2]!);
    if (NOT_A_TERM_EN.test(en) || zh.length < 2) continue;
    const kind = /^[A-Z0-9&.\-/+]{2,12}$/.test(en) ? 'abbr' : 'en';
    out.push({ zh, en, kind, index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

const DEF_BEFORE = /(是指|指的是|是一种|是一類|是一个|是一項|是一项)/g;
const DEF_AFTER = /(?:被?称为|被?稱為|简称|簡稱|以下简称|以下簡稱|[,，(（]即)(?![将使可时便刻將時])\s*[“"「『:：]?/g;

/**
 * Definitional sentences: `X是指…`, `X指的是…`, `X是一种…` (the term before the marker) and
 * `…称为X`, `…简称X`, `…,即X` (the term after it). Returns [{ term, marker, sentence, index }].
 * `sentence` is the clause-bounded stretch around the marker (up to the next 。).
 */
/** A definitional sentence and the term it defines. */
export interface Definition {
  term: string;
  marker: string;
  sentence: string;
  index: number;
}

export function mineDefinitions(text: string): Definition[] {
  const out: Definition[] = [];
  const sentenceAt = (i: number) => {
    let a = i;
    while (a > 0 && !/[。！？!?\n]/.test(text[a - 1]!) && i - a < 120) a--;
    let b = i;
    while (b < text.length && !/[。！？!?\n]/.test(text[b]!) && b - i < 200) b++;
    return trimBlank(text.slice(a, Math.min(text.length, b + 1)));
  };
  for (const m of text.matchAll(DEF_BEFORE)) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const run = new RegExp(`[${HAN}A-Za-z0-9]+$`, 'u').exec(before);
    if (!run) continue;
    const term = trailingTerm(run[0], 12);
    if (countHan(term) < 2) continue;
    out.push({ term, marker: m[1]!, sentence: sentenceAt(m.index), index: m.index - term.length });
  }
  for (const m of text.matchAll(DEF_AFTER)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const run = new RegExp(`^[${HAN}A-Za-z0-9-]+`, 'u').exec(after);
    if (!run) continue;
    const term = leadingTerm(run[0], 12);
    if (term.length < 2 || (!hasHan(term) && !/^[A-Za-z][A-Za-z0-9-]+$/.test(term))) continue;
    out.push({ term, marker: m[0].replace(/[\s“"「『:：,，(（]/g, ''), sentence: sentenceAt(m.index), index: m.index + m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Frequent Chinese n-grams (min..max chars) with substring subsumption: a shorter n-gram that
 * mostly occurs inside one longer frequent n-gram is dropped (区块 inside 区块链), and n-grams
 * that start or end with a particle (的, 和, 是…) are never counted.
 * `texts` is a list of strings; returns [{ term, count }] by count desc, then term.
 */
// n-grams are sliced in UTF-16 units: a supplementary Han character (extension B and later, none in
// the sources today) would count as two
const HAN_RUN = new RegExp(`[${HAN}]{2,}`, 'gu');

export function frequentNgrams(
  texts: string[],
  { min = 2, max = 6, minCount = 5, subsume = 0.75 }: { min?: number; max?: number; minCount?: number; subsume?: number } = {},
): { term: string; count: number }[] {
  // count two lengths further than asked, so that the pieces of a longer repeated phrase (a running
  // page header such as 洞悉转型能力支撑…) are subsumed by it and not listed as 6-grams
  const countMax = max + 2;
  const runs: string[] = [];
  for (const t of texts) for (const m of t.matchAll(HAN_RUN)) runs.push(m[0]);
  let counts = new Map<string, number>();
  const all = new Map<string, number>();
  // Apriori: an n-gram can only be frequent if both of its (n-1)-grams are.
  for (let n = min; n <= countMax; n++) {
    const next = new Map<string, number>();
    for (const r of runs) {
      for (let i = 0; i + n <= r.length; i++) {
        const g = r.slice(i, i + n);
        if (n > min && !(counts.has(g.slice(0, -1)) && counts.has(g.slice(1)))) continue;
        next.set(g, (next.get(g) ?? 0) + 1);
      }
    }
    counts = new Map([...next].filter(([, c]) => c >= minCount));
    for (const [g, c] of counts) all.set(g, c);
  }
  const good = [...all].filter(
    ([g]) =>
      g.length <= max &&
      !g.includes('的') &&
      !EDGE_STOP.has(g[0]!) &&
      !EDGE_STOP.has(g[g.length - 1]!) &&
      !END_STOP.has(g[g.length - 1]!) &&
      !START_STOP.has(g[0]!) &&
      !FUNCTION_PHRASES.has(g) &&
      !gluedToFunctionPhrase(g),
  );
  // subsumption: drop g if a longer frequent n-gram containing it accounts for most of its uses
  const bestSuper = new Map<string, number>();
  for (const [h, d] of all) {
    for (let n = min; n < h.length; n++) {
      for (let i = 0; i + n <= h.length; i++) {
        const g = h.slice(i, i + n);
        if ((bestSuper.get(g) ?? 0) < d) bestSuper.set(g, d);
      }
    }
  }
  // fragments: 户提供 (from 客户|提供), 据服务 (数据|服务): the n-gram mostly continues a word on its
  // left (or right), and that word's bigram is far more frequent than the n-gram's own edge bigram
  type Neighbours = Map<string, [string, number][]>;
  const left: Neighbours = new Map();
  const right: Neighbours = new Map();
  for (const [h, d] of all) {
    if (h.length < min + 1) continue;
    const push = (m: Neighbours, g: string, ch: string) => (m.get(g) ?? m.set(g, []).get(g)!).push([ch, d]);
    push(left, h.slice(1), h[0]!);
    push(right, h.slice(0, -1), h[h.length - 1]!);
  }
  const bigram = (s2: string) => all.get(s2) ?? 0;
  const isFragment = (g: string, c: number) => {
    const ownLeft = 1.5 * Math.max(1, bigram(g.slice(0, 2)));
    const boundLeft = (left.get(g) ?? []).filter(([x]) => bigram(x + g[0]) >= ownLeft).reduce((n, [, d]) => n + d, 0);
    if (boundLeft >= 0.5 * c) return true;
    // almost every occurrence continues into one of a few characters: 测试结|果论束, 进行|业务
    const bound = (list: [string, number][]) => list.length <= 3 && list.reduce((n, [, d]) => n + d, 0) >= 0.8 * c;
    if (bound(left.get(g) ?? []) || bound(right.get(g) ?? [])) return true;
    const ownRight = 1.5 * Math.max(1, bigram(g.slice(-2)));
    const boundRight = (right.get(g) ?? []).filter(([y]) => bigram(g[g.length - 1]! + y) >= ownRight).reduce((n, [, d]) => n + d, 0);
    return boundRight >= 0.5 * c;
  };
  const kept = good
    .filter(([g, c]) => (bestSuper.get(g) ?? 0) < c * subsume && !isFragment(g, c))
    .map(([term, count]) => ({ term, count }));
  return kept.sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/** Count non-overlapping occurrences of `needle` in the texts. */
export function countIn(texts: string[], needle: string): number {
  let n = 0;
  for (const t of texts) {
    let i = t.indexOf(needle);
    while (i >= 0) {
      n++;
      i = t.indexOf(needle, i + needle.length);
    }
  }
  return n;
}

/**
 * Greedy-free coverage test: can `term` be written as glossary keys plus at most `slack`
 * uncovered characters? (金融科技创新 with keys 金融科技, 创新 → covered.) `hasKey(s)` answers
 * whether s is a key (already folded the way term is).
 */
export function coveredByKeys(term: string, hasKey: (s: string) => boolean, slack = 1): boolean {
  const n = term.length;
  const best: number[] = new Array<number>(n + 1).fill(Infinity); // fewest uncovered chars for term[0..i)
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const here = best[i]!;
    if (here === Infinity) continue;
    best[i + 1] = Math.min(best[i + 1]!, here + 1);
    for (let j = i + 2; j <= n && j - i <= 24; j++) if (hasKey(term.slice(i, j))) best[j] = Math.min(best[j]!, here);
  }
  return best[n]! <= slack && best[n]! < n;
}

/**
 * A two-character Chinese side is credible when the English side is a word (Blockchain), not an
 * unrelated code (数据(NBin)): the abbreviation must have as many letters as Chinese characters or
 * the English must be a plain word.
 */
function pairIsCredible(p: Pair): boolean {
  if (p.kind === 'abbr') return p.en.replace(/[^A-Za-z]/g, '').length === p.zh.length;
  return /^[A-Za-z][a-z]+(?: [A-Za-z][a-z]+)*$/.test(p.en) && !FUNCTION_PHRASES.has(p.zh);
}

/**
 * All candidates from a set of texts, against a glossary: pairs, definitions and n-grams, merged
 * by term, with counts, evidence and one sample each. `isKnown(term)` says whether a term (or its
 * English side) is already a glossary key; `fold(term)` folds a term the way keys are folded.
 * Returns { pairs, definitions, ngrams, top } where top is the ranked list of unknown terms.
 */
/** A candidate term: how often it occurs, what found it, and samples. */
export interface Candidate {
  term: string;
  count: number;
  evidence: string[];
  samples: string[];
}

export function mineCandidates(
  texts: string[],
  { isKnown, fold = (s) => s, limit = 100 }: { isKnown: (folded: string) => boolean; fold?: (s: string) => string; limit?: number },
): {
  pairs: { zh: string; en: string; kind: string; count: number; known: boolean }[];
  definitions: (Definition & { doc: number; known: boolean })[];
  ngrams: { term: string; count: number }[];
  top: Candidate[];
} {
  const known = (t: string) => isKnown(fold(t));
  const merged = new Map<string, { term: string; evidence: Set<string>; samples: string[] }>();
  const add = (term: string, evidence: string, sample?: string) => {
    const key = fold(term);
    let c = merged.get(key);
    if (!c) merged.set(key, (c = { term, evidence: new Set(), samples: [] }));
    c.evidence.add(evidence);
    if (sample && c.samples.length < 2 && !c.samples.includes(sample)) c.samples.push(sample);
  };
  const pairs = new Map<string, { zh: string; en: string; kind: string; count: number; known: boolean }>();
  const definitions: (Definition & { doc: number; known: boolean })[] = [];
  texts.forEach((text, doc) => {
    for (const p of minePairs(text)) {
      const k = `${p.zh}|${p.en}`;
      if (!pairs.has(k)) pairs.set(k, { zh: p.zh, en: p.en, kind: p.kind, count: 0, known: known(p.zh) || known(p.en) });
      pairs.get(k)!.count++;
      if (!known(p.zh) && !known(p.en) && (p.zh.length >= 3 || pairIsCredible(p))) add(p.zh, 'pair', `${p.zh}(${p.en})`);
    }
    for (const d of mineDefinitions(text)) {
      // run-on headings glue words to the term (概念界定网络金融服务): keep the longest tail that recurs
      if (d.term.length > 4 && d.marker && !/称|稱|即/.test(d.marker)) {
        for (let i = 0; i <= d.term.length - 2; i++) {
          const tail = d.term.slice(i);
          if (countIn(texts, tail) >= 3 || known(tail)) {
            d.index += i;
            d.term = tail;
            break;
          }
        }
      }
      definitions.push({ ...d, doc, known: known(d.term) });
      if (!known(d.term) && hasHan(d.term) && d.term.length >= 3 && !FUNCTION_PHRASES.has(d.term)) {
        add(d.term, 'definition', d.sentence.slice(0, 80));
      }
    }
  });
  const ngrams = frequentNgrams(texts);
  // a phrase made of a glossary key and common words (金融科技|应用, 图数据库|建设) is not a new term
  const words = new Set(ngrams.filter((g) => g.term.length === 2).map((g) => g.term));
  const compositional = (term: string) => {
    const t = fold(term);
    const n = t.length;
    const best: number[] = new Array<number>(n + 1).fill(-1); // most keys used in a full segmentation of t[0..i), -1 = none
    best[0] = 0;
    for (let i = 0; i < n; i++) {
      const here = best[i]!;
      if (here < 0) continue;
      for (let j = i + 2; j <= n; j++) {
        const piece = t.slice(i, j);
        const k = isKnown(piece) ? 1 : words.has(piece) ? 0 : -1;
        if (k >= 0) best[j] = Math.max(best[j]!, here + k);
      }
    }
    return best[n]! >= 1;
  };
  for (const g of ngrams) if (g.term.length >= 3 && !known(g.term) && !compositional(g.term)) add(g.term, 'ngram');
  const top = [];
  for (const c of merged.values()) {
    if (coveredByKeys(fold(c.term), isKnown, 0)) continue;
    const count = countIn(texts, c.term);
    if (count < 2 && !c.evidence.has('pair') && !c.evidence.has('definition')) continue;
    if (c.evidence.size === 1 && c.evidence.has('ngram') && coveredByKeys(fold(c.term), isKnown, 1)) continue;
    top.push({ term: c.term, count, evidence: [...c.evidence].sort(), samples: c.samples });
  }
  top.sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return {
    pairs: [...pairs.values()].sort((a, b) => b.count - a.count || (a.zh + a.en < b.zh + b.en ? -1 : 1)),
    definitions,
    ngrams,
    top: top.slice(0, limit),
  };
}
