/**
 * Term recognition over normalised text: a trie of normalised glossary keys, longest match wins.
 * Chinese keys match anywhere (Chinese has no word breaks); Latin keys need word boundaries and may
 * carry a plural or possessive suffix; acronyms must match their case unless configured otherwise.
 *
 * Layout (built once, read-only afterwards, see trieBuilder.ts): the trie is laid out breadth-first
 * in typed arrays, so each node's children are one contiguous run sorted by code unit (found by
 * linear or binary search). The root's children are a direct 64K table, which doubles as
 * the first-character filter: most positions of a text are rejected by one array read. A 100k-entry
 * glossary costs a few bytes per trie node instead of a Map per node.
 */
import type { AliasForm, GlossaryEntry } from './entry';
import { ABBR, KINDS, ZH, addEntryKeys, type KeyTarget } from './entryKeys';
import { hasHan, writtenAs } from './fold';
import { exactCase, latinEnd } from './latin';
import { isLatinWordChar, normalizeKeyUnits, normalizeScratch, normalizedUnitBefore, type ScratchUnits as Units } from './normalize';
import { Grow, TrieBuilder, sameUnits } from './trieBuilder';
import { isHanUnit, trimWhitespace } from './unicode';

/** What a key stands for: an entry, and how the key must be checked against the source. */
export type { KeyTarget } from './entryKeys';

export interface Match {
  /** Source UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
  /** Entry indexes (shared between matches of the same key: treat as read-only). */
  entries: number[];
  /** The glossary forms that matched, parallel to `entries`. */
  forms: string[];
}

/** A source range [start, end) in UTF-16 units. */
export interface Span {
  start: number;
  end: number;
}

export interface MatchOptions {
  /** Match acronyms (API, KYC) regardless of case. */
  acronymsCaseInsensitive?: boolean;
}

const PAIR_BITS = 1 << 20;
const pairBit = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ b) & (PAIR_BITS - 1);
/**
 * How far around a position matchAt looks: longer than any key, including skipped annotations (it
 * also reads the one unit on either side of this reach).
 */
export const MATCH_AT_REACH = 320;
const WINDOW = MATCH_AT_REACH;

// Per-key flags.
const ENDS_LATIN = 1,
  STARTS_LATIN = 2,
  HAS_ABBR = 4,
  /** A non-term word (glossary/words.yaml): it wins the longest match and stands for nothing. */
  IS_WORD = 8,
  /** A Taiwan or Hong Kong form is among the targets: it counts only where the source writes it so. */
  AS_WRITTEN = 16;
const NEEDS_CHECK = ENDS_LATIN | HAS_ABBR | AS_WRITTEN;

export class TermIndex {
  /** Number of unique normalised keys (key ids are 0 … keyCount - 1). */
  private keyCount!: number;
  /**
   * Targets, column-wise (a 100k-entry glossary has ~250k of them: no object per target until
   * one is asked for). Targets of key k are [targetStart[k], targetStart[k + 1]).
   */
  private targetStart!: Int32Array;
  private tEntry!: Int32Array;
  private tKind!: Uint8Array;
  private tForm!: string[];
  private tExact!: Map<number, string>;
  private keyFlags!: Uint8Array;
  /** Entries/forms arrays per key, made on first match and shared by all its matches. */
  private keyMatchCache!: ({ entries: number[]; forms: string[] } | undefined)[];

  // The trie, breadth-first. Node 0 is the root (its children are found through rootChild).
  private rootChild!: Int32Array;
  private label!: Uint16Array;
  private firstChild!: Int32Array;
  private childCount!: Int32Array;
  private keyOf!: Int32Array;
  /** A bit per (hashed) pair of first two units of the keys: a filter before the second step. */
  private pairs!: Uint32Array;

  private maxKey = 0;
  /** The longest key containing a Han character. */
  private maxHanKey = 0;
  /** The longest key starting with each code unit (lets matchAt skip starts that cannot reach it). */
  private maxLenFrom!: Uint16Array;
  private built = false;

  /**
   * Layered: the index of the entries after the first `ownCount` (the bundled glossary's, built
   * once), whose entry numbers are this index's minus `ownCount`. This index's own trie then holds
   * only its first `ownCount` entries (the user's termbases), and every query walks both tries
   * together as if they were one: a key in both is one key, the user's entries first.
   */
  private readonly base?: TermIndex;
  private readonly ownCount: number;

