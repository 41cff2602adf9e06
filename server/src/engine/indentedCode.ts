/**
 * Markdown's indented code blocks (CommonMark: lines indented four columns or more, after a blank
 * line, a heading or a fence; not a paragraph's continuation, and inside a list item four columns
 * past the item's content; in a block quote, four columns past its `>` markers), and the fences of
 * list items four columns or more in, which the fence finder leaves to this reading (as it leaves
 * the HTML blocks there, whose lines are no code or fence). Term QA skips
 * them and conversion keeps them as written, as it does fenced blocks (`skippedRanges` in
 * directives.ts).
 *
 * A code line starts with four spaces or a tab, or is a block quote's (a `>` with only spaces and
 * tabs before it, five spaces or a tab after it), so only the lines found after the needles below
 * and those are read, with the lines before them back to the nearest line that closes every list
 * (a line at column 0 after a blank line): a document without indented lines or quotes costs a
 * search, not a reading.
 */
import { type Text, flat } from './text';
import type { Find } from './directives';
import { isLineBreak, lineEnd, lineStart } from './lines';
import {
  type Line,
  type LineHead,
  readLine,
  previousLineStart,
  listContent,
  offsetOfColumn,
  quoteContent,
  fenceRun,
  closesFence,
  blankAfterMarker,
  codeAfterMarker,
  thematicBreak,
  setextUnderline,
  heading,
  interrupts,
  lineHead,
  headingLine,
  paragraphLine,
} from './markdownLine';

/** What a line that may be code starts with, after its line break: four spaces or a tab. */
export const INDENT_NEEDLES = ['\n    ', '\n\t', '\r    ', '\r\t'];

interface Range {
  start: number;
  end: number;
}

/**
 * Can the block quote line whose first `>` is at `at` have code: after a `>` of its markers, five
 * spaces or more, or a tab (the optional space and four columns)?
 */
function quotedCode(text: Text, at: number): boolean {
  if (text.charCodeAt(at) !== 0x3e) return false;
  for (let i = at + 1, spaces = 0; spaces < 5; i++) {
    const u = text.charCodeAt(i);
    if (u === 0x09) return true;
    if (u === 0x20) spaces++;
    else if (u === 0x3e) spaces = 0;
    else return false;
  }
  return true;
}

/**
 * A fence in a list item whose content starts at column `content`, opened by a run of `run` units
 * `u` on the line ending at `end` (the next line starting at `next`): it ends at its closing line (as
 * many or more of the unit, up to three columns past the content, nothing else), or where the item
 * ends (before a line less far in) or before a line `stop` says starts another block. Returns the
 * end of its last line and the start of the line after it.
 */
export function listFence(
  text: Text,
  end: number,
  next: number,
  u: number,
  run: number,
  content: number,
  stop?: (start: number) => boolean,
): { end: number; next: number } {
  while (next < text.length) {
    const line = readLine(text, next);
    const blank = line.first === line.end;
    if (stop?.(line.start) || (!blank && line.indent < content)) break;
    end = line.end;
    next = line.next;
    if (!blank && line.indent - content < 4 && closesFence(text, line, u, run)) break;
  }
  return { end, next };
}

/** The fence with `at` in it (sorted ranges), if any. */
function fenceAt(fences: readonly Range[], at: number): Range | undefined {
  let lo = 0,
    hi = fences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (fences[mid]!.end < at) lo = mid + 1;
    else hi = mid;
  }
  const f = fences[lo];
  return f && f.start <= at ? f : undefined;
}

/** Spaces, tabs, `>` and what list markers are made of: what may come before an HTML opener on its line. */
const isContainerMark = (u: number) =>
  u === 0x20 || u === 0x09 || u === 0x3e || u === 0x2d || u === 0x2a || u === 0x2b || u === 0x2e || u === 0x29 || (u >= 0x30 && u <= 0x39);

/**
 * Where CommonMark's HTML blocks that run on over blank lines may open (a comment, `<script>`,
 * `<pre>`, `<style>`, `<textarea>`, `<?…?>`, `<!X…>`, CDATA): the offsets of `<!`, `<?` or one of the
 * four tag names where a line's text starts: up to three spaces in, or right after its block quote
 * or list markers (`> <!--`, `- <!--`, `> 1. <!--`), in order. Only these are read; `htmlBlockAt` says
 * whether one opens a block and where it ends.
 */
export function htmlOpeners(text: Text, find: Find): number[] {
  const starts = new Set<number>();
  for (const needle of HTML_NEEDLES)
    for (let at = find(needle, 0); at >= 0; at = find(needle, at + 1)) if (htmlOpenerAt(text, at)) starts.add(at);
  return [...starts].sort((a, b) => a - b);
}

/**
 * Is the `<` at `at` (of one of the HTML needles) where its line's text starts, so that it may open
 * an HTML block (`htmlOpeners`)? Read from its own line only: an edit elsewhere cannot change it.
 */
