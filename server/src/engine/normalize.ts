/**
 * Normalisation for matching, with a map back to the original UTF-16 offsets.
 *
 * The normalised text is what glossary keys are compared against; `starts[i]`/`ends[i]` give the
 * source span (UTF-16 offsets into the original string) that produced normalised code unit `i`,
 * so a match over normalised units [a, b) covers source text [starts[a], ends[b - 1]).
 *
 * Rules (each keeps the map exact):
 *  - full-width ASCII → half-width, ideographic space → space; Latin case-folded;
 *  - Han characters folded per character to simplified (mixed script such as 云計算 matches), and
 *    variant characters to their standard form (裡/裏 → 里);
 *  - zero-width characters and soft hyphens dropped;
 *  - hyphens count as whitespace, and each run of whitespace and hyphens becomes one space
 *    (peer-to-peer ≡ peer to peer ≡ peer - to - peer); the classes are unicode.ts's;
 *  - a run holding a blank line (two line breaks; CRLF, LF and a lone CR each count as one)
 *    becomes a line feed instead, which no key contains: a paragraph break ends every term;
 *  - one soft line break between two Han characters is dropped (hard-wrapped Chinese: 区块⏎链);
 *  - inline pinyin annotations after a Han character (網(wǎng)絡(luò)) are skipped and attributed to that
 *    character; real parentheses such as (PoW) or (1990-2000) are kept.
 *
 * Speed matters here (every scan starts with this pass), so the per-unit work is one look-up in a
 * 64K table: the folded unit, or a class code for the few units that need a rule.
 */
import { foldHan } from './fold';
import type { Text } from './text';
import { DROP_UNITS, HYPHEN_UNITS, NEWLINE_UNITS, SPACE_UNITS, isHan } from './unicode';

