/**
 * A document's text as the engine reads it: a string, or a `PieceText` (an open document in the
 * server) that an edit changes without copying the whole document.
 *
 * Why: a JavaScript string cannot be changed, so a one-character edit of a 1 MB document made with
 * strings builds a new 2 MB string, in memory the engine must fault in page by page, and that alone
 * took longer than everything term QA does after a keystroke (benchmark row 8b). A PieceText is a
 * list of pieces (strings of a few thousand characters): an edit rebuilds the piece it touched and
 * shares the others with the text before it. Every version is immutable, so the text before an edit
 * stays valid for whoever holds it (the directive searches compare versions by identity).
 *
 * `Text` is the subset of string's methods the engine's scans use, so a plain string is a Text and
 * the command line keeps reading files as strings. A scan that reads the whole text (a first scan
 * of a document, a search of every line) asks for `flat(text)`: one string, made once per version.
 */
export interface Text {
  readonly length: number;
  charCodeAt(index: number): number;
  charAt(index: number): string;
  slice(start?: number, end?: number): string;
  indexOf(search: string, from?: number): number;
  lastIndexOf(search: string, from?: number): number;
  startsWith(search: string, position?: number): boolean;
}

/** The text as one string (a string itself; a PieceText's joined once per version). */
export function flat(text: Text): string {
  return typeof text === 'string' ? text : (text as PieceText).toString();
}

/** Pieces an edit makes are at most this long (longer ones are cut) … */
const MAX_PIECE = 16384;
/** … a text is first cut into pieces this long … */
const PIECE = 8192;
/** … and a piece shorter than this is joined to a neighbour when an edit leaves it so. */
const MIN_PIECE = 2048;

export class PieceText implements Text {
  readonly length: number;
  /** The pieces, never empty strings (an empty text has none), and where each starts. */
  private readonly pieces: string[];
  private readonly starts: number[];
  /** The whole text, once asked for. */
  private joined: string | undefined;
  /** The piece the last read was in (reads near each other are the rule). */
  private at = 0;

  private constructor(pieces: string[], starts: number[], length: number) {
    this.pieces = pieces;
    this.starts = starts;
    this.length = length;
  }

  static of(text: string): PieceText {
    const pieces: string[] = [],
      starts: number[] = [];
    for (let k = 0; k < text.length; k += PIECE) {
      starts.push(k);
      pieces.push(text.slice(k, Math.min(text.length, k + PIECE)));
    }
    const t = new PieceText(pieces, starts, text.length);
    t.joined = text;
    return t;
  }

  /** This text with [start, end) replaced by `insert` (a new version; this one is unchanged). */
  edit(start: number, end: number, insert: string): PieceText {
    start = Math.max(0, Math.min(start, this.length));
    end = Math.max(start, Math.min(end, this.length));
    const n = this.pieces.length;
    if (n === 0) return PieceText.of(insert);
    // the pieces [a, b] the replaced range touches (an insertion at a boundary: the piece before it)
    const a = start > 0 ? this.pieceOf(start - 1) : 0;
    const b = end > start ? this.pieceOf(end - 1) : a;
    const left = this.pieces[a]!.slice(0, start - this.starts[a]!);
    const right = this.pieces[b]!.slice(end - this.starts[b]!);
    let middle: string[];
    const size = left.length + insert.length + right.length;
    if (size <= MAX_PIECE) middle = size ? [left + insert + right] : [];
    else {
      // a long insertion (a paste): cut into pieces, the edit's neighbours kept as they are
      middle = [];
      if (left) middle.push(left);
      for (let k = 0; k < insert.length; k += PIECE) middle.push(insert.slice(k, Math.min(insert.length, k + PIECE)));
      if (right) middle.push(right);
    }
    let from = a,
      to = b + 1;
    // a short piece is joined to a neighbour, so that a text keeps few pieces however it is edited
    if (middle.length === 1 && middle[0]!.length < MIN_PIECE) {
      const m = middle[0]!;
      if (to < n && this.pieces[to]!.length + m.length <= MAX_PIECE) middle[0] = m + this.pieces[to++]!;
      else if (from > 0 && this.pieces[from - 1]!.length + m.length <= MAX_PIECE) middle[0] = this.pieces[--from]! + m;
    }
    const pieces = this.pieces.slice(0, from).concat(middle, this.pieces.slice(to));
    const starts = this.starts.slice(0, from);
    let s = from > 0 ? this.starts[from - 1]! + this.pieces[from - 1]!.length : 0;
    for (let k = from; k < pieces.length; k++) {
      starts.push(s);
      s += pieces[k]!.length;
    }
    return new PieceText(pieces, starts, s);
  }

