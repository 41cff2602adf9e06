// What the builder takes from the engine (server/src/engine), imported directly: the build counts
// occurrences, picks examples and checks key clashes exactly as the server finds terms (longest
// match across all entries, script folding, English and acronym rules), with the engine's own
// definition of an entry's keys and of how a key is folded.
import type { GlossaryEntry } from '../../../server/src/engine/entry';
import { KINDS, addEntryKeys, type KeyTarget } from '../../../server/src/engine/entryKeys';
import { Glossary } from '../../../server/src/engine/glossary';
import { normalizeKey } from '../../../server/src/engine/normalize';

export { Glossary, normalizeKey };

/** A term found on a line: source offsets, the entry id and the form that matched. */
export interface LineMatch {
  start: number;
  end: number;
  owner: string;
  key: string;
}

/** A line scanner over a glossary: text → the terms a hover would find in it. */
export function engineLineScanner(glossary: Glossary): (text: string) => LineMatch[] {
  const entries = glossary.entries;
  return (text) =>
    glossary.index
      .scan(text)
      .flatMap((m) => m.entries.map((e, k) => ({ start: m.start, end: m.end, owner: entries[e]!.id, key: m.forms[k]! })));
}

/** One key of an entry: the text the matcher indexes, folded, and the glossary form it stands for. */
export interface EntryKey {
  /** The key as the matcher indexes it (a form, or a variant of it such as AI 芯片 for AI芯片). */
  text: string;
  /** `text` folded as the matcher folds it: two keys are one key iff their folded forms are equal. */
  folded: string;
  kind: KeyTarget['kind'];
  /** The form as written in the entry. */
  form: string;
}

/** Every key of an entry, as the engine enumerates (addEntryKeys) and folds (normalizeKey) them. */
export function entryKeysOf(entry: GlossaryEntry): EntryKey[] {
  const keys: EntryKey[] = [];
  addEntryKeys(entry, 0, (text, _entry, kind, form) => {
    const folded = normalizeKey(text);
    if (folded) keys.push({ text, folded, kind: KINDS[kind]!, form });
  });
  return keys;
}
