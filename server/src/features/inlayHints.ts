/**
 * Inline glosses as inlay hints: the English term after a Chinese one, the Chinese term (in the
 * document's script) after an English one, for the first occurrence of each concept in each
 * paragraph (engine/glosses.ts), so that the text stays readable. Text term QA skips (code spans,
 * fenced blocks, URLs: engine/directives.ts) gets no gloss and does not count as a first occurrence.
 */
import type { InlayHint, MarkupContent, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentIndex } from '../engine/documentIndex';
import { overlapsAny, type Skipped } from '../engine/directives';
import { type ChineseScript, chineseIn } from '../engine/entry';
import type { Glossary } from '../engine/glossary';
import { firstInParagraph } from '../engine/glosses';
import { collapseWhitespace, containsHan } from '../engine/unicode';
import { groupForCard } from '../engine/userLayer';
import { textOf } from '../textDocument';

/** What `inlayHint/resolve` needs to add the card: the document, its version, and where the term starts. */
export interface GlossData {
  uri: string;
  version: number;
  offset: number;
}

/**
 * The glosses for the terms starting in `range`. `script`: the Chinese script glosses of English
 * terms are written in. `tooltip(offset)`: the card of the term at an offset, for clients that
 * cannot resolve a hint's tooltip later (absent: the hint carries `data` for `inlayHint/resolve`).
 * `skipped`: sorted, merged ranges whose terms get no gloss (`skippedRanges`).
 */
export function inlayHints(
  glossary: Glossary,
  doc: TextDocument,
  range: Range,
  index: DocumentIndex,
  script: ChineseScript,
  skipped: readonly Skipped[],
  tooltip?: (offset: number) => MarkupContent | undefined,
): InlayHint[] {
  // the open document's pieces, read where the glosses are: no copy of the whole text per version
  const text = textOf(doc);
  const from = doc.offsetAt(range.start),
    to = doc.offsetAt(range.end);
  const conceptOf = (m: Parameters<Parameters<typeof firstInParagraph>[4]>[0]) => groupForCard(glossary, glossary.entriesOf(m)).card[0];
  const hints: InlayHint[] = [];
  const occurrencesIn = (a: number, b: number) => {
    const list = index.occurrencesIn(a, b);
    return skipped.length ? list.filter((m) => !overlapsAny(skipped, m.start, m.end)) : list;
  };
  for (const m of firstInParagraph(text, occurrencesIn, from, Math.max(from, to), conceptOf)) {
    const entry = conceptOf(m)!;
    const written = text.slice(m.start, m.end);
    const gloss = collapseWhitespace(containsHan(written) ? (entry.en[0] ?? '') : chineseIn(entry, script));
    if (!gloss || gloss === written) continue;
    const hint: InlayHint = { position: doc.positionAt(m.end), label: gloss, paddingLeft: true };
    if (tooltip) {
      const card = tooltip(m.start);
      if (card) hint.tooltip = card;
    } else hint.data = { uri: doc.uri, version: doc.version, offset: m.start } satisfies GlossData;
    hints.push(hint);
  }
  return hints;
}
