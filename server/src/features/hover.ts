import type { Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Glossary } from '../engine/glossary';
import type { MatchOptions } from '../engine/matcher';
import { renderCard } from './card';

/** The card for the term under the cursor, or null when the cursor is not on a term. */
export function hover(glossary: Glossary, doc: TextDocument, position: Position, opts: MatchOptions): Hover | null {
  const text = doc.getText();
  const offset = doc.offsetAt(position);
  const found = glossary.index.matchAt(text, offset, opts);
  if (!found) return null;
  const [entry, ...homonyms] = glossary.entriesOf(found.match);
  if (!entry) return null;
  const inner = found.inner.flatMap((m) => glossary.entriesOf(m)).filter((e) => e !== entry);
  const value = renderCard(entry, { inner, alsoMatching: homonyms, resolve: (id) => glossary.get(id) });
  return {
    contents: { kind: 'markdown', value },
    range: { start: doc.positionAt(found.match.start), end: doc.positionAt(found.match.end) },
  };
}
