/**
 * Which script a Han character belongs to, and which script a text is written in: defined once
 * for term QA (mixed-script and script-mismatch findings), auto-detection of a document's variant
 * and the CLI. From OpenCC's character tables:
 *
 * - traditional-only: a character that folds to another character (fold.ts: 區 → 区, 裡 → 里);
 * - simplified-only: a character OpenCC's simplified → traditional table changes and never keeps
 *   (区 → 區), and that is no traditional character itself: not the standard form Taiwan or Hong
 *   Kong writes (OpenCC's regional variant tables: 台, 群, 床, 秘 in Taiwan, 台, 温, 户 in Hong
 *   Kong, which its character table turns into 臺, 羣, 牀, 祕, 溫, 戶). Characters both scripts
 *   write (后 as in 皇后, 台, 金) are neither, and say nothing about the script.
 */
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import { foldHan } from './fold';
import { type Text, flat } from './text';

export const NEITHER = 0,
  SIMPLIFIED = 1,
  TRADITIONAL = 2;

let CLASS: Uint8Array | undefined;

function buildClasses(): Uint8Array {
  const cls = new Uint8Array(0x10000);
  for (let u = 0x3400; u < 0x10000; u++) if (foldHan(u) !== u) cls[u] = TRADITIONAL;
  for (const pair of STCharacters.split('|')) {
    const [from, ...to] = pair.split(' ');
    if (from?.length !== 1 || !to.length) continue;
    const u = from.charCodeAt(0);
    if (cls[u] === TRADITIONAL || to.includes(from)) continue;
    cls[u] = SIMPLIFIED;
  }
  // a regional standard form ("台 臺" in Hong Kong's table: 台 is what Hong Kong writes) is a
  // traditional character too, whatever the simplified → traditional table does with it
  for (const dict of [TWVariantsRev, HKVariantsRev])
    for (const pair of dict.split('|')) {
      const from = pair.split(' ')[0];
      if (from?.length === 1 && cls[from.charCodeAt(0)] === SIMPLIFIED) cls[from.charCodeAt(0)] = NEITHER;
    }
  return cls;
}

/** The script class of one UTF-16 unit: NEITHER, SIMPLIFIED or TRADITIONAL (BMP characters only). */
export function scriptClass(unit: number): number {
  CLASS ??= buildClasses();
  return CLASS[unit]!;
}

/** Whether `text` has a character of the class `cls` (SIMPLIFIED or TRADITIONAL): one look-up a unit. */
export function hasScriptClass(text: string, cls: number): boolean {
  CLASS ??= buildClasses();
  const table = CLASS;
  for (let i = 0; i < text.length; i++) if (table[text.charCodeAt(i)] === cls) return true;
  return false;
}

/** How many simplified-only and traditional-only characters `text[from, to)` has. */
export function countScripts(text: Text, from = 0, to = text.length): { simplified: number; traditional: number } {
  CLASS ??= buildClasses();
  const cls = CLASS;
  // the loop reads a string: a PieceText's part is one (its whole text, once per version, for a long part)
  if (typeof text !== 'string') {
    if (to - from > 4096) text = flat(text);
    else {
      text = text.slice(from, to);
      to -= from;
      from = 0;
    }
  }
  let simplified = 0,
    traditional = 0;
  // without branches (SIMPLIFIED is 1, TRADITIONAL 2): the classes of running text follow no pattern
  // a branch predictor could learn, and this loop runs over whole documents
  for (let i = from; i < to; i++) {
    const c = cls[text.charCodeAt(i)]!;
    simplified += c & SIMPLIFIED;
    traditional += c >> 1;
  }
  return { simplified, traditional };
}

/** What a span is written in: `simplified`, `traditional`, `mixed`, or `neither` (no telling characters). */
export type SpanScript = 'simplified' | 'traditional' | 'mixed' | 'neither';

export function spanScript(text: string, from = 0, to = text.length): SpanScript {
  const { simplified, traditional } = countScripts(text, from, to);
  if (simplified && traditional) return 'mixed';
  return simplified ? 'simplified' : traditional ? 'traditional' : 'neither';
}

/**
 * The rule auto-detection uses (documented in the README): at least `MIN_TELLING` characters that
 * only one script writes, and at least `SHARE` of them in one script; otherwise it declines (a
 * short or genuinely mixed document gets no script-mismatch findings, and its variant shows as
 * undecided).
 */
export const MIN_TELLING = 10;
export const SHARE = 0.9;

/** The script a document is written in from its character counts, or undefined when it declines. */
export function decideScript(counts: { simplified: number; traditional: number }): 'zh-Hans' | 'zh-Hant' | undefined {
  const total = counts.simplified + counts.traditional;
  if (total < MIN_TELLING) return undefined;
  if (counts.simplified >= SHARE * total) return 'zh-Hans';
  if (counts.traditional >= SHARE * total) return 'zh-Hant';
  return undefined;
}
