/**
 * The command line as its tests run it: the built CLI spawned in a folder, and temporary folders of
 * files for it to read.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const BIN = resolve(__dirname, '../../bin/fintech-glossary.js');

/**
 * `check` and `convert` with `--no-discovery`: most tests are about the termbases they name, and the
 * temporary folder may be inside a git work tree whose termbases the search would add
 * (cliDiscovery.test.ts tests the search).
 */
export const withoutSearch = (args: string[]) =>
  args[0] === 'check' || args[0] === 'convert' ? [args[0], '--no-discovery', ...args.slice(1)] : args;

export interface RunOptions {
  /** Standard input. */
  input?: string;
  /** Let `check` and `convert` search for termbases (the default: `--no-discovery`). */
  search?: boolean;
  /**
   * Run as a GitHub workflow runs it, from its workspace `cwd`: annotation paths are then relative
   * to `cwd` wherever the temporary folder is (inside a git work tree they would otherwise be
   * relative to its top; cliAnnotations.test.ts tests that).
   */
  inWorkspace?: boolean;
}

/** The CLI run in `cwd`, its output as text. */
export function runCli(cwd: string, args: string[], options: RunOptions = {}) {
  return spawnSync(process.execPath, [BIN, ...(options.search ? args : withoutSearch(args))], {
    encoding: 'utf8',
    cwd,
    ...(options.inWorkspace ? { env: { ...process.env, GITHUB_WORKSPACE: cwd } } : {}),
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
}

/** A temporary folder with these files (paths with `/` make their folders; a name ending in `/` is an empty folder). */
export function tempTree(files: Record<string, string>, prefix = 'fg-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    if (name.endsWith('/')) {
      mkdirSync(join(dir, name), { recursive: true });
      continue;
    }
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
