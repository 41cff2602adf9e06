/**
 * Term recognition over normalised text: a trie of normalised glossary keys, longest match wins.
 * Chinese keys match anywhere (Chinese has no word breaks); Latin keys need word boundaries and may
 * carry a plural or possessive suffix; acronyms must match their case unless configured otherwise.
 *
 * Layout (built once, read-only afterwards): the unique normalised keys are sorted, and the trie is
 * laid out breadth-first in typed arrays, so each node's children are one contiguous run sorted by
 * code unit (found by binary search). The root's children are a direct 64K table, which doubles as
 * the first-character filter: most positions of a text are rejected by one array read. A 100k-entry
 * glossary costs a few bytes per trie node instead of a Map per node.
 */
import type { GlossaryEntry } from './entry';
import { isLatinWordChar, normalizeKey, normalizeScratch, normalizedUnitBefore } from './normalize';

/** What a key stands for: an entry, and how the key must be checked against the source. */
export interface KeyTarget {
  entry: number;
  /** The form as written in the glossary (for completion labels and diagnostics). */
  form: string;
  kind: 'zh' | 'en' | 'abbr';
  /** For acronyms: the exact (width-folded) spelling the source must have. */
  exact?: string;
}

export interface Match {
  /** Source UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
  /** Entry indexes (shared between matches of the same key: treat as read-only). */
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

// Per-key flags.
const ENDS_LATIN = 1, STARTS_LATIN = 2, HAS_ABBR = 4;
const NEEDS_CHECK = ENDS_LATIN | HAS_ABBR;

interface Units {
  units: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length: number;
}

const KINDS: KeyTarget['kind'][] = ['zh', 'en', 'abbr'];
const ZH = 0, EN = 1, ABBR = 2;

export class TermIndex {
  /** Sorted unique normalised keys. */
  private readonly keys: string[];
  /**
   * Targets, column-wise (a 100k-entry glossary has ~250k of them: no object per target until
   * one is asked for). Targets of key k are [targetStart[k], targetStart[k + 1]).
   */
  private readonly targetStart: Int32Array;
  private readonly tEntry: Int32Array;
  private readonly tKind: Uint8Array;
  private readonly tForm: string[];
  private readonly tExact: Map<number, string>;
  private readonly keyFlags: Uint8Array;
  /** Entries/forms arrays per key, made on first match and shared by all its matches. */
  private readonly keyMatchCache: ({ entries: number[]; forms: string[] } | undefined)[];

  // The trie, breadth-first. Node 0 is the root (its children are found through rootChild).
  private readonly rootChild = new Int32Array(0x10000).fill(-1);
  private readonly label: Uint16Array;
  private readonly firstChild: Int32Array;
  private readonly childCount: Int32Array;
  private readonly keyOf: Int32Array;

  maxKeyLength = 0;