export function htmlOpenerAt(text: Text, at: number): boolean {
  let s = at;
  while (s > 0 && at - s < 3 && text.charCodeAt(s - 1) === 0x20) s--;
  if (s === 0 || isLineBreak(text.charCodeAt(s - 1))) return true;
  // after markers: the line's text past them starts here
  while (s > 0 && at - s < 64 && isContainerMark(text.charCodeAt(s - 1))) s--;
  return (s === 0 || isLineBreak(text.charCodeAt(s - 1))) && containerOf(text, s, at) !== undefined;
}

/**
 * The block quote or list item whose text starts at `at` on the line starting at `start`, past its
 * markers (`lineHead`; the first less than four columns in); undefined when there are none or the
 * text starts elsewhere.
 */
function containerOf(text: Text, start: number, at: number): LineHead | undefined {
  const head = lineHead(text, start);
  const listed = head.inner !== head.line;
  if ((!listed && head.depth === 0) || head.lead >= 4) return undefined;
  return head.inner.first === at && (listed || head.line.indent < 4) ? head : undefined;
}

/** Where each kind of HTML block's closing text was last found: a search that found none is not made again. */
export type HtmlClosings = Map<RegExp, { from: number; at: number; length: number }>;

/**
 * The HTML block opening at `at` (an offset `htmlOpeners` gives): from its line's start to the end
 * of the line that closes it, or of the last line of the block quote or list item it opens in (a
 * line with fewer `>` markers, or a line with text less far in than the item's content, ends that);
 * an unclosed one at the top: the text's end. Its lines are HTML, never code. Undefined when no
 * such block opens there. `closings`: the searches of one text's blocks, in order.
 */
export function htmlBlockAt(text: Text, at: number, closings: HtmlClosings = new Map(), find?: Find): Range | undefined {
  const close = htmlBlockEnd(text, at);
  if (close === undefined) return undefined;
  const closing = closingAfter(text, at, close, closings, find);
  const start = lineStart(text, at);
  let end = closing >= 0 ? lineEnd(text, closing) : text.length;
  const container = start === at ? undefined : containerOf(text, start, at);
  if (container) {
    const listed = container.inner !== container.line;
    for (let line = container.line; line.next < text.length && line.end < end; ) {
      const next = lineHead(text, line.next);
      if (next.depth < container.depth || (listed && next.line.first !== next.line.end && next.column < container.content)) {
        end = line.end;
        break;
      }
      line = next.line;
    }
  }
  return { start, end };
}

/**
 * Where the first closing text `close` (in any letter case) after the opener at `at` ends, or -1: a
 * search that stops there, not at the text's end, and is not made again for the next opener before
 * it (`closings`); a comment's `-->` from the kept searches, when given them.
 */
function closingAfter(text: Text, at: number, close: RegExp, closings: HtmlClosings, find?: Find): number {
  let found = closings.get(close);
  if (!found || found.from > at + 1 || (found.at >= 0 && found.at < at + 1)) {
    if (find && close === CLOSERS.comment) found = { from: at + 1, at: find('-->', at + 1), length: 3 };
    else {
      close.lastIndex = at + 1;
      // (a regular expression reads one string: the whole text's, made once per version)
      const m = close.exec(flat(text));
      found = { from: at + 1, at: m ? m.index : -1, length: m ? m[0].length : 0 };
    }
    closings.set(close, found);
  }
  return found.at >= 0 ? found.at + found.length : -1;
}

/** What a line opening an HTML block that runs over blank lines starts with (the server keeps these searches). */
export const HTML_NEEDLES = [
  '<!',
  '<?',
  ...['script', 'pre', 'style', 'textarea'].flatMap((t) => [`<${t}`, `<${t.toUpperCase()}`, `<${t[0]!.toUpperCase()}${t.slice(1)}`]),
];

/** What closes the HTML block opening at `at` (CommonMark types 1–5), or undefined for none of them. */
function htmlBlockEnd(text: Text, at: number): RegExp | undefined {
  if (text.startsWith('<!--', at)) return CLOSERS.comment;
  if (text.startsWith('<?', at)) return CLOSERS.instruction;
  if (text.startsWith('<![CDATA[', at)) return CLOSERS.cdata;
  const u = text.charCodeAt(at + 2);
  if (text.charCodeAt(at + 1) === 0x21) return (u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a) ? CLOSERS.declaration : undefined;
  const m = /^<(script|pre|style|textarea)(?=[ \t>\r\n]|$)/i.exec(text.slice(at, at + 12));
  return m ? CLOSERS[m[1]!.toLowerCase() as 'script' | 'pre' | 'style' | 'textarea'] : undefined;
}

/** The closing texts of HTML blocks of types 1–5 (global searches: `lastIndex` is set before each). */
const CLOSERS = {
  comment: /-->/g,
  instruction: /\?>/g,
  cdata: /\]\]>/g,
  declaration: />/g,
  script: /<\/script>/gi,
  pre: /<\/pre>/gi,
  style: /<\/style>/gi,
  textarea: /<\/textarea>/gi,
};

