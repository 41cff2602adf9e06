// `check` and `convert` read the termbases the editor finds in a workspace folder: the default
// `fintechGlossary.glossaries` globs (**/*.tbx, **/glossary.csv, …), under the project file's folder
// or else the repository's top, node_modules and dot folders left out. A discovered file that cannot
// be used is a warning, never exit 2; `--no-discovery` turns the search off.
import { existsSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './cliRun';

const run = (cwd: string, args: string[], input?: string) => runCli(cwd, args, { input, search: true });

const tree = (files: Record<string, string>) => tempTree(files, 'fg-discovery-');

/** A client's termbase: 风控小助手 forbidden (use 风控机器人), and 监理沙箱 with its Taiwan form 監理沙盒. */
const CLIENT_TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="risk-bot">
  <langSec xml:lang="zh-CN">
    <termSec><term>风控机器人</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
    <termSec><term>风控小助手</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote><note>forbidden</note></termSec>
  </langSec>
  <langSec xml:lang="en"><termSec><term>risk bot</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="sandbox">
  <langSec xml:lang="zh-CN"><termSec><term>监理沙箱</term></termSec></langSec>
  <langSec xml:lang="zh-TW"><termSec><term>監理沙盒</term></termSec></langSec>
  <langSec xml:lang="en"><termSec><term>supervisory sandbox</term></termSec></langSec>
</conceptEntry>
</body></text>
</tbx>
`;

/** Is the temporary folder inside a git work tree (its folders then have a repository top)? */
const tmpInRepository = (() => {
  for (let dir = realpathSync(tmpdir()); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return true;
    if (dirname(dir) === dir) return false;
  }
})();

const FINDING = 'a.md:1:1: information forbidden-term: “风控小助手” is a forbidden term (risk bot): use “风控机器人”.\n';
const DOC = '风控小助手很好用。\n';

describe('check and convert find the termbases the editor finds', () => {
  it('a repository with terms/client.tbx: check from a subdirectory reports its forbidden term; --no-discovery does not', () => {
    const repo = tree({ '.git/': '', 'terms/client.tbx': CLIENT_TBX, 'docs/a.md': DOC });
    const r = run(join(repo, 'docs'), ['check', 'a.md']);
    // the termbase the search found is named on stderr
    expect([r.status, r.stdout, r.stderr]).toEqual([1, FINDING, 'fintech-glossary: using termbase ../terms/client.tbx (found)\n']);
    // --format json says nothing of it: stderr stays for problems
    const json = run(join(repo, 'docs'), ['check', '--format', 'json', 'a.md']);
    expect([json.status, json.stderr]).toEqual([1, '']);
    const off = run(join(repo, 'docs'), ['check', '--no-discovery', 'a.md']);
    expect([off.status, off.stdout, off.stderr]).toEqual([0, '', '']);
  });

  it('convert writes a discovered termbase’s Taiwan form; --no-discovery does not', () => {
    const repo = tree({ '.git/': '', 'terms/client.tbx': CLIENT_TBX, 'docs/deep/': '' });
    const cwd = join(repo, 'docs', 'deep');
    expect(run(cwd, ['convert', '--to', 'zh-TW'], '在监理沙箱里测试。\n').stdout).toBe('在監理沙盒裡測試。\n');
    expect(run(cwd, ['convert', '--to', 'zh-TW', '--no-discovery'], '在监理沙箱里测试。\n').stdout).toBe('在監理沙箱裡測試。\n');
  });

  it('the default globs find glossary.csv and termbase.tsv sheets anywhere, not only TBX', () => {
    const repo = tree({
      '.git/': '',
      'a.md': '风控小助手和合规小助手。\n',
      'team/glossary.csv': 'zh-CN,en,status\n风控小助手,risk bot,forbidden\n',
      'legal/termbase.tsv': 'zh-CN\ten\tstatus\n合规小助手\tcompliance bot\tdeprecated\n',
      'other/risk.csv': 'zh-CN,en,status\n合规小助手,compliance bot,forbidden\n',
    });
    const r = run(repo, ['check', 'a.md']);
    expect([r.status, r.stdout.split('\n').map((l) => l.split(': ').slice(0, 2).join(': ')), r.stderr]).toEqual([
      1,
      ['a.md:1:1: information forbidden-term', 'a.md:1:7: information deprecated-term', ''],
      'fintech-glossary: using termbase team/glossary.csv (found)\nfintech-glossary: using termbase legal/termbase.tsv (found)\n',
    ]);
  });

  it('termbases under node_modules and dot folders are not read', () => {
    const repo = tree({
      '.git/': '',
      'node_modules/pkg/client.tbx': CLIENT_TBX,
      '.hidden/client.tbx': CLIENT_TBX,
      'docs/.cache/client.tbx': CLIENT_TBX,
      'docs/a.md': DOC,
    });
    const r = run(join(repo, 'docs'), ['check', 'a.md']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('a malformed or unusable discovered termbase is a warning and the rest loads (never exit 2)', () => {
    const repo = tree({
      '.git/': '',
      'terms/client.tbx': CLIENT_TBX,
      'terms/broken.tbx': '<?xml version="1.0"?>\n<tbx><text><body><conceptEntry><langSec xml:lang="zh-CN"><termSec><term>监理',
      'terms/page.tbx': '<html><body>not a termbase</body></html>\n',
      'docs/a.md': DOC,
    });
    const r = run(join(repo, 'docs'), ['check', 'a.md']);
    expect([r.status, r.stdout]).toEqual([1, FINDING]);
    // skipped, it says so once: not its problems as well, as if it were used
    expect(r.stderr).not.toContain('../terms/broken.tbx:2:');
    expect(r.stderr).toContain('fintech-glossary: skipped ../terms/broken.tbx: no Chinese term in this file');
    expect(r.stderr).toContain('fintech-glossary: skipped ../terms/page.tbx: ');
    // with --format github, annotations on the files, by their path in the repository
    const gh = run(join(repo, 'docs'), ['check', '--format', 'github', 'a.md']);
    expect([gh.status, gh.stderr]).toEqual([1, 'fintech-glossary: using termbase ../terms/client.tbx (found)\n']);
    expect(gh.stdout).toContain('::warning file=terms/broken.tbx::skipped: no Chinese term in this file');
    expect(gh.stdout).toMatch(/^::warning file=terms\/page\.tbx::skipped: /m);
    expect(gh.stdout).toMatch(/^::notice file=docs\/a\.md,line=1,col=1,/m);
  });

  it('a discovered sheet skipped for having no Chinese says that once, without its row warnings', () => {
    const repo = tree({
      '.git/': '',
      'a.md': DOC,
      'terms/termbase.csv': 'en,definition\nrisk bot,\n,a row with no term\n"unclosed,quote\n',
      'team/glossary.csv': 'zh-CN,en,status\n,,forbidden\n风控小助手,risk bot,forbidden\n',
    });
    const r = run(repo, ['check', 'a.md']);
    expect([r.status, r.stdout, r.stderr.split('\n')]).toEqual([
      1,
      'a.md:1:1: information forbidden-term: “风控小助手” is a forbidden term (risk bot).\n',
      [
        // the sheet in use still says what it could not read
        'team/glossary.csv:2:1: warning: row 2: no Chinese or English term; skipped',
        'fintech-glossary: using termbase team/glossary.csv (found)',
        'fintech-glossary: skipped terms/termbase.csv: no Chinese term in this file (name it in termbases to use it anyway)',
        '',
      ],
    ]);
    const gh = run(repo, ['check', '--format', 'github', 'a.md']);
    expect(gh.stdout.split('\n').filter((l) => l.includes('termbase.csv'))).toEqual([
      '::warning file=terms/termbase.csv::skipped: no Chinese term in this file (name it in termbases to use it anyway)',
    ]);
  });

  it('a big discovered .tbx of other XML, or binary, is turned away from its start; named, it is read whole', () => {
    const repo = tree({ '.git/': '', 'a.md': DOC });
    // 20 MB of XHTML whose tail is bytes UTF-8 cannot read: read whole, the file would be refused for
    // those (`not UTF-8 text: line 1233622 …`), so the message about its root shows only its start was read
    const page = Buffer.from('<?xml version="1.0"?>\n<html><body>\n' + '<p>other XML</p>\n'.repeat(1_233_619));
    writeFileSync(join(repo, 'dump.tbx'), Buffer.concat([page, Buffer.from([0xff, 0xfe, 0x0a])]));
    const binary = Buffer.alloc(1 << 20);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) & 0xff;
    mkdirSync(join(repo, 'terms'));
    writeFileSync(join(repo, 'terms', 'blob.tbx'), binary);
    const r = run(repo, ['check', 'a.md']);
    expect([r.status, r.stdout, r.stderr.split('\n')]).toEqual([
      0,
      '',
      [
        'fintech-glossary: skipped dump.tbx: not a TBX file: the root element is <html>, not <martif> or <tbx>',
        'fintech-glossary: skipped terms/blob.tbx: not UTF-8 text: line 1 has bytes UTF-8 cannot read (a file saved as GBK, Big5, UTF-16 without a byte-order mark or another encoding?); save it as UTF-8',
        '',
      ],
    ]);
    // a file the user names is read whole, and its error is what the whole file gives
    const named = run(repo, ['check', '--glossary', 'dump.tbx', 'a.md']);
    expect([named.status, named.stderr]).toEqual([
      2,
      'fintech-glossary: dump.tbx: not UTF-8 text: line 1233622 has bytes UTF-8 cannot read (a file saved as GBK, Big5, UTF-16 without a byte-order mark or another encoding?); save it as UTF-8\n',
    ]);
    rmSync(repo, { recursive: true, force: true }); // 20 MB
  });

  it('a skipped discovered file is named once, on one line, its name printable whatever the disk calls it', () => {
    const name = 'terms/\u001b[31mred\nfake.tbx';
    const repo = tree({ '.git/': '', 'terms/page.tbx': '<html><body>not a termbase</body></html>\n', [name]: 'junk\n', 'a.md': 'x\n' });
    const r = run(repo, ['check', 'a.md']);
    expect(r.status).toBe(0);
    expect(
      r.stderr
        .split('\n')
        .filter((l) => l.includes('skipped'))
        .sort(),
    ).toEqual([
      'fintech-glossary: skipped terms/\\u001b[31mred\\u000afake.tbx: not a TBX file: not well-formed XML (text data outside of root node.)',
      'fintech-glossary: skipped terms/page.tbx: not a TBX file: the root element is <html>, not <martif> or <tbx>',
    ]);
  });

  it('a file both named and found loads once, as a named file: one that is no termbase then exits 2', () => {
    // a row the reader skips, so that each load says so once
    const sheet = 'zh-CN,en,status\n,,forbidden\n风控小助手,risk bot,forbidden\n';
    const repo = tree({ '.git/': '', 'glossary.csv': sheet, '.fintech-glossary.yaml': 'termbases: [glossary.csv]\n', 'a.md': DOC });
    const r = run(repo, ['check', '--glossary', './glossary.csv', 'a.md']);
    expect([r.status, r.stderr]).toEqual([1, './glossary.csv:2:1: warning: row 2: no Chinese or English term; skipped\n']);
    // named in the project file, a page that is no termbase is an error of the user's: exit 2
    writeFileSync(join(repo, 'page.tbx'), '<html/>\n');
    writeFileSync(join(repo, '.fintech-glossary.yaml'), 'termbases: [page.tbx]\n');
    expect(run(repo, ['check', 'a.md']).status).toBe(2);
  });

  it('the search starts at the project file’s folder when there is one, and nowhere outside a repository', () => {
    const repo = tree({
      '.git/': '',
      'site/.fintech-glossary.yaml': 'severity:\n  forbidden-term: warning\n',
      'site/docs/a.md': DOC,
      'vendor/client.tbx': CLIENT_TBX,
    });
    // the termbase beside the site, outside its project folder, is not the site's
    expect(run(join(repo, 'site', 'docs'), ['check', 'a.md']).status).toBe(0);
    writeFileSync(join(repo, 'site', 'client.tbx'), CLIENT_TBX);
    expect(run(join(repo, 'site', 'docs'), ['check', 'a.md']).stdout).toBe(
      'a.md:1:1: warning forbidden-term: “风控小助手” is a forbidden term (risk bot): use “风控机器人”.\n',
    );
  });

  it('the project file’s glossaries replace the default globs; [] turns the search off, termbases still add', () => {
    const repo = tree({
      '.git/': '',
      'examples/sample.tbx': CLIENT_TBX,
      'terms/team.csv': 'zh-CN,en,status\n合规小助手,compliance bot,forbidden\n',
      'docs/a.md': '风控小助手和合规小助手。\n',
    });
    const check = () => {
      const r = run(join(repo, 'docs'), ['check', 'a.md']);
      return [r.status, r.stdout.split('\n').map((l) => l.split(': ').slice(0, 2).join(': ')), r.stderr];
    };
    // the default search: the sample termbase, not the team's sheet (a name it does not look for)
    expect(check()).toEqual([
      1,
      ['a.md:1:1: information forbidden-term', ''],
      'fintech-glossary: using termbase ../examples/sample.tbx (found)\n',
    ]);
    writeFileSync(join(repo, '.fintech-glossary.yaml'), "glossaries: ['terms/*.csv']\n");
    expect(check()).toEqual([
      1,
      ['a.md:1:7: information forbidden-term', ''],
      'fintech-glossary: using termbase ../terms/team.csv (found)\n',
    ]);
    writeFileSync(join(repo, '.fintech-glossary.yaml'), 'glossaries: []\n');
    expect(check()).toEqual([0, [''], '']);
    writeFileSync(join(repo, '.fintech-glossary.yaml'), 'glossaries: []\ntermbases: [terms/team.csv]\n');
    expect(check()).toEqual([1, ['a.md:1:7: information forbidden-term', ''], '']);
    // a path in glossaries names a file: one that is not there is the user's error, as in termbases
    writeFileSync(join(repo, '.fintech-glossary.yaml'), 'glossaries: [terms/gone.csv]\n');
    expect(check()[0]).toBe(2);
  });

  it('a file in another repository takes that repository’s project file and termbases; files in this one keep this one’s', () => {
    const top = tree({
      'a/.git/': '',
      'a/.fintech-glossary.yaml': 'severity:\n  forbidden-term: error\n',
      'a/docs/a.md': DOC,
      'b/.git/': '',
      'b/.fintech-glossary.yaml': 'severity:\n  forbidden-term: warning\n',
      'b/terms/client.tbx': CLIENT_TBX,
      'b/docs/b.md': DOC,
      'c/.git/': '',
      'c/terms/client.tbx': CLIENT_TBX,
      'c/c.md': DOC,
    });
    const r = run(join(top, 'a'), ['check', 'docs/a.md', '../b/docs/b.md', '../c/c.md']);
    expect([r.status, r.stdout, r.stderr]).toEqual([
      1,
      // a.md: this repository's project file, and no termbase here knows 风控小助手
      // b.md: b's project file (warning) and b's termbase; c.md: c's termbase, found from c's top
      [
        '../b/docs/b.md:1:1: warning forbidden-term: “风控小助手” is a forbidden term (risk bot): use “风控机器人”.',
        '../c/c.md:1:1: information forbidden-term: “风控小助手” is a forbidden term (risk bot): use “风控机器人”.',
        '',
      ].join('\n'),
      'fintech-glossary: using termbase ../b/terms/client.tbx (found)\nfintech-glossary: using termbase ../c/terms/client.tbx (found)\n',
    ]);
    // convert too: b's termbase gives 监理沙箱 its Taiwan form
    writeFileSync(join(top, 'b', 'docs', 'sandbox.md'), '在监理沙箱里测试。\n');
    expect(run(join(top, 'a'), ['convert', '--to', 'zh-TW', '../b/docs/sandbox.md']).stdout).toBe('在監理沙盒裡測試。\n');
  });

  it('a termbase one project finds and another names is read once in a run: its warning is said once', () => {
    // a's sheet, found by a's search (glossary.csv), and named by b's project file
    const top = tree({
      'a/.git/': '',
      'a/glossary.csv': 'zh-CN,en,status\n,,forbidden\n风控小助手,risk bot,forbidden\n',
      'a/docs/a.md': DOC,
      'b/.git/': '',
      'b/.fintech-glossary.yaml': 'glossaries: []\ntermbases: [../a/glossary.csv]\n',
      'b/b.md': DOC,
    });
    const r = run(join(top, 'a'), ['check', 'docs/a.md', '../b/b.md']);
    expect([r.status, r.stdout, r.stderr]).toEqual([
      1,
      [
        'docs/a.md:1:1: information forbidden-term: “风控小助手” is a forbidden term (risk bot).',
        '../b/b.md:1:1: information forbidden-term: “风控小助手” is a forbidden term (risk bot).',
        '',
      ].join('\n'),
      'glossary.csv:2:1: warning: row 2: no Chinese or English term; skipped\nfintech-glossary: using termbase glossary.csv (found)\n',
    ]);
  });

  it('a file reached through a link into another repository is ignored as that repository’s ignore globs say', () => {
    const top = tree({
      'a/.git/': '',
      'b/.git/': '',
      'b/.fintech-glossary.yaml': "ignore: ['vendor/**']\n",
      'b/terms/client.tbx': CLIENT_TBX,
      'b/vendor/v.md': DOC,
      'b/docs/b.md': DOC,
    });
    symlinkSync(join(top, 'b'), join(top, 'a', 'link'));
    // b's project by the file's real folder, and so b's ignore globs where the file really is
    const r = run(join(top, 'a'), ['check', 'link/vendor/v.md', 'link/docs/b.md']);
    expect([r.status, r.stdout, r.stderr]).toEqual([
      1,
      'link/docs/b.md:1:1: information forbidden-term: “风控小助手” is a forbidden term (risk bot): use “风控机器人”.\n',
      'fintech-glossary: using termbase ../b/terms/client.tbx (found)\n',
    ]);
  });

  it('a termbase path written with Windows separators names the file the editor reads', () => {
    const repo = tree({
      '.git/': '',
      '.fintech-glossary.yaml': "glossaries: []\ntermbases: ['terms\\client.tbx']\n",
      'terms/client.tbx': CLIENT_TBX,
      'a.md': DOC,
    });
    const r = run(repo, ['check', 'a.md']);
    expect([r.status, r.stdout, r.stderr]).toEqual([1, FINDING, '']);
  });

  it.skipIf(tmpInRepository)(
    `run from outside any repository, each file takes its own repository's termbases${tmpInRepository ? ' (skipped: the temporary folder is inside a git work tree)' : ''}`,
    () => {
      const top = tree({ 'b/.git/': '', 'b/terms/client.tbx': CLIENT_TBX, 'b/docs/b.md': DOC, 'loose.md': DOC });
      const r = run(top, ['check', 'b/docs/b.md', 'loose.md']);
      expect([r.status, r.stdout, r.stderr]).toEqual([
        1,
        'b/docs/b.md:1:1: information forbidden-term: “风控小助手” is a forbidden term (risk bot): use “风控机器人”.\n',
        'fintech-glossary: using termbase b/terms/client.tbx (found)\n',
      ]);
    },
  );

  it.skipIf(tmpInRepository)(
    `no repository and no project file: no search${tmpInRepository ? ' (skipped: the temporary folder is inside a git work tree)' : ''}`,
    () => {
      const loose = tree({ 'client.tbx': CLIENT_TBX, 'a.md': DOC });
      expect(run(loose, ['check', 'a.md']).status).toBe(0);
    },
  );
});
