// The engine's character classes, for the builder (server/src/engine/unicode.ts): what is a Han
// character and what is whitespace. Never a range of our own: regular expressions that need a Han
// class use HAN, built here from the engine's predicate (with the `u` flag).
import { collapseWhitespace, isHan, isWhitespaceUnit, trimWhitespace } from '../../../server/src/engine/unicode';

/** Is the first code point of `ch` Han? (false for undefined or '') */
export function isHanChar(ch: string | undefined): boolean {
  const cp = ch?.codePointAt(0);
  return cp !== undefined && isHan(cp);
}

/** The code points a predicate accepts, as the body of a character class (for a `u`-flag RegExp). */
function classOf(accepts: (cp: number) => boolean): string {
  const hex = (cp: number) => `\\u{${cp.toString(16)}}`;
  const ranges: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (!accepts(cp)) continue;
    const from = cp;
    while (cp + 1 <= 0x10ffff && accepts(cp + 1)) cp++;
    ranges.push(from === cp ? hex(from) : `${hex(from)}-${hex(cp)}`);
  }
  return ranges.join('');
}

/** The code points the engine's isHan accepts, as the body of a character class: `[${HAN}]` (flag `u`). */
export const HAN: string = classOf(isHan);

const HAN_ANY = new RegExp(`[${HAN}]`, 'u');
const HAN_ALL = new RegExp(`[${HAN}]`, 'gu');

/** Does `s` contain a Han character? */
export function hasHan(s: string): boolean {
  return HAN_ANY.test(s);
}

/** How many Han characters `s` has. */
export function countHan(s: string): number {
  return s.match(HAN_ALL)?.length ?? 0;
}

/** The engine's whitespace (line breaks included), as the body of a character class: `[${WHITESPACE}]` (flag `u`). */
export const WHITESPACE: string = classOf((cp) => cp <= 0xffff && isWhitespaceUnit(cp));

const WHITESPACE_RUNS = new RegExp(`[${WHITESPACE}]+`, 'gu');

/** Is `ch` whitespace, as the engine defines it? */
export function isWhitespaceChar(ch: string): boolean {
  return ch.length === 1 && isWhitespaceUnit(ch.charCodeAt(0));
}

/** `s` without its whitespace (for comparisons that ignore it, such as quotations). */
export function withoutWhitespace(s: string): string {
  return s.replace(WHITESPACE_RUNS, '');
}

/** Each whitespace run as one space, trimmed (the engine's collapseWhitespace; control characters go too). */
export const squeezeWhitespace: (s: string) => string = collapseWhitespace;

/** `s` without whitespace and control characters at its ends (the engine's trimWhitespace). */
export const trimBlank: (s: string) => string = trimWhitespace;
