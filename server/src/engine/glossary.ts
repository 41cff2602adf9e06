/**
 * The loaded glossary: entries, their index, and look-ups by id. Knows nothing about LSP, and reads
 * no files: it is made from the compiled glossary's text (`read`, `fromJSON`), which the Node entry
 * reads from disk (server/src/node/glossaryFile.ts) and the Web Worker entry fetches.
 */
import {
  type AliasForm,
  COMPILED_FORMAT,
  COMPILED_FORMATS,
  entryProblem,
  expandEntry,
  type CompiledGlossary,
  type GlossaryEntry,
} from './entry';

export { chineseIn } from './entry';
import { TermIndex, type Match, type MatchOptions } from './matcher';
import { normalizeKey } from './normalize';

/** Where a user termbase entry comes from: its file (URI and a short label) and line. */
export interface EntrySource {
  uri: string;
  label: string;
  /** 1-based. */
  line: number;
}

const chineseKeys = new WeakMap<GlossaryEntry, Set<string>>();
/** An entry's Chinese forms, folded as the matcher folds them (script and variant characters). */
function chineseKeysOf(e: GlossaryEntry): Set<string> {
  let keys = chineseKeys.get(e);
  if (!keys) {
    keys = new Set();
    for (const form of [e.zhHans, e.zhHant, e.zhTw, e.zhHk, ...e.zhAliases]) if (form) keys.add(normalizeKey(form));
    keys.delete('');
    chineseKeys.set(e, keys);
  }
  return keys;
}

/**
 * Are two entries the same concept for the card: they share a Chinese form after script folding
 * (区块链 and 區塊鏈 are one form). Sharing only an English term is not enough: homonyms stay apart.
 */
export function sharesChinese(a: GlossaryEntry, b: GlossaryEntry): boolean {
  const keys = chineseKeysOf(a);
  for (const k of chineseKeysOf(b)) if (keys.has(k)) return true;
  return false;
}

export class Glossary {
  readonly index: TermIndex;
  private readonly byId = new Map<string, GlossaryEntry>();

  /**
   * `words`: ordinary words the matcher knows so that a term inside them is not matched
   * (glossary/words.yaml; CompiledGlossary.words). `sources` says which entries come from a user's
   * termbase, and where. Ids need not be unique across termbases: `get` answers with the first entry
   * of an id (the user's before the bundled).
   */
  constructor(
    readonly entries: GlossaryEntry[],
    readonly words: readonly string[] = [],
    private readonly sources?: ReadonlyMap<GlossaryEntry, EntrySource>,
    /** An index over the last entries (the bundled glossary's) to reuse: see TermIndex's `base`. */
    base?: TermIndex,
    /** Keys the build derived for the aliases of `entries` (see `AliasForm`). */
    readonly aliasForms: readonly AliasForm[] = [],
  ) {
    for (const e of entries) if (!this.byId.has(e.id)) this.byId.set(e.id, e);
    this.index = new TermIndex(entries, words, base, aliasForms);
  }

  /** The file and line of a user termbase entry; undefined for a bundled one. */
  sourceOf(entry: GlossaryEntry): EntrySource | undefined {
    return this.sources?.get(entry);
  }

  /**
   * The one concept a term matching several entries (by their indexes, in the matcher's order)
   * stands for, when the glossary takes them as one: a user's entry first, and every other one
   * sharing a Chinese form with it (what its card shows as one concept, the user's first). Term QA
   * and conversion then go by the user's entry, its statuses and forms. Undefined otherwise
   * (homonyms: no single answer).
   */
  conceptOf(indexes: readonly number[]): number | undefined {
    const first = this.entries[indexes[0]!];
    if (!first || !this.sources?.has(first)) return undefined;
    for (let k = 1; k < indexes.length; k++) {
      const e = this.entries[indexes[k]!];
      if (!e || (e !== first && !sharesChinese(first, e))) return undefined;
    }
    return indexes[0];
  }

