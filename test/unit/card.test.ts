import { describe, expect, it } from 'vitest';
import { encodeLinkArgs, escapeMarkdown, renderCard } from '../../server/src/features/card';
import { entry } from './helpers';

describe('the card treats glossary text as data', () => {
  const hostile = entry('evil', '恶意[链接](command:workbench.action.terminal.new)', ['<img src=x onerror=alert(1)>'], {
    definitionEn: '[run me](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D) **bold** `code`',
    definitionZh: '<script>alert(1)</script>',
    zhAliases: ['# heading'],
  });
  const card = renderCard(hostile, { links: [{ label: '→ x', command: 'fintechGlossary.replaceTerm', args: [{ text: ')](command:evil' }] }] });

  it('renders no link, HTML or emphasis from entry text', () => {
    expect(card).not.toMatch(/\]\(command:workbench/);
    expect(card).not.toMatch(/(^|[^\\])<(script|img)/);
    expect(card).not.toContain('**bold**');
  });

  it('keeps our own command link, with its arguments URI-encoded', () => {
    const links = [...card.matchAll(/\]\((command:[^ )]+)/g)].map((m) => m[1]);
    expect(links).toEqual([`command:fintechGlossary.replaceTerm?${encodeLinkArgs([{ text: ')](command:evil' }])}`]);
    expect(JSON.parse(decodeURIComponent(links[0]!.split('?')[1]!))).toEqual([{ text: ')](command:evil' }]);
  });

  it.each([['a*b', 'a\\*b'], ['[x](y)', '\\[x\\]\\(y\\)'], ['区块链', '区块链'], ['1. item', '1\\. item'], ['a\nb', 'a b'],
    ['a\r\r    b', 'a b'], ['a\u2028\u2029b', 'a b'], [' \t lead and trail \n', 'lead and trail'], ['https://x.example', 'https\\:\\/\\/x\\.example'],
    ['"title" end', '\\"title\\" end'], ['`code`', '\\`code\\`']])('escapes %j', (raw, escaped) => {
    expect(escapeMarkdown(raw)).toBe(escaped);
  });
});

describe('the card shows what a translator needs', () => {
  it('headline, regional forms, definitions and provenance', () => {
    const card = renderCard(entry('software', '软件', ['software'], { definitionZhSource: { doc: '000', title: '網絡金融服務簡介', line: 12 } }));
    expect(card.split('\n')[0]).toBe('**软件** · 軟件 · software');
    expect(card).toContain('臺灣 軟體');
    expect(card).toContain('> — *網絡金融服務簡介 \\(000\\, line 12\\)*');
    expect(card).toContain('中文 quoted from the source document');
  });
});
