/**
 * Node only: where a repository starts and which project file applies to a folder, found on disk the
 * same way for the CLI (`check`, `convert`, its annotation paths) and the Node server (each
 * workspace folder). The web build has no disk to walk: it reads the project file at a folder's root.
 */
import { existsSync, type FSWatcher, readFileSync, watch } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_FILE } from '../projectConfig';
import { trimSlashes } from '../termbases';

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

/**
 * The Node server's `projectFiles`: the project file of a workspace folder (a `file:` URI) found as
 * `findProjectFile` finds it from the folder, with its text; and a watch of the folders above the
 * workspace folder where it is or could be created (the server watches the folder's own tree).
 */
export const nodeProjectFiles = {
  find(folderUri: string): { uri: string; text: string } | undefined {
    if (!folderUri.startsWith('file:')) return undefined;
    const folder = resolve(fileURLToPath(folderUri));
    const file = findProjectFile(folder);
    if (!file) return undefined;
    // its URI written as the client writes the folder's (a drive letter's case and encoding kept),
    // so that documents' URIs are relative to it: the folder's URI less a segment per level up
    let uri = trimSlashes(folderUri);
    for (let d = folder; d !== dirname(file); d = dirname(d)) uri = uri.slice(0, uri.lastIndexOf('/'));
    try {
      return { uri: `${uri}/${PROJECT_FILE}`, text: readFileSync(file, 'utf8') };
    } catch (err) {
      // removed between the look and the read: there is none
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  },

  /**
   * Watch each folder above the workspace folder, up to the top of its repository (or, outside a
   * repository, up to the project file found, if any), for its project file: `onChange` gets the
   * file's URI when one is created, changed or deleted there. Each folder alone, not its tree.
   */
  watchAbove(folderUri: string, onChange: (uri: string) => void): { dispose(): void; folders: number } {
    const none = { dispose: () => undefined, folders: 0 };
    let folder: string;
    try {
      folder = resolve(fileURLToPath(folderUri));
    } catch {
      return none; // not a file: URI the disk has (another scheme, a host)
    }
    const found = findProjectFile(folder);
    const top = repositoryRoot(folder) ?? (found ? dirname(found) : folder);
    const watchers: FSWatcher[] = [];
    // each folder's URI as the client writes the workspace folder's (see find)
    let uri = trimSlashes(folderUri);
    for (let d = folder; d !== top; ) {
      const parent = dirname(d);
      if (parent === d) break;
      d = parent;
      uri = uri.slice(0, uri.lastIndexOf('/'));
      const fileUri = `${uri}/${PROJECT_FILE}`;
      try {
        const w = watch(d, (_event, name) => {
          if (name?.toString() === PROJECT_FILE) onChange(fileUri);
        });
        w.on('error', () => w.close());
        watchers.push(w);
      } catch {
        // a folder that cannot be watched (permissions): its project file is read at start only
      }
    }
    return {
      dispose: () => {
        for (const w of watchers) w.close();
      },
      folders: watchers.length,
    };
  },
};
