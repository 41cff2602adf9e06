/**
 * The user's termbases merged with the bundled glossary: one glossary whose entries are the user's
 * first (in the order of the settings, each file's entries in file order), then the bundled ones.
 * The matcher lists the entries of a key in entry order, so a user entry always comes before a
 * bundled one for the same term. The bundled entries are the same objects every time (never
 * re-read or re-checked), and given the bundled glossary's index, the term index is layered over
 * it: only the user's entries are indexed again.
 */
import type { AliasForm, GlossaryEntry } from './entry';
import { type EntrySource, Glossary, sharesChinese } from './glossary';
import type { TermIndex } from './matcher';

/** One loaded user termbase: its file, a short label for cards and messages, entries and lines. */
export interface UserTermbase {
  uri: string;
  label: string;
  entries: readonly GlossaryEntry[];
  /** 1-based line of each entry, parallel to `entries`. */
  lines: readonly number[];
}

/**
 * `words`: the bundled glossary's ordinary-word list (a term inside one of them is not matched).
 * `bundledIndex`: the bundled glossary's own term index (over `bundled` and `words`), reused as the
 * index's lower layer, so that only the user's entries are indexed again on a termbase change.
 * `aliasForms`: the keys the build derived for the bundled glossary's aliases (they are in
 * `bundledIndex` already; an index made afresh gets them here).
 */
export function mergeLayers(
  user: readonly UserTermbase[],
  bundled: readonly GlossaryEntry[],
  words: readonly string[] = [],
  bundledIndex?: TermIndex,
  aliasForms: readonly AliasForm[] = [],
): Glossary {
  if (!user.length) return new Glossary([...bundled], words, undefined, undefined, aliasForms);
  const entries: GlossaryEntry[] = [];
  const sources = new Map<GlossaryEntry, EntrySource>();
  for (const tb of user) {
    tb.entries.forEach((e, i) => {
      entries.push(e);
      sources.set(e, { uri: tb.uri, label: tb.label, line: tb.lines[i] ?? 1 });
    });
  }
  const shift = entries.length;
  for (const e of bundled) entries.push(e);
  // by their place in the merged list (used only when the index is made afresh, not layered)
  const shifted = aliasForms.map(([i, form, alias]): AliasForm => [i + shift, form, alias]);
  return new Glossary(entries, words, sources, bundledIndex, shifted);
}

/**
 * The entries a match shows, grouped for the card: `card` is the first entry and every other one
 * that shares a Chinese form with it when the first is a user's entry (the user's first, then the
 * bundled concept), `others` are the rest (homonyms, shown apart).
 */
export { sharesChinese };

export function groupForCard(glossary: Glossary, entries: readonly GlossaryEntry[]): { card: GlossaryEntry[]; others: GlossaryEntry[] } {
  const [first, ...rest] = entries;
  if (!first) return { card: [], others: [] };
  if (!glossary.sourceOf(first)) return { card: [first], others: rest };
  const card = [first],
    others: GlossaryEntry[] = [];
  for (const e of rest) (sharesChinese(first, e) ? card : others).push(e);
  return { card, others };
}
