/**
 * A term's `geo` (where the glossary says it is current) in term QA and conversion: a regional form
 * the glossary says is current in the document's region too is no other region's word there, and
 * conversion to that region leaves it as written. A small glossary made here; expectations by hand.
 */
import { describe, expect, it } from 'vitest';
import { convertText } from '../../server/src/engine/convertText';
import type { ChineseScript, GlossaryEntry } from '../../server/src/engine/entry';
import { Glossary } from '../../server/src/engine/glossary';
import { DocumentChecker } from '../../server/src/engine/termQA';
import { buildTerms, type TermNotes } from '../../server/src/engine/terms';
import { entry } from './helpers';

/** An entry with a reviewed Taiwan form and per-term notes. */
function withTaiwanForm(id: string, zh: string, hant: string, tw: string, notes: Record<string, TermNotes>): GlossaryEntry {
  const e: GlossaryEntry = { ...entry(id, zh, [id]), zhHant: hant, zhTw: tw };
  delete e.zhHk;
  e.terms = buildTerms(e, notes, { tw, reason: 'Taiwan usage' });
  return e;
}

const glossary = new Glossary([
  // current in Hong Kong as well as in Taiwan
  withTaiwanForm('investor', '投资者', '投資者', '投資人', { 投資人: { geo: ['tw', 'hk'] } }),
  // an ordinary word in every region
  withTaiwanForm('measurement', '计量', '計量', '衡量', { 衡量: { geo: ['cn', 'tw', 'hk'] } }),
  // Taiwan's only
  withTaiwanForm('software', '软件', '軟件', '軟體', { 軟體: { geo: ['tw'] } }),
  // no geo: its scripts say where it is used
  withTaiwanForm('quality', '质量', '質量', '品質', {}),
]);

function findings(text: string, script: ChineseScript): string[] {
  const checker = new DocumentChecker({ source: glossary, script });
  return checker.check(glossary.index.scan(text), text).map((f) => `${f.rule} ${f.term} → ${f.suggestions.join(' ')}`);
}

describe('regional-variant: a term current in the document’s region is not flagged', () => {
  it('in a Hong Kong document: the Taiwan forms current there are not, the others are', () => {
    expect(findings('投資人衡量軟體品質', 'zh-HK')).toEqual(['regional-variant 軟體 → 軟件', 'regional-variant 品質 → 質量']);
  });
  it('in a simplified document: a form current on the mainland is not, a Taiwan-only one is', () => {
    expect(findings('衡量軟體', 'zh-Hans')).toEqual(['regional-variant 軟體 → 软件']);
  });
  it('in a Taiwan document the other regions’ forms are still flagged', () => {
    expect(findings('投資者計量軟件質量', 'zh-TW')).toEqual([
      'regional-variant 投資者 → 投資人',
      'regional-variant 計量 → 衡量',
      'regional-variant 軟件 → 軟體',
      'regional-variant 質量 → 品質',
    ]);
  });
});

describe('conversion leaves a term current in the target’s region as written', () => {
  const rows: [text: string, from: ChineseScript | undefined, to: ChineseScript, expected: string][] = [
    ['衡量风险', undefined, 'zh-HK', '衡量風險'],
    ['衡量风险', 'zh-Hans', 'zh-HK', '衡量風險'],
    ['衡量风险', undefined, 'zh-Hant', '衡量風險'],
    ['衡量風險', undefined, 'zh-Hans', '衡量风险'],
    ['投資人', 'zh-TW', 'zh-HK', '投資人'],
    ['投資人', 'zh-TW', 'zh-Hant', '投資人'],
    // not current where the target is read: the glossary's form there
    ['投資人', 'zh-TW', 'zh-Hans', '投资者'],
    ['軟體品質', 'zh-TW', 'zh-HK', '軟件質量'],
    // the region's own form is still written for the region
    ['计量软件', 'zh-Hans', 'zh-TW', '衡量軟體'],
    ['投资者', 'zh-Hans', 'zh-TW', '投資人'],
  ];
  for (const [text, from, to, expected] of rows)
    it(`${text} (${from ?? 'any'} → ${to}): ${expected}`, () => expect(convertText(text, to, glossary, { from })).toBe(expected));
});
