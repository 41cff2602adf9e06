/**
 * Glossary search and navigation: workspace symbols (Ctrl+T searches the glossary), go to
 * definition on a term, and the read-only view of a bundled entry. Where an entry "is":
 *  - a user termbase entry: its file, at its line;
 *  - a bundled entry: its cited source passage (glossary/sources/<doc>-*.txt, the file the card's
 *    *Open source passage* link opens), or its read-only view (`fintech-glossary:` URI) for a
 *    client that opens those (VS Code's). Workspace symbols prefer the view, definitions the passage.
 */
import { type Location, type LocationLink, type Position, type SymbolInformation, SymbolKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentIndex } from '../engine/documentIndex';
import { type GlossaryEntry, chineseIn } from '../engine/entry';
import type { Glossary } from '../engine/glossary';
import { searchEntries } from '../engine/search';
import { collapseWhitespace, trimWhitespace } from '../engine/unicode';
import { groupForCard } from '../engine/userLayer';
import { ENTRY_SCHEME } from '../protocol';
import { citationText, citedPassage } from './card';
import { WORDS, type Words } from './words';

export interface EntryPlaces {
  /** The URI of a bundled source document by its id ("001"), when the server knows where they are. */
  sourceFile?: (doc: string) => string | undefined;
  /** The client opens `fintech-glossary:` URIs (asking the server for their text). */
  entryDocuments?: boolean;
}

/** At most this many workspace symbols per query. */
export const MAX_SYMBOLS = 100;

const lineRange = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });

/** The read-only view's URI of a bundled entry: a readable title (the tab's name) and the id as the query. */
export function entryUri(entry: GlossaryEntry): string {
  const title = trimWhitespace(
    Array.from(trimWhitespace(`${entry.zhHans} ${entry.en[0] ?? ''}`.replace(/[\\/?#%:*"<>|\p{Cc}]/gu, ' ')))
      .slice(0, 60)
      .join(''),
  );
  return `${ENTRY_SCHEME}:/${encodeURIComponent(title || 'entry')}.txt?${encodeURIComponent(entry.id)}`;
}

/** The id an entry view's URI names, or undefined for any other URI. */
export function entryIdOf(uri: string): string | undefined {
  if (!uri.startsWith(`${ENTRY_SCHEME}:`)) return undefined;
  const q = uri.indexOf('?');
  if (q < 0) return undefined;
  try {
    return decodeURIComponent(uri.slice(q + 1).split('#')[0]!) || undefined;
  } catch {
    return undefined;
  }
}

/** Where an entry is (see the top of this file); undefined when there is nowhere to go for this client. */
export function entryLocation(
  glossary: Glossary,
  entry: GlossaryEntry,
  places: EntryPlaces,
  prefer: 'view' | 'passage',
): Location | undefined {
  const own = glossary.sourceOf(entry);
  if (own) return { uri: own.uri, range: lineRange(Math.max(0, own.line - 1)) };
  const view = places.entryDocuments ? { uri: entryUri(entry), range: lineRange(0) } : undefined;
  if (prefer === 'view' && view) return view;
  const cite = citedPassage(entry);
  const file = cite ? places.sourceFile?.(cite.doc) : undefined;
  if (cite && file) return { uri: file, range: lineRange(cite.line - 1) };
  return view;
}

/**
 * Workspace symbols: the glossary's entries with a form that equals, starts with or contains the
 * query (engine/search.ts ranks them), named by that form, with the entry's headword and English
 * (and a user entry's termbase file) as the container. Entries with nowhere to open are left out.
 */
export function workspaceSymbols(glossary: Glossary, query: string, places: EntryPlaces, limit = MAX_SYMBOLS): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  // more hits than asked for: some may have nowhere to go in this client
  for (const hit of searchEntries(glossary.entries, query, limit * 4)) {
    const location = entryLocation(glossary, hit.entry, places, 'view');
    if (!location) continue;
    const e = hit.entry;
    const names = [...new Set([e.zhHans, e.zhHant, e.en[0] ?? ''])].filter((n) => n && n !== hit.form);
    const own = glossary.sourceOf(e);
    const containerName = `${names.join(' · ')}${own ? ` — ${own.label}` : ''}`;
    out.push({ name: hit.form, kind: SymbolKind.String, location, containerName });
    if (out.length === limit) break;
  }
  return out;
}

/**
 * Go to definition on a term: where each entry the term stands for is (the card's entries first,
 * then homonyms). As LocationLinks (whose origin is the whole term) for clients that support them.
 */
export function definition(
  glossary: Glossary,
  doc: TextDocument,
  position: Position,
  index: DocumentIndex,
  places: EntryPlaces,
  linkSupport: boolean,
): Location[] | LocationLink[] | null {
  const found = index.termAt(doc.offsetAt(position));
  if (!found) return null;
  const { card, others } = groupForCard(glossary, glossary.entriesOf(found.match));
  const locations = [...card, ...others]
    .map((e) => entryLocation(glossary, e, places, 'passage'))
    .filter((l): l is Location => !!l)
    .filter((l, i, all) => all.findIndex((o) => o.uri === l.uri && o.range.start.line === l.range.start.line) === i);
  if (!locations.length) return null;
  if (!linkSupport) return locations;
  const origin = { start: doc.positionAt(found.match.start), end: doc.positionAt(found.match.end) };
  return locations.map((l) => ({ originSelectionRange: origin, targetUri: l.uri, targetRange: l.range, targetSelectionRange: l.range }));
}

/**
 * A bundled entry as plain text, for its read-only view: every form, the definitions with their
 * citations, examples and related entries. Plain text (not markdown), one field per line.
 */
export function entryText(glossary: Glossary, entry: GlossaryEntry, w: Words = WORDS.en): string {
  const one = (s: string) => collapseWhitespace(s);
  const lines: string[] = [];
  lines.push([...new Set([entry.zhHans, entry.zhHant, ...entry.en.slice(0, 1)])].map(one).join(' · '));
  const regional = [
    ...(entry.zhTw ? [`${w.taiwan} ${one(chineseIn(entry, 'zh-TW'))}`] : []),
    ...(entry.zhHk ? [`${w.hongKong} ${one(chineseIn(entry, 'zh-HK'))}`] : []),
  ];
  if (regional.length) lines.push(regional.join(' · '));
  const english = [...entry.en.slice(1), ...entry.abbr];
  if (english.length) lines.push(`${w.also}: ${english.map(one).join(', ')}`);
  if (entry.zhAliases.length) lines.push(`${w.variants}: ${entry.zhAliases.map(one).join('、')}`);
  lines.push(`${w.domain}: ${one(entry.domain)}`);
  const h = entry.historical;
  if (h) lines.push(`${w.historical} (${one(h.from ? `${h.from}–${h.until}` : w.until(h.until))}): ${one(h.note)}`);
  lines.push('');
  if (entry.definitionZh) {
    lines.push(one(entry.definitionZh));
    if (entry.definitionZhSource) lines.push(`  — ${one(citationText(entry.definitionZhSource, w))}`);
  }
  if (entry.definitionEn) lines.push(one(entry.definitionEn));
  if (entry.quote) {
    lines.push('', `${w.sourcePassage}: ${one(entry.quote.text)}`, `  — ${one(citationText(entry.quote.cite, w))}`);
  }
  if (entry.examples.length) {
    lines.push('');
    for (const ex of entry.examples) lines.push(`${w.example}: ${one(ex.text)}`, `  — ${one(citationText(ex.cite, w))}`);
  }
  const related = entry.related.map((id) => glossary.get(id)).filter((e): e is GlossaryEntry => !!e);
  if (related.length)
    lines.push('', `${w.related}: ${related.map((e) => trimWhitespace(`${one(e.zhHans)} ${one(e.en[0] ?? '')}`)).join(' · ')}`);
  lines.push('', `${w.readOnlyEntry}: ${entry.id}`, '');
  return lines.join('\n');
}
