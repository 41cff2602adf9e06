// A document whose variant is auto and that is detected as traditional is checked in the region
// its words tell (Taiwan or Hong Kong): the real server's diagnostics then include regional-variant
// findings, the variant request says so and on what evidence, and an edit that changes the
// evidence changes the variant and the findings. Texts and expectations are written by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialize, shutdown, startServer, type LspSession } from './lspClient';

interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code: string;
  data: { suggestions: string[]; term: string };
  message: string;
}

let s: LspSession;
const published = new Map<string, Diag[][]>();
let n = 0;

async function next(uri: string, count: number): Promise<Diag[]> {
  for (let i = 0; i < 200; i++) {
    const list = published.get(uri) ?? [];
    if (list.length > count) return list[count]!;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no publishDiagnostics for ${uri}`);
}

const codes = (d: Diag[]) => d.map((x) => `${x.code} ${x.data.term} → ${x.data.suggestions.join(' ')}`);
const variantOf = (uri: string) => s.connection.sendRequest('fintechGlossary/documentVariant', { uri });

// a Taiwan writer's paragraphs (雲端運算, 人工智慧, 行動支付, 資訊安全, 人臉辨識, 軟體, 網路…)
const TAIWAN =
  '金管會近日公布新版金融科技發展路徑圖，鼓勵銀行運用雲端運算與人工智慧改善客戶服務。多家純網路銀行表示，將擴大行動支付與數位帳戶的服務範圍，同時強化資訊安全與個人資料保護。\n' +
  '隨著詐騙集團手法翻新，銀行加強人臉辨識與身分驗證機制。資安專家提醒，軟體更新與網路釣魚防範同樣重要。\n';
// a Hong Kong writer's (數碼貨幣, 虛擬銀行, 流動支付, 私隱, 打擊洗錢, 客戶盡職審查, 軟件, 網絡)
const HONG_KONG =
  '金管局研究數碼貨幣，多間虛擬銀行表示，流動支付的客戶數目持續上升，但亦須加強網絡安全及私隱保障。\n' +
  '證監會要求持牌平台加強打擊洗錢及客戶盡職審查的措施，部分公司需要添置軟件。\n';

beforeAll(async () => {
  s = startServer();
  s.settings.fintechGlossary = { inlayHints: { enable: true } };
  s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diag[] }) => {
    published.set(p.uri, [...(published.get(p.uri) ?? []), p.diagnostics]);
  });
  await initialize(s, { workspace: { configuration: true } });
});
afterAll(async () => {
  await shutdown(s);
});

describe('auto-detection tells Taiwan from Hong Kong', () => {
  it('a Taiwan text: another region’s words are regional-variant findings, and the variant says it was detected and from what', async () => {
    const uri = `file:///region/doc${++n}.md`;
    const text = `${TAIWAN}部分分行仍使用舊版軟件處理開戶，流動支付也尚未普及。\n`;
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    expect(codes(await next(uri, 0))).toEqual(['regional-variant 軟件 → 軟體', 'regional-variant 流動支付 → 行動支付']);
    expect(await variantOf(uri)).toEqual({
      variant: 'zh-TW',
      source: 'detected',
      evidence: {
        tw: 10,
        twOnly: 10,
        hk: 2,
        hkOnly: 1,
        twForms: ['人工智慧', '人臉辨識', '帳戶', '純網路銀行', '網路'],
        hkForms: ['流動支付', '軟件'],
      },
    });

    // Hong Kong's words typed after it: too many to tell the region, so plain traditional as before
    // (no regional findings), the evidence still given
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: HONG_KONG }],
    });
    expect(codes(await next(uri, 1))).toEqual([]);
    expect(await variantOf(uri)).toMatchObject({ variant: 'zh-Hant', source: 'detected', evidence: { tw: 10, hk: 8 } });

    // and deleted again: Taiwan's, and its findings, are back
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 5, character: 0 } }, text: '' }],
    });
    expect(codes(await next(uri, 2))).toEqual(['regional-variant 軟件 → 軟體', 'regional-variant 流動支付 → 行動支付']);
    expect(await variantOf(uri)).toMatchObject({ variant: 'zh-TW', source: 'detected' });
  });

  it('a Hong Kong text: Taiwan’s words are found', async () => {
    const uri = `file:///region/doc${++n}.txt`;
    const text = `${HONG_KONG}本行的行動支付服務亦已推出。\n`;
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    expect(codes(await next(uri, 0))).toEqual(['regional-variant 行動支付 → 流動支付']);
    expect(await variantOf(uri)).toMatchObject({ variant: 'zh-HK', source: 'detected', evidence: { tw: 1, hk: 8 } });
  });

  it('a short traditional text declines: plain traditional, no regional findings', async () => {
    const uri = `file:///region/doc${++n}.md`;
    const text = '多家商業銀行正在試點區塊鏈，用於跨境支付和供應鏈金融的對賬，軟體與網路也在升級。\n';
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    expect(codes(await next(uri, 0))).toEqual([]);
    expect(await variantOf(uri)).toMatchObject({ variant: 'zh-Hant', source: 'detected', evidence: { tw: 2, twOnly: 2 } });
  });

  it('inline glosses in a detected Taiwan text are Taiwan’s words', async () => {
    const uri = `file:///region/doc${++n}.md`;
    const text = `${TAIWAN}\nCloud computing 的成本持續下降。\n`;
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await next(uri, 0);
    const hints = (await s.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } },
    })) as { label: string }[];
    // plain traditional would write 雲計算
    expect(hints.map((h) => h.label)).toEqual(['雲端運算']);
  });

  it('a variant set by a directive is not detected: no evidence', async () => {
    const uri = `file:///region/doc${++n}.md`;
    const text = `<!-- fintech-glossary-variant: zh-Hant -->\n${TAIWAN}部分分行仍使用舊版軟件。\n`;
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    expect(codes(await next(uri, 0))).toEqual([]);
    expect(await variantOf(uri)).toEqual({ variant: 'zh-Hant', source: 'directive' });
  });
});
