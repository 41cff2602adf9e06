/**
 * All term occurrences of one document (leftmost-longest, non-overlapping, sorted), kept current
 * on edits by rescanning only the region an edit touched, so hover, diagnostics and inlay hints
 * can share one index instead of each scanning the whole document.
 *
 * Why a local rescan gives exactly what a full scan would: the scan is a greedy left-to-right
 * parse, so its state at an offset p is only "is p inside a span it took": an occurrence, or a
 * non-term word it stepped over (words.yaml's 非核心系统, which keeps 核心系统 from matching inside
 * it). If the rescan starts at an offset that no old span straddles and that is far enough before
 * the edit that no term starting earlier can reach it, the parse up to there is unchanged; after the
 * edit, the rescan continues until its next restart point P is not straddled by any (shifted) old
 * span — from P on, the text and the parse state are the same as before, so the old occurrences
 * are reused. The words' spans are kept for this alone.
 */
import { MATCH_AT_REACH, type Match, type MatchOptions, type Span, type TermIndex } from './matcher';
import { type Text, flat } from './text';
import { isHanUnit } from './unicode';

export interface EditRegion {
  /** The rescanned source range [from, to) in the new text. */
  from: number;
  to: number;
}

export class DocumentIndex {
  /** Undefined until someone asks for occurrences: hover alone never pays for a full scan. */
  private occ: Match[] | undefined;
  /**
   * The non-term words the scan stepped over (glossary/words.yaml: 非核心系统 keeps 核心系统 from
   * matching inside it). They are no occurrences, but a rescan must not start inside one either.
   */
  private words: Span[] = [];
  private text_: Text = '';
  /** The range the last update rescanned (for tests and benchmarks). */
  lastRescan: EditRegion = { from: 0, to: 0 };

  constructor(
    readonly terms: TermIndex,
    text: Text,
    private opts: MatchOptions = {},
  ) {
    this.reset(text);
  }

  get text(): Text {
    return this.text_;
  }

  /** All occurrences, sorted by start. Read-only, and only valid until the next update. */
  get occurrences(): readonly Match[] {
    return this.all();
  }

  private all(): Match[] {
    if (!this.occ) {
      this.words = [];
      const text = flat(this.text_);
      this.occ = this.terms.scanRange(text, this.opts, 0, text.length, text.length, this.words);
      this.lastRescan = { from: 0, to: this.text_.length };
    }
    return this.occ;
  }

  /**
   * How far (in source UTF-16 units) a term can reach: the longest key, allowing for skipped
   * pinyin annotations, collapsed whitespace and a plural/possessive suffix.
   */
  get margin(): number {
    return this.terms.maxKeyLength * 8 + 32;
  }

  /** Start over (new text, or new matching options); the next read rescans. */
  reset(text: Text, opts: MatchOptions = this.opts): void {
    this.text_ = text;
    this.opts = opts;
    this.occ = undefined;
    this.words = [];
  }

  setOptions(opts: MatchOptions): void {
    if (!!opts.acronymsCaseInsensitive !== !!this.opts.acronymsCaseInsensitive) this.reset(this.text_, opts);
  }

  /**
   * The document changed to `text`: old [start, oldEnd) was replaced by new [start, newEnd).
   * Several changes of one notification are applied one by one, each against the previous text.
   */
  update(text: Text, start: number, oldEnd: number, newEnd: number): void {
    this.text_ = text;
    const old = this.occ,
      oldWords = this.words;
    if (!old) return; // not scanned yet: the first read scans the current text
    const delta = newEnd - oldEnd;
    const margin = this.margin;

    // Left restart point: far enough before the edit, inside no occurrence and no non-term word,
    // and at a place where normalisation needs no context from before it (see safeStart).
    let from = Math.max(0, start - margin);
    let left: number, leftWord: number;
    for (;;) {
      left = firstEndingAfter(old, from); // old occurrences [0, left) end at or before `from`
      leftWord = firstEndingAfter(oldWords, from);
      let p = from;
      const o = old[left],
        w = oldWords[leftWord];
      if (o && o.start < p) p = o.start; // straddled: restart where it starts
      if (w && w.start < p) p = w.start;
      p = safeStart(text, p);
      if (p === from) break;
      from = p;
    }

    // Old spans wholly after the edit, shifted into new coordinates, are reusable.
    let right = firstStartingAtOrAfter(old, oldEnd);
    let rightWord = firstStartingAtOrAfter(oldWords, oldEnd);
    let limit = Math.min(text.length, newEnd + margin);
    let fresh: Match[];
    let freshWords: Span[];
    let restart: number;
    for (;;) {
      freshWords = [];
      fresh = scanWindow(this.terms, text, this.opts, from, Math.min(text.length, limit + margin), limit, freshWords);
      // the fresh parse is at rest at `restart`: past `limit` and past the last span it took
      restart = Math.max(limit, fresh.at(-1)?.end ?? 0, freshWords.at(-1)?.end ?? 0);
      // skip old spans that the rescanned region replaces; rescan further if one straddles `restart`
      right = skipEndingBy(old, right, delta, restart);
      rightWord = skipEndingBy(oldWords, rightWord, delta, restart);
      const o = old[right],
        w = oldWords[rightWord];
      const straddles = (s: Span | undefined) => s !== undefined && s.start + delta < restart;
      if (straddles(o) || straddles(w)) {
        // the parse is not in step yet: rescan past the straddling span(s)
        limit = Math.max(straddles(o) ? o!.end + delta : 0, straddles(w) ? w!.end + delta : 0);
        continue;
      }
      break;
    }

    // Spans are updated in place (an occurrence list is only valid until the next edit).
    if (delta !== 0) {
      for (let k = right; k < old.length; k++) shift(old[k]!, delta);
      for (let k = rightWord; k < oldWords.length; k++) shift(oldWords[k]!, delta);
    }
    this.occ = replace(old, left, right, fresh);
    this.words = replace(oldWords, leftWord, rightWord, freshWords);
    this.lastRescan = { from, to: restart };
  }

