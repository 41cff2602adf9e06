/**
 * Node only: where a repository starts and which project file applies to a folder, found on disk the
 * same way for the CLI (`check`, `convert`, its annotation paths) and the Node server (each
 * workspace folder). The web build has no disk to walk: it reads the project file at a folder's root.
 */
import { existsSync, type FSWatcher, readFileSync, realpathSync, watch } from 'node:fs';
import { dirname, join, parse, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROJECT_FILE } from '../projectConfig';
import { relativeTo, trimSlashes } from '../termbases';

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

/** A path with its links resolved; as given, made absolute, when it cannot be (gone, a pipe). */
export const realPath = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

/** How many folders `above` is above `dir` (`above` is `dir` or a folder above it). */
const levelsBetween = (dir: string, above: string) => {
  let levels = 0;
  for (let d = dir; d !== above && dirname(d) !== d; d = dirname(d)) levels++;
  return levels;
};

/**
 * A workspace folder (a `file:` URI) on the disk: its real path, which the walk up
 * takes, as the CLI's (the current directory is a real path), so that a folder reached through a
 * symbolic link finds its repository's project file. `uriOf` names a folder of that walk (`levels`
 * above the real folder) as the client writes the workspace folder's URI when the same folder is
 * above the folder's own path (no link in between), else by its real path's URI: either way one the
 * client can open. Undefined for a URI the disk does not have.
 */
function folderOnDisk(folderUri: string): { real: string; uriOf: (levels: number) => string } | undefined {
  let folder: string;
  try {
    folder = resolve(fileURLToPath(folderUri));
  } catch {
    return undefined; // another scheme, a host
  }
  const real = realPath(folder);
  const above = (path: string, levels: number) => {
    let d = path;
    for (let k = 0; k < levels; k++) d = dirname(d);
    return d;
  };
  const depth = levelsBetween(folder, parse(folder).root);
  // a folder's URI by its path (the root's without its slash, as a folder's URI is written)
  const uriOfPath = (path: string) => {
    const href = pathToFileURL(path).href;
    return href.endsWith('/') ? href.slice(0, -1) : href;
  };
  return {
    real,
    uriOf: (levels) => {
      const target = above(real, levels);
      return levels <= depth && realPath(above(folder, levels)) === target ? uriAbove(folderUri, levels) : uriOfPath(target);
    },
  };
}

/**
 * The Node server's `projectFiles`: the project file of a workspace folder (a `file:` URI) found as
 * `findProjectFile` finds it from the folder's real path, with its text; and a watch of the folders
 * above the workspace folder where it is or could be created (the server watches the folder's own tree).
 */
export const nodeProjectFiles = {
  find(folderUri: string): { uri: string; text: string; folderPath?: string } | undefined {
    const disk = folderOnDisk(folderUri);
    if (!disk) return undefined;
    const file = findProjectFile(disk.real);
    if (!file) return undefined;
    // its URI written as the client writes the folder's, so that documents' URIs are relative to it
    // (when a link leads to the folder, the real one's: then the folder's path under it goes along)
    const levels = levelsBetween(disk.real, dirname(file));
    const rootUri = disk.uriOf(levels);
    const folderPath = relative(dirname(file), disk.real).split(sep).join('/');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      // removed between the look and the read: there is none
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return {
      uri: `${rootUri}/${PROJECT_FILE}`,
      text,
      ...(relativeTo(rootUri, trimSlashes(folderUri)) === undefined && rootUri !== trimSlashes(folderUri) ? { folderPath } : {}),
    };
  },

  /**
   * Watch each folder above the workspace folder (its real path's), up to the top of its repository
   * (or, outside a repository, up to the project file found, if any), for its project file:
   * `onChange` gets the file's URI (as `find` writes it) when one is created, changed or deleted
   * there. Each folder alone, not its tree. `uris`: the project files' URIs it watches for.
   */
  watchAbove(folderUri: string, onChange: (uri: string) => void): { dispose(): void; folders: number; uris: string[] } {
    const none = { dispose: () => undefined, folders: 0, uris: [] };
    const disk = folderOnDisk(folderUri);
    if (!disk) return none;
    const folder = disk.real;
    const found = findProjectFile(folder);
    const top = repositoryRoot(folder) ?? (found ? dirname(found) : folder);
    const watchers: FSWatcher[] = [];
    const uris: string[] = [];
    // the folders above the workspace folder (whose tree the client watches) up to the top, included
    const up = [...foldersUp(folder)];
    for (let level = 1; level <= up.indexOf(top); level++) {
      const fileUri = `${disk.uriOf(level)}/${PROJECT_FILE}`;
      try {
        const w = watch(up[level]!, (_event, name) => {
          if (name?.toString() === PROJECT_FILE) onChange(fileUri);
        });
        w.on('error', () => w.close());
        watchers.push(w);
        uris.push(fileUri);
      } catch {
        // a folder that cannot be watched (permissions): its project file is read at start only
      }
    }
    return {
      dispose: () => {
        for (const w of watchers) w.close();
      },
      folders: watchers.length,
      uris,
    };
  },
};
