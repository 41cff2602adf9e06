/**
 * What a document says about its own checking, and what is not prose: the variant directive, the
 * disable/enable directives, and the ranges term QA skips (URLs and inline code in any language;
 * fenced and indented code blocks and front matter in Markdown). Text in, offsets out; every search is a
 * linear scan (indexOf), so a 1 MB document costs about a millisecond.
 *
 * Directives (in any comment syntax, or none):
 * - `fintech-glossary-variant: zh-TW` (or with a full-width colon, `：`) on a line of its own, after a
 *   comment opener (`//`, `#`, `<!--`, `/*`, `%`, `;`), or as a Markdown front-matter key;
 * - `fintech-glossary-disable-next-line [rule …]`: no findings on the next line;
 * - `fintech-glossary-disable [rule …]` … `fintech-glossary-enable`: none in between (to the end
 *   when there is no enable).
 * In Markdown, a line inside a code block (fenced, a list item's fence, indented: the code term QA
 * skips) is an example, never a directive; so is a bare or `#` one indented four columns or in a
 * block quote, unless it is in an HTML comment (`<!--`) outside code.
 */
import type { Text } from './text';
import type { ChineseScript } from './entry';
import {
  HTML_NEEDLES,
  type HtmlClosings,
  htmlBlockAt,
  htmlOpenerAt,
  htmlOpeners,
  blankEndedHtmlBlocks,
  codeLineStarts,
  INDENT_NEEDLES,
  indentedBlocks,
  mayBeCode,
  itemLineFence,
  listFence,
  type ParagraphReading,
  paragraphEnd,
  paragraphReach,
  quoteFence,
} from './indentedCode';
import { firstEndingAfter, firstStartingAtOrAfter } from './documentIndex';
import { lineEnd, lineStart } from './lines';
import { isWhitespaceUnit, trimWhitespace } from './unicode';

export const VARIANTS = ['auto', 'zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'] as const;
export type Variant = (typeof VARIANTS)[number];

const PREFIX = 'fintech-glossary-';
const COMMENT_OPENERS = ['<!--', '//', '/*', '#', '%', ';'];

/** The text of a line before a directive, trimmed (a byte-order mark starting the text is no part of its first line). */
function beforeOnLine(text: Text, from: number, to: number): string {
  return trimWhitespace(text.slice(from === 0 && text.charCodeAt(0) === 0xfeff ? 1 : from, to));
}

/** Is [from, to) only whitespace and (at most) one comment opener? */
function onlyCommentOpener(text: Text, from: number, to: number, markdown: boolean): boolean {
  const before = beforeOnLine(text, from, to);
  return (before === '' || COMMENT_OPENERS.includes(before)) && !markdownCode(text, from, before, markdown);
}

/**
 * In Markdown, is a directive on the line starting at `from` (after `before`, its opener) part of a
 * code example? Markdown's own comment, `<!--`, counts here (it is an example only inside code); a
 * directive that is bare or after another opener (`# …` in a bash example) does not when its line
 * is indented four columns or more (an indented code block, or a fence inside a list item) or is
 * in a block quote (`> …`).
 */
function markdownCode(text: Text, from: number, before: string, markdown: boolean): boolean {
  if (!markdown || before.endsWith('<!--')) return false;
  let i = from === 0 && text.charCodeAt(0) === 0xfeff ? 1 : from;
  let columns = 0;
  for (; ; i++) {
    const u = text.charCodeAt(i);
    if (u === 0x20) columns++;
    else if (u === 0x09) columns += 4 - (columns % 4);
    else break;
  }
  return columns >= 4 || text.charCodeAt(i) === 0x3e;
}

/**
 * Does a disable directive at `at` start its line or follow a comment opener (`x = 1 // …`)? Not in
 * prose or inline code that names it (本工具支援 fintech-glossary-disable 指令, `fintech-glossary-disable`).
 */
function startsComment(text: Text, at: number, markdown: boolean): boolean {
  const start = lineStart(text, at);
  const before = beforeOnLine(text, start, at);
  return (before === '' || COMMENT_OPENERS.some((o) => before.endsWith(o))) && !markdownCode(text, start, before, markdown);
}

/** Does `name` stand whole at `at` (not the start of a longer word: fintech-glossary-disabled)? */
function nameAt(text: Text, at: number, name: string): boolean {
  if (!text.startsWith(name, at)) return false;
  const u = text.charCodeAt(at + name.length);
  return !((u >= 0x61 && u <= 0x7a) || (u >= 0x41 && u <= 0x5a) || (u >= 0x30 && u <= 0x39) || u === 0x2d || u === 0x5f);
}

/**
 * Where a needle occurs next: `text.indexOf(needle, from)`, or the same answer from positions kept
 * across edits (TextAnchors), so that a keystroke in a long document does not search all of it.
 */
export type Find = (needle: string, from: number) => number;

const searchIn =
  (text: Text): Find =>
  (needle, from) =>
    text.indexOf(needle, from);

/**
 * Is offset `at` inside Markdown code: a fenced code block (a list item's too) or an indented one, the
 * code term QA skips (`markdownBlocks`)? There a directive is an example (a bash snippet's
 * `# fintech-glossary-disable`, a `<!-- … -->` line shown in a fence), not one. Always false in other
 * languages, which have no code blocks. The blocks are found on the first question, so a text
 * without directives costs nothing.
 */
function inCodeBlock(text: Text, markdown: boolean, find: Find): (at: number) => boolean {
  if (!markdown) return () => false;
  let code: Skipped[] | undefined;
  const blocks = () => {
    const out: Skipped[] = [];
    // the front matter is no code: a variant key there counts
    markdownBlocks(text, out, find, false);
    return out.sort((a, b) => a.start - b.start);
  };
  return (at) => overlapsAny((code ??= blocks()), at, at + 1);
}

/**
 * The variant a document declares for itself, with the offset of the directive; undefined if none.
 * `markdown`: a directive inside a code block (fenced or indented) does not count.
 */
