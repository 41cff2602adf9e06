/**
 * One Markdown line as the block readings see it (CommonMark's containers and block starts, read
 * from the line alone): its indentation in columns (tabs to the next multiple of four), its block
 * quote and list markers and the columns their content starts at, and which block its text starts
 * (a fence run, a heading, a thematic break, a setext underline, a list item that may interrupt a
 * paragraph). `indentedCode.ts` and the fence and paragraph finders read lines through these.
 */
import type { Text } from './text';
import { lineEnd, lineStart } from './lines';

/** A line: [start, end) without its break, `next` after it, and where its text starts. */
export interface Line {
  start: number;
  end: number;
  next: number;
  /** The offset of its first unit that is not a space or tab (`end` on a blank line). */
  first: number;
  /** Columns before `first`, tabs to the next multiple of four. */
  indent: number;
  /** Does it start with four spaces or a tab (the needles)? */
  indented: boolean;
  /**
   * The column `start` is at in its line (0 for a whole line; past the markers of a quote's line),
   * where tabs go to the next multiple of four: columns here count from `start`, tab stops from the
   * line's own start (`> \t2.`: the tab is two columns wide).
   */
  base?: number;
}

export function readLine(text: Text, start: number): Line {
  // a byte-order mark starting the text is no part of its first line
  let i = start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
  const from = i;
  let indent = 0;
  for (; ; i++) {
    const u = text.charCodeAt(i);
    if (u === 0x20) indent++;
    else if (u === 0x09) indent += 4 - (indent % 4);
    else break;
  }
  const first = i;
  const end = lineEnd(text, i);
  i = end;
  const next = text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? i + 2 : Math.min(text.length, i + 1);
  const indented = text.charCodeAt(from) === 0x09 || text.startsWith('    ', from);
  return { start, end, next, first, indent, indented };
}

/** The start of the line before the one starting at `start` (> 0, after a line break). */
export function previousLineStart(text: Text, start: number): number {
  const i = start - 1;
  return lineStart(text, text.charCodeAt(i) === 0x0a && text.charCodeAt(i - 1) === 0x0d ? i - 1 : i);
}

/**
 * A list item's marker at `line.first` (`-`, `*`, `+`, or up to nine digits and `.` or `)`, then a
 * space, a tab or the line's end): the column its content starts at, or -1.
 */
