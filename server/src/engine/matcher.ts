/**
 * Term recognition over normalised text: a trie of normalised glossary keys, longest match wins.
 * Chinese keys match anywhere (Chinese has no word breaks); Latin keys need word boundaries and may
 * carry a plural or possessive suffix; acronyms must match their case unless configured otherwise.
 */
import type { GlossaryEntry } from './entry';
import { isLatinWordChar, normalizeKey, normalizeWithOffsets, type Normalized } from './normalize';

/** What a key stands for: an entry, and how the key must be checked against the source. */
export interface KeyTarget {
  entry: number;
  /** The form as written in the glossary (for completion labels and diagnostics). */
  form: string;
  kind: 'zh' | 'en' | 'abbr';
  /** For acronyms: the exact (width-folded) spelling the source must have. */
  exact?: string;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  targets?: KeyTarget[];
}

export interface Match {
  /** Source UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
  entries: number[];
  /** The glossary forms that matched, parallel to `entries`. */
  forms: string[];
}

export interface MatchOptions {
  /** Match acronyms (API, KYC) regardless of case. */
  acronymsCaseInsensitive?: boolean;
}

const SUFFIXES = ["'s", 'es', 's', "s'"];
/** How far around a position matchAt looks: longer than any key, including skipped annotations. */
const WINDOW = 320;

export class TermIndex {
  private readonly root: TrieNode = { next: new Map() };
  /** Sorted normalised keys for prefix search (completion). */
  private sortedKeys: { key: string; target: KeyTarget }[] = [];
  private sorted = true;
  maxKeyLength = 0;

  constructor(readonly entries: GlossaryEntry[]) {
    entries.forEach((entry, index) => this.addEntry(entry, index));
  }

  private addEntry(entry: GlossaryEntry, index: number): void {
    const zhForms = [entry.zhHans, entry.zhHant, entry.zhTw, entry.zhHk, ...entry.zhAliases];
    for (const form of zhForms) if (form) this.addKey(form, { entry: index, form, kind: 'zh' });
    for (const form of entry.en) {
      this.addKey(form, { entry: index, form, kind: 'en' });
      if (/-/.test(form)) this.addKey(form.replace(/-/g, ''), { entry: index, form, kind: 'en' });
      // irregular plural that suffix handling cannot reach: currency → currencies
      if (/[^aeiou]y$/i.test(form)) this.addKey(form.slice(0, -1) + 'ies', { entry: index, form, kind: 'en' });
    }
    for (const form of entry.abbr) {
      const exact = normalizeWidth(form);
      this.addKey(form, { entry: index, form, kind: 'abbr', exact });
      if (/-/.test(form)) this.addKey(form.replace(/-/g, ''), { entry: index, form, kind: 'abbr', exact: exact.replace(/-/g, '') });
    }
  }