export function variantDirective(text: Text, find: Find = searchIn(text), markdown = false): VariantDirective | undefined {
  const needle = `${PREFIX}variant`;
  const inCode = inCodeBlock(text, markdown, find);
  for (let at = find(PREFIX, 0); at >= 0; at = find(PREFIX, at + 1)) {
    if (!text.startsWith(needle, at)) continue;
    const start = lineStart(text, at);
    if (!onlyCommentOpener(text, start, at, markdown)) continue;
    if (inCode(at)) continue;
    // a colon as a Chinese input method types it (：) counts too
    const rest = /^\s*[:：]\s*([A-Za-z-]+)/.exec(text.slice(at + needle.length, Math.min(lineEnd(text, at), at + needle.length + 40)));
    if (!rest) continue;
    const value = VARIANTS.find((v) => v.toLowerCase() === rest[1]!.toLowerCase());
    if (!value) continue;
    const valueEnd = at + needle.length + rest[0].length;
    return { variant: value, offset: at, valueStart: valueEnd - rest[1]!.length, valueEnd };
  }
  return undefined;
}

/** A variant directive: the variant it names, where it starts, and where its value is written. */
export interface VariantDirective {
  variant: Variant;
  /** The offset of `fintech-glossary-variant`. */
  offset: number;
  /** The value as written (zh-Hans, ZH-TW, auto): [valueStart, valueEnd). */
  valueStart: number;
  valueEnd: number;
}

/**
 * `converted`, a conversion of `text` to `to`, with the variant directive `directive` of `text`
 * naming `to` instead of the variant it was converted from, so that the converted document is
 * checked as what it now is. Only the value changes; a directive that says `auto` (detect) stays.
 *
 * Conversion keeps every line break and every ASCII character, and the directive's line up to its
 * value is ASCII, whitespace and a comment opener: so the value is at the same line and column of
 * `converted` (checked: when it is not there, `converted` is returned unchanged).
 */
export function retargetDirective(text: Text, converted: string, directive: VariantDirective, to: ChineseScript): string {
  if (directive.variant === 'auto') return converted;
  const { valueStart, valueEnd } = directive;
  let line = 0;
  let column = valueStart;
  for (let i = 0; i < valueStart; i++) {
    const u = text.charCodeAt(i);
    if (u === 0x0a || u === 0x0d) {
      line++;
      column = valueStart - i - 1;
    }
  }
  let at = 0;
  for (let i = 0; line > 0 && i < converted.length; i++) {
    const u = converted.charCodeAt(i);
    if ((u === 0x0a || u === 0x0d) && --line === 0) at = i + 1;
  }
  if (line > 0) return converted;
  at += column;
  const value = text.slice(valueStart, valueEnd);
  if (!converted.startsWith(value, at) || value === to) return converted;
  return converted.slice(0, at) + to + converted.slice(at + value.length);
}

/** A part of the document where findings are off: all rules, or only those listed. */
export interface DisabledRange {
  start: number;
  end: number;
  /** Undefined: every rule. */
  rules?: Set<string>;
}

/** The rule names after a directive on its line (words of lower-case letters and hyphens). */
function rulesAfter(text: Text, from: number): Set<string> | undefined {
  const line = text.slice(from, Math.min(lineEnd(text, from), from + 200));
  const rules = line
    .replace(/-->|\*\/|[,:]/g, ' ')
    .split(/\s+/)
    .filter((w) => /^[a-z]+(?:-[a-z]+)+$/.test(w));
  return rules.length ? new Set(rules) : undefined;
}

/**
 * The ranges the disable directives switch off, in document order. `markdown`: a directive inside a
 * code block (fenced or indented) does not count.
 */
export function disabledRanges(text: Text, find: Find = searchIn(text), markdown = false): DisabledRange[] {
  const out: DisabledRange[] = [];
  let open: { start: number; rules?: Set<string> } | undefined;
  const inCode = inCodeBlock(text, markdown, find);
  for (let at = find(PREFIX, 0); at >= 0; at = find(PREFIX, at + PREFIX.length)) {
    const name = at + PREFIX.length;
    if (!startsComment(text, at, markdown) || inCode(at)) continue;
    if (nameAt(text, name, 'disable-next-line')) {
      const end = lineEnd(text, at);
      // the next line: after this line's break (CRLF is one break)
      let next = end;
      if (text.charCodeAt(next) === 0x0d && text.charCodeAt(next + 1) === 0x0a) next += 2;
      else if (next < text.length) next += 1;
      const rules = rulesAfter(text, at + PREFIX.length + 'disable-next-line'.length);
      out.push({ start: next, end: lineEnd(text, next), ...(rules ? { rules } : {}) });
    } else if (nameAt(text, name, 'disable') && !open) {
      const rules = rulesAfter(text, at + PREFIX.length + 'disable'.length);
      open = { start: lineStart(text, at), ...(rules ? { rules } : {}) };
    } else if (nameAt(text, name, 'enable') && open) {
      out.push({ start: open.start, end: lineEnd(text, at), ...(open.rules ? { rules: open.rules } : {}) });
      open = undefined;
    }
  }
  if (open) out.push({ start: open.start, end: text.length, ...(open.rules ? { rules: open.rules } : {}) });
  return out.sort((a, b) => a.start - b.start);
}

/** A skipped range of the document (not prose). */
export interface Skipped {
  start: number;
  end: number;
}

/** Where a URL ends: whitespace, quotes, angle brackets, and CJK or full-width punctuation. */
const endsUrl = (u: number) =>
  isWhitespaceUnit(u) ||
  u === 0x22 ||
  u === 0x27 ||
  u === 0x3c ||
  u === 0x3e ||
  u === 0x60 ||
  (u >= 0x3000 && u <= 0x303f) ||
  (u >= 0xff01 && u <= 0xff0f) ||
  u === 0xff1a ||
  u === 0xff1b ||
  u === 0xff1f;

function urlRanges(text: Text, out: Skipped[], find: Find): void {
  for (let at = find('://', 0); at >= 0; at = find('://', at + 3)) {
    let start = at;
    while (start > 0 && /[A-Za-z0-9+.-]/.test(text.charAt(start - 1))) start--;
    if (start === at) continue;
    let end = at + 3;
    while (end < text.length && !endsUrl(text.charCodeAt(end))) end++;
    // a trailing ) . , ; that closes the sentence is not part of the URL
    while (end > at + 3 && /[).,;:!?\]]/.test(text.charAt(end - 1))) end--;
    out.push({ start, end });
    at = end - 3;
  }
  for (let at = find('www.', 0); at >= 0; at = find('www.', at + 4)) {
    if (at > 0 && /[A-Za-z0-9/.]/.test(text.charAt(at - 1))) continue;
    let end = at + 4;
    while (end < text.length && !endsUrl(text.charCodeAt(end))) end++;
    out.push({ start: at, end });
  }
}