export function listContent(text: Text, line: Line): number {
  let i = line.first;
  const u = text.charCodeAt(i);
  if (u === 0x2d || u === 0x2a || u === 0x2b) i++;
  else {
    while (i - line.first < 9 && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    const d = text.charCodeAt(i);
    if (i === line.first || (d !== 0x2e && d !== 0x29)) return -1;
    i++;
  }
  const marker = line.indent + (i - line.first);
  if (i === line.end) return marker + 1;
  const base = line.base ?? 0;
  let column = marker;
  for (; i < line.end; i++) {
    const w = text.charCodeAt(i);
    if (w === 0x20) column++;
    else if (w === 0x09) column += 4 - ((base + column) % 4);
    else break;
  }
  if (column === marker) return -1;
  // nothing after the marker, or code after it: the content starts one column after the marker
  return i === line.end || column - marker > 4 ? marker + 1 : column;
}

/**
 * Where column `column` of `line` starts (tabs to the next multiple of four), when text starts
 * there (a list item's content); -1 past the line's end or inside a tab.
 */
export function offsetOfColumn(text: Text, line: Line, column: number): number {
  const base = line.base ?? 0;
  let c = 0;
  for (let i = line.start; i < line.end; i++) {
    if (c === column) return i;
    if (c > column) return -1;
    c += text.charCodeAt(i) === 0x09 ? 4 - ((base + c) % 4) : 1;
  }
  return -1;
}

/**
 * The block quote markers at `line.first` (`>`, each with an optional space after it, the next up to
 * three spaces further): how many, and the line of text after them, whose columns count from there
 * (its indentation: the columns it has past the markers, tabs to the line's multiples of four).
 */
export function quoteContent(text: Text, line: Line): { depth: number; line: Line } | undefined {
  let i = line.first;
  if (i === line.end || text.charCodeAt(i) !== 0x3e) return undefined;
  let depth = 0;
  for (;;) {
    depth++;
    i++;
    if (text.charCodeAt(i) === 0x20 && i < line.end) i++;
    let j = i;
    while (j < line.end && j - i < 3 && text.charCodeAt(j) === 0x20) j++;
    if (j === line.end || text.charCodeAt(j) !== 0x3e) break;
    i = j;
  }
  // the markers and spaces before `i` are a column each (in the line: tabs stop at its columns)
  const base = (line.base ?? 0) + line.indent + (i - line.first);
  let column = base;
  let first = i;
  for (; first < line.end; first++) {
    const u = text.charCodeAt(first);
    if (u === 0x20) column++;
    else if (u === 0x09) column += 4 - (column % 4);
    else break;
  }
  const indent = column - base;
  return { depth, line: { start: i, end: line.end, next: line.next, first, indent, indented: indent >= 4, base } };
}

/** The fence run (three or more backticks or tildes) `line` starts with: its length, or 0. */
export function fenceRun(text: Text, line: Line): number {
  const u = text.charCodeAt(line.first);
  if (u !== 0x60 && u !== 0x7e) return 0;
  let i = line.first;
  while (i < line.end && text.charCodeAt(i) === u) i++;
  return i - line.first >= 3 ? i - line.first : 0;
}

/** Does `line` close a fence of `run` units `u`: as many or more of them, then only spaces and tabs? */
export function closesFence(text: Text, line: Line, u: number, run: number): boolean {
  const n = fenceRun(text, line);
  if (n < run || text.charCodeAt(line.first) !== u) return false;
  for (let i = line.first + n; i < line.end; i++) if (text.charCodeAt(i) !== 0x20 && text.charCodeAt(i) !== 0x09) return false;
  return true;
}

const isDigit = (u: number) => u >= 0x30 && u <= 0x39;

/** Where the list marker starting at `marker` ends: after its bullet, or its digits and `.` or `)`. */
function markerEnd(text: Text, marker: number): number {
  let i = marker + 1;
  if (isDigit(text.charCodeAt(marker))) {
    while (isDigit(text.charCodeAt(i))) i++;
    i++;
  }
  return i;
}

/** Is the list item whose marker starts at `marker` empty: only spaces and tabs after its marker up to `end`? */
export function blankAfterMarker(text: Text, marker: number, end: number): boolean {
  for (let i = markerEnd(text, marker); i < end; i++) if (text.charCodeAt(i) !== 0x20 && text.charCodeAt(i) !== 0x09) return false;
  return true;
}

/**
 * Where the code starts on a list item's own line whose content starts with indented code
 * (`-     code`: five columns or more of blanks after the marker at offset `marker`, then text), or
 * -1. CommonMark: the content then starts one column after the marker (`listContent`), and the rest
 * of the line, four columns or more past that, is an indented code block. `column`: the marker's
 * column; `base`: the line's tab base (`Line.base`).
 */
export function codeAfterMarker(text: Text, marker: number, column: number, end: number, base = 0): number {
  let i = markerEnd(text, marker);
  const after = column + (i - marker);
  let c = after;
  for (; i < end; i++) {
    const w = text.charCodeAt(i);
    if (w === 0x20) c++;
    else if (w === 0x09) c += 4 - ((base + c) % 4);
    else break;
  }
  return i < end && c - after > 4 ? i : -1;
}

/** A thematic break: three or more of one of `*`, `-`, `_`, spaces and tabs between them, nothing else. */
export function thematicBreak(text: Text, line: Line): boolean {
  const u = text.charCodeAt(line.first);
  if (u !== 0x2a && u !== 0x2d && u !== 0x5f) return false;
  let n = 0;
  for (let i = line.first; i < line.end; i++) {
    const w = text.charCodeAt(i);
    if (w === u) n++;
    else if (w !== 0x20 && w !== 0x09) return false;
  }
  return n >= 3;
}

/** A setext heading's underline (under a paragraph): a run of `=` or of `-`, then only spaces and tabs. */
export function setextUnderline(text: Text, line: Line): boolean {
  const u = text.charCodeAt(line.first);
  if (u !== 0x3d && u !== 0x2d) return false;
  let i = line.first;
  while (i < line.end && text.charCodeAt(i) === u) i++;
  for (; i < line.end; i++) if (text.charCodeAt(i) !== 0x20 && text.charCodeAt(i) !== 0x09) return false;
  return true;
}

/** An ATX heading (`#` to `######`, then a space, a tab or the line's end)? */
export function heading(text: Text, line: Line): boolean {
  let i = line.first;
  while (i < line.end && text.charCodeAt(i) === 0x23) i++;
  const n = i - line.first;
  return n >= 1 && n <= 6 && (i === line.end || text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09);
}

/** Can the list item whose marker starts `line` interrupt a paragraph: it has text, and a number, if any, of 1? */
export function interrupts(text: Text, line: Line): boolean {
  if (blankAfterMarker(text, line.first, line.end)) return false;
  const u = text.charCodeAt(line.first);
  if (u < 0x30 || u > 0x39) return true;
  let i = line.first;
  while (text.charCodeAt(i) === 0x30) i++;
  return text.charCodeAt(i) === 0x31 && !(text.charCodeAt(i + 1) >= 0x30 && text.charCodeAt(i + 1) <= 0x39);
}

/**
 * A line as a paragraph's reading sees it: its text past the block quote markers (`line`; also those
 * of a quote opened at its list items' content, `- > a`), how many markers, the column its text
 * starts at and the column of its content (past its list markers, when it opens items: `- - a`),
 * counted from the line's start; `inner` is the line from its content on.
 */
export interface LineHead {
  line: Line;
  inner: Line;
  depth: number;
  /** The columns before its first `>` (or its text, when it has none). */
  lead: number;
  column: number;
  content: number;
  /** The first list marker's number when it is an ordered one (`2.`), else -1. */
  ordered: number;
  /** Does the line open a list item (its first marker: a non-empty one)? */
  item: boolean;
  /** The column of its first `>` when a block quote opens at a list item's content (`- > a`), else -1. */
  quoteInItem: number;
  /**
   * Set by a paragraph's reading (`paragraphHead` in indentedCode.ts) on a line that goes on with a
   * paragraph: true when that paragraph opened on a list item's or a quote's line (`content` and
   * `depth` are that line's), else false. Undefined on a paragraph's first line.
   */
  carried?: boolean;
}

export function lineHead(text: Text, start: number): LineHead {
  const raw = readLine(text, start);
  const quoted = quoteContent(text, raw);
  const line = quoted ? quoted.line : raw;
  // the markers and the single spaces after them are a column each
  const base = quoted ? raw.indent + (line.start - raw.first) : 0;
  let inner = line;
  let content = line.indent;
  let ordered = -1;
  let item = false;
  for (let at = line.indent < 4 ? listContent(text, line) : -1; at >= 0; ) {
    if (inner === line) {
      item = !blankAfterMarker(text, line.first, line.end);
      // an ordered marker's number (up to nine digits)
      for (let i = line.first, u = text.charCodeAt(i); u >= 0x30 && u <= 0x39; u = text.charCodeAt(++i))
        ordered = (ordered < 0 ? 0 : ordered * 10) + u - 0x30;
    }
    content = at;
    const first = offsetOfColumn(text, line, at);
    inner = {
      start: line.start,
      end: line.end,
      next: line.next,
      first: first < 0 ? line.end : first,
      indent: at,
      indented: false,
      base: line.base,
    };
    if (first < 0) break;
    at = listContent(text, inner);
  }
  if (inner !== line && text.charCodeAt(inner.first) === 0x3e && inner.first < line.end) {
    // a block quote opened on the items' line (`- > a`): its text is the line's
    const inItem = quoteContent(text, inner)!;
    const column = base + content + (inItem.line.start - inner.first) + inItem.line.indent;
    const { line: quotedLine } = inItem;
    // in a quote (`> - > a`), a quote inside the quote: its markers count with the quote's, and the
    // lines of its paragraph or fence have them all at the line's start (`>   > b`)
    const depth = (quoted ? quoted.depth : 0) + inItem.depth;
    return {
      line: quotedLine,
      inner: quotedLine,
      depth,
      lead: raw.indent,
      column,
      content: column,
      ordered,
      item,
      quoteInItem: quoted ? -1 : content,
    };
  }
  return {
    line,
    inner,
    depth: quoted ? quoted.depth : 0,
    lead: raw.indent,
    column: base + line.indent,
    content: base + content,
    ordered,
    item,
    quoteInItem: -1,
  };
}

/** Is `head` an ATX heading's line (`# …`, `> ## …`, `- # …`): a block of one line? */
export function headingLine(text: Text, head: LineHead): boolean {
  return (head.inner !== head.line || head.line.indent < 4) && heading(text, head.inner);
}

/** Is `head` a line of a paragraph: not blank, no heading, thematic break or setext underline? */
export function paragraphLine(text: Text, head: LineHead): boolean {
  const { line } = head;
  if (line.first === line.end || headingLine(text, head)) return false;
  return line.indent >= 4 || !(thematicBreak(text, line) || setextUnderline(text, line));
}
