// The one rule for a termbase file that the server (Node and web builds) and `check` share
// (`decideTermbaseFile`): a found file is sniffed from its start, a found file with no Chinese term
// is not used and says so once, a named file is read whole and used without Chinese too.
import { describe, expect, it } from 'vitest';
import { decideTermbaseFile, decideTermbaseFileAsync, noChineseTerm, type TermbaseFile } from '../../server/src/engine/termbaseFile';
import { loadTermbase } from '../../server/src/engine/termbaseLoad';

const HTML = '<?xml version="1.0"?>\n<html><body><p>other XML</p></body></html>\n';
const ENGLISH_ONLY = 'en,definition\nledger,a book of accounts\n,a row with no term\n';
const SHEET = 'zh-CN,en,status\n区块链,blockchain,\n,,forbidden\n';

/** A reader over one file's text that records what the rule asked for. */
function reader(name: string, text: string, asked: string[], canReadStart = true) {
  return {
    ...(canReadStart
      ? {
          start: (bytes: number) => {
            asked.push(`start ${bytes}`);
            return text.slice(0, bytes);
          },
        }
      : {}),
    whole: () => {
      asked.push('whole');
      return loadTermbase(text, { name });
    },
  };
}

const found = (name: string): TermbaseFile => ({ name, named: false, noChinese: 'no Chinese term (test)' });
const named = (name: string): TermbaseFile => ({ name, named: true, noChinese: 'no Chinese term (test)' });

describe('decideTermbaseFile', () => {
  it('turns a found file away from its first 64 KB when they show it is no termbase, without reading it whole', () => {
    const asked: string[] = [];
    const v = decideTermbaseFile(found('page.tbx'), reader('page.tbx', HTML, asked));
    expect([v.use, !v.use && v.reason, !v.use && v.why, asked]).toEqual([
      false,
      'unreadable',
      'not a TBX file: the root element is <html>, not <martif> or <tbx>',
      ['start 65536'],
    ]);
  });

  it('reads a named file whole, never only its start; one that is no termbase is not used, with its own error', () => {
    const asked: string[] = [];
    const v = decideTermbaseFile(named('page.tbx'), reader('page.tbx', HTML, asked));
    expect([v.use, v.diagnostics.map((d) => [d.severity, d.message]), asked]).toEqual([
      false,
      [['error', 'not a TBX file: the root element is <html>, not <martif> or <tbx>']],
      ['whole'],
    ]);
  });

  it('does not use a found file with no Chinese term: one information message, not its rows’ problems', () => {
    const asked: string[] = [];
    const v = decideTermbaseFile(found('glossary.csv'), reader('glossary.csv', ENGLISH_ONLY, asked));
    expect([v.use, !v.use && v.reason, !v.use && v.why, v.diagnostics, asked]).toEqual([
      false,
      'no-chinese',
      'no Chinese term (test)',
      [{ severity: 'information', line: 1, column: 1, message: 'no Chinese term (test)' }],
      ['start 65536', 'whole'],
    ]);
  });

  it('uses the same file named, and then shows its rows’ problems', () => {
    const v = decideTermbaseFile(named('glossary.csv'), reader('glossary.csv', ENGLISH_ONLY, []));
    expect([v.use, v.diagnostics.map((d) => [d.line, d.message])]).toEqual([true, [[3, 'row 3: no Chinese or English term; skipped']]]);
  });

  it('uses a found file with Chinese, its problems with it; a reader that cannot read a start reads it whole', () => {
    const asked: string[] = [];
    const v = decideTermbaseFile(found('glossary.csv'), reader('glossary.csv', SHEET, asked, false));
    expect([v.use, v.termbase.entries.map((e) => e.zhHans), v.diagnostics.map((d) => d.message), asked]).toEqual([
      true,
      ['区块链'],
      ['row 3: no Chinese or English term; skipped'],
      ['whole'],
    ]);
  });

  it('decides the same without blocking (the server), and a start that cannot be read leaves it to the whole file', async () => {
    const asked: string[] = [];
    const v = await decideTermbaseFileAsync(found('glossary.csv'), {
      start: async () => {
        asked.push('start');
        return undefined;
      },
      whole: async () => {
        asked.push('whole');
        return loadTermbase(ENGLISH_ONLY, { name: 'glossary.csv' });
      },
    });
    expect([v.use, !v.use && v.why, asked]).toEqual([false, 'no Chinese term (test)', ['start', 'whole']]);
  });
});

describe('noChineseTerm', () => {
  it('words the message for the editor (on the file) and for check (after "skipped NAME:")', () => {
    expect(noChineseTerm('fintechGlossary.glossaries', true)).toBe(
      'no Chinese term in this file: not used as a glossary (name it in fintechGlossary.glossaries to use it anyway)',
    );
    expect(noChineseTerm('termbases', false)).toBe('no Chinese term in this file (name it in termbases to use it anyway)');
  });
});
