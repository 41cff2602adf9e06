/**
 * A user's termbase entry leads the bundled concept it shares a Chinese form with (issue 9,
 * precedence): the card shows them as one, the user's first, and term QA and conversion go by the
 * user's entry too. Before, a term of both matched two entries and QA judged neither: a team's
 * forbidden term was silent whenever the bundled glossary (on by default) also had it.
 * The example termbase (examples/client-termbase.tbx) forbids 监管沙盒 for 监理沙箱 and writes
 * 監理沙盒 for Taiwan; the bundled glossary has 监管沙盒 as its headword. Expected texts are written
 * here by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertText } from '../../server/src/engine/convertText';
import type { ChineseScript, GlossaryEntry } from '../../server/src/engine/entry';
import type { Glossary } from '../../server/src/engine/glossary';
import { loadTermbase } from '../../server/src/engine/termbaseLoad';
import { DocumentIndex } from '../../server/src/engine/documentIndex';
import { DocumentChecker } from '../../server/src/engine/termQA';
import { mergeLayers } from '../../server/src/engine/userLayer';
import { hover } from '../../server/src/features/hover';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';
import { TextDocument } from 'vscode-languageserver-textdocument';

const bundled = glossaryFromFile(join(__dirname, '../../dist/glossary.json'));
bundled.index.build();
const tbx = loadTermbase(readFileSync(join(__dirname, '../../examples/client-termbase.tbx'), 'utf8'), { name: 'client-termbase.tbx' });

function withUser(entries: readonly GlossaryEntry[]): Glossary {
  const layer = { uri: 'file:///ws/terms.tbx', label: 'terms.tbx', entries, lines: entries.map((_, i) => i + 7) };
  return mergeLayers([layer], bundled.entries, bundled.words, bundled.index);
}
const merged = withUser(tbx.entries);

function findings(glossary: Glossary, text: string, script: ChineseScript): string[] {
  const checker = new DocumentChecker({ source: glossary, script });
  return checker.check(glossary.index.scan(text), text).map((f) => `${f.rule} ${f.term} → ${f.suggestions.join(' ')}`);
}

describe('term QA goes by the user’s entry of a term the bundled glossary has too', () => {
  it('the termbase loads the example entry', () => {
    expect(tbx.diagnostics).toEqual([]);
    expect(tbx.entries.map((e) => e.zhHans)).toEqual(['监理沙箱']);
  });

  it('a forbidden term of the termbase is reported in a simplified text', () => {
    expect(findings(merged, '公司在监管沙盒中测试。', 'zh-Hans')).toEqual(['forbidden-term 监管沙盒 → 监理沙箱']);
    // the bundled glossary alone has nothing against it
    expect(findings(bundled, '公司在监管沙盒中测试。', 'zh-Hans')).toEqual([]);
  });

  it('and in a Taiwan text, with the termbase’s Taiwan form as the fix', () => {
    expect(findings(merged, '公司在監管沙盒中測試。', 'zh-TW')).toEqual(['forbidden-term 監管沙盒 → 監理沙盒']);
  });

  it('an English homonym (no Chinese form shared) is judged by neither concept', () => {
    // a user concept that is something else, whose English term is the bundled concept's, forbidden
    const sheet = loadTermbase('en,zh-CN,status\nregulatory sandbox,沙盒测试环境,deprecated\n', { name: 'terms.csv' });
    expect(sheet.entries.length).toBe(1);
    const homonyms = withUser(sheet.entries);
    const m = homonyms.index.scan('the regulatory sandbox').find((x) => x.entries.length > 1);
    expect(m?.entries.length).toBe(2);
    expect(findings(homonyms, 'the regulatory sandbox', 'zh-Hans')).toEqual([]);
    // while its own Chinese term is its own concept's, and deprecated
    expect(findings(homonyms, '沙盒测试环境', 'zh-Hans')).toEqual(['deprecated-term 沙盒测试环境 → ']);
  });
});

describe('conversion goes by the user’s entry too', () => {
  it('the Taiwan term both share becomes the termbase’s simplified form, not the bundled one', () => {
    expect(convertText('公司在監理沙盒中測試。', 'zh-Hans', bundled, { from: 'zh-TW' })).toBe('公司在监管沙盒中测试。');
    expect(convertText('公司在監理沙盒中測試。', 'zh-Hans', merged, { from: 'zh-TW' })).toBe('公司在监理沙箱中测试。');
  });

  it('a forbidden term stays the term the writer wrote, in the target’s characters (term QA offers the fix)', () => {
    expect(convertText('公司在监管沙盒中测试。', 'zh-TW', merged)).toBe('公司在監管沙盒中測試。');
  });
});

/**
 * A user's entry and the bundled concept it leads are one concept for every form of either. The
 * client writes 损益表 (the bundled income-statement's alias) and 纯网络银行 with Taiwan's 純網路銀行
 * (the bundled internet-bank's Taiwan headword); the forms only the bundled entries have (利润表,
 * 利润及利润分配表, 互联网银行, 纯网银) are that concept too, with their bundled status.
 */
