/**
 * Searching the glossary by any of an entry's forms (workspace symbols, Ctrl+T): a query in any
 * Chinese script or in English finds the entries with a form that equals it, starts with it or
 * contains it, compared as the matcher compares text (`normalizeKey`: traditional and variant
 * characters folded to simplified, Latin case folded, full width to half width, hyphens as spaces).
 */
import { chineseIn, type GlossaryEntry } from './entry';
import { normalizeKey } from './normalize';
import { trimWhitespace } from './unicode';

/** How a form meets the query, best first. */
export const EXACT = 0,
  PREFIX = 1,
  SUBSTRING = 2;

export interface SearchHit {
  entry: GlossaryEntry;
  /** The entry's form that met the query best, as the glossary writes it. */
  form: string;
  /** EXACT, PREFIX or SUBSTRING. */
  rank: number;
}

interface Row {
  entry: GlossaryEntry;
  /** The entry's forms as written, and normalised (parallel). */
  forms: string[];
  keys: string[];
}

const tables = new WeakMap<readonly GlossaryEntry[], Row[]>();

/** The searchable forms of every entry, normalised once per entry list. */
function table(entries: readonly GlossaryEntry[]): Row[] {
  let rows = tables.get(entries);
  if (rows) return rows;
  rows = entries.map((entry) => {
    const forms = [
      ...new Set([
        entry.zhHans,
        chineseIn(entry, 'zh-Hant'),
        chineseIn(entry, 'zh-TW'),
        chineseIn(entry, 'zh-HK'),
        ...entry.zhAliases,
        ...entry.en,
        ...entry.abbr,
      ]),
    ].filter((f) => trimWhitespace(f) !== '');
    return { entry, forms, keys: forms.map(normalizeKey) };
  });
  tables.set(entries, rows);
  return rows;
}

/**
 * The entries with a form that equals, starts with or contains `query` (after normalisation), at
 * most `limit`: exact matches first, then prefixes, then substrings; within each, entries found more
 * often in the sources first, then shorter forms, then by form. Each entry appears once, with its
 * best form; among forms that meet the query equally, one that contains the query as typed (any
 * case) wins, so that 區塊 shows 區塊鏈, not 区块链. An empty query finds nothing.
 */
export function searchEntries(entries: readonly GlossaryEntry[], query: string, limit = 100): SearchHit[] {
  const q = normalizeKey(query);
  if (!q || limit <= 0) return [];
  const typed = trimWhitespace(query).toLowerCase();
  const hits: SearchHit[] = [];
  for (const row of table(entries)) {
    let best: SearchHit | undefined;
    let bestLiteral = false;
    for (let i = 0; i < row.keys.length; i++) {
      const key = row.keys[i]!;
      const at = key.indexOf(q);
      if (at < 0) continue;
      const rank = key.length === q.length ? EXACT : at === 0 ? PREFIX : SUBSTRING;
      const form = row.forms[i]!;
      const literal = form.toLowerCase().includes(typed);
      if (!best || rank < best.rank || (rank === best.rank && literal && !bestLiteral)) {
        best = { entry: row.entry, form, rank };
        bestLiteral = literal;
      }
    }
    if (best) hits.push(best);
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      (b.entry.occurrences ?? 0) - (a.entry.occurrences ?? 0) ||
      a.form.length - b.form.length ||
      (a.form < b.form ? -1 : a.form > b.form ? 1 : 0),
  );
  return hits.slice(0, limit);
}
