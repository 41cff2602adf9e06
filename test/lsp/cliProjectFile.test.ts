// The CLI finds the project file as linters find theirs: the nearest `.fintech-glossary.yaml`
// walking up from the current directory, stopping at the top of a repository (a folder holding
// `.git`); its paths (termbases, ignore globs) are relative to its own folder. With `check --format
// github`, what is wrong in the termbases and the project file is a workflow annotation on that file.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './cliRun';

/** The CLI in `cwd`, run as a GitHub workflow runs it, from its workspace (see runCli). */
const run = (cwd: string, args: string[], input?: string) => runCli(cwd, args, { input, inWorkspace: true });

const tree = (files: Record<string, string>) => tempTree(files, 'fg-project-');

const RISK_CSV = 'zh-CN,en,status\n风控小助手,risk bot,forbidden\n';

describe('the project file, found from a subdirectory', () => {
  it('check in a subdirectory reads the project file at the repository root: its termbases, severities and ignore globs', () => {
    const repo = tree({
      '.git/': '',
      '.fintech-glossary.yaml': "termbases: [terms/risk.csv]\nseverity:\n  forbidden-term: warning\nignore: ['docs/drafts/**']\n",
      'terms/risk.csv': RISK_CSV,
      'docs/a.md': '风控小助手很好用。\n',
      'docs/drafts/b.md': '风控小助手还在写。\n',
    });
    const r = run(join(repo, 'docs'), ['check', 'a.md', 'drafts']);
    expect([r.status, r.stdout, r.stderr]).toEqual([
      1,
      'a.md:1:1: warning forbidden-term: “风控小助手” is a forbidden term (risk bot).\n',
      '',
    ]);
  });

  it('convert in a subdirectory uses the termbases of the project file above it', () => {
    const repo = tree({
      '.git/': '',
      '.fintech-glossary.yaml': 'termbases: [terms/tw.tsv]\n',
      'terms/tw.tsv': 'en\tzh-CN\tzh-TW\nsupervisory sandbox\t监理沙箱\t監理沙盒\n',
      'docs/deep/er/': '',
    });
    const r = run(join(repo, 'docs', 'deep', 'er'), ['convert', '--to', 'zh-TW'], '在监理沙箱里测试。\n');
    expect([r.status, r.stdout]).toEqual([0, '在監理沙盒裡測試。\n']);
  });

  it('the nearest project file wins, and the walk stops at the folder holding .git', () => {
    const outer = tree({
      '.fintech-glossary.yaml': 'severity:\n  forbidden-term: off\n',
      'repo/.git': 'gitdir: ../elsewhere\n',
      'repo/sub/a.md': '测试云計算。\n',
      'repo/nested/.fintech-glossary.yaml': 'severity:\n  forbidden-term: error\n',
      'repo/nested/a.md': '测试云計算。\n',
    });
    // outside the repository: its project file does not apply to the repository's files
    for (const cwd of [join(outer, 'repo', 'sub'), join(outer, 'repo')]) {
      const r = run(cwd, ['check', cwd.endsWith('sub') ? 'a.md' : 'sub/a.md']);
      expect([r.status, r.stdout.split(': ')[1]]).toEqual([1, 'information forbidden-term']);
    }
    const nested = run(join(outer, 'repo', 'nested'), ['check', 'a.md']);
    expect([nested.status, nested.stdout.split(': ')[1]]).toEqual([1, 'error forbidden-term']);
  });

  it("a problem in the project file above is reported at that file's path", () => {
    const repo = tree({ '.git/': '', '.fintech-glossary.yaml': 'variant: zh-XX\n', 'docs/a.md': '普通的文字。\n' });
    const r = run(join(repo, 'docs'), ['check', 'a.md']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^\.\.\/\.fintech-glossary\.yaml:1:10: warning: variant must be one of /);
  });
});

describe('check --format github: termbase and project file problems are annotations', () => {
  it("a termbase's malformed rows are warning annotations on the termbase at their line; text format keeps stderr", () => {
    const dir = tree({
      'a.md': '风控小助手很好用。\n',
      'risk,v2: old.csv': 'zh-CN,en,status\n,,forbidden\n风控小助手,risk bot,forbidden\n',
    });
    const r = run(dir, ['check', '--format', 'github', '--glossary', 'risk,v2: old.csv', 'a.md']);
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(r.stdout.split('\n')).toEqual([
      '::warning file=risk%2Cv2%3A old.csv,line=2,col=1::row 2: no Chinese or English term; skipped',
      expect.stringMatching(/^::notice file=a\.md,line=1,col=1,endLine=1,endColumn=6,title=forbidden-term::/),
      '',
    ]);
    const text = run(dir, ['check', '--glossary', 'risk,v2: old.csv', 'a.md']);
    expect(text.stderr).toBe('risk,v2: old.csv:2:1: warning: row 2: no Chinese or English term; skipped\n');
  });

  it('message data escapes %; the project file and its skipped termbases are annotated too', () => {
    const dir = tree({
      'a.md': '普通的文字。\n',
      'team.yaml': '- zh: 风控小助手\n  x%y: 1\n- zh: 监理沙箱\n',
      '.fintech-glossary.yaml': "variant: zh-XX\ntermbases: ['terms/*']\n",
      'terms/readme.md': '# Our terms\n',
    });
    const r = run(dir, ['check', '--format', 'github', '--glossary', 'team.yaml', 'a.md']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n')).toEqual([
      expect.stringMatching(/^::warning file=\.fintech-glossary\.yaml,line=1,col=10::variant must be one of /),
      '::warning file=team.yaml,line=1,col=3::entry 1: unknown field "x%25y"; skipped',
      expect.stringMatching(/^::warning file=terms\/readme\.md::skipped: /),
      '',
    ]);
  });
});