/** A line that is one open tag (attributes allowed), or one closing tag (none), and blanks: CommonMark's type 7. */
const WHOLE_OPEN_TAG = /^<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>\s*$/;
const WHOLE_CLOSING_TAG = /^<\/[A-Za-z][A-Za-z0-9-]*\s*>\s*$/;

/** The HTML block tag names of CommonMark's type 6: such a block ends at a blank line. */
const BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul'
  ).split(' '),
);

/**
 * Does `line` open an HTML block that ends at the next blank line: a block tag (CommonMark type 6),
 * or, not inside a paragraph, a line that is one whole open or closing tag (type 7)?
 */
function opensHtml(text: Text, line: Line, inParagraph: boolean): boolean {
  if (text.charCodeAt(line.first) !== 0x3c) return false;
  const head = text.slice(line.first, Math.min(line.end, line.first + 64));
  const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[ \t>]|\/>|$)/.exec(head);
  if (tag && BLOCK_TAGS.has(tag[1]!.toLowerCase())) return true;
  if (inParagraph) return false;
  const rest = text.slice(line.first, line.end);
  return WHOLE_OPEN_TAG.test(rest) || WHOLE_CLOSING_TAG.test(rest);
}

/**
 * CommonMark's HTML blocks that end at a blank line, at the top level: a line whose text starts (up
 * to three spaces in) with a block tag (`<div>`, `<details>`: type 6, which may interrupt a
 * paragraph) or, after a blank line or another block, is one whole open or closing tag (type 7), to
 * the last line before the next blank one. Their lines are HTML as written: a reader sees their text
 * (term QA checks it, conversion converts it), but a backtick there opens no code span. `blocks`:
 * the text's other blocks (front matter, fences, HTML blocks of types 1–5, indented code), sorted
 * and disjoint; no opener is read in one, and a block found here ends before the next one starts.
 * Read from the `<`s only (a text without one costs a search), each line once.
 */
export function blankEndedHtmlBlocks(text: Text, find: Find, blocks: readonly Range[], from: number): Range[] {
  const out: Range[] = [];
  let b = 0;
  for (let at = find('<', from); at >= 0; ) {
    // the line's text starts here: up to three spaces in
    let s = at;
    while (s > from && at - s < 3 && text.charCodeAt(s - 1) === 0x20) s--;
    if (s > from && !isLineBreak(text.charCodeAt(s - 1))) {
      at = find('<', at + 1);
      continue;
    }
    while (b < blocks.length && blocks[b]!.end < s) b++;
    const next = blocks[b];
    if (next && next.start <= s) {
      at = find('<', next.end);
      continue;
    }
    const line = readLine(text, s);
    if (!opensHtml(text, line, inParagraph(text, s, from, b > 0 ? blocks[b - 1] : undefined))) {
      at = find('<', line.next);
      continue;
    }
    let end = line.end;
    for (let n = line.next; n < text.length && !(next && next.start <= n); ) {
      const l = readLine(text, n);
      if (l.first === l.end) break;
      end = l.end;
      n = l.next;
    }
    out.push({ start: s, end });
    at = find('<', end);
  }
  return out;
}

/**
 * Is the line starting at `s` (after `from`, the body's start) inside a paragraph, so that a type 7
 * HTML block cannot open on it: the line before it has text, and it is no heading, no thematic
 * break, and not the last line of the block before (`last`)?
 */
function inParagraph(text: Text, s: number, from: number, last: Range | undefined): boolean {
  if (s <= from) return false;
  const prev = readLine(text, previousLineStart(text, s));
  if (prev.first === prev.end || (last && last.end >= prev.start)) return false;
  return !(prev.indent < 4 && (heading(text, prev) || thematicBreak(text, prev)));
}

/**
 * The indented code blocks of a Markdown text, in order, each from its first line's start (in a
 * block quote: where its text starts, after the markers) to its last non-blank line's end. `fences`: its fenced blocks (`fencedBlocks`), whose lines are never
 * code of this kind; `from`: where its body starts (after a front matter); `kept`: the text's
 * `codeLineStarts` from its start, when kept across edits.
 */
