import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialize, shutdown, startServer, type LspSession } from './lspClient';

interface Hover {
  contents: { kind: string; value: string };
  range: { start: Pos; end: Pos };
}
interface Pos {
  line: number;
  character: number;
}
interface CompletionList {
  isIncomplete: boolean;
  items: {
    label: string;
    documentation?: { value: string };
    textEdit?: { newText: string; range: { start: Pos; end: Pos } };
    sortText?: string;
    tags?: number[];
    deprecated?: boolean;
  }[];
}

const URI = 'file:///tmp/fintech-sample.txt';
// CRLF line ends; line 2 has a CJK Extension B character (a surrogate pair) before the term.
const LINES = [
  '区块链正在改变金融。',
  '𠀀𠀁 區塊鏈與云計算',
  'Blockchains, BLOCKCHAIN and a smart-contract or smart contract; API, KYC and SBOM.',
  '這套行動支付支援供应链金融。',
  '今天天气很好。',
  '混写的区塊鏈也是区块链。',
];
const TEXT = LINES.join('\r\n');

/** UTF-16 position of the first occurrence of `needle` on `line`, plus `delta` code units. */
function at(line: number, needle: string, delta = 0): Pos {
  const character = LINES[line]!.indexOf(needle);
  if (character < 0) throw new Error(`${needle} not on line ${line}`);
  return { line, character: character + delta };
}

let s: LspSession;
let version = 1;

async function hoverAt(position: Pos): Promise<Hover | null> {
  return s.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position });
}

beforeAll(async () => {
  s = startServer();
  const init = await initialize(s);
  expect(init.capabilities).toMatchObject({ hoverProvider: true, completionProvider: {} });
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'plaintext', version, text: TEXT } });
});

afterAll(async () => {
  if (s.process.exitCode === null) s.process.kill();
});

describe('hover over the real server', () => {
  it.each([
    ['simplified', 0, '区块链', '區塊鏈', 'blockchain'],
    ['traditional after a surrogate pair', 1, '區塊鏈', '區塊鏈', 'blockchain'],
    ['mixed script, listed as an alias', 1, '云計算', '雲計算', 'cloud computing'],
    // not a key of its own (not an alias): found only by folding each character to simplified
    ['mixed script, not listed anywhere', 5, '区塊鏈', '區塊鏈', 'blockchain'],
    ['Taiwan vocabulary, reviewed', 3, '行動支付', '移動支付', 'mobile payment'],
    ['English plural, capitalised', 2, 'Blockchains', '區塊鏈', 'blockchain'],
    ['English upper case', 2, 'BLOCKCHAIN', '區塊鏈', 'blockchain'],
    ['hyphenated', 2, 'smart-contract', '智能合約', 'smart contract'],
    ['spaced', 2, 'smart contract;', '智能合約', 'smart contract'],
    ['acronym API', 2, 'API', 'API', 'API'],
    ['acronym KYC', 2, 'KYC', 'KYC', 'KYC'],
    ['acronym SBOM', 2, 'SBOM', 'SBOM', 'SBOM'],
  ])('%s: %s', async (_what, line, term, zhHant, en) => {
    const needle = term.replace(/;$/, '');
    const h = await hoverAt(at(line, needle, 1));
    expect(h, `hover on ${needle}`).not.toBeNull();
    expect(h!.contents.kind).toBe('markdown');
    expect(h!.contents.value).toContain(zhHant);
    expect(h!.contents.value.toLowerCase()).toContain(en.toLowerCase());
    // the range covers exactly the term, in UTF-16 units
    const start = at(line, needle);
    expect(h!.range).toEqual({ start, end: { line, character: start.character + needle.length } });
  });

  it('longest match wins: 供应链金融 over 供应链 and 金融, listing the inner terms', async () => {
    const h = await hoverAt(at(3, '金融', 1));
    expect(h!.contents.value).toContain('供應鏈金融');
    expect(h!.contents.value).toMatch(/Contains:.*供应链.*金融/);
    expect(h!.range).toEqual({ start: at(3, '供应链金融'), end: at(3, '供应链金融', 5) });
  });

  it('shows both definitions and where each comes from', async () => {
    const card = (await hoverAt(at(2, 'smart contract', 1)))!.contents.value;
    // the bundled entry's texts, as written in glossary/entries/blockchain.yaml (a quotation that
    // defines its term); markdown-escaped: \\, for a comma. The compact card (the default) gives the
    // citation on the same line; the full card sets the quotation off as a block quote.
    expect(card).toContain('智能合約是運行在區塊鏈上的自動執行的計算機程序\\,當預設條件滿足時\\,合約會按照既定規則自動執行。');
    expect(card).toContain('網絡金融服務簡介 \\(000\\, line 101\\)');
    expect(card).toContain('A program stored and executed on a blockchain that carries out the terms of an agreement automatically');
    expect(card).toContain('*Definitions:* 中文 quoted from the source document; English by Fintech Glossary editors');
  });

  it('returns null, not an empty card, on text that is not a term', async () => {
    expect(await hoverAt(at(4, '天气', 1))).toBeNull();
    expect(await hoverAt({ line: 40, character: 0 })).toBeNull();
  });

  it('follows edits: didChange moves the term, hover finds it at its new place', async () => {
    version++;
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version },
      contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '🙂智能合约 ' }],
    });
    // 🙂 is a surrogate pair: the term starts at UTF-16 column 2
    const h = await hoverAt({ line: 4, character: 3 });
    expect(h!.contents.value).toContain('智能合約');
    expect(h!.range).toEqual({ start: { line: 4, character: 2 }, end: { line: 4, character: 6 } });
    expect(await hoverAt({ line: 4, character: 8 })).toBeNull();
  });
});

