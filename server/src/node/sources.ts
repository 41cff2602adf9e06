/**
 * Node only: where the bundled source documents are (glossary/sources/<doc>-*.txt, next to dist/
 * in the extension and in the repository), for go to definition and workspace symbols in editors
 * that open files. The same files the VS Code client's *Open source passage* opens.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A function from a source document id ("001") to its file URI, reading the folder once. */
export function sourceFiles(dir: string): (doc: string) => string | undefined {
  let names: string[] | undefined;
  return (doc: string) => {
    if (!/^\d{3}$/.test(doc)) return undefined;
    try {
      names ??= readdirSync(dir);
    } catch {
      names = [];
    }
    const name = names.find((n) => n.startsWith(`${doc}-`) && n.endsWith('.txt'));
    return name ? pathToFileURL(join(dir, name)).href : undefined;
  };
}
