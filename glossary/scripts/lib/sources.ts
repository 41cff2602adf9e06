// The cleaned source documents as a searchable corpus: quotation checks, term occurrences and
// example sentences with citations (doc, title, 1-based line).
import type { Citation, Example } from '../../../server/src/engine/entry';
import { parseCleanedSource, type SourceLine } from './clean';
import type { LineMatch } from './engine';
import { toSimplified } from './forms';
import { HAN, countHan, isWhitespaceChar, withoutWhitespace } from './chars';

/** A body line of a cleaned source, with its document and a simplified shadow of its text. */
export interface CorpusLine extends SourceLine {
  doc: string;
  shadow: string;
}

export interface CorpusDoc {
  doc: string;
  title: string;
  /** Body lines only. */
  lines: CorpusLine[];
  /** Every line of the file (headers, headings, blanks too). */
  allLines: SourceLine[];
  /** The body without whitespace, and the line of each of its UTF-16 units (made on first use). */
  stripped?: { text: string; lineAt: CorpusLine[] };
}

export interface Corpus {
  docs: CorpusDoc[];
  lines: CorpusLine[];
}

/**
 * Build the corpus from the text of the cleaned files: { doc: text }. Each body line also gets a
 * simplified "shadow" (OpenCC t→cn, same length) for the report's miner, so that counts merge the
 * traditional text of 000 with 001; lines whose conversion changes length keep their own text.
 * Occurrences and examples are found on the line as written (the engine folds scripts itself).
 */
export function buildCorpus(files: Record<string, string>): Corpus {
  const docs: CorpusDoc[] = [];
  for (const doc of Object.keys(files).sort()) {
    const parsed = parseCleanedSource(files[doc]!, doc);
    const lines = parsed.lines
      .filter((l) => l.kind === 'body')
      .map((l): CorpusLine => {
        const simp = toSimplified(l.text);
        return { ...l, doc, shadow: simp.length === l.text.length ? simp : l.text };
      });
    docs.push({ doc, title: parsed.title, lines, allLines: parsed.lines });
  }
  return { docs, lines: docs.flatMap((d) => d.lines) };
}

/** Fold what a quotation may legitimately differ in: nothing but whitespace (the engine's). */
function stripWithMap(lines: CorpusLine[]): { text: string; lineAt: CorpusLine[] } {
  let text = '';
  const lineAt: CorpusLine[] = [];
  for (const l of lines) {
    for (const ch of l.text) {
      if (isWhitespaceChar(ch)) continue;
      text += ch;
      for (let k = 0; k < ch.length; k++) lineAt.push(l);
    }
  }
  return { text, lineAt };
}

const PUNCT_FOLD: Record<string, string> = { '，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '！': '!', '？': '?' };
const foldPunct = (s: string) => s.replace(/[，：；（）！？]/g, (c) => PUNCT_FOLD[c]!);

/**
 * Find a quotation verbatim (whitespace-insensitive) in one document.
 * Returns { cite: {doc, title, line} } or { error, hint }.
 */
export function locateQuote(
  corpus: Corpus,
  doc: string,
  quote: string,
  field = 'def.zh',
): { cite?: Citation; error?: string; hint?: string | undefined } {
  const d = corpus.docs.find((x) => x.doc === doc);
  if (!d) return { error: `no cleaned source "${doc}"` };
  d.stripped ??= stripWithMap(d.lines);
  const q = withoutWhitespace(quote);
  const at = d.stripped.text.indexOf(q);
  if (at >= 0) {
    const l = d.stripped.lineAt[at]!;
    return { cite: { doc, title: l.title, line: l.line } };
  }
  let hint: string | undefined;
  const folded = foldPunct(q);
  if (folded !== q && d.stripped.text.includes(folded)) hint = 'found when full-width punctuation is written as in the source (，→ , etc.)';
  else if (d.stripped.text.includes(toSimplified(q)) || toSimplified(d.stripped.text).includes(toSimplified(q))) {
    hint = `found in another script: quote the source as written (source ${doc} is ${doc === '000' ? 'traditional' : 'simplified'})`;
  } else {
    // longest prefix that is there, to point at the first difference
    let lo = 0;
    let hi = q.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (d.stripped.text.includes(q.slice(0, mid))) lo = mid;
      else hi = mid - 1;
    }
    if (lo >= 4) {
      const at2 = d.stripped.text.indexOf(q.slice(0, lo));
      const l = d.stripped.lineAt[at2]!;
      hint = `the first ${lo} characters match line ${l.line}; then the source has "${d.stripped.text.slice(at2 + lo, at2 + lo + 8)}" where the quote has "${q.slice(lo, lo + 8)}"`;
    }
  }
  for (const other of corpus.docs) {
    if (other.doc === doc) continue;
    other.stripped ??= stripWithMap(other.lines);
    if (other.stripped.text.includes(q)) hint = `it is in source "${other.doc}", not "${doc}"`;
  }
  return { error: `${field} is not a verbatim quotation from source ${doc}`, hint };
}

