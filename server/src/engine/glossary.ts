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
  GEO_OF_SCRIPT,
  type Geo,
  type GlossaryEntry,
  type Term,
} from './entry';

export { chineseIn } from './entry';
import { TermIndex, type Match, type MatchOptions } from './matcher';
import { normalizeKey } from './normalize';
import { termsOf } from './terms';

/** Where a user termbase entry comes from: its file (URI and a short label) and line. */
export interface EntrySource {
  uri: string;
  label: string;
  /** 1-based. */
  line: number;
}

/** An entry's Chinese forms as written: its headword in each script, then its aliases. */
function chineseFormsOf(e: GlossaryEntry): string[] {
  return [e.zhHans, e.zhHant, e.zhTw, e.zhHk, ...e.zhAliases].filter((f): f is string => !!f);
}

const chineseKeys = new WeakMap<GlossaryEntry, Set<string>>();
/** An entry's Chinese forms, folded as the matcher folds them (script and variant characters). */
function chineseKeysOf(e: GlossaryEntry): Set<string> {
  let keys = chineseKeys.get(e);
  if (!keys) {
    keys = new Set();
    for (const form of chineseFormsOf(e)) keys.add(normalizeKey(form));
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

/**
 * One concept made of a user's entry and the bundled entries it leads: the user's entry, its forms
 * and terms as they are (its headwords are the concept's, its statuses win), with the bundled terms
 * it does not list (compared as the matcher folds them) added as the concept's other terms, each
 * with its bundled status. A bundled headword becomes such a term too, keeping the regions its
 * scripts give it (利润表 is mainland usage), and a bundled term's replacement is the concept's
 * preferred form, the user's.
 */
function ledConcept(user: GlossaryEntry, led: readonly GlossaryEntry[]): GlossaryEntry {
  const terms = [...termsOf(user)];
  const listed = new Set(terms.map((t) => normalizeKey(t.text)));
  for (const b of led)
    for (const t of termsOf(b)) {
      const key = normalizeKey(t.text);
      if (!key || listed.has(key)) continue;
      listed.add(key);
      const { replacedBy: _, ...rest } = t;
      const term: Term = { ...rest, role: t.role === 'headword' ? 'variant' : t.role };
      if (t.role === 'headword' && t.lang === 'zh' && !t.geo?.length) {
        const geo = (t.scripts ?? []).map((s) => GEO_OF_SCRIPT[s]).filter((g): g is Geo => !!g);
        if (geo.length) term.geo = geo;
      }
      terms.push(term);
    }
  return { ...user, terms };
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
   * The one concept the entries a term matches (by their indexes, in the matcher's order) stand
   * for: its one entry; or, for a term of a bundled concept that a user's entry leads (`leaderOf`),
   * the user's entry, whichever of their forms the term is (纯网银, the bundled alias, as much as
   * the form they share); or, for several entries, a user's entry first and every other one sharing
   * a Chinese form with it (what its card shows as one concept, the user's first). Term QA and
   * conversion then go by `conceptEntry` of it. Undefined otherwise (homonyms: no single answer).
   */
  conceptOf(indexes: readonly number[]): number | undefined {
    const i = indexes[0]!;
    const first = this.entries[i];
    if (!first) return undefined;
    // no user entries: one entry is its concept, several are homonyms
    if (!this.sources?.size) return indexes.length === 1 ? i : undefined;
    if (this.sources.has(first)) {
      let one = true;
      for (let k = 1; k < indexes.length && one; k++) {
        const e = this.entries[indexes[k]!];
        one = !!e && (e === first || sharesChinese(first, e));
      }
      if (one) return i;
    }
    // bundled entries (and the user's) that one user's entry leads
    const lead = this.leaderOf(i) ?? i;
    for (let k = 1; k < indexes.length; k++) if ((this.leaderOf(indexes[k]!) ?? indexes[k]) !== lead) return undefined;
    return lead;
  }

  /** Bundled entry → the user's entry leading it (-1: none), found on first question. */
  private readonly leaders = new Map<number, number>();
  /** User's entry → its concept with the bundled entries it leads (itself when it leads none). */
  private readonly concepts = new Map<number, GlossaryEntry>();

  /**
   * The user's entry that leads the bundled entry at `index`: the first that shares a Chinese form
   * with it (after folding: 區塊鏈 is 区块链). Undefined for none, and for a user's entry.
   */
  leaderOf(index: number): number | undefined {
    const sources = this.sources;
    if (!sources?.size) return undefined;
    let leader = this.leaders.get(index);
    if (leader === undefined) {
      leader = -1;
      const entry = this.entries[index];
      if (entry && !sources.has(entry))
        for (const form of chineseFormsOf(entry))
          for (const i of this.index.lookup(form)) {
            const e = this.entries[i]!;
            if ((leader < 0 || i < leader) && sources.has(e) && sharesChinese(e, entry)) leader = i;
          }
      this.leaders.set(index, leader);
    }
    return leader < 0 ? undefined : leader;
  }

  /**
   * The entry term QA and conversion judge a concept by (`conceptOf`'s answer): a user's entry
   * together with the bundled entries it leads (its terms first; see `ledConcept`), else the entry.
   */
  conceptEntry(index: number): GlossaryEntry | undefined {
    const entry = this.entries[index];
    if (!entry || !this.sources?.has(entry)) return entry;
    let concept = this.concepts.get(index);
    if (!concept) {
      const led: number[] = [];
      for (const form of chineseFormsOf(entry))
        for (const i of this.index.lookup(form)) if (!led.includes(i) && this.leaderOf(i) === index) led.push(i);
      led.sort((a, b) => a - b);
      concept = led.length
        ? ledConcept(
            entry,
            led.map((i) => this.entries[i]!),
          )
        : entry;
      this.concepts.set(index, concept);
    }
    return concept;
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

  entriesOf(match: Pick<Match, 'entries'>): GlossaryEntry[] {
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