  /**
   * The index is built on first use (or by `build()`), so that a server can answer `initialize`
   * before paying for it and build it right after.
   *
   * `base`: an index over the last entries of `entries` (the same objects, in the same order) and
   * the same `words`, reused as it is: only the entries before them are indexed here. A change to
   * the user's termbases then re-indexes the user's entries, never the bundled glossary.
   */
  constructor(
    readonly entries: GlossaryEntry[],
    /**
     * Ordinary words that contain a term but are not one (海通证券 holds 通证, 加强监管 holds 强监管):
     * they take part in the longest match like keys, and a text position they win shows nothing.
     * A word that is also a term's key is the term.
     */
    readonly words: readonly string[] = [],
    base?: TermIndex,
    /** Keys derived for the aliases of `entries` (compiled glossary's `aliasForms`). */
    readonly aliasForms: readonly AliasForm[] = [],
  ) {
    this.ownCount = entries.length;
    if (base?.entries.length && !base.base && sameTail(entries, base.entries) && sameList(words, base.words)) {
      this.base = base;
      this.ownCount = entries.length - base.entries.length;
    }
  }

  /** Whether this index reuses another for its last entries (see the constructor). */
  get layered(): boolean {
    return this.base !== undefined;
  }

  /** The longest key, in normalised units. */
  get maxKeyLength(): number {
    this.build();
    return this.maxKey;
  }

  /** Build the index now (idempotent). */
  build(): this {
    if (this.built) return this;
    this.built = true;
    const entries = this.entries;
    // Collect: each key's targets as a chain (columns + next link), deduplicated per key.
    const builder = new TrieBuilder(entries.length * 6);
    const maxLenFrom = (this.maxLenFrom = new Uint16Array(0x10000));
    const head = new Grow(Int32Array),
      tail = new Grow(Int32Array),
      flags = new Grow(Uint8Array);
    const pEntry = new Grow(Int32Array),
      pKind = new Grow(Uint8Array),
      pNext = new Grow(Int32Array);
    const pForm: string[] = [],
      pExact = new Map<number, string>();
    let nKeys = 0,
      nTargets = 0;
    let lastEntry = -1,
      lastKey = -1,
      lastLen = 0;
    const lastUnits = new Uint16Array(64);
    const add = (keyForm: string, entry: number, kind: number, form: string, exact?: string) => {
      const { units, from, to } = normalizeKeyUnits(keyForm);
      if (from === to) return;
      // an entry's traditional and regional forms mostly fold to its simplified key: reuse it
      let key: number;
      if (entry === lastEntry && to - from === lastLen && sameUnits(units, from, lastUnits, lastLen)) key = lastKey;
      else {
        key = builder.insert(units, from, to);
        lastEntry = entry;
        lastKey = key;
        lastLen = Math.min(to - from, lastUnits.length);
        lastUnits.set(units.subarray(from, from + lastLen));
        if (lastLen !== to - from) lastEntry = -1; // too long to remember
      }
      if (to - from > maxLenFrom[units[from]!]!) maxLenFrom[units[from]!] = Math.min(0xffff, to - from);
      if (to - from > this.maxHanKey && hasHan(units, from, to)) this.maxHanKey = to - from;
      const t = nTargets;
      if (key === nKeys) {
        nKeys++;
        head.set(key, t);
        flags.set(key, (isLatinWordChar(units[to - 1]!) ? ENDS_LATIN : 0) | (isLatinWordChar(units[from]!) ? STARTS_LATIN : 0));
      } else {
        for (let o = head.a[key]!; o >= 0; o = pNext.a[o]!) {
          if (pEntry.a[o] !== entry || pKind.a[o] !== kind) continue;
          if (pExact.get(o) === exact) return;
          if (kind === ZH) {
            // the entry has this key as written in any script already (a Taiwan form that folds to
            // an alias: 投資人, 投资人), or gets it now: one target, with no spelling to check
            if (exact === undefined) pExact.delete(o);
            if (exact === undefined || !pExact.has(o)) return;
          }
        }
        pNext.set(tail.a[key]!, t);
      }
      tail.set(key, t);
      if (kind === ABBR) {
        flags.set(key, flags.a[key]! | HAS_ABBR);
        pExact.set(t, exact!);
      } else if (exact !== undefined) {
        flags.set(key, flags.a[key]! | AS_WRITTEN);
        pExact.set(t, exact);
      }
      pEntry.set(t, entry);
      pKind.set(t, kind);
      pNext.set(t, -1);
      pForm.push(form);
      nTargets++;
    };
    for (let index = 0; index < this.ownCount; index++) addEntryKeys(entries[index]!, index, add);
    // an alias's regional forms, matched as the alias (when layered, the base has them: they are the bundled glossary's)
    if (!this.base) for (const [index, form, alias] of this.aliasForms) if (index < entries.length) add(form, index, ZH, alias);
    // the base holds the words (a word that is one of our keys is our term: see flagsOf)
    for (const word of this.base ? [] : this.words) {
      const { units, from, to } = normalizeKeyUnits(word);
      if (from === to) continue;
      const key = builder.insert(units, from, to);
      if (key !== nKeys) continue; // a term's key (or a word twice): not a non-term word
      nKeys++;
      head.set(key, -1);
      tail.set(key, -1);
      flags.set(key, IS_WORD | (isLatinWordChar(units[to - 1]!) ? ENDS_LATIN : 0) | (isLatinWordChar(units[from]!) ? STARTS_LATIN : 0));
      if (to - from > maxLenFrom[units[from]!]!) maxLenFrom[units[from]!] = Math.min(0xffff, to - from);
      if (to - from > this.maxHanKey && hasHan(units, from, to)) this.maxHanKey = to - from;
    }

    const n = (this.keyCount = nKeys),
      nt = nTargets;
    this.targetStart = new Int32Array(n + 1);
    this.tEntry = new Int32Array(nt);
    this.tKind = new Uint8Array(nt);
    this.tForm = new Array<string>(nt);
    this.tExact = new Map();
    this.keyFlags = flags.a.slice(0, n);
    this.keyMatchCache = new Array(n);
    let w = 0;
    for (let k = 0; k < n; k++) {
      this.targetStart[k] = w;
      for (let t = head.a[k]!; t >= 0; t = pNext.a[t]!) {
        this.tEntry[w] = pEntry.a[t]!;
        this.tKind[w] = pKind.a[t]!;
        this.tForm[w] = pForm[t]!;
        const exact = pExact.get(t);
        if (exact !== undefined) this.tExact.set(w, exact);
        w++;
      }
      if (builder.keyLength[k]! > this.maxKey) this.maxKey = builder.keyLength[k]!;
    }
    this.targetStart[n] = w;

    const trie = builder.layout();
    this.rootChild = trie.rootChild;
    this.label = trie.label;
    this.firstChild = trie.firstChild;
    this.childCount = trie.childCount;
    this.keyOf = trie.keyOf;
    this.pairs = new Uint32Array(PAIR_BITS >>> 5);
    for (let u = 0; u < 0x10000; u++) {
      const n1 = this.rootChild[u]!;
      if (n1 < 0) continue;
      for (let c = this.firstChild[n1]!, end = c + this.childCount[n1]!; c < end; c++) {
        const b = pairBit(u, this.label[c]!);
        this.pairs[b >>> 5]! |= 1 << (b & 31);
      }
    }
    const base = this.base;
    if (base) {
      base.build();
      this.maxKey = Math.max(this.maxKey, base.maxKey);
      this.maxHanKey = Math.max(this.maxHanKey, base.maxHanKey);
      for (let u = 0; u < 0x10000; u++) if (base.maxLenFrom[u]! > maxLenFrom[u]!) maxLenFrom[u] = base.maxLenFrom[u]!;
      this.pairKeys = base.keyCount + 1;
      this.pairCache = new Map();
    }
    return this;
  }