  constructor(readonly entries: GlossaryEntry[]) {
    // Collect: key → chain of provisional targets (columns + a next link), deduplicated.
    const head = new Map<string, number>();
    const pEntry: number[] = [], pKind: number[] = [], pForm: string[] = [], pExact: (string | undefined)[] = [], pNext: number[] = [];
    const add = (keyForm: string, entry: number, kind: number, form: string, exact?: string) => {
      const key = normalizeKey(keyForm);
      if (!key) return;
      let t = head.get(key);
      if (t === undefined) head.set(key, pEntry.length);
      else {
        for (;;) {
          if (pEntry[t] === entry && pKind[t] === kind && pExact[t] === exact) return;
          if (pNext[t]! < 0) break;
          t = pNext[t]!;
        }
        pNext[t] = pEntry.length;
      }
      pEntry.push(entry); pKind.push(kind); pForm.push(form); pExact.push(exact); pNext.push(-1);
    };
    entries.forEach((entry, index) => addEntryKeys(entry, index, add));

    this.keys = sortKeys([...head.keys()]);
    const n = this.keys.length, nt = pEntry.length;
    this.targetStart = new Int32Array(n + 1);
    this.tEntry = new Int32Array(nt);
    this.tKind = new Uint8Array(nt);
    this.tForm = new Array<string>(nt);
    this.tExact = new Map();
    this.keyFlags = new Uint8Array(n);
    this.keyMatchCache = new Array(n);
    let totalUnits = 1, w = 0;
    for (let k = 0; k < n; k++) {
      const key = this.keys[k]!;
      this.targetStart[k] = w;
      let flags = 0;
      for (let t = head.get(key)!; t >= 0; t = pNext[t]!) {
        this.tEntry[w] = pEntry[t]!;
        this.tKind[w] = pKind[t]!;
        this.tForm[w] = pForm[t]!;
        if (pKind[t] === ABBR) { flags |= HAS_ABBR; this.tExact.set(w, pExact[t]!); }
        w++;
      }
      if (isLatinWordChar(key.charCodeAt(key.length - 1))) flags |= ENDS_LATIN;
      if (isLatinWordChar(key.charCodeAt(0))) flags |= STARTS_LATIN;
      this.keyFlags[k] = flags;
      totalUnits += key.length;
      if (key.length > this.maxKeyLength) this.maxKeyLength = key.length;
    }
    this.targetStart[n] = w;
    head.clear();

    this.label = new Uint16Array(totalUnits);
    this.firstChild = new Int32Array(totalUnits);
    this.childCount = new Int32Array(totalUnits);
    this.keyOf = new Int32Array(totalUnits).fill(-1);
    const nodes = this.buildTrie(totalUnits);
    // shrink to what was used
    this.label = this.label.slice(0, nodes);
    this.firstChild = this.firstChild.slice(0, nodes);
    this.childCount = this.childCount.slice(0, nodes);
    this.keyOf = this.keyOf.slice(0, nodes);
  }

  /** Target t as an object (made on demand). */
  private target(t: number): KeyTarget {
    const kind = KINDS[this.tKind[t]!]!;
    const target: KeyTarget = { entry: this.tEntry[t]!, form: this.tForm[t]!, kind };
    if (kind === 'abbr') target.exact = this.tExact.get(t)!;
    return target;
  }

  private targetsOf(k: number): KeyTarget[] {
    const out: KeyTarget[] = [];
    for (let t = this.targetStart[k]!; t < this.targetStart[k + 1]!; t++) out.push(this.target(t));
    return out;
  }

  /** Lay the trie out breadth-first from the sorted keys: a node is a run of keys sharing a prefix. */
  private buildTrie(capacity: number): number {
    const keys = this.keys;
    const qLo = new Int32Array(capacity), qHi = new Int32Array(capacity), qDepth = new Int32Array(capacity);
    qLo[0] = 0; qHi[0] = keys.length; qDepth[0] = 0;
    let next = 1;
    for (let v = 0; v < next; v++) {
      const hi = qHi[v]!, depth = qDepth[v]!;
      let k = qLo[v]!;
      if (k < hi && keys[k]!.length === depth) this.keyOf[v] = k++;
      this.firstChild[v] = next;
      while (k < hi) {
        const c = keys[k]!.charCodeAt(depth);
        let j = k + 1;
        while (j < hi && keys[j]!.charCodeAt(depth) === c) j++;
        const child = next++;
        this.label[child] = c;
        qLo[child] = k; qHi[child] = j; qDepth[child] = depth + 1;
        if (v === 0) this.rootChild[c] = child;
        k = j;
      }
      this.childCount[v] = next - this.firstChild[v]!;
    }
    return next;
  }

