/**
 * Terminology decisions on the bundled glossary's data (glossary/REGIONAL.md, "Decisions"), as a
 * writer sees them: the findings of term QA, the output of conversion and what a word matches.
 * Every expected value is written here by hand.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChineseScript } from '../../server/src/engine/entry';
import { DocumentChecker } from '../../server/src/engine/termQA';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';

const glossary = glossaryFromFile(join(__dirname, '../../dist/glossary.json'));

function findings(text: string, script: ChineseScript): string[] {
  const checker = new DocumentChecker({ source: glossary, script });
  return checker.check(glossary.index.scan(text), text).map((f) => `${f.rule} ${f.term} → ${f.suggestions.join(' ')}`);
}

/** The concepts a text's terms stand for, as written: what hovering each shows. */
function concepts(text: string): string[] {
  return glossary.index.scan(text).map((m) => `${text.slice(m.start, m.end)} ${m.entries.map((e) => glossary.entries[e]!.id).join(' ')}`);
}

type Row = [what: string, text: string, script: ChineseScript, expected: string[]];

function rows(list: Row[]): void {
  for (const [what, text, script, expected] of list) it(`${what} (${script})`, () => expect(findings(text, script)).toEqual(expected));
}

describe('a word that is not another name of a concept is not its alias', () => {
  rows([
    // 亿美元 is an amount in US dollars: not the yuan amount 亿元, never to be replaced by it
    ['亿元 and 亿美元', '融资82亿元，约合11亿美元。', 'zh-Hans', []],
    // 压测 (load or stress testing) is one kind of performance testing
    ['性能测试 and 压测', '本行的性能测试包括压测。', 'zh-Hans', []],
    // a client is not an application
    ['应用程序 and 客户端', '应用程序与客户端分别升级。', 'zh-Hans', []],
    // a real second name is still found
    ['two names of one concept', '网络借贷平台要合规，P2P网贷风险大。', 'zh-Hans', ['inconsistent-term 网络借贷 → P2P网贷']],
  ]);

  it('稳态 and 敏态, the two halves of 稳敏双态, are not that concept', () => {
    expect(concepts('稳敏双态：稳态与敏态')).toEqual(['稳敏双态 dual-mode-it']);
  });
});
