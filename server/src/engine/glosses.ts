/**
 * Which occurrences get an inline gloss (inlay hints): the first occurrence of each concept in each
 * paragraph, so that a text full of one term stays readable; none where the text gives the
 * counterpart right after the term (区块链 (blockchain)). Paragraphs are separated as
 * normalisation separates them (`hasParagraphBreak`: a blank line, or U+2029).
 */
import type { Match } from './matcher';
import { hasParagraphBreak, isLatinWordChar, paragraphStart } from './normalize';
import type { Text } from './text';
import { isHanUnit } from './unicode';

/**
 * The occurrences (sorted, as a DocumentIndex gives them) that start in [from, to) and are the
 * first of their concept (`conceptOf`; undefined: no gloss) in their paragraph, unless the next
 * occurrence, a few non-word units later, is the same concept. Occurrences before
 * `from` in the same paragraph count: a term glossed above the visible range is not glossed again.
 * `occurrencesIn(a, b)` gives the occurrences overlapping [a, b).
 */
export function firstInParagraph(
  text: Text,
  occurrencesIn: (from: number, to: number) => readonly Match[],
  from: number,
  to: number,
  conceptOf: (m: Match) => unknown,
): Match[] {
  const start = paragraphStart(text, from);
  const out: Match[] = [];
  const seen = new Set<unknown>();
  let last = start;
  const list = occurrencesIn(start, to);
  for (let i = 0; i < list.length; i++) {
    const m = list[i]!;
    if (m.start < start) continue;
    if (hasParagraphBreak(text, last, m.start)) seen.clear();
    last = Math.max(last, m.end);
    const concept = conceptOf(m);
    if (concept === undefined || seen.has(concept)) continue;
    seen.add(concept);
    // the text glosses it itself, the other language right after it: 区块链 (blockchain), blockchain（区块链）
    const next = list[i + 1];
    if (
      next &&
      next.start - m.end <= MAX_GAP &&
      !hasWordUnit(text, m.end, next.start) &&
      hasHanUnit(text, m.start, m.end) !== hasHanUnit(text, next.start, next.end) &&
      conceptOf(next) === concept
    )
      continue;
    if (m.start >= from && m.start < to) out.push(m);
  }
  return out;
}

/** At most this many units between a term and its counterpart that the text gives right after it ( " (", "（"). */
const MAX_GAP = 3;

function hasHanUnit(text: Text, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isHanUnit(text.charCodeAt(i))) return true;
  return false;
}

function hasWordUnit(text: Text, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const u = text.charCodeAt(i);
    if (isLatinWordChar(u) || isHanUnit(u)) return true;
  }
  return false;
}