  /** The index of the piece holding offset `i` (0 <= i < length). */
  private pieceOf(i: number): number {
    const at = this.at;
    const starts = this.starts;
    if (i >= starts[at]! && i < starts[at]! + this.pieces[at]!.length) return at;
    let lo = 0,
      hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    this.at = lo;
    return lo;
  }

  charCodeAt(i: number): number {
    if (!(i >= 0 && i < this.length)) return Number.NaN;
    const k = this.pieceOf(Math.floor(i));
    return this.pieces[k]!.charCodeAt(i - this.starts[k]!);
  }

  charAt(i: number): string {
    if (!(i >= 0 && i < this.length)) return '';
    const k = this.pieceOf(Math.floor(i));
    return this.pieces[k]!.charAt(i - this.starts[k]!);
  }

  slice(start = 0, end = this.length): string {
    const len = this.length;
    let a = start < 0 ? Math.max(0, len + start) : Math.min(start, len);
    let b = end < 0 ? Math.max(0, len + end) : Math.min(end, len);
    a = Math.floor(a);
    b = Math.floor(b);
    if (a >= b) return '';
    if (this.joined !== undefined) return this.joined.slice(a, b);
    const k = this.pieceOf(a);
    const s = this.starts[k]!,
      p = this.pieces[k]!;
    if (b <= s + p.length) return p.slice(a - s, b - s);
    if (a === 0 && b === len) return this.toString();
    const parts = [p.slice(a - s)];
    for (let j = k + 1; j < this.pieces.length && this.starts[j]! < b; j++) {
      const q = this.pieces[j]!;
      parts.push(b >= this.starts[j]! + q.length ? q : q.slice(0, b - this.starts[j]!));
    }
    return parts.join('');
  }

  indexOf(search: string, from = 0): number {
    if (this.joined !== undefined) return this.joined.indexOf(search, from);
    const start = Math.max(0, Math.min(Math.floor(from) || 0, this.length));
    if (search.length === 0) return start;
    if (start >= this.length) return -1;
    const m = search.length;
    for (let k = this.pieceOf(start); k < this.pieces.length; k++) {
      const s = this.starts[k]!,
        p = this.pieces[k]!;
      const found = p.indexOf(search, Math.max(0, start - s));
      if (found >= 0) return s + found;
      // one starting in this piece's last m - 1 characters and running into the next
      if (m > 1 && k + 1 < this.pieces.length) {
        const from2 = Math.max(start, s + p.length - m + 1);
        const at = this.slice(from2, s + p.length + m - 1).indexOf(search);
        if (at >= 0) return from2 + at;
      }
    }
    return -1;
  }

  lastIndexOf(search: string, from = Number.POSITIVE_INFINITY): number {
    if (this.joined !== undefined) return this.joined.lastIndexOf(search, from);
    const m = search.length;
    // the last start allowed
    const last = Math.min(Number.isNaN(from) ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(from)), this.length - m);
    if (last < 0) return m === 0 && this.length === 0 ? 0 : -1;
    if (m === 0) return last;
    for (let k = this.pieceOf(Math.min(last, this.length - 1)); k >= 0; k--) {
      const s = this.starts[k]!,
        p = this.pieces[k]!;
      // one starting in this piece and running into the next
      if (m > 1 && k + 1 < this.pieces.length) {
        const a = Math.max(s, s + p.length - m + 1),
          b = Math.min(last + m, s + p.length + m - 1);
        if (a < b) {
          const at = this.slice(a, b).lastIndexOf(search);
          if (at >= 0) return a + at;
        }
      }
      const found = p.lastIndexOf(search, last - s);
      if (found >= 0 && found + m <= p.length) return s + found;
    }
    return -1;
  }

  startsWith(search: string, position = 0): boolean {
    const a = Math.min(this.length, Math.max(0, Math.floor(position) || 0));
    return a + search.length <= this.length && this.slice(a, a + search.length) === search;
  }

  /** The whole text as one string (made once; the pieces then share its memory). */
  toString(): string {
    if (this.joined === undefined) {
      const joined = this.pieces.join('');
      // the pieces as parts of the joined string: the strings they were cut from can go
      for (let k = 0; k < this.pieces.length; k++) this.pieces[k] = joined.slice(this.starts[k]!, this.starts[k]! + this.pieces[k]!.length);
      this.joined = joined;
    }
    return this.joined;
  }

  /** How many pieces the text has (for tests). */
  get pieceCount(): number {
    return this.pieces.length;
  }

  /** Where the pieces start (for tests: reads across their boundaries). */
  get pieceStarts(): readonly number[] {
    return this.starts;
  }
}
