/**
 * Which keys stand for an entry: every Chinese form (simplified, traditional, Taiwan, Hong Kong,
 * aliases), every English form with its hyphen-joined and irregular-plural variants, and every
 * abbreviation (kept with its exact spelling for the acronym case rule).
 */
import type { GlossaryEntry } from './entry';
import { isHanUnit, isWhitespaceUnit, toHalfWidth } from './unicode';

/** What a key stands for: an entry, the form as written in the glossary, and its kind. */
export interface KeyTarget {
  entry: number;
  /** The form as written in the glossary (for completion labels and diagnostics). */
  form: string;
  kind: 'zh' | 'en' | 'abbr';
  /**
   * The spelling the source must have: for acronyms, the exact (width-folded) spelling; for a
   * Taiwan or Hong Kong form, the form itself (its Han characters as written, none folded).
   */
  exact?: string;
}

export const KINDS: KeyTarget['kind'][] = ['zh', 'en', 'abbr'];
export const ZH = 0,
  EN = 1,
  ABBR = 2;

export type AddKey = (keyForm: string, entry: number, kind: number, form: string, exact?: string) => void;

/** The keys of one entry: every Chinese form, English form (with variants) and abbreviation. */
export function addEntryKeys(entry: GlossaryEntry, index: number, add: AddKey): void {
  const { zhHans, zhHant, zhTw, zhHk } = entry;
  // regional forms are often identical strings: normalise each distinct one once
  if (zhHans) add(zhHans, index, ZH, zhHans);
  if (zhHant && zhHant !== zhHans) add(zhHant, index, ZH, zhHant);
  // a Taiwan or Hong Kong form counts only written as that region writes it: folded, Taiwan's 權益
  // (owners' equity) would be every simplified 权益 (rights)
  if (zhTw && zhTw !== zhHant && zhTw !== zhHans) add(zhTw, index, ZH, zhTw, zhTw);
  if (zhHk && zhHk !== zhHant && zhHk !== zhHans && zhHk !== zhTw) add(zhHk, index, ZH, zhHk, zhHk);
  for (const form of entry.zhAliases) if (form) add(form, index, ZH, form);
  // Chinese typesetting often puts a space between Latin and Han (AI 芯片, GPU 虚拟化), often not
  for (const form of [zhHans, ...entry.zhAliases]) {
    if (!form || !hasLatinAndHan(form)) continue;
    for (const variant of latinHanSpacings(form)) if (variant !== form) add(variant, index, ZH, form);
  }
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

const isLatinOrDigit = (u: number) => (u >= 0x61 && u <= 0x7a) || (u >= 0x41 && u <= 0x5a) || (u >= 0x30 && u <= 0x39);

/** Does the form have both a Latin letter or digit and a Han character (so a boundary to space or join)? */
function hasLatinAndHan(form: string): boolean {
  let latin = false,
    han = false;
  for (let i = 0; i < form.length && !(latin && han); i++) {
    const u = form.charCodeAt(i);
    latin ||= isLatinOrDigit(u);
    han ||= isHanUnit(u);
  }
  return latin && han;
}

/** Is a|b a boundary between a Latin letter or digit and a Han character (either order)? */
const latinHanBoundary = (a: number, b: number) => (isLatinOrDigit(a) && isHanUnit(b)) || (isHanUnit(a) && isLatinOrDigit(b));

/**
 * The form with no whitespace at a Latin/Han boundary (ESG 投资 → ESG投资): a run of whitespace
 * there is dropped, any other kept. A form with no whitespace in it is itself (no new string).
 */
export function latinHanJoined(form: string): string {
  let first = 0;
  while (first < form.length && !isWhitespaceUnit(form.charCodeAt(first))) first++;
  if (first === form.length) return form;
  let joined = form.slice(0, first);
  for (let i = first; i < form.length; ) {
    let j = i;
    while (j < form.length && isWhitespaceUnit(form.charCodeAt(j))) j++;
    if (j === i) {
      while (j < form.length && !isWhitespaceUnit(form.charCodeAt(j))) j++;
      joined += form.slice(i, j);
    } else if (!(i > 0 && j < form.length && latinHanBoundary(form.charCodeAt(i - 1), form.charCodeAt(j)))) joined += form.slice(i, j);
    i = j;
  }
  return joined;
}

/** The form with spaces at every Latin/Han boundary, and with none there. */
export function latinHanSpacings(form: string): string[] {
  const joined = latinHanJoined(form);
  let spaced = '';
  for (let i = 0; i < joined.length; i++)
    spaced += (i > 0 && latinHanBoundary(joined.charCodeAt(i - 1), joined.charCodeAt(i)) ? ' ' : '') + joined[i];
  return [joined, spaced];
}

/** Full-width ASCII to ASCII (the spelling an acronym is compared with). */
export function normalizeWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(toHalfWidth(s.charCodeAt(i)));
  return out;
}
