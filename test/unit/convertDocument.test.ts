/**
 * Converting a whole document keeps what is not text as it is, as term QA skips it: code spans,
 * fenced code (indented code: indentedCode.test.ts), URLs, and in Markdown link and image destinations and HTML tags. A Markdown front
 * matter is converted (its title is text). Expected texts are written here by hand.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertDocument } from '../../server/src/engine/convertText';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';

const glossary = glossaryFromFile(join(__dirname, '../../dist/glossary.json'));

describe('convertDocument keeps code, URLs and link destinations', () => {
  const md = [
    '---',
    'title: 软件报告',
    '---',
    '见 [链接](https://example.com/软件/数据) 和 `git checkout 软件` 以及 ![图](图/软件.png)',
    '',
    '```',
    'const 软件 = "数据"',
    '```',
    '软件和数据 <span title="软件">软件</span>',
    '',
  ].join('\n');

  it('in Markdown: code, fences, link and image destinations and tags stay; prose, link text, alt text and front matter convert', () => {
    expect(convertDocument(md, 'zh-TW', glossary, { markdown: true })).toBe(
      [
        '---',
        'title: 軟體報告',
        '---',
        '見 [連結](https://example.com/软件/数据) 和 `git checkout 软件` 以及 ![圖](图/软件.png)',
        '',
        '```',
        'const 软件 = "数据"',
        '```',
        '軟體和資料 <span title="软件">軟體</span>',
        '',
      ].join('\n'),
    );
  });

  it('a link reference definition keeps its destination; its label and title are text', () => {
    const text = '见[软件][ref]。\n\n[ref]: /软件/参考.md "软件"\n   [数据]:  数据/文件.md\n';
    expect(convertDocument(text, 'zh-TW', glossary, { markdown: true })).toBe(
      '見[軟體][ref]。\n\n[ref]: /软件/参考.md "軟體"\n   [資料]:  数据/文件.md\n',
    );
  });

  it('in any other text: code spans and URLs stay', () => {
    expect(convertDocument('访问 https://example.com/软件 或运行 `软件 --help`：软件\n', 'zh-TW', glossary)).toBe(
      '訪問 https://example.com/软件 或執行 `软件 --help`：軟體\n',
    );
  });

  it('a glossary term right after kept code converts (the kept range does not swallow it)', () => {
    expect(convertDocument('`x`数字货币', 'zh-TW', glossary, { markdown: true })).toBe('`x`數位貨幣');
  });
});
