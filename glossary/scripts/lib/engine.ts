// What the builder takes from the engine (server/src/engine), imported directly: the build counts
// occurrences and picks examples exactly as a hover finds terms (longest match across all entries,
// script folding, English and acronym rules), and folds keys exactly as the matcher does.
import type { GlossaryEntry } from '../../../server/src/engine/entry';
import { Glossary } from '../../../server/src/engine/glossary';

export { normalizeKey } from '../../../server/src/engine/normalize';

/** A term found on a line: source offsets, the entry id and the form that matched. */
export interface LineMatch {
  start: number;
  end: number;
  owner: string;
  key: string;
}

/** A line scanner over compiled entries: text → the terms a hover would find in it. */
export function engineLineScanner(compiledEntries: GlossaryEntry[]): (text: string) => LineMatch[] {
  const glossary = new Glossary(compiledEntries);
  return (text) =>
    glossary.index.scan(text).flatMap((m) => m.entries.map((e, k) => ({ start: m.start, end: m.end, owner: compiledEntries[e]!.id, key: m.forms[k]! })));
}
