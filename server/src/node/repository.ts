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

/** `dir` and each folder above it, up to the filesystem root. */
function* foldersUp(dir: string): Generator<string> {
  for (let d = resolve(dir); ; d = dirname(d)) {
    yield d;
    if (dirname(d) === d) return;
  }
}

const isRepositoryTop = (d: string) => existsSync(join(d, '.git'));

/** The top of the git work tree holding `dir` (the nearest folder with a `.git` file or folder), or undefined. */
export function repositoryRoot(dir: string): string | undefined {
  for (const d of foldersUp(dir)) if (isRepositoryTop(d)) return d;
  return undefined;
}

/**
 * The project file that applies to `dir`, as linters find theirs: the nearest `.fintech-glossary.yaml`
 * walking up from it, the walk stopping at the top of a repository (a folder holding `.git`, itself
 * looked in) or at the filesystem root.
 */
export function findProjectFile(dir: string): string | undefined {
  for (const d of foldersUp(dir)) {
    const file = join(d, PROJECT_FILE);
    if (existsSync(file)) return file;
    if (isRepositoryTop(d)) return undefined;
  }
  return undefined;
}

/** The URI of the folder `levels` above a folder's URI (written as the client writes it: drive letter, encoding). */
const uriAbove = (folderUri: string, levels: number) => {
  let uri = trimSlashes(folderUri);
  for (let k = 0; k < levels; k++) uri = uri.slice(0, uri.lastIndexOf('/'));
  return uri;
};

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
    // its URI written as the client writes the folder's, so that documents' URIs are relative to it
    let levels = 0;
    for (let d = folder; d !== dirname(file); d = dirname(d)) levels++;
    try {
      return { uri: `${uriAbove(folderUri, levels)}/${PROJECT_FILE}`, text: readFileSync(file, 'utf8') };
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
    // the folders above the workspace folder (whose tree the client watches) up to the top, included
    const up = [...foldersUp(folder)];
    for (let level = 1; level <= up.indexOf(top); level++) {
      // each folder's URI as the client writes the workspace folder's (see find)
      const fileUri = `${uriAbove(folderUri, level)}/${PROJECT_FILE}`;
      try {
        const w = watch(up[level]!, (_event, name) => {
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