describe('completion over the real server', () => {
  /** Replace the document with two lines, the second being `text`, and complete at its end. */
  async function completeAfter(text: string): Promise<CompletionList> {
    version++;
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version },
      contentChanges: [{ text: `第一行\r\n${text}` }],
    });
    return s.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 1, character: text.length },
    });
  }

  it('completes a Chinese prefix with the term and its English equivalent', async () => {
    const list = await completeAfter('我们使用区块');
    const labels = list.items.map((i) => i.label);
    expect(labels).toContain('区块链');
    expect(labels).toContain('blockchain');
    const item = list.items.find((i) => i.label === '区块链')!;
    expect(item.textEdit!.range.start.character).toBe('我们使用'.length);
  });

  it('completes an English prefix with the term and its Chinese translation', async () => {
    const list = await completeAfter('a blockch');
    const labels = list.items.map((i) => i.label);
    expect(labels).toContain('blockchain');
    expect(labels).toContain('区块链');
  });

  it('completes a traditional prefix in traditional script', async () => {
    const list = await completeAfter('區塊');
    expect(list.items.map((i) => i.label)).toContain('區塊鏈');
  });
});

describe('lifecycle', () => {
  it('shuts down and exits cleanly', async () => {
    expect(await shutdown(s)).toBe(0);
    expect(s.stderr()).toBe('');
  });
});

describe('completion answers shaped by client capabilities', () => {
  it('is lean for clients that resolve documentation and take list defaults, complete for the others', async () => {
    const text = '区块';
    const lazy = startServer();
    await initialize(lazy, {
      textDocument: {
        completion: {
          completionItem: { resolveSupport: { properties: ['documentation'] }, labelDetailsSupport: true },
          completionList: { itemDefaults: ['editRange'] },
        },
      },
    });
    const eager = startServer();
    await initialize(eager, {});
    const lists: CompletionList[] = [];
    for (const session of [lazy, eager]) {
      await session.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: URI, languageId: 'plaintext', version: 1, text },
      });
      lists.push(
        await session.connection.sendRequest('textDocument/completion', {
          textDocument: { uri: URI },
          position: { line: 0, character: 2 },
        }),
      );
    }
    const [lazyList, eagerList] = lists as [CompletionList, CompletionList];
    expect(lazyList.items.every((i) => i.documentation === undefined && i.textEdit === undefined)).toBe(true);
    // one edit range for the list, replacing the typed prefix
    expect((lazyList as unknown as { itemDefaults: { editRange: unknown } }).itemDefaults.editRange).toEqual({
      start: { line: 0, character: 0 },
      end: { line: 0, character: 2 },
    });
    expect(eagerList.items.find((i) => i.label === '区块链')!.textEdit!.range.start).toEqual({ line: 0, character: 0 });
    expect(eagerList.items.find((i) => i.label === 'blockchain')!.documentation!.value).toContain('区块链 → **blockchain**');
    const resolved = (await lazy.connection.sendRequest(
      'completionItem/resolve',
      lazyList.items.find((i) => i.label === 'blockchain'),
    )) as { documentation: { value: string } };
    expect(resolved.documentation.value).toBe(eagerList.items.find((i) => i.label === 'blockchain')!.documentation!.value);
    await shutdown(lazy);
    await shutdown(eager);
  });
});

describe('completion of a term the glossary marks superseded, deprecated or forbidden', () => {
  it('comes after the preferred terms, struck through where the client can show it', async () => {
    const answers: Record<string, CompletionList> = {};
    const kinds = {
      tags: { completionItem: { tagSupport: { valueSet: [1] } } },
      flag: { completionItem: { deprecatedSupport: true } },
      neither: {},
    };
    for (const [name, completion] of Object.entries(kinds)) {
      const session = startServer();
      await initialize(session, { textDocument: { completion } });
      await session.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: 'DCE' },
      });
      answers[name] = await session.connection.sendRequest('textDocument/completion', {
        textDocument: { uri: URI },
        position: { line: 0, character: 3 },
      });
      await shutdown(session);
    }
    for (const list of Object.values(answers)) {
      // DCEP is superseded by e-CNY: its translation (the preferred Chinese term) sorts first
      const bySort = [...list.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);
      expect(bySort).toEqual(['数字人民币', 'DCEP']);
    }
    const dcep = (name: string) => answers[name]!.items.find((i) => i.label === 'DCEP')!;
    expect([dcep('tags').tags, dcep('tags').deprecated]).toEqual([[1], undefined]);
    expect([dcep('flag').tags, dcep('flag').deprecated]).toEqual([undefined, true]);
    expect([dcep('neither').tags, dcep('neither').deprecated]).toEqual([undefined, undefined]);
    expect(answers.tags!.items.find((i) => i.label === '数字人民币')!.tags).toBeUndefined();
  });
});
