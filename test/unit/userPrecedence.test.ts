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
import { DocumentChecker } from '../../server/src/engine/termQA';
import { mergeLayers } from '../../server/src/engine/userLayer';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';

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
 * What a review found when every form of a bundled concept a termbase entry leads was made that
 * entry's alias (reverted): these hold with the bundled concept judging its own forms.
 */
describe('a bundled concept a termbase entry leads keeps its own forms and regions', () => {
  const client = withUser(
    loadTermbase(
      `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="client-income">
<langSec xml:lang="en"><termSec><term>profit and loss statement</term></termSec></langSec>
<langSec xml:lang="zh-CN"><termSec><term>损益表</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="client-online-bank">
<langSec xml:lang="en"><termSec><term>online-only bank</term></termSec></langSec>
<langSec xml:lang="zh-CN"><termSec><term>纯网络银行</term></termSec></langSec>
<langSec xml:lang="zh-TW"><termSec><term>純網路銀行</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>`,
      { name: 'client.tbx' },
    ).entries,
  );

  it('conversion writes the glossary’s forms, and the result is clean under term QA', () => {
    // not OpenCC's reading of the bundled headword (網際網路銀行), which the glossary rejects
    expect(convertText('互联网银行', 'zh-TW', client)).toBe('純網路銀行');
    const out = convertText('利润表', 'zh-TW', client);
    expect(findings(client, out, 'zh-TW')).toEqual([]);
  });

  it('the quick fix is the glossary’s form only', () => {
    expect(findings(client, '互联网银行', 'zh-TW')).toEqual(['regional-variant 互联网银行 → 純網路銀行']);
  });

  it('a name written alike in every region is no region’s usage because a termbase lists its short form', () => {
    const abc = withUser(loadTermbase('en,zh-CN\nAgricultural Bank of China,农业银行\n', { name: 'abc.csv' }).entries);
    expect(findings(abc, '中國農業銀行公布年報。', 'zh-TW')).toEqual([]);
  });

  it('an unrelated termbase changes no finding on bundled concepts', () => {
    const unrelated = withUser(loadTermbase('en,zh-CN\nunrelated thing,某某某某术语\n', { name: 'unrel.csv' }).entries);
    const text = 'NoSQL数据库，也叫非关系型数据库。';
    expect(findings(unrelated, text, 'zh-Hans')).toEqual(findings(bundled, text, 'zh-Hans'));
  });
});
