/**
 * The CLI's termbase contract: `lookup --glossary` adds to the bundled glossary (`--no-bundled`
 * replaces it), `validate` prints file:line:col diagnostics and exits 1 on errors, `export` writes
 * TBX (v3 by default, v2 on request) and CSV that read back as the same entries.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '../../bin/fintech-glossary.js');
const FIXTURES = resolve(__dirname, '../fixtures/termbases');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const tmp = () => mkdtempSync(join(tmpdir(), 'fg-cli-'));

interface Item {
  id: string;
  zhHans: string;
  en: string[];
  match: string;
  glossary?: string;
  line?: number;
  terms: { text: string; status: string }[];
}

describe('lookup --glossary', () => {
  it('adds a termbase to the bundled glossary; user entries carry their file and line', () => {
    const tbx = join(FIXTURES, 'ms-style-v2.tbx');
    const run = cli('lookup', '--json', '--glossary', tbx, '托管账户');
    expect(run.status).toBe(0);
    const items = JSON.parse(run.stdout) as Item[];
    expect(items[0]).toMatchObject({ id: 'mt-2', glossary: tbx, line: 33, match: 'exact' });
    // the bundled glossary is still there
    expect(JSON.parse(cli('lookup', '--json', '--glossary', tbx, '区块链').stdout)[0]).toMatchObject({ id: 'blockchain' });
    expect(JSON.parse(cli('lookup', '--json', '--glossary', tbx, '区块链').stdout)[0].glossary).toBeUndefined();
  });

  it('--no-bundled replaces the bundled glossary; --glossary is repeatable, in order', () => {
    const a = join(FIXTURES, 'client-sheet.csv'),
      b = join(FIXTURES, 'ms-style-v2.tbx');
    expect(cli('lookup', '--no-bundled', '--glossary', a, '区块链').status).toBe(1);
    const both = JSON.parse(cli('lookup', '--json', '--no-bundled', '--glossary', a, '--glossary', b, 'escrow account').stdout) as Item[];
    expect(both.map((e) => e.glossary)).toEqual([a, b]);
    const reversed = JSON.parse(
      cli('lookup', '--json', '--no-bundled', '--glossary', b, '--glossary', a, 'escrow account').stdout,
    ) as Item[];
    expect(reversed.map((e) => e.glossary)).toEqual([b, a]);
  });

  it('plain output names the file and line; malformed rows are warnings on stderr and the rest loads', () => {
    const run = cli('lookup', '--glossary', join(FIXTURES, 'client-sheet.csv'), 'settlement finality');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`from ${join(FIXTURES, 'client-sheet.csv')}:5`);
    expect(run.stderr).toContain('client-sheet.csv:6:1: warning: row 5 (line 6): no Chinese or English term; skipped');
  });

  it('a file that cannot be read at all exits 2', () => {
    expect(cli('lookup', '--glossary', '/nonexistent.tbx', 'x').status).toBe(2);
    const dir = tmp();
    writeFileSync(join(dir, 'x.tbx'), '<html/>');
    const run = cli('lookup', '--glossary', join(dir, 'x.tbx'), 'x');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not a TBX file: the root element is <html>/);
  });
});

describe('validate', () => {
  it('prints file:line:col: severity: message and exits 1 when there is an error', () => {
    const file = join(FIXTURES, 'ms-style-v2.tbx');
    const run = cli('validate', file);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')).toContain(`${file}:45:11: error: line 45: <tig> without <term>; skipped`);
  });

  it('warnings alone exit 0; a clean file prints nothing on stdout', () => {
    expect(cli('validate', join(FIXTURES, 'client-sheet.csv')).status).toBe(0);
    const clean = cli('validate', join(FIXTURES, 'dct-v3.tbx'), join(FIXTURES, 'basic-v3.tbx'));
    expect([clean.status, clean.stdout]).toEqual([0, '']);
  });

  it('a sheet saved in a legacy encoding (GBK, Big5) is an error at its line, not garbage terms', () => {
    const dir = tmp();
    const ascii = (t: string) => [...Buffer.from(t, 'latin1')];
    // 移动钱包 in GBK, 行動支付 in Big5
    const gbk = join(dir, 'gbk.csv'),
      big5 = join(dir, 'big5.csv');
    writeFileSync(gbk, Buffer.from([...ascii('en,zh-CN\r\nmobile wallet,'), 210, 198, 182, 175, 199, 174, 176, 252, ...ascii('\r\n')]));
    writeFileSync(big5, Buffer.from([...ascii('en,zh-TW\nmobile payment,'), 166, 230, 176, 202, 164, 228, 165, 73, ...ascii('\n')]));
    for (const file of [gbk, big5]) {
      const run = cli('validate', file);
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(
        new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')}:2:1: error: not UTF-8 text: line 2 has bytes UTF-8 cannot read`),
      );
      // named with --glossary, it cannot be read at all
      expect(cli('lookup', '--no-bundled', '--glossary', file, 'mobile').status).toBe(2);
    }
  });

  it('UTF-16 files with a byte-order mark (Windows "Unicode" exports) and a YAML file with a UTF-8 BOM are read', () => {
    const dir = tmp();
    const tbx = readFileSync(join(FIXTURES, 'dct-v3.tbx'), 'utf8');
    const le = join(dir, 'le.tbx'),
      be = join(dir, 'be.csv'),
      yaml = join(dir, 'bom.yaml');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tbx, 'utf16le')]));
    const swapped = Buffer.from('en,zh-CN\r\nmobile wallet,移动钱包\r\n', 'utf16le').swap16();
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), swapped]));
    writeFileSync(yaml, '\uFEFF- id: y1\n  zh: 保理\n  en: [factoring]\n');
    expect(cli('validate', le).stderr).toBe(`${le}: ${cli('validate', join(FIXTURES, 'dct-v3.tbx')).stderr.split(': ')[1]}`);
    for (const [file, term, zh] of [
      [be, 'mobile wallet', '移动钱包'],
      [yaml, 'factoring', '保理'],
    ]) {
      const run = cli('lookup', '--json', '--no-bundled', '--glossary', file!, term!);
      expect([run.status, run.stderr]).toEqual([0, '']);
      expect((JSON.parse(run.stdout) as Item[])[0]!.zhHans).toBe(zh);
    }
  });

  it('lookup --json gives every entry its terms, one whose terms are the defaults too', () => {
    const dir = tmp();
    const yaml = join(dir, 'team.yaml');
    writeFileSync(yaml, '- id: y1\n  zh: 保理甲\n  en: [factoring a]\n');
    const [item] = JSON.parse(cli('lookup', '--json', '--no-bundled', '--glossary', yaml, '保理甲').stdout) as Item[];
    expect(item!.terms?.map((t) => `${t.text} ${t.status}`)).toEqual(['保理甲 preferred', 'factoring a preferred']);
  });

  it('lookup prints an English-only or Chinese-only entry without an empty side, a definition on one line', () => {
    const dir = tmp();
    const csv = join(dir, 'one-side.csv');
    writeFileSync(csv, 'zh-CN,en,definition\n只有中文,,"第一行\n第二行"\n,only english,\n');
    const zh = cli('lookup', '--no-bundled', '--glossary', csv, '只有中文');
    expect(zh.stdout.split('\n').slice(0, 2)).toEqual(['只有中文  [one-side-2]', '  第一行 第二行']);
    expect(cli('lookup', '--no-bundled', '--glossary', csv, 'only english').stdout.split('\n')[0]).toBe('only english  [one-side-4]');
  });

  it('a YAML termbase with one badly indented entry: the error at its line, exit 1, the other entries load', () => {
    const dir = tmp();
    const yaml = join(dir, 'team.yaml');
    writeFileSync(yaml, '- zh: 保理甲\n  en: [factoring a]\n- zh: 保理乙\n en: [factoring b]\n- zh: 保理丙\n  en: [factoring c]\n');
    const run = cli('validate', yaml);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(`${yaml}:4:1: error: entry 2: YAML: Sequence item without - indicator; skipped\n`);
    expect(run.stderr).toBe(`${yaml}: 2 entries (yaml)\n`);
    const found = cli('lookup', '--json', '--no-bundled', '--glossary', yaml, 'factoring c');
    expect(found.status).toBe(0);
    expect((JSON.parse(found.stdout) as Item[])[0]).toMatchObject({ zhHans: '保理丙', line: 5 });
  });

  it('a term in the other script than its column is a warning (exit 0), and the term loads', () => {
    const dir = tmp();
    const csv = join(dir, 'scripts.csv');
    // the bundled glossary's own forms are no mistake (昇腾, Taiwan's 雇主); a forbidden term is not checked
    writeFileSync(
      csv,
      'en,zh-CN,zh-TW,status\nbank,銀行,银行,\nfintech,金融科技,金融科技,\nAscend,昇腾,,\nemployer,,雇主意外責任保險,\n,分布式架構,,forbidden\n',
    );
    const run = cli('validate', csv);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      `${csv}:2:1: warning: row 2: 銀行 has traditional characters (銀), but zh-CN is simplified Chinese (银行?)`,
      `${csv}:2:1: warning: row 2: 银行 has simplified characters (银), but zh-TW is traditional Chinese (銀行?)`,
      '',
    ]);
    expect(run.stderr).toBe(`${csv}: 5 entries (csv)\n`);
    // lookup --glossary reads it the same way (its warnings on stderr)
    expect(
      cli('lookup', '--glossary', csv, '昇腾')
        .stderr.split('\n')
        .filter((l) => l.includes('warning')),
    ).toHaveLength(2);
  });

  it('a sheet saved by Excel as "Unicode Text" (UTF-16, tab-separated, .txt) is read with its header', () => {
    const dir = tmp();
    const txt = join(dir, 'terms.txt');
    const text = 'id\tzh-CN\ten\r\nbank\t银行\tbank\r\nwallet\t钱包\twallet\r\n';
    writeFileSync(txt, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const run = cli('validate', txt);
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', `${txt}: 2 entries (tsv)\n`]);
    const found = JSON.parse(cli('lookup', '--json', '--no-bundled', '--glossary', txt, 'wallet').stdout) as Item[];
    expect(found.map((e) => [e.id, e.zhHans, e.line])).toEqual([['wallet', '钱包', 3]]);
  });

  it('a missing file is a usage error (exit 2)', () => {
    expect(cli('validate', '/nonexistent.csv').status).toBe(2);
    expect(cli('validate').status).toBe(2);
  });
});

describe('export', () => {
  it('TBX v3 by default, v2 on request, CSV with language-coded headers; each reads back the same', () => {
    const dir = tmp();
    const src = join(FIXTURES, 'dct-v3.tbx');
    const v3 = join(dir, 'out.tbx'),
      v2 = join(dir, 'out2.tbx'),
      csv = join(dir, 'out.csv');
    expect(cli('export', '--format', 'tbx', '--no-bundled', '--glossary', src, '-o', v3).status).toBe(0);
    expect(readFileSync(v3, 'utf8')).toContain('<tbx type="TBX-Basic" style="dca"');
    expect(cli('export', '--format', 'tbx', '--tbx-version', '2', '--no-bundled', '--glossary', src, '-o', v2).status).toBe(0);
    expect(readFileSync(v2, 'utf8')).toContain('<martif type="TBX-Basic"');
    expect(cli('export', '--format', 'csv', '--no-bundled', '--glossary', src, '-o', csv).status).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toBe(
      '\uFEFFid,zh-Hans,zh-Hant,zh-TW,zh-HK,en,abbreviation,status,partOfSpeech,definition-en,definition-zh,note,domain',
    );
    const strip = (items: Item[]) => items.map(({ glossary: _g, line: _l, origin: _o, ...rest }: Item & { origin?: string }) => rest);
    const original = strip(JSON.parse(cli('lookup', '--json', '--no-bundled', '--glossary', src, '智能投顾').stdout));
    for (const file of [v3, v2])
      expect(strip(JSON.parse(cli('lookup', '--json', '--no-bundled', '--glossary', file, '智能投顾').stdout))).toEqual(original);
    const fromCsv = JSON.parse(cli('lookup', '--json', '--no-bundled', '--glossary', csv, '智能投顾').stdout) as Item[];
    expect(fromCsv.map((e) => [e.id, e.zhHans, e.en])).toEqual(original.map((e) => [e.id, e.zhHans, e.en]));
  });

  it('the whole bundled glossary exports and validates with as many entries, without a warning (TBX v3, v2, CSV)', () => {
    const dir = tmp();
    const bundled = JSON.parse(readFileSync(resolve(__dirname, '../../dist/glossary.json'), 'utf8')).entries.length;
    for (const [name, ...args] of [['all.tbx'], ['all-v2.tbx', '--tbx-version', '2'], ['all.csv']]) {
      const out = join(dir, name!);
      expect(cli('export', '--format', name!.endsWith('.csv') ? 'csv' : 'tbx', ...args, '-o', out).status).toBe(0);
      const run = cli('validate', out);
      expect([run.status, run.stdout]).toEqual([0, '']);
      expect(run.stderr).toBe(`${out}: ${bundled} entries (${name!.endsWith('.csv') ? 'csv' : 'tbx'})\n`);
    }
  });

  it('a wrong --format or --tbx-version is a usage error', () => {
    expect(cli('export', '--format', 'xlsx').status).toBe(2);
    expect(cli('export', '--format', 'tbx', '--tbx-version', '4').status).toBe(2);
    // a TBX version with CSV is a mistake, not an option to pass over
    const csv = cli('export', '--format', 'csv', '--tbx-version', '2');
    expect([csv.status, csv.stderr.trim()]).toEqual([2, 'fintech-glossary: --tbx-version applies to --format tbx']);
    expect(cli('export').status).toBe(2);
  });
});
