// What counts as a Han character, for the builder: the engine's definition (isHan, exported by
// server/src/engine/fold.ts), never a range of our own. Regular expressions that need a Han class
// use HAN, built here from that predicate, with the `u` flag.
import { isHan } from '../../../server/src/engine/fold';

/** Is the first code point of `ch` Han? (false for undefined or '') */
export function isHanChar(ch: string | undefined): boolean {
  const cp = ch?.codePointAt(0);
  return cp !== undefined && isHan(cp);
}

/** The code point ranges the engine's isHan accepts, as the body of a character class: `[${HAN}]` (flag `u`). */
export const HAN: string = (() => {
  const hex = (cp: number) => `\\u{${cp.toString(16)}}`;
  const ranges: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (!isHan(cp)) continue;
    const from = cp;
    while (cp + 1 <= 0x10ffff && isHan(cp + 1)) cp++;
    ranges.push(from === cp ? hex(from) : `${hex(from)}-${hex(cp)}`);
  }
  return ranges.join('');
})();

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
