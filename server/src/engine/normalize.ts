/**
 * Normalisation for matching, with a map back to the original UTF-16 offsets.
 *
 * The normalised text is what glossary keys are compared against; `starts[i]`/`ends[i]` give the
 * source span (UTF-16 offsets into the original string) that produced normalised code unit `i`,
 * so a match over normalised units [a, b) covers source text [starts[a], ends[b - 1]).
 *
 * Rules (each keeps the map exact):
 *  - full-width ASCII → half-width, ideographic space → space; Latin case-folded;
 *  - Han characters folded per character to simplified (mixed script such as 云計算 matches);
 *  - zero-width characters and soft hyphens dropped;
 *  - hyphens become spaces and whitespace runs collapse to one space (peer-to-peer ≡ peer to peer);
 *  - one soft line break between two Han characters is dropped (hard-wrapped Chinese: 区块⏎链);
 *  - inline pinyin annotations after a Han character (網(wǎng)絡(luò)) are skipped and attributed to that
 *    character; real parentheses such as (PoW) or (1990-2000) are kept.
 */
import { foldHan, isHan } from './fold';

export interface Normalized {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

const ZERO_WIDTH = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const HYPHENS = new Set([0x2d, 0x2010, 0x2011, 0x2012]);
const APOSTROPHES = new Set([0x2019, 0x2bc]);

/** A parenthesised pinyin annotation: lower-case pinyin letters with at least one tone mark. */
const PINYIN_ANNOTATION = /\((?=[a-zêü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,24}\)/y;

function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x3000 || cp === 0xa0 || cp === 0x0b || cp === 0x0c || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f;
}

/** Case- and width-fold one non-Han code point; returns the folded code point. */
function foldOther(cp: number): number {
  if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
  if (cp >= 0x41 && cp <= 0x5a) return cp + 0x20;
  if (cp < 0x80) return cp;
  if (APOSTROPHES.has(cp)) return 0x27;
  if (cp < 0x0530) {
    const lower = String.fromCodePoint(cp).toLowerCase();
    if (lower.length === (cp > 0xffff ? 2 : 1)) return lower.codePointAt(0)!;
  }
  return cp;
}

export function normalizeWithOffsets(src: string, from = 0, to = src.length): Normalized {
  let cap = to - from + 8;
  let out = new Uint16Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let n = 0;
  let lastCp = -1; // last emitted (source) code point, for context rules

  const push = (unit: number, s: number, e: number) => {
    if (n === cap) {
      cap *= 2;
      const o = new Uint16Array(cap); o.set(out); out = o;
      const a = new Int32Array(cap); a.set(starts); starts = a;
      const b = new Int32Array(cap); b.set(ends); ends = b;
    }
    out[n] = unit; starts[n] = s; ends[n] = e; n++;
  };
  const emit = (cp: number, s: number, e: number) => {
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      push(0xd800 + (v >> 10), s, e);
      push(0xdc00 + (v & 0x3ff), s, e);
    } else push(cp, s, e);
  };

  let i = from;
  while (i < to) {
    const cp = src.codePointAt(i)!;
    const len = cp > 0xffff && i + 1 < to ? 2 : 1;
    if (ZERO_WIDTH.has(cp)) { i += len; continue; }
    if (isSpace(cp)) {
      let j = i, newlines = 0;
      while (j < to) {
        const c = src.charCodeAt(j);
        if (!isSpace(c)) break;
        if (c === 0x0a) newlines++;
        j++;
      }
      const next = j < to ? src.codePointAt(j)! : -1;
      if (!(newlines === 1 && isHan(lastCp) && isHan(next))) emit(0x20, i, j);
      lastCp = 0x20;
      i = j;
      continue;
    }
    if (cp === 0x28 && isHan(lastCp) && n > 0) {
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
    if (isHan(cp)) emit(foldHan(cp), i, i + len);
    else if (HYPHENS.has(cp)) emit(0x20, i, i + len);
    else emit(foldOther(cp), i, i + len);
    lastCp = cp;
    i += len;
  }
  return {
    text: decodeUtf16(out, n),
    starts: starts.subarray(0, n),
    ends: ends.subarray(0, n),
  };
}

/** Normalise a glossary key (no offsets needed). */
export function normalizeKey(key: string): string {
  return normalizeWithOffsets(key.trim()).text.trim();
}

function decodeUtf16(units: Uint16Array, n: number): string {
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