  // ---- layers: a key of the union is a pair (own key + 1, base key + 1) encoded in one number ----
  private pairKeys = 0;
  private pairCache?: Map<number, { entries: number[]; forms: string[] }>;

  /** Can a key start with unit u (in either layer)? */
  private hasRoot(u: number): boolean {
    return this.rootChild[u]! >= 0 || (this.base !== undefined && this.base.rootChild[u]! >= 0);
  }

  /** A key's flags (layered: both layers' keys for the same units; a word only when no term has it). */
  private flagsOf(k: number): number {
    if (!this.base) return this.keyFlags[k]!;
    const own = Math.floor(k / this.pairKeys) - 1,
      inBase = (k % this.pairKeys) - 1;
    const b = inBase >= 0 ? this.base.keyFlags[inBase]! : 0;
    return own >= 0 ? (this.keyFlags[own]! | b) & ~IS_WORD : b;
  }

  /** A base target as one of ours (its entry number after our own entries). */
  private fromBase(t: KeyTarget): KeyTarget {
    t.entry += this.ownCount;
    return t;
  }

  /** Target t as an object (made on demand). */
  private target(t: number): KeyTarget {
    const kind = KINDS[this.tKind[t]!]!;
    const target: KeyTarget = { entry: this.tEntry[t]!, form: this.tForm[t]!, kind };
    const exact = this.tExact.get(t);
    if (exact !== undefined) target.exact = exact;
    return target;
  }

