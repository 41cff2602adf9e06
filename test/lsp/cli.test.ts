import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '../../bin/fintech-glossary.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('fintech-glossary lookup (the CLI contract other tools rely on)', () => {
  it.each([['区块链'], ['區塊鏈'], ['blockchain'], ['Blockchains']])('--json %s prints the entry with the stable fields', (term) => {
    const run = cli('lookup', '--json', term);
    expect(run.status).toBe(0);
    const entries = JSON.parse(run.stdout) as Record<string, unknown>[];
    const e = entries.find((x) => x.id === 'blockchain')!;
    expect(e).toMatchObject({ zhHans: '区块链', zhHant: '區塊鏈' });
    expect(e.en).toEqual(expect.arrayContaining(['blockchain']));
    expect((e.en as string[])[0]).toBe('blockchain');
    expect(typeof e.definitionEn).toBe('string');
    expect(typeof e.definitionZh).toBe('string');
  });

  it('finds an acronym and a multi-word English term given as several arguments', () => {
    expect(JSON.parse(cli('lookup', '--json', 'KYC').stdout)[0].abbr).toContain('KYC');
    expect(JSON.parse(cli('lookup', '--json', 'smart', 'contract').stdout)[0].zhHans).toBe('智能合约');
  });

  it.each([
    ['數位貨幣', 'digital-currency'],
    ['行動支付', 'mobile-payment'],
    ['雲端運算', 'cloud-computing'],
    ['流動支付', 'mobile-payment'],
  ])('reviewed Taiwan or Hong Kong vocabulary %s finds %s', (term, id) => {
    expect(JSON.parse(cli('lookup', '--json', term).stdout).map((e: { id: string }) => e.id)).toContain(id);
  });

  it('--json prints the termbase fields: part of speech, historical note, provenance, quote, per-term data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-cli-'));
    const entry = JSON.parse(readFileSync(resolve(__dirname, '../unit/fixtures/blockchain.entry.json'), 'utf8'));
    const extra = {
      pos: 'noun',
      historical: { note: 'Replaced in 2023.', from: '2018', until: '2023' },
      provenance: { en: ['market'], reviewedBy: 'review', reviewed: '2026-11-29' },
      quote: { text: '区块链技术。', cite: { doc: '001', title: 'T', line: 5 } },
      terms: [
        { text: '区块链', lang: 'zh', role: 'headword', status: 'preferred', geo: ['cn'], register: 'technical' },
        { text: '区块链技术', lang: 'zh', role: 'variant', status: 'forbidden', replacedBy: '区块链' },
      ],
    };
    const file = join(dir, 'g.json');
    writeFileSync(file, JSON.stringify({ format: 'fintech-glossary/compiled@1', entries: [{ ...entry, ...extra }] }));
    try {
      const run = cli('lookup', '--json', '--glossary', file, '区块链');
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)[0]).toMatchObject(extra);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 with a message and an empty array when nothing matches', () => {
    const run = cli('lookup', '--json', 'zzqqxx');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([]);
    const plain = cli('lookup', 'zzqqxx');
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain('no glossary entry');
  });

  it('prints a readable card without --json', () => {
    const run = cli('lookup', 'KYC');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/了解你的客户 · 了解你的客戶 · know your customer/);
  });

  it("prints each term's sense and usage notes and the reason a regional form was reviewed", () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-cli-'));
    const file = join(dir, 'g.json');
    const entry = {
      id: 'interim-report',
      zhHans: '中期报告',
      zhHant: '中期報告',
      zhTw: '期中報告',
      zhAliases: ['半年报', '中期报表'],
      en: ['interim report'],
      abbr: [],
      definitionEn: '',
      definitionZh: '',
      domain: 'accounting',
      related: [],
      status: 'preferred',
      examples: [],
      occurrences: 0,
      origin: 'bundled',
      terms: [
        { text: '中期报告', lang: 'zh', role: 'headword', scripts: ['zh-Hans'], status: 'preferred' },
        {
          text: '中期報告',
          lang: 'zh',
          role: 'headword',
          scripts: ['zh-Hant', 'zh-HK'],
          status: 'preferred',
          review: { state: 'generated' },
        },
        {
          text: '期中報告',
          lang: 'zh',
          role: 'headword',
          scripts: ['zh-TW'],
          status: 'preferred',
          review: { state: 'reviewed', reason: 'Taiwan says 期中 for interim periods.' },
        },
        { text: '半年报', lang: 'zh', role: 'variant', status: 'admitted', sense: '仅指半年度报告。' },
        { text: '中期报表', lang: 'zh', role: 'variant', status: 'deprecated', usage: '旧称，\n现称中期报告。' },
        { text: 'interim report', lang: 'en', role: 'headword', status: 'preferred' },
      ],
    };
    writeFileSync(file, JSON.stringify({ format: 'fintech-glossary/compiled@1', entries: [entry] }));
    try {
      const run = cli('lookup', '--no-bundled', '--glossary', file, '中期报告');
      expect(run.status).toBe(0);
      expect(run.stdout.split('\n').slice(0, 5)).toEqual([
        '中期报告 · 中期報告 · interim report  [interim-report]',
        '  Taiwan: 期中報告',
        '  期中報告 — reviewed: Taiwan says 期中 for interim periods.',
        '  半年报 — sense: 仅指半年度报告。',
        '  中期报表 (deprecated) — usage: 旧称， 现称中期报告。',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a usage error, with exit 2, when the term is missing', () => {
    const run = cli('lookup');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/missing required argument/);
  });
});

