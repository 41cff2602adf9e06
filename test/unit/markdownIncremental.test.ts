/**
 * A keystroke in a Markdown document reads its fences and HTML blocks again only near the edit
 * (TextAnchors): random edits to random documents made of fences, HTML comments and blocks, lists,
 * quotes, indented code and front matter must leave the same blocks and skipped ranges as a reading
 * of the whole new text, and a keystroke in a long document must not read all of its blocks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChanges } from '../../server/src/documents';
import { fencesAndHtml, skippedRanges, TextAnchors } from '../../server/src/engine/directives';
import { PieceText, type Text } from '../../server/src/engine/text';
import { textOf } from '../../server/src/textDocument';

/** Lines of the constructs whose blocks depend on the lines around them. */
const LINES = [
  '```',
  '```js',
  '~~~',
  '````',
  '- ```bash',
  '1. ~~~',
  '2. ```',
  '> ```',
  '> - ```',
  '>> ```',
  '- > ```',
  '    ```',
  '<!-- 区块链',
  '-->',
  '<!-- 注释 -->',
  '- <!-- 注释 -->',
  '> <!-- 注释',
  '  <!--',
  '<script>',
  '</script>',
  '<div>',
  '<?php',
  '?>',
  '<!DOCTYPE html>',
  '- a',
  '  b',
  '- ',
  '1. a',
  '> a',
  '>',
  '> > a',
  '    code 软件',
  '\tcode',
  '>     code',
  '# 标题',
  '---',
  '===',
  '数据 `code` 区块链',
  '区块链技术的应用很广',
  'lazy',
  // lazy continuation lines and what follows them (`- a`, `b`, `2. ````), code spans over them
  'lazy `区块链',
  '- a `x',
  '> a `x',
  '2. a`',
  '2. > ```',
  '> 2. ```',
  '> - >     code',
  '>   >     code',
  '   ```',
  '   code`',
  '      ',
  '',
  '',
];

const docArb = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 16 }), fc.constantFrom('\n', '\r\n'))
  .map(([front, lines, eol]) => (front ? ['---', 'title: 区块链', '---', ...lines] : lines).join(eol));

/** What an edit inserts: text, line breaks and the characters blocks are made of. */
const insArb = fc.constantFrom(
  '',
  'x',
  '软',
  ' ',
  '    ',
  '\n',
  '\r\n',
  '\r',
  '`',
  '```',
  '~~~',
  '<!--',
  '-->',
  '<',
  '>',
  '> ',
  '- ',
  '1. ',
  '\n\n',
  '---',
);

const editArb = fc.record({ at: fc.nat(), del: fc.nat({ max: 6 }), ins: insArb, ask: fc.boolean() });

/** An edit as the random tests draw it: at an offset (any natural number, taken modulo the length). */
interface Edit {
  at: number;
  del: number;
  ins: string;
  ask: boolean;
}

/**
 * `initial` opened in the server's document model with its anchors, then `edits` applied one by one;
 * `question` asked after each edit drawn with `ask` (now and then several edits before the next
 * question) and after the last.
 */
function replay(
  markdown: boolean,
  initial: string,
  edits: Edit[],
  question: (now: Text, model: string, anchors: TextAnchors) => void,
): void {
  let doc = TextDocument.create(markdown ? 'file:///a.md' : 'file:///a.txt', markdown ? 'markdown' : 'plaintext', 1, initial);
  const anchors = new TextAnchors(initial);
  skippedRanges(initial, markdown, anchors.find);
  let version = 1;
  // the text as plain string edits make it: what a fresh reading is given
  let model = initial;
  for (const { at, del, ins, ask } of edits) {
    const start = at % (model.length + 1);
    const end = Math.min(model.length, start + del);
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    const offsetOf = (text: string, p: { line: number; character: number }) => TextDocument.create('', '', 0, text).offsetAt(p);
    doc = applyChanges(doc, [{ range, text: ins }], ++version, undefined, undefined, anchors);
    // (where the positions are: an offset between a CR and its LF has none)
    const [a, b] = [offsetOf(model, range.start), offsetOf(model, range.end)];
    model = model.slice(0, a) + ins + model.slice(b);
    // the server's text model (pieces) is what the kept searches are asked with
    expect(textOf(doc)).toBeInstanceOf(PieceText);
    if (ask) question(textOf(doc), model, anchors);
  }
  question(textOf(doc), model, anchors);
}

describe('TextAnchors: fences and HTML blocks read again only near an edit', () => {
  it('random edits to random Markdown give the blocks and skipped ranges of a fresh reading', () => {
    fc.assert(
      fc.property(docArb, fc.array(editArb, { minLength: 1, maxLength: 10 }), (initial, edits) => {
        replay(true, initial, edits, (now, model, anchors) => {
          expect(anchors.fencesAndHtml(now)).toEqual(fencesAndHtml(model));
          expect(skippedRanges(now, true, anchors.find)).toEqual(skippedRanges(model, true));
        });
      }),
      { numRuns: 3000 },
    );
  });
});