describe('every form of a bundled concept a user’s entry leads is that concept', () => {
  const client = loadTermbase(
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>',
      '<conceptEntry id="client-income">',
      '<langSec xml:lang="en"><termSec><term>profit and loss statement</term></termSec></langSec>',
      '<langSec xml:lang="zh-CN"><termSec><term>损益表</term></termSec></langSec>',
      '</conceptEntry>',
      '<conceptEntry id="client-online-bank">',
      '<langSec xml:lang="en"><termSec><term>online-only bank</term></termSec></langSec>',
      '<langSec xml:lang="zh-CN"><termSec><term>纯网络银行</term></termSec></langSec>',
      '<langSec xml:lang="zh-TW"><termSec><term>純網路銀行</term></termSec></langSec>',
      '</conceptEntry>',
      '</body></text></tbx>',
    ].join('\n'),
    { name: 'client.tbx' },
  );
  const glossary = withUser(client.entries);

  it('the termbase loads both entries', () => {
    expect(client.diagnostics).toEqual([]);
    expect(client.entries.map((e) => e.id)).toEqual(['client-income', 'client-online-bank']);
  });

  it('hover: the card of a bundled-only form shows the user’s entry first, then the bundled one', () => {
    for (const [text, headlines] of [
      ['利润及利润分配表', ['**损益表** · 損益表 · profit and loss statement', '**利润表** · 利潤表 · statement of profit or loss']],
      ['纯网银', ['**纯网络银行** · 純網絡銀行 · online\\-only bank', '**互联网银行** · 互聯網銀行 · internet bank']],
    ] as const) {
      const doc = TextDocument.create('file:///a.md', 'markdown', 1, text);
      const card = hover(glossary, doc, { line: 0, character: 1 }, new DocumentIndex(glossary.index, text));
      const value = (card?.contents as { value: string } | undefined)?.value ?? '';
      // each card's headline, in order
      expect(value.split('\n').filter((l) => /^\*\*[^*]+\*\* · /.test(l))).toEqual(headlines);
    }
  });

  it('term QA: a superseded bundled term keeps its status; the fix is the user’s preferred term', () => {
    expect(findings(glossary, '本期利润及利润分配表显示亏损。', 'zh-Hans')).toEqual(['deprecated-term 利润及利润分配表 → 损益表']);
    // the bundled glossary alone offers its own headword
    expect(findings(bundled, '本期利润及利润分配表显示亏损。', 'zh-Hans')).toEqual(['deprecated-term 利润及利润分配表 → 利润表']);
  });

  it('term QA: a bundled term the user does not list, beside the user’s, is one concept written two ways', () => {
    expect(findings(glossary, '损益表和利润表不一致。', 'zh-Hans')).toEqual(['inconsistent-term 利润表 → 损益表']);
    expect(findings(glossary, '纯网络银行与互联网银行', 'zh-Hans')).toEqual(['inconsistent-term 互联网银行 → 纯网络银行']);
    // alone, a bundled term keeps its bundled status (preferred, admitted): nothing to report
    expect(findings(glossary, '利润表和纯网银', 'zh-Hans')).toEqual([]);
  });

  it('term QA: a bundled headword keeps its region; the fix is the user’s form in the document’s region', () => {
    // 虛擬銀行 is the bundled concept's Hong Kong word; the client's Taiwan form is 純網路銀行
    expect(findings(glossary, '虛擬銀行', 'zh-TW')).toEqual(['regional-variant 虛擬銀行 → 純網路銀行']);
    // 利润表 is mainland usage: in a Taiwan text the client's 損益表
    // (and the term itself in Taiwan's characters, as the script rule offers it)
    expect(findings(glossary, '利润表', 'zh-TW')).toEqual(['regional-variant 利润表 → 損益表 利潤表']);
  });

  it('conversion: a bundled-only term is the concept’s other term, kept as written in the target’s characters', () => {
    // the bundled glossary alone makes its headword the concept's Taiwan headword
    expect(convertText('利润表', 'zh-TW', bundled)).toBe('損益表');
    expect(convertText('利润表和损益表', 'zh-TW', glossary)).toBe('利潤表和損益表');
    // a term the user lists converts by the user's forms
    expect(convertText('纯网络银行', 'zh-TW', glossary)).toBe('純網路銀行');
  });
});