export function indentedBlocks(text: Text, find: Find, fences: readonly Range[], from: number, kept?: readonly number[]): Range[] {
  const out: Range[] = [];
  // the reading's state at `pos`: the content columns of the open list items (innermost last), what
  // the line before was, and the code block being read
  let pos = from;
  let lists: number[] = [];
  // 'html': inside an HTML block that ends at a blank line (its lines are HTML: no heading, list or code)
  let before: 'blank' | 'paragraph' | 'other' | 'html' = 'blank';
  let code: Range | undefined;
  // how many block quotes the last line was in (`> > a`: two), and the lists open outside them (in
  // a quote, `lists` are the quote's own)
  let quotes = 0;
  let outer: number[] = [];
  // the innermost list item opened on the line before has nothing on it (`-`, `- - `): a blank line ends it
  let emptyItem = false;

  const closeCode = () => {
    if (code) out.push(code);
    code = undefined;
  };
  /** Lists whose content starts right of `indent` end; the deepest that stays, or -1. */
  const listAt = (indent: number) => {
    let k = lists.length - 1;
    while (k >= 0 && lists[k]! > indent) k--;
    return k;
  };
  const endQuote = () => {
    closeCode();
    lists = outer;
    outer = [];
    quotes = 0;
    // what was open in the quote ends with it (a paragraph there takes no underline from outside)
    if (before === 'html' || before === 'paragraph') before = 'other';
  };
  /** Does `line` (no quote marker on it) start a block, so that it cannot continue a quote's paragraph? */
  const startsBlock = (line: Line) => {
    let k = outer.length - 1;
    while (k >= 0 && outer[k]! > line.indent) k--;
    if (line.indent - (k >= 0 ? outer[k]! : 0) >= 4) return false;
    return thematicBreak(text, line) || listContent(text, line) >= 0 || heading(text, line) || opensHtml(text, line, true);
  };
  /**
   * The fence opening at `line` (its run: `run` units of its first character) in a list item whose
   * content starts at column `content`: to its closing line (as many or more of the character, up to
   * three columns past the content, nothing else), or to where the item ends (a line less far in) or
   * a block the fence finder found starts.
   */
  const readListFence = (line: Line, run: number, content: number) => {
    const fence = listFence(text, line.end, pos, text.charCodeAt(line.first), run, content, (s) => !!fenceAt(fences, s));
    pos = fence.next;
    out.push({ start: line.start, end: fence.end });
  };
  const closings: HtmlClosings = new Map();
  /**
   * The HTML block of kind `close` opening at `line` in a list item whose content starts at column
   * `content`: to the line with its closing text, or to where the item ends (before a line with text
   * less far in). No code block or fence is read in it.
   */
  const readListHtml = (line: Line, close: RegExp, content: number) => {
    const closing = closingAfter(text, line.first, close, closings, find);
    let next = line.next;
    if (closing < 0 || closing > line.end)
      while (next < text.length) {
        const inner = readLine(text, next);
        if (inner.first !== inner.end && inner.indent < content) break;
        next = inner.next;
        if (closing >= 0 && closing <= inner.end) break;
      }
    pos = next;
  };
  /**
   * Open the list items whose markers start `line`, the first one's content at column `item`: list
   * items opened on one line (`- - item`, `1. - item`) each have their content at the next's marker.
   * Returns the innermost one's marker.
   */
  const openItems = (line: Line, item: number) => {
    lists.push(item);
    let marker = line.first;
    for (let inner = line; ; ) {
      const at = offsetOfColumn(text, inner, lists[lists.length - 1]!);
      if (at < 0) break;
      inner = { ...inner, first: at, indent: lists[lists.length - 1]! };
      const nested = listContent(text, inner);
      if (nested < 0) break;
      lists.push(nested);
      marker = at;
    }
    return marker;
  };
  const read = (raw: Line) => {
    const endsItem = emptyItem;
    emptyItem = false;
    // a line of an HTML block that ends at a blank line is HTML (a comment or fence in it too)
    if (before === 'html' && quotes === 0 && raw.first !== raw.end) {
      pos = raw.next;
      return;
    }
    const fence = fenceAt(fences, raw.start);
    if (fence) {
      if (quotes) endQuote();
      closeCode();
      if (fence.start === raw.start) {
        lists.length = listAt(raw.indent) + 1;
        // a fence opened on a list item's line (`- ```bash`) is inside the item
        const item = quotes === 0 ? listContent(text, raw) : -1;
        if (item >= 0) openItems(raw, item);
      }
      before = 'other';
      pos = readLine(text, fence.end).next;
      return;
    }
    pos = raw.next;
    // block quote markers (`>`) where a block may start: the line's text is what follows them
    const quoted = quotes ? outer : lists;
    let q = quoted.length - 1;
    while (q >= 0 && quoted[q]! > raw.indent) q--;
    const marked = raw.indent - (q >= 0 ? quoted[q]! : 0) < 4 ? quoteContent(text, raw) : undefined;
    if (quotes && !marked) {
      if (raw.first === raw.end) {
        endQuote();
        before = 'blank';
        return;
      }
      // a lazy continuation of the quote's paragraph
      if (before === 'paragraph' && !startsBlock(raw)) return;
      endQuote();
    }
    let line = raw;
    if (marked) {
      // the lists the quote is in: those whose content its marker is in
      const within = quoted.slice(0, q + 1);
      if (marked.depth !== quotes) {
        // a quote opens (or one inside it, or it is one level less: its paragraph may go on)
        closeCode();
        lists = [];
        before = marked.depth < quotes && before === 'paragraph' ? 'paragraph' : 'blank';
        quotes = marked.depth;
      }
      outer = within;
      line = marked.line;
      if (before === 'html' && line.first !== line.end) return;
    }
    if (line.first === line.end) {
      // a list item begins with at most one blank line: an empty one ends here
      if (endsItem) lists.pop();
      before = 'blank';
      return;
    }
    if (before === 'html') return;
    if (code) {
      const top = lists.length ? lists[lists.length - 1]! : 0;
      if (line.indented && line.indent >= top + 4) {
        code.end = line.end;
        return;
      }
      closeCode();
      before = 'other';
    }
    const k = listAt(line.indent);
    const column = line.indent - (k >= 0 ? lists[k]! : 0);
    // a fence in a list item four columns or more in (up to three past the item's content), which
    // the fence finder, reading no lists, leaves to this reading
    const run = quotes === 0 && line.indented && column < 4 ? fenceRun(text, line) : 0;
    if (run) {
      lists.length = k + 1;
      readListFence(line, run, lists[k]!);
      before = 'other';
      return;
    }
    // so is an HTML block that runs over blank lines (a comment, `<?`, `<!X`, CDATA, `<script>`…):
    // its lines are HTML, no code or fence, to its closing text's line or the item's end
    const close =
      quotes === 0 && line.indented && column < 4 && text.charCodeAt(line.first) === 0x3c ? htmlBlockEnd(text, line.first) : undefined;
    if (close) {
      lists.length = k + 1;
      readListHtml(line, close, lists[k]!);
      before = 'other';
      return;
    }
    // a thematic break (***, - - -, ___; before a list item: `- - -` is one) or a paragraph's setext
    // underline (=== or ---) ends what was open: an indented line after it may be code
    // (an underline less indented than the paragraph's list item's content is a lazy continuation of it)
    const underline = before === 'paragraph' && k === lists.length - 1 && setextUnderline(text, line);
    if (column < 4 && (thematicBreak(text, line) || underline)) {
      lists.length = k + 1;
      before = 'other';
      return;
    }
    let item = column < 4 ? listContent(text, line) : -1;
    // a list item that cannot interrupt a paragraph (empty, or numbered other than 1) goes on with it
    if (item >= 0 && before === 'paragraph' && k === lists.length - 1 && !interrupts(text, line)) item = -1;
    if (item >= 0) {
      lists.length = k + 1;
      const marker = openItems(line, item);
      // a fence opened on the item's line (`- ```bash`) is the item's: on a line that may be code
      // (four spaces or a tab in; the fence finder found those less far in)
      const at = line.indented ? offsetOfColumn(text, line, lists[lists.length - 1]!) : -1;
      const run = quotes === 0 && at >= 0 ? fenceRun(text, { ...line, first: at }) : 0;
      if (run) {
        readListFence({ ...line, first: at }, run, lists[lists.length - 1]!);
        before = 'other';
        return;
      }
      // a block quote opened on the item's line (`- > quote`): the line is read again from its `>`,
      // as a quote's line inside the items
      const content = lists[lists.length - 1]!;
      const quote = offsetOfColumn(text, line, content);
      if (quote >= 0 && text.charCodeAt(quote) === 0x3e) {
        if (line === raw) {
          read({ ...line, first: quote, indent: content, indented: false });
          return;
        }
        // in a quote (`> - > quote`): a quote inside the quote, whose markers count with the quote's
        // (its later lines are `>   > …`); its text is a paragraph's or, four columns past its
        // markers, code
        const inner = quoteContent(text, { ...line, first: quote, indent: content, indented: false })!;
        closeCode();
        lists = [];
        quotes += inner.depth;
        const body = inner.line;
        if (body.first === body.end) before = 'blank';
        else if (body.indented) {
          code = { start: body.start, end: body.end };
          before = 'other';
        } else before = heading(text, body) ? 'other' : 'paragraph';
        return;
      }
      // code right after the marker (`-     code`): the item's first block is an indented code block
      const codeAt = codeAfterMarker(text, marker, marker === line.first ? line.indent : lists[lists.length - 2]!, line.end, line.base);
      if (codeAt >= 0) {
        code = { start: codeAt, end: line.end };
        before = 'other';
        return;
      }
      emptyItem = blankAfterMarker(text, marker, line.end);
      before = emptyItem ? 'other' : 'paragraph';
      return;
    }
    if (column < 4 && opensHtml(text, line, before === 'paragraph')) {
      lists.length = k + 1;
      before = 'html';
      return;
    }
    const isHeading = column < 4 && heading(text, line);
    // a paragraph goes on (a lazy continuation line too): no code, no list ends
    if (before === 'paragraph' && !isHeading) return;
    lists.length = k + 1;
    if (column >= 4 && line.indented) code = { start: line.start, end: line.end };
    else before = isHeading ? 'other' : 'paragraph';
  };

  /** Does every list end at `line`, after a blank line: at column 0, no list item, not inside a fence? */
  const closesLists = (line: Line) => {
    if (line.first !== line.start || line.first === line.end || listContent(text, line) >= 0) return false;
    const fence = fenceAt(fences, line.start);
    return !fence || fence.start === line.start;
  };

  const visit = (s: number) => {
    if (s < pos || fenceAt(fences, s)) return;
    // back to the reading's position, or to a line that ends every list (the reading starts afresh there)
    for (let below = s, at = s; at > pos; ) {
      const up = previousLineStart(text, at);
      const line = readLine(text, up);
      if (line.first === line.end && below !== s && closesLists(readLine(text, below))) {
        pos = below;
        lists = [];
        before = 'blank';
        emptyItem = false;
        quotes = 0;
        outer = [];
        break;
      }
      below = at = up;
    }
    while (pos < text.length && (pos <= s || code)) read(readLine(text, pos));
    if (pos >= text.length) closeCode();
  };

  // the lines that may be code, in order (block quotes' lines too)
  let k = 0;
  for (let hi = kept ? kept.length : 0; k < hi; ) {
    const mid = (k + hi) >>> 1;
    if (kept![mid]! < from) k = mid + 1;
    else hi = mid;
  }
  for (const s of kept ? kept.slice(k) : codeLineStarts(text, find, from)) visit(s);
  return out;
}