describe('the CLI contract: exit 0 found, 1 nothing found, 2 usage or input error', () => {
  it.each([
    ['an empty term', ['lookup', ''], /the term is empty/],
    ['a blank term', ['lookup', '  '], /the term is empty/],
    ['an unknown flag', ['lookup', '--foo', 'x'], /unknown option '--foo'/],
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['no command', [], /Usage: fintech-glossary/],
    [
      'a missing glossary',
      ['lookup', '--glossary', '/nonexistent/g.json', 'x'],
      /cannot read the glossary \/nonexistent\/g\.json: no such file/,
    ],
    ['a directory as glossary', ['lookup', '--glossary', '/tmp', 'x'], /it is a directory/],
  ])('%s exits 2', (_name, args, message) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('a --glossary file that is not a termbase is an input error that does not echo the file', () => {
    const run = cli('lookup', '--glossary', resolve(__dirname, '../../README.md'), 'x');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/README\.md: not a termbase/);
    expect(run.stderr).not.toContain('Fintech');
  });

  it('--version prints the version of package.json, --help exits 0', () => {
    const { version } = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
    const run = cli('--version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
    expect(cli('--help').status).toBe(0);
  });

  it('exact hits and prefix suggestions are told apart, in JSON and in plain output', () => {
    const exact = JSON.parse(cli('lookup', '--json', '区块链').stdout) as { id: string; match: string }[];
    expect(exact.map((e) => [e.id, e.match])).toEqual([['blockchain', 'exact']]);
    const prefix = cli('lookup', '--json', '区块');
    expect(prefix.status).toBe(1);
    const items = JSON.parse(prefix.stdout) as { id: string; match: string }[];
    expect(items.map((e) => e.id)).toContain('blockchain');
    expect(items.every((e) => e.match === 'prefix')).toBe(true);
    const plain = cli('lookup', '区块');
    expect(plain.status).toBe(1);
    expect(plain.stdout.split('\n')[0]).toBe('no entry for 区块; terms that start with it:');
  });

  it('prints a form once when simplified and traditional are the same', () => {
    expect(cli('lookup', '第三方支付').stdout.split('\n')[0]).toBe('第三方支付 · third-party payment  [third-party-payment]');
  });

  it('terminal control characters in a term are not echoed raw', () => {
    const run = cli('lookup', 'zz\u001b]0;pwned\u0007qq');
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/[\u001b\u0007]/);
    expect(run.stderr).toContain('\\u001b');
  });
});

describe('output piped into a reader that stops early', () => {
  it('export | head -n 1: the CLI stops quietly, no error on stderr', () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" export --format csv | head -n 1`], { encoding: 'utf8' });
    expect(run.stdout.split('\n')[0]).toMatch(/^\uFEFF?id,/);
    expect(run.stderr).toBe('');
  });
});

describe('fintech-glossary lsp', () => {
  it('--glossary, which adds a termbase everywhere else, is a usage error saying what to use', () => {
    const run = cli('lsp', '--stdio', '--glossary', 'examples/client-termbase.tbx');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('lsp takes no --glossary');
    expect(run.stderr).toContain('--bundled-glossary');
  });

  it('--bundled-glossary given a termbase instead of a compiled glossary is a usage error naming the way to use it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-bundled-'));
    // a sheet named without its extension still says what it is by its first characters: TBX's <, YAML's -
    writeFileSync(join(dir, 'terms'), '- zh: 风控小助手\n  en: [risk bot]\n');
    for (const [file, kind] of [
      ['examples/client-termbase.tbx', 'TBX termbase'],
      ['examples/glossary.csv', 'CSV termbase'],
      ['examples/team-terms.yaml', 'YAML termbase'],
      [join(dir, 'terms'), 'YAML termbase'],
    ] as const) {
      const run = spawnSync(process.execPath, [BIN, 'lsp', '--stdio', '--bundled-glossary', file], {
        encoding: 'utf8',
        cwd: resolve(__dirname, '../..'),
        input: '',
        timeout: 20_000,
      });
      expect([run.status, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toContain(
        `fintech-glossary: --bundled-glossary takes a compiled glossary (JSON, as \`npm run build\` writes it); ${file} is a ${kind}: name it in the project file's termbases (.fintech-glossary.yaml) or in the fintechGlossary.glossaries setting`,
      );
    }
    expect(cli('lsp', '--help').stdout.replace(/\s+/g, ' ')).toContain(
      'a termbase (TBX, CSV/TSV, OmegaT, YAML) is a usage error: name it in the project file or the fintechGlossary.glossaries setting',
    );
  });
});
