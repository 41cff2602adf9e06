/**
 * The English side of matching, checked against the normalised units and the source: where a
 * Latin key may end (word boundary, plural or possessive suffix) and whether an acronym is written
 * in its exact case.
 */
import { isLatinWordChar, type ScratchUnits } from './normalize';
import { isSeparatorUnit, toHalfWidth } from './unicode';

const SUFFIXES = ["'s", 'es', 's', "s'"];

/**
 * Where a Latin key matched up to normalised `end` may end: at a word boundary, or after a plural
 * or possessive suffix (the longest that fits); -1 when neither.
 */
export function latinEnd(n: ScratchUnits, end: number): number {
  let validEnd = -1;
  if (end >= n.length || !isLatinWordChar(n.units[end]!)) validEnd = end;
  for (const suffix of SUFFIXES) {
    const e = end + suffix.length;
    if (e > n.length || (e < n.length && isLatinWordChar(n.units[e]!))) continue;
    let ok = true;
    for (let s = 0; s < suffix.length; s++)
      if (n.units[end + s] !== suffix.charCodeAt(s)) {
        ok = false;
        break;
      }
    if (ok && e > validEnd) validEnd = e;
  }
  return validEnd;
}

/**
 * Does the source text behind normalised [i, end) spell `exact` (after width folding), ignoring
 * spaces and hyphens on both sides (e-CNY, eCNY and e CNY all spell e-CNY)?
 */
export function exactCase(src: string, n: ScratchUnits, i: number, end: number, exact: string): boolean {
  let p = 0;
  for (let k = i; k < end; k++) {
    if (k > i && n.starts[k] === n.starts[k - 1]) continue;
    for (let q = n.starts[k]!; q < n.ends[k]!; q++) {
      const c = toHalfWidth(src.charCodeAt(q));
      if (isSeparatorUnit(c)) continue;
      while (p < exact.length && isSeparatorUnit(exact.charCodeAt(p))) p++;
      if (p >= exact.length || exact.charCodeAt(p) !== c) return false;
      p++;
    }
  }
  while (p < exact.length && isSeparatorUnit(exact.charCodeAt(p))) p++;
  return p === exact.length;
}
