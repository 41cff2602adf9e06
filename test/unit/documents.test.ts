/**
 * The server's document updates feed the occurrence index: after any didChange (reversed ranges,
 * positions past the end, several changes in one event), the index equals a full scan of the text
 * the document now has. The expected text is computed by a model written here, not by the library.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChanges } from '../../server/src/documents';
import { DocumentIndex } from '../../server/src/engine/documentIndex';
import type { Match } from '../../server/src/engine/matcher';
import { sample } from './helpers';

const plain = (ms: readonly Match[]) => ms.map((m) => [m.start, m.end, [...m.entries].sort().join(',')]);

/** Offset of a position in the model text, clamped as LSP clamps it (line past the end → end; character past the line → its end). */
function offsetIn(text: string, line: number, character: number): number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') starts.push(i + 1);
  }
  if (line >= starts.length) return text.length;
  const start = starts[line]!;
  let end = line + 1 < starts.length ? starts[line + 1]! : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return Math.min(start + character, end);
}

describe('didChange reaches the occurrence index in the right coordinates', () => {
  it('a reversed range edits the same text as the forward range', () => {
    const text = '我们研究区块链技术。\n供应链金融与智能合约';
    const doc = TextDocument.create('file:///a.txt', 'plaintext', 1, text);
    const index = new DocumentIndex(sample.index, text);
    expect(index.occurrences.length).toBeGreaterThan(0);
    const next = applyChanges(doc, [{ range: { start: { line: 1, character: 5 }, end: { line: 0, character: 4 } }, text: '' }], 2, index);
    expect(next.getText()).toBe('我们研究与智能合约');
    expect(plain(index.occurrences)).toEqual(plain(sample.index.scan(next.getText())));
  });

  it('any sequence of edits, reversed and out of range included, leaves the index equal to a full scan', () => {
    const fragment = fc.constantFrom('区块', '链', '\n', '\r\n', '\r', ' ', 'API', 'smart ', 'contracts', '供应链', '金融', '𠀀', '');
    const change = fc.record({
      a: fc.record({ line: fc.nat(6), character: fc.nat(14) }),
      b: fc.record({ line: fc.nat(6), character: fc.nat(14) }),
      text: fc.array(fragment, { maxLength: 4 }).map((parts) => parts.join('')),
    });
    fc.assert(
      fc.property(fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), (events) => {
        let model = '区块链与供应链金融\nsmart contracts and the API\n';
        let doc = TextDocument.create('file:///p.txt', 'plaintext', 1, model);
        const index = new DocumentIndex(sample.index, model);
        expect(index.occurrences).toBeDefined();
        let version = 1;
        for (const event of events) {
          for (const { a, b, text } of event) {
            const x = offsetIn(model, a.line, a.character),
              y = offsetIn(model, b.line, b.character);
            model = model.slice(0, Math.min(x, y)) + text + model.slice(Math.max(x, y));
          }
          doc = applyChanges(
            doc,
            event.map(({ a, b, text }) => ({ range: { start: a, end: b }, text })),
            ++version,
            index,
          );
          expect(doc.getText()).toBe(model);
          expect(plain(index.occurrences)).toEqual(plain(sample.index.scan(model)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