  /**
   * A compiled glossary from its JSON text; `name` (a path or URI) is used in error messages. Every
   * entry is checked, so a bad file fails here with a message naming the entry, never later inside
   * the index build. Messages never quote the file's content.
   */
  static fromJSON(text: string, name: string): Glossary {
    return Glossary.read(text, name).check();
  }

  /**
   * A compiled glossary not read yet: its text, or how to get it (`() => text`, called once by
   * `check()`). Nothing is parsed here, so that a server can answer `initialize` at once and
   * read, parse and check the glossary after `initialized`.
   */
  static read(text: string | (() => string), name: string): UncheckedGlossary {
    return new UncheckedGlossary(text, name);
  }

  get(id: string): GlossaryEntry | undefined {
    return this.byId.get(id);
  }

  entriesOf(match: Match): GlossaryEntry[] {
    return [...new Set(match.entries)].map((i) => this.entries[i]!);
  }

  /** Entries whose Chinese or English form, alias or abbreviation is exactly `term`. */
  lookup(term: string, opts?: MatchOptions): GlossaryEntry[] {
    return this.index.lookup(term, opts).map((i) => this.entries[i]!);
  }
}

/** A compiled glossary that has not been parsed and checked yet (see `Glossary.read`). */
export class UncheckedGlossary {
  constructor(
    private readonly text: string | (() => string),
    readonly name: string,
  ) {}

  /**
   * Parse the text, check the format and every entry (throws with the first problem, naming the
   * entry; a file that cannot be read throws the read's error) and make the glossary.
   */
  check(): Glossary {
    const { format, entries, words, aliasForms } = parseCompiled(typeof this.text === 'string' ? this.text : this.text(), this.name);
    for (let i = 0; i < entries.length; i++) {
      const entry = (entries[i] = expandEntry(entries[i], format));
      const problem = entryProblem(entry);
      if (problem) {
        const id = (entry as { id?: unknown } | null)?.id;
        throw new Error(`${this.name}: entry ${i + 1}${typeof id === 'string' ? ` "${id.slice(0, 80)}"` : ''}: ${problem}`);
      }
    }
    return new Glossary(entries as GlossaryEntry[], words, undefined, undefined, aliasForms);
  }
}

/** The entries and words of a compiled glossary's text, its format checked (not yet its entries). */
function parseCompiled(text: string, name: string): { format: string; entries: unknown[]; words: string[]; aliasForms: AliasForm[] } {
  let data: Partial<CompiledGlossary>;
  try {
    data = JSON.parse(text) as Partial<CompiledGlossary>;
  } catch (err) {
    const at = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    const where = at ? ` (${lineAndColumn(text, Number(at[1]))})` : '';
    throw new Error(`${name}: not valid JSON${where}`);
  }
  if (!data || typeof data !== 'object' || !COMPILED_FORMATS.includes(data.format as string) || !Array.isArray(data.entries)) {
    throw new Error(`${name}: not a compiled Fintech Glossary (expected "format": "${COMPILED_FORMAT}" and an "entries" list)`);
  }
  const words = data.words ?? [];
  if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) {
    throw new Error(`${name}: "words" is not a list of strings`);
  }
  const aliasForms = data.aliasForms ?? [];
  const n = data.entries.length;
  const isForm = (f: unknown) =>
    Array.isArray(f) &&
    f.length === 3 &&
    Number.isInteger(f[0]) &&
    f[0] >= 0 &&
    f[0] < n &&
    typeof f[1] === 'string' &&
    typeof f[2] === 'string';
  if (!Array.isArray(aliasForms) || !aliasForms.every(isForm)) {
    throw new Error(`${name}: "aliasForms" is not a list of [entry number, form, alias]`);
  }
  return { format: data.format as string, entries: data.entries as unknown[], words, aliasForms };
}

function lineAndColumn(text: string, offset: number): string {
  let line = 1,
    lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  return `line ${line}, column ${offset - lineStart + 1}`;
}
