/**
 * The server finds skipped ranges, disable directives and the variant directive from searches it
 * keeps across edits (TextAnchors): after any edits they must answer as a search of the whole text
 * does. And Markdown fences, found from the lines that have three fence characters, are the blocks
 * a line-by-line reading gives (the reference below, written here).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChanges } from '../../server/src/documents';
import { disabledRanges, skippedRanges, TextAnchors, variantDirective } from '../../server/src/engine/directives';

/**
 * Markdown fenced blocks and front matter read line by line (the rule, written out plainly). A line
 * that opens an HTML block running over blank lines (up to three spaces in: `<!--`, `<?`, `<![CDATA[`,
 * `<!X`, `<script`, `<pre`, `<style`, `<textarea`) holds the lines up to the one with its closing text
 * (`-->`, `?>`, `]]>`, `>`, `</script>`, …): a fence in them is none. Those blocks go in `html`.
 */
function fencesByLines(text: string, html: { start: number; end: number }[] = []): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const lineEnd = (i: number) => {
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    return i;
  };
  // a front matter: no HTML or fence in it
  let frontMatterEnd = -1;
  if (text.startsWith('---')) {
    const end = text.indexOf('\n---', 3);
    if (end > 0) out.push({ start: 0, end: (frontMatterEnd = lineEnd(end + 1)) });
  }
  for (let pos = frontMatterEnd < 0 ? 0 : frontMatterEnd + 1; pos < text.length; ) {
    const end = lineEnd(pos);
    // an opener up to three spaces in, or where the text starts past block quote or list markers
    const opening = paragraphLine(text.slice(pos, end));
    const container = (opening.listed || opening.depth > 0) && opening.lead < 4 ? opening : undefined;
    const opener =
      pos <= frontMatterEnd
        ? null
        : container
          ? HTML_OPENER.exec(container.listed ? container.rest : container.indent < 4 ? container.text : '')
          : HTML_OPENER.exec(text.slice(pos, end));
    if (opener) {
      const o = opener[1]!.toLowerCase();
      const until = o === '<!--' ? '-->' : o === '<?' ? '?>' : o === '<![cdata[' ? ']]>' : o.startsWith('<!') ? '>' : `</${o.slice(1)}>`;
      // the closing text on the opener's line (after its `<`) or on a later line; in a quote or a list
      // item, the line before one with fewer `>` or with text less far in than the item's content
      let q = pos;
      let from = pos + text.slice(pos, end).indexOf('<') + 1;
      let closeEnd = text.length;
      for (;;) {
        if (text.slice(from, lineEnd(q)).toLowerCase().includes(until)) {
          closeEnd = lineEnd(q);
          break;
        }
        const next = text.startsWith('\r\n', lineEnd(q)) ? lineEnd(q) + 2 : lineEnd(q) + 1;
        if (next >= text.length) break;
        const after = paragraphLine(text.slice(next, lineEnd(next)));
        if (container && (after.depth < container.depth || (container.listed && after.text !== '' && after.column < container.content))) {
          closeEnd = lineEnd(q);
          break;
        }
        from = q = next;
      }
      html.push({ start: pos, end: closeEnd });
      pos = closeEnd + 1;
      continue;
    }
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(text.slice(pos, Math.min(end, pos + 64)));
    // a fence on a list item's line (`- ```sh`): to a line of as many or more of its unit, up to three
    // columns past the item's content, or to the line before one less far in (blank lines go on)
    // (markers each followed by one to four columns of spaces and tabs; an item numbered other than 1
    // right after a paragraph's line, outside any block, is that paragraph's text)
    const head = m ? null : paragraphLine(pos === 0 ? text.slice(0, end).replace(/^\uFEFF/, '') : text.slice(pos, end));
    const item = head && head.depth === 0 && head.listed && head.indent < 4 ? /^(`{3,}|~{3,})/.exec(head.rest) : null;
    if (item && head!.ordered >= 0 && head!.ordered !== 1 && pos > 0) {
      const prevEnd = text[pos - 1] === '\n' && text[pos - 2] === '\r' ? pos - 2 : pos - 1;
      let prevStart = prevEnd;
      while (prevStart > 0 && text[prevStart - 1] !== '\n' && text[prevStart - 1] !== '\r') prevStart--;
      const lastBlock = Math.max(frontMatterEnd, ...out.map((b) => b.end), ...html.map((b) => b.end));
      const prev = text.slice(prevStart, prevEnd).replace(/^\uFEFF/, '');
      if (
        prevStart > lastBlock &&
        isParagraphLine(prev) &&
        !endsParagraph(prev, text.slice(pos, end), carriedAt(text, prevStart, lastBlock + 1))
      )
        item.length = 0;
    }
    if (item?.length) {
      const content = head!.content;
      let last = end;
      for (let q = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1; q < text.length; ) {
        const qe = lineEnd(q);
        const line = text.slice(q, qe);
        let indent = 0;
        for (const ch of /^[ \t]*/.exec(line)![0]) indent = ch === '\t' ? indent + 4 - (indent % 4) : indent + 1;
        if (line.trim() !== '' && indent < content) break;
        last = qe;
        const run = line.trim();
        if (indent - content < 4 && run.length >= item[1]!.length && run === item[1]![0]!.repeat(run.length)) break;
        q = text[qe] === '\r' && text[qe + 1] === '\n' ? qe + 2 : qe + 1;
      }
      out.push({ start: pos, end: last });
      pos = last + 1;
      continue;
    }
    // a fence in a block quote (`> ```js`: `>` less than four columns in, the run less than four past
    // the markers): to a line of as many or more of its unit in as many quotes, or to the line before
    // one with fewer `>` markers
    // (or at the content of list items opened on its line, `- > ```js`: then the `>` of the lines in
    // it are at that content, up to three columns further)
    const quoteLine = paragraphLine(pos === 0 ? text.slice(0, end).replace(/^\uFEFF/, '') : text.slice(pos, end));
    const quote = quoteLine;
    const from = Math.max(0, quoteLine.quoteInItem);
    // (or on the line of list items in the quote, `> - ```js`: then to the line before one of the
    // quote less far in than the items' content, or in a deeper quote; its closing line up to three
    // columns past that content)
    const opens = !m && quote.depth > 0 && quoteLine.lead < 4 && quote.indent < 4;
    const items = opens ? paragraphLine(' '.repeat(quote.indent) + quote.text) : undefined;
    const itemRun = items?.listed ? /^(`{3,}|~{3,})/.exec(items.rest) : null;
    const quoteRun = opens ? (/^(`{3,}|~{3,})/.exec(quote.text) ?? itemRun) : null;
    const inItem = quoteRun && quoteRun === itemRun ? items!.content : 0;
    // (an item numbered other than 1 right after a paragraph's line it goes on with is its text:
    // `> 2. ````, `2. > ````)
    let quoteText = false;
    if (quoteRun && quote.ordered >= 0 && quote.ordered !== 1 && pos > 0) {
      const prevEnd = text[pos - 1] === '\n' && text[pos - 2] === '\r' ? pos - 2 : pos - 1;
      let prevStart = prevEnd;
      while (prevStart > 0 && text[prevStart - 1] !== '\n' && text[prevStart - 1] !== '\r') prevStart--;
      const lastBlock = Math.max(frontMatterEnd, ...out.map((b) => b.end), ...html.map((b) => b.end));
      const prev = text.slice(prevStart, prevEnd).replace(/^\uFEFF/, '');
      quoteText =
        prevStart > lastBlock &&
        isParagraphLine(prev) &&
        !endsParagraph(prev, text.slice(pos, end), carriedAt(text, prevStart, lastBlock + 1), quote.quoteInItem >= 0);
    }
    if (quoteRun && !quoteText) {
      let last = end;
      for (let q = text.startsWith('\r\n', end) ? end + 2 : end + 1; q < text.length; ) {
        const qe = lineEnd(q);
        const line = paragraphLine(text.slice(q, qe));
        if ((line.lead >= from && line.lead < from + 4 ? line.depth : 0) < quote.depth) break;
        if (inItem > 0 && (line.depth > quote.depth || (line.text !== '' && line.indent < inItem))) break;
        last = qe;
        const close = /^(`+|~+)[ \t]*$/.exec(line.text);
        if (
          line.depth === quote.depth &&
          line.indent - inItem < 4 &&
          close &&
          close[1]![0] === quoteRun[1]![0] &&
          close[1]!.length >= quoteRun[1]!.length
        )
          break;
        q = text.startsWith('\r\n', qe) ? qe + 2 : qe + 1;
      }
      out.push({ start: pos, end: last });
      pos = text.startsWith('\r\n', last) ? last + 2 : last + 1;
      continue;
    }
    if (!m) {
      pos = end + 1;
      continue;
    }
    const fence = m[1]!;
    let closeEnd = text.length;
    for (let q = end + 1; q < text.length; ) {
      const qe = lineEnd(q);
      const line = text.slice(q, Math.min(qe, q + 64)).trim();
      if (line.length >= fence.length && line === fence[0]!.repeat(line.length)) {
        closeEnd = qe;
        break;
      }
      q = qe + 1;
    }
    out.push({ start: pos, end: closeEnd });
    pos = closeEnd + 1;
  }
  return out;
}

/** The lines of a text (LF, CRLF or CR ends), each its offsets and its text without the break. */
function linesOf(text: string): { start: number; end: number; body: string }[] {
  const lines: { start: number; end: number; body: string }[] = [];
  for (let pos = 0; pos < text.length; ) {
    let end = pos;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    lines.push({ start: pos, end, body: text.slice(pos, end) });
    pos = text.startsWith('\r\n', end) ? end + 2 : end + 1;
  }
  return lines;
}

/**
 * Backtick code spans in Markdown read from the left (the rule, written out plainly): a run of n
 * backticks to the next run of exactly n, before the paragraph ends (a line feed followed by a line
 * of spaces, tabs and carriage returns) and before the next block; a backtick in a block opens none,
 * nor one in an HTML comment (`<!--` to `-->` before the paragraph ends and the next block) that opens
 * before it.
 */
function codeSpansByLines(text: string, blocks: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const lines = linesOf(text);
  const paragraphEnd = (i: number) => {
    let li = lines.findIndex((l) => l.start <= i && i <= l.end);
    if (li < 0) return text.length;
    let carried = carriedAt(text, lines[li]!.start, 0);
    for (; li + 1 < lines.length; li++) {
      const line = lines[li]!.body.replace(/^\uFEFF/, '');
      if (endsParagraph(line, lines[li + 1]!.body, carried)) return lines[li]!.end;
      carried = isParagraphLine(line) ? carryOn(line, carried) : undefined;
    }
    return text.length;
  };
  for (let i = 0; i < text.length; ) {
    const block = blocks.find((b) => b.start <= i && i < b.end);
    if (block) {
      i = block.end;
      continue;
    }
    const next = blocks.find((b) => b.start > i);
    const limit = Math.min(paragraphEnd(i), next ? next.start : text.length);
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close >= 0 && close < limit) {
        i = close + 3;
        continue;
      }
    }
    if (text[i] !== '`') {
      i++;
      continue;
    }
    const run = /^`+/.exec(text.slice(i))![0];
    let close = -1;
    for (let j = i + run.length; j < limit; ) {
      const other = /^`+/.exec(text.slice(j));
      if (!other) {
        j++;
        continue;
      }
      if (other[0].length === run.length) {
        close = j;
        break;
      }
      j += other[0].length;
    }
    if (close >= 0 && close < limit) {
      out.push({ start: i, end: close + run.length });
      i = close + run.length;
    } else i += run.length;
  }
  return out;
}

