// `check` and `convert` with the user's termbases: `--glossary` (any format, repeatable) adds to the
// bundled glossary, `--no-bundled` replaces it, the project file's `termbases` are read too; a user
// term's status gives forbidden-term / deprecated-term, its reviewed form is what `convert` writes;
// a termbase that cannot be read at all is a usage error (exit 2).
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './cliRun';

const run = (cwd: string, args: string[], input?: string) => runCli(cwd, args, { input });

const project = (files: Record<string, string>) => tempTree(files, 'fg-check-tb-');

/** The project's own entry format: a forbidden alias, and a Taiwan form the bundled glossary does not know. */
const YAML = `- zh: 合规机器人
  aliases: [合规小助手]
  en: [compliance bot]
  terms:
    合规小助手:
      status: forbidden
      replacedBy: 合规机器人
- zh: 监理沙箱
  en: [supervisory sandbox]
  forms:
    tw: 監理沙盒
    reason: the client's Taiwan office writes 沙盒.
`;

/** TBX with a deprecated term beside the preferred one. */
const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="settle-token">
  <langSec xml:lang="zh-CN">
    <termSec><term>清算代币</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
    <termSec><term>结算代币</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
  </langSec>
  <langSec xml:lang="en"><termSec><term>settlement token</term></termSec></langSec>
