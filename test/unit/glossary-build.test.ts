// The glossary builder on small fixtures: schema errors at the right line, key clashes and
// homonyms, generated forms and overrides, quotation checks, examples; and the candidate miner.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlossary, foldKey } from '../../glossary/scripts/lib/compile';
import { formsOf } from '../../glossary/scripts/lib/forms';
import { HAN, WHITESPACE, countHan, hasHan } from '../../glossary/scripts/lib/chars';
import { squeeze } from '../../glossary/scripts/lib/clean';
import { makeValidator, parseEntriesFile, schemaDiagnostics, type LoadedEntry } from '../../glossary/scripts/lib/load';
import { coveredByKeys, frequentNgrams, mineCandidates, mineDefinitions, minePairs } from '../../glossary/scripts/lib/mine';
import { buildCorpus, excerptAround } from '../../glossary/scripts/lib/sources';
import { isHan, isWhitespaceUnit } from '../../server/src/engine/unicode';
import { Glossary } from '../../server/src/engine/glossary';

const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'glossary', 'schema.json'), 'utf8'));
const validate = makeValidator(schema);

const SOURCE_000 = [
  '# Source: 000_test.txt',
  '# Title: 網絡金融服務簡介',
  '',
  '區塊鏈是一種分布式賬本技術。',
  '以太坊(Ethereum)支持智能合約的區塊鏈平臺。',
  '雲計算為金融機構提供彈性算力。',
].join('\n');
const SOURCE_001 = [
  '# Source: 001_test.txt',
  '',
  '## Report 01/02: 测试机构:第一份报告 | 10页',
  '数据编织(Data Fabric)是一种数据架构。',
  '软件物料清单(SBOM)列出软件的组成部分。',
  '',
  '## Report 02/02: 测试机构:第二份报告 | 12页',
  '企业采用数据编织整合分散的数据。',
  '区块链技术在供应链金融中的应用。',
].join('\n');
const corpus = buildCorpus({ '000': SOURCE_000, '001': SOURCE_001 });

function load(yaml: string, file = 'glossary/entries/test.yaml') {
  const parsed = parseEntriesFile(file, yaml);
  const ok = validate(parsed.raw ?? []);
  const schemaDiags = ok ? [] : schemaDiagnostics(file, validate.errors, parsed.posOf, parsed.raw);
  return { entries: parsed.entries as LoadedEntry[], diagnostics: [...parsed.diagnostics, ...schemaDiags] };
}

const entryYaml = (id: string, zh: string, en: string, extra = '') =>
  `- id: ${id}\n  zh: ${zh}\n  en: [${en}]\n  domain: blockchain\n  def:\n    en: A definition in our own words.\n    zh: 我们自己的定义。\n${extra}`;