/**
 * The starts of the lines at or after line start `from` that may be code, in order (`mayBeCode`):
 * found from the needles, four spaces or a tab after a line break, the `>` of block quotes, and five
 * spaces or a tab after a list marker.
 */
export function codeLineStarts(text: Text, find: Find, from: number): number[] {
  const starts: number[] = [];
  if (from < text.length) {
    const first = readLine(text, from);
    if (first.indented || quotedCode(text, first.first)) starts.push(from);
  }
  for (const needle of INDENT_NEEDLES) for (let at = find(needle, from); at >= 0; at = find(needle, at + 1)) starts.push(at + 1);
  // a `>` with only spaces, tabs and list markers before it on its line: a block quote's line (in a
  // list item: `- >     code`), which may be code
  for (let at = find('>', from); at >= 0; at = find('>', at + 1)) {
    let s = at;
    while (s > from && at - s < 64 && isContainerMark(text.charCodeAt(s - 1))) s--;
    if ((s === from || isLineBreak(text.charCodeAt(s - 1))) && quotedCode(text, at)) starts.push(s);
  }
  // five spaces or a tab in a line's head: a list item whose content may start with code (`-     code`)
  for (const needle of ITEM_CODE_NEEDLES)
    for (let at = find(needle, from); at >= 0; at = find(needle, at + needle.length)) {
      let s = at;
      while (s > from && at - s < 64 && isContainerMark(text.charCodeAt(s - 1))) s--;
      if ((s === from || isLineBreak(text.charCodeAt(s - 1))) && itemCodeLine(text, s)) starts.push(s);
    }
  return [...new Set(starts)].sort((a, b) => a - b);
}

