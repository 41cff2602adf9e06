/**
 * Per-character script folding: every traditional or variant character is mapped to the simplified
 * character OpenCC would give for it in isolation, so that simplified, traditional and mixed-script
 * spellings of a term (区块链 / 區塊鏈 / 区塊鏈) normalise to the same key.
 *
 * Phrase-level vocabulary differences (軟體 ⇄ 软件) are NOT handled here: they need extra keys.
 */
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import type { ScratchUnits } from './normalize';
import { isHanOrSurrogate, isHanUnit } from './unicode';

/** opencc-js dictionaries are "from to [alt…]|from to…" strings. */
function parseCharDict(dict: string): Map<number, number> {
  const map = new Map<number, number>();
  for (const pair of dict.split('|')) {
    const [from, to] = pair.split(' ');
    if (!from || !to) continue;
    const fromCp = from.codePointAt(0)!;
    const toCp = to.codePointAt(0)!;
    // only single code point → single code point pairs are character folds
    if (String.fromCodePoint(fromCp) !== from || String.fromCodePoint(toCp) !== to) continue;
    if (!map.has(fromCp)) map.set(fromCp, toCp);
  }
  return map;
}

let foldTable: Map<number, number> | undefined;

function buildFoldTable(): Map<number, number> {
  const variants = parseCharDict(TWVariantsRev);
  for (const [k, v] of parseCharDict(HKVariantsRev)) if (!variants.has(k)) variants.set(k, v);
  const toSimplified = parseCharDict(TSCharacters);
  const table = new Map<number, number>(toSimplified);
  for (const [variant, standard] of variants) {
    const folded = toSimplified.get(standard) ?? standard;
    if (folded !== variant) table.set(variant, folded);
  }
  return table;
}

/** The simplified code point a Han code point folds to (itself when there is none). */
export function foldHan(cp: number): number {
  foldTable ??= buildFoldTable();
  return foldTable.get(cp) ?? cp;
}

export { isHan } from './unicode';

/** Does units[a, b) contain a (BMP) Han character? */
export function hasHan(units: Uint16Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    if (isHanUnit(units[i]!)) return true;
  }
  return false;
}

/**
 * Does the source text behind normalised [i, end) write the Han characters of `form` as `form`
 * writes them, none folded (權益, not 权益 or 权益's mixed spellings)? Everything else in the
 * match (Latin, spaces, a pinyin annotation) is the normalisation's business and not compared.
 */
export function writtenAs(src: string, n: ScratchUnits, i: number, end: number, form: string): boolean {
  let p = 0;
  for (let k = i; k < end; k++) {
    if (!isHanOrSurrogate(n.units[k]!)) continue;
    // an astral character is two units with one source span: its high, then its low half
    const s = src.charCodeAt(n.starts[k]! + (k > i && n.starts[k] === n.starts[k - 1] ? 1 : 0));
    while (p < form.length && !isHanOrSurrogate(form.charCodeAt(p))) p++;
    if (form.charCodeAt(p) !== s) return false;
    p++;
  }
  while (p < form.length && !isHanOrSurrogate(form.charCodeAt(p))) p++;
  return p === form.length;
}