  /** Occurrences overlapping source [from, to), in order. */
  occurrencesIn(from: number, to: number): Match[] {
    const out: Match[] = [];
    const occ = this.all();
    for (let k = firstEndingAfter(occ, from); k < occ.length && occ[k]!.start < to; k++) out.push(occ[k]!);
    return out;
  }

  /**
   * The longest term covering `offset`, with the shorter terms inside it (see TermIndex.matchAt). A
   * text that is not one string gives matchAt the part of it matchAt reads (a hover after an edit
   * joins no pieces).
   */
  termAt(offset: number): { match: Match; inner: Match[] } | null {
    const text = this.text_;
    if (typeof text === 'string') return this.terms.matchAt(text, offset, this.opts);
    const base = Math.max(0, offset - MATCH_AT_REACH - WINDOW_PAD);
    const part = text.slice(base, Math.min(text.length, offset + MATCH_AT_REACH + WINDOW_PAD));
    const found = this.terms.matchAt(part, offset - base, this.opts);
    if (found && base > 0) for (const m of [found.match, ...found.inner]) shift(m, base);
    return found;
  }
}

/**
 * How far before and after a rescanned region the window of text the scan is given reaches: the
 * scan reads the unit before its start (does a Latin term there start a word?), and a little more
 * costs nothing.
 */
const WINDOW_PAD = 8;

/**
 * scanRange over source [from, to) of a text that may not be one string: the scan reads a string,
 * so it is given the part of the text it reads (with WINDOW_PAD around it) and its spans are moved
 * back into the text's offsets. A string is scanned as it is.
 */
function scanWindow(
  terms: TermIndex,
  text: Text,
  opts: MatchOptions,
  from: number,
  to: number,
  startLimit: number,
  words: Span[],
): Match[] {
  if (typeof text === 'string') return terms.scanRange(text, opts, from, to, startLimit, words);
  const base = Math.max(0, from - WINDOW_PAD);
  const part = text.slice(base, Math.min(text.length, to + WINDOW_PAD));
  const w = words.length;
  const found = terms.scanRange(part, opts, from - base, to - base, startLimit - base, words);
  if (base > 0) {
    for (const m of found) shift(m, base);
    for (let k = w; k < words.length; k++) shift(words[k]!, base);
  }
  return found;
}

/** Shift a reused span; an occurrence's entries/forms arrays are shared, so only offsets change. */
function shift(m: Span, delta: number): void {
  m.start += delta;
  m.end += delta;
}

/** From index `k` on, the first old span that does not end by `restart` once shifted by `delta`. */
function skipEndingBy(spans: readonly Span[], k: number, delta: number, restart: number): number {
  while (k < spans.length && spans[k]!.start + delta < restart && spans[k]!.end + delta <= restart) k++;
  return k;
}

/** spans[left, right) replaced by `fresh`: in place when that is cheap, else by copying. */
function replace<T>(spans: T[], left: number, right: number, fresh: T[]): T[] {
  if (fresh.length < 10_000) {
    spans.splice(left, right - left, ...fresh);
    return spans;
  }
  return spans.slice(0, left).concat(fresh, spans.slice(right));
}

/** Index of the first span (occurrence, range, finding; sorted by position) with end > offset. */
export function firstEndingAfter(occ: readonly { end: number }[], offset: number): number {
  let lo = 0,
    hi = occ.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (occ[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first span (sorted by position) with start >= offset. */
export function firstStartingAtOrAfter(occ: readonly { start: number }[], offset: number): number {
  let lo = 0,
    hi = occ.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (occ[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const isAsciiSpace = (u: number) => u === 0x20 || u === 0x09 || u === 0x0a || u === 0x0d;
const isAsciiWordStart = (u: number) => (u >= 0x61 && u <= 0x7a) || (u >= 0x41 && u <= 0x5a) || (u >= 0x30 && u <= 0x39);

/**
 * The nearest offset at or before `p` where normalising can start without knowing what came
 * before: between two Han characters (no whitespace run, soft line break or pinyin annotation can
 * be cut there), or at a word after an ASCII space. Falls back to the start of the text.
 */
function safeStart(text: Text, p: number): number {
  for (; p > 0; p--) {
    const cur = text.charCodeAt(p),
      prev = text.charCodeAt(p - 1);
    if (isHanUnit(cur) && isHanUnit(prev)) return p;
    if (isAsciiWordStart(cur) && isAsciiSpace(prev)) return p;
  }
  return 0;
}
