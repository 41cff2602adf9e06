// Term QA over the real server: every rule, the directives, skipped code and URLs, quick fixes
// (the edit applied to the text and compared), fix-all, push and pull, and the convert command.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialize, shutdown, startServer, type LspSession } from './lspClient';
import { waitFor } from './waitFor';

interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code: string;
  source: string;
  severity: number;
  message: string;
  data: { suggestions: string[]; term: string };
}
interface TextEdit {
  range: Diag['range'];
  newText: string;
}

let s: LspSession;
const published = new Map<string, Diag[][]>();
let n = 0;

/** Open a document and wait for its first publishDiagnostics. */
async function open(text: string, languageId = 'markdown'): Promise<{ uri: string; diags: Diag[] }> {
  const uri = `file:///qa/doc${++n}.${languageId === 'markdown' ? 'md' : 'txt'}`;
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return { uri, diags: await next(uri, 0) };
}

async function next(uri: string, count: number): Promise<Diag[]> {
  await waitFor(() => (published.get(uri) ?? []).length > count);
  const list = published.get(uri) ?? [];
  if (list.length > count) return list[count]!;
  throw new Error(`no publishDiagnostics for ${uri}`);
}

const codes = (d: Diag[]) => d.map((x) => `${x.code} ${x.data.term}`);
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 0, text), edits);

beforeAll(async () => {
  s = startServer();
  s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diag[] }) => {
    published.set(p.uri, [...(published.get(p.uri) ?? []), p.diagnostics]);
  });
  await initialize(s, { workspace: { configuration: true, applyEdit: true } });
});
afterAll(async () => {
  await shutdown(s);
});