/** Columns of `s` starting at column `from` (a tab to the next multiple of four). */
function columnsFrom(from: number, s: string): number {
  let c = from;
  for (const ch of s) c = ch === '\t' ? c + 4 - (c % 4) : c + 1;
  return c;
}

/**
 * A line as a paragraph reads it (the rule, written out plainly): its `>` markers (an optional space
 * after each, the next up to three spaces further), the column its text starts at, and past its
 * list markers (each followed by one to four columns, or by code or nothing: then one), the column
 * its content starts at and that content.
 */
function paragraphLine(body: string) {
  const lead = /^[ \t]*/.exec(body)![0];
  const markers = /^(?:> ?)(?: {0,3}> ?)*/.exec(body.slice(lead.length));
  const prefix = markers ? lead + markers[0] : '';
  const after = body.slice(prefix.length);
  const gap = /^[ \t]*/.exec(after)![0];
  const base = markers ? columnsFrom(0, prefix) : 0;
  const indent = columnsFrom(base, gap) - base;
  let rest = after.slice(gap.length);
  let content = indent;
  let ordered = -1;
  let item = false;
  for (let first = true, m = indent < 4 ? /^(?:[-*+]|([0-9]{1,9})[.)])(?=[ \t]|$)/.exec(rest) : null; m; first = false) {
    const space = /^[ \t]*/.exec(rest.slice(m[0].length))![0];
    const markerEnd = content + m[0].length;
    const spaced = columnsFrom(markerEnd, space) - markerEnd;
    if (spaced === 0 && rest.length > m[0].length) break;
    if (first) {
      ordered = m[1] === undefined ? -1 : Number(m[1]);
      item = rest.slice(m[0].length).trim() !== '';
    }
    const empty = space.length === rest.length - m[0].length;
    content = empty || spaced > 4 ? markerEnd + 1 : markerEnd + spaced;
    // the content from its column on ('' inside a tab or past the end)
    let at = m[0].length;
    let c = markerEnd;
    while (c < content && at < rest.length) c = columnsFrom(c, rest[at++]!);
    rest = c === content ? rest.slice(at) : '';
    m = /^(?:[-*+]|([0-9]{1,9})[.)])(?=[ \t]|$)/.exec(rest);
  }
  if (content !== indent && rest.startsWith('>')) {
    // a block quote opened at the items' content (`- > a`): the line's text is the quote's (in a
    // quote, `> - > a`, a quote in the quote: its markers count with the quote's)
    const inItem = /^(?:> ?)(?: {0,3}> ?)*/.exec(rest)!;
    const quoteBase = base + content + inItem[0].length;
    const quoteGap = /^[ \t]*/.exec(rest.slice(inItem[0].length))![0];
    const quoteIndent = columnsFrom(quoteBase, quoteGap) - quoteBase;
    const quoteText = rest.slice(inItem[0].length + quoteGap.length);
    return {
      lead: columnsFrom(0, lead),
      depth: (markers ? markers[0].split('>').length - 1 : 0) + inItem[0].split('>').length - 1,
      indent: quoteIndent,
      column: quoteBase + quoteIndent,
      content: quoteBase + quoteIndent,
      ordered,
      item,
      text: quoteText,
      rest: quoteText,
      listed: false,
      quoteInItem: markers ? -1 : content,
    };
  }
  const text = after.slice(gap.length);
  return {
    quoteInItem: -1,
    lead: columnsFrom(0, lead),
    depth: markers ? markers[0].split('>').length - 1 : 0,
    indent,
    column: base + indent,
    content: base + content,
    ordered,
    item,
    text,
    rest,
    listed: content !== indent,
  };
}