  private child(node: number, unit: number): number {
    let lo = this.firstChild[node]!;
    let hi = lo + this.childCount[node]!;
    const label = this.label;
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) if (label[lo] === unit) return lo;
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const l = label[mid]!;
      if (l === unit) return mid;
      if (l < unit) lo = mid + 1; else hi = mid;
    }
    return -1;
  }

  /**
   * The valid end (normalised, exclusive) of key `k` matched over [i, end), and the targets that
   * survive the acronym case rule (null = all of them); undefined when the match is not valid.
   */
  private check(k: number, n: Units, i: number, end: number, src: string, opts: MatchOptions): { end: number; targets: KeyTarget[] | null } | undefined {
    const validEnd = this.validEnd(k, n, end);
    if (validEnd < 0) return undefined;
    const targets = this.caseTargets(k, n, i, end, src, opts);
    return targets === undefined ? undefined : { end: validEnd, targets };
  }

  /** Where key k matched over [.., end) may end: at a word boundary or after a suffix; -1 if nowhere. */
  private validEnd(k: number, n: Units, end: number): number {
    if (!(this.keyFlags[k]! & ENDS_LATIN)) return end;
    let validEnd = -1;
    if (end >= n.length || !isLatinWordChar(n.units[end]!)) validEnd = end;
    for (const suffix of SUFFIXES) {
      const e = end + suffix.length;
      if (e > n.length || (e < n.length && isLatinWordChar(n.units[e]!))) continue;
      let ok = true;
      for (let s = 0; s < suffix.length; s++) if (n.units[end + s] !== suffix.charCodeAt(s)) { ok = false; break; }
      if (ok && e > validEnd) validEnd = e;
    }
    return validEnd;
  }

  /** The targets of key k that pass the acronym case rule: null = all, undefined = none. */
  private caseTargets(k: number, n: Units, i: number, end: number, src: string, opts: MatchOptions): KeyTarget[] | null | undefined {
    if (!(this.keyFlags[k]! & HAS_ABBR) || opts.acronymsCaseInsensitive) return null;
    const all = this.targetsOf(k);
    const kept = all.filter((t) => t.kind !== 'abbr' || exactCase(src, n, i, end, t.exact!));
    if (!kept.length) return undefined;
    return kept.length === all.length ? null : kept;
  }

  /** Every valid match starting at normalised position i, shortest first. */
  private allFrom(n: Units, i: number, before: number, src: string, opts: MatchOptions): [number, number, KeyTarget[] | null][] {
    const found: [number, number, KeyTarget[] | null][] = [];
    const u = n.units;
    let node = this.rootChild[u[i]!]!;
    if (node < 0) return found;
    if (isLatinWordChar(u[i]!) && isLatinWordChar(i > 0 ? u[i - 1]! : before)) return found;
    for (let j = i; ; ) {
      const k = this.keyOf[node]!;
      if (k >= 0) {
        if (!(this.keyFlags[k]! & NEEDS_CHECK)) found.push([j + 1, k, null]);
        else {
          const r = this.check(k, n, i, j + 1, src, opts);
          if (r) found.push([r.end, k, r.targets]);
        }
      }
      if (++j >= n.length) break;
      node = this.child(node, u[j]!);
      if (node < 0) break;
    }
    return found;
  }

  private toMatch(n: Units, i: number, end: number, k: number, targets: KeyTarget[] | null): Match {
    let entries: number[], forms: string[];
    if (targets) {
      entries = targets.map((t) => t.entry);
      forms = targets.map((t) => t.form);
    } else {
      let cached = this.keyMatchCache[k];
      if (!cached) {
        const from = this.targetStart[k]!, to = this.targetStart[k + 1]!;
        cached = this.keyMatchCache[k] = { entries: Array.from(this.tEntry.subarray(from, to)), forms: this.tForm.slice(from, to) };
      }
      entries = cached.entries;
      forms = cached.forms;
    }
    return { start: n.starts[i]!, end: n.ends[end - 1]!, entries, forms };
  }

  /** Leftmost-longest, non-overlapping occurrences of glossary terms in `src[from, to)`. */
  scan(src: string, opts: MatchOptions = {}, from = 0, to = src.length): Match[] {
    return this.scanRange(src, opts, from, to, to);
  }

  /**
   * Like scan, but matches may only start before source offset `startLimit` (they may end up to
   * `to`): the document index uses this to rescan a region without cutting terms at its end.
   */
  scanRange(src: string, opts: MatchOptions, from: number, to: number, startLimit: number): Match[] {
    const n = normalizeScratch(src, from, to);
    const before = normalizedUnitBefore(src, from);
    const u = n.units, len = n.length, starts = n.starts;
    const rootChild = this.rootChild, keyOf = this.keyOf, keyFlags = this.keyFlags;
    const label = this.label, firstChild = this.firstChild, childCount = this.childCount;
    const out: Match[] = [];
    for (let i = 0; i < len; ) {
      let node = rootChild[u[i]!]!;
      if (node < 0) { i++; continue; }
      if (starts[i]! >= startLimit) break;
      if (isLatinWordChar(u[i]!) && isLatinWordChar(i > 0 ? u[i - 1]! : before)) { i++; continue; }
      let bestEnd = -1, bestKey = -1;
      let bestTargets: KeyTarget[] | null = null;
      for (let j = i; ; ) {
        const k = keyOf[node]!;
        if (k >= 0) {
          if (!(keyFlags[k]! & NEEDS_CHECK)) { bestEnd = j + 1; bestKey = k; bestTargets = null; }
          else {
            const e = this.validEnd(k, n, j + 1);
            if (e >= bestEnd) {
              const targets = this.caseTargets(k, n, i, j + 1, src, opts);
              if (targets !== undefined) { bestEnd = e; bestKey = k; bestTargets = targets; }
            }
          }
        }
        if (++j >= len) break;
        // the child labelled u[j]: children are a sorted run (inlined: this is the hot loop)
        const unit = u[j]!;
        let lo = firstChild[node]!, hi = lo + childCount[node]!;
        node = -1;
        if (hi - lo <= 8) {
          for (; lo < hi; lo++) if (label[lo] === unit) { node = lo; break; }
        } else {
          while (lo < hi) {
            const mid = (lo + hi) >>> 1, l = label[mid]!;
            if (l === unit) { node = mid; break; }
            if (l < unit) lo = mid + 1; else hi = mid;
          }
        }
        if (node < 0) break;
      }
      if (bestEnd < 0) { i++; continue; }
      out.push(this.toMatch(n, i, bestEnd, bestKey, bestTargets));
      i = bestEnd;
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
    const n = normalizeScratch(src, from, to);
    const before = normalizedUnitBefore(src, from);
    const all: Match[] = [];
    for (let i = 0; i < n.length && n.starts[i]! <= offset; i++) {
      if (this.rootChild[n.units[i]!]! < 0) continue;
      for (const [end, k, targets] of this.allFrom(n, i, before, src, opts)) all.push(this.toMatch(n, i, end, k, targets));
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
    const t = term.trim();
    const n = normalizeScratch(t, 0, t.length);
    const found = this.allFrom(n, 0, 0x20, t, opts).filter(([end]) => end === n.length);
    const out = new Set<number>();
    for (const [, k, targets] of found) {
      for (const target of targets ?? this.targetsOf(k)) out.add(target.entry);
    }
    return [...out];
  }

  /**
   * Keys starting with `prefix` (normalised), for completion: shortest keys first, at most `limit`.
   * Returns the matching targets and whether the list was cut.
   */
  complete(prefix: string, limit = 50): { targets: KeyTarget[]; incomplete: boolean } {
    const p = normalizeKey(prefix);
    if (!p) return { targets: [], incomplete: false };
    const keys = this.keys;
    let lo = 0, hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid]! < p) lo = mid + 1; else hi = mid;
    }
    const hits: { len: number; target: KeyTarget }[] = [];
    const scanLimit = limit * 8;
    outer: for (let k = lo; k < keys.length; k++) {
      const key = keys[k]!;
      if (!key.startsWith(p)) break;
      for (let t = this.targetStart[k]!; t < this.targetStart[k + 1]!; t++) {
        hits.push({ len: key.length, target: this.target(t) });
        if (hits.length === scanLimit) break outer;
      }
    }
    const rank = (h: { len: number; target: KeyTarget }) => h.len * 1e7 - (this.entries[h.target.entry]?.occurrences ?? 0);
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

  /** The unique normalised keys, sorted (for benchmarks: the same key set for a baseline). */
  get normalizedKeys(): readonly string[] {
    return this.keys;
  }

  /** Number of unique normalised keys and trie nodes (for benchmarks and diagnostics). */
  get stats(): { keys: number; nodes: number } {
    return { keys: this.keys.length, nodes: this.label.length };
  }
}