describe('term QA rules (push diagnostics)', () => {
  it('forbidden-term, with the replacement as quick fix', async () => {
    const text = '# 报告\n\n我们使用云計算和区块链技术，以及人工智能和大数据。\n';
    const { uri, diags } = await open(text);
    expect(codes(diags)).toEqual(['forbidden-term 云計算']);
    const d = diags[0]!;
    expect(d.source).toBe('fintech-glossary');
    expect(d.severity).toBe(3); // Information by default
    expect(d.message).toContain('forbidden');
    const actions = (await s.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as { title: string; kind: string; isPreferred?: boolean; edit: { changes: Record<string, TextEdit[]> } }[];
    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred)!;
    expect(fix.title).toBe('Replace with “云计算”');
    expect(apply(text, fix.edit.changes[uri]!)).toBe('# 报告\n\n我们使用云计算和区块链技术，以及人工智能和大数据。\n');
  });

  it('deprecated-term (superseded DCEP → e-CNY)', async () => {
    const { diags } = await open('央行推出 DCEP 试点，数字人民币正在推广，这是中国的法定数字货币。\n');
    expect(codes(diags)).toEqual(['deprecated-term DCEP']);
    expect(diags[0]!.data.suggestions).toEqual(['e-CNY']);
  });

  it('mixed-script in a simplified document, fixed to simplified', async () => {
    // long enough for auto-detection: more than 10 characters only simplified writes, 90 % of them
    const text = '区塊鏈的应用在金融行业越来越广泛，银行和证券公司都在使用，这些机构还在继续扩大应用范围与规模，发展迅速。\n';
    const { diags } = await open(text);
    expect(codes(diags)).toEqual(['mixed-script 区塊鏈']);
    expect(diags[0]!.data.suggestions).toEqual(['区块链']);
  });

  it('script-mismatch: a traditional term in a simplified document', async () => {
    const { diags } = await open('<!-- fintech-glossary-variant: zh-Hans -->\n我们的银行正在使用區塊鏈，这对金融行业的发展很重要。\n');
    expect(codes(diags)).toEqual(['script-mismatch 區塊鏈']);
    expect(diags[0]!.data.suggestions).toEqual(['区块链']);
  });

  it('a non-headword term in a Taiwan text: the fix is what converting the document writes', async () => {
    // 网络借贷 is an alias: in a Taiwan text the glossary's Taiwan form of 网络 inside it (網路) is
    // used, as Convert Document does: the vocabulary differs, so it is regional-variant, first by priority
    const { diags } = await open('<!-- fintech-glossary-variant: zh-TW -->\n監管機構對网络借贷加強了管理。\n');
    expect(codes(diags)).toEqual(['regional-variant 网络借贷']);
    expect(diags[0]!.data.suggestions).toEqual(['網路借貸']);
    expect(diags[0]!.message).toBe('“网络借贷” is not the Taiwan term (peer-to-peer lending): write “網路借貸”.');
    // written in traditional characters with Hong Kong's 網絡 it is still not Taiwan's term
    const hk = await open('<!-- fintech-glossary-variant: zh-TW -->\n監管機構對網絡借貸加強了管理。\n');
    expect(codes(hk.diags)).toEqual(['regional-variant 網絡借貸']);
    expect(hk.diags[0]!.data.suggestions).toEqual(['網路借貸']);
    // ...and in a Hong Kong text it is the region's own: only its characters are wrong, if they are
    const inHk = await open('<!-- fintech-glossary-variant: zh-HK -->\n監管機構對网络借贷加強了管理。網絡借貸。\n');
    expect(codes(inHk.diags)).toEqual(['script-mismatch 网络借贷']);
    expect(inHk.diags[0]!.data.suggestions).toEqual(['網絡借貸']);
    // an alias whose conversion changes characters only (P2P网贷平台 → P2P網貸平臺) stays script-mismatch
    const chars = await open('<!-- fintech-glossary-variant: zh-TW -->\n這家P2P网贷平台已經停業。\n');
    expect(codes(chars.diags)).toEqual(['script-mismatch P2P网贷平台']);
    // the Taiwan form itself is the same alias: fine in a Taiwan text, Taiwan's word in a Hong Kong one
    const twForm = await open('<!-- fintech-glossary-variant: zh-TW -->\n監管機構對網路借貸加強了管理。\n');
    expect(codes(twForm.diags)).toEqual([]);
    const inHkText = await open('<!-- fintech-glossary-variant: zh-HK -->\n監管機構對網路借貸加強了管理。\n');
    expect(codes(inHkText.diags)).toEqual(['regional-variant 網路借貸']);
    expect(inHkText.diags[0]!.data.suggestions).toEqual(['網絡借貸']);
    // vocabulary the glossary does not know is never guessed: OpenCC's Taiwan phrases would make
    // 国际银行代码 國際銀行程式碼 (a program's code); the fix is its characters, and 國際銀行代碼 is fine
    const code = await open('<!-- fintech-glossary-variant: zh-TW -->\n填寫国际银行代码和國際銀行代碼。\n');
    expect(codes(code.diags)).toEqual(['script-mismatch 国际银行代码']);
    expect(code.diags[0]!.data.suggestions).toEqual(['國際銀行代碼']);
  });

  it('a character a region writes as its standard is no simplified character: 平台 in Taiwan and Hong Kong texts', async () => {
    // OpenCC's character table turns 台 into 臺, but its Hong Kong table writes 台 (and Taiwan's 群, 床, 秘)
    for (const variant of ['zh-TW', 'zh-HK', 'zh-Hant']) {
      const { diags } = await open(`<!-- fintech-glossary-variant: ${variant} -->\n這個支付平台的用戶群很大。\n`);
      expect(codes(diags).filter((c) => c.startsWith('script-mismatch'))).toEqual([]);
    }
    // a character only simplified Chinese writes is still one: 区块链 in the same Taiwan text
    const { diags } = await open('<!-- fintech-glossary-variant: zh-TW -->\n這個支付平台以区块链記錄交易。\n');
    expect(codes(diags)).toContain('script-mismatch 区块链');
  });

  it('regional-variant: mainland vocabulary in a Taiwan document, and Taiwan vocabulary in a mainland one', async () => {
    const tw = await open('<!-- fintech-glossary-variant: zh-TW -->\n央行正在研究數字貨幣。\n');
    expect(codes(tw.diags)).toEqual(['regional-variant 數字貨幣']);
    expect(tw.diags[0]!.data.suggestions).toEqual(['數位貨幣']);
    // 數字貨幣 is the traditional headword, no region's own word: just not Taiwan's
    expect(tw.diags[0]!.message).toBe('“數字貨幣” is not the Taiwan term (digital currency): write “數位貨幣”.');
    const cn = await open('---\nfintech-glossary-variant: zh-Hans\n---\n央行正在研究數位貨幣。\n');
    expect(codes(cn.diags)).toEqual(['regional-variant 數位貨幣']);
    expect(cn.diags[0]!.data.suggestions).toEqual(['数字货币']);
    // the glossary says 數位貨幣 is Taiwan's (geo: tw): the message names the region
    expect(cn.diags[0]!.message).toBe('“數位貨幣” is Taiwan usage (digital currency); in mainland write “数字货币”.');
    // a Taiwan form written in simplified characters is a mainland word: 并行 (parallel) is not Taiwan's 並行 (concurrency)
    const parallel = await open('---\nfintech-glossary-variant: zh-Hans\n---\n各个计算节点并行执行。\n');
    expect(codes(parallel.diags)).toEqual([]);
  });

  it('inconsistent-term: one concept written two ways', async () => {
    const { diags } = await open('网络借贷平台要合规。P2P网贷曾经很流行，监管部门对网络借贷加强了管理。\n');
    expect(codes(diags)).toEqual(['inconsistent-term 网络借贷', 'inconsistent-term 网络借贷']);
  });

  it('inconsistent-term in a Taiwan document names the other terms as Taiwan writes them; its fix too', async () => {
    const text = '<!-- fintech-glossary-variant: zh-TW -->\n監管機構對網路借貸加強管理，P2P平台也受影響。\n';
    const { diags } = await open(text);
    expect(diags.map((d) => [d.code, d.message, d.data.suggestions])).toEqual([
      [
        'inconsistent-term',
        '“網路借貸” and “P2P平臺” name the same concept (peer-to-peer lending) in this document: use “P2P網貸” throughout.',
        ['P2P網貸'],
      ],
      [
        'inconsistent-term',
        '“P2P平台” and “網路借貸” name the same concept (peer-to-peer lending) in this document: use “P2P網貸” throughout.',
        ['P2P網貸'],
      ],
    ]);
  });
});

