// `check --format github`: GitHub attaches a workflow annotation by its path relative to the
// repository's root, so the CLI names files that way whatever directory it runs in and however the
// paths are given: relative to $GITHUB_WORKSPACE when the file is in it, else to the git work tree
// holding the file, else to the current directory. Properties escape %, CR, LF, `:` and `,`.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree, BIN, withoutSearch } from './cliRun';

/** The CLI in `cwd`, with GITHUB_WORKSPACE as given (unset when undefined, whatever the test runner has). */
function run(cwd: string, args: string[], workspace?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.GITHUB_WORKSPACE;
  if (workspace !== undefined) env.GITHUB_WORKSPACE = workspace;
  return spawnSync(process.execPath, [BIN, ...withoutSearch(args)], { encoding: 'utf8', cwd, env });
}

const tree = (files: Record<string, string>) => tempTree(files, 'fg-annotations-');

/** Whether the temporary folder, or a folder above it, holds `.git`. */
const tmpInRepository = (() => {
  for (let dir = realpathSync(tmpdir()); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return true;
    if (dirname(dir) === dir) return false;
  }
})();

const DOC = '测试云計算。\n';
/** What `check` says of DOC's one finding, after the file property. */
const FINDING =
  ',line=1,col=3,endLine=1,endColumn=6,title=forbidden-term::“云計算” is a forbidden term (cloud computing): use “云计算”. Mixed-script form left by a machine conversion (source 000); write 云计算 or 雲計算.';

describe('check --format github: annotation paths are relative to the repository', () => {
  it('from a subdirectory of a git work tree, with a relative and with an absolute path', () => {
    const repo = tree({ '.git/': '', 'docs/guide/a.md': DOC });
    const fromDocs = run(join(repo, 'docs'), ['check', '--format', 'github', 'guide']);
    expect([fromDocs.status, fromDocs.stdout]).toEqual([1, `::notice file=docs/guide/a.md${FINDING}\n`]);
    // from outside the work tree, an absolute path: still the path in the repository
    const fromElsewhere = run(tmpdir(), ['check', '--format', 'github', join(repo, 'docs', 'guide', 'a.md')]);
    expect([fromElsewhere.status, fromElsewhere.stdout]).toEqual([1, `::notice file=docs/guide/a.md${FINDING}\n`]);
    // the text format keeps the path as given
    expect(run(join(repo, 'docs'), ['check', 'guide/a.md']).stdout.split(': ')[0]).toBe('guide/a.md:1:3');
  });

  it('a .git file (a worktree or a submodule) marks the top of the work tree too', () => {
    const outer = tree({ '.git/': '', 'vendor/lib/.git': 'gitdir: ../../.git/modules/lib\n', 'vendor/lib/docs/a.md': DOC });
    const r = run(join(outer, 'vendor', 'lib', 'docs'), ['check', '--format', 'github', 'a.md']);
    expect(r.stdout).toBe(`::notice file=docs/a.md${FINDING}\n`);
  });

  it('GITHUB_WORKSPACE, when the file is in it, wins over the git work tree and the current directory', () => {
    // a checkout without .git (a downloaded archive): only GITHUB_WORKSPACE says where the root is
    const workspace = tree({ 'docs/a.md': DOC });
    expect(run(join(workspace, 'docs'), ['check', '--format', 'github', 'a.md'], workspace).stdout).toBe(
      `::notice file=docs/a.md${FINDING}\n`,
    );
    // a workspace that is a repository's subfolder (the repository checked out in a folder of another)
    const repo = tree({ '.git/': '', 'site/docs/a.md': DOC });
    expect(run(join(repo, 'site', 'docs'), ['check', '--format', 'github', 'a.md'], join(repo, 'site')).stdout).toBe(
      `::notice file=docs/a.md${FINDING}\n`,
    );
    // a file outside the workspace: its git work tree's path
    const other = tree({ '.git/': '', 'notes/b.md': DOC });
    expect(run(other, ['check', '--format', 'github', 'notes/b.md'], workspace).stdout).toBe(`::notice file=notes/b.md${FINDING}\n`);
  });

  // A machine whose temporary folder is inside a git work tree has no folder outside every repository.
  it.skipIf(tmpInRepository)(
    `with neither GITHUB_WORKSPACE nor a repository: relative to the current directory, as before${tmpInRepository ? ' (skipped: the temporary folder is inside a git work tree)' : ''}`,
    () => {
      const workspace = tree({ 'docs/a.md': DOC });
      expect(run(join(workspace, 'docs'), ['check', '--format', 'github', 'a.md']).stdout).toBe(`::notice file=a.md${FINDING}\n`);
    },
  );

  it('a path with spaces, %, commas, colons and a line break is escaped as a workflow command property', () => {
    const repo = tree({ '.git/': '', 'docs/100% sure, v2: draft.md': DOC, 'docs/two\nlines.md': DOC });
    const r = run(join(repo, 'docs'), ['check', '--format', 'github', '.']);
    expect(r.stdout.split('\n')).toEqual([
      `::notice file=docs/100%25 sure%2C v2%3A draft.md${FINDING}`,
      `::notice file=docs/two%0Alines.md${FINDING}`,
      '',
    ]);
  });

  it('problems in the project file and its termbases above the current directory are annotated at their repository paths', () => {
    const repo = tree({
      '.git/': '',
      '.fintech-glossary.yaml': "variant: zh-XX\ntermbases: ['terms/risk, old.csv']\n",
      'terms/risk, old.csv': 'zh-CN,en,status\n,,forbidden\n风控小助手,risk bot,forbidden\n',
      'docs/a.md': '普通的文字。\n',
    });
    const r = run(join(repo, 'docs'), ['check', '--format', 'github', 'a.md']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n')).toEqual([
      '::warning file=.fintech-glossary.yaml,line=1,col=10::variant must be one of auto, zh-Hans, zh-Hant, zh-TW, zh-HK',
      '::warning file=terms/risk%2C old.csv,line=2,col=1::row 2: no Chinese or English term; skipped',
      '',
    ]);
  });
});