/**
 * The words of the directives (`fintech-glossary-variant`, `fintech-glossary-disable-next-line`, …),
 * wherever they are written: names of this tool, not text, so the "fintech" in them is no term to
 * gloss or check.
 */
function directiveWords(text: Text, out: Skipped[], find: Find): void {
  for (let at = find(PREFIX, 0); at >= 0; at = find(PREFIX, at + PREFIX.length)) {
    let end = at + PREFIX.length;
    while (end < text.length && /[A-Za-z-]/.test(text.charAt(end))) end++;
    out.push({ start: at, end });
  }
}

/**
 * Outside Markdown, where a paragraph holding offset `i` ends: the offset of the line feed before the
 * next blank line, or the text's end.
 */
function blankLineEnd(text: Text, i: number): number {
  for (let n = text.indexOf('\n', i); n >= 0; n = text.indexOf('\n', n + 1)) {
    let j = n + 1;
    while (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09 || text.charCodeAt(j) === 0x0d) j++;
    if (j >= text.length || text.charCodeAt(j) === 0x0a) return n;
  }
  return text.length;
}

/**
 * Where a blank line starts at `b` (after a line feed: only spaces and tabs, then LF or CRLF): the
 * offset after its line feed, or -1. A paragraph ends at it in Markdown and in other text alike.
 */
function blankLineAt(text: Text, b: number): number {
  if (b === 0 || text.charCodeAt(b - 1) !== 0x0a) return -1;
  let j = b;
  while (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09) j++;
  if (text.charCodeAt(j) === 0x0d) j++;
  return text.charCodeAt(j) === 0x0a ? j + 1 : -1;
}

/**
 * The code spans' breaks: the starts of blank lines (`blankLineAt`). No span reaches over one, and the
 * reading of spans after one is the reading of a text starting there (`codeSpans`). The last whose
 * line ends before `at` (its line feed too), or 0.
 */
function spanBreakBefore(text: Text, at: number): number {
  for (let n = text.lastIndexOf('\n', at - 1); n >= 0; n = n > 0 ? text.lastIndexOf('\n', n - 1) : -1) {
    const end = blankLineAt(text, n + 1);
    if (end >= 0 && end <= at) return n + 1;
  }
  return 0;
}

/** The first span break (`spanBreakBefore`) after `at`, or the text's end. */
function spanBreakAfter(text: Text, at: number): number {
  for (let n = text.indexOf('\n', at); n >= 0; n = text.indexOf('\n', n + 1)) if (blankLineAt(text, n + 1) >= 0) return n + 1;
  return text.length;
}

/** How far a code span may reach (a bound on the work per unmatched backtick). */
const MAX_SPAN = 4000;

/**
 * Backtick code spans: a run of n backticks to the next run of exactly n in the same paragraph (in
 * other languages, up to a blank line). In Markdown (`blocks`: its blocks, in order) a paragraph ends
 * where CommonMark's does (`paragraphEnd`: also before a list item, a heading, a quote's blank
 * line), a span stays between two blocks, a backtick inside a block opens none, and neither does one
 * inside an HTML comment of the text (`<!-- ` -->`, which closes in its paragraph) unless a span
 * opened before the comment.
 *
 * Read from `from` to `stop`, each a `spanBreak` (or the text's start and end): the spans start and
 * end between them, and a reading of the whole text finds the same ones there. Put in `out` in order.
 */
function codeSpans(text: Text, out: Skipped[], find: Find, blocks?: readonly Skipped[], from = 0, stop = text.length): void {
  let para = -1;
  // the first block that ends after the backtick; the next `<!` to look at and the next `-->`
  let b = blocks ? firstEndingAfter(blocks, from) : 0;
  let comment = blocks ? find('<!', from) : -1;
  // the next `-->` after the comment being read; NONE once the text is known to have none left (a
  // search to the text's end per backtick would cost quadratic time)
  const NONE = text.length + 1;
  let commentEnd = -1;
  let at = find('`', from);
  const reading: ParagraphReading = {};
  while (at >= 0 && at < stop) {
    if (at > para) para = blocks ? paragraphEnd(text, at, text.length, reading) : blankLineEnd(text, at);
    let limit = Math.min(para, at + MAX_SPAN);
    if (blocks) {
      while (b < blocks.length && blocks[b]!.end <= at) b++;
      const block = blocks[b];
      if (block && block.start <= at) {
        at = find('`', block.end);
        continue;
      }
      if (block) limit = Math.min(limit, block.start);
      // the HTML comments opening between the block before and the backtick: does one hold it?
      const after = b > 0 ? blocks[b - 1]!.end : 0;
      let held = -1;
      while (comment >= 0 && comment < at) {
        if (comment < after || !text.startsWith('<!--', comment)) {
          comment = find('<!', Math.max(after, comment + 1));
          continue;
        }
        if (commentEnd < comment + 4) {
          commentEnd = find('-->', comment + 4);
          if (commentEnd < 0) commentEnd = NONE;
        }
        if (commentEnd === NONE || (block && commentEnd >= block.start)) {
          // none of them closes before the next block
          comment = find('<!', at);
          break;
        }
        if (commentEnd + 3 <= at) {
          comment = find('<!', commentEnd + 3);
          continue;
        }
        // it holds the backtick if no blank line ends its paragraph before its `-->`
        const blank = paragraphEnd(text, comment, commentEnd, reading);
        if (blank < commentEnd) {
          comment = find('<!', blank);
          continue;
        }
        held = commentEnd + 3;
        comment = find('<!', held);
        break;
      }
      if (held >= 0) {
        at = find('`', held);
        continue;
      }
    }
    let n = 1;
    while (text.charCodeAt(at + n) === 0x60) n++;
    let close = -1;
    for (let s = find('`', at + n); s >= 0 && s < limit; ) {
      let m = 1;
      while (text.charCodeAt(s + m) === 0x60) m++;
      if (m === n) {
        close = s;
        break;
      }
      s = find('`', s + m);
    }
    if (close < 0) {
      at = find('`', at + n);
      continue;
    }
    out.push({ start: at, end: close + n });
    at = find('`', close + n);
    // a `<!--` inside the span opens no comment
    if (comment >= 0 && comment < close + n) comment = find('<!', close + n);
  }
}

