/**
 * Term QA's checker keeps judgements across checks (per way of writing a concept, and
 * `inconsistent-term` per concept's set of terms): after any sequence of edits, its findings must be
 * those of a fresh checker on the final text, and each occurrence's finding by rules 1–5 must be the
 * one `checkOccurrence` gives on its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disabledRanges, skippedRanges } from '../../server/src/engine/directives';
import { DocumentIndex } from '../../server/src/engine/documentIndex';
import type { ChineseScript } from '../../server/src/engine/entry';
import { RULES, type Rule } from '../../server/src/engine/rules';
import { checkOccurrence, DocumentChecker, type Finding, type QAContext, qaLimits } from '../../server/src/engine/termQA';
import { DocumentDiagnostics, toDiagnostics } from '../../server/src/features/diagnostics';
import { wordsFor } from '../../server/src/features/words';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';
import { TextDocument } from 'vscode-languageserver-textdocument';

const glossary = glossaryFromFile(join(__dirname, '../../dist/glossary.json'));
const source = readFileSync(join(__dirname, '../../glossary/sources/001-fintech-reports.txt'), 'utf8');
const english = wordsFor('en').qa;

const fragments = [
  '区块链',
  '區塊鏈',
  '塊',
  '块',
  '网络借贷',
  'P2P网贷',
  '網路借貸',
  'P2P平台',
  '中国农业银行',
  '农业银行',
  '农行',
  '云計算',
  '云计算',
  '数字货币',
  '數字貨幣',
  '數位貨幣',
  'DCEP',
  ' e-CNY ',
  '风控',
  '风险控制',
  '，银行与证券公司的应用。',
  '\n',
  '`',
  '```\n',
  'https://example.com/',
  '<!-- fintech-glossary-disable-next-line -->\n',
  '<!-- ``` -->\n',
  '<!--\n',
  '-->\n',
  '// fintech-glossary-disable\n',
  '// fintech-glossary-enable\n',
  '𠀀',
  '\r\n',
  '\n\n',
  'www.example.com/区块链 ',
  '``',
  '~~~\n',
  '---\n',
  '# fintech-glossary-disable mixed-script\n',
  '    ',
  '- ',
];

const plain = (fs: readonly Finding[]) => fs.map((f) => ({ ...f }));
const check = (c: DocumentChecker, index: DocumentIndex, text: string) =>
  c.check(index.occurrences, text, { skipped: skippedRanges(text, true), disabled: disabledRanges(text) });

const contextArb = fc.record({
  script: fc.constantFrom<(ChineseScript | undefined)[]>(undefined, 'zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'),
  off: fc.subarray([...RULES], { maxLength: 2 }),
});
const editArb = fc.record({
  at: fc.nat(),
  del: fc.nat({ max: 8 }),
  ins: fc.array(fc.constantFrom(...fragments), { maxLength: 3 }),
  // checked after this edit (else the next check sees two or more edits at once)
  checked: fc.boolean(),
});

// after any edit sequence, the incremental findings (and diagnostics) are a fresh checker's, and each
// occurrence's by rules 1–5 is checkOccurrence's alone
const incrementalEqualsFresh = () =>
  fc.property(
    // real text around the fragments, so that an edit rescans only part of the document and the
    // occurrences elsewhere are kept (and their findings moved)
    fc
      .array(fc.constantFrom(...fragments), { maxLength: 40 })
      .map((xs) => source.slice(20_000, 21_500) + xs.join('') + source.slice(100_000, 101_500) + xs.reverse().join('')),
    contextArb,
    fc.array(editArb, { minLength: 1, maxLength: 10 }),
    (initial, { script, off }, edits) => {
      const ctx: QAContext = { source: glossary, script, off: new Set<Rule>(off) };
      const index = new DocumentIndex(glossary.index, initial);
      // the server's path: the checker inside DocumentDiagnostics, diagnostics kept across edits
      const checked = new DocumentDiagnostics(ctx);
      const severity = () => 'information' as const;
      let text = initial;
      const update = () =>
        checked.update(
          TextDocument.create('file:///t.md', 'markdown', 1, text),
          index.occurrences,
          { skipped: skippedRanges(text, true), disabled: disabledRanges(text) },
          severity,
          english,
        );
      update();
      edits.forEach(({ at, del, ins, checked: now }, k) => {
        const start = at % (text.length + 1);
        const oldEnd = Math.min(text.length, start + del);
        const inserted = ins.join('');
        text = text.slice(0, start) + inserted + text.slice(oldEnd);
        index.update(text, start, oldEnd, start + inserted.length);
        if (!now && k < edits.length - 1) return;
        const diagnostics = update();
        const incremental = checked.findings;
        const fresh = check(new DocumentChecker(ctx), new DocumentIndex(glossary.index, text), text);
        expect(plain(incremental)).toEqual(plain(fresh));
        // and so are their diagnostics (the incremental ones partly kept from the last check)
        const doc = TextDocument.create('file:///t.md', 'markdown', 1, text);
        expect(diagnostics).toEqual(toDiagnostics(doc, plain(fresh), severity, english));
        // rules 1–5 as checkOccurrence judges each occurrence alone (no cache)
        const skipped = skippedRanges(text, true);
        const alone = index.occurrences
          .filter((m) => !skipped.some((r) => r.start < m.end && m.start < r.end))
          .map((m) => checkOccurrence(ctx, m, text))
          .filter((f) => f !== undefined);
        const byRules = incremental.filter((f) => f.rule !== 'inconsistent-term');
        for (const f of byRules) expect(alone).toContainEqual(f);
      });
    },
  );

describe('DocumentChecker: incremental equals a fresh check', () => {
  it('after random edit sequences, in any variant and with rules switched off', () => {
    fc.assert(incrementalEqualsFresh(), { numRuns: 60 });
  }, 120_000);

  it('when the judgements checkers share start afresh (a server that runs for weeks)', () => {
    // a few judgements at most: the shared store starts afresh many times in every check, while each
    // checker keeps its own
    const kept = qaLimits.sharedJudgements;
    qaLimits.sharedJudgements = 3;
    try {
      fc.assert(incrementalEqualsFresh(), { numRuns: 20 });
    } finally {
      qaLimits.sharedJudgements = kept;
    }
  }, 120_000);
});

describe('inconsistent-term follows the concept’s terms as they change', () => {
  it('appears when a second term of the concept is written and goes when it is deleted', () => {
    const ctx: QAContext = { source: glossary, script: 'zh-Hans' };
    const checker = new DocumentChecker(ctx);
    let text = '网络借贷平台要合规，监管部门对网络借贷加强了管理。';
    const index = new DocumentIndex(glossary.index, text);
    const terms = () => check(checker, index, text).map((f) => `${f.rule} ${f.term} ${f.start}`);
    expect(terms()).toEqual([]);
    // type P2P网贷 at the end: both 网络借贷 are now flagged, pointing to the headword
    const end = text.length;
    text = `${text}P2P网贷`;
    index.update(text, end, end, text.length);
    expect(terms()).toEqual(['inconsistent-term 网络借贷 0', 'inconsistent-term 网络借贷 15']);
    const f = check(checker, index, text)[0]!;
    expect(f.detail).toEqual({ rule: 'inconsistent-term', others: ['P2P网贷'], preferred: 'P2P网贷' });
    expect(f.suggestions).toEqual(['P2P网贷']);
    // delete it again: nothing left
    text = text.slice(0, end);
    index.update(text, end, end + 5, end);
    expect(terms()).toEqual([]);
  });
});

describe('inconsistent-term names the other terms in the document’s variant', () => {
  it('a Taiwan document: the alias and the headword as a Taiwan text writes them, never the glossary’s simplified', () => {
    // named as `convert --to zh-TW` writes them: 网络借贷 → 網路借貸, P2P平台 → P2P平臺
    const text = '監管機構對網路借貸加強管理，P2P平台也受影響。';
    const checker = new DocumentChecker({ source: glossary, script: 'zh-TW' });
    const found = check(checker, new DocumentIndex(glossary.index, text), text);
    expect(found.map((f) => [f.term, f.detail, f.suggestions])).toEqual([
      ['網路借貸', { rule: 'inconsistent-term', others: ['P2P平臺'], preferred: 'P2P網貸' }, ['P2P網貸']],
      ['P2P平台', { rule: 'inconsistent-term', others: ['網路借貸'], preferred: 'P2P網貸' }, ['P2P網貸']],
    ]);
  });

  it('a traditional document: two aliases, each naming the other in traditional characters', () => {
    const text = '網絡借貸要合規。P2P平臺曾經很流行。';
    const checker = new DocumentChecker({ source: glossary, script: 'zh-Hant' });
    const found = check(checker, new DocumentIndex(glossary.index, text), text);
    expect(found.map((f) => [f.term, f.detail, f.suggestions])).toEqual([
      ['網絡借貸', { rule: 'inconsistent-term', others: ['P2P平臺'], preferred: 'P2P網貸' }, ['P2P網貸']],
      ['P2P平臺', { rule: 'inconsistent-term', others: ['網絡借貸'], preferred: 'P2P網貸' }, ['P2P網貸']],
    ]);
  });
});

describe('DocumentDiagnostics: the diagnostics after an edit move with the text', () => {
  // mixed-script findings far apart on long lines, so that an edit near the start keeps the
  // findings after it (the rescan covers only its neighbourhood) and moves them
  const line = `${'区塊链，'}${'甲'.repeat(700)}。`.repeat(4);
  const initial = `${line}\n${line}\r\n${line}`;
  const severity = () => 'warning' as const;
  const edits: [string, number, number, string][] = [
    ['typed on the first line', 3, 3, 'ab'],
    ['deleted on the first line', 3, 5, ''],
    ['a line break typed', 3, 3, '\n'],
    ['two line breaks replacing one', line.length, line.length + 1, '\r\n\n'],
    ['a surrogate pair typed', 2, 2, '𠀀'],
    ['nothing moved (same length)', 1, 2, '块'],
  ];
  for (const [what, start, oldEnd, inserted] of edits) {
    it(what, () => {
      const ctx: QAContext = { source: glossary, script: 'zh-Hans' };
      const index = new DocumentIndex(glossary.index, initial);
      const kept = new DocumentDiagnostics(ctx);
      kept.update(TextDocument.create('file:///t.txt', 'plaintext', 1, initial), index.occurrences, {}, severity, english);
      const text = initial.slice(0, start) + inserted + initial.slice(oldEnd);
      index.update(text, start, oldEnd, start + inserted.length);
      const doc = TextDocument.create('file:///t.txt', 'plaintext', 2, text);
      const diagnostics = kept.update(doc, index.occurrences, {}, severity, english);
      // most findings were kept (after the edit), not made again
      expect(kept.checker.kept.after).toBeGreaterThanOrEqual(6);
      const fresh = new DocumentChecker(ctx).check(new DocumentIndex(glossary.index, text).occurrences, text);
      expect(diagnostics).toEqual(toDiagnostics(doc, fresh, severity, english));
      expect(diagnostics.map((d) => doc.getText(d.range))).toEqual(fresh.map((f) => f.term));
    });
  }
});

describe('inconsistent-term: the terms in order of first use, as they change', () => {
  it('deleting the first use of a term moves that term after the others', () => {
    const ctx: QAContext = { source: glossary, script: 'zh-Hans' };
    const filler = '甲'.repeat(800);
    let text = `网络借贷${filler}P2P平台${filler}P2P网贷${filler}网络借贷${filler}P2P平台`;
    const index = new DocumentIndex(glossary.index, text);
    const checker = new DocumentChecker(ctx);
    const others = () =>
      checker.check(index.occurrences, text).map((f) => `${f.term}: ${(f.detail as { others: readonly string[] }).others.join(' ')}`);
    expect(others()).toEqual([
      '网络借贷: P2P平台 P2P网贷',
      'P2P平台: 网络借贷 P2P网贷',
      '网络借贷: P2P平台 P2P网贷',
      'P2P平台: 网络借贷 P2P网贷',
    ]);
    // delete the first 网络借贷: 网络借贷 is now used first after P2P网贷
    text = text.slice(4);
    index.update(text, 0, 4, 0);
    expect(others()).toEqual(['P2P平台: P2P网贷 网络借贷', '网络借贷: P2P平台 P2P网贷', 'P2P平台: P2P网贷 网络借贷']);
    // and type it back
    text = `网络借贷${text}`;
    index.update(text, 0, 0, 4);
    expect(others()).toEqual([
      '网络借贷: P2P平台 P2P网贷',
      'P2P平台: 网络借贷 P2P网贷',
      '网络借贷: P2P平台 P2P网贷',
      'P2P平台: 网络借贷 P2P网贷',
    ]);
  });
});

describe('a term written as the glossary writes it in a script is in that script', () => {
  it('no headword form of the bundled glossary, alone in a document of its own variant, gets a script finding', () => {
    // 著, 後, 昇 are characters only traditional Chinese writes in most words, and 里, 干, 恒, 雇 only
    // simplified, by OpenCC's character tables; these forms write them as their script does
    const flagged: string[] = [];
    for (const e of glossary.entries) {
      const forms: [string | undefined, ChineseScript][] = [
        [e.zhHans, 'zh-Hans'],
        [e.zhHant, 'zh-Hant'],
        [e.zhTw ?? e.zhHant, 'zh-TW'],
        [e.zhHk ?? e.zhHant, 'zh-HK'],
      ];
      for (const [form, script] of forms) {
        if (!form) continue;
        const found = new DocumentChecker({ source: glossary, script }).check(glossary.index.scan(form), form);
        for (const f of found) if (f.rule === 'mixed-script' || f.rule === 'script-mismatch') flagged.push(`${script} ${f.rule} ${f.term}`);
      }
    }
    expect(flagged).toEqual([]);
  });

  it('such a form in the other script’s document is a script mismatch, fixed to the glossary’s form', () => {
    const inHans = new DocumentChecker({ source: glossary, script: 'zh-Hans' });
    const text = '解决最後一公里问题';
    const [f] = inHans.check(glossary.index.scan(text), text);
    expect([f?.rule, f?.term, f?.suggestions]).toEqual(['script-mismatch', '最後一公里', ['最后一公里']]);
    const inHant = new DocumentChecker({ source: glossary, script: 'zh-Hant' });
    const hant = '根據準則，信用风险显著增加時';
    const [g] = inHant.check(glossary.index.scan(hant), hant);
    expect([g?.rule, g?.term]).toEqual(['script-mismatch', '信用风险显著增加']);
  });
});

describe('a concept written in more ways than the checker lists', () => {
  // one concept, eleven ways of writing it (past the eight a list keeps, the rest found by their
  // text: the last three, two of them flagged), each written twice, so the second round finds every
  // way already judged
  const ways = ['Blockchain', 'BLOCKCHAIN', 'blockChain', '区块链', '区塊链', '區块链', '区块鏈', '區塊链', '区塊鏈', '區块鏈', '區塊鏈'];
  const text = `${ways.join('，')}。\n${ways.join('，')}。`;
  const mixed = ['区塊链', '區块链', '区块鏈', '區塊链', '区塊鏈', '區块鏈'];
  const expected = [...mixed.map((t) => `mixed-script ${t}`), 'script-mismatch 區塊鏈'];

  it('judges each way as written, in every round and in a second document', () => {
    const ctx: QAContext = { source: glossary, script: 'zh-Hans' };
    for (const checker of [new DocumentChecker(ctx), new DocumentChecker(ctx)]) {
      const found = check(checker, new DocumentIndex(glossary.index, text), text);
      expect(found.map((f) => `${f.rule} ${f.term}`)).toEqual([...expected, ...expected]);
      expect(found.every((f) => f.suggestions[0] === '区块链')).toBe(true);
      // at the offsets each way is written at
      for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.term);
    }
  });
});
