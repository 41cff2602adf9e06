/**
 * Node only: the compiled glossary read from disk. The engine reads no files (the Web Worker build
 * fetches the same dist/glossary.json), so this is the one place the server side touches `node:fs`
 * for it.
 */
import { readFileSync } from 'node:fs';
import { Glossary, type UncheckedGlossary } from '../engine/glossary';

/**
 * A compiled glossary file, read (and parsed) only when it is checked (see `Glossary.read`): the
 * server answers `initialize` without touching it.
 */
export function readGlossaryFile(path: string): UncheckedGlossary {
  return Glossary.read(() => readFileSync(path, 'utf8'), path);
}

/** Read and check a compiled glossary file, every entry included (see `Glossary.fromJSON`). */
export function glossaryFromFile(path: string): Glossary {
  return readGlossaryFile(path).check();
}
