/**
 * Inline glosses over an open document the server keeps in pieces (PieceDocument): the same hints
 * as over the same text as one string, read from the pieces around the visible range, never from a
 * copy of the whole document (one per version: a megabyte string after each keystroke).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentIndex } from '../../server/src/engine/documentIndex';
import { PieceText } from '../../server/src/engine/text';
import { inlayHints } from '../../server/src/features/inlayHints';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';
import { PieceDocument } from '../../server/src/textDocument';

const glossary = glossaryFromFile(join(__dirname, '../../dist/glossary.json'));
const source = readFileSync(join(__dirname, '../../glossary/sources/001-fintech-reports.txt'), 'utf8');

describe('inline glosses over a document kept in pieces', () => {
  it('are the glosses of the same text as one string, and join no pieces', () => {
    // 60,000 units of the source (some eight pieces), edited in the middle: a paragraph break typed
    // and a term pasted, so that the text has pieces an edit made
    const initial = source.slice(40_000, 100_000);
    const doc = PieceDocument.create('file:///a.md', 'markdown', 1, initial);
    const index = new DocumentIndex(glossary.index, doc.text);
    // scanned when opened (the server checks it then), and rescanned around each edit after
    expect(index.occurrences.length).toBeGreaterThan(100);
    let text = initial;
    for (const [at, ins] of [
      [30_000, '\n\n'],
      [30_500, '区块链与blockchain，'],
    ] as const) {
      doc.replace(at, at, ins);
      index.update(doc.text, at, at, at + ins.length);
      text = text.slice(0, at) + ins + text.slice(at);
    }
    expect(doc.getText()).toBe(text);
    const plain = TextDocument.create('file:///a.md', 'markdown', doc.version, text);
    const plainIndex = new DocumentIndex(glossary.index, text);
    // the line table, made once a document is opened (not by the glosses)
    doc.positionAt(0);
    const joins = vi.spyOn(PieceText.prototype, 'toString');
    try {
      let glosses = 0;
      for (const line of [0, 40, 150, 300]) {
        const range = { start: { line, character: 0 }, end: { line: line + 30, character: 0 } };
        const ours = inlayHints(glossary, doc, range, index, 'zh-Hans', []);
        expect(ours).toEqual(inlayHints(glossary, plain, range, plainIndex, 'zh-Hans', []));
        glosses += ours.length;
      }
      // (and they are glosses: the source has terms on most lines)
      expect(glosses).toBeGreaterThan(20);
      expect(joins).not.toHaveBeenCalled();
    } finally {
      joins.mockRestore();
    }
  });
});
