// The server's own matcher, for the builder: occurrences and examples are found exactly as a hover
// finds terms (longest match across all entries, script folding, English and acronym rules).
// The TypeScript engine is bundled once per build with esbuild into node_modules/.cache.
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
let engine;

function loadEngine() {
  if (engine) return engine;
  const outfile = join(ROOT, 'node_modules/.cache/fintech-glossary/engine.cjs');
  buildSync({
    stdin: { contents: "export { Glossary } from './glossary'; export { normalizeKey } from './normalize';", resolveDir: join(ROOT, 'server/src/engine'), loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning',
  });
  engine = createRequire(import.meta.url)(outfile);
  return engine;
}

/** A key as the matcher sees it (width, case, script and hyphen folding): two keys are one key iff equal. */
export function normalizeKey(key) {
  return loadEngine().normalizeKey(key);
}

/** A line scanner over compiled entries: text → [{ start, end, owner (entry id), key (the form matched) }]. */
export function engineLineScanner(compiledEntries) {
  const { Glossary } = loadEngine();
  const glossary = new Glossary(compiledEntries);
  return (text) =>
    glossary.index.scan(text).flatMap((m) => m.entries.map((e, k) => ({ start: m.start, end: m.end, owner: compiledEntries[e].id, key: m.forms[k] })));
}