/** What the blanks after a list marker that starts code hold (`codeLineStarts`). */
const ITEM_CODE_NEEDLES = ['     ', '\t'];

/**
 * May the line starting at `s` be a list item's whose content starts with indented code (`-     code`,
 * `> 1.     code`): a list marker among the marks its head starts with, then blanks five columns or
 * more wide (a tab counted four, as wide as it can be) and text? Generous: the reading decides.
 */
function itemCodeLine(text: Text, s: number): boolean {
  for (let i = s; i <= s + 64 && isContainerMark(text.charCodeAt(i)); i++) {
    const u = text.charCodeAt(i);
    if (u !== 0x2d && u !== 0x2a && u !== 0x2b && u !== 0x2e && u !== 0x29) continue;
    let width = 0,
      j = i + 1;
    for (; j < text.length; j++) {
      const w = text.charCodeAt(j);
      if (w === 0x20) width++;
      else if (w === 0x09) width += 4;
      else break;
    }
    if (width >= 5 && j < text.length && !isLineBreak(text.charCodeAt(j))) return true;
  }
  return false;
}

/**
 * May the line starting at `s` be code (one of `codeLineStarts`)? It may when four spaces or a tab
 * in, when a `>` of its block quote markers (only spaces, tabs and list markers before it) has
 * room for code after it, or when a list marker has (`itemCodeLine`). Read from the line alone: an
 * edit elsewhere cannot change it.
 */
export function mayBeCode(text: Text, s: number): boolean {
  if (s === 0) {
    const first = readLine(text, 0);
    if (first.indented || quotedCode(text, first.first)) return true;
  } else if (text.charCodeAt(s) === 0x09 || text.startsWith('    ', s)) return true;
  for (let i = s; i <= s + 64 && isContainerMark(text.charCodeAt(i)); i++)
    if (text.charCodeAt(i) === 0x3e && quotedCode(text, i)) return true;
  return itemCodeLine(text, s);
}