/**
 * Non-overlapping spans of one owner (longest first at each start) — one occurrence each. A term
 * glossed in parentheses right after it (软件物料清单(SBOM), 以太坊(Ethereum)) is one mention.
 */
export function distinctSpans(matches: LineMatch[], text = ''): LineMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: LineMatch[] = [];
  let lastEnd = -1;
  for (const m of sorted) {
    if (m.start < lastEnd) continue;
    const prev = out[out.length - 1];
    if (prev && /^\s*[(（]\s*$/.test(text.slice(prev.end, m.start))) {
      lastEnd = m.end;
      continue;
    }
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}

/**
 * Scan the whole corpus with `scanLine(text) → [{ start, end, owner, key }]` (the server's matcher,
 * see engine.ts): occurrences per owner and, per owner, the lines where it occurs (with the first
 * span on each line), in corpus order.
 */
export interface Hit {
  line: CorpusLine;
  span: LineMatch;
}

/** Per owner: its occurrences, one hit per line it occurs on, and how often each form matched. */
export interface OwnerHits {
  count: number;
  hits: Hit[];
  keys: Map<string, number>;
}

export function scanCorpus(corpus: Corpus, scanLine: (text: string) => LineMatch[]): Map<string, OwnerHits> {
  const byOwner = new Map<string, OwnerHits>();
  for (const line of corpus.lines) {
    const matches = scanLine(line.text);
    if (!matches.length) continue;
    const perOwner = new Map<string, LineMatch[]>();
    for (const m of matches) {
      const list = perOwner.get(m.owner);
      if (list) list.push(m);
      else perOwner.set(m.owner, [m]);
    }
    for (const [owner, ms] of perOwner) {
      const spans = distinctSpans(ms, line.text);
      let rec = byOwner.get(owner);
      if (!rec) byOwner.set(owner, (rec = { count: 0, hits: [], keys: new Map() }));
      rec.count += spans.length;
      rec.hits.push({ line, span: spans[0]! });
      for (const s of spans) rec.keys.set(s.key, (rec.keys.get(s.key) ?? 0) + 1);
    }
  }
  return byOwner;
}

const CLAUSE_BREAK = /[。！？!?;；,，:：、]/;

/** A readable excerpt of a line around a span, cut at clause breaks, at most ~maxLen chars. */
export function excerptAround(text: string, start: number, end: number, maxLen = 90): string {
  if (text.length <= maxLen) return text;
  let a = start;
  let b = end;
  // grow to the enclosing clause, then by whole clauses while there is room
  while (a > 0 && !CLAUSE_BREAK.test(text[a - 1]!)) a--;
  while (b < text.length && !CLAUSE_BREAK.test(text[b]!)) b++;
  if (b < text.length) b++;
  if (b - a > maxLen) {
    a = Math.max(a, start - Math.floor((maxLen - (end - start)) / 2));
    b = Math.min(b, a + maxLen);
    return (a > 0 ? '…' : '') + text.slice(a, b).trim() + (b < text.length ? '…' : '');
  }
  for (;;) {
    let a2 = a - 1;
    while (a2 > 0 && !CLAUSE_BREAK.test(text[a2 - 1]!)) a2--;
    let b2 = b;
    while (b2 < text.length && !CLAUSE_BREAK.test(text[b2]!)) b2++;
    if (b2 < text.length) b2++;
    if (a > 0 && b - a2 <= maxLen) {
      a = Math.max(0, a2);
      continue;
    }
    if (b < text.length && b2 - a <= maxLen) {
      b = b2;
      continue;
    }
    break;
  }
  return (a > 0 ? '…' : '') + text.slice(a, b).trim() + (b < text.length ? '…' : '');
}

/**
 * Up to `max` example sentences from the hits: short, distinct, from different reports/documents
 * first. Deterministic: depends only on the corpus order.
 */
export function pickExamples(
  hits: Hit[],
  {
    max = 3,
    avoidLine,
    crossesWord,
  }: { max?: number; avoidLine?: Citation | undefined; crossesWord?: ((h: Hit) => boolean) | undefined } = {},
): Example[] {
  const cands: (Example & { score: number })[] = [];
  const seen = new Set<string>();
  // frequent terms (金融, 数据) have thousands of hits: look at an even sample of them
  const stride = Math.ceil(hits.length / 300);
  for (let i = 0; i < hits.length; i += stride) {
    const h = hits[i]!;
    if (avoidLine && h.line.doc === avoidLine.doc && h.line.line === avoidLine.line && hits.length > 1) continue;
    const text = excerptAround(h.line.text, h.span.start, h.span.end);
    const hanCount = countHan(text);
    if (hanCount < 6 && !/[a-z]{3,}/i.test(text)) continue; // a table cell or a heading, not a sentence
    if (unusableExample(text) || crossesWord?.(h)) continue;
    const key = text.replace(/\s/g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    const len = text.length;
    const sentence = /[。！？!]$/.test(text) ? 0 : 1; // whole sentences read better
    const score =
      (len < 14 ? 40 : 0) + Math.abs(len - 45) / 5 + sentence * 6 + (text.startsWith('…') ? 4 : 0) + pageFurniture(text, h.line.title) * 25;
    cands.push({ text, cite: { doc: h.line.doc, title: h.line.title, line: h.line.line }, score });
  }
  cands.sort((a, b) => a.score - b.score || (a.cite.doc < b.cite.doc ? -1 : a.cite.doc > b.cite.doc ? 1 : 0) || a.cite.line - b.cite.line);
  const picked: (Example & { score: number })[] = [];
  const places = new Set<string>();
  // the first example may be poor (better than none); the others must read well
  const GOOD_ENOUGH = 25; // any sign of page furniture, or a very long or very short excerpt
  for (const c of cands) {
    if (picked.length >= max) break;
    if (picked.length && c.score >= GOOD_ENOUGH) continue;
    const place = `${c.cite.doc}|${c.cite.title}`;
    if (places.has(place)) continue;
    places.add(place);
    picked.push(c);
  }
  for (const c of cands) {
    if (picked.length >= max) break;
    if (picked.includes(c) || c.score >= GOOD_ENOUGH) continue;
    if (picked.some((p) => p.cite.doc === c.cite.doc && Math.abs(p.cite.line - c.cite.line) < 3)) continue;
    picked.push(c);
  }
  return picked.map(({ text, cite }) => ({ text, cite }));
}

const HAN_GAP = new RegExp(`[${HAN}] [${HAN}]`, 'gu');
const NAME_SUFFIX = /(?:公司|集团|銀行|银行|科技|证券|證券|保险|保險|信托|信託|基金|研究院|协会|協會|大学|大學)(?=[、,，\s]|$)/g;

/**
 * An excerpt no reader can use as an example (the review's unusable kinds): garbled PDF text (Han
 * characters split by spaces, doubled runs), a name list or contributor list, a run-on table row,
 * a line that is mostly digits, punctuation or Latin letters, or one too short to be a sentence.
 */
export function unusableExample(text: string): boolean {
  const compact = text.replace(/\s/g, '');
  const han = countHan(compact);
  if (han < 10) return true;
  // mostly digits, punctuation, Latin
  if (han / compact.length < 0.4 || han < (compact.match(/[A-Za-z0-9]/g) || []).length) return true;
  // a run-on table or list: a long stretch with no punctuation at all
  if (/[^，,。.、；;：:！!？?（）()“”"'《》\s…]{48,}/u.test(text)) return true;
  if ((text.match(HAN_GAP) || []).length >= 2) return true; // PDF extraction dropped characters / table cells
  if ((text.match(/ /g) || []).length / text.length > 0.06) return true; // run-on table
  if ((text.match(/、/g) || []).length >= 5) return true; // a list of names or items
  if ((text.match(NAME_SUFFIX) || []).length >= 3) return true; // a list of institutions
  if (DOUBLED_HAN.test(compact)) return true; // 系统化系统化: extraction debris
  if (/[\uFFFD\u25A1]|(\S)\1{3,}/u.test(text)) return true; // replacement characters, long repeats
  return false;
}

const DOUBLED_HAN = new RegExp(`([${HAN}]{2,12}?)\\1`, 'u');

/** Signs that an extracted line carries a running page header/footer or a table of contents. */
function pageFurniture(text: string, title: string): number {
  let n = 0;
  const core = title.replace(/^[^:]*:/, '').replace(/\(.*?\)/g, '');
  if (core.length >= 6 && text.includes(core.slice(-8))) n++;
  if (/\d{2,}\s*\.(?!\d)|\.{3,}|…{2,}/.test(text)) n++;
  if (/^[\d\s.]+\S{0,6}\s*\d/.test(text)) n++;
  // tables, tables of contents: many bare numbers (years and quantities with a unit do not count)
  const bare = text.replace(/(?:19|20)\d\d\s*年|\d+(?:\.\d+)?\s*(?:%|[万亿億萬千百]|[个個家倍笔筆年月日元])/g, '');
  const digits = (bare.match(/\d/g) || []).length;
  if (digits >= 8 && digits / text.length >= 0.15) n++;
  if (/\d第[一二三四五六七八九十]+章|(?<=\S) \d{1,3} (?![月日年个家亿万倍类项种次%])/.test(text)) n++; // running header with page number
  if ((text.match(/第[一二三四五六七八九十\d]+[章节]|案例\s*\d+/g) || []).length >= 2) n++;
  if ((text.match(/ /g) || []).length / text.length > 0.08) n++; // table cells run together
  if (DOUBLED_HAN.test(text.replace(/\s/g, ''))) n++; // 系统化系统化: extraction debris
  return n;
}

/** The corpus line that holds character `index` of the doc's lines joined with \n. */
export function corpusLineAt(doc: CorpusDoc, index: number): CorpusLine {
  let offset = 0;
  for (const l of doc.lines) {
    if (index < offset + l.text.length + 1) return l;
    offset += l.text.length + 1;
  }
  return doc.lines[doc.lines.length - 1]!;
}
