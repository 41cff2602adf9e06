/**
 * Which keys stand for an entry: every Chinese form (simplified, traditional, Taiwan, Hong Kong,
 * aliases), every English form with its hyphen-joined and irregular-plural variants, and every
 * abbreviation (kept with its exact spelling for the acronym case rule).
 */
import type { GlossaryEntry } from './entry';
import type { KeyTarget } from './matcher';

export const KINDS: KeyTarget['kind'][] = ['zh', 'en', 'abbr'];
export const ZH = 0, EN = 1, ABBR = 2;

export type AddKey = (keyForm: string, entry: number, kind: number, form: string, exact?: string) => void;

/** The keys of one entry: every Chinese form, English form (with variants) and abbreviation. */
export function addEntryKeys(entry: GlossaryEntry, index: number, add: AddKey): void {
  const { zhHans, zhHant, zhTw, zhHk } = entry;
  // regional forms are often identical strings: normalise each distinct one once
  if (zhHans) add(zhHans, index, ZH, zhHans);
  if (zhHant && zhHant !== zhHans) add(zhHant, index, ZH, zhHant);
  if (zhTw && zhTw !== zhHant && zhTw !== zhHans) add(zhTw, index, ZH, zhTw);
  if (zhHk && zhHk !== zhHant && zhHk !== zhHans && zhHk !== zhTw) add(zhHk, index, ZH, zhHk);
  for (const form of entry.zhAliases) if (form) add(form, index, ZH, form);
  // Chinese typesetting often puts a space between Latin and Han (AI 芯片, GPU 虚拟化), often not
  for (const form of [zhHans, ...entry.zhAliases]) {
    if (!form || !LATIN_HAN.test(form)) continue;
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

const LATIN_HAN = /[A-Za-z0-9]\s*[\u3400-\u9fff]|[\u3400-\u9fff]\s*[A-Za-z0-9]/;

/** The form with spaces at every Latin/Han boundary, and with none there. */
export function latinHanSpacings(form: string): string[] {
  const joined = form.replace(/(?<=[A-Za-z0-9])\s+(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])\s+(?=[A-Za-z0-9])/g, '');
  const spaced = joined.replace(/(?<=[A-Za-z0-9])(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])(?=[A-Za-z0-9])/g, ' ');
  return [joined, spaced];
}

/** Full-width ASCII to ASCII (the spelling an acronym is compared with). */
export function normalizeWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