export interface Normalized {
  /** The normalised text (built on first use; the matcher reads `units`). */
  readonly text: string;
  /** The normalised UTF-16 code units. */
  readonly units: Uint16Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

// Class codes, stored in CLASS; 0 = plain unit, fold with FOLD.
const HAN = 1,
  SPACE = 2,
  NEWLINE = 3,
  HYPHEN = 4,
  DROP = 5,
  OPEN_PAREN = 6,
  HIGH = 7;

let FOLD: Uint16Array | undefined;
let CLASS: Uint8Array | undefined;

function buildTables(): void {
  const fold = new Uint16Array(0x10000);
  const cls = new Uint8Array(0x10000);
  for (let u = 0; u < 0x10000; u++) fold[u] = u;
  for (let u = 0xff01; u <= 0xff5e; u++) fold[u] = u - 0xfee0;
  for (let u = 0; u < 0x530; u++) {
    const lower = String.fromCharCode(u).toLowerCase();
    if (lower.length === 1) fold[u] = lower.charCodeAt(0);
  }
  for (let u = 0xff21; u <= 0xff3a; u++) fold[u] = u - 0xfee0 + 0x20;
  fold[0x2019] = fold[0x2bc] = 0x27; // typographic apostrophes → '
  for (const u of HYPHEN_UNITS) cls[u] = HYPHEN; // hyphens are spaces (peer-to-peer)
  for (const u of SPACE_UNITS) cls[u] = SPACE;
  for (const u of NEWLINE_UNITS) cls[u] = NEWLINE;
  for (const u of DROP_UNITS) cls[u] = DROP;
  cls[0x28] = OPEN_PAREN;
  for (let u = 0xd800; u <= 0xdbff; u++) cls[u] = HIGH;
  for (let u = 0x3400; u <= 0xffff; u++) {
    if (isHan(u)) {
      cls[u] = HAN;
      fold[u] = foldHan(u);
    }
  }
  FOLD = fold;
  CLASS = cls;
}

/**
 * A parenthesised pinyin annotation: lower-case pinyin letters with at least one tone mark. Sticky
 * and bounded (at most 24 letters, the look-ahead too), so each attempt reads a bounded span.
 */
const PINYIN_ANNOTATION = /\((?=[a-zêü]{0,23}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,24}\)/y;

// Scratch buffers reused across calls (the engine is single-threaded); results are copied out.
let bufUnits = new Uint16Array(1024);
let bufStarts = new Int32Array(1024);
let bufEnds = new Int32Array(1024);

function ensure(cap: number): void {
  if (bufUnits.length >= cap) return;
  let size = bufUnits.length;
  while (size < cap) size *= 2;
  const u = new Uint16Array(size);
  u.set(bufUnits);
  bufUnits = u;
  const s = new Int32Array(size);
  s.set(bufStarts);
  bufStarts = s;
  const e = new Int32Array(size);
  e.set(bufEnds);
  bufEnds = e;
}

/**
 * Normalise src[from, to) into the scratch buffers; returns the number of units written.
 * Each source unit yields at most one normalised unit, so the buffers never need to grow mid-pass.
 */
function normalizeIntoScratch(src: string, from: number, to: number): number {
  if (!FOLD) buildTables();
  const fold = FOLD!,
    cls = CLASS!;
  ensure(to - from + 2);
  const out = bufUnits,
    starts = bufStarts,
    ends = bufEnds;
  let n = 0;
  let lastHan = false; // was the last emitted source character Han? (soft line break, pinyin rules)
  let i = from;
  while (i < to) {
    const u = src.charCodeAt(i);
    const c = cls[u]!;
    if (c <= HAN) {
      // plain or Han: one folded unit (the common case, kept free of further branches)
      out[n] = fold[u]!;
      starts[n] = i;
      ends[n] = i + 1;
      n++;
      lastHan = c === HAN;
      i++;
      continue;
    }
    if (c === SPACE || c === NEWLINE || c === HYPHEN) {
      // a run of whitespace and hyphens is one space; a run holding a blank line is a paragraph break
      let j = i,
        newlines = 0,
        hyphens = 0;
      while (j < to) {
        const w = src.charCodeAt(j);
        const k = cls[w]!;
        if (k === NEWLINE) newlines += lineBreaks(src, j, to);
        else if (k === HYPHEN) hyphens++;
        else if (k !== SPACE && k !== DROP) break; // zero-width characters inside a run vanish with it
        j++;
      }
      const softBreak = newlines === 1 && hyphens === 0 && lastHan && j < to && isHan(src.codePointAt(j)!);
      if (!softBreak) {
        out[n] = newlines >= 2 ? 0x0a : 0x20;
        starts[n] = i;
        ends[n] = j;
        n++;
      }
      lastHan = false;
      i = j;
      continue;
    }
    if (c === DROP) {
      i++;
      continue;
    }
    if (c === OPEN_PAREN) {
      if (lastHan && n > 0) {
        PINYIN_ANNOTATION.lastIndex = i;
        if (PINYIN_ANNOTATION.test(src) && PINYIN_ANNOTATION.lastIndex <= to) {
          const end = PINYIN_ANNOTATION.lastIndex;
          // attribute the annotation to the annotated character (both code units if astral)
          ends[n - 1] = end;
          if (n > 1 && starts[n - 2] === starts[n - 1]) ends[n - 2] = end;
          i = end;
          continue;
        }
      }
      out[n] = 0x28;
      starts[n] = i;
      ends[n] = i + 1;
      n++;
      lastHan = false;
      i++;
      continue;
    }
    // HIGH: a surrogate pair is one character (folded if it is an astral Han character); a lone
    // high surrogate, or one whose pair is cut by `to`, passes through unchanged.
    const low = i + 1 < to ? src.charCodeAt(i + 1) : 0;
    if (low >= 0xdc00 && low <= 0xdfff) {
      let cp = ((u - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
      const han = isHan(cp);
      if (han) cp = foldHan(cp);
      if (cp > 0xffff) {
        const v = cp - 0x10000;
        out[n] = 0xd800 + (v >> 10);
        starts[n] = i;
        ends[n] = i + 2;
        n++;
        out[n] = 0xdc00 + (v & 0x3ff);
        starts[n] = i;
        ends[n] = i + 2;
        n++;
      } else {
        out[n] = cp;
        starts[n] = i;
        ends[n] = i + 2;
        n++;
      }
      lastHan = han;
      i += 2;
    } else {
      out[n] = u;
      starts[n] = i;
      ends[n] = i + 1;
      n++;
      lastHan = false;
      i++;
    }
  }
  return n;
}

/** The line breaks the line-break unit at `j` counts for: CRLF is one (counted at its LF); U+2029 is a paragraph break by itself. */
function lineBreaks(src: Text, j: number, to: number): number {
  const w = src.charCodeAt(j);
  if (w === 0x2029) return 2;
  return w !== 0x0d || j + 1 >= to || src.charCodeAt(j + 1) !== 0x0a ? 1 : 0;
}

/**
 * Does src[from, to) hold a paragraph break, by the rule normalisation ends terms with: a run of
 * whitespace and hyphens with two line breaks in it (a blank line), or a U+2029?
 */
export function hasParagraphBreak(src: Text, from: number, to: number): boolean {
  if (!FOLD) buildTables();
  const cls = CLASS!;
  let newlines = 0;
  for (let j = from; j < to; j++) {
    const k = cls[src.charCodeAt(j)]!;
    if (k === NEWLINE) {
      newlines += lineBreaks(src, j, to);
      if (newlines >= 2) return true;
    } else if (k !== SPACE && k !== HYPHEN && k !== DROP) newlines = 0;
  }
  return false;
}

/** Where the paragraph holding `offset` starts: after the last paragraph break before it (or `offset - limit`, looking back no further). */
export function paragraphStart(src: Text, offset: number, limit = 20_000): number {
  const floor = Math.max(0, offset - limit);
  if (!FOLD) buildTables();
  const cls = CLASS!;
  // look back for a blank line: a line break, then only whitespace, then another line break
  let newlines = 0;
  for (let j = Math.min(offset, src.length) - 1; j >= floor; j--) {
    const u = src.charCodeAt(j);
    const k = cls[u]!;
    if (k === NEWLINE) {
      // CRLF counts once (at its LF, so skip the CR before an LF)
      if (u === 0x0d && src.charCodeAt(j + 1) === 0x0a) continue;
      newlines += u === 0x2029 ? 2 : 1;
      if (newlines >= 2) {
        // the paragraph starts after the whole run of whitespace
        let k = j + 1;
        while (k < offset && cls[src.charCodeAt(k)]! >= SPACE && cls[src.charCodeAt(k)]! <= DROP) k++;
        return k;
      }
    } else if (k !== SPACE && k !== HYPHEN && k !== DROP) newlines = 0;
  }
  return floor;
}

class NormalizedText implements Normalized {
  private decoded: string | undefined;
  constructor(
    readonly units: Uint16Array,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
  ) {}
  get text(): string {
    return (this.decoded ??= decodeUtf16(this.units, this.units.length));
  }
}

/** Normalised units with their source spans; `length` units are valid (the arrays may be longer). */
export interface ScratchUnits {
  units: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length: number;
}

/**
 * Normalise src[from, to) into shared scratch buffers, without copying: the views are valid only
 * until the next normalisation call. For the matcher's hot path.
 */
export function normalizeScratch(src: string, from: number, to: number): ScratchUnits {
  const length = normalizeIntoScratch(src, from, to);
  return { units: bufUnits, starts: bufStarts, ends: bufEnds, length };
}

export function normalizeWithOffsets(src: string, from = 0, to = src.length): Normalized {
  const n = normalizeIntoScratch(src, from, to);
  return new NormalizedText(bufUnits.slice(0, n), bufStarts.slice(0, n), bufEnds.slice(0, n));
}

/** Normalise a glossary key (no offsets needed). */
export function normalizeKey(key: string): string {
  const { units, from, to } = normalizeKeyUnits(key);
  // most keys are normalised already: then the key itself, no new string
  if (to - from === key.length) {
    let k = 0;
    while (k < key.length && units[from + k] === key.charCodeAt(k)) k++;
    if (k === key.length) return key;
  }
  return decodeUtf16(units.subarray(from, to), to - from);
}

/**
 * Normalise a glossary key into the scratch buffer without making a string: returns [from, to) of
 * the trimmed key's units in `units` (valid until the next normalisation call). A key is one line:
 * a paragraph break inside it counts as a space, so no key contains the paragraph-break unit.
 */
export function normalizeKeyUnits(key: string): { units: Uint16Array; from: number; to: number } {
  const n = normalizeIntoScratch(key, 0, key.length);
  for (let k = 0; k < n; k++) if (bufUnits[k] === 0x0a) bufUnits[k] = 0x20;
  let a = 0,
    b = n;
  while (a < b && bufUnits[a] === 0x20) a++;
  while (b > a && bufUnits[b - 1] === 0x20) b--;
  return { units: bufUnits, from: a, to: b };
}

/** The normalised form of the single source character ending just before `at` (space if none). */
export function normalizedUnitBefore(src: string, at: number): number {
  if (at <= 0) return 0x20;
  if (!FOLD) buildTables();
  const u = src.charCodeAt(at - 1);
  const c = CLASS![u]!;
  if (c === SPACE || c === NEWLINE || c === HYPHEN) return 0x20;
  return FOLD![u]!;
}

function decodeUtf16(units: Uint16Array, n: number): string {
  if (n <= 64) {
    let s = '';
    for (let k = 0; k < n; k++) s += String.fromCharCode(units[k]!);
    return s;
  }
  let s = '';
  const CHUNK = 8192;
  for (let k = 0; k < n; k += CHUNK) {
    s += String.fromCharCode.apply(null, units.subarray(k, Math.min(n, k + CHUNK)) as unknown as number[]);
  }
  return s;
}

export function isLatinWordChar(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || (unit >= 0xe0 && unit <= 0x24f);
}
