/**
 * Node only: the disk as the termbase manager's `FileAccess` (file: URIs), and a watcher for
 * clients that do not send workspace/didChangeWatchedFiles (Neovim 0.7, Helix).
 */
import { type Dirent, existsSync, watch } from 'node:fs';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileAccess } from '../termbases';

const toPath = (uri: string) => fileURLToPath(uri);
const toUri = (path: string) => pathToFileURL(path).href;

export const nodeFiles: FileAccess = {
  async read(uri) {
    return readFile(toPath(uri), 'utf8');
  },
  async exists(uri) {
    try {
      return existsSync(toPath(uri));
    } catch {
      return false;
    }
  },
  async write(uri, text) {
    const path = toPath(uri);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, 'utf8');
  },
  async find(folderUri, accept, limit = 200_000) {
    const root = toPath(folderUri);
    const out: string[] = [];
    let looked = 0;
    const walk = async (dir: string): Promise<void> => {
      let entries: Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (++looked > limit) return;
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const path = join(dir, e.name);
        if (e.isDirectory()) await walk(path);
        else if (e.isFile() && accept(relative(root, path).split(sep).join('/'))) out.push(toUri(path));
      }
    };
    await walk(root);
    return out;
  },
  watch(directoryUris, onChange) {
    // one plain (not recursive) watcher per directory: Node's recursive watching on Linux walks the
    // whole tree (node_modules included) synchronously, which would stall the server
    const watchers = directoryUris.flatMap((uri) => {
      const dir = toPath(uri);
      try {
        const w = watch(dir, (_event, name) => {
          if (name) onChange(toUri(join(dir, name.toString())));
        });
        w.on('error', () => undefined);
        return [w];
      } catch {
        return [];
      }
    });
    return {
      dispose: () => {
        for (const w of watchers) w.close();
      },
    };
  },
};
