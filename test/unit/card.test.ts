import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../server/src/engine/entry';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';
import { escapeMarkdown, renderCard } from '../../server/src/features/card';
import { uiLanguageOf, wordsFor } from '../../server/src/features/words';
import { entry } from './helpers';

describe('the card treats glossary text as data', () => {
  const hostile = entry('evil', '恶意[链接](command:workbench.action.terminal.new)', ['<img src=x onerror=alert(1)>'], {
    definitionEn: '[run me](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D) **bold** `code`',
    definitionZh: '<script>alert(1)</script>',
    zhAliases: ['# heading'],
  });
  const card = renderCard(hostile, {
    links: [{ label: '→ x', command: 'fintechGlossary.replaceTerm', args: [{ text: ')](command:evil' }] }],
  });

  it('renders no link, HTML or emphasis from entry text', () => {
    expect(card).not.toMatch(/\]\(command:workbench/);
    expect(card).not.toMatch(/(^|[^\\])<(script|img)/);
    expect(card).not.toContain('**bold**');
  });

  it('keeps our own command link, with its arguments URI-encoded', () => {
    const links = [...card.matchAll(/\]\((command:[^ )]+)/g)].map((m) => m[1]);
    // [{"text":")](command:evil"}] encoded by hand: ( ) are %28 %29 too, or they would end the markdown link
    expect(links).toEqual(['command:fintechGlossary.replaceTerm?%5B%7B%22text%22%3A%22%29%5D%28command%3Aevil%22%7D%5D']);
  });

  it.each([
    ['a*b', 'a\\*b'],
    ['[x](y)', '\\[x\\]\\(y\\)'],
    ['区块链', '区块链'],
    ['1. item', '1\\. item'],
    ['a\nb', 'a b'],
    ['a\r\r    b', 'a b'],
    ['a\u2028\u2029b', 'a b'],
    [' \t lead and trail \n', 'lead and trail'],
    ['https://x.example', 'https\\:\\/\\/x\\.example'],
    ['"title" end', '\\"title\\" end'],
    ['`code`', '\\`code\\`'],
  ])('escapes %j', (raw, escaped) => {
    expect(escapeMarkdown(raw)).toBe(escaped);
  });
});

describe('the card shows what a translator needs', () => {
  it('headline, regional forms, definitions and provenance', () => {
    const card = renderCard(
      entry('software', '软件', ['software'], { definitionZhSource: { doc: '000', title: '網絡金融服務簡介', line: 12 } }),
    );
    expect(card.split('\n')[0]).toBe('**软件** · 軟件 · software');
    expect(card).toContain('臺灣 軟體');
    expect(card).toContain('> — *網絡金融服務簡介 \\(000\\, line 12\\)*');
    expect(card).toContain('中文 quoted from the source document');
  });

  it('the bundled 区块链 entry: both definitions in our own words, the English one in full', () => {
    // needs dist/glossary.json: `npm test` builds it first
    const bundled = glossaryFromFile(new URL('../../dist/glossary.json', import.meta.url).pathname);
    const card = renderCard(bundled.get('blockchain')!);
    // escaped as markdown: every ASCII punctuation character gets a backslash
    expect(card).toContain(
      'A shared\\, append\\-only ledger replicated across many nodes\\, in which transactions are grouped into ' +
        'cryptographically chained blocks so that recorded data cannot be altered without detection\\.',
    );
    // the passage of source 000 is not a definition: the card's Chinese definition is our own
    expect(card).toContain('由多个节点共同维护、把交易数据按时间顺序打包成以密码学方法首尾相连的区块、写入后难以篡改的分布式账本技术。');
    expect(card).not.toContain('> 區塊鏈技術通過分布式賬本和共識機制');
    expect(card).toContain('*Definitions:* Fintech Glossary editors');
  });

  it('the bundled 区块链 entry keeps its source passage as a citation, verbatim, on both cards', () => {
    const bundled = glossaryFromFile(new URL('../../dist/glossary.json', import.meta.url).pathname);
    const full = renderCard(bundled.get('blockchain')!, { detail: 'full' });
    expect(full).toMatch(
      /\*Source passage:\* 區塊鏈技術通過分布式賬本和共識機制\\,實現了去中心化的信任構建和價值傳輸。 — \*[^*\n]*\\\(000\\, line \d+\\\)\*/,
    );
    const compact = renderCard(bundled.get('blockchain')!, { detail: 'compact' });
    // below the compact card's rule, with the citation
    const below = compact.slice(compact.indexOf('\n---\n'));
    expect(below).toContain('*Source passage:* 區塊鏈技術通過分布式賬本和共識機制');
    const zh = renderCard(bundled.get('blockchain')!, { detail: 'full', words: wordsFor('zh-Hans') });
    expect(zh).toContain('来源原文： 區塊鏈技術通過分布式賬本');
  });

  it('the bundled 智能合约 entry keeps its quotation, which defines the term', () => {
    const bundled = glossaryFromFile(new URL('../../dist/glossary.json', import.meta.url).pathname);
    const card = renderCard(bundled.get('smart-contract')!);
    expect(card).toContain('> 智能合約是運行在區塊鏈上的自動執行的計算機程序\\,當預設條件滿足時\\,合約會按照既定規則自動執行。');
    expect(card).toContain('中文 quoted from the source document');
  });
});