describe('directives and skipped text', () => {
  it('disable-next-line, disable/enable, code spans, fenced blocks and URLs are not checked', async () => {
    const text = [
      '区块链技术和银行的应用，证券公司也在使用。',
      '<!-- fintech-glossary-disable-next-line -->',
      '区塊鏈 A',
      '区塊鏈 B',
      '// fintech-glossary-disable',
      '区塊鏈 C',
      '// fintech-glossary-enable',
      '`区塊鏈` https://example.com/区塊鏈',
      '```',
      '区塊鏈 D',
      '```',
      '',
    ].join('\n');
    const { diags } = await open(text);
    expect(diags.map((d) => d.range.start.line)).toEqual([3]);
  });

  it('a directive counts only at a line’s start or after a comment opener, and only as a whole word', async () => {
    const text = [
      '区块链技术和银行的应用，证券公司也在使用。',
      '说明请见 `fintech-glossary-disable` 指令。',
      '区塊鏈 A',
      '本工具支援 fintech-glossary-disable 指令。',
      '区塊鏈 B',
      '// fintech-glossary-disabled',
      '# fintech-glossary-disable-line',
      '区塊鏈 C',
      'x = 1; // fintech-glossary-disable-next-line',
      '区塊鏈 D',
      '',
    ].join('\n');
    const { diags } = await open(text, 'plaintext');
    expect(diags.map((d) => d.range.start.line)).toEqual([2, 4, 7]);
  });

  it('Markdown link and image destinations and HTML tags are not checked; their text is', async () => {
    const text =
      '<!-- fintech-glossary-variant: zh-TW -->\n![網絡借貸圖](img/網絡借貸.png)\n<a href="/數字貨幣">數字貨幣</a> [連結](https://example.com/a) [網絡借貸](網絡借貸.md)\n';
    const { diags } = await open(text);
    expect(diags.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.data.term}`)).toEqual([
      '1:2 網絡借貸',
      '2:16 數字貨幣',
      '2:54 網絡借貸',
    ]);
  });

  it('a variant directive on the first line after a byte-order mark', async () => {
    const { diags } = await open('\uFEFF<!-- fintech-glossary-variant: zh-TW -->\n央行正在研究數字貨幣。\n');
    expect(codes(diags)).toEqual(['regional-variant 數字貨幣']);
  });

  it('disable-next-line with a rule name only turns that rule off', async () => {
    const { diags } = await open(
      '区块链和银行，证券与保险。\n# fintech-glossary-disable-next-line script-mismatch\n區塊鏈与区塊鏈\n',
      'plaintext',
    );
    expect(codes(diags)).toEqual(['mixed-script 区塊鏈']);
  });

  it('in Markdown, a directive inside a fenced code block is an example; in plain text it counts', async () => {
    const text = [
      '区块链的应用在金融行业越来越广泛，银行和证券公司都在使用，这些机构还在继续扩大应用范围与规模。',
      '```bash',
      '# fintech-glossary-disable',
      '# fintech-glossary-variant: zh-TW',
      '```',
      '区塊鏈 A',
      '',
    ].join('\n');
    const md = await open(text);
    // checked, and as the simplified document it is (the zh-TW in the fence is not its variant)
    expect(md.diags.map((d) => `${d.range.start.line} ${d.code} ${d.data.suggestions.join()}`)).toEqual(['5 mixed-script 区块链']);
    // plain text has no fences: the document is Taiwan's (its first line's simplified terms are in
    // the other script) and nothing after the disable is checked
    const plain = await open(text, 'plaintext');
    expect(codes(plain.diags).slice(0, 1)).toEqual(['script-mismatch 区块链']);
    expect(plain.diags.every((d) => d.range.start.line === 0)).toBe(true);
  });
});