describe('schema and YAML diagnostics', () => {
  it('accepts the README example shape', () => {
    const r = load(
      entryYaml('blockchain', '区块链', 'blockchain', '  aliases: [区块链技术]\n  abbr: [DLT]\n  related: [smart-contract]\n'),
    );
    expect(r.diagnostics).toEqual([]);
  });

  it('names file and line of a schema violation', () => {
    const yaml = entryYaml('ok-one', '区块链', 'blockchain') + entryYaml('Bad_Id', '智能合约', 'smart contract') + '  colour: red\n';
    const r = load(yaml);
    const msgs = r.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`);
    expect(msgs).toContainEqual(
      expect.stringMatching(/^glossary\/entries\/test\.yaml:8: \/1\/id "Bad_Id" does not have the expected form/),
    );
    expect(msgs).toContainEqual(expect.stringMatching(/^glossary\/entries\/test\.yaml:\d+: unknown field "colour"/));
    const colour = r.diagnostics.find((d) => d.message.includes('colour'))!;
    expect(colour.line).toBe(15);
  });

  it('explains an unquoted source number', () => {
    const r = load(
      entryYaml('x-term', '区块链', 'blockchain').replace('    zh: 我们自己的定义。\n', '    zh: 我们自己的定义。\n    source: 001\n'),
    );
    expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(/quote it/);
  });

  it('requires replacedBy with deprecated and a reason with forms', () => {
    const r = load(entryYaml('old-term', '旧词', 'old term', '  status: deprecated\n  forms:\n    hant: 舊詞\n'));
    const text = r.diagnostics.map((d) => d.message).join('\n');
    expect(text).toMatch(/replacedBy/);
    expect(text).toMatch(/reason/);
  });

  it('reports YAML syntax errors with a line', () => {
    const r = load('- id: a\n  zh: [unclosed\n');
    expect(r.diagnostics[0]?.severity).toBe('error');
    expect(r.diagnostics[0]?.line).toBeGreaterThan(0);
  });
});

describe('compile', () => {
  const compile = (yaml: string) => {
    const r = load(yaml);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return compileGlossary(r.entries, corpus);
  };

  it('rejects a key claimed by two concepts, across scripts and case', () => {
    const out = compile(
      entryYaml('a-one', '区块链', 'blockchain') + entryYaml('a-two', '區塊鏈平台', 'Blockchain', '  aliases: [区块链]\n'),
    );
    const errs = out.diagnostics.filter((d) => d.severity === 'error');
    expect(errs.some((d) => d.message.includes('"blockchain"') && d.id === 'a-two')).toBe(true);
    expect(errs.some((d) => d.message.includes('区块链') && d.id === 'a-one')).toBe(true);
  });

  it('accepts the clash when every concept is marked homonym', () => {
    const out = compile(
      entryYaml('clear-a', '清算', 'clearing', '  homonym: true\n') + entryYaml('clear-b', '清盘', 'clearing', '  homonym: true\n'),
    );
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  // Keys the matcher derives from an entry (Latin/Han spacing, hyphen-joined and -ies variants) and
  // plural endings: two concepts the server would merge on hover or look-up must be a build error.
  // Each row: two entries (written by hand) and the text a user would see both cards for.
  const clashes: [string, string, string, string][] = [
    [
      'Latin/Han spacing',
      entryYaml('ai-chip', 'AI芯片', 'AI chip'),
      entryYaml('ai-chip-other', '人工智能芯片', 'artificial intelligence chip', '  aliases: [AI 芯片]\n'),
      'AI 芯片',
    ],
    [
      'hyphen-joined abbreviation',
      entryYaml('e-cny', '数字人民币', 'digital renminbi', '  abbr: [e-CNY]\n'),
      entryYaml('ecny-wallet', '数字人民币钱包', 'digital renminbi wallet', '  abbr: [eCNY]\n'),
      'eCNY',
    ],
    ['irregular plural', entryYaml('currency', '货币', 'currency'), entryYaml('currencies-x', '多种货币', 'currencies'), 'currencies'],
    ['plural homonyms', entryYaml('fund', '基金', 'fund'), entryYaml('funds', '资金', 'funds'), 'funds'],
  ];

  it.each(clashes)('rejects a key clash the matcher would merge: %s', (_, a, b, text) => {
    const ids = [a, b].map((y) => /id: (\S+)/.exec(y)![1]!);
    const out = compile(a + b);
    // the fixture is a real clash: the server's look-up of the text gives both cards
    expect(
      new Glossary(out.glossary.entries)
        .lookup(text)
        .map((e) => e.id)
        .sort(),
    ).toEqual([...ids].sort());
    const errs = out.diagnostics.filter((d) => d.severity === 'error');
    // one error on each entry, naming both
    expect(errs.map((d) => d.id).sort()).toEqual([...ids].sort());
    for (const d of errs) for (const id of ids) expect(d.message).toContain(` ${id} (glossary/entries/test.yaml:`);
  });

  it.each(clashes)('accepts that clash when both are marked homonym: %s', (_, a, b) => {
    const out = compile(a + '  homonym: true\n' + b + '  homonym: true\n');
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('rejects duplicate ids and unknown replacedBy; warns on unknown related ids and drops them', () => {
    const out = compile(
      entryYaml('dup', '甲乙', 'alpha') +
        entryYaml('dup', '丙丁', 'gamma') +
        entryYaml('gone', '旧称', 'old name', '  status: deprecated\n  replacedBy: nowhere\n  related: [missing-id]\n'),
    );
    const msgs = out.diagnostics.map((d) => `${d.severity}: ${d.message}`);
    expect(msgs).toContainEqual(expect.stringMatching(/^error: duplicate id "dup"/));
    expect(msgs).toContainEqual(expect.stringMatching(/^error: replacedBy id "nowhere"/));
    expect(msgs).toContainEqual(expect.stringMatching(/^warning: related id "missing-id"/));
    expect(out.glossary.entries.find((e) => e.id === 'gone')!.related).toEqual([]);
  });

  it('regional forms: OpenCC twp output is only a candidate; a Taiwan or Hong Kong form is shown and matched only when reviewed', () => {
    const out = compile(
      entryYaml('software', '软件', 'software') +
        entryYaml('blockchain', '区块链', 'blockchain') +
        entryYaml('client', '客户', 'client') +
        entryYaml('memory', '内存', 'memory', '  forms: { tw: 記憶體, reason: Taiwan says 記憶體 for computer memory. }\n'),
    );
    expect(out.diagnostics).toEqual([]);
    const sw = out.glossary.entries.find((e) => e.id === 'software')!;
    expect([sw.zhHant, sw.zhTw, sw.zhHk]).toEqual(['軟件', undefined, undefined]);
    expect(sw.terms!.map((t) => t.text)).not.toContain('軟體');
    // no Hong Kong glyph-only form (客户): Hong Kong is the traditional form unless reviewed
    const client = out.glossary.entries.find((e) => e.id === 'client')!;
    expect([client.zhHant, client.zhTw, client.zhHk]).toEqual(['客戶', undefined, undefined]);
    const bc = out.glossary.entries.find((e) => e.id === 'blockchain')!;
    expect([bc.zhHant, bc.zhTw, bc.zhHk]).toEqual(['區塊鏈', undefined, undefined]);
    // a reviewed form equal to OpenCC's output is a confirmation, not a no-op (no warning above)
    const mem = out.glossary.entries.find((e) => e.id === 'memory')!;
    expect([mem.zhHant, mem.zhTw]).toEqual(['內存', '記憶體']);
    // the unreviewed candidates are reported, not compiled
    expect(out.candidates).toEqual([{ id: 'software', zh: '软件', hant: '軟件', form: 'tw', candidate: '軟體' }]);
    const g = new Glossary(out.glossary.entries);
    expect(g.lookup('軟體').map((e) => e.id)).toEqual([]);
    expect(g.lookup('記憶體').map((e) => e.id)).toEqual(['memory']);
  });

  it('warns about a reviewed Hong Kong form that differs from the traditional form only by glyph', () => {
    const out = compile(entryYaml('account', '账户', 'account', '  forms: { hk: 賬户, reason: Hong Kong glyph standard. }\n'));
    expect(out.diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringMatching(/^forms\.hk 賬户 differs from the traditional form 賬戶 only by glyph/),
    );
  });

  it('writes every term with its status: headwords preferred, other forms admitted, notes from terms:', () => {
    const out = compile(
      entryYaml(
        'p2p',
        '网络借贷',
        'peer-to-peer lending, online lending',
        '  aliases: [P2P网贷, 网贷]\n  abbr: [P2P]\n  terms:\n    P2P网贷: { status: deprecated, usage: 监管文件已改称网络借贷。 }\n    online lending: { sense: Lending arranged through an online platform. }\n',
      ) + entryYaml('software', '软件', 'software', '  forms: { tw: 軟體, reason: Taiwan vocabulary for software is 軟體. }\n'),
    );
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const p2p = out.glossary.entries.find((e) => e.id === 'p2p')!;
    expect(p2p.terms!.map((t) => [t.text, t.role, t.status])).toEqual([
      ['网络借贷', 'headword', 'preferred'],
      ['網絡借貸', 'headword', 'preferred'],
      ['P2P网贷', 'variant', 'deprecated'],
      ['网贷', 'variant', 'admitted'],
      ['peer-to-peer lending', 'headword', 'preferred'],
      ['online lending', 'variant', 'admitted'],
      ['P2P', 'abbreviation', 'admitted'],
    ]);
    expect(p2p.terms!.find((t) => t.text === 'P2P网贷')!.usage).toBe('监管文件已改称网络借贷。');
    expect(p2p.terms!.find((t) => t.text === 'online lending')!.sense).toBe('Lending arranged through an online platform.');
    // the unreviewed Taiwan candidate 網路借貸 is no term: the traditional form stands for every region
    expect(p2p.terms!.find((t) => t.text === '網絡借貸')!.scripts).toEqual(['zh-Hant', 'zh-TW', 'zh-HK']);
    // a generated form says so; one a person decided carries the reason
    expect(p2p.terms!.find((t) => t.text === '網絡借貸')!.review).toEqual({ state: 'generated' });
    const sw = out.glossary.entries.find((e) => e.id === 'software')!;
    expect(sw.terms!.find((t) => t.text === '軟體')!.review).toEqual({
      state: 'reviewed',
      reason: 'Taiwan vocabulary for software is 軟體.',
    });
    expect(sw.terms!.find((t) => t.text === '软件')!.review).toBeUndefined();
  });

  it("a deprecated concept has only deprecated terms; terms: must name the entry's own terms", () => {
    const out = compile(
      entryYaml('new', '新称', 'new name') +
        entryYaml('old', '旧称', 'old name', '  status: deprecated\n  replacedBy: new\n') +
        entryYaml('typo', '术语', 'term', '  terms:\n    术语们: { status: forbidden }\n'),
    );
    expect(new Set(out.glossary.entries.find((e) => e.id === 'old')!.terms!.map((t) => t.status))).toEqual(new Set(['deprecated']));
    const msgs = out.diagnostics.map((d) => `${d.severity}: ${d.message}`);
    expect(msgs).toContainEqual(expect.stringMatching(/^error: terms: "术语们" is not a term of this entry/));
  });

  it('compiles the termbase fields: pos, historical, provenance, quote, and per-term pos/register/geo/replacedBy', () => {
    const out = compile(
      entryYaml(
        'cbirc',
        '银保监会',
        'CBIRC, China Banking and Insurance Regulatory Commission',
        [
          '  pos: properNoun',
          '  historical: { note: Replaced by the NFRA in May 2023., from: 2018, until: 2023-05 }',
          '  provenance: { en: [self, market], reviewedBy: glossary-review, reviewed: 2026-11-29 }',
          '  quote: { text: 区块链技术在供应链金融中的应用。, source: "001" }',
          '  aliases: [银监会旧称]',
          '  terms:',
          '    银监会旧称: { status: forbidden, replacedBy: 银保监会, register: informal, geo: [cn, hk], pos: noun }',
          '',
        ].join('\n'),
      ),
    );
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const e = out.glossary.entries[0]!;
    expect(e.pos).toBe('properNoun');
    expect(e.historical).toEqual({ note: 'Replaced by the NFRA in May 2023.', from: '2018', until: '2023-05' });
    expect(e.provenance).toEqual({ en: ['self', 'market'], reviewedBy: 'glossary-review', reviewed: '2026-11-29' });
    expect(e.quote).toEqual({ text: '区块链技术在供应链金融中的应用。', cite: { doc: '001', title: '测试机构:第二份报告', line: 9 } });
    const old = e.terms!.find((t) => t.text === '银监会旧称')!;
    expect(old).toMatchObject({ status: 'forbidden', replacedBy: '银保监会', register: 'informal', geo: ['cn', 'hk'], pos: 'noun' });
    // the entry's part of speech is every term's unless the term says otherwise
    expect(e.terms!.find((t) => t.text === '银保监会')!.pos).toBe('properNoun');
    expect(e.terms!.find((t) => t.text === 'CBIRC')!.pos).toBe('properNoun');
  });

  it('checks the termbase fields: a quote not in the source, replacedBy not an own term, dates, a deprecated historical', () => {
    const out = compile(
      entryYaml('nfra', '金融监管总局', 'NFRA') +
        entryYaml(
          'cbrc',
          '银监会',
          'CBRC',
          [
            '  status: deprecated',
            '  replacedBy: nfra',
            '  historical: { note: Merged into the CBIRC., from: 2003, until: 2002 }',
            '  quote: { text: 这句话不在任何来源里。, source: "001" }',
            '  terms:',
            '    CBRC: { status: superseded, replacedBy: NFRA }',
            '    银监会: { replacedBy: 银监会 }',
            '',
          ].join('\n'),
        ),
    );
    const msgs = out.diagnostics.map((d) => `${d.severity}: ${d.message}`);
    expect(msgs).toContainEqual(expect.stringMatching(/^error: quote\.text is not a verbatim quotation from source 001/));
    expect(msgs).toContainEqual('error: terms: "CBRC" replacedBy "NFRA" is not a term of this entry');
    expect(msgs).toContainEqual('error: terms: "银监会" cannot be replaced by itself');
    expect(msgs).toContainEqual(expect.stringMatching(/^warning: replacedBy is meant for a deprecated, superseded or forbidden term/));
    expect(msgs).toContainEqual('error: historical: from 2003 is after until 2002');
    expect(msgs).toContainEqual(expect.stringMatching(/^warning: a historical concept is not deprecated/));
    expect(out.glossary.entries.find((e) => e.id === 'cbrc')!.quote).toBeUndefined();
  });

  it('compiles a provenance without a reviewer for an entry not reviewed yet', () => {
    const out = compile(entryYaml('x', '甲乙', 'alpha', '  provenance: { en: [market] }\n'));
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.glossary.entries[0]!.provenance).toEqual({ en: ['market'] });
  });

  it('rejects malformed termbase fields in the schema', () => {
    for (const [extra, field] of [
      ['  pos: nounish\n', 'pos'],
      ['  historical: { note: Defunct since then. }\n', 'until'],
      ['  historical: { note: Defunct since then., until: 23 }\n', 'until'],
      ['  provenance: { en: [Wikipedia], reviewedBy: me, reviewed: 2026-11-29 }\n', 'provenance/en'],
      ['  provenance: { en: [IFRS], reviewedBy: me, reviewed: 29.11.2026 }\n', 'reviewed'],
      ['  provenance: { en: [IFRS], reviewed: 2026-11-29 }\n', 'reviewedBy'],
      ['  provenance: { en: [IFRS], reviewedBy: me }\n', 'reviewed'],
      ['  quote: { text: 一段话。 }\n', 'source'],
      ['  terms:\n    甲乙: { register: slangy }\n', 'register'],
      ['  terms:\n    甲乙: { geo: [mo] }\n', 'geo'],
    ] as const) {
      const { diagnostics } = load(entryYaml('x', '甲乙', 'alpha', extra));
      expect(diagnostics.map((d) => d.message).join('\n'), extra).toMatch(new RegExp(field));
    }
  });

  it('rejects an unknown term status in the schema', () => {
    const { diagnostics } = load(entryYaml('x', '甲乙', 'alpha', '  terms:\n    甲乙: { status: obsolete }\n'));
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/status/);
  });

  it('flags suspicious generated forms unless overridden with a reason', () => {
    expect(formsOf('核保').review.map((r) => r.value)).toContain('覈保');
    expect(formsOf('了解客户').review.length).toBeGreaterThan(0);
    const fixed = formsOf('核保', { hant: '核保' });
    expect(fixed.hant).toBe('核保');
    expect(fixed.review).toEqual([]);
    const out = compile(
      entryYaml(
        'underwriting',
        '核保',
        'underwriting',
        '  forms:\n    hant: 核保\n    reason: 核保 is the usual form in Taiwan and Hong Kong.\n',
      ),
    );
    expect(out.diagnostics).toEqual([]);
    expect(out.glossary.entries[0]!.zhHant).toBe('核保');
  });

  it('verifies a quotation and records its citation; explains a near miss', () => {
    const good = compile(
      entryYaml('ethereum', '以太坊', 'Ethereum').replace(
        '    zh: 我们自己的定义。\n',
        '    zh: 以太坊(Ethereum)支持智能合約的區塊鏈平臺。\n    source: "000"\n',
      ),
    );
    expect(good.diagnostics).toEqual([]);
    expect(good.glossary.entries[0]!.definitionZhSource).toEqual({ doc: '000', title: '網絡金融服務簡介', line: 5 });
    const fullWidth = compile(
      entryYaml('data-fabric', '数据编织', 'data fabric').replace(
        '    zh: 我们自己的定义。\n',
        '    zh: 数据编织（Data Fabric）是一种数据架构。\n    source: "001"\n',
      ),
    );
    const err = fullWidth.diagnostics.find((d) => d.severity === 'error')!;
    expect(err.message).toMatch(/not a verbatim quotation.*punctuation/);
    expect(err.line).toBe(7);
    const wrongDoc = compile(
      entryYaml('data-fabric', '数据编织', 'data fabric').replace(
        '    zh: 我们自己的定义。\n',
        '    zh: 数据编织(Data Fabric)是一种数据架构。\n    source: "000"\n',
      ),
    );
    expect(wrongDoc.diagnostics[0]!.message).toMatch(/in source "001"/);
  });

  it('counts occurrences in both scripts and attaches cited examples', () => {
    const out = compile(
      entryYaml('blockchain', '区块链', 'blockchain') +
        entryYaml('cloud', '云计算', 'cloud computing') +
        entryYaml('data-fabric', '数据编织', 'data fabric') +
        entryYaml('sbom', '软件物料清单', 'software bill of materials', '  abbr: [SBOM]\n'),
    );
    const by = Object.fromEntries(out.glossary.entries.map((e) => [e.id, e]));
    expect(by['blockchain']!.occurrences).toBe(3); // 區塊鏈 ×2 in 000 (traditional), 区块链(技术) ×1 in 001
    expect(by['cloud']!.examples[0]!.cite).toEqual({ doc: '000', title: '網絡金融服務簡介', line: 6 });
    expect(by['data-fabric']!.occurrences).toBe(2); // 数据编织(Data Fabric) is one mention; 数据编织 in report 2
    expect(by['data-fabric']!.examples.map((x) => x.cite.title)).toEqual(['测试机构:第一份报告', '测试机构:第二份报告']);
    expect(by['sbom']!.occurrences).toBe(1); // 软件物料清单(SBOM)
  });

  it('is deterministic', () => {
    const yaml = entryYaml('b-two', '区块链', 'blockchain') + entryYaml('a-one', '云计算', 'cloud computing');
    const a = JSON.stringify(compile(yaml).glossary);
    const b = JSON.stringify(compile(yaml).glossary);
    expect(a).toBe(b);
    expect(compile(yaml).glossary.entries.map((e) => e.id)).toEqual(['a-one', 'b-two']);
  });

  it('folds keys across script, case, width and hyphens', () => {
    expect(foldKey('區塊鏈')).toBe(foldKey('区块链'));
    expect(foldKey('Peer-to-Peer Lending')).toBe(foldKey('peer to peer lending'));
    expect(foldKey('ＡＰＩ')).toBe(foldKey('api'));
  });

  it('cuts long example lines at clause breaks around the term', () => {
    const line =
      '在过去十年里,金融机构持续加大投入,区块链技术被广泛用于跨境支付和贸易融资,同时监管部门也出台了配套的指引文件,以规范行业的健康发展和风险防控工作的开展。';
    const at = line.indexOf('区块链');
    const ex = excerptAround(line, at, at + 3, 50);
    expect(ex).toContain('区块链技术被广泛用于跨境支付和贸易融资');
    expect(ex.length).toBeLessThanOrEqual(52);
  });
});

describe('candidate mining', () => {
  it('finds bilingual pairs in both orders', () => {
    const pairs = minePairs('我们采用数据编织(Data Fabric)架构,并提供软件物料清单(SBOM);金融API(应用程序接口)是基础。');
    expect(pairs.map((p) => [p.zh, p.en, p.kind])).toEqual([
      ['数据编织', 'Data Fabric', 'en'],
      ['软件物料清单', 'SBOM', 'abbr'],
      ['应用程序接口', 'API', 'abbr'],
    ]);
  });

  it('does not take years or list markers for English', () => {
    expect(minePairs('萌芽期(1990-2000)以电子银行为代表;第一章(a)概述')).toEqual([]);
  });

  it('finds definitional sentences and the term they define', () => {
    const defs = mineDefinitions(
      '混沌实验是指在测试平台上开展故障模拟等操作的集合。信息技术应用创新(简称信创)已进入深水区。图数据库是一种存储图数据的技术。',
    );
    expect(defs.map((d) => [d.term, d.marker])).toEqual([
      ['混沌实验', '是指'],
      ['信创', '简称'],
      ['图数据库', '是一种'],
    ]);
    expect(defs[0]!.sentence).toBe('混沌实验是指在测试平台上开展故障模拟等操作的集合。');
  });

  it('counts n-grams with subsumption and without particles at the edges', () => {
    const text = ['区块链技术很重要。', '我们的区块链技术。', '用区块链技术做支付。'].join('').repeat(3) + '区块链的应用。'.repeat(2);
    const grams = frequentNgrams([text], { minCount: 5 }).map((g) => g.term);
    expect(grams).toContain('区块链技术');
    expect(grams).not.toContain('区块'); // inside 区块链 every time
    expect(grams).not.toContain('块链技');
    expect(grams.some((g) => g.startsWith('的') || g.endsWith('的'))).toBe(false);
  });

  it('drops fragments that always run on into a few characters (测试结 of 测试结果/结论)', () => {
    const text = ['测试结果很好。', '测试结论明确。', '我们看测试结果。', '写测试结论。'].join('').repeat(4);
    const grams = frequentNgrams([text], { minCount: 5 }).map((g) => g.term);
    expect(grams).toContain('测试结果');
    expect(grams).not.toContain('测试结');
  });

  it('knows when a phrase is made of glossary keys', () => {
    const keys = new Set(['金融科技', '创新']);
    expect(coveredByKeys('金融科技创新', (s) => keys.has(s), 0)).toBe(true);
    expect(coveredByKeys('数据编织', (s) => keys.has(s), 1)).toBe(false);
  });

  it('ranks unknown candidates and leaves known terms out', () => {
    const texts = ['数据编织(Data Fabric)是一种架构。数据编织连接数据。数据编织很新。区块链(Blockchain)很老。区块链很老。'];
    const known = new Set([foldKey('区块链'), foldKey('blockchain')]);
    const r = mineCandidates(texts, { isKnown: (t) => known.has(t), fold: foldKey });
    expect(r.top[0]).toMatchObject({ term: '数据编织', count: 3 });
    expect(r.top.some((c) => c.term === '区块链')).toBe(false);
  });
});

describe("one definition of a Han character and of whitespace: the engine's", () => {
  it("the builder's Han class accepts exactly the code points the engine's isHan accepts", () => {
    const re = new RegExp(`^[${HAN}]$`, 'u');
    const differ: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // lone surrogates are not characters
      if (re.test(String.fromCodePoint(cp)) !== isHan(cp)) differ.push(cp.toString(16));
    }
    expect(differ.slice(0, 10)).toEqual([]);
  });

  it.each([
    ['区块链', 3],
    ['區塊鏈 API', 3],
    ['𠀀测试', 3], // extension B (a surrogate pair) is Han
    ['䷀', 0], // a Yijing hexagram (U+4DC0, inside 3400-9FFF) is not
    ['〇々', 0],
  ])('counts the Han characters of %s: %i', (s, n) => {
    expect(countHan(s)).toBe(n);
    expect(hasHan(s)).toBe(n > 0);
  });

  it("the builder's whitespace class accepts exactly what the engine's isWhitespaceUnit accepts", () => {
    const re = new RegExp(`^[${WHITESPACE}]$`, 'u');
    const differ: string[] = [];
    for (let u = 0; u <= 0xffff; u++) {
      if (u >= 0xd800 && u <= 0xdfff) continue;
      if (re.test(String.fromCharCode(u)) !== isWhitespaceUnit(u)) differ.push(u.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it.each([
    ['no-break, ideographic and narrow no-break spaces, a line break', '  a\u00a0\u3000b\u202fc\n', 'a b c'],
    ["NEL, a line break for the engine (not for JavaScript's \\s)", 'a\u0085b', 'a b'],
    ['line and paragraph separators', 'a\u2028\u2029b', 'a b'],
  ])('cleaning squeezes whitespace as the engine defines it: %s', (_, input, expected) => {
    expect(squeeze(input)).toBe(expected);
  });

  it('no script under glossary/scripts writes a Han range or a whitespace class of its own', () => {
    const dir = join(__dirname, '..', '..', 'glossary', 'scripts');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const own = /\\u\{?(?:3400|4e00|4dbf|9fff|9fa5|f900|faff|00a0|3000|202f)|\\p\{(?:Script=)?Han\}|0x(?:3400|4e00|9fff|f900)\b/i;
    const found = files.filter((f) => own.test(readFileSync(join(dir, f), 'utf8')));
    expect(found).toEqual([]);
  });
});