</conceptEntry>
</body></text>
</tbx>
`;

/** A bundled forbidden term (云計算) and three user terms. */
const DOC = '我们的合规小助手用结算代币，在监理沙箱里测试云計算。\n';

const findings = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(': ').slice(0, 2).join(': '));

describe('check with user termbases', () => {
  it('--glossary YAML and TBX add to the bundled glossary: user forbidden and deprecated terms are found', () => {
    const dir = project({ 'team.yaml': YAML, 't.tbx': TBX, 'a.md': DOC });
    expect(findings(run(dir, ['check', 'a.md']).stdout)).toEqual(['a.md:1:23: information forbidden-term']);
    const r = run(dir, ['check', '--format', 'json', '--glossary', 'team.yaml', '--glossary', 't.tbx', 'a.md']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { code: string; term: string; column: number; suggestions: string[] }[];
    expect(out.map((f) => [f.column, f.code, f.term, f.suggestions])).toEqual([
      [4, 'forbidden-term', '合规小助手', ['合规机器人']],
      [10, 'deprecated-term', '结算代币', ['清算代币']],
      [23, 'forbidden-term', '云計算', ['云计算']],
    ]);
  });

  it('--no-bundled leaves the bundled glossary out', () => {
    const dir = project({ 't.tbx': TBX, 'a.md': DOC });
    expect(findings(run(dir, ['check', '--no-bundled', '--glossary', 't.tbx', 'a.md']).stdout)).toEqual([
      'a.md:1:10: information deprecated-term',
    ]);
  });

  it("the project file's termbases are read (relative to the project root), and its severities apply to them", () => {
    const dir = project({
      'a.md': '风控小助手很好用。\n',
      '.fintech-glossary.yaml': 'termbases: [terms/risk.csv]\nseverity:\n  forbidden-term: warning\n',
    });
    mkdirSync(join(dir, 'terms'));
    writeFileSync(join(dir, 'terms', 'risk.csv'), 'zh-CN,en,status\n风控小助手,risk bot,forbidden\n');
    const r = run(dir, ['check', 'a.md']);
    expect([r.status, findings(r.stdout)]).toEqual([1, ['a.md:1:1: warning forbidden-term']]);
  });

  it("the project file's termbase globs match as in the editor: nested folders, no node_modules", () => {
    const dir = project({
      'a.md': '风控小助手和合规小助手。\n',
      '.fintech-glossary.yaml': "termbases: ['terms/**/*.csv', terms/risk.csv]\n",
    });
    mkdirSync(join(dir, 'terms', 'team'), { recursive: true });
    mkdirSync(join(dir, 'node_modules', 'terms'), { recursive: true });
    writeFileSync(join(dir, 'terms', 'risk.csv'), 'zh-CN,en,status\n风控小助手,risk bot,forbidden\n');
    writeFileSync(join(dir, 'terms', 'team', 'compliance.csv'), 'zh-CN,en,status\n合规小助手,compliance bot,deprecated\n');
    // a termbase under node_modules is not the project's (as the editor's search leaves it out)
    writeFileSync(join(dir, 'node_modules', 'terms', 'x.csv'), 'zh-CN,en,status\n风控小助手,risk bot,preferred\n');
    const r = run(dir, ['check', 'a.md']);
    expect([r.status, findings(r.stdout), r.stderr]).toEqual([
      1,
      ['a.md:1:1: information forbidden-term', 'a.md:1:7: information deprecated-term'],
      // the one the glob found is said (the one the file names is not, though the glob finds it too)
      'fintech-glossary: using termbase terms/team/compliance.csv (.fintech-glossary.yaml)\n',
    ]);
    // a file the glob finds that is no termbase, or has no Chinese term, is skipped with a message, as in the editor
    writeFileSync(join(dir, 'terms', 'readme.md'), '# Our terms\n');
    writeFileSync(join(dir, 'terms', 'english.csv'), 'en,definition\nledger,a book\n');
    writeFileSync(join(dir, '.fintech-glossary.yaml'), "termbases: ['terms/**']\n");
    const found = run(dir, ['check', 'a.md']);
    expect([found.status, findings(found.stdout)]).toEqual([
      1,
      ['a.md:1:1: information forbidden-term', 'a.md:1:7: information deprecated-term'],
    ]);
    expect(found.stderr).toContain('skipped terms/readme.md');
    expect(found.stderr).toContain('skipped terms/english.csv');
    // named, it must be read
    writeFileSync(join(dir, '.fintech-glossary.yaml'), 'termbases: [terms/readme.md]\n');
    expect(run(dir, ['check', 'a.md']).status).toBe(2);
    // a glob that matches nothing adds nothing (as in the editor); a named file that is missing exits 2
    writeFileSync(join(dir, '.fintech-glossary.yaml'), "termbases: ['glossaries/*.tbx']\n");
    expect(run(dir, ['check', 'a.md']).status).toBe(0);
  });

  it('a termbase that cannot be read at all exits 2 and says which', () => {
    const dir = project({ 'a.md': DOC, 'x.tbx': '<html/>' });
    mkdirSync(join(dir, 'folder.tbx'));
    for (const bad of ['missing.tbx', 'x.tbx', 'folder.tbx']) {
      const r = run(dir, ['check', '--glossary', bad, 'a.md']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(bad);
      expect(r.stdout).toBe('');
    }
    writeFileSync(join(dir, '.fintech-glossary.yaml'), 'termbases: [gone.csv]\n');
    const r = run(dir, ['check', 'a.md']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cannot read the glossary gone.csv (.fintech-glossary.yaml): no such file');
  });

  it('a sheet that gives terms only for Taiwan makes up no Hong Kong words; in Taiwan it points to its terms', () => {
    const dir = project({
      'tw.tsv': 'en\tzh-TW\nsoftware\t軟體\ninformation security\t資訊安全\ncustomer data\t客戶資料\n',
      'hk.md': '<!-- fintech-glossary-variant: zh-HK -->\n這套軟體的資訊安全與客戶資料。\n',
      'tw.md': '<!-- fintech-glossary-variant: zh-TW -->\n這套軟件的信息安全。\n',
    });
    const check = (file: string) => run(dir, ['check', '--no-bundled', '--glossary', 'tw.tsv', '--format', 'json', file]);
    // Hong Kong: the sheet says nothing of it (no mainland words in traditional characters as advice)
    expect([check('hk.md').status, check('hk.md').stdout.trim()]).toEqual([0, '[]']);
    const tw = check('tw.md');
    expect(tw.status).toBe(1);
    expect(
      (JSON.parse(tw.stdout) as { code: string; term: string; suggestions: string[] }[]).map((f) => [f.code, f.term, f.suggestions]),
    ).toEqual([
      ['regional-variant', '軟件', ['軟體']],
      ['regional-variant', '信息安全', ['資訊安全']],
    ]);
    // converting the Taiwan text for Hong Kong keeps the sheet's words
    const hk = run(dir, ['convert', '--no-bundled', '--glossary', 'tw.tsv', '--variant', 'zh-TW', '--to', 'zh-HK'], '資訊安全與客戶資料\n');
    expect(hk.stdout).toBe('資訊安全與客戶資料\n');
  });

  it('malformed rows in a readable termbase are warnings on stderr, and the rest is used', () => {
    const dir = project({ 'a.md': '风控小助手很好用。\n', 'risk.csv': 'zh-CN,en,status\n,,forbidden\n风控小助手,risk bot,forbidden\n' });
    const r = run(dir, ['check', '--glossary', 'risk.csv', 'a.md']);
    expect([r.status, findings(r.stdout)]).toEqual([1, ['a.md:1:1: information forbidden-term']]);
    expect(r.stderr).toContain('risk.csv:2:1: warning: row 2: no Chinese or English term; skipped');
    // a row with a quote left open (an error to validate) is skipped, and the rest loads: a warning here
    writeFileSync(join(dir, 'risk.csv'), 'zh-CN,en,status\n"open,x,forbidden\n风控小助手,risk bot,forbidden\n');
    const open = run(dir, ['check', '--glossary', 'risk.csv', 'a.md']);
    expect([open.status, findings(open.stdout)]).toEqual([1, ['a.md:1:1: information forbidden-term']]);
    expect(open.stderr).toMatch(/^risk\.csv:2:1: warning: row 2: /m);
    expect(run(dir, ['validate', 'risk.csv']).stdout).toMatch(/^risk\.csv:2:1: error: row 2: /m);
  });
});

describe('convert with user termbases', () => {
  it("a user term's reviewed Taiwan form is what convert writes (YAML and TSV)", () => {
    const dir = project({ 'team.yaml': YAML, 'tw.tsv': 'en\tzh-CN\tzh-TW\nsupervisory sandbox\t监理沙箱\t監理沙盒\n' });
    const text = '在监理沙箱里测试。\n';
    expect(run(dir, ['convert', '--to', 'zh-TW'], text).stdout).toBe('在監理沙箱裡測試。\n');
    expect(run(dir, ['convert', '--to', 'zh-TW', '--glossary', 'team.yaml'], text).stdout).toBe('在監理沙盒裡測試。\n');
    expect(run(dir, ['convert', '--to', 'zh-TW', '--glossary', 'tw.tsv', '-'], text).stdout).toBe('在監理沙盒裡測試。\n');
  });

  it("the project file's termbases are used; the bundled glossary stays unless --no-bundled", () => {
    const dir = project({ 'team.yaml': YAML, '.fintech-glossary.yaml': 'termbases: [team.yaml]\n' });
    const r = run(dir, ['convert', '--to', 'zh-TW'], '监理沙箱和数字货币\n');
    expect([r.status, r.stdout]).toEqual([0, '監理沙盒和數位貨幣\n']);
    // without the bundled glossary, 数字货币 goes through plain OpenCC
    expect(run(dir, ['convert', '--to', 'zh-TW', '--no-bundled'], '监理沙箱和数字货币\n').stdout).toBe('監理沙盒和數字貨幣\n');
  });

  it('an unreadable --glossary exits 2 and writes nothing', () => {
    const r = run(tmpdir(), ['convert', '--to', 'zh-TW', '--glossary', '/nonexistent/x.csv'], '监理沙箱\n');
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('cannot read the glossary /nonexistent/x.csv: no such file');
  });
});
