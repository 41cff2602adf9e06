/**
 * Open documents and their occurrence indexes. The TextDocuments update hook feeds every edit to
 * the document's index, so an edit rescans only the region it touched.
 */
import { TextDocuments, type TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextAnchors } from './engine/directives';
import { DocumentIndex } from './engine/documentIndex';
import type { MatchOptions, TermIndex } from './engine/matcher';
import { countScripts } from './engine/script';
import { PieceDocument, textOf } from './textDocument';

/** How many simplified-only and traditional-only characters a document has (kept current on edits). */
export interface ScriptCounts {
  simplified: number;
  traditional: number;
}

export class OpenDocuments {
  private readonly indexes = new Map<string, DocumentIndex>();
  private readonly counts = new Map<string, ScriptCounts>();
  private readonly anchors = new Map<string, TextAnchors>();
  readonly documents: TextDocuments<TextDocument>;

  constructor() {
    this.documents = new TextDocuments<TextDocument>({
      create: (uri, languageId, version, text) => {
        // a second didOpen of the same URI (without a close) replaces the text: start a new index
        this.indexes.delete(uri);
        this.counts.delete(uri);
        this.anchors.delete(uri);
        return PieceDocument.create(uri, languageId, version, typeof text === 'string' ? text : '');
      },
      update: (doc, changes, version) => this.apply(doc, changes, version),
    });
    this.documents.onDidClose(({ document }) => {
      this.indexes.delete(document.uri);
      this.counts.delete(document.uri);
      this.anchors.delete(document.uri);
    });
  }

  /**
   * A didChange: the document updated change by change, and with it its occurrence index and script
   * counts (when made). The one path of every edit (the benchmarks call it too).
   */
  apply(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    return applyChanges(doc, changes, version, this.indexes.get(doc.uri), this.counts.get(doc.uri), this.anchors.get(doc.uri));
  }

  /**
   * Where the document has what term QA's directive and skipped-range scans look for (engine
   * TextAnchors), found once and kept by each edit: give its `find` to those scans.
   */
  anchorsOf(doc: TextDocument): TextAnchors {
    let a = this.anchors.get(doc.uri);
    if (!a) this.anchors.set(doc.uri, (a = new TextAnchors(textOf(doc))));
    return a;
  }

  /** The document's script counts (engine/script.ts), counted once and updated by each edit. */
  scriptCounts(doc: TextDocument): ScriptCounts {
    let c = this.counts.get(doc.uri);
    if (!c) this.counts.set(doc.uri, (c = countScripts(textOf(doc))));
    return c;
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The occurrence index of an open document, made on first use (and again after a glossary change). */
  indexOf(doc: TextDocument, terms: TermIndex, opts: MatchOptions): DocumentIndex {
    let index = this.indexes.get(doc.uri);
    if (!index || index.terms !== terms) {
      index = new DocumentIndex(terms, textOf(doc), opts);
      this.indexes.set(doc.uri, index);
    } else index.setOptions(opts);
    return index;
  }
}

/** A position with whole, non-negative numbers (LSP's are unsigned integers): a fraction is cut, anything else is 0. */
function wholePosition(p: { line?: unknown; character?: unknown } | undefined): { line: number; character: number } {
  const whole = (n: unknown) => (typeof n === 'number' && n > 0 && Number.isFinite(n) ? Math.floor(n) : 0);
  return { line: whole(p?.line), character: whole(p?.character) };
}

/**
 * Apply a didChange's changes one by one, feeding each to the document's occurrence index (when it
 * has one). Each range is first made well formed inside the current text: a reversed range is the
 * same range, a position's numbers are made whole and not negative, and positions past a line's end
 * or the document's end are clamped. (The text document library does not clamp a line past the end
 * on an incremental update: its line table then holds NaN. So the range handed to it is always one
 * it can take.)
 */
export function applyChanges(
  doc: TextDocument,
  changes: TextDocumentContentChangeEvent[],
  version: number,
  index: DocumentIndex | undefined,
  counts?: ScriptCounts,
  anchors?: TextAnchors,
): TextDocument {
  // (a document made elsewhere, as by a test: ours from here on)
  const d = doc instanceof PieceDocument ? doc : PieceDocument.create(doc.uri, doc.languageId, doc.version, doc.getText());
  for (const change of changes) {
    // a change that is not an object changes nothing (and is no reason to fail the others)
    if (typeof change !== 'object' || change === null) continue;
    if ('range' in change) {
      const a = d.offsetAt(wholePosition(change.range?.start)),
        b = d.offsetAt(wholePosition(change.range?.end));
      const start = Math.min(a, b),
        oldEnd = Math.max(a, b);
      const text = typeof change.text === 'string' ? change.text : '';
      if (counts) {
        const removed = countScripts(d.text, start, oldEnd),
          added = countScripts(text);
        counts.simplified += added.simplified - removed.simplified;
        counts.traditional += added.traditional - removed.traditional;
      }
      d.replace(start, oldEnd, text);
      index?.update(d.text, start, oldEnd, start + text.length);
      anchors?.update(d.text, start, oldEnd, start + text.length);
    } else {
      d.replace(0, d.text.length, typeof change.text === 'string' ? change.text : '');
      index?.reset(d.text);
      if (counts) Object.assign(counts, countScripts(d.text));
      anchors?.reset(d.text);
    }
  }
  d.version = version;
  return d;
}