  private addKey(form: string, target: KeyTarget): void {
    const key = normalizeKey(form);
    if (!key) return;
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { next: new Map() }));
      node = child;
    }
    const targets = (node.targets ??= []);
    if (!targets.some((t) => t.entry === target.entry && t.kind === target.kind && t.exact === target.exact)) {
      targets.push(target);
      this.sortedKeys.push({ key, target });
      this.sorted = false;
    }
    if (key.length > this.maxKeyLength) this.maxKeyLength = key.length;
  }

  /**
   * All matches starting at normalised position `i`, shortest first, as [endExclusive, targets] in
   * normalised units. Checks word boundaries, suffixes and acronym case against the source.
   */
  private matchesFrom(norm: Normalized, src: string, i: number, opts: MatchOptions, before: number): [number, KeyTarget[]][] {
    const text = norm.text;
    const found: [number, KeyTarget[]][] = [];
    let node: TrieNode | undefined = this.root;
    const latinStart = isLatinWordChar(text.charCodeAt(i));
    if (latinStart && isLatinWordChar(i > 0 ? text.charCodeAt(i - 1) : before)) return found;
    for (let j = i; j < text.length; j++) {
      node = node.next.get(text.charCodeAt(j));
      if (!node) break;
      if (!node.targets) continue;
      const end = j + 1;
      const latinEnd = isLatinWordChar(text.charCodeAt(j));
      const okEnds = latinEnd ? latinEnds(text, end) : [end];
      for (const e of okEnds) {
        const targets = node.targets.filter((t) => t.kind !== 'abbr' || opts.acronymsCaseInsensitive || exactCase(src, norm, i, end, t.exact!));
        if (targets.length) found.push([e, targets]);
      }
    }
    return found;
  }

  /** Leftmost-longest, non-overlapping occurrences of glossary terms in `src[from, to)`. */
  scan(src: string, opts: MatchOptions = {}, from = 0, to = src.length): Match[] {
    const norm = normalizeWithOffsets(src, from, to);
    const before = from > 0 ? normalizeKeyUnit(src, from - 1) : 0x20;
    const out: Match[] = [];
    for (let i = 0; i < norm.text.length; ) {
      if (!this.root.next.has(norm.text.charCodeAt(i))) { i++; continue; }
      const found = this.matchesFrom(norm, src, i, opts, before);
      const longest = found[found.length - 1];
      if (!longest) { i++; continue; }
      out.push(toMatch(norm, i, longest[0], longest[1]));
      i = longest[0];
    }
    return out;
  }

  /**
   * The longest term covering source offset `offset` (start ≤ offset < end), plus every shorter term
   * inside it. Null when no term covers the offset.
   */
  matchAt(src: string, offset: number, opts: MatchOptions = {}): { match: Match; inner: Match[] } | null {
    const from = Math.max(0, offset - WINDOW);
    const to = Math.min(src.length, offset + WINDOW);
    const norm = normalizeWithOffsets(src, from, to);
    const before = from > 0 ? normalizeKeyUnit(src, from - 1) : 0x20;
    const all: Match[] = [];
    for (let i = 0; i < norm.text.length && norm.starts[i]! <= offset; i++) {
      if (!this.root.next.has(norm.text.charCodeAt(i))) continue;
      for (const [end, targets] of this.matchesFrom(norm, src, i, opts, before)) all.push(toMatch(norm, i, end, targets));
    }
    let best: Match | undefined;
    for (const m of all) {
      if (m.start <= offset && offset < m.end && (!best || m.end - m.start > best.end - best.start)) best = m;
    }
    if (!best) return null;
    const winner = best;
    const inner = all.filter((m) => m !== winner && m.start >= winner.start && m.end <= winner.end && !sameEntries(m, winner));
    return { match: winner, inner: dedupeByEntry(inner) };
  }

  /** Entries one of whose keys equals the normalised `term` exactly (plural/possessive allowed). */
  lookup(term: string, opts: MatchOptions = {}): number[] {
    const norm = normalizeWithOffsets(term.trim());
    const found = this.matchesFrom(norm, term.trim(), 0, opts, 0x20);
    const whole = found.filter(([end]) => end === norm.text.length);
    return unique(whole.flatMap(([, targets]) => targets.map((t) => t.entry)));
  }

  /**
   * Keys starting with `prefix` (normalised), for completion: shortest keys first, at most `limit`.
   * Returns the matching targets and whether the list was cut.
   */
  complete(prefix: string, limit = 50): { targets: KeyTarget[]; incomplete: boolean } {
    const p = normalizeKey(prefix);
    if (!p) return { targets: [], incomplete: false };
    if (!this.sorted) {
      this.sortedKeys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      this.sorted = true;
    }
    let lo = 0, hi = this.sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sortedKeys[mid]!.key < p) lo = mid + 1; else hi = mid;
    }
    const hits: { key: string; target: KeyTarget }[] = [];
    const scanLimit = limit * 8;
    for (let k = lo; k < this.sortedKeys.length && hits.length < scanLimit; k++) {
      const item = this.sortedKeys[k]!;
      if (!item.key.startsWith(p)) break;
      hits.push(item);
    }
    const rank = (h: { key: string; target: KeyTarget }) => h.key.length * 1e7 - (this.entries[h.target.entry]?.occurrences ?? 0);
    hits.sort((a, b) => rank(a) - rank(b));
    const seen = new Set<string>();
    const targets: KeyTarget[] = [];
    for (const h of hits) {
      const id = `${h.target.entry}:${h.target.form}`;
      if (seen.has(id)) continue;
      seen.add(id);
      targets.push(h.target);
      if (targets.length === limit) break;
    }
    return { targets, incomplete: hits.length === scanLimit || targets.length === limit };
  }
}

/** Where a Latin key may end: at a word boundary, or after a plural/possessive suffix. */
function latinEnds(text: string, end: number): number[] {
  const ends: number[] = [];
  if (!isLatinWordChar(text.charCodeAt(end))) ends.push(end);
  for (const suffix of SUFFIXES) {
    if (text.startsWith(suffix, end) && !isLatinWordChar(text.charCodeAt(end + suffix.length))) ends.push(end + suffix.length);
  }
  return ends;
}

/** Does the source text behind normalised [i, end) spell `exact` (after width folding)? */
function exactCase(src: string, norm: Normalized, i: number, end: number, exact: string): boolean {
  let written = '';
  for (let k = i; k < end; k++) {
    if (k > i && norm.starts[k] === norm.starts[k - 1]) continue;
    written += normalizeWidth(src.slice(norm.starts[k], norm.ends[k]));
  }
  return written.replace(/[\s\u2010\u2011-]+/g, (m) => (/[-\u2010\u2011]/.test(m) ? '-' : ' ')) === exact
    || written.replace(/[\s\u2010\u2011-]+/g, '') === exact.replace(/[\s-]+/g, '');
}

function normalizeWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function normalizeKeyUnit(src: string, at: number): number {
  const c = normalizeWithOffsets(src, at, at + 1).text;
  return c ? c.charCodeAt(c.length - 1) : 0x20;
}

function toMatch(norm: Normalized, i: number, end: number, targets: KeyTarget[]): Match {
  return {
    start: norm.starts[i]!,
    end: norm.ends[end - 1]!,
    entries: targets.map((t) => t.entry),
    forms: targets.map((t) => t.form),
  };
}

function sameEntries(a: Match, b: Match): boolean {
  return a.entries.length === b.entries.length && a.entries.every((e) => b.entries.includes(e));
}

function dedupeByEntry(matches: Match[]): Match[] {
  const seen = new Set<number>();
  return matches
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((m) => {
      const fresh = m.entries.filter((e) => !seen.has(e));
      fresh.forEach((e) => seen.add(e));
      return fresh.length > 0;
    });
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
