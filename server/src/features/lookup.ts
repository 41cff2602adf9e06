import type { GlossaryEntry } from '../engine/entry';
import type { Glossary } from '../engine/glossary';
import type { MatchOptions } from '../engine/matcher';
import { trimWhitespace } from '../engine/unicode';
import type { LookupItem } from '../protocol';
import { renderCard } from './card';

export interface LookupResult {
  entries: GlossaryEntry[];
  /** `exact`: the term is a form of each entry; `prefix`: no entry has it, these are terms that start with it. */
  match: 'exact' | 'prefix';
}

/**
 * Entries for a typed term: exact matches of any form (any script, plural; an acronym in any case,
 * since a look-up is typed on purpose), else the terms that start with it, marked as such so that a
 * prefix hit never reads as the answer. Shared by the look-up request and the CLI.
 */
export function lookupEntries(glossary: Glossary, term: string, opts: MatchOptions = {}, limit = 20): LookupResult {
  const exact = glossary.lookup(term, { ...opts, acronymsCaseInsensitive: true });
  if (exact.length) return { entries: exact, match: 'exact' };
  const { targets } = trimWhitespace(term) ? glossary.index.complete(term, limit) : { targets: [] };
  return { entries: [...new Set(targets.map((t) => glossary.entries[t.entry]!))], match: 'prefix' };
}

export function toLookupItem(glossary: Glossary, entry: GlossaryEntry, match: LookupResult['match']): LookupItem {
  return {
    id: entry.id,
    match,
    zhHans: entry.zhHans,
    zhHant: entry.zhHant,
    ...(entry.zhTw ? { zhTw: entry.zhTw } : {}),
    ...(entry.zhHk ? { zhHk: entry.zhHk } : {}),
    en: entry.en,
    abbr: entry.abbr,
    definitionEn: entry.definitionEn,
    definitionZh: entry.definitionZh,
    ...(glossary.sourceOf(entry) ? { glossary: glossary.sourceOf(entry)!.uri, line: glossary.sourceOf(entry)!.line } : {}),
    markdown: renderCard(entry, {
      resolve: (id) => glossary.get(id),
      ...(glossary.sourceOf(entry) ? { source: glossary.sourceOf(entry) } : {}),
    }),
  };
}