/**
 * Where `close` ends what opens just before `from`, on the same line and before another `stop`; -1
 * if not. Each search ends at the next `stop` (the opener of the next candidate), so the searches of
 * one text never overlap: a line of a million `<` costs a pass, not a million.
 */
function closingOnLine(text: Text, from: number, close: number, stop: number): number {
  const to = Math.min(text.length, from + 2048);
  for (let i = from; i < to; i++) {
    const u = text.charCodeAt(i);
    if (u === close) return i;
    if (u === stop || u === 0x0a || u === 0x0d) return -1;
  }
  return -1;
}

/**
 * Markdown's link and image destinations (`[text](dest)`, `![alt](img/網絡借貸.png)`) and HTML tags
 * with their attributes (`<a href="/數字貨幣">`): not prose, and a fix there would break the link. The
 * link text, the alt text and the text between tags are checked.
 */
function markdownInline(text: Text, out: Skipped[], find: Find): void {
  // a link reference definition's destination: `[label]: /path "title"` on a line of its own (up to
  // three spaces in), the destination up to the first blank
  for (let at = find(']:', 0); at >= 0; at = find(']:', at + 2)) {
    const start = lineStart(text, at);
    if (!/^ {0,3}\[[^\]\n]+$/.test(text.slice(start, at))) continue;
    let from = at + 2;
    while (text.charCodeAt(from) === 0x20 || text.charCodeAt(from) === 0x09) from++;
    let end = from;
    while (end < text.length && !/[\s]/.test(text.charAt(end))) end++;
    if (end > from) out.push({ start: from, end });
  }
  for (let at = find('](', 0); at >= 0; at = find('](', at + 2)) {
    // a destination ends at `)`; the next link's `](` starts with `]`
    const close = closingOnLine(text, at + 2, 0x29, 0x5d);
    if (close >= 0) out.push({ start: at + 2, end: close });
  }
  for (let at = find('<', 0); at >= 0; at = find('<', at + 1)) {
    const u = text.charCodeAt(at + 1);
    if (!((u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a) || u === 0x2f)) continue;
    const close = closingOnLine(text, at + 1, 0x3e, 0x3c);
    if (close >= 0) out.push({ start: at, end: close + 1 });
  }
}

/**
 * A Markdown front-matter block at the top (when `frontMatter`), its fenced and its indented code
 * blocks, put in `out`. Returns every block the text has (the front matter, fences, HTML blocks,
 * indented code), in order: no code span reaches into or across one, or opens in one.
 */
function markdownBlocks(text: Text, out: Skipped[], find: Find, frontMatter: boolean): Skipped[] {
  const front = frontMatterOf(text);
  const body = front ? front.body : 0;
  const blocks: Skipped[] = [];
  if (front) {
    blocks.push({ start: 0, end: front.end });
    if (frontMatter) out.push({ start: 0, end: front.end });
  }
  const anchors = ANCHORS.get(find);
  const { fences, html } = anchors ? anchors.fencesAndHtml(text) : fencesAndHtml(text, find);
  for (const block of fences) out.push(block);
  const notCode = byStart(fences, html);
  const indented = anchors ? anchors.indentedBlocks(text, notCode, body) : indentedBlocks(text, find, notCode, body);
  for (const block of indented) out.push(block);
  // one list of disjoint blocks, in order (a block is copied only when one overlapping it joins it:
  // the kept ones are shared)
  const all = byStart(byStart(blocks, notCode), indented);
  let n = 0;
  for (let k = 0, copied = -1; k < all.length; k++) {
    const r = all[k]!;
    const last = n > 0 ? all[n - 1]! : undefined;
    if (last && r.start < last.end) {
      if (copied !== n - 1) all[n - 1] = { start: last.start, end: last.end };
      copied = n - 1;
      all[n - 1]!.end = Math.max(last.end, r.end);
    } else all[n++] = r;
  }
  all.length = n;
  // the HTML blocks that end at a blank line: their text is prose, but no code span opens in it
  const raw = blankEndedHtmlBlocks(text, find, all, body);
  return raw.length ? byStart(all, raw) : all;
}

/** Two lists of ranges sorted by their starts, merged in one in order (on a tie, `a`'s first): a pass, not a sort. */
function byStart(a: readonly Skipped[], b: readonly Skipped[]): Skipped[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const out = new Array<Skipped>(a.length + b.length);
  let i = 0,
    j = 0,
    k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]!.start <= b[j]!.start ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * A Markdown text's front matter (`---` lines at the top): where it ends (its closing line's end) and
 * where the body starts (the next line); undefined if it has none.
 */
function frontMatterOf(text: Text): { end: number; body: number } | undefined {
  if (!text.startsWith('---')) return undefined;
  const close = text.indexOf('\n---', 3);
  if (close < 0) return undefined;
  const end = lineEnd(text, close + 1);
  return { end, body: end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1) };
}

/**
 * Markdown fenced code blocks (``` or ~~~, up to three spaces in), from the opening fence's line
 * start to the closing fence's line end (an unclosed one to the text's end), in order.
 */
export function fencedBlocks(text: Text, find: Find = searchIn(text)): Skipped[] {
  return fencesAndHtml(text, find).fences;
}

/**
 * Markdown's fenced code blocks and its HTML blocks that run over blank lines (`htmlBlockAt`), read
 * in document order: whichever opens first holds what follows to its end, so a fence written inside
 * an HTML comment is no fence, and `<!--` inside a fence opens no comment. Only lines with three
 * fence characters in a row or an HTML opener at their start (`htmlOpeners`) are read.
 */
export function fencesAndHtml(
  text: Text,
  find: Find = searchIn(text),
  openers?: readonly number[],
): { fences: Skipped[]; html: Skipped[] } {
  const fences: Skipped[] = [];
  const html: Skipped[] = [];
  // HTML and fences open blocks in the body only (a front matter is no Markdown: a ``` line in a
  // YAML block scalar opens no fence)
  const body = frontMatterOf(text)?.body ?? 0;
  readBlocks(text, find, openers ?? htmlOpeners(text, find), body, body, body, fences, html);
  return { fences, html };
}

/**
 * The reading of `fencesAndHtml` from `pos` (a line's start, or just past a block, between blocks)
 * on, the last block before it ending just before `last` (or `last` the body's start): the blocks
 * found are added to `fences` and `html`. `until` may stop it where the reading is known from
 * there on (TextAnchors: where an edit's re-reading meets the last reading again): returns where it
 * stopped, or -1 at the text's end.
 */