  private targetsOf(k: number): KeyTarget[] {
    if (this.base) {
      const own = Math.floor(k / this.pairKeys) - 1,
        inBase = (k % this.pairKeys) - 1;
      return [
        ...(own >= 0 ? this.ownTargetsOf(own) : []),
        ...(inBase >= 0 ? this.base.ownTargetsOf(inBase).map((t) => this.fromBase(t)) : []),
      ];
    }
    return this.ownTargetsOf(k);
  }

  private ownTargetsOf(k: number): KeyTarget[] {
    const out: KeyTarget[] = [];
    for (let t = this.targetStart[k]!; t < this.targetStart[k + 1]!; t++) out.push(this.target(t));
    return out;
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
      if (l < unit) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /**
   * The valid end (normalised, exclusive) of key `k` matched over [i, end), and the targets that
   * survive the acronym case rule (null = all of them); undefined when the match is not valid.
   */
  private check(
    k: number,
    n: Units,
    i: number,
    end: number,
    src: string,
    opts: MatchOptions,
  ): { end: number; targets: KeyTarget[] | null } | undefined {
    const validEnd = this.validEnd(k, n, end);
    if (validEnd < 0) return undefined;
    const targets = this.caseTargets(k, n, i, end, src, opts);
    return targets === undefined ? undefined : { end: validEnd, targets };
  }

  /** Where key k matched over [.., end) may end (see latinEnd); -1 if nowhere. */
  private validEnd(k: number, n: Units, end: number): number {
    return this.keyFlags[k]! & ENDS_LATIN ? latinEnd(n, end) : end;
  }

  /**
   * The targets of key k that pass the acronym case rule and are written as their region writes
   * them (a Taiwan or Hong Kong form): null = all, undefined = none.
   */
  private caseTargets(k: number, n: Units, i: number, end: number, src: string, opts: MatchOptions): KeyTarget[] | null | undefined {
    const flags = this.keyFlags[k]!;
    const acronyms = (flags & HAS_ABBR) !== 0 && !opts.acronymsCaseInsensitive;
    if (!acronyms && !(flags & AS_WRITTEN)) return null;
    // first without making objects: mostly every target passes
    const from = this.targetStart[k]!,
      to = this.targetStart[k + 1]!;
    let passed = 0;
    for (let t = from; t < to; t++) if (this.passes(t, acronyms, n, i, end, src)) passed++;
    if (passed === to - from) return null;
    if (!passed) return undefined;
    const kept: KeyTarget[] = [];
    for (let t = from; t < to; t++) if (this.passes(t, acronyms, n, i, end, src)) kept.push(this.target(t));
    return kept;
  }

  /** Does target t pass the acronym case rule (when `acronyms`) and the as-written rule of a regional form? */
  private passes(t: number, acronyms: boolean, n: Units, i: number, end: number, src: string): boolean {
    const exact = this.tExact.get(t);
    if (exact === undefined) return true;
    return this.tKind[t] === ABBR ? !acronyms || exactCase(src, n, i, end, exact) : writtenAs(src, n, i, end, exact);
  }

  /** Every valid match starting at normalised position i, shortest first. */
  // The matches found by collectFrom (reused between calls: matchAt runs it for many starts).
  private readonly fEnd: number[] = [];
  private readonly fKey: number[] = [];
  private readonly fTargets: (KeyTarget[] | null)[] = [];

  /** Every valid match starting at normalised position i, shortest first, into fEnd/fKey/fTargets; returns how many. */
  private collectFrom(n: Units, i: number, before: number, src: string, opts: MatchOptions): number {
    if (this.base) return this.collectLayered(this.base, n, i, before, src, opts);
    const u = n.units;
    let node = this.rootChild[u[i]!]!;
    if (node < 0) return 0;
    if (isLatinWordChar(u[i]!) && isLatinWordChar(i > 0 ? u[i - 1]! : before)) return 0;
    let count = 0;
    for (let j = i; ; ) {
      const k = this.keyOf[node]!;
      if (k >= 0) {
        let end = j + 1,
          targets: KeyTarget[] | null = null,
          ok = true;
        if (this.keyFlags[k]! & NEEDS_CHECK) {
          const r = this.check(k, n, i, j + 1, src, opts);
          if (r) {
            end = r.end;
            targets = r.targets;
          } else ok = false;
        }
        if (ok) {
          this.fEnd[count] = end;
          this.fKey[count] = k;
          this.fTargets[count] = targets;
          count++;
        }
      }
      if (++j >= n.length) break;
      node = this.child(node, u[j]!);
      if (node < 0) break;
    }
    return count;
  }

  /**
   * collectFrom over both layers: the two tries are walked together (a key of the same length in
   * both is the same key), so the matches and their order are those of one index over all entries.
   */
  private collectLayered(base: TermIndex, n: Units, i: number, before: number, src: string, opts: MatchOptions): number {
    const u = n.units;
    let node = this.rootChild[u[i]!]!,
      baseNode = base.rootChild[u[i]!]!;
    if (node < 0 && baseNode < 0) return 0;
    if (isLatinWordChar(u[i]!) && isLatinWordChar(i > 0 ? u[i - 1]! : before)) return 0;
    let count = 0;
    for (let j = i; ; ) {
      const own = node >= 0 ? this.keyOf[node]! : -1,
        inBase = baseNode >= 0 ? base.keyOf[baseNode]! : -1;
      if (own >= 0 || inBase >= 0) {
        const k = (own + 1) * this.pairKeys + inBase + 1;
        const flags = this.flagsOf(k);
        const end = flags & ENDS_LATIN ? latinEnd(n, j + 1) : j + 1;
        if (end >= 0) {
          // each layer's targets that pass the acronym case rule (null: all of them)
          const mine = own >= 0 ? this.caseTargets(own, n, i, j + 1, src, opts) : undefined,
            theirs = inBase >= 0 ? base.caseTargets(inBase, n, i, j + 1, src, opts) : undefined;
          let targets: KeyTarget[] | null | undefined;
          if ((own < 0 || mine === null) && (inBase < 0 || theirs === null)) targets = null;
          else if (mine === undefined && theirs === undefined) targets = undefined;
          else
            targets = [
              ...(own < 0 || mine === undefined ? [] : (mine ?? this.ownTargetsOf(own))),
              ...(inBase < 0 || theirs === undefined ? [] : (theirs ?? base.ownTargetsOf(inBase)).map((t) => this.fromBase({ ...t }))),
            ];
          if (targets !== undefined) {
            this.fEnd[count] = end;
            this.fKey[count] = k;
            this.fTargets[count] = targets;
            count++;
          }
        }
      }
      if (++j >= n.length) break;
      if (node >= 0) node = this.child(node, u[j]!);
      if (baseNode >= 0) baseNode = base.child(baseNode, u[j]!);
      if (node < 0 && baseNode < 0) break;
    }
    return count;
  }

  private toMatch(n: Units, i: number, end: number, k: number, targets: KeyTarget[] | null): Match {
    let entries: number[], forms: string[];
    if (this.base && !targets) {
      let cached = this.pairCache!.get(k);
      if (!cached) {
        const all = this.targetsOf(k);
        cached = { entries: all.map((t) => t.entry), forms: all.map((t) => t.form) };
        this.pairCache!.set(k, cached);
      }
      entries = cached.entries;
      forms = cached.forms;
    } else if (targets) {
      entries = targets.map((t) => t.entry);
      forms = targets.map((t) => t.form);
    } else {
      let cached = this.keyMatchCache[k];
      if (!cached) {
        const from = this.targetStart[k]!,
          to = this.targetStart[k + 1]!;
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
   * `words`, when given, receives the source spans of the non-term words the scan stepped over:
   * the parse is in the same state after them as after a term, so a rescan must not start inside one.
   */
  scanRange(src: string, opts: MatchOptions, from: number, to: number, startLimit: number, words?: Span[]): Match[] {
    this.build();
    if (this.base) return this.scanLayered(src, opts, from, to, startLimit, words);
    const n = normalizeScratch(src, from, to);
    const before = normalizedUnitBefore(src, from);
    const u = n.units,
      len = n.length,
      starts = n.starts;
    const rootChild = this.rootChild,
      keyOf = this.keyOf,
      keyFlags = this.keyFlags;
    const label = this.label,
      firstChild = this.firstChild,
      childCount = this.childCount,
      pairs = this.pairs;
    const out: Match[] = [];
    for (let i = 0; i < len; ) {
      let node = rootChild[u[i]!]!;
      if (node < 0) {
        i++;
        continue;
      }
      if (starts[i]! >= startLimit) break;
      if (isLatinWordChar(u[i]!) && isLatinWordChar(i > 0 ? u[i - 1]! : before)) {
        i++;
        continue;
      }
      let bestEnd = -1,
        bestKey = -1;
      let bestTargets: KeyTarget[] | null = null;
      for (let j = i; ; ) {
        const k = keyOf[node]!;
        if (k >= 0) {
          if (!(keyFlags[k]! & NEEDS_CHECK)) {
            bestEnd = j + 1;
            bestKey = k;
            bestTargets = null;
          } else {
            const e = this.validEnd(k, n, j + 1);
            if (e >= bestEnd) {
              const targets = this.caseTargets(k, n, i, j + 1, src, opts);
              if (targets !== undefined) {
                bestEnd = e;
                bestKey = k;
                bestTargets = targets;
              }
            }
          }
        }
        if (++j >= len) break;
        const unit = u[j]!;
        // most walks end at the second character: a bitmap of the keys' first two units says so
        // with one read, before searching the children
        if (j === i + 1) {
          const b = pairBit(u[i]!, unit);
          if (!(pairs[b >>> 5]! & (1 << (b & 31)))) break;
        }
        // the child labelled u[j]: children are a sorted run (inlined: this is the hot loop)
        let lo = firstChild[node]!,
          hi = lo + childCount[node]!;
        node = -1;
        if (hi - lo <= 8) {
          for (; lo < hi; lo++)
            if (label[lo] === unit) {
              node = lo;
              break;
            }
        } else {
          while (lo < hi) {
            const mid = (lo + hi) >>> 1,
              l = label[mid]!;
            if (l === unit) {
              node = mid;
              break;
            }
            if (l < unit) lo = mid + 1;
            else hi = mid;
          }
        }
        if (node < 0) break;
      }
      if (bestEnd < 0) {
        i++;
        continue;
      }
      // a non-term word: nothing here, and no term inside it
      if (keyFlags[bestKey]! & IS_WORD) {
        if (words) words.push({ start: starts[i]!, end: n.ends[bestEnd - 1]! });
        i = bestEnd;
        continue;
      }
      out.push(this.toMatch(n, i, bestEnd, bestKey, bestTargets));
      i = bestEnd;
    }
    return out;
  }

  /**
   * scanRange over both layers: at each start, the matches of both tries in the order of their
   * length, chosen by the rule of the single-trie scan (a longer key wins; one that needs a check
   * wins when it ends at least as far).
   */
  private scanLayered(src: string, opts: MatchOptions, from: number, to: number, startLimit: number, words?: Span[]): Match[] {
    const n = normalizeScratch(src, from, to);
    const before = normalizedUnitBefore(src, from);
    const u = n.units,
      len = n.length,
      starts = n.starts;
    const out: Match[] = [];
    for (let i = 0; i < len; ) {
      if (!this.hasRoot(u[i]!)) {
        i++;
        continue;
      }
      if (starts[i]! >= startLimit) break;
      const count = this.collectFrom(n, i, before, src, opts);
      let best = -1,
        bestEnd = -1;
      for (let f = 0; f < count; f++) {
        if (!(this.flagsOf(this.fKey[f]!) & NEEDS_CHECK) || this.fEnd[f]! >= bestEnd) {
          best = f;
          bestEnd = this.fEnd[f]!;
        }
      }
      if (best < 0) {
        i++;
        continue;
      }
      const k = this.fKey[best]!;
      if (!(this.flagsOf(k) & IS_WORD)) out.push(this.toMatch(n, i, bestEnd, k, this.fTargets[best]!));
      else if (words) words.push({ start: starts[i]!, end: n.ends[bestEnd - 1]! });
      i = bestEnd;
    }
    return out;
  }

  /**
   * The longest term covering source offset `offset` (start ≤ offset < end), plus every shorter term
   * inside it. Null when no term covers the offset.
   */
  matchAt(src: string, offset: number, opts: MatchOptions = {}): { match: Match; inner: Match[] } | null {
    this.build();
    // first a window just wide enough for the longest Chinese term (cheap: few table look-ups)
    const near = this.matchAtWindow(src, offset, opts, Math.min(WINDOW - 1, this.maxHanKey + 8));
    return near !== undefined ? near : this.matchAtWindow(src, offset, opts, WINDOW)!;
  }

  /**
   * matchAt within source [offset - window, offset + window). With the small window the answer
   * may be incomplete (a long term reaching beyond it): then undefined, and the caller retries.
   */
  private matchAtWindow(
    src: string,
    offset: number,
    opts: MatchOptions,
    window: number,
  ): { match: Match; inner: Match[] } | null | undefined {
    let from = Math.max(0, offset - window);
    let to = Math.min(src.length, offset + window);
    if (window < WINDOW) {
      // Cut only between two Han characters, where no whitespace run or pinyin annotation can be
      // split: the window's normalisation is then exactly that part of the whole text's.
      const floor = Math.max(0, offset - WINDOW),
        ceiling = Math.min(src.length, offset + WINDOW);
      while (from > floor && !(isHanUnit(src.charCodeAt(from - 1)) && isHanUnit(src.charCodeAt(from)))) from--;
      while (to < ceiling && !(isHanUnit(src.charCodeAt(to - 1)) && isHanUnit(src.charCodeAt(to)))) to++;
      if ((from > 0 && from === floor) || (to < src.length && to === ceiling)) return undefined;
    }
    const n = normalizeScratch(src, from, to);
    const before = normalizedUnitBefore(src, from);
    let last = -1; // the last normalised unit starting at or before the cursor
    for (let lo = 0, hi = n.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      if (n.starts[mid]! <= offset) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (window < WINDOW) {
      // A term reaching past the window would contain the window's text on that side; if that
      // text has a Han character, the term is at most maxHanKey long: too short to reach past.
      const bound = this.maxHanKey + 2;
      const backward = from === 0 || (last + 1 > bound && hasHan(n.units, 0, last + 1));
      const forward = to === src.length || (n.length - last > bound && hasHan(n.units, last, n.length));
      if (!backward || !forward) return undefined;
    }
    // Pass 1, the winner: only starts whose longest key (plus a suffix) can reach the cursor.
    let best: { i: number; end: number; k: number; targets: KeyTarget[] | null; span: number } | undefined;
    for (let i = Math.max(0, last - this.maxKey - 2); i <= last; i++) {
      const u = n.units[i]!;
      if (!this.hasRoot(u) || i + this.maxLenFrom[u]! + 2 <= last) continue;
      const count = this.collectFrom(n, i, before, src, opts);
      for (let f = 0; f < count; f++) {
        const end = this.fEnd[f]!,
          start = n.starts[i]!,
          stop = n.ends[end - 1]!;
        if (start <= offset && offset < stop && (!best || stop - start > best.span))
          best = { i, end, k: this.fKey[f]!, targets: this.fTargets[f]!, span: stop - start };
      }
    }
    if (!best || this.flagsOf(best.k) & IS_WORD) return null;
    const winner = this.toMatch(n, best.i, best.end, best.k, best.targets);
    // Pass 2: every shorter term inside the winner.
    const inner: Match[] = [];
    for (let i = best.i; i < best.end; i++) {
      if (!this.hasRoot(n.units[i]!)) continue;
      const count = this.collectFrom(n, i, before, src, opts);
      for (let f = 0; f < count; f++) {
        const end = this.fEnd[f]!,
          k = this.fKey[f]!;
        if (end > best.end || (i === best.i && end === best.end && k === best.k) || this.flagsOf(k) & IS_WORD) continue;
        const m = this.toMatch(n, i, end, k, this.fTargets[f]!);
        if (m.end <= winner.end && !sameEntries(m, winner)) inner.push(m);
      }
    }
    return { match: winner, inner: dedupeByEntry(withoutCrossing(inner, winner)) };
  }

  /** Is `text` one of the non-term words (as the index folds it, and not also a term's key)? */
  isWord(text: string): boolean {
    this.build();
    const t = trimWhitespace(text);
    const n = normalizeScratch(t, 0, t.length);
    const count = this.collectFrom(n, 0, 0x20, t, {});
    for (let f = 0; f < count; f++) if (this.fEnd[f] === n.length && this.flagsOf(this.fKey[f]!) & IS_WORD) return true;
    return false;
  }

  /** Entries one of whose keys equals the normalised `term` exactly (plural/possessive allowed). */
  lookup(term: string, opts: MatchOptions = {}): number[] {
    this.build();
    const t = trimWhitespace(term);
    const n = normalizeScratch(t, 0, t.length);
    const count = this.collectFrom(n, 0, 0x20, t, opts);
    const out = new Set<number>();
    for (let f = 0; f < count; f++) {
      if (this.fEnd[f] !== n.length) continue;
      for (const target of this.fTargets[f] ?? this.targetsOf(this.fKey[f]!)) out.add(target.entry);
    }
    return [...out];
  }

  /**
   * Keys starting with `prefix` (normalised), for completion: shortest keys first, at most `limit`.
   * Returns the matching targets and whether the list was cut.
   */
  complete(prefix: string, limit = 50): { targets: KeyTarget[]; incomplete: boolean } {
    this.build();
    const { units, from, to } = normalizeKeyUnits(prefix);
    if (from === to) return { targets: [], incomplete: false };
    const scanLimit = limit * 8;
    let hits = this.completionHits(units, from, to, scanLimit, this.base !== undefined);
    if (this.base) {
      // both layers' keys breadth-first as one trie's: by length, then by key, ours first
      const theirs = this.base.completionHits(units, from, to, scanLimit, true);
      for (const h of theirs) this.fromBase(h.target);
      hits = [...hits.map((h, i) => ({ h, i, layer: 0 })), ...theirs.map((h, i) => ({ h, i, layer: 1 }))]
        .sort((a, b) => a.h.len - b.h.len || (a.h.key < b.h.key ? -1 : a.h.key > b.h.key ? 1 : 0) || a.layer - b.layer || a.i - b.i)
        .slice(0, scanLimit)
        .map((x) => x.h);
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

  /** The targets of the keys below a prefix, breadth-first (shortest keys first), at most `max`. */
  private completionHits(
    units: Uint16Array,
    from: number,
    to: number,
    max: number,
    keyed: boolean,
  ): { len: number; key: string; target: KeyTarget }[] {
    let node = this.rootChild[units[from]!]!;
    for (let q = from + 1; q < to && node >= 0; q++) node = this.child(node, units[q]!);
    if (node < 0) return [];
    const hits: { len: number; key: string; target: KeyTarget }[] = [];
    // each node's key (below the prefix) is kept only when another layer's hits are ordered against these
    let level: { v: number; key: string }[] = [{ v: node, key: '' }],
      len = to - from;
    outer: while (level.length) {
      const nextLevel: { v: number; key: string }[] = [];
      for (const { v, key } of level) {
        const k = this.keyOf[v]!;
        if (k >= 0) {
          for (let t = this.targetStart[k]!; t < this.targetStart[k + 1]!; t++) {
            hits.push({ len, key, target: this.target(t) });
            if (hits.length === max) break outer;
          }
        }
        const c0 = this.firstChild[v]!,
          c1 = c0 + this.childCount[v]!;
        for (let c = c0; c < c1; c++) nextLevel.push({ v: c, key: keyed ? key + String.fromCharCode(this.label[c]!) : '' });
      }
      level = nextLevel;
      len++;
    }
    return hits;
  }

  /** The unique normalised keys, sorted (for benchmarks: the same key set for a baseline). */
  get normalizedKeys(): string[] {
    this.build();
    if (this.base) return [...new Set([...this.ownKeys(), ...this.base.normalizedKeys])].sort();
    return this.ownKeys();
  }

  private ownKeys(): string[] {
    const keys: string[] = [];
    const walk = (node: number, prefix: string) => {
      if (this.keyOf[node]! >= 0) keys.push(prefix);
      const c0 = this.firstChild[node]!,
        c1 = c0 + this.childCount[node]!;
      for (let c = c0; c < c1; c++) walk(c, prefix + String.fromCharCode(this.label[c]!));
    };
    walk(0, '');
    return keys;
  }

  /** Number of unique normalised keys and trie nodes (for benchmarks and diagnostics). */
  get stats(): { keys: number; nodes: number } {
    this.build();
    // layered: the nodes of both tries (a prefix in both is counted twice)
    if (this.base) return { keys: this.normalizedKeys.length, nodes: this.label.length + this.base.label.length };
    return { keys: this.keyCount, nodes: this.label.length };
  }
}

/**
 * Inner terms that cross an inner term at the edge of the match and leave a single character
 * beside them are not in it: 海通证券 is 海通 + 证券, so 证券 (ending where the match ends) is
 * inside it, and 通证 (crossing 证券, leaving 海 and 券) is not. 金融科技 stays in 供应链金融科技平台
 * although it crosses 供应链金融: 供应链 and 平台 stand on their own.
 */
function withoutCrossing(inner: Match[], winner: Match): Match[] {
  const edge = inner.filter((m) => m.start === winner.start || m.end === winner.end);
  if (!edge.length) return inner;
  const crosses = (a: Match, b: Match) =>
    (a.start < b.start && b.start < a.end && a.end < b.end) || (b.start < a.start && a.start < b.end && b.end < a.end);
  // a single character left over beside the term, which no inner term covers, cannot stand alone
  const orphan = (from: number, to: number) => to - from === 1 && !inner.some((m) => m.start === from && m.end === to);
  return inner.filter(
    (m) =>
      m.start === winner.start ||
      m.end === winner.end ||
      !edge.some((e) => crosses(m, e)) ||
      !(orphan(winner.start, m.start) || orphan(m.end, winner.end)),
  );
}

/** Is `tail` the end of `all` (the same objects)? */
function sameTail<T>(all: readonly T[], tail: readonly T[]): boolean {
  const offset = all.length - tail.length;
  if (offset < 0) return false;
  for (let i = 0; i < tail.length; i++) if (all[offset + i] !== tail[i]) return false;
  return true;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
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
      for (const e of fresh) seen.add(e);
      return fresh.length > 0;
    });
}