type AddKey = (keyForm: string, entry: number, kind: number, form: string, exact?: string) => void;

/** The keys of one entry: every Chinese form, English form (with variants) and abbreviation. */
function addEntryKeys(entry: GlossaryEntry, index: number, add: AddKey): void {
  const { zhHans, zhHant, zhTw, zhHk } = entry;
  // regional forms are often identical strings: normalise each distinct one once
  if (zhHans) add(zhHans, index, ZH, zhHans);
  if (zhHant && zhHant !== zhHans) add(zhHant, index, ZH, zhHant);
  if (zhTw && zhTw !== zhHant && zhTw !== zhHans) add(zhTw, index, ZH, zhTw);
  if (zhHk && zhHk !== zhHant && zhHk !== zhHans && zhHk !== zhTw) add(zhHk, index, ZH, zhHk);
  for (const form of entry.zhAliases) if (form) add(form, index, ZH, form);
  for (const form of entry.en) {
    add(form, index, EN, form);
    if (form.includes('-')) add(form.replace(/-/g, ''), index, EN, form);
    // irregular plural that suffix handling cannot reach: currency → currencies
    if (/[^aeiou]y$/i.test(form)) add(form.slice(0, -1) + 'ies', index, EN, form);
  }
  for (const form of entry.abbr) {
    const exact = normalizeWidth(form);
    add(form, index, ABBR, form, exact);
    if (form.includes('-')) add(form.replace(/-/g, ''), index, ABBR, form, exact.replace(/-/g, ''));
  }
}

