/**
 * Term QA on the texts a translator delivers: sentences of the bundled source and its Taiwan and
 * Hong Kong editions, and sentences a Taiwan or Hong Kong financial writer writes. Each row is a
 * text, the variant it is checked as, and the findings expected (rule, term as written,
 * suggestions), written here by hand.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChineseScript } from '../../server/src/engine/entry';
import { convertText } from '../../server/src/engine/convertText';
import { DocumentChecker } from '../../server/src/engine/termQA';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';

const glossary = glossaryFromFile(join(__dirname, '../../dist/glossary.json'));

function findings(text: string, script: ChineseScript | undefined): string[] {
  const checker = new DocumentChecker({ source: glossary, script });
  return checker.check(glossary.index.scan(text), text).map((f) => `${f.rule} ${f.term} → ${f.suggestions.join(' ')}`);
}

type Row = [what: string, text: string, script: ChineseScript | undefined, expected: string[]];

function rows(list: Row[]): void {
  for (const [what, text, script, expected] of list)
    it(`${what} (${script ?? 'undecided'})`, () => expect(findings(text, script)).toEqual(expected));
}

describe('a Latin/Han spacing is not another region’s vocabulary', () => {
  rows([
    ['spaced as the source spaces it', '推動 ESG 投資與 ESG 評價體系。', 'zh-TW', []],
    ['a line break between Latin and Han', '推動 ESG\n投資。', 'zh-HK', []],
    ['spaced in a simplified text', '开放 API 是开放银行的基础。', 'zh-Hans', []],
    // the regional vocabulary itself is still found, spaced or not
    ['a Hong Kong word next to a spaced term', '推動 ESG 投資,以流動支付付款。', 'zh-TW', ['regional-variant 流動支付 → 行動支付']],
  ]);
});

describe('inconsistent-term: a term that says more or less than the headword is not another name for it', () => {
  rows([
    // from the bundled source: the publisher of the magazine is not the magazine's subject
    ['a name made of the headword', '金融电子化是基础。金融电子化杂志社发布了报告。', 'zh-Hans', []],
    ['a qualified form', '区块链技术的应用。区块链是分布式账本。', 'zh-Hans', []],
    ['the headword made of a shorter word', '授信额度由银行核定,授信审批需要时间。', 'zh-Hans', []],
    ['spaced otherwise', 'AI 芯片和AI芯片都在增长。', 'zh-Hans', []],
    ['in a Taiwan text', '區塊鏈技術的應用。區塊鏈是分散式帳本。', 'zh-TW', []],
    // two names of one concept are still found: an alias and the headword
    ['two names', '网络借贷平台要合规，P2P网贷风险大。', 'zh-Hans', ['inconsistent-term 网络借贷 → P2P网贷']],
  ]);
});

describe('inconsistent-term: an abbreviation after its full name (or the reverse) is not another name', () => {
  rows([
    ['a short form of the headword', '风险控制是核心，风控团队负责模型。', 'zh-Hans', []],
    ['of a longer headword', '中国农业银行发布年报，农行表示将加大投入。', 'zh-Hans', []],
    ['the headword is the short form', '农村商业银行（农商行）服务县域。', 'zh-Hans', []],
    ['in a Taiwan text', '風險控制是核心，風控團隊負責模型。', 'zh-TW', []],
    // a short form of other characters is another name: still found
    ['not made of its characters', '网络借贷平台要合规，P2P网贷风险大。', 'zh-Hans', ['inconsistent-term 网络借贷 → P2P网贷']],
    // one character more or less is no abbreviation: two ways of writing one term
    ['one character left out', '逆向选择问题突出，逆选择会推高风险。', 'zh-Hans', ['inconsistent-term 逆向选择 → 逆选择']],
  ]);
});

describe('an alias in traditional script as converting writes it is not mixed script', () => {
  rows([
    // 风险团伙 converted: OpenCC writes 團伙 (伙 is a traditional character too)
    ['converted from the source', '識別出數百個風險團伙,解決傳統問題。', 'zh-Hant', []],
    ['in a Taiwan edition', '識別出數百個風險團伙。', 'zh-TW', []],
    ['in a text of undecided script', '識別出數百個風險團伙。', undefined, []],
    // really mixed: fixed to the alias as converting writes it
    ['mixed', '識別出數百個风險團伙。', 'zh-Hant', ['mixed-script 风險團伙 → 風險團伙']],
    ['the other script', '识别出数百个風險團伙。', 'zh-Hans', ['script-mismatch 風險團伙 → 风险团伙']],
  ]);
});

describe('convert, then check in the target variant', () => {
  it('no alias of the bundled glossary, converted to a variant, gets a script finding there', () => {
    const flagged: string[] = [];
    for (const script of ['zh-Hant', 'zh-TW', 'zh-HK'] as const)
      for (const e of glossary.entries)
        for (const alias of e.zhAliases) {
          const text = convertText(alias, script, glossary, { from: 'zh-Hans' });
          const found = new DocumentChecker({ source: glossary, script }).check(glossary.index.scan(text), text);
          for (const f of found)
            if (f.rule === 'mixed-script' || f.rule === 'script-mismatch') flagged.push(`${script} ${f.rule} ${f.term}`);
        }
    expect(flagged).toEqual([]);
  });
});

describe('what a Taiwan or Hong Kong financial writer writes', () => {
  rows([
    // 純網銀 is Taiwan's short name for an internet-only bank, not 網銀 (online banking) after 純
    ['純網銀 beside 網路銀行', '金管會開放純網銀設立。網路銀行與行動銀行的使用者持續成長。', 'zh-TW', []],
    // in a Hong Kong text beside Hong Kong's name for the concept: that name, throughout
    ['純網銀 in a Hong Kong text', '台灣的純網銀與香港的虛擬銀行。', 'zh-HK', ['inconsistent-term 純網銀 → 虛擬銀行']],
    // Hong Kong says 個人資料 (its Personal Data (Privacy) Ordinance), as Taiwan does
    ['個人資料保護 in Hong Kong', '銀行須重視個人資料保護及私隱。', 'zh-HK', []],
    ['個人信息保護 in Hong Kong', '銀行須重視個人信息保護。', 'zh-HK', ['regional-variant 個人信息保護 → 個人資料保護']],
    ['個人資料保護 in Taiwan', '銀行的資訊安全與個人資料保護日益重要。', 'zh-TW', []],
  ]);
});

describe('a brand written in simplified with a character OpenCC calls traditional', () => {
  rows([['华为昇腾 in a simplified text', '国产算力采用华为昇腾芯片。', 'zh-Hans', []]]);
});