/**
 * Does the line `cur` end the paragraph whose line `prev` is right before it (CommonMark's paragraph
 * end, read from these two lines only)? It does when it is blank (past its quote markers), when it
 * opens a block quote more, and when, less than four columns past `prev`'s content, it starts a block
 * that may interrupt a paragraph: a heading, a thematic break or setext underline, a fence, an HTML
 * block of types 1–6, or a list item with text, an ordered one numbered 1 or one `prev`'s paragraph is
 * not in (`prev` is an item less far in, or quoted where `cur` is not). A heading's line is a
 * paragraph of its own.
 */
function endsParagraph(text: Text, prev: LineHead, cur: LineHead): boolean {
  const line = cur.line;
  // a line of spaces and tabs only is blank, however far they reach
  if (cur.depth === 0 && line.first === line.end) return true;
  // a `>` four columns or more past the paragraph's content is its text (an indented line goes on with it)
  if (cur.lead > prev.content + 3) return false;
  if (line.first === line.end || headingLine(text, prev) || cur.depth > prev.depth) return true;
  if (cur.column > prev.content + 3) return false;
  if (cur.item) return cur.ordered < 0 || cur.ordered === 1 || prev.content > cur.column || prev.depth > cur.depth;
  return (
    heading(text, line) ||
    thematicBreak(text, line) ||
    setextUnderline(text, line) ||
    fenceRun(text, line) > 0 ||
    opensHtml(text, line, true) ||
    (text.charCodeAt(line.first) === 0x3c && htmlBlockEnd(text, line.first) !== undefined)
  );
}

/** The last line a reading of paragraphs looked at (the next one starts where the last stopped), as `paragraphHead` gives it. */
export interface ParagraphReading {
  last?: LineHead;
}

/**
 * `cur`, a line that goes on with the paragraph whose line `prev` is (`paragraphHead`), with the
 * paragraph's content column and quote depth when its first line is a list item's or a quote's:
 * those of that line. A lazy continuation line (`b` after `- a`, or after `> a`) is the item's or
 * the quote's paragraph's, whatever its own markers. (A paragraph of plain lines reads each line's own.)
 */
function continued(prev: LineHead, cur: LineHead): LineHead {
  // `carried` is undefined on a paragraph's first line, false on a line of a paragraph of plain lines
  const carry = prev.carried ?? (prev.item || prev.depth > 0);
  // written out (a spread of the head costs about twenty times as much)
  return {
    line: cur.line,
    inner: cur.inner,
    depth: carry ? prev.depth : cur.depth,
    lead: cur.lead,
    column: cur.column,
    content: carry ? prev.content : cur.content,
    ordered: cur.ordered,
    item: cur.item,
    quoteInItem: cur.quoteInItem,
    carried: carry,
  };
}

/** How far up `paragraphHead` looks for a paragraph's first line (a bound on the work per question). */
const MAX_PARAGRAPH_LINES = 100;

/**
 * The line starting at `start` as the reading of its paragraph sees it (`endsParagraph`): its head,
 * with the content column and quote depth of the paragraph it goes on with (`continued`), read from
 * the paragraph's first line (after a line that is none of a paragraph's: a blank line, a heading,
 * a thematic break, an underline; at most `MAX_PARAGRAPH_LINES` up, and not before `after`).
 */
export function paragraphHead(text: Text, start: number, after = 0): LineHead {
  let first = start;
  for (let n = 0; first > after && n < MAX_PARAGRAPH_LINES; n++) {
    const up = previousLineStart(text, first);
    if (up < after || !paragraphLine(text, lineHead(text, up))) break;
    first = up;
  }
  let head = lineHead(text, first);
  while (head.line.start < start) {
    const cur = lineHead(text, head.line.next);
    head = !paragraphLine(text, head) || endsParagraph(text, head, cur) ? cur : continued(head, cur);
  }
  return head;
}

/**
 * How far an edit ending at `at` may change what `paragraphHead` reads: to the end of the first line
 * after `at`'s that is none of a paragraph's, or of the `MAX_PARAGRAPH_LINES`th line after it (the
 * lines after that read their paragraph from below the edit).
 */
export function paragraphReach(text: Text, at: number): number {
  let end = lineEnd(text, at);
  for (let n = 0; n <= MAX_PARAGRAPH_LINES && end < text.length; n++) {
    const head = lineHead(text, readLine(text, end).next);
    end = head.line.end;
    if (!paragraphLine(text, head)) break;
  }
  return end;
}

/**
 * Where the Markdown paragraph holding offset `at` ends (`endsParagraph`): the end of its last line,
 * when that is before `to`; else the text's end. Reads the lines from `at`'s on, each once (and those
 * of its paragraph before, `paragraphHead`); the readings of one text given the same `reading` in
 * order read the line they stopped at once.
 */