describe('edits, severities and fix-all', () => {
  it('edits that open or close a fence or a code span, or set the variant, change what is checked', async () => {
    const text = '区块链和银行，证券与保险公司的应用。\n区塊鏈 A\n\n区塊鏈 B\n';
    const { uri, diags } = await open(text);
    expect(diags.map((d) => d.range.start.line)).toEqual([1, 3]);
    let version = 1;
    let count = 0;
    const change = async (line: number, character: number, endCharacter: number, inserted: string) => {
      await s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character: endCharacter } }, text: inserted }],
      });
      return next(uri, ++count);
    };
    const lines = (d: Diag[]) => d.map((x) => `${x.range.start.line} ${x.code}`);
    // a fence opened above A: nothing after it is checked
    expect(await change(1, 0, 0, '```\n')).toEqual([]);
    // closed on the empty line after A: B (line 4) is checked again
    expect(lines(await change(3, 0, 0, '```'))).toEqual(['4 mixed-script']);
    // one backtick of the opener deleted: line 3 now opens a block to the end, and A is checked
    expect(lines(await change(1, 0, 1, ''))).toEqual(['2 mixed-script']);
    // A's term in a code span
    expect(await change(2, 0, 3, '`区塊鏈`')).toEqual([]);
    // a Taiwan document: the simplified terms of the first line are in the other script
    const taiwan = await change(0, 0, 0, '<!-- fintech-glossary-variant: zh-TW -->\n');
    expect(taiwan.length).toBeGreaterThan(0);
    expect(taiwan.every((d) => d.range.start.line === 1)).toBe(true);
    // the directive typed away (fintech → intech): the document is simplified again
    expect(await change(0, 5, 6, '')).toEqual([]);
  });

  it('a blank line typed above an indented line makes it an indented code block; deleted, it is text again', async () => {
    const text = '区块链和银行，证券与保险公司的应用。\n    区塊鏈 A\n- 列表项\n\n    区塊鏈 B\n';
    const { uri, diags } = await open(text);
    // a paragraph's continuation line and a list item's paragraph: both text
    expect(diags.map((d) => `${d.range.start.line} ${d.code}`)).toEqual(['1 mixed-script', '4 mixed-script']);
    let version = 1;
    let count = 0;
    const edit = async (start: { line: number; character: number }, end: { line: number; character: number }, inserted: string) => {
      await s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start, end }, text: inserted }],
      });
      return (await next(uri, ++count)).map((d) => `${d.range.start.line} ${d.code}`);
    };
    expect(await edit({ line: 1, character: 0 }, { line: 1, character: 0 }, '\n')).toEqual(['5 mixed-script']);
    expect(await edit({ line: 1, character: 0 }, { line: 2, character: 0 }, '')).toEqual(['1 mixed-script', '4 mixed-script']);
  });

  it('a space typed after a list marker (`-     code`) makes the item’s text a code block; deleted, it is text again', async () => {
    const text = '区块链和银行，证券与保险公司的应用。\n-    区塊鏈 A\n\n区塊鏈 B\n';
    const { uri, diags } = await open(text);
    // four columns after the marker: the item's paragraph, checked
    expect(diags.map((d) => `${d.range.start.line} ${d.code}`)).toEqual(['1 mixed-script', '3 mixed-script']);
    let version = 1;
    let count = 0;
    const edit = async (character: number, endCharacter: number, inserted: string) => {
      await s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: { line: 1, character }, end: { line: 1, character: endCharacter } }, text: inserted }],
      });
      return (await next(uri, ++count)).map((d) => `${d.range.start.line} ${d.code}`);
    };
    // five: an indented code block, which term QA skips
    expect(await edit(1, 1, ' ')).toEqual(['3 mixed-script']);
    expect(await edit(1, 2, '')).toEqual(['1 mixed-script', '3 mixed-script']);
  });

  it('backticks in a `<details>` block are HTML text, checked; a blank line typed before them makes them code', async () => {
    const text = '区块链和银行，证券与保险公司的应用。\n<details>\n<summary>说明</summary>\n`区塊鏈` 在这里\n</details>\n';
    const { uri, diags } = await open(text);
    // the HTML block runs to the blank line: its text is shown as written, backticks and all
    expect(diags.map((d) => `${d.range.start.line} ${d.code}`)).toEqual(['3 mixed-script']);
    let version = 1;
    let count = 0;
    const edit = async (line: number, endLine: number, inserted: string) => {
      await s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line: endLine, character: 0 } }, text: inserted }],
      });
      return (await next(uri, ++count)).map((d) => `${d.range.start.line} ${d.code}`);
    };
    // after a blank line it is Markdown again: a code span, which term QA skips
    expect(await edit(3, 3, '\n')).toEqual([]);
    expect(await edit(3, 4, '')).toEqual(['3 mixed-script']);
  });

  it('Markdown code that a quote, a list item or a comment decides: checked as a fresh reading after edits', async () => {
    const text = [
      '区块链和银行，证券与保险公司的应用。',
      '> 引用：',
      '>',
      '>     区塊鏈 A',
      '',
      '1.  步骤',
      '',
      '    ```',
      '    区塊鏈 B',
      '    ```',
      '',
      '<!-- ``` -->',
      '区塊鏈 C',
      '',
    ].join('\n');
    const { uri, diags } = await open(text);
    // the quote's code and the item's fence are code; the prose after the comment is checked
    expect(diags.map((d) => `${d.range.start.line} ${d.code}`)).toEqual(['12 mixed-script']);
    let version = 1;
    let count = 0;
    const edit = async (start: { line: number; character: number }, end: { line: number; character: number }, inserted: string) => {
      await s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start, end }, text: inserted }],
      });
      return (await next(uri, ++count)).map((d) => `${d.range.start.line} ${d.code}`);
    };
    // the quote's blank line deleted: A continues the quote's paragraph
    expect(await edit({ line: 2, character: 0 }, { line: 3, character: 0 }, '')).toEqual(['2 mixed-script', '11 mixed-script']);
    expect(await edit({ line: 2, character: 0 }, { line: 2, character: 0 }, '>\n')).toEqual(['12 mixed-script']);
    // the closing fence moved to column 0: the item ends before it, and it opens a fence to the end
    expect(await edit({ line: 9, character: 0 }, { line: 9, character: 4 }, '')).toEqual([]);
    expect(await edit({ line: 9, character: 0 }, { line: 9, character: 0 }, '    ')).toEqual(['12 mixed-script']);
  });

  it('re-publishes after an edit that changes the findings, with UTF-16 positions after an astral character', async () => {
    const text = '𠀀区块链的银行，证券与保险公司的应用。\n';
    const { uri, diags } = await open(text);
    expect(diags).toEqual([]);
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } }, text: '塊鏈' }],
    });
    const after = await next(uri, 1);
    expect(codes(after)).toEqual(['mixed-script 区塊鏈']);
    expect(after[0]!.range.start).toEqual({ line: 0, character: 2 });
  });

  it('source.fixAll.fintechGlossary fixes every finding in one edit', async () => {
    const text = '区塊鏈和云計算都在使用，银行与证券公司的金融科技应用越来越多。\n';
    const { uri, diags } = await open(text);
    expect(diags.length).toBe(2);
    const actions = (await s.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.fintechGlossary'] },
    })) as { kind: string; edit: { changes: Record<string, TextEdit[]> } }[];
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.fintechGlossary']);
    expect(apply(text, actions[0]!.edit.changes[uri]!)).toBe('区块链和云计算都在使用，银行与证券公司的金融科技应用越来越多。\n');
  });

  it('a rule set to off is not reported; error severity is Error', async () => {
    s.settings.fintechGlossary = { diagnostics: { severity: { 'mixed-script': 'off', 'forbidden-term': 'error' } } };
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await new Promise((r) => setTimeout(r, 300));
    const { diags } = await open('区塊鏈和云計算都在使用，银行与证券公司的金融科技应用越来越多。\n');
    expect(diags.map((d) => [d.code, d.severity])).toEqual([['forbidden-term', 1]]);
    s.settings.fintechGlossary = {};
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await new Promise((r) => setTimeout(r, 300));
  });
});

