// Traditional, Taiwan and Hong Kong forms of an entry, generated with OpenCC (the engine's one
// conversion path) and checked.
import { convertLocale } from '../../../server/src/engine/convert';

const cn2t = (s: string) => convertLocale(s, 'cn', 't');
const t2twp = (s: string) => convertLocale(s, 't', 'twp');
const t2hk = (s: string) => convertLocale(s, 't', 'hk');
const t2cn = (s: string) => convertLocale(s, 't', 'cn');
const hk2t = (s: string) => convertLocale(s, 'hk', 't');
const tw2cn = (s: string) => convertLocale(s, 'twp', 'cn');

export const toTraditional = (s: string): string => cn2t(s);
/** Any traditional (OpenCC, Taiwan or HK) text → simplified, character by character where possible. */
export const toSimplified = (s: string): string => t2cn(s);
/** Does a Hong Kong form differ from the traditional one only by HK glyph standard (賬户 vs 賬戶)? */
export const glyphOnlyHk = (hk: string, hant: string): boolean => hk !== hant && hk2t(hk) === hant;
/** Taiwan phrasing (軟體, 資料庫) → mainland simplified (软件, 数据库). */
export const fromTaiwan = (s: string): string => tw2cn(s);

/** The three generated forms of an entry. */
export type FormName = 'hant' | 'tw' | 'hk';
export type Forms = Record<FormName, string>;

/**
 * Generated forms that need a person's decision. OpenCC is right most of the time; these are the
 * places where its choice is a legitimate variant that the regions do not use in this field.
 */
export const SUSPICIOUS_FORMS: { forms: FormName[]; re: RegExp; why: string }[] = [
  { forms: ['hant', 'tw', 'hk'], re: /覈/, why: 'OpenCC writes 覈 for 核 (覈保, 覈查, 審覈); Taiwan and Hong Kong write 核' },
  { forms: ['hant', 'tw', 'hk'], re: /瞭解/, why: 'OpenCC writes 瞭解 for 了解; 了解 is the usual form in Taiwan and Hong Kong' },
  { forms: ['tw'], re: /釋出/, why: 'OpenCC `twp` turns 发布 into 釋出 (software release); publishing a report or rule is 發布 in Taiwan' },
  { forms: ['tw'], re: /賬/, why: 'Taiwan writes 帳 in accounts and transfers (帳戶, 轉帳); OpenCC keeps 賬' },
  { forms: ['hant', 'tw', 'hk'], re: /髮/, why: '髮 is hair; 发 in finance is 發' },
  { forms: ['hant', 'tw', 'hk'], re: /乾/, why: '乾 (dry) for 干: check it is not 干預/干擾/若干' },
];

/**
 * The forms of a simplified term under the regional policy (glossary/REGIONAL.md):
 * - traditional: OpenCC `t`, or the reviewed `hant`;
 * - Taiwan: the reviewed `tw`, else the traditional form. OpenCC `twp` output that differs from the
 *   traditional form is only a *candidate* (returned in `candidates`, neither shown nor matched);
 * - Hong Kong: the reviewed `hk`, else the traditional form (no glyph-only candidates).
 * A reviewed form equal to OpenCC's output is a confirmation. `review` lists suspicious forms
 * (the traditional form, and the Taiwan form or candidate) that no reviewed form covers; `noop`
 * names a `hant` that is what OpenCC gives anyway (unless the checks above question it).
 */
export function formsOf(
  zh: string,
  overrides: Partial<Forms> = {},
): Forms & {
  generated: Forms;
  review: { form: FormName; value: string; why: string }[];
  noop: FormName[];
  /** Taiwan vocabulary OpenCC suggests that no person has reviewed yet. */
  candidates: Partial<Forms>;
} {
  const genHant = cn2t(zh);
  const hant = overrides.hant ?? genHant;
  const genTw = t2twp(hant);
  const tw = overrides.tw ?? hant;
  const hk = overrides.hk ?? hant;
  const candidates: Partial<Forms> = overrides.tw === undefined && genTw !== hant ? { tw: genTw } : {};
  const review: { form: FormName; value: string; why: string }[] = [];
  // the checks look at what a person would be shown or asked to confirm: the Taiwan candidate too
  const values: Forms = { hant, tw: overrides.tw ?? genTw, hk };
  for (const rule of SUSPICIOUS_FORMS) {
    for (const f of rule.forms) {
      if (overrides[f] !== undefined || !rule.re.test(values[f])) continue;
      // an override of hant already records a decision about the character for all three
      if (f !== 'hant' && overrides.hant !== undefined && !rule.re.test(genHant)) continue;
      if (review.some((r) => r.why === rule.why)) continue;
      review.push({ form: f, value: values[f], why: rule.why });
    }
  }
  // a traditional override that changes nothing is a sign the author misread what OpenCC gives,
  // unless it confirms a generated form that the rules above would question (a reviewed 瞭解 stays);
  // a regional form equal to OpenCC's is a confirmation, never a no-op
  const questioned = SUSPICIOUS_FORMS.some((r) => r.forms.includes('hant') && r.re.test(genHant));
  const noop: FormName[] = overrides.hant !== undefined && overrides.hant === genHant && !questioned ? ['hant'] : [];
  return { hant, tw, hk, generated: { hant: genHant, tw: t2twp(genHant), hk: t2hk(genHant) }, review, noop, candidates };
}
