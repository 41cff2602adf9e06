/**
 * Which occurrences get an inline gloss (inlay hints): the first occurrence of each concept in each
 * paragraph, so that a text full of one term stays readable. Paragraphs are separated as
 * normalisation separates them (`hasParagraphBreak`: a blank line, or U+2029).
 */
import type { Match } from './matcher';
import { hasParagraphBreak, paragraphStart } from './normalize';

/**
 * The occurrences (sorted, as a DocumentIndex gives them) that start in [from, to) and are the
 * first of their concept (`conceptOf`; undefined: no gloss) in their paragraph. Occurrences before
 * `from` in the same paragraph count: a term glossed above the visible range is not glossed again.
 * `occurrencesIn(a, b)` gives the occurrences overlapping [a, b).
 */
export function firstInParagraph(
  text: string,
  occurrencesIn: (from: number, to: number) => readonly Match[],
  from: number,
  to: number,
  conceptOf: (m: Match) => unknown,
): Match[] {
  const start = paragraphStart(text, from);
  const out: Match[] = [];
  const seen = new Set<unknown>();
  let last = start;
  for (const m of occurrencesIn(start, to)) {
    if (m.start < start) continue;
    if (hasParagraphBreak(text, last, m.start)) seen.clear();
    last = Math.max(last, m.end);
    const concept = conceptOf(m);
    if (concept === undefined || seen.has(concept)) continue;
    seen.add(concept);
    if (m.start >= from && m.start < to) out.push(m);
  }
  return out;
}
