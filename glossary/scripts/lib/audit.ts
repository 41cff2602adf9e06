// Review hints on a compiled glossary that are not errors: things a person should look at.
// Pure: compiled entries in, findings out.
import type { GlossaryEntry } from '../../../server/src/engine/entry';
import { toSimplified } from './forms';
import { hasHan, isHanChar, squeezeWhitespace } from './chars';

/** Findings: [{ kind, ids, note }], in a stable order. */
export interface Finding {
  kind: string;
  ids: string[];
  note: string;
}

export function auditEntries(entries: GlossaryEntry[]): Finding[] {
  const out: Finding[] = [];
  const push = (kind: string, ids: string[], note: string) => out.push({ kind, ids, note });

  const byQuote = new Map<string, string[]>();
  for (const e of entries) {
    if (!e.definitionZhSource) continue;
    const k = e.definitionZh.replace(/\s/g, '');
    byQuote.set(k, [...(byQuote.get(k) ?? []), e.id]);
  }
  for (const [quote, ids] of byQuote) {
    if (ids.length > 1) push('shared-quotation', ids, `the same quotation defines ${ids.length} concepts: ${quote.slice(0, 40)}…`);
  }

  const byDef = new Map<string, string[]>();
  for (const e of entries) {
    const k = e.definitionEn.trim().toLowerCase();
    byDef.set(k, [...(byDef.get(k) ?? []), e.id]);
  }
  for (const ids of byDef.values())
    if (ids.length > 1) push('shared-english-definition', ids, 'identical English definitions: merge the concepts or tell them apart');

  for (const e of entries) {
    if (e.occurrences === 0)
      push(
        'never-in-sources',
        [e.id],
        `${e.zhHans} is never found on its own in the sources (at most inside longer terms): fine for a related concept, odd for a source term`,
      );
    if (e.examples.length === 0 && e.occurrences > 0) push('no-example', [e.id], 'occurs, but no line made a usable example');
    if (!e.definitionZhSource) {
      // own words are written in simplified; a few characters (昇腾) map oddly, so ask for three
      const trad = new Set([...e.definitionZh].filter((c) => isHanChar(c) && toSimplified(c) !== c));
      if (trad.size >= 3)
        push(
          'own-words-not-simplified',
          [e.id],
          `own-words Chinese definition has traditional characters (${[...trad].join('')}): ${e.definitionZh.slice(0, 30)}…`,
        );
    }
    for (const en of e.en) {
      if (hasHan(en)) push('chinese-in-english', [e.id], `English term "${en}" contains Chinese`);
      if (squeezeWhitespace(en) !== en) push('english-spacing', [e.id], `English term "${en}" has stray spaces`);
    }
    if (e.en.length && e.abbr.includes(e.en[0]!))
      push('abbreviation-as-preferred-english', [e.id], `the preferred English term is the abbreviation ${e.en[0]}`);
    if (e.status === 'deprecated' && !e.replacedBy) push('deprecated-without-replacement', [e.id], 'deprecated, but no replacement');
  }

  return out.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.ids[0]! < b.ids[0]! ? -1 : 1));
}
