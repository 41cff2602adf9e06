/**
 * The open documents' text model: vscode-languageserver-textdocument's TextDocument interface, with
 * the text kept as a PieceText (engine/text.ts), so that an edit of a long document costs what the
 * edit touched, not a copy of the document. `getText()` joins the pieces once per version, for
 * the features that want one string; the keystroke path reads `textOf(doc)` instead.
 *
 * Positions are as in vscode-languageserver-textdocument (and LSP): UTF-16 code units, a line ends
 * at LF, CR or CRLF, a position is never placed between a CR and its LF or after a line's break.
 */
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { PieceText, type Text, flat } from './engine/text';

const LF = 0x0a,
  CR = 0x0d;

/** The starts of the lines that begin in (from, to], each after a line break in text[from, to) (CRLF is one break). */
function lineStartsIn(text: Text, from: number, to: number, out: number[]): number[] {
  for (let i = from; i < to; i++) {
    const u = text.charCodeAt(i);
    if (u === CR) {
      if (i + 1 < to && text.charCodeAt(i + 1) === LF) i++;
      out.push(i + 1);
    } else if (u === LF) out.push(i + 1);
  }
  return out;
}

export class PieceDocument implements TextDocument {
  private lineOffsets: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    public text: PieceText,
  ) {}

  static create(uri: string, languageId: string, version: number, content: string): PieceDocument {
    return new PieceDocument(uri, languageId, version, PieceText.of(content));
  }

  getText(range?: Range): string {
    if (range) return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    return this.text.toString();
  }

  get lineCount(): number {
    return this.lines().length;
  }

  private lines(): number[] {
    if (!this.lineOffsets) {
      const whole = flat(this.text);
      this.lineOffsets = lineStartsIn(whole, 0, whole.length, [0]);
    }
    return this.lineOffsets;
  }

  /** Back over line-break units before `offset` (not before the line's start). */
  private beforeEol(offset: number, lineOffset: number): number {
    while (offset > lineOffset) {
      const u = this.text.charCodeAt(offset - 1);
      if (u !== CR && u !== LF) break;
      offset--;
    }
    return offset;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.text.length), 0);
    const lines = this.lines();
    let low = 0,
      high = lines.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (lines[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeEol(offset, lines[line]!) - lines[line]! };
  }

  offsetAt(position: Position): number {
    const lines = this.lines();
    if (position.line >= lines.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineOffset = lines[position.line]!;
    if (position.character <= 0) return lineOffset;
    const next = position.line + 1 < lines.length ? lines[position.line + 1]! : this.text.length;
    return this.beforeEol(Math.min(lineOffset + position.character, next), lineOffset);
  }

  getLineRange(line: number): Range {
    const lines = this.lines();
    if (line >= lines.length) {
      const last = lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.text.length - lines[last]! } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lines[line]!;
    const next = line + 1 < lines.length ? lines[line + 1]! : this.text.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lines = this.lines();
    if (line >= lines.length || line < 0) return '';
    const next = line + 1 < lines.length ? lines[line + 1]! : this.text.length;
    return this.text.slice(this.beforeEol(next, lines[line]!), next);
  }

  /**
   * Replace [start, end) by `insert` (offsets in the current text), keeping the line table when it
   * has been made: the lines the edit touched are found again in the new text, those after move.
   */
  replace(start: number, end: number, insert: string): void {
    const lines = this.lineOffsets;
    const old = this.text;
    if (start <= 0 && end >= old.length) {
      // the whole text (a full-text change): a new one, its lines found when asked for
      this.text = PieceText.of(insert);
      this.lineOffsets = undefined;
      return;
    }
    this.text = old.edit(start, end, insert);
    if (!lines) return;
    const text = this.text;
    // a CRLF made or split at either edge of the edit changes a line count outside it: start over
    const newEnd = start + insert.length;
    const joins = (at: number) => text.charCodeAt(at - 1) === CR && text.charCodeAt(at) === LF;
    const splits = (at: number) => old.charCodeAt(at - 1) === CR && old.charCodeAt(at) === LF;
    if (joins(start) || joins(newEnd) || splits(start) || splits(end)) {
      this.lineOffsets = undefined;
      return;
    }
    // lines whose start is in (start, end] were made by breaks the edit replaced
    let a = 0,
      hi = lines.length;
    while (a < hi) {
      const mid = (a + hi) >>> 1;
      if (lines[mid]! <= start) a = mid + 1;
      else hi = mid;
    }
    let b = a;
    while (b < lines.length && lines[b]! <= end) b++;
    const added: number[] = [];
    lineStartsIn(text, start, newEnd, added);
    const delta = insert.length - (end - start);
    if (delta !== 0) for (let k = b; k < lines.length; k++) lines[k]! += delta;
    if (added.length < 10_000) lines.splice(a, b - a, ...added);
    else this.lineOffsets = lines.slice(0, a).concat(added, lines.slice(b));
  }
}

/** A document's text for the engine: its PieceText when it is ours, else its string. */
export function textOf(doc: TextDocument): Text {
  return doc instanceof PieceDocument ? doc.text : doc.getText();
}
