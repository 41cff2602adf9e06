/**
 * Node only: where a repository starts and which project file applies to a folder, found on disk the
 * same way for the CLI (`check`, `convert`, its annotation paths) and the Node server (each
 * workspace folder). The web build has no disk to walk: it reads the project file at a folder's root.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PROJECT_FILE } from '../projectConfig';

/** The top of the git work tree holding `dir` (the nearest folder with a `.git` file or folder), or undefined. */
export function repositoryRoot(dir: string): string | undefined {
  for (let d = resolve(dir); ; ) {
    if (existsSync(join(d, '.git'))) return d;
    const parent = dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

/**
 * The project file that applies to `dir`, as linters find theirs: the nearest `.fintech-glossary.yaml`
 * walking up from it, the walk stopping at the top of a repository (a folder holding `.git`, itself
 * looked in) or at the filesystem root.
 */
export function findProjectFile(dir: string): string | undefined {
  for (let d = resolve(dir); ; ) {
    const file = join(d, PROJECT_FILE);
    if (existsSync(file)) return file;
    const parent = dirname(d);
    if (parent === d || existsSync(join(d, '.git'))) return undefined;
    d = parent;
  }
}