describe('the card layout', () => {
  // A copy of the bundled 区块链 entry, frozen so that glossary edits do not move the snapshot; a change
  // of order, separators or escaping does. Review the .md file's diff, then `npx vitest -u` to accept it.
  const blockchain = JSON.parse(readFileSync(new URL('./fixtures/blockchain.entry.json', import.meta.url), 'utf8')) as GlossaryEntry;
  const others = new Map(
    [
      entry('distributed-ledger', '分布式账本', ['distributed ledger']),
      entry('smart-contract', '智能合约', ['smart contract']),
      entry('blockchain-finance', '区块链金融', ['blockchain finance']),
    ].map((e) => [e.id, e]),
  );

  it('of a bundled entry with links, inner terms, related and homonyms', async () => {
    const card = renderCard(blockchain, {
      resolve: (id) => others.get(id),
      inner: [others.get('smart-contract')!],
      alsoMatching: [others.get('blockchain-finance')!],
      links: [
        {
          label: '→ 區塊鏈',
          command: 'fintechGlossary.replaceTerm',
          args: [{ uri: 'file:///a.txt', text: '區塊鏈' }],
          tooltip: 'Replace 区块链 with 區塊鏈',
        },
        {
          label: 'Open source passage',
          command: 'fintechGlossary.openSource',
          args: [{ doc: '000', line: 98 }],
          tooltip: '網絡金融服務簡介, line 98',
        },
      ],
    });
    await expect(card + '\n').toMatchFileSnapshot('./__snapshots__/blockchain.card.md');
  });

  const withLinks = {
    resolve: (id: string) => others.get(id),
    inner: [others.get('smart-contract')!],
    links: [{ label: '→ 區塊鏈', command: 'fintechGlossary.replaceTerm', args: [{ uri: 'file:///a.txt', text: '區塊鏈' }] }],
  };

  it('compact: headline with regional forms, then the definitions and the links, the rest below the rule', async () => {
    const card = renderCard(blockchain, { ...withLinks, detail: 'compact' });
    await expect(card + '\n').toMatchFileSnapshot('./__snapshots__/blockchain.compact.card.md');
    const paragraphs = card.split('\n\n');
    expect(paragraphs[0]).toMatch(/^\*\*区块链\*\* · 區塊鏈 · blockchain/);
    // the definitions come before the rule; example, related terms and facts after it, one example only
    const rule = paragraphs.indexOf('---');
    expect(paragraphs.findIndex((p) => p.startsWith('A shared'))).toBeLessThan(rule);
    expect(paragraphs.findIndex((p) => p.includes('由多个节点共同维护') || p.includes('區塊鏈技術'))).toBeLessThan(rule);
    expect(paragraphs.slice(rule).join('\n')).toContain('*Example:*');
    expect(card.match(/\*Example:\*/g)).toHaveLength(1);
    expect(card.split('\n').length).toBeLessThan(renderCard(blockchain, withLinks).split('\n').length);
  });

  it('compact: a long example is cut to 60 characters; full shows it whole', () => {
    const long = { ...blockchain, examples: [{ text: '长'.repeat(100), cite: { doc: '001', title: 'T', line: 1 } }] };
    expect(renderCard(long, { detail: 'compact' })).toContain(`*Example:* ${'长'.repeat(59)}…`);
    expect(renderCard(long)).toContain('长'.repeat(100));
  });

  it('compact: a warning about the written term comes right under the headline', () => {
    const p2p = entry('p2p', '网络借贷', ['peer-to-peer lending'], {
      zhAliases: ['P2P网贷'],
      terms: [
        { text: '网络借贷', lang: 'zh', role: 'headword', scripts: ['zh-Hans'], status: 'preferred' },
        { text: 'P2P网贷', lang: 'zh', role: 'variant', status: 'forbidden', usage: '监管文件已改称网络借贷。' },
      ],
    });
    const paragraphs = renderCard(p2p, { matched: 'P2P网贷', detail: 'compact' }).split('\n\n');
    expect(paragraphs[1]).toBe('⚠ *Forbidden term:* P2P网贷 — use **网络借贷**');
  });

  it.each([
    ['zh-Hans', ['又称：', '领域：', '例句：', '相关术语：', '定义：'], /Domain|Example|Related/],
    ['zh-Hant', ['又稱：', '領域：', '例句：', '相關術語：', '定義：'], /Domain|Example|Related/],
  ] as const)('in the %s interface the labels are Chinese', (language, labels, english) => {
    const card = renderCard(blockchain, { ...withLinks, words: wordsFor(language) });
    for (const l of labels) expect(card).toContain(l);
    expect(card).not.toMatch(english);
  });
});