describe('TextAnchors: a code span the edits empty at the text’s end', () => {
  // found by the random test below (seed 1697433394): `1. ~~~` → ` `~`~` (a span `~`) → ` ~`~` →
  // ` `: the span, moved to the end and emptied, was kept as a range of no length
  it('is gone, as in a fresh reading', () => {
    let doc = TextDocument.create('file:///a.md', 'markdown', 1, '1. ~~~');
    const anchors = new TextAnchors('1. ~~~');
    skippedRanges('1. ~~~', true, anchors.find);
    let version = 1;
    const edit = (start: number, end: number, text: string) => {
      doc = applyChanges(
        doc,
        [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text }],
        ++version,
        undefined,
        undefined,
        anchors,
      );
      return doc.getText();
    };
    expect(edit(0, 2, '')).toBe(' ~~~');
    expect(edit(1, 1, '`')).toBe(' `~~~');
    expect(edit(3, 4, '`')).toBe(' `~`~');
    expect(skippedRanges(' `~`~', true, anchors.find)).toEqual([{ start: 1, end: 4 }]);
    expect(edit(1, 2, '')).toBe(' ~`~');
    expect(edit(1, 4, '')).toBe(' ');
    expect(skippedRanges(' ', true, anchors.find)).toEqual([]);
  });
});

describe('TextAnchors: code spans read again only near an edit, in any language', () => {
  it('random edits to random text give the skipped ranges of a fresh reading (other languages: spans end at a blank line)', () => {
    fc.assert(
      fc.property(docArb, fc.array(editArb, { minLength: 1, maxLength: 10 }), (initial, edits) => {
        replay(false, initial, edits, (now, model, anchors) => {
          expect(skippedRanges(now, false, anchors.find)).toEqual(skippedRanges(model, false));
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('typing in one of 40,000 lines of prose full of code spans reads the spans of its paragraph', () => {
    // paragraphs of four lines, three spans a line
    const line = (i: number) => `区块链 \`a${i % 10}\` 与 \`b\` 和 \`c\` 相关。\n`;
    let text = '';
    for (let i = 0; i < 40_000; i++) text += i % 5 === 4 ? '\n' : line(i);
    for (const markdown of [true, false]) {
      const anchors = new TextAnchors(text);
      const { find } = anchors;
      const before = skippedRanges(text, markdown, find);
      expect(before).toHaveLength(96_000);
      expect(before.slice(0, 2)).toEqual([
        { start: 4, end: 8 },
        { start: 11, end: 14 },
      ]);
      // count the searches for backticks from here on (each search through `find` looks up its
      // needle's kept offsets)
      let searches = 0;
      const offsets = (anchors as unknown as { offsets: Map<string, number[]> }).offsets;
      offsets.get = (needle: string) => {
        if (needle === '`') searches++;
        return Map.prototype.get.call(offsets, needle) as number[] | undefined;
      };
      // a backtick typed before 区 in the middle line of the middle paragraph: its spans pair anew
      const at = text.length / 2;
      expect(text.slice(at - 1, at + 3)).toBe('\n区块链');
      const now = `${text.slice(0, at)}\`${text.slice(at)}`;
      anchors.update(now, at, at, at + 1);
      const after = skippedRanges(now, markdown, find);
      expect(after).toEqual(skippedRanges(now, markdown));
      expect(after).toHaveLength(96_000);
      // from the typed backtick to the first one of the next line, then the next pairs of the paragraph
      expect(after.find((r) => r.start === at)).toEqual({ start: at, end: at + 6 });
      expect(searches).toBeLessThan(60);
    }
  });
});

describe('TextAnchors: a keystroke reads the blocks near it, not all of them', () => {
  it('typing in one of 40,000 list items holding a comment reads a few of their lines', () => {
    const text = '- <!-- 注释 --> 区块链\n'.repeat(40_000);
    const anchors = new TextAnchors(text);
    const { find } = anchors;
    // an HTML block is no code: the comment's text is checked
    expect(skippedRanges(text, true, find)).toEqual([]);
    // count the searches for comment openers and quote markers (lines that may be code) from here
    // on (the scans search through `anchors.find`)
    const searches = { '<!': 0, '>': 0 };
    (anchors as unknown as { find: typeof find }).find = (needle, from) => {
      if (needle === '<!' || needle === '>') searches[needle]++;
      return find(needle, from);
    };
    // typing x after 区 in the middle item's prose, on a line with `<` and `>`
    const at = 20_000 * 18 + 15;
    expect(text.slice(at - 1, at + 1)).toBe('区块');
    const now = `${text.slice(0, at)}x${text.slice(at)}`;
    anchors.update(now, at, at, at + 1);
    const blocks = anchors.fencesAndHtml(now);
    expect(blocks.html).toHaveLength(40_000);
    expect(blocks.html[20_000]).toEqual({ start: 360_000, end: 360_018 });
    expect(blocks.html[20_001]).toEqual({ start: 360_019, end: 360_036 });
    expect(skippedRanges(now, true, find)).toEqual([]);
    expect(searches['<!']).toBeLessThan(20);
    expect(searches['>']).toBeLessThan(20);
  });
});

describe('comments left open at the start of list items', () => {
  it('the `-->` the text lacks is searched for once, not once a comment', () => {
    const text = '- <!-- 注释\n'.repeat(40_000);
    let searches = 0;
    const find = (needle: string, from: number) => {
      if (needle === '-->') searches++;
      return text.indexOf(needle, from);
    };
    // each comment ends with its item
    const { fences, html } = fencesAndHtml(text, find);
    expect(fences).toEqual([]);
    expect(html).toHaveLength(40_000);
    expect(html.slice(0, 2)).toEqual([
      { start: 0, end: 9 },
      { start: 10, end: 19 },
    ]);
    expect(searches).toBe(1);
  });
});