describe('the convert command', () => {
  it('converts the document to zh-TW as one edit, glossary terms in their reviewed form', async () => {
    const text = '我的银行账户里有数字货币。\n';
    const { uri } = await open(text, 'plaintext');
    let edit: { documentChanges: { edits: TextEdit[] }[] } | undefined;
    s.connection.onRequest('workspace/applyEdit', (p: { edit: typeof edit }) => {
      edit = p.edit;
      return { applied: true };
    });
    const ok = await s.connection.sendRequest('workspace/executeCommand', {
      command: 'fintechGlossary.server.convert',
      arguments: [{ uri, to: 'zh-TW' }],
    });
    expect(ok).toBe(true);
    expect(edit!.documentChanges).toHaveLength(1);
    expect(apply(text, edit!.documentChanges[0]!.edits)).toBe('我的銀行帳戶裡有數位貨幣。\n');
  });

  it('keeps Markdown code as written: a quote’s code, a list item’s fence; converts the prose after a comment', async () => {
    const text =
      '> 软件：\r\n>\r\n>     软件 = 1\r\n\r\n1.  步骤\r\n\r\n    ```\r\n    软件\r\n    ```\r\n<!-- ``` -->\r\n软件\r\n```\r\n软件\r\n```\r\n';
    const { uri } = await open(text);
    let edit: { documentChanges: { edits: TextEdit[] }[] } | undefined;
    s.connection.onRequest('workspace/applyEdit', (p: { edit: typeof edit }) => {
      edit = p.edit;
      return { applied: true };
    });
    const ok = await s.connection.sendRequest('workspace/executeCommand', {
      command: 'fintechGlossary.server.convert',
      arguments: [{ uri, to: 'zh-TW' }],
    });
    expect(ok).toBe(true);
    expect(apply(text, edit!.documentChanges[0]!.edits)).toBe(
      '> 軟體：\r\n>\r\n>     软件 = 1\r\n\r\n1.  步驟\r\n\r\n    ```\r\n    软件\r\n    ```\r\n<!-- ``` -->\r\n軟體\r\n```\r\n软件\r\n```\r\n',
    );
  });

  it('converting the document, or a selection with the directive line, makes the variant directive name the target', async () => {
    const text = '<!-- fintech-glossary-variant: zh-Hans -->\n我的银行账户里有数字货币。\n';
    const convert = async (uri: string, range?: Diag['range']) => {
      let edit: { documentChanges: { edits: TextEdit[] }[] } | undefined;
      s.connection.onRequest('workspace/applyEdit', (p: { edit: typeof edit }) => {
        edit = p.edit;
        return { applied: true };
      });
      const ok = await s.connection.sendRequest('workspace/executeCommand', {
        command: 'fintechGlossary.server.convert',
        arguments: [{ uri, to: 'zh-TW', ...(range ? { range } : {}) }],
      });
      expect(ok).toBe(true);
      return apply(text, edit!.documentChanges[0]!.edits);
    };
    const whole = await open(text);
    expect(await convert(whole.uri)).toBe('<!-- fintech-glossary-variant: zh-TW -->\n我的銀行帳戶裡有數位貨幣。\n');
    // a selection from the document's start through the directive line
    const first = await open(text);
    const through = { start: { line: 0, character: 0 }, end: { line: 1, character: 6 } };
    expect(await convert(first.uri, through)).toBe('<!-- fintech-glossary-variant: zh-TW -->\n我的銀行帳戶里有数字货币。\n');
    // a selection without the directive line: the directive stays
    const second = await open(text);
    const after = { start: { line: 1, character: 0 }, end: { line: 1, character: 13 } };
    expect(await convert(second.uri, after)).toBe('<!-- fintech-glossary-variant: zh-Hans -->\n我的銀行帳戶裡有數位貨幣。\n');
  });

  it('a selection keeps the code, URLs and link destinations in it as written, as the whole document does', async () => {
    const text = '见[软件](/软件/a.md)与`网络`，访问 https://example.com/数据 了解数据。\n';
    const { uri } = await open(text);
    let edit: { documentChanges: { edits: TextEdit[] }[] } | undefined;
    s.connection.onRequest('workspace/applyEdit', (p: { edit: typeof edit }) => {
      edit = p.edit;
      return { applied: true };
    });
    // from the middle of the link destination to the end of the line
    const range = { start: { line: 0, character: 6 }, end: { line: 0, character: text.length - 1 } };
    await s.connection.sendRequest('workspace/executeCommand', {
      command: 'fintechGlossary.server.convert',
      arguments: [{ uri, to: 'zh-TW', range }],
    });
    expect(apply(text, edit!.documentChanges[0]!.edits)).toBe('见[软件](/软件/a.md)與`网络`，訪問 https://example.com/数据 瞭解資料。\n');
  });

  it('a reversed selection (start after end) converts the same text as the forward one, in its place', async () => {
    const text = '区块链\n<!-- x -->\n正文区块链\n';
    const { uri } = await open(text);
    let edit: { documentChanges: { edits: TextEdit[] }[] } | undefined;
    s.connection.onRequest('workspace/applyEdit', (p: { edit: typeof edit }) => {
      edit = p.edit;
      return { applied: true };
    });
    const reversed = { start: { line: 2, character: 0 }, end: { line: 0, character: 0 } };
    const ok = await s.connection.sendRequest('workspace/executeCommand', {
      command: 'fintechGlossary.server.convert',
      arguments: [{ uri, to: 'zh-TW', range: reversed }],
    });
    expect(ok).toBe(true);
    expect(apply(text, edit!.documentChanges[0]!.edits)).toBe('區塊鏈\n<!-- x -->\n正文区块链\n');
    // the code actions for a reversed selection offer conversions of the forward range
    const actions = (await s.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: reversed,
      context: { diagnostics: [] },
    })) as { kind: string; command?: { arguments: [{ range: Diag['range'] }] } }[];
    const converts = actions.filter((a) => a.kind === 'refactor.rewrite' && a.command?.arguments[0]?.range);
    expect(converts.length).toBeGreaterThan(0);
    for (const a of converts)
      expect(a.command!.arguments[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 2, character: 0 } });
    // a malformed range is an error, not a conversion of the whole document
    edit = undefined;
    await expect(
      s.connection.sendRequest('workspace/executeCommand', {
        command: 'fintechGlossary.server.convert',
        arguments: [{ uri, to: 'zh-TW', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } }],
      }),
    ).rejects.toMatchObject({ code: -32602 });
    expect(edit).toBeUndefined();
  });

  it('a client that does not apply workspace edits is offered no conversion and asked to apply none', async () => {
    const c = startServer();
    let asked = 0;
    c.connection.onRequest('workspace/applyEdit', () => {
      asked++;
      return { applied: false };
    });
    await initialize(c, { workspace: { configuration: true } });
    const uri = 'file:///qa/no-edits.txt';
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: '数字货币\n' },
    });
    const actions = (await c.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
      context: { diagnostics: [] },
    })) as { kind: string }[] | null;
    expect((actions ?? []).filter((a) => a.kind === 'refactor.rewrite')).toEqual([]);
    await expect(
      c.connection.sendRequest('workspace/executeCommand', {
        command: 'fintechGlossary.server.convert',
        arguments: [{ uri, to: 'zh-TW' }],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('does not apply workspace edits') });
    expect(asked).toBe(0);
    await shutdown(c);
  });
});