describe('the card says when the written term is not the one to use', () => {
  const p2p = entry('p2p', '网络借贷', ['peer-to-peer lending'], {
    zhAliases: ['P2P网贷'],
    terms: [
      { text: '网络借贷', lang: 'zh', role: 'headword', scripts: ['zh-Hans'], status: 'preferred' },
      { text: 'P2P网贷', lang: 'zh', role: 'variant', status: 'forbidden', usage: '监管文件已改称网络借贷。' },
      { text: 'peer-to-peer lending', lang: 'en', role: 'headword', status: 'preferred', sense: 'Not a bank loan.' },
    ],
  });

  it('a forbidden variant: the warning, the preferred term and the usage note', () => {
    const card = renderCard(p2p, { matched: 'P2P网贷' });
    expect(card).toContain('⚠ *Forbidden term:* P2P网贷 — use **网络借贷**');
    expect(card).toContain('*Usage:* 监管文件已改称网络借贷。');
  });

  it('the preferred headword: no warning; a sense note is shown for the term that has it', () => {
    expect(renderCard(p2p, { matched: '网络借贷' })).not.toMatch(/⚠|Usage|Sense/);
    expect(renderCard(p2p, { matched: 'peer-to-peer lending' })).toContain('*Sense:* Not a bank loan\\.');
  });

  it('the sense note on the simplified headword shows on its traditional and Taiwan forms, not on an alias', () => {
    const irb = entry('irb', '内部评级法', ['internal ratings-based approach'], {
      zhHant: '內部評級法',
      zhTw: '內部評等法',
      zhAliases: ['内评法'],
      terms: [
        { text: '内部评级法', lang: 'zh', role: 'headword', scripts: ['zh-Hans'], status: 'preferred', sense: 'The approach as a whole.' },
        { text: '內部評級法', lang: 'zh', role: 'headword', scripts: ['zh-Hant', 'zh-HK'], status: 'preferred' },
        { text: '內部評等法', lang: 'zh', role: 'headword', scripts: ['zh-TW'], status: 'preferred', usage: 'Taiwan writes 評等.' },
        { text: '内评法', lang: 'zh', role: 'variant', status: 'admitted' },
      ],
    });
    expect(renderCard(irb, { matched: '內部評級法' })).toContain('*Sense:* The approach as a whole\\.');
    const tw = renderCard(irb, { matched: '內部評等法' });
    expect(tw).toContain('*Sense:* The approach as a whole\\.');
    expect(tw).toContain('*Usage:* Taiwan writes 評等\\.');
    expect(renderCard(irb, { matched: '内评法' })).not.toContain('Sense');
  });

  it('a superseded term names the term its replacedBy gives, not just the preferred one', () => {
    const terms = [
      { text: '网络借贷', lang: 'zh' as const, role: 'headword' as const, status: 'preferred' as const },
      { text: '网贷', lang: 'zh' as const, role: 'variant' as const, status: 'admitted' as const },
      { text: 'P2P网贷', lang: 'zh' as const, role: 'variant' as const, status: 'superseded' as const, replacedBy: '网贷' },
    ];
    const e = entry('p2p', '网络借贷', ['peer-to-peer lending'], { zhAliases: ['网贷', 'P2P网贷'], terms });
    expect(renderCard(e, { matched: 'P2P网贷' })).toContain('⚠ *Superseded term:* P2P网贷 — use **网贷**');
  });

  it('a historical concept: its dates and note, not a deprecation warning', () => {
    const cbirc = entry('cbirc', '银保监会', ['CBIRC'], {
      historical: { note: 'Replaced by the NFRA in May 2023.', from: '2018', until: '2023-05' },
    });
    const card = renderCard(cbirc);
    expect(card).toContain('*Historical (2018–2023\\-05):* Replaced by the NFRA in May 2023\\.');
    expect(card).not.toMatch(/Deprecated|⚠/);
    const noStart = entry('x', '旧机构', ['old body'], { historical: { note: 'Dissolved.', until: '1998' } });
    expect(renderCard(noStart)).toContain('*Historical (until 1998):* Dissolved\\.');
  });

  it('an entry without terms gets the defaults: an alias is admitted, which the card does not flag', () => {
    const plain = entry('bc', '区块链', ['blockchain'], { zhAliases: ['区块链技术'] });
    expect(renderCard(plain, { matched: '区块链技术' })).not.toContain('⚠');
  });
});

describe('the interface language from the LSP locale', () => {
  it.each([
    ['zh-CN', 'zh-Hans'],
    ['zh-cn', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh_CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-tw', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['ja', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [42, 'en'],
  ])('%j → %s', (locale, expected) => {
    expect(uiLanguageOf(locale)).toBe(expected);
  });
});
