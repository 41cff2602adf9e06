import type { GlossaryEntry } from '../engine/entry';
import type { Glossary } from '../engine/glossary';
import type { MatchOptions } from '../engine/matcher';
import type { LookupItem } from '../protocol';
import { renderCard } from './card';

/**
 * Entries for a typed term: exact matches of any form (any script, plural, acronym), else the
 * terms that start with it. Shared by the look-up request and the CLI.
 */
export function lookupEntries(glossary: Glossary, term: string, opts: MatchOptions = {}, limit = 20): GlossaryEntry[] {
  const exact = glossary.lookup(term, { acronymsCaseInsensitive: true, ...opts });
  if (exact.length) return exact;
  const { targets } = glossary.index.complete(term, limit);
  return [...new Set(targets.map((t) => glossary.entries[t.entry]!))];
}

export function toLookupItem(glossary: Glossary, entry: GlossaryEntry): LookupItem {
  return {
    id: entry.id,
    zhHans: entry.zhHans,
    zhHant: entry.zhHant,
    ...(entry.zhTw ? { zhTw: entry.zhTw } : {}),
    ...(entry.zhHk ? { zhHk: entry.zhHk } : {}),
    en: entry.en,
    abbr: entry.abbr,
    definitionEn: entry.definitionEn,
    definitionZh: entry.definitionZh,
    markdown: renderCard(entry, { resolve: (id) => glossary.get(id) }),
  };
}
