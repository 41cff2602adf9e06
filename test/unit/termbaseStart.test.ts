// A file a glob found is sniffed from its start before it is read whole: what the start shows, as
// the whole file's load would say it, or nothing (read the whole file).
import { describe, expect, it } from 'vitest';
import { termbaseStartProblem } from '../../server/src/engine/termbaseLoad';
import { decodeBytes } from '../../server/src/protocol';

const TBX_START = '<?xml version="1.0"?>\n<!-- a team termbase -->\n<tbx type="TBX-Basic" xml:lang="en"><text><body><conceptEntry id="a">';

describe('termbaseStartProblem: is the start of a file enough to say it is no termbase?', () => {
  it.each([
    ['a TBX v3 start', 'terms.tbx', TBX_START, undefined],
    ['a TBX v2 start with a byte-order mark', 'terms.tbx', '\ufeff<?xml version="1.0"?>\n<martif type="TBX"><text>', undefined],
    [
      'another XML vocabulary',
      'page.tbx',
      '<?xml version="1.0"?>\n  <html><body><p>',
      { line: 2, column: 3, message: 'not a TBX file: the root element is <html>, not <martif> or <tbx>' },
    ],
    [
      // where the whole file's load says it too (saxes tells at the next line)
      'text before any element',
      'notes.tbx',
      'just some notes\n<tbx>',
      { line: 2, column: 1, message: 'not a TBX file: not well-formed XML (text data outside of root node.)' },
    ],
    // a prolog longer than the start: the root is not seen, so the whole file is to be read
    ['a start that ends in the DOCTYPE', 'big.tbx', `<?xml version="1.0"?>\n<!DOCTYPE tbx [\n<!ENTITY a "${'x'.repeat(100)}`, undefined],
    ['a sheet', 'glossary.csv', 'zh-CN,en\n区块链,blockchain\n', undefined],
    // a sheet's start says nothing more: a CSV without Chinese is known only once read whole
    ['a sheet of other data', 'glossary.csv', 'id,price\n1,2\n', undefined],
  ])('%s', (_name, file, head, problem) => {
    const t = termbaseStartProblem(head, file);
    if (!problem) expect(t).toBeUndefined();
    else expect([t?.unreadable, t?.entries, t?.diagnostics]).toEqual([true, [], [{ severity: 'error', ...problem }]]);
  });

  it('bytes UTF-8 cannot read, in a TBX or a sheet, are said at their line as the whole load says them', () => {
    const head = decodeBytes(new Uint8Array([0x61, 0x0a, 0x62, 0xff, 0xfe, 0x00, 0x01, 0x0a]));
    for (const file of ['blob.tbx', 'glossary.csv'])
      expect(termbaseStartProblem(head, file)?.diagnostics).toEqual([
        {
          severity: 'error',
          line: 2,
          column: 1,
          message:
            'not UTF-8 text: line 2 has bytes UTF-8 cannot read (a file saved as GBK, Big5, UTF-16 without a byte-order mark or another encoding?); save it as UTF-8',
        },
      ]);
  });

  it('a character the start cuts in two is no encoding error', () => {
    // 区 is E5 8C BA: the start ends after its first two bytes
    const bytes = new TextEncoder().encode('zh-CN,en\n区块链,blockchain\n').subarray(0, 12);
    expect(termbaseStartProblem(decodeBytes(bytes), 'glossary.csv')).toBeUndefined();
  });
});