/**
 * Sort keys by UTF-16 code units, as `Array.prototype.sort` would, but bucketed by first unit
 * first (a counting sort), so that only keys sharing their first character are compared.
 */
function sortKeys(keys: string[]): string[] {
  const count = new Int32Array(0x10001);
  for (const k of keys) count[k.charCodeAt(0) + 1]!++;
  for (let u = 1; u <= 0x10000; u++) count[u]! += count[u - 1]!;
  const out = new Array<string>(keys.length);
  const fill = count.slice(0, 0x10000);
  for (const k of keys) out[fill[k.charCodeAt(0)]!++] = k;
  for (let u = 0; u < 0x10000; u++) {
    const a = count[u]!, b = count[u + 1]!;
    if (b - a < 2) continue;
    const bucket = out.slice(a, b).sort();
    for (let i = 0; i < bucket.length; i++) out[a + i] = bucket[i]!;
  }
  return out;
}

/**
 * Does the source text behind normalised [i, end) spell `exact` (after width folding), ignoring
 * spaces and hyphens on both sides (e-CNY, eCNY and e CNY all spell e-CNY)?
 */
function exactCase(src: string, n: Units, i: number, end: number, exact: string): boolean {
  let p = 0;
  for (let k = i; k < end; k++) {
    if (k > i && n.starts[k] === n.starts[k - 1]) continue;
    for (let q = n.starts[k]!; q < n.ends[k]!; q++) {
      let c = src.charCodeAt(q);
      if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
      if (isSeparator(c)) continue;
      while (p < exact.length && isSeparator(exact.charCodeAt(p))) p++;
      if (p >= exact.length || exact.charCodeAt(p) !== c) return false;
      p++;
    }
  }
  while (p < exact.length && isSeparator(exact.charCodeAt(p))) p++;
  return p === exact.length;
}

function isSeparator(c: number): boolean {
  return c === 0x20 || c === 0x2d || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2010 || c === 0x2011 || c === 0x2012;
}

function normalizeWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
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
