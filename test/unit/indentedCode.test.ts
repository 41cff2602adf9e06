/**
 * Markdown's indented code blocks are code, as fenced blocks are: term QA reports nothing in them and
 * conversion keeps them as written. An indented paragraph of a list item and a paragraph's
 * continuation line are text. Expected texts are written here by hand.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertDocument } from '../../server/src/engine/convertText';
import { disabledRanges, skippedRanges } from '../../server/src/engine/directives';
import { DocumentIndex } from '../../server/src/engine/documentIndex';
import { DocumentChecker } from '../../server/src/engine/termQA';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';

const glossary = glossaryFromFile(join(__dirname, '../../dist/glossary.json'));

/** Term QA's findings in a simplified Markdown document: `rule term line`. */
function findings(text: string): string[] {
  const checker = new DocumentChecker({ source: glossary, script: 'zh-Hans' });
  const ranges = { skipped: skippedRanges(text, true), disabled: disabledRanges(text, undefined, true) };
  return checker
    .check(new DocumentIndex(glossary.index, text).occurrences, text, ranges)
    .map((f) => `${f.rule} ${f.term} ${text.slice(0, f.start).split('\n').length}`);
}

const convert = (text: string) => convertDocument(text, 'zh-TW', glossary, { markdown: true });

describe('an indented code block is code', () => {
  const doc = ['示例：', '', '    区塊鏈 = load("软件")', '    print(区塊鏈)', '', '区塊鏈在软件中。', ''];

  it('term QA: nothing inside the block; the same term outside it is reported', () => {
    expect(findings(doc.join('\n'))).toEqual(['mixed-script 区塊鏈 6']);
    expect(findings(doc.join('\r\n'))).toEqual(['mixed-script 区塊鏈 6']);
  });

  it('conversion keeps the block byte for byte, LF and CRLF, tabs and blank lines inside it', () => {
    const text = '示例：\n\n    软件 = 1\n\n\t数据 = 软件\n\n软件和数据\n';
    expect(convert(text)).toBe('示例：\n\n    软件 = 1\n\n\t数据 = 软件\n\n軟體和資料\n');
    const crlf = text.replaceAll('\n', '\r\n');
    expect(convert(crlf)).toBe('示例：\r\n\r\n    软件 = 1\r\n\r\n\t数据 = 软件\r\n\r\n軟體和資料\r\n');
  });

  it('at the start of a document, after a heading and after a fence', () => {
    expect(convert('    软件\n\n软件\n')).toBe('    软件\n\n軟體\n');
    expect(convert('# 软件\n    软件\n')).toBe('# 軟體\n    软件\n');
    expect(convert('```\n软件\n```\n    软件\n软件\n')).toBe('```\n软件\n```\n    软件\n軟體\n');
  });
});

