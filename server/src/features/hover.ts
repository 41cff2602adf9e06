import type { Hover, Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GlossaryEntry } from '../engine/entry';
import type { Glossary } from '../engine/glossary';
import type { DocumentIndex } from '../engine/documentIndex';
import { Commands, type OpenSourceArgs, type ReplaceTermArgs } from '../protocol';
import { renderCard, type CardLink } from './card';

/** The card for the term under the cursor, or null when the cursor is not on a term. */
export function hover(glossary: Glossary, doc: TextDocument, position: Position, index: DocumentIndex, commandLinks = false): Hover | null {
  const text = doc.getText();
  const offset = doc.offsetAt(position);
  const found = index.termAt(offset);
  if (!found) return null;
  const [entry, ...homonyms] = glossary.entriesOf(found.match);
  if (!entry) return null;
  const range = { start: doc.positionAt(found.match.start), end: doc.positionAt(found.match.end) };
  const written = text.slice(found.match.start, found.match.end);
  const inner = found.inner.flatMap((m) => glossary.entriesOf(m)).filter((e) => e !== entry);
  const links = commandLinks ? cardLinks(entry, doc.uri, range, written) : undefined;
  // Cards without links depend only on the entries: moving the mouse over a term asks for the
  // same card again and again, so keep recent ones (per loaded glossary).
  const key = links ? undefined : `${[entry, ...homonyms].map((e) => e.id).join(' ')}|${inner.map((e) => e.id).join(' ')}`;
  let value = key === undefined ? undefined : cardCache(glossary).get(key);
  if (value === undefined) {
    value = renderCard(entry, { inner, alsoMatching: homonyms, resolve: (id) => glossary.get(id), links });
    if (key !== undefined) remember(cardCache(glossary), key, value);
  }
  return { contents: { kind: 'markdown', value }, range };
}

const cards = new WeakMap<Glossary, Map<string, string>>();
const cardCache = (glossary: Glossary) => {
  let cache = cards.get(glossary);
  if (!cache) cards.set(glossary, (cache = new Map()));
  return cache;
};
function remember(cache: Map<string, string>, key: string, value: string): void {
  if (cache.size >= 2048) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

/** Replace the term with each of its other forms; open the quoted source passage. */
function cardLinks(entry: GlossaryEntry, uri: string, range: Range, written: string): CardLink[] {
  const forms = [entry.zhHans, entry.zhHant, entry.zhTw, entry.zhHk, entry.en[0]];
  const links: CardLink[] = [...new Set(forms)]
    .filter((form): form is string => !!form && form !== written)
    .map((form) => {
      const args: ReplaceTermArgs = { uri, range, text: form };
      return { label: `→ ${form}`, command: Commands.replaceTerm, args: [args], tooltip: `Replace ${written} with ${form}` };
    });
  const cite = entry.definitionZhSource ?? entry.examples[0]?.cite;
  if (cite) {
    const args: OpenSourceArgs = { doc: cite.doc, line: cite.line };
    links.push({ label: 'Open source passage', command: Commands.openSource, args: [args], tooltip: `${cite.title}, line ${cite.line}` });
  }
  return links;
}
