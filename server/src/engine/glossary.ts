/**
 * The loaded glossary: entries, their index, and look-ups by id. Knows nothing about LSP.
 */
import { readFileSync } from 'node:fs';
import type { Script } from './convert';
import type { CompiledGlossary, GlossaryEntry } from './entry';
import { TermIndex, type Match, type MatchOptions } from './matcher';

export class Glossary {
  readonly index: TermIndex;
  private readonly byId = new Map<string, GlossaryEntry>();

  constructor(readonly entries: GlossaryEntry[]) {
    for (const e of entries) this.byId.set(e.id, e);
    this.index = new TermIndex(entries);
  }

  static fromFile(path: string): Glossary {
    const data = JSON.parse(readFileSync(path, 'utf8')) as CompiledGlossary;
    if (data.format !== 'fintech-glossary/compiled@1' || !Array.isArray(data.entries)) {
      throw new Error(`${path}: not a compiled Fintech Glossary (format ${String(data.format)})`);
    }
    return new Glossary(data.entries);
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

/** The Chinese form of an entry in the given script. */
export function chineseIn(entry: GlossaryEntry, script: Script): string {
  switch (script) {
    case 'zh-Hans': return entry.zhHans;
    case 'zh-Hant': return entry.zhHant;
    case 'zh-TW': return entry.zhTw ?? entry.zhHant;
    case 'zh-HK': return entry.zhHk ?? entry.zhHant;
  }
}