function readBlocks(
  text: Text,
  find: Find,
  openers: readonly number[],
  body: number,
  pos: number,
  last: number,
  fences: Skipped[],
  html: Skipped[],
  until?: (pos: number, last: number) => boolean,
): number {
  const closings: HtmlClosings = new Map();
  let h = firstFrom(openers, Math.max(pos, body));
  /** The start of the next line at or after line start `pos` that has `run` in it, or -1. */
  const nextLineWith = (run: string, pos: number) => {
    const at = find(run, pos);
    return at < 0 ? -1 : lineStart(text, at);
  };
  // the next ``` and ~~~ at or after `pos`, each searched again only once `pos` has passed it (a
  // search for the one the text lacks would otherwise run to the end of the text on every line)
  let backticks = find('```', pos),
    tildes = find('~~~', pos);
  while (pos < text.length) {
    if (until?.(pos, last)) return pos;
    if (backticks >= 0 && backticks < pos) backticks = find('```', pos);
    if (tildes >= 0 && tildes < pos) tildes = find('~~~', pos);
    while (h < openers.length && openers[h]! < Math.max(pos, body)) h++;
    const at = backticks < 0 ? tildes : tildes < 0 ? backticks : Math.min(backticks, tildes);
    const line = at < 0 ? -1 : lineStart(text, at);
    if (h < openers.length && (line < 0 || openers[h]! < lineEnd(text, line))) {
      // an HTML block opens first (or on the fence run's line, which is then no fence)
      const block = htmlBlockAt(text, openers[h++]!, closings, find);
      if (block) {
        html.push(block);
        pos = block.end + 1;
        last = pos;
      }
      continue;
    }
    if (at < 0) break;
    const end = lineEnd(text, line);
    const head = text.slice(line, Math.min(end, line + 64));
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(head);
    // a fence opened on a list item's line (`- ```bash`, `1. - ~~~`) is the item's: its content
    // starts at the run, and the fence ends at its closing line or where the item ends (the line
    // before it, when it is in a fence or HTML block, is no paragraph's)
    const item = m ? undefined : itemLineFence(text, line, last);
    if (item) {
      const next = text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
      const fence = listFence(text, end, Math.min(next, text.length), item.unit, item.run, item.content);
      fences.push({ start: line, end: fence.end });
      pos = fence.next;
      last = fence.end + 1;
      continue;
    }
    // a fence in a block quote (`> ```js`) ends at its closing line or with the quote
    const quoted = m ? undefined : quoteFence(text, line, last);
    if (quoted) {
      fences.push({ start: line, end: quoted.end });
      pos = quoted.next;
      last = quoted.end + 1;
      continue;
    }
    if (!m) {
      pos = end + 1;
      continue;
    }
    const fence = m[1]!;
    // the closing fence: a line of at least as many of the same character
    let closeEnd = text.length;
    for (let q = nextLineWith(fence.slice(0, 3), end + 1); q >= 0; ) {
      const qe = lineEnd(text, q);
      const candidate = trimWhitespace(text.slice(q, Math.min(qe, q + 64)));
      if (candidate.length >= fence.length && candidate === fence[0]!.repeat(candidate.length)) {
        closeEnd = qe;
        break;
      }
      q = nextLineWith(fence.slice(0, 3), qe + 1);
    }
    fences.push({ start: line, end: closeEnd });
    pos = closeEnd + 1;
    last = pos;
  }
  return -1;
}

/**
 * The ranges term QA skips, sorted and merged: URLs and inline code in any language, plus fenced
 * and indented code blocks, link destinations, HTML tags and (unless `frontMatter` is false: conversion
 * converts it) front matter in Markdown.
 */
export function skippedRanges(text: Text, markdown: boolean, find: Find = searchIn(text), frontMatter = true): Skipped[] {
  const out: Skipped[] = [];
  let blocks: Skipped[] | undefined;
  if (markdown) {
    blocks = markdownBlocks(text, out, find, frontMatter);
    markdownInline(text, out, find);
  }
  urlRanges(text, out, find);
  directiveWords(text, out, find);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // the code spans, in order (kept across edits by the server's searches: read again near an edit)
  const anchors = ANCHORS.get(find);
  let spans: readonly Readonly<Skipped>[];
  if (anchors) spans = anchors.codeSpans(text, blocks);
  else {
    const read: Skipped[] = [];
    codeSpans(text, read, find, blocks);
    spans = read;
  }
  // both lists merged in one pass, ranges that touch or overlap joined: a range is copied only when
  // one joins it (the kept ones are shared, and never changed)
  const merged = new Array<Skipped>(out.length + spans.length);
  let n = 0;
  let copied = false;
  for (let i = 0, j = 0; i < out.length || j < spans.length; ) {
    const r = j >= spans.length || (i < out.length && out[i]!.start <= spans[j]!.start) ? out[i++]! : spans[j++]!;
    const last = n > 0 ? merged[n - 1]! : undefined;
    if (!last || r.start > last.end) {
      merged[n++] = r as Skipped;
      copied = false;
    } else if (r.end > last.end) {
      if (copied) last.end = r.end;
      else merged[n - 1] = { start: last.start, end: r.end };
      copied = true;
    }
  }
  merged.length = n;
  return merged;
}