describe('pull diagnostics', () => {
  it('a client that declares textDocument.diagnostic pulls, and gets no push', async () => {
    const p = startServer();
    const pushed: unknown[] = [];
    p.connection.onNotification('textDocument/publishDiagnostics', (x) => pushed.push(x));
    const init = await initialize(p, { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } });
    expect(init.capabilities.diagnosticProvider).toBeTruthy();
    const uri = 'file:///qa/pull.md';
    await p.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: '区塊鏈的应用在金融行业越来越广泛，银行和证券公司都在使用。\n' },
    });
    await new Promise((r) => setTimeout(r, 500)); // settings read after initialized: results before it are stale
    const report = (await p.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
      kind: string;
      resultId: string;
      items: Diag[];
    };
    expect(report.kind).toBe('full');
    expect(codes(report.items)).toEqual(['mixed-script 区塊鏈']);
    // the same version asked again: unchanged (a settings refresh in between makes one more full report)
    let previous = report.resultId;
    let again: { kind: string; resultId?: string } = { kind: '' };
    for (let i = 0; i < 3 && again.kind !== 'unchanged'; i++) {
      again = (await p.connection.sendRequest('textDocument/diagnostic', {
        textDocument: { uri },
        previousResultId: previous,
      })) as typeof again;
      previous = again.resultId ?? previous;
    }
    expect(again.kind).toBe('unchanged');
    await new Promise((r) => setTimeout(r, 200));
    expect(pushed).toEqual([]);
    await shutdown(p);
  });
});