describe('indented text that is no code block', () => {
  it('a list item’s paragraph indented to its content (2–4 spaces) is text; four more columns in is code', () => {
    const text = '- 第一项\n\n    软件和数据\n\n1. 第二项\n\n    软件\n\n       软件 --help\n';
    expect(convert(text)).toBe('- 第一項\n\n    軟體和資料\n\n1. 第二項\n\n    軟體\n\n       软件 --help\n');
    expect(findings('- 项目\n\n    区塊鏈\n')).toEqual(['mixed-script 区塊鏈 3']);
    // a nested list: its content column counts
    expect(convert('- a\n  - b\n\n      软件\n\n          软件\n')).toBe('- a\n  - b\n\n      軟體\n\n          软件\n');
  });

  it('a lazy continuation of a list item keeps the item open for the indented paragraph after it', () => {
    expect(convert('- 第一项\n延续\n\n    软件\n')).toBe('- 第一項\n延續\n\n    軟體\n');
  });

  it('a paragraph’s continuation line, however far indented, is text', () => {
    expect(convert('软件\n    软件\n')).toBe('軟體\n    軟體\n');
    expect(findings('说明\n    区塊鏈\n')).toEqual(['mixed-script 区塊鏈 2']);
  });

  it('a list ends at a line at column 0 after a blank line: an indented block after it is code', () => {
    expect(convert('- 第一项\n\n段落\n\n    软件\n')).toBe('- 第一項\n\n段落\n\n    软件\n');
  });

  it('items opened on one line (`- - a`, `1. - a`): the innermost one’s content column counts', () => {
    expect(convert('- - 第一项\n\n      软件的应用很广。\n')).toBe('- - 第一項\n\n      軟體的應用很廣。\n');
    expect(convert('1. - 第一项\n\n       软件\n')).toBe('1. - 第一項\n\n       軟體\n');
    // four columns past the inner item's content: code
    expect(convert('- - 第一项\n\n          软件\n')).toBe('- - 第一項\n\n          软件\n');
  });

  it('an empty list item ends at the blank line after it: four columns in after it is code', () => {
    const doc = ['-', '', '    区塊鏈 = 1', '', '区塊鏈在这里。', ''];
    expect(findings(doc.join('\n'))).toEqual(['mixed-script 区塊鏈 5']);
    expect(findings(doc.join('\r\n'))).toEqual(['mixed-script 区塊鏈 5']);
    expect(convert('-\n\n    软件\n\n软件\n')).toBe('-\n\n    软件\n\n軟體\n');
    expect(convert('1.\r\n\r\n    软件\r\n\r\n软件\r\n')).toBe('1.\r\n\r\n    软件\r\n\r\n軟體\r\n');
    // `- - `: the inner item ends, the outer one (content at column 2) goes on
    expect(convert('- - \n\n      软件\n\n    软件\n')).toBe('- - \n\n      软件\n\n    軟體\n');
    // with no blank line the empty item's content is the next line, four columns past its content column is code
    expect(convert('-\n    软件\n')).toBe('-\n    軟體\n');
    expect(convert('- \n      软件\n')).toBe('- \n      软件\n');
  });

  it('HTML is no code: a comment, <pre> or <script> over blank lines, a block tag to the blank line', () => {
    expect(findings('<!--\n\n    区塊鏈\n-->\n')).toEqual(['mixed-script 区塊鏈 3']);
    expect(convert('<!--\n\n    软件\n-->\n')).toBe('<!--\n\n    軟體\n-->\n');
    expect(convert('<pre>\n\n    软件\n</pre>\n')).toBe('<pre>\n\n    軟體\n</pre>\n');
    expect(convert('<div>\n# 标题\n    软件\n</div>\n')).toBe('<div>\n# 標題\n    軟體\n</div>\n');
    // once the HTML block is over, an indented block after it is code again
    expect(convert('<!-- 注释 -->\n    软件\n')).toBe('<!-- 註釋 -->\n    软件\n');
    expect(convert('<div>\n软件\n</div>\n\n    软件\n')).toBe('<div>\n軟體\n</div>\n\n    软件\n');
    // four spaces in, a comment opener is code
    expect(convert('段落\n\n    <!-- 软件\n\n    软件\n')).toBe('段落\n\n    <!-- 软件\n\n    软件\n');
  });

  it('after a setext heading’s underline or a thematic break, an indented line is code', () => {
    expect(convert('标题\n===\n    软件\n')).toBe('標題\n===\n    软件\n');
    expect(convert('段落\n***\n    软件\n')).toBe('段落\n***\n    软件\n');
    expect(convert('- 第一项\n- - -\n    软件\n')).toBe('- 第一項\n- - -\n    软件\n');
    // an underline less indented than a list item's content continues the item's paragraph
    expect(convert('  1. 软件\n   ===\n      软件\n')).toBe('  1. 軟體\n   ===\n      軟體\n');
  });

  it('HTML blocks: a comment inside a block tag’s block, letter case, closing tags, HTML shown in a fence', () => {
    // a comment line inside a <table> block leaves the block HTML to its blank line
    expect(convert('<table>\n<!-- 第一行 -->\n    <tr><td>软件和数据</td></tr>\n</table>\n')).toBe(
      '<table>\n<!-- 第一行 -->\n    <tr><td>軟體和資料</td></tr>\n</table>\n',
    );
    // </Pre> closes <pre>: the code block after it is code
    expect(convert('<pre>\n软件\n</Pre>\n\n    软件 = 1\n')).toBe('<pre>\n軟體\n</Pre>\n\n    软件 = 1\n');
    // a closing tag takes no attributes: no HTML block, the list item and its paragraph are text
    expect(convert('</span x>\n- 第一项\n\n    软件\n')).toBe('</span x>\n- 第一項\n\n    軟體\n');
    // a comment opener shown inside a fence opens nothing: the real comment after it is HTML
    expect(convert('```\n<!--\n```\n<!-- 注释\n\n    软件\n-->\n')).toBe('```\n<!--\n```\n<!-- 註釋\n\n    軟體\n-->\n');
  });

  it('a front matter is never code', () => {
    expect(convert('---\ntitle: 软件\ntags:\n\n    - 软件\n---\n软件\n')).toBe('---\ntitle: 軟體\ntags:\n\n    - 軟體\n---\n軟體\n');
  });
});