/** Is [start, end) inside or overlapping one of the sorted, merged ranges? (binary search) */
export function overlapsAny(ranges: readonly { start: number; end: number }[], start: number, end: number): boolean {
  let lo = 0,
    hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ranges[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length && ranges[lo]!.start < end;
}

/** The script a variant checks terms against (undefined: auto, to be detected). */
export function variantScript(variant: Variant): ChineseScript | undefined {
  return variant === 'auto' ? undefined : variant;
}

/** Where a document's variant comes from, in order: its own directive, the setting (or the CLI's
 * --variant), the project file, then detection from its characters (engine/script.ts). */
export type VariantSource = 'directive' | 'setting' | 'project' | 'detected' | 'undecided';

export function resolveVariant(
  text: Text,
  setting: Variant | undefined,
  project: Variant | undefined,
  detect: () => ChineseScript | undefined,
  find?: Find,
  markdown = false,
): { variant?: ChineseScript; source: VariantSource } {
  const directive = variantDirective(text, find, markdown);
  if (directive && directive.variant !== 'auto') return { variant: directive.variant, source: 'directive' };
  if (!directive) {
    if (setting && setting !== 'auto') return { variant: setting, source: 'setting' };
    if (project && project !== 'auto') return { variant: project, source: 'project' };
  }
  const detected = detect();
  return detected ? { variant: detected, source: 'detected' } : { source: 'undecided' };
}

/** What the directive and skipped-range scans search a text for. */
const NEEDLES = ['://', 'www.', '`', '```', '~~~', '](', ']:', '<', '>', '-->', PREFIX, ...INDENT_NEEDLES, ...HTML_NEEDLES];

/** Every offset where `needle` starts in `text[from, to)` (overlapping ones too), in order. */
function offsetsOf(text: Text, needle: string, from: number, to: number): number[] {
  const out: number[] = [];
  // searched in that part only (indexOf on the whole text would run on to its end when none is there)
  const part = text.slice(from, Math.min(text.length, to + needle.length - 1));
  for (let at = part.indexOf(needle); at >= 0; at = part.indexOf(needle, at + 1)) out.push(from + at);
  return out;
}

type Range = { start: number; end: number };

/** The TextAnchors whose `find` a scan was given (its kept indented code blocks). */
const ANCHORS = new WeakMap<Find, TextAnchors>();
/**
 * What a line's head may have: spaces, tabs, block quote markers (`>`), list markers (`-`, `*`,
 * `+`, digits and `.` or `)`), heading #s, and what underlines and thematic breaks are made of (`=`,
 * `-`, `*`, `_`).
 */
const isLineHead = (u: number) =>
  u === 0x3e ||
  u === 0x20 ||
  u === 0x09 ||
  u === 0x2d ||
  u === 0x2a ||
  u === 0x2b ||
  u === 0x2e ||
  u === 0x29 ||
  u === 0x23 ||
  u === 0x3d ||
  u === 0x5f ||
  (u >= 0x30 && u <= 0x39);
/**
 * What may make or end a fence, an HTML block, a block quote or a line (an edit with one, or on a
 * line that has one after its head, is read again: a quote's `>` markers are its head's).
 */
const STRUCTURE = /[\n\r<>`~]/;

function sameRanges(a: readonly Range[], b: readonly Range[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k]!.start !== b[k]!.start || a[k]!.end !== b[k]!.end) return false;
  return true;
}

/** Where the line after the line break at `end` starts (a CRLF is one break); the text's end at its end. */
function nextLine(text: Text, end: number): number {
  return Math.min(text.length, text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1);
}

/** Index of the first offset >= `at` in a sorted list. */
function firstFrom(list: readonly number[], at: number): number {
  let lo = 0,
    hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where a document has each of the few strings its directive and skipped-range scans look for
 * (URL marks, backticks, fences, the directive prefix), kept across edits: an edit drops the
 * offsets it touched, moves those after it and searches only the edited region again. Its `find`
 * answers as `text.indexOf` would, so skippedRanges, disabledRanges and variantDirective given it
 * cost what the document has of these, not its length.
 */
export class TextAnchors {
  private readonly offsets = new Map<string, number[]>();
  private text: Text;
  /**
   * The last Markdown indented code blocks found (`indentedBlocks`), with the blocks that are no
   * code (fences, HTML) and the body's start they were found with: kept across an edit that cannot
   * change them, moved with the text (typing inside a line's text), else dropped.
   */
  private indented?: { text: Text; notCode: Range[]; from: number; blocks: Range[] };
  /**
   * The fenced and HTML blocks of the text, with the body's start they were found from: read again
   * by each edit only where it can change them (`rereadBlocks`).
   */
  private blocks?: { text: Text; body: number; fences: Range[]; html: Range[] };
  /** Where HTML blocks may open (`htmlOpeners`), once asked for: kept by each edit as the searches are. */
  private openers?: number[];
  /** The starts of the lines that may be code (`codeLineStarts`), once asked for: kept as the openers are. */
  private codeStarts?: number[];
  /**
   * The code spans last read (`codeSpans`, in order) with the Markdown blocks they were read between
   * (undefined in other text), moved with each edit, and [from, to), the
   * part of the text the edits since changed (none when from > to): read again there (`codeSpans`).
   */
  private spans?: { text: Text; blocks?: Range[]; list: Range[]; from: number; to: number };

  constructor(text: Text) {
    this.text = text;
    this.reset(text);
    ANCHORS.set(this.find, this);
  }

  /** A new text altogether: search all of it. */
  reset(text: Text): void {
    this.text = text;
    this.indented = undefined;
    this.blocks = undefined;
    this.openers = undefined;
    this.codeStarts = undefined;
    this.spans = undefined;
    for (const needle of NEEDLES) this.offsets.set(needle, offsetsOf(text, needle, 0, text.length));
  }

  /** The text changed to `text`: old [start, oldEnd) was replaced by new [start, newEnd). */
  update(text: Text, start: number, oldEnd: number, newEnd: number): void {
    const old = this.text;
    this.text = text;
    const delta = newEnd - oldEnd;
    this.keepIndented(old, text, start, oldEnd, newEnd);
    const blocks = this.blocks;
    this.blocks = undefined;
    for (const [needle, list] of this.offsets) {
      const n = needle.length;
      // offsets whose needle overlaps the replaced text (or straddles an insertion) go
      const from = firstFrom(list, start - n + 1);
      const to = firstFrom(list, oldEnd);
      if (delta !== 0) for (let k = to; k < list.length; k++) list[k]! += delta;
      const found = offsetsOf(text, needle, Math.max(0, start - n + 1), newEnd);
      if (to - from === 0 && found.length === 0) continue;
      if (found.length < 10_000) list.splice(from, to - from, ...found);
      else this.offsets.set(needle, list.slice(0, from).concat(found, list.slice(to)));
    }
    if (this.openers) this.keepOpeners(old, start, oldEnd, newEnd);
    if (this.codeStarts) this.keepCodeStarts(old, start, oldEnd, newEnd);
    this.keepSpans(old, start, oldEnd, newEnd);
    if (blocks?.text === old) this.rereadBlocks(blocks, old, start, oldEnd, newEnd);
  }

  /**
   * The indented code blocks of the text (`indentedBlocks`), as the last ones moved when the edits
   * since could not change them. A keystroke in a long Markdown document then costs no reading of
   * its lines.
   */
  indentedBlocks(text: Text, notCode: readonly Range[], from: number): Range[] {
    const kept = this.indented;
    if (kept && kept.text === text && kept.from === from && sameRanges(kept.notCode, notCode)) return kept.blocks.map((b) => ({ ...b }));
    if (text === this.text) this.codeStarts ??= codeLineStarts(text, this.find, 0);
    const blocks = indentedBlocks(text, this.find, notCode, from, text === this.text ? this.codeStarts : undefined);
    this.indented = { text, notCode: notCode.map((b) => ({ ...b })), from, blocks: blocks.map((b) => ({ ...b })) };
    return blocks;
  }

  /**
   * The text's fenced code blocks and HTML blocks (`fencesAndHtml`): as the edits since they were
   * last found left them (`rereadBlocks`), else found again. The blocks are shared with the kept
   * ones, which are never changed (an edit makes new ones): a caller reads them only.
   */
  fencesAndHtml(text: Text): { fences: readonly Readonly<Range>[]; html: readonly Readonly<Range>[] } {
    let kept = this.blocks;
    if (!kept || kept.text !== text) {
      if (text !== this.text) return fencesAndHtml(text, this.find);
      this.openers ??= htmlOpeners(text, this.find);
      const found = fencesAndHtml(text, this.find, this.openers);
      kept = this.blocks = { text, body: frontMatterOf(text)?.body ?? 0, ...found };
    }
    return { fences: kept.fences.slice(), html: kept.html.slice() };
  }

  /**
   * The text's code spans (`codeSpans`; `blocks`: its Markdown blocks, undefined in other text), as
   * the last ones read, moved by the edits since and read again between the span breaks around what
   * the edits changed (a blank line before and after: no span reaches over one) and around the
   * blocks that changed. A keystroke in a long text reads its paragraph's spans, not all of them.
   * The list and its ranges are the kept ones (an edit makes new ones): a caller reads them only.
   */
  codeSpans(text: Text, blocks: readonly Readonly<Range>[] | undefined): readonly Readonly<Range>[] {
    const kept = this.spans;
    if (text !== this.text || !kept || kept.text !== text || (kept.blocks === undefined) !== (blocks === undefined)) {
      const list: Range[] = [];
      codeSpans(text, list, text === this.text ? this.find : searchIn(text), blocks);
      if (text === this.text) this.spans = { text, ...(blocks ? { blocks: blocks.slice() } : {}), list, from: 1, to: 0 };
      return list;
    }
    let lo = kept.from,
      hi = kept.to;
    if (blocks) {
      // the blocks that differ from the last reading's (moved): between the same first and last ones
      const old = kept.blocks!;
      const n = blocks.length,
        m = old.length;
      const same = (k: number, j: number) => old[j]!.start === blocks[k]!.start && old[j]!.end === blocks[k]!.end;
      let p = 0;
      while (p < n && p < m && same(p, p)) p++;
      let q = 0;
      while (q < n - p && q < m - p && same(n - 1 - q, m - 1 - q)) q++;
      if (p < n - q) {
        lo = Math.min(lo, blocks[p]!.start);
        hi = Math.max(hi, blocks[n - 1 - q]!.end);
      }
      if (p < m - q) {
        lo = Math.min(lo, old[p]!.start);
        hi = Math.max(hi, old[m - 1 - q]!.end);
      }
      kept.blocks = blocks.slice();
    }
    if (lo > hi) return kept.list;
    const from = spanBreakBefore(text, lo),
      stop = spanBreakAfter(text, hi);
    const found: Range[] = [];
    codeSpans(text, found, this.find, blocks, from, stop);
    // the spans starting in [from, stop) are replaced (at the text's end, all from `from`: a span the
    // edits moved there, emptied, starts at `stop`; at a blank line's start none can)
    const list = kept.list;
    const a = firstStartingAtOrAfter(list, from),
      b = stop >= text.length ? list.length : firstStartingAtOrAfter(list, stop);
    if (found.length < 10_000) list.splice(a, b - a, ...found);
    else kept.list = list.slice(0, a).concat(found, list.slice(b));
    kept.from = 1;
    kept.to = 0;
    return kept.list;
  }

  /**
   * The code spans and the blocks they were read between after an edit: those after it move with the
   * text (as new ranges: the kept ones may have been handed out), offsets inside what it replaced go
   * to its start (read again, with the part it changed: `codeSpans`).
   */
  private keepSpans(old: Text, start: number, oldEnd: number, newEnd: number): void {
    const kept = this.spans;
    if (!kept) return;
    if (kept.text !== old) {
      this.spans = undefined;
      return;
    }
    const delta = newEnd - oldEnd;
    const at = (x: number) => (x >= oldEnd ? x + delta : Math.min(x, start));
    const move = (list: Range[]) => {
      for (let k = firstEndingAfter(list, start); k < list.length; k++) list[k] = { start: at(list[k]!.start), end: at(list[k]!.end) };
    };
    move(kept.list);
    if (kept.blocks) move(kept.blocks);
    if (kept.from > kept.to) {
      kept.from = start;
      kept.to = newEnd;
    } else {
      kept.from = Math.min(kept.from, start);
      kept.to = kept.to >= oldEnd ? kept.to + delta : newEnd;
    }
    kept.text = this.text;
  }

  /**
   * The HTML openers after an edit: an opener is read from its own line, so only those on the lines
   * the edit touched are dropped and looked for again; those after them move with the text.
   */
  private keepOpeners(old: Text, start: number, oldEnd: number, newEnd: number): void {
    const list = this.openers!;
    const from = lineStart(old, start);
    const a = firstFrom(list, from),
      b = firstFrom(list, lineEnd(old, oldEnd) + 1);
    const delta = newEnd - oldEnd;
    if (delta !== 0) for (let k = b; k < list.length; k++) list[k]! += delta;
    const to = lineEnd(this.text, newEnd);
    const found: number[] = [];
    for (const needle of HTML_NEEDLES)
      for (let at = this.find(needle, from); at >= 0 && at < to; at = this.find(needle, at + 1))
        if (htmlOpenerAt(this.text, at)) found.push(at);
    found.sort((x, y) => x - y);
    if (b - a === 0 && found.length === 0) return;
    if (found.length < 10_000) list.splice(a, b - a, ...found);
    else this.openers = list.slice(0, a).concat(found, list.slice(b));
  }

  /**
   * The starts of the lines that may be code after an edit: as the openers, each is read from its
   * own line, so only the lines the edit touched are read again.
   */
  private keepCodeStarts(old: Text, start: number, oldEnd: number, newEnd: number): void {
    const list = this.codeStarts!;
    const from = lineStart(old, start);
    const a = firstFrom(list, from),
      b = firstFrom(list, lineEnd(old, oldEnd) + 1);
    const delta = newEnd - oldEnd;
    if (delta !== 0) for (let k = b; k < list.length; k++) list[k]! += delta;
    const text = this.text;
    const to = lineEnd(text, newEnd);
    const found: number[] = [];
    for (let s = from; s <= to; ) {
      if (mayBeCode(text, s)) found.push(s);
      const end = lineEnd(text, s);
      if (end >= to) break;
      s = end + 1;
    }
    if (b - a === 0 && found.length === 0) return;
    if (found.length < 10_000) list.splice(a, b - a, ...found);
    else this.codeStarts = list.slice(0, a).concat(found, list.slice(b));
  }

  /**
   * The fenced and HTML blocks after an edit of the text they were found in (`old`: [start, oldEnd)
   * became [start, newEnd)), read again only where the edit can change them. A block is read from its
   * first line, the line before it (a list item's fence there may be a paragraph's text) and the
   * lines to the one after it (where its item or quote ends): those that end, with that line, before
   * the edit stay; the reading starts again after them (at the edited line at the latest), and stops
   * where it is at a place the last reading was at too (not inside a block, after the same block),
   * two lines past the edit: from there on the blocks are the last reading's, moved. An edit in the
   * front matter, or that makes or ends one, reads all again.
   */
  private rereadBlocks(
    kept: { body: number; fences: Range[]; html: Range[] },
    old: Text,
    start: number,
    oldEnd: number,
    newEnd: number,
  ): void {
    const text = this.text;
    const body = frontMatterOf(text)?.body ?? 0;
    if (body !== kept.body || start <= body) return;
    const delta = newEnd - oldEnd;
    // where a block's reading ends: the end of the line after its last one
    const readTo = (b: Range) => lineEnd(old, nextLine(old, b.end));
    const keep = (list: Range[]) => {
      let k = firstEndingAfter(list, start - 1);
      while (k > 0 && readTo(list[k - 1]!) >= start) k--;
      return k;
    };
    const kf = keep(kept.fences),
      kh = keep(kept.html);
    const before = Math.max(kf ? kept.fences[kf - 1]!.end + 1 : body, kh ? kept.html[kh - 1]!.end + 1 : body);
    // from the edited line's start, or from the first block it may change when that starts before
    let pos = Math.max(before, lineStart(text, start));
    if (kf < kept.fences.length) pos = Math.min(pos, kept.fences[kf]!.start);
    if (kh < kept.html.length) pos = Math.min(pos, kept.html[kh]!.start);
    const fences = kept.fences.slice(0, kf),
      html = kept.html.slice(0, kh);
    // past the end of the line after the edit's last: the line before is the last reading's too (and
    // past the paragraph the edit is in: a list item's fence line reads it, `paragraphHead`)
    const guard = Math.max(lineEnd(text, nextLine(text, lineEnd(text, newEnd))), paragraphReach(text, newEnd));
    /** The last reading's block ending last before old offset `q` mapped to the text (its end + 1), or the body's start; NaN if it ends in the edit. */
    const lastBefore = (q: number) => {
      const f = firstEndingAfter(kept.fences, q - 1),
        g = firstEndingAfter(kept.html, q - 1);
      const end = Math.max(f ? kept.fences[f - 1]!.end : -1, g ? kept.html[g - 1]!.end : -1);
      if (end < 0) return body;
      return end < start ? end + 1 : end >= oldEnd ? end + delta + 1 : Number.NaN;
    };
    const inside = (list: Range[], q: number) => {
      const b = list[firstEndingAfter(list, q - 1)];
      return b !== undefined && b.start < q;
    };
    let q = -1;
    const until = (p: number, last: number) => {
      if (p <= guard) return false;
      q = p - delta;
      return !inside(kept.fences, q) && !inside(kept.html, q) && lastBefore(q) === last;
    };
    const stopped = readBlocks(text, this.find, this.openers!, body, pos, before, fences, html, until);
    if (stopped >= 0) {
      // the last reading's blocks, moved (as new ones: the kept ones may have been handed out)
      const move = (list: Range[], to: Range[]) => {
        for (let k = firstEndingAfter(list, q - 1); k < list.length; k++)
          to.push({ start: list[k]!.start + delta, end: list[k]!.end + delta });
      };
      move(kept.fences, fences);
      move(kept.html, html);
    }
    this.blocks = { text, body, fences, html };
  }

  /**
   * Keep the indented code blocks, and the fenced and HTML blocks, across an edit inside one line's text: no line break, nothing that
   * makes or ends HTML, a fence or code span in the edit or on the line, and the edit after the
   * line's head and a character of its text (the head, its indentation, quote and list markers and
   * heading #s, is what the blocks depend on; and the line had text before the edit, so it keeps some).
   */
  private keepIndented(old: Text, text: Text, start: number, oldEnd: number, newEnd: number): void {
    const kept = this.indented;
    if (!kept || kept.text !== old) {
      this.indented = undefined;
      return;
    }
    const from = lineStart(old, start),
      to = lineEnd(old, oldEnd);
    // the line's head: its indentation, list markers, heading #s and the spaces between them
    let head = from;
    if (head === 0 && old.charCodeAt(0) === 0xfeff) head++;
    while (head < to && isLineHead(old.charCodeAt(head))) head++;
    if (start <= head || STRUCTURE.test(old.slice(head, to)) || STRUCTURE.test(text.slice(start, newEnd))) {
      this.indented = undefined;
      return;
    }
    const delta = newEnd - oldEnd;
    const move = (list: Range[]) => {
      for (const b of list) {
        if (b.start >= oldEnd) b.start += delta;
        if (b.end >= start) b.end += delta;
      }
    };
    move(kept.blocks);
    move(kept.notCode);
    if (kept.from > start) kept.from += delta;
    kept.text = text;
  }

  /** `text.indexOf(needle, from)` for one of the needles the scans use (any other is searched for). */
  readonly find: Find = (needle, from) => {
    const list = this.offsets.get(needle);
    if (!list) return this.text.indexOf(needle, from);
    const k = firstFrom(list, Math.max(0, from));
    return k < list.length ? list[k]! : -1;
  };
}