/**
 * Does `next` end the paragraph whose line `line` is (the rule, written out plainly)? Blank past its
 * markers, a quote more, or less than four columns past `line`'s content: a heading, a thematic break,
 * a setext underline, a fence, an HTML block of types 1–6, or a list item with text (one numbered
 * other than 1 only when `line` is an item less far in, or quoted where `next` is not). And the line
 * after a heading.
 */
function endsParagraph(line: string, next: string, carried?: Carried, itemFirst = false): boolean {
  const a = paragraphLine(line);
  // a line of a paragraph opened on an item's or a quote's line: that line's content and quotes
  if (carried) Object.assign(a, carried);
  const b = paragraphLine(next);
  // (a quote opened at an item's content, `2. > a`: the item decides)
  if (itemFirst) Object.assign(b, { depth: a.depth, column: b.lead });
  if (b.text === '' && b.depth === 0) return true;
  if (b.lead > a.content + 3) return false;
  if (b.text === '' || b.depth > a.depth) return true;
  if ((a.listed || a.indent < 4) && /^#{1,6}(?:[ \t]|$)/.test(a.rest)) return true;
  if (b.column > a.content + 3) return false;
  if (b.item) return b.ordered < 0 || b.ordered === 1 || a.content > b.column || a.depth > b.depth;
  const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[ \t>]|\/>|$)/.exec(b.text);
  return (
    /^#{1,6}(?:[ \t]|$)/.test(b.text) ||
    /^(?:\*[ \t]*){3,}$|^(?:-[ \t]*){3,}$|^(?:_[ \t]*){3,}$|^(?:=+|-+)[ \t]*$/.test(b.text) ||
    /^(?:`{3,}|~{3,})/.test(b.text) ||
    /^(?:<!--|<\?|<!\[CDATA\[|<![A-Za-z]|<(?:script|pre|style|textarea)(?=[ \t>]|$))/i.test(b.text) ||
    (tag !== null && BLOCK_TAG_NAMES.includes(tag[1]!.toLowerCase()))
  );
}

/**
 * What a paragraph's line takes from the paragraph's first line (the rule, written out plainly):
 * undefined on a first line; after a first line that opens a list item or is quoted, its content
 * column and quote depth (`- a` then a lazy `b`: `b` is the item's); null in a paragraph of plain lines.
 */
type Carried = { content: number; depth: number } | null | undefined;

/** A line a paragraph goes on over: not blank, no heading, thematic break or setext underline. */
function isParagraphLine(body: string): boolean {
  const a = paragraphLine(body);
  return (
    a.text !== '' &&
    !((a.listed || a.indent < 4) && /^#{1,6}(?:[ \t]|$)/.test(a.rest)) &&
    (a.indent >= 4 || !/^(?:\*[ \t]*){3,}$|^(?:-[ \t]*){3,}$|^(?:_[ \t]*){3,}$|^(?:=+|-+)[ \t]*$/.test(a.text))
  );
}

/** What the line after `line` (a line of a paragraph that goes on) takes from the paragraph. */
function carryOn(line: string, carried: Carried): Carried {
  if (carried !== undefined) return carried;
  const a = paragraphLine(line);
  return a.item || a.depth > 0 ? { content: a.content, depth: a.depth } : null;
}

/** What the line starting at `start` takes from its paragraph, read from the paragraph's first line (not before `after`). */
function carriedAt(text: string, start: number, after: number): Carried {
  const lines: { start: number; body: string }[] = [];
  for (let pos = 0; pos < text.length; ) {
    let end = pos;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    lines.push({ start: pos, body: text.slice(pos, end).replace(/^\uFEFF/, '') });
    pos = text.startsWith('\r\n', end) ? end + 2 : end + 1;
  }
  const k = lines.findIndex((l) => l.start === start);
  let first = k;
  while (first > 0 && lines[first - 1]!.start >= after && isParagraphLine(lines[first - 1]!.body)) first--;
  let carried: Carried;
  for (let j = first; j < k; j++)
    carried =
      !isParagraphLine(lines[j]!.body) || endsParagraph(lines[j]!.body, lines[j + 1]!.body, carried)
        ? undefined
        : carryOn(lines[j]!.body, carried);
  return carried;
}

/** Everything skippedRanges skips in a Markdown text, from the readings above. */
function markdownByLines(text: string): { start: number; end: number }[] {
  const html: { start: number; end: number }[] = [];
  const blocks = fencesByLines(text, html);
  const fences = blocks.filter((b) => !(b.start === 0 && text.startsWith('---')));
  const code = union(
    blocks,
    indentedByLines(
      text,
      [...fences, ...html].sort((a, b) => a.start - b.start),
    ),
  );
  const spans = codeSpansByLines(text, union(union(code, html), blankEndedHtmlByLines(text, union(code, html))));
  // HTML tags (`<span>`, `</div>`: from the `<` to the next `>` on its line, another `<` first ending none)
  const tags: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/<[A-Za-z/][^<>\n\r]*>/g)) tags.push({ start: m.index, end: m.index + m[0].length });
  // URLs and directive words: what the scan of any text skips, backticks aside
  return union(union(union(code, spans), tags), skippedRanges(text.replaceAll('`', ' '), false));
}

/**
 * Markdown's HTML blocks that end at a blank line, at the top level, read line by line (the rule,
 * written out plainly): a line outside `blocks` whose text starts up to three spaces in with a block
 * tag (`<div`, `</details>`), or that is one whole open or closing tag and follows no paragraph line
 * (a blank line, the text's start, a block's last line, an ATX heading or a thematic break come
 * before it), opens one; it runs over the lines after it to a blank line or a line in a block.
 * (In list items and quotes, and after a setext heading, these are not read: known gaps.)
 */
function blankEndedHtmlByLines(text: string, blocks: { start: number; end: number }[]): { start: number; end: number }[] {
  const lines = linesOf(text);
  const inBlock = (l: { start: number }) => blocks.some((b) => b.start <= l.start && l.start <= b.end);
  const blank = (l: { body: string }) => /^[ \t]*$/.test(l.body);
  const out: { start: number; end: number }[] = [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const m = /^ {0,3}(<.*)$/.exec(line.start === 0 ? line.body.replace(/^\uFEFF/, '') : line.body);
    if (!m || inBlock(line)) continue;
    const rest = m[1]!.replace(/[ \t]+$/, '');
    const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[ \t>]|\/>|$)/.exec(rest);
    const blockTag = tag !== null && BLOCK_TAG_NAMES.includes(tag[1]!.toLowerCase());
    const wholeTag =
      /^<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>$/.test(rest) ||
      /^<\/[A-Za-z][A-Za-z0-9-]*\s*>$/.test(rest);
    const prev = lines[li - 1];
    const afterParagraph =
      prev !== undefined &&
      !blank(prev) &&
      // (a block may end on it having started after its list marker: `-     code`)
      !blocks.some((b) => b.start <= prev.end && prev.start <= b.end) &&
      !/^ {0,3}(?:#{1,6}(?:[ \t]|$)|(?:\*[ \t]*){3,}$|(?:-[ \t]*){3,}$|(?:_[ \t]*){3,}$)/.test(prev.body);
    if (!blockTag && !(wholeTag && !afterParagraph)) continue;
    let last = li;
    while (last + 1 < lines.length && !blank(lines[last + 1]!) && !inBlock(lines[last + 1]!)) last++;
    out.push({ start: line.start, end: lines[last]!.end });
    li = last;
  }
  return out;
}

/**
 * Markdown indented code blocks read line by line from the top (the rule, written out plainly): a
 * line starting with four spaces or a tab, four columns right of the innermost open list item's
 * content, after a blank line, a heading, a fence or another code line; a list item (`-`, `*`, `+`,
 * `1.`, `1)`) opens at its content column (and so does an item written on its line: `- - a`), one
 * column after its marker when five or more blanks and text follow it, the text then being code; a
 * line at most as far in as an item's content, after a blank line, closes it; an item with nothing
 * on its line (`-`, the inner one of `- - `) ends at the blank line after it; a paragraph's next
 * line continues it, unless it is a setext underline (`===`, `---`), which ends it as a thematic
 * break (`***`, `- - -`) ends anything. HTML (CommonMark's HTML blocks) is never code: a comment, `<script>`, `<pre>`,
 * `<style>`, `<textarea>`, `<?…?>`, `<!X…>` and CDATA run to the line that closes them, blank lines
 * and all; a block tag (`<div>`), or a line that is one whole tag after no paragraph, to a blank line.
 * A block quote's line (`>` less than four columns past the open lists' content, more `>` after it up
 * to three spaces further, an optional space after each) is read as its text after the markers, in
 * the quote's own lists, its columns counted past the markers; a quote of another depth starts
 * afresh (one level less goes on with a paragraph); a line without `>` ends the quote (blank, or
 * starting a block: a thematic break, a list item, a heading, a block tag) or, after a paragraph,
 * continues it; what was open in the quote ends with it.
 */
function indentedByLines(text: string, fences: { start: number; end: number }[]): { start: number; end: number }[] {
  const lines = linesOf(text);
  if (text.startsWith('---') && text.indexOf('\n---', 3) > 0) {
    const close = text.indexOf('\n---', 3) + 1;
    while (lines.length && lines[0]!.start <= close) lines.shift();
  }
  const columns = (s: string) => {
    let c = 0;
    for (const ch of s) c = ch === '\t' ? c + 4 - (c % 4) : c + 1;
    return c;
  };
  /** The text of `body` from column `column` on ('' when no character starts there). */
  const atColumn = (body: string, column: number) => {
    for (let i = 0; i <= body.length; i++) if (columns(body.slice(0, i)) === column) return body.slice(i);
    return '';
  };
  const out: { start: number; end: number }[] = [];
  let lists: number[] = [];
  let before = 'blank';
  let code: { start: number; end: number } | undefined;
  // the last line opened a list item with nothing on it (`-`, `- - `): a blank line next ends that item
  let emptyItem = false;
  // a line to read again from a quote's `>` after its list items' markers (`- > quote`)
  let again: { li: number; lead: number; indent: number } | undefined;
  // how many block quotes the last line was in, and the lists open outside them
  let quotes = 0;
  let outer: number[] = [];
  const endQuote = () => {
    if (code) out.push(code);
    code = undefined;
    lists = outer;
    outer = [];
    quotes = 0;
    // what was open in the quote ends with it (a paragraph there takes no underline from outside)
    if (before === 'html' || before === 'paragraph') before = 'other';
  };
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    let body = line.start === 0 ? line.body.replace(/^\uFEFF/, '') : line.body;
    // where a code block starting on this line starts
    let start = line.start;
    const fence = fences.find((f) => f.start <= line.start && line.start <= f.end);
    let lead = /^[ \t]*/.exec(body)![0];
    let indent = columns(lead);
    if (again?.li === li) {
      // read again from the `>` of a quote opened on a list item's line, the item's markers its lead
      lead = body.slice(0, again.lead);
      indent = again.indent;
      again = undefined;
    }
    // the item with nothing on its line before ends at a blank line right after it only
    const endsItem = emptyItem;
    emptyItem = false;
    // a line of an HTML block that ends at a blank line is HTML, a comment in it too
    if (before === 'html' && quotes === 0 && lead !== body) continue;
    if (fence) {
      if (quotes) endQuote();
      if (code) out.push(code);
      code = undefined;
      if (fence.start === line.start) {
        lists = lists.filter((c) => c <= indent);
        // the fence or HTML block on a list item's line (`- ```sh`, `1. - ~~~`, `-\t<!--`): the items
        // open, each content the next's marker (one to four columns after its marker)
        if (!quotes)
          for (let at = body.slice(lead.length), col = indent; ; ) {
            const m = /^(?:[-*+]|[0-9]{1,9}[.)])([ \t]+)(?=[`~<>\-*+0-9])/.exec(at);
            if (!m) break;
            const markerEnd = col + m[0].length - m[1]!.length;
            col = columnsFrom(markerEnd, m[1]!);
            if (col - markerEnd > 4) break;
            lists.push(col);
            at = at.slice(m[0].length);
          }
      }
      before = 'other';
      continue;
    }
    // block quote markers where a block may start (`>`, an optional space after each, the next up to
    // three spaces further); the line's text is what follows them, its indentation the columns past them
    const quoted = (quotes ? outer : lists).filter((c) => c <= indent);
    const markers =
      indent - (quoted.length ? quoted[quoted.length - 1]! : 0) < 4 ? /^(?:> ?)(?: {0,3}> ?)*/.exec(body.slice(lead.length)) : null;
    if (quotes && !markers) {
      if (lead === body) {
        endQuote();
        before = 'blank';
        continue;
      }
      // a line that starts no block goes on with the quote's paragraph (a lazy continuation)
      const open = outer.filter((c) => c <= indent);
      const rest = body.slice(lead.length);
      const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[ \t>]|\/>|$)/.exec(rest);
      const startsBlock =
        indent - (open.length ? open[open.length - 1]! : 0) < 4 &&
        (/^(?:\*[ \t]*){3,}$|^(?:-[ \t]*){3,}$|^(?:_[ \t]*){3,}$/.test(rest) ||
          /^(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t]|$)/.test(rest) ||
          /^#{1,6}(?:[ \t]|$)/.test(rest) ||
          (tag !== null && BLOCK_TAG_NAMES.includes(tag[1]!.toLowerCase())));
      if (before === 'paragraph' && !startsBlock) continue;
      endQuote();
    }
    let quoteText = false;
    if (markers) {
      const depth = markers[0].split('>').length - 1;
      if (depth !== quotes) {
        if (code) out.push(code);
        code = undefined;
        lists = [];
        before = depth < quotes && before === 'paragraph' ? 'paragraph' : 'blank';
        quotes = depth;
      }
      // the lists the quote is in: those whose content its marker is in
      outer = quoted;
      const prefix = body.slice(0, lead.length + markers[0].length);
      start = line.start + line.body.length - body.length + prefix.length;
      body = body.slice(prefix.length);
      lead = /^[ \t]*/.exec(body)![0];
      indent = columns(prefix + lead) - columns(prefix);
      quoteText = true;
      if (before === 'html' && lead !== body) continue;
    }
    if (lead === body) {
      if (endsItem) lists.pop();
      before = 'blank';
      continue;
    }
    const top = lists.length ? lists[lists.length - 1]! : 0;
    const indented = quoteText ? indent >= 4 : body.startsWith('    ') || body.startsWith('\t');
    if (code && indented && indent >= top + 4) {
      code.end = line.end;
      continue;
    }
    if (code) {
      out.push(code);
      code = undefined;
      before = 'other';
    }
    const open = lists.filter((c) => c <= indent);
    const column = indent - (open.length ? open[open.length - 1]! : 0);
    const rest = body.slice(lead.length);
    // a fence in a list item four columns or more in (up to three past the item's content): to its
    // closing line (as many or more of its character, up to three columns past the content, nothing
    // else), or to the line before one less far in than the content or one the fence finder saw
    const deep = !quoteText && indented && column < 4 ? /^(`{3,}|~{3,})/.exec(rest) : null;
    const readFence = (deep: RegExpExecArray, content: number) => {
      let end = line.end;
      while (li + 1 < lines.length) {
        const next = lines[li + 1]!;
        const nextLead = /^[ \t]*/.exec(next.body)![0];
        const blank = nextLead === next.body;
        const found = fences.some((f) => f.start <= next.start && next.start <= f.end);
        if (found || (!blank && columns(nextLead) < content)) break;
        li++;
        end = next.end;
        const run = /^(`+|~+)[ \t]*$/.exec(next.body.slice(nextLead.length));
        if (!blank && columns(nextLead) - content < 4 && run && run[1]![0] === deep[1]![0] && run[1]!.length >= deep[1]!.length) break;
      }
      out.push({ start, end });
      before = 'other';
    };
    if (deep) {
      lists = open;
      readFence(deep, open[open.length - 1]!);
      continue;
    }
    // an HTML block that runs over blank lines (a comment, `<?`, `<!X`, CDATA, `<script>`…) in a list
    // item four columns or more in (less than four past its content): HTML, no code, to the line with
    // its closing text (after its `<`), or to the line before one with text less far in than the content
    const deepHtml = !quoteText && indented && column < 4 ? HTML_OPENER.exec(rest) : null;
    if (deepHtml) {
      lists = open;
      const content = open[open.length - 1]!;
      const o = deepHtml[1]!.toLowerCase();
      const until = o === '<!--' ? '-->' : o === '<?' ? '?>' : o === '<![cdata[' ? ']]>' : o.startsWith('<!') ? '>' : `</${o.slice(1)}>`;
      let from = line.end - rest.length + 1;
      while (!text.slice(from, lines[li]!.end).toLowerCase().includes(until) && li + 1 < lines.length) {
        const next = lines[li + 1]!;
        const nextLead = /^[ \t]*/.exec(next.body)![0];
        if (nextLead !== next.body && columns(nextLead) < content) break;
        li++;
        from = next.start;
      }
      before = 'other';
      continue;
    }
    // a thematic break, or a paragraph's setext underline, ends it all
    if (
      column < 4 &&
      (/^(?:\*[ \t]*){3,}$|^(?:-[ \t]*){3,}$|^(?:_[ \t]*){3,}$/.test(rest) ||
        (before === 'paragraph' && open.length === lists.length && /^(?:=+|-+)[ \t]*$/.test(rest)))
    ) {
      lists = open;
      before = 'other';
      continue;
    }
    const marker = /^(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t]|$)/.exec(rest);
    // an item with nothing after its marker, or numbered other than 1, does not interrupt a paragraph
    const interrupts =
      marker && rest.slice(marker[0].length).trim() !== '' && (!/^[0-9]/.test(marker[0]) || Number(marker[0].slice(0, -1)) === 1);
    if (column < 4 && marker && (interrupts || before !== 'paragraph' || open.length !== lists.length)) {
      lists = [...open];
      // the item, and any item written after it on the line
      let prefix = lead;
      // the item's content starts with indented code (`-     code`): where its text starts
      let codeFrom = -1;
      for (let m: RegExpExecArray | null = marker, at = rest; m; ) {
        const after = at.slice(m[0].length);
        const gap = /^[ \t]*/.exec(after)![0];
        const markerEnd = columns(prefix + m[0]);
        const contentAt = columns(prefix + m[0] + gap) - markerEnd;
        const content = gap === after || contentAt > 4 ? markerEnd + 1 : markerEnd + contentAt;
        lists.push(content);
        emptyItem = gap === after;
        if (gap !== after && contentAt > 4) codeFrom = line.end - (after.length - gap.length);
        if (gap === after || contentAt > 4 || columns(prefix + m[0] + gap) !== content) break;
        prefix = prefix + m[0] + gap;
        at = after.slice(gap.length);
        m = /^(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t]|$)/.exec(at);
      }
      // a fence at the innermost item's content (`- ```sh`) is the item's (on a line that may be code:
      // four spaces or a tab in; one less far in is the fence finder's)
      const itemFence = quoteText || !indented ? null : /^(`{3,}|~{3,})/.exec(atColumn(body, lists[lists.length - 1]!));
      if (itemFence) {
        readFence(itemFence, lists[lists.length - 1]!);
        continue;
      }
      // in a quote (`> - > quote`): a quote inside the quote, its markers counted with the quote's;
      // its text four columns past them (from the items' content on) is code
      const inQuote = quoteText ? atColumn(body, lists[lists.length - 1]!) : '';
      if (inQuote.startsWith('>')) {
        const inner = /^(?:> ?)(?: {0,3}> ?)*/.exec(inQuote)![0];
        const base = lists[lists.length - 1]! + inner.length;
        lists = [];
        quotes += inner.split('>').length - 1;
        const after = inQuote.slice(inner.length);
        const gap = /^[ \t]*/.exec(after)![0];
        emptyItem = false;
        if (gap === after) before = 'blank';
        else if (columnsFrom(base, gap) - base >= 4) {
          code = { start: line.end - after.length, end: line.end };
          before = 'other';
        } else before = /^#{1,6}(?:[ \t]|$)/.test(after.slice(gap.length)) ? 'other' : 'paragraph';
        continue;
      }
      // a block quote opened on the item's line (`- > quote`): the line is read again from its `>`,
      // inside the items
      const afterItems = quoteText ? '' : atColumn(body, lists[lists.length - 1]!);
      if (afterItems.startsWith('>')) {
        again = { li, lead: body.length - afterItems.length, indent: lists[lists.length - 1]! };
        emptyItem = false;
        li--;
        continue;
      }
      if (codeFrom >= 0) {
        code = { start: codeFrom, end: line.end };
        before = 'other';
        continue;
      }
      before = emptyItem ? 'other' : 'paragraph';
      continue;
    }
    const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[ \t>]|\/>|$)/.exec(rest);
    const blockTag = tag !== null && BLOCK_TAG_NAMES.includes(tag[1]!.toLowerCase());
    const wholeTag =
      /^<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>\s*$/.test(rest) ||
      /^<\/[A-Za-z][A-Za-z0-9-]*\s*>\s*$/.test(rest);
    if (column < 4 && (blockTag || (wholeTag && before !== 'paragraph'))) {
      lists = open;
      before = 'html';
      continue;
    }
    const heading = column < 4 && /^#{1,6}(?:[ \t]|$)/.test(rest);
    if (before === 'paragraph' && !heading) continue;
    lists = open;
    if (column >= 4 && indented) code = { start, end: line.end };
    else before = heading ? 'other' : 'paragraph';
  }
  if (code) out.push(code);
  return out;
}

/** A line opening an HTML block that runs over blank lines (CommonMark's types 1–5). */
const HTML_OPENER = /^ {0,3}(<!--|<\?|<!\[CDATA\[|<![A-Za-z]|<(?:script|pre|style|textarea)(?=[ \t>]|$))/i;

/** CommonMark's block tag names (HTML blocks of type 6). */
const BLOCK_TAG_NAMES = [
  'address',
  'article',
  'aside',
  'base',
  'basefont',
  'blockquote',
  'body',
  'caption',
  'center',
  'col',
  'colgroup',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'frame',
  'frameset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hr',
  'html',
  'iframe',
  'legend',
  'li',
  'link',
  'main',
  'menu',
  'menuitem',
  'nav',
  'noframes',
  'ol',
  'optgroup',
  'option',
  'p',
  'param',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'track',
  'ul',
];

/** The union of two lists of ranges, merged as skippedRanges merges (touching ranges join). */
function union(a: { start: number; end: number }[], b: { start: number; end: number }[]) {
  const all = [...a, ...b].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: { start: number; end: number }[] = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

const fragment = fc.constantFrom(
  '区块链',
  ' ',
  '\n',
  '\r\n',
  '\n\n',
  '`',
  '``',
  '```\n',
  '```js\n',
  '   ```\n',
  '    ```\n',
  '    区块链\n',
  '\t',
  '  ',
  '- ',
  '1. ',
  '# ',
  '~~~\n',
  '~~~~\n',
  '---\n',
  'https://example.com/a ',
  'www.example.com',
  '://',
  'fintech-glossary-',
  '<!-- fintech-glossary-disable-next-line mixed-script -->\n',
  '<!--\n',
  '-->\n',
  '<!-- ``` -->\n',
  ' <!-- ` -->',
  '-->',
  '- - ',
  '- ```\n',
  '-\t```\n',
  '2. ```\n',
  '> ```\n',
  '> ~~~\n',
  '- <!--\n',
  '> <!--\n',
  '- > ',
  '  > ',
  '> ',
  '>     ',
  '>\n',
  '-\n',
  '// fintech-glossary-disable\n',
  '# fintech-glossary-enable\n',
  'fintech-glossary-variant: zh-TW\n',
  '𠀀',
);
const textArb = fc.array(fragment, { maxLength: 30 }).map((xs) => xs.join(''));

describe('Markdown fences and indented code blocks from the lines that may start them', () => {
  it('are the blocks a line-by-line reading finds', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(skippedRanges(text, true)).toEqual(markdownByLines(text));
      }),
      { numRuns: 500 },
    );
  });

  it('in documents of lists, paragraphs, headings and fences at any indentation', () => {
    const line = fc
      .tuple(
        fc.constantFrom('', ' ', '  ', '   ', '    ', '     ', '      ', '        ', '\t', ' \t', '\t\t'),
        fc.constantFrom(
          ...[
            '',
            '',
            '- ',
            '* ',
            '1. ',
            '2) ',
            '-     ',
            '-',
            '- - ',
            '1.',
            '# ',
            '```',
            '~~~~',
            '1.  ',
            '10. ',
            '- ```',
            '1. ~~~~',
            '2. ',
            '*',
            '-\t',
            '2. ```',
            '01. ',
            '- \t',
          ],
          ...[
            '> ',
            '>',
            '>     ',
            '> > ',
            '>>     ',
            '> - ',
            '>\t\t',
            '>     - ',
            '> # ',
            '> ```',
            '>    ',
            '> ~~~',
            '> > ```',
            '- > ',
            '- >     ',
            '1. > ',
            '- > ```',
            '  > ',
            '> - > ',
            '> 1. > ```',
            '>   > ',
          ],
        ),
        fc.constantFrom(
          '',
          '区块链',
          'x',
          '`x',
          '<!-- ``` -->',
          '<!--',
          '-->',
          '区块链 <!-- ` --> `',
          '<div',
          '===',
          '`',
          '```',
          '~~~',
          '<span>',
          '</Details>',
          '<https://x>',
          '# x',
          '***',
        ),
      )
      .map((parts) => parts.join(''));
    const docArb = fc.tuple(fc.array(line, { maxLength: 14 }), fc.constantFrom('\n', '\r\n', '\r')).map(([lines, br]) => lines.join(br));
    const same = (text: string) => {
      expect(skippedRanges(text, true)).toEqual(markdownByLines(text));
    };
    fc.assert(fc.property(docArb, same), { numRuns: 2000 });
    // a line at column 0 after a blank line inside a list item's fence closes no list
    same('- a\n  ```\n\nx\n  ```\n\n    y\n');
    // a lazy continuation line is no blank line's follower
    same('- a\nb\n\n    y\n');
    // a fence in a quote: closed three columns past its markers, or ended by a line with fewer
    same('> ```\n>    ```\n> x\n');
    same('> > ~~~\n> > a\n> ~~~\n> b\n');
    same('> ```\nlazy\n```\n');
    // a quote opened on a list item's line: its fence, its code, its paragraph's next line
    same('- > ```\n  > a\n  > ```\n  > b\n');
    same('- > ```\n> a\n');
    same('- >     a\n  > b\n');
    same('- > a\n  >     b\n');
    // an empty item, then an item whose line opens an HTML block: the blank line after that ends neither
    same('-\n-\t<!-- ``` -->\n\n      x');
    same('-\n-\t<!-- ``` -->\n\n      <!--');
  });

  it('examples', () => {
    const text = 'a\n```js\nx\n  ```  \nb\n~~~~\n~~~\n~~~~~\nc\n    ```\nd';
    const blocks = skippedRanges(text, true).map((r) => text.slice(r.start, r.end));
    expect(blocks).toEqual(['```js\nx\n  ```  ', '~~~~\n~~~\n~~~~~']);
    // an unclosed fence runs to the end; CRLF lines
    const crlf = 'p\r\n```\r\ncode\r\n';
    expect(skippedRanges(crlf, true).map((r) => crlf.slice(r.start, r.end))).toEqual(['```\r\ncode\r\n']);
  });

  it("a URL ends at any of the engine's whitespace (an em space, NEL, a form feed), not only a space", () => {
    for (const gap of [' ', '\u3000', '\u2003', '\u0085', '\u000c', '\u202f']) {
      const text = `see https://example.com/a${gap}区块链`;
      expect(skippedRanges(text, false).map((r) => text.slice(r.start, r.end))).toEqual(['https://example.com/a']);
    }
  });

  it('search the text for a fence run it lacks once, not once a line (no quadratic time)', () => {
    // many lines with ``` inside them (no fence) and no ~~~ at all: each search for ~~~ reads to the end
    for (const [line, absent] of [
      ['a x```y b\n', '~~~'],
      ['a x~~~y b\n', '```'],
    ] as const) {
      const text = line.repeat(2000);
      const searches = new Map<string, number>();
      const find = (needle: string, from: number) => {
        searches.set(needle, (searches.get(needle) ?? 0) + 1);
        return text.indexOf(needle, from);
      };
      expect(skippedRanges(text, true, find)).toEqual(skippedRanges(text, true));
      expect(searches.get(absent)).toBe(1);
    }
  });
});

describe('TextAnchors: indented code blocks kept across typing inside a line', () => {
  it('answer as a reading of the whole text, after keystrokes anywhere in long Markdown lines', () => {
    const line = fc
      .tuple(
        fc.constantFrom('', '', '  ', '    ', '      ', '        ', '\t'),
        fc.constantFrom(
          '',
          '',
          '- ',
          '1. ',
          '# ',
          '- - ',
          '===',
          '***',
          '___',
          '- - -',
          '-',
          '> ',
          '>     ',
          '>',
          '> - ',
          '- > ',
          '- >     ',
          '2. ',
          '*',
        ),
        fc.constantFrom('区块链技术的应用很广，软件和数据都在其中。', 'a long line of English text for the test', '数据', ''),
      )
      .map((parts) => parts.join(''));
    const doc = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'));
    // keystrokes: a character typed or deleted (most inside a line's text), now and then a line break
    const key = fc.record({ at: fc.nat(), del: fc.nat({ max: 2 }), ins: fc.constantFrom('', '软', 'x', ' ', '件', '\n', '') });
    fc.assert(
      fc.property(doc, fc.array(key, { minLength: 1, maxLength: 12 }), (initial, keys) => {
        let d = TextDocument.create('file:///a.md', 'markdown', 1, initial);
        const anchors = new TextAnchors(initial);
        skippedRanges(initial, true, anchors.find);
        let version = 1;
        for (const { at, del, ins } of keys) {
          const text = d.getText();
          const start = at % (text.length + 1);
          const end = Math.min(text.length, start + del);
          d = applyChanges(
            d,
            [{ range: { start: d.positionAt(start), end: d.positionAt(end) }, text: ins }],
            ++version,
            undefined,
            undefined,
            anchors,
          );
          const now = d.getText();
          expect(skippedRanges(now, true, anchors.find)).toEqual(skippedRanges(now, true));
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('TextAnchors: typing in a block quote’s text keeps its code blocks', () => {
  it('a keystroke in a quoted line’s text reads no line again, and answers as a fresh reading', () => {
    // 20,000 such lines cost 82 ms a keystroke when every edit on a line with `>` read them all again
    const text = '> 示例：\n>\n>     区块链 = 1\n>     软件 = 2\n>\n> 说明\n';
    const anchors = new TextAnchors(text);
    const kept = () => (anchors as unknown as { indented?: { text: string } }).indented?.text;
    expect(skippedRanges(text, true, anchors.find)).toEqual([{ start: 10, end: 34 }]);
    // typing `x` after 区块链 in the code, then after 说明 in the quote's paragraph
    let now = text;
    for (const at of [17, 42]) {
      now = `${now.slice(0, at)}x${now.slice(at)}`;
      anchors.update(now, at, at, at + 1);
      expect(kept()).toBe(now);
      expect(skippedRanges(now, true, anchors.find)).toEqual(skippedRanges(now, true));
    }
    expect(skippedRanges(now, true, anchors.find)).toEqual([{ start: 10, end: 35 }]);
    // typing in the markers (`>>`) reads the text again
    const typed = `>${now}`;
    anchors.update(typed, 0, 0, 1);
    expect(kept()).toBeUndefined();
    expect(skippedRanges(typed, true, anchors.find)).toEqual(skippedRanges(typed, true));
  });
});

describe('TextAnchors: kept indented code blocks and a byte-order mark', () => {
  it('typing after the mark at the start of the first line is typing in its head', () => {
    const text = '\uFEFF    code 中文\n';
    const anchors = new TextAnchors(text);
    expect(skippedRanges(text, true, anchors.find)).toEqual(skippedRanges(text, true));
    const now = '\uFEFFx    code 中文\n';
    anchors.update(now, 1, 1, 2);
    expect(skippedRanges(now, true, anchors.find)).toEqual(skippedRanges(now, true));
  });
});

describe('TextAnchors: searches kept across edits answer as a search of the whole text', () => {
  it('after any edits (documents updated as the server updates them)', () => {
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), ins: fc.array(fragment, { maxLength: 3 }) });
    fc.assert(
      fc.property(textArb, fc.array(edit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
        let doc = TextDocument.create('file:///a.md', 'markdown', 1, initial);
        const anchors = new TextAnchors(initial);
        let version = 1;
        for (const { at, del, ins } of edits) {
          const text = doc.getText();
          const start = at % (text.length + 1);
          const end = Math.min(text.length, start + del);
          const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
          doc = applyChanges(doc, [{ range, text: ins.join('') }], ++version, undefined, undefined, anchors);
          const now = doc.getText();
          expect(skippedRanges(now, true, anchors.find)).toEqual(skippedRanges(now, true));
          expect(skippedRanges(now, false, anchors.find)).toEqual(skippedRanges(now, false));
          expect(disabledRanges(now, anchors.find)).toEqual(disabledRanges(now));
          expect(disabledRanges(now, anchors.find, true)).toEqual(disabledRanges(now, undefined, true));
          expect(variantDirective(now, anchors.find)).toEqual(variantDirective(now));
          expect(variantDirective(now, anchors.find, true)).toEqual(variantDirective(now, undefined, true));
          for (const needle of ['`', '```', '~~~', '://', 'www.', 'fintech-glossary-'])
            for (const from of [0, start, Math.max(0, start - 3), now.length])
              expect(anchors.find(needle, from)).toBe(now.indexOf(needle, from));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a whole-text change searches the new text', () => {
    let doc = TextDocument.create('file:///a.md', 'markdown', 1, '`区块链` www.example.com');
    const anchors = new TextAnchors(doc.getText());
    doc = applyChanges(doc, [{ text: '// fintech-glossary-disable\n区块链' }], 2, undefined, undefined, anchors);
    expect(anchors.find('`', 0)).toBe(-1);
    expect(disabledRanges(doc.getText(), anchors.find)).toEqual([{ start: 0, end: doc.getText().length }]);
  });
});

describe('a directive inside a Markdown fenced code block is an example, not a directive', () => {
  const text = [
    '```bash', // 0
    '# fintech-glossary-disable', // 8
    '# fintech-glossary-variant: zh-TW', // 35
    '```', // 69
    '~~~', // 73
    'x = 1 // fintech-glossary-disable-next-line', // 77
    '~~~', // 121
    '區塊鏈', // 125
    '<!-- fintech-glossary-variant: zh-HK -->', // 129
    '// fintech-glossary-disable-next-line', // 170
    '区塊鏈', // 208
    '',
  ].join('\n');

  it('in Markdown, only the directives outside the fences count', () => {
    expect(variantDirective(text, undefined, true)).toEqual({ variant: 'zh-HK', offset: 134, valueStart: 160, valueEnd: 165 });
    expect(disabledRanges(text, undefined, true)).toEqual([{ start: 208, end: 211 }]);
  });

  it('in Markdown, examples in a list item’s fence, an indented block or a quote are no directives', () => {
    const cases = [
      ['1. 安装：', '', '    ```bash', '    # fintech-glossary-disable', '    ```'],
      ['示例：', '', '    # fintech-glossary-disable'],
      ['> ```bash', '> # fintech-glossary-disable', '> ```'],
      ['\t# fintech-glossary-disable'],
    ];
    for (const lines of cases) {
      const doc = ['<!-- fintech-glossary-variant: zh-Hans -->', ...lines, '区塊鏈', ''].join('\n');
      expect(disabledRanges(doc, undefined, true)).toEqual([]);
      // in plain text every one counts
      expect(disabledRanges(doc)).toHaveLength(1);
    }
    // an HTML comment shown in code is an example too (a list item's fence, an indented block, a tab)
    for (const lines of cases.filter((c) => !c[0]!.startsWith('>'))) {
      const doc = ['<!-- fintech-glossary-variant: zh-Hans -->', ...lines, '区塊鏈', ''].join('\n');
      expect(disabledRanges(doc.replace('# fintech-glossary-disable', '<!-- fintech-glossary-disable -->'), undefined, true)).toEqual([]);
    }
    // one in a list item, four columns in but no code, counts
    expect(disabledRanges('1.  安装：\n\n    <!-- fintech-glossary-disable -->\n\n区塊鏈\n', undefined, true)).toEqual([
      { start: 9, end: 52 },
    ]);
    expect(variantDirective('    # fintech-glossary-variant: zh-TW\n', undefined, true)).toBeUndefined();
    expect(variantDirective('> fintech-glossary-variant: zh-TW\n', undefined, true)).toBeUndefined();
    expect(variantDirective('   # fintech-glossary-variant: zh-TW\n', undefined, true)?.variant).toBe('zh-TW');
    expect(variantDirective('    <!-- fintech-glossary-variant: zh-TW -->\n', undefined, true)).toBeUndefined();
    expect(variantDirective('   <!-- fintech-glossary-variant: zh-TW -->\n', undefined, true)?.variant).toBe('zh-TW');
  });

  it('in other languages (no fences) every one counts, as before', () => {
    expect(variantDirective(text)).toEqual({ variant: 'zh-TW', offset: 37, valueStart: 63, valueEnd: 68 });
    expect(disabledRanges(text)).toEqual([
      { start: 8, end: text.length },
      { start: 121, end: 124 },
      { start: 208, end: 211 },
    ]);
  });

  it('an unclosed fence runs to the end: nothing after its opening line is a directive', () => {
    const open = 'a\n```sh\n# fintech-glossary-disable\n区塊鏈\n';
    expect(disabledRanges(open, undefined, true)).toEqual([]);
    expect(disabledRanges(open, undefined, false)).toEqual([{ start: 8, end: open.length }]);
  });
});
