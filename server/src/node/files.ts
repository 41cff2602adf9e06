/**
 * Node only: the disk as the termbase manager's `FileAccess` (file: URIs), and a watcher of the
 * workspace folders' trees for clients that do not send workspace/didChangeWatchedFiles (Neovim 0.7,
 * Helix).
 */
import { closeSync, type Dirent, existsSync, type FSWatcher, openSync, readdirSync, readSync, watch } from 'node:fs';
import { mkdir, open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeBytes } from '../protocol';
import { FIND_LIMIT, type FileAccess } from '../termbases';

const toPath = (uri: string) => fileURLToPath(uri);
const toUri = (path: string) => pathToFileURL(path).href;

/** Folders and files no search of the workspace enters: hidden ones (`.git`, `.cache`) and `node_modules`. */
export const skipped = (name: string) => name.startsWith('.') || name === 'node_modules';

export const nodeFiles: FileAccess = {
  async read(uri) {
    return decodeBytes(await readFile(toPath(uri)));
  },
  async readStart(uri, bytes) {
    const file = await open(toPath(uri), 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await file.read(buffer, 0, bytes, 0);
      return decodeBytes(buffer.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  },
  async exists(uri) {
    try {
      return existsSync(toPath(uri));
    } catch {
      return false;
    }
  },
  async isDirectory(uri) {
    try {
      return (await stat(toPath(uri))).isDirectory();
    } catch {
      return false;
    }
  },
  async write(uri, text) {
    const path = toPath(uri);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, 'utf8');
  },
  async find(folderUri, accept, limit = FIND_LIMIT, _globs, onLimit) {
    const search = filesUnder(toPath(folderUri), accept, limit, onLimit);
    // each folder read without blocking the server
    for (let step = search.next(); ; ) {
      if (step.done) return step.value.map(toUri);
      let entries: Dirent[] | undefined;
      try {
        entries = await readdir(step.value, { withFileTypes: true });
      } catch {
        entries = undefined;
      }
      step = search.next(entries);
    }
  },
  watch(rootUris, onChange, log) {
    return watchTree(rootUris.map(toPath), (path) => onChange(toUri(path)), MAX_WATCHED_DIRECTORIES, log);
  },
};

/** The text of a file's first `bytes` bytes, decoded as a whole file is (`nodeFiles.readStart`, at once: the CLI). */
export function readStartSync(path: string, bytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return decodeBytes(buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0)));
  } finally {
    closeSync(fd);
  }
}

/**
 * The search of a folder tree both `nodeFiles.find` (the server, reading each folder without
 * blocking) and `findFilesSync` (the CLI) run: the files under `root` (a path) whose `/`-separated
 * path relative to it `accept` takes, in the order found, no node_modules or dot folders entered, at
 * most `limit` names looked at (`onLimit` is told once when the search stops there). It yields each
 * folder to read and is given its entries back (undefined for a folder that cannot be read); it
 * returns the files' paths.
 */
function* filesUnder(
  root: string,
  accept: (relativePath: string) => boolean,
  limit: number,
  onLimit: () => void = () => undefined,
): Generator<string, string[], Dirent[] | undefined> {
  const out: string[] = [];
  let looked = 0;
  function* walk(dir: string): Generator<string, void, Dirent[] | undefined> {
    const entries = yield dir;
    for (const e of entries ?? []) {
      if (++looked > limit) {
        if (looked === limit + 1) onLimit();
        return;
      }
      if (skipped(e.name)) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) yield* walk(path);
      else if (e.isFile() && accept(relative(root, path).split(sep).join('/'))) out.push(path);
    }
  }
  yield* walk(root);
  return out;
}

/**
 * `nodeFiles.find` for the CLI, at once: the paths of the files under `root` that `accept` takes;
 * `onLimit` is told when more than `limit` names were there to look at (the rest not searched).
 */
export function findFilesSync(
  root: string,
  accept: (relativePath: string) => boolean,
  limit = FIND_LIMIT,
  onLimit: () => void = () => undefined,
): string[] {
  const search = filesUnder(root, accept, limit, onLimit);
  for (let step = search.next(); ; ) {
    if (step.done) return step.value;
    let entries: Dirent[] | undefined;
    try {
      entries = readdirSync(step.value, { withFileTypes: true });
    } catch {
      entries = undefined;
    }
    step = search.next(entries);
  }
}

/** The most directories the server watches itself (one inotify watch each); more are left out, with a log line. */
export const MAX_WATCHED_DIRECTORIES = 4000;

/**
 * Watch directory trees: one plain watcher per directory (Node's recursive watching on Linux walks
 * the whole tree, node_modules included, synchronously, which would stall the server), skipping
 * node_modules and dot folders. A directory created later is watched as soon as it appears, and
 * every file already in it is reported (a `mkdir -p terms && cp x.tbx terms/` is seen whole); a
 * deleted directory is reported by its own path and its watchers closed. `onChange` gets the path
 * of each file or directory created, changed, renamed (both names) or deleted.
 */
export function watchTree(
  roots: string[],
  onChange: (path: string) => void,
  limit = MAX_WATCHED_DIRECTORIES,
  onLimit: (message: string) => void = () => undefined,
): { dispose(): void } {
  const watchers = new Map<string, FSWatcher>();
  let disposed = false;
  let warned = false;
  const add = async (dir: string, report: boolean): Promise<void> => {
    if (disposed || watchers.has(dir)) return;
    if (watchers.size >= limit) {
      if (!warned) onLimit(`more than ${limit} directories: the ones beyond are not watched for termbase changes`);
      warned = true;
      return;
    }
    let w: FSWatcher;
    try {
      w = watch(dir, (_event, name) => {
        if (!name) return;
        const path = join(dir, name.toString());
        onChange(path);
        // a new directory: watch it (and report what it already holds); a gone one: stop watching it
        if (!skipped(name.toString()))
          void stat(path).then(
            (st) => (st.isDirectory() ? add(path, true) : undefined),
            () => undefined,
          );
        for (const [d, dw] of watchers)
          if ((d === path || d.startsWith(path + sep)) && !existsSync(d)) {
            dw.close();
            watchers.delete(d);
          }
      });
    } catch {
      return; // not a directory (a file's event), or already gone
    }
    w.on('error', () => {
      w.close();
      watchers.delete(dir);
    });
    watchers.set(dir, w);
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (skipped(e.name)) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) await add(path, report);
      else if (report) onChange(path);
    }
  };
  for (const root of roots) void add(root, false);
  return {
    dispose: () => {
      disposed = true;
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
