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
  const value = renderCard(entry, { inner, alsoMatching: homonyms, resolve: (id) => glossary.get(id), links });
  return { contents: { kind: 'markdown', value }, range };
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