export function paragraphEnd(text: Text, at: number, to = text.length, reading: ParagraphReading = {}): number {
  const start = lineStart(text, at);
  let prev = reading.last?.line.start === start ? reading.last : paragraphHead(text, start);
  while (prev.line.next < text.length && prev.line.end < to) {
    const cur = lineHead(text, prev.line.next);
    if (endsParagraph(text, prev, cur)) {
      reading.last = cur;
      return prev.line.end;
    }
    // (after a line that is no paragraph's, as a heading's or a quote's blank line, one starts)
    prev = reading.last = paragraphLine(text, prev) ? continued(prev, cur) : cur;
  }
  return text.length;
}

/**
 * Is the line at `start`, whose first list marker is an ordered one other than 1 (`2. ```), the text
 * of the paragraph before it (CommonMark: such a list cannot interrupt a paragraph it would go on
 * with, `paragraphHead`)? The line before counts only when it starts at or after `after`.
 */
function paragraphText(text: Text, start: number, after: number): boolean {
  const cur = lineHead(text, start);
  if (cur.ordered < 0 || cur.ordered === 1) return false;
  const before = start > 0 ? previousLineStart(text, start) : -1;
  if (before < after) return false;
  const prev = paragraphHead(text, before, after);
  // a quote opened at the item's content (`2. > ```) is the item's: the item decides
  const item = cur.quoteInItem >= 0 ? { ...cur, depth: prev.depth, column: cur.lead } : cur;
  return paragraphLine(text, prev) && !endsParagraph(text, prev, item);
}

/**
 * A fence opened on a list item's line less than four columns in (`- ```bash`, `1. - ~~~`,
 * `-\t```js`): the column the innermost item's content (the run) starts at, and the run's length.
 * An item numbered other than 1 right after a paragraph's line is that paragraph's text
 * (CommonMark: such a list cannot interrupt a paragraph), and so is its run; the line before
 * counts only when it starts at or after `after` (past a front matter, a fence or an HTML block).
 */
export function itemLineFence(text: Text, start: number, after: number): { content: number; run: number; unit: number } | undefined {
  const line = readLine(text, start);
  if (line.indent >= 4 || text.charCodeAt(line.first) === 0x3e) return undefined;
  for (let inner = line, at = listContent(text, line); at >= 0; at = listContent(text, inner)) {
    const first = offsetOfColumn(text, line, at);
    if (first < 0) return undefined;
    inner = { ...line, first, indent: at };
    const run = fenceRun(text, inner);
    if (!run) continue;
    if (paragraphText(text, start, after)) return undefined;
    return { content: at, run, unit: text.charCodeAt(first) };
  }
  return undefined;
}

/**
 * A fence opened in a block quote (`> ```js`, `> > ~~~`, its `>` less than four columns in or at the
 * content of list items opened on its line, `- > ```js`; its run less than four past them): the end
 * of its last line and the start of the line after it. It ends at its closing line (as many or more
 * of its unit, nothing else, in as many quotes) or with its quote (before a line with fewer `>`
 * markers, or, in a list item, whose `>` is left of the item's content: no line continues a fence
 * lazily). Undefined when `start`'s line opens none (an item numbered other than 1 right after a
 * paragraph's line it goes on with is that paragraph's text; the line before counts only when it
 * starts at or after `after`).
 */
export function quoteFence(text: Text, start: number, after = 0): { end: number; next: number } | undefined {
  const head = lineHead(text, start);
  const { depth, line: quoted } = head;
  if (head.lead >= 4 || depth === 0 || quoted.indent >= 4) return undefined;
  // the quote's `>` markers start (less than four columns in, or at a list item's content: `- > ```)
  const from = Math.max(0, head.quoteInItem);
  let run = fenceRun(text, quoted);
  let u = text.charCodeAt(quoted.first);
  // or opened on the line of a list item in the quote (`> - ```js`, `> 1. - ~~~`): the column its
  // content starts at, past the quote's markers (else 0)
  let content = 0;
  for (let at = run ? -1 : listContent(text, quoted), inner = quoted; at >= 0 && !run; at = listContent(text, inner)) {
    const first = offsetOfColumn(text, quoted, at);
    if (first < 0) return undefined;
    inner = { ...quoted, first, indent: at };
    run = fenceRun(text, inner);
    u = text.charCodeAt(first);
    content = at;
  }
  if (!run || paragraphText(text, start, after)) return undefined;
  let { end, next } = quoted;
  while (next < text.length) {
    const line = lineHead(text, next);
    if ((line.lead >= from && line.lead < from + 4 ? line.depth : 0) < depth) break;
    // the item ends before a line of the quote less far in than its content (or in a deeper quote)
    if (content > 0 && (line.depth > depth || (line.line.first !== line.line.end && line.line.indent < content))) break;
    end = line.line.end;
    next = line.line.next;
    if (line.depth === depth && line.line.indent - content < 4 && closesFence(text, line.line, u, run)) break;
  }
  return { end, next };
}
