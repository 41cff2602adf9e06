// Term QA speaks the client's interface language (InitializeParams.locale): diagnostics' messages
// and code actions' titles in simplified and traditional Chinese, over the real server process.
// The expected sentences are written by hand; `check` on the command line stays English (cliCheck).
import { afterEach, describe, expect, it } from 'vitest';
import { shutdown, startServer, type LspSession } from './lspClient';

interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code: string;
  message: string;
}
interface Action {
  title: string;
  kind: string;
  isPreferred?: boolean;
}

let s: LspSession | undefined;
afterEach(async () => {
  if (s && s.process.exitCode === null) await shutdown(s);
  s = undefined;
});

/** Start the server with `locale`, open `text` and wait for its diagnostics. */
async function diagnose(locale: string | undefined, text: string, uri = 'file:///qa/locale.md'): Promise<Diag[]> {
  s = startServer();
  const got = new Promise<Diag[]>((resolve) =>
    s!.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diag[] }) => {
      if (p.uri === uri) resolve(p.diagnostics);
    }),
  );
  await s.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { applyEdit: true } },
    ...(locale === undefined ? {} : { locale }),
  });
  await s.connection.sendNotification('initialized', {});
  await s.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: uri.endsWith('.md') ? 'markdown' : 'plaintext', version: 1, text },
  });
  return got;
}

const actionsFor = async (uri: string, d: Diag, only?: string[]) =>
  (await s!.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d], ...(only ? { only } : {}) },
  })) as Action[];

const FORBIDDEN = '# 报告\n\n我们使用云計算和区块链技术，以及人工智能和大数据。\n';
const USAGE = 'Mixed-script form left by a machine conversion (source 000); write 云计算 or 雲計算.';

describe('term QA in the interface language of the client', () => {
  it('no locale: English message and quick fix', async () => {
    const [d] = await diagnose(undefined, FORBIDDEN);
    expect(d!.message).toBe(`“云計算” is a forbidden term (cloud computing): use “云计算”. ${USAGE}`);
    const actions = await actionsFor('file:///qa/locale.md', d!);
    expect(actions.find((a) => a.isPreferred)!.title).toBe('Replace with “云计算”');
  });

  it('zh-CN: simplified Chinese message, quick fix and fix-all titles', async () => {
    const [d] = await diagnose('zh-CN', FORBIDDEN);
    expect(d!.message).toBe(`“云計算”（cloud computing）是禁用术语，请改用“云计算”。 ${USAGE}`);
    const actions = await actionsFor('file:///qa/locale.md', d!);
    expect(actions.find((a) => a.isPreferred)!.title).toBe('替换为“云计算”');
    const fixAll = await actionsFor('file:///qa/locale.md', d!, ['source.fixAll.fintechGlossary']);
    expect(fixAll.map((a) => a.title)).toEqual(['修复所有金融科技术语问题']);
  });

  it('zh-CN: inconsistent-term, with the fix-all of the rule', async () => {
    const uri = 'file:///qa/locale.txt';
    const diags = await diagnose('zh-CN', '网络借贷平台要合规。P2P网贷曾经很流行，监管部门对网络借贷加强了管理。\n', uri);
    expect(diags.map((d) => d.message)).toEqual([
      '“网络借贷”（peer-to-peer lending）与“P2P网贷”在本文档中指同一概念，请统一使用“P2P网贷”。',
      '“网络借贷”（peer-to-peer lending）与“P2P网贷”在本文档中指同一概念，请统一使用“P2P网贷”。',
    ]);
    const titles = (await actionsFor(uri, diags[0]!, ['quickfix'])).map((a) => a.title);
    expect(titles).toEqual(['替换为“P2P网贷”', '修复文档中所有 inconsistent-term 问题（共 2 处）']);
  });

  it('zh-TW: traditional Chinese message and quick fix title, with 「」 quotation marks', async () => {
    const [d] = await diagnose('zh-TW', FORBIDDEN);
    expect(d!.message).toBe(`「云計算」（cloud computing）是禁用術語，請改用「云计算」。 ${USAGE}`);
    const actions = await actionsFor('file:///qa/locale.md', d!);
    expect(actions.find((a) => a.isPreferred)!.title).toBe('取代為「云计算」');
  });

  it('zh-TW: regional-variant and script-mismatch messages', async () => {
    const tw = await diagnose('zh-TW', '<!-- fintech-glossary-variant: zh-TW -->\n央行正在研究數字貨幣。\n');
    expect(tw.map((d) => d.message)).toEqual(['「數字貨幣」（digital currency）不是臺灣用語，應寫作「數位貨幣」。']);
    await shutdown(s!);
    const cn = await diagnose(
      'zh-TW',
      '<!-- fintech-glossary-variant: zh-Hans -->\n我们的银行正在使用區塊鏈，这对金融行业的发展很重要。\n',
    );
    expect(cn.map((d) => d.message)).toEqual(['「區塊鏈」（blockchain）是繁體字，本文件為簡體，應寫作「区块链」。']);
  });

  it('zh-Hant-HK: the conversions of a selection in traditional Chinese', async () => {
    const uri = 'file:///qa/locale.txt';
    await diagnose('zh-Hant-HK', '区块链\n', uri);
    const actions = (await s!.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
      context: { diagnostics: [], only: ['refactor.rewrite'] },
    })) as Action[];
    expect(actions.map((a) => a.title)).toEqual([
      '將選取內容轉換為簡體 (zh-Hans)',
      '將選取內容轉換為繁體 (zh-Hant)',
      '將選取內容轉換為臺灣正體 (zh-TW)',
      '將選取內容轉換為香港繁體 (zh-HK)',
    ]);
  });
});
