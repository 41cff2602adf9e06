// Traditional, Taiwan and Hong Kong forms of an entry, generated with OpenCC (the engine's one
// conversion path) and checked.
import { convertLocale } from '../../../server/src/engine/convert';

const cn2t = (s: string) => convertLocale(s, 'cn', 't');
const t2twp = (s: string) => convertLocale(s, 't', 'twp');
const t2hk = (s: string) => convertLocale(s, 't', 'hk');
const t2cn = (s: string) => convertLocale(s, 't', 'cn');
const tw2cn = (s: string) => convertLocale(s, 'twp', 'cn');

export const toTraditional = (s: string): string => cn2t(s);
/** Any traditional (OpenCC, Taiwan or HK) text → simplified, character by character where possible. */
export const toSimplified = (s: string): string => t2cn(s);
/** Taiwan phrasing (軟體, 資料庫) → mainland simplified (软件, 数据库). */
export const fromTaiwan = (s: string): string => tw2cn(s);

/** The three generated forms of an entry. */
export type FormName = 'hant' | 'tw' | 'hk';
export type Forms = Record<FormName, string>;
const FORM_NAMES: FormName[] = ['hant', 'tw', 'hk'];

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
 * Generate the forms of a simplified term and apply the reviewed overrides. Overrides propagate:
 * a corrected traditional form is the base of the Taiwan and Hong Kong forms unless those are
 * overridden too. Returns { hant, tw, hk, generated, review } where review lists suspicious
 * generated forms that no override covers.
 */
export function formsOf(
  zh: string,
  overrides: Partial<Forms> = {},
): Forms & { generated: Forms; review: { form: FormName; value: string; why: string }[]; noop: FormName[] } {
  const genHant = cn2t(zh);
  const hant = overrides.hant ?? genHant;
  const genTw = t2twp(hant);
  const genHk = t2hk(hant);
  const tw = overrides.tw ?? genTw;
  const hk = overrides.hk ?? genHk;
  const review: { form: FormName; value: string; why: string }[] = [];
  const values: Forms = { hant, tw, hk };
  for (const rule of SUSPICIOUS_FORMS) {
    for (const f of rule.forms) {
      if (overrides[f] !== undefined || !rule.re.test(values[f])) continue;
      // an override of hant already records a decision about the character for all three
      if (f !== 'hant' && overrides.hant !== undefined && !rule.re.test(genHant)) continue;
      if (review.some((r) => r.why === rule.why)) continue;
      review.push({ form: f, value: values[f], why: rule.why });
    }
  }
  // an override that changes nothing is a sign the author misread what OpenCC gives, unless it
  // confirms a generated form that the rules above would question (a reviewed 瞭解 stays)
  const generatedValues: Forms = { hant: genHant, tw: genTw, hk: genHk };
  const questioned = (f: FormName) => SUSPICIOUS_FORMS.some((r) => r.forms.includes(f) && r.re.test(generatedValues[f]));
  const noop = FORM_NAMES.filter((f) => overrides[f] !== undefined && overrides[f] === generatedValues[f] && !questioned(f));
  return { hant, tw, hk, generated: { hant: genHant, tw: t2twp(genHant), hk: t2hk(genHant) }, review, noop };
}
