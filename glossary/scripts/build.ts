#!/usr/bin/env node
// Build the bundled glossary: clean the sources (when the seeds are at hand), load and validate
// glossary/entries/*.yaml, check keys/ids/references/quotations, generate the regional forms,
// attach occurrences and examples, and write dist/glossary.json deterministically.
//
//   node glossary/scripts/build.mjs [--out FILE] [--strict] [--quiet] [--force]
//     --strict  warnings fail the build too
//     --quiet   print errors and a summary, not every warning
//     --force   write the output even when there are errors (the invalid entries are left out)
// Exit status: 0 ok, 1 errors (file:line: error: … on stderr).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanSources, SOURCE_FILES } from './clean-sources';
import type { CompiledGlossary } from '../../server/src/engine/entry';
import { compileGlossary } from './lib/compile';
import { formatDiag, makeValidator, parseEntriesFile, schemaDiagnostics, type Diagnostic, type LoadedEntry } from './lib/load';
import { buildCorpus, type Corpus } from './lib/sources';

const here = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(here, '..', '..');
const GLOSSARY = join(REPO, 'glossary');

/** Read the cleaned sources as { doc: text }. */
export function readSources(dir = join(GLOSSARY, 'sources')): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [doc, name] of Object.entries(SOURCE_FILES)) {
    const p = join(dir, name);
    if (existsSync(p)) files[doc] = readFileSync(p, 'utf8');
  }
  return files;
}

/** Load every entries file: { loaded, diagnostics, files }. Paths in diagnostics are repo-relative. */
export function loadEntries(dir = join(GLOSSARY, 'entries')): { loaded: LoadedEntry[]; diagnostics: Diagnostic[]; files: string[] } {
  const validate = makeValidator(JSON.parse(readFileSync(join(GLOSSARY, 'schema.json'), 'utf8')) as object);
  const diagnostics: Diagnostic[] = [];
  const loaded: LoadedEntry[] = [];
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(REPO, path).split('\\').join('/');
    const parsed = parseEntriesFile(file, readFileSync(path, 'utf8'));
    diagnostics.push(...parsed.diagnostics);
    if (parsed.raw === undefined) continue;
    const value = parsed.raw ?? [];
    if (!validate(value)) {
      const ds = schemaDiagnostics(file, validate.errors, parsed.posOf, value);
      diagnostics.push(...ds);
      const bad = new Set(
        (validate.errors ?? []).map((e) => e.instancePath.split('/')[1]).filter((s) => s !== undefined).map(Number),
      );
      loaded.push(...parsed.entries.filter((e) => !bad.has(e.index)));
    } else {
      loaded.push(...parsed.entries);
    }
  }
  return { loaded, diagnostics, files: names };
}

/** The whole build as a function (used by the tests): returns { json, glossary, diagnostics, ... }. */
export function buildGlossary({ clean = true } = {}): {
  json: string;
  glossary: CompiledGlossary;
  diagnostics: Diagnostic[];
  files: string[];
  corpus: Corpus;
  keyHits: Map<string, Map<string, number>>;
  /** `doc:line` of every source line where some entry occurs. */
  litLines: Set<string>;
} {
  if (clean) cleanSources();
  const corpus = buildCorpus(readSources());
  const { loaded, diagnostics, files } = loadEntries();
  const result = compileGlossary(loaded, corpus);
  const all = [...diagnostics, ...result.diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : 1),
  );
  const json = JSON.stringify(result.glossary) + '\n';
  return { json, glossary: result.glossary, diagnostics: all, files, corpus, keyHits: result.keyHits, litLines: result.litLines };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const started = performance.now();
  const outArg = args.indexOf('--out');
  const out = outArg >= 0 ? resolve(args[outArg + 1] ?? '') : join(REPO, 'dist', 'glossary.json');
  const { json, glossary, diagnostics, files } = buildGlossary();
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  for (const d of errors) console.error(formatDiag(d));
  if (!args.includes('--quiet')) for (const d of warnings) console.error(formatDiag(d));
  const failed = errors.length > 0 || (args.includes('--strict') && warnings.length > 0);
  const ms = Math.round(performance.now() - started);
  const summary = `glossary: ${glossary.entries.length} entries from ${files.length} files, ${errors.length} errors, ${warnings.length} warnings`;
  if (failed && !args.includes('--force')) {
    console.error(`${summary}; dist not written (${ms} ms)`);
    process.exit(1);
  }
  mkdirSync(dirname(out), { recursive: true });
  const old = existsSync(out) ? readFileSync(out, 'utf8') : null;
  if (old !== json) writeFileSync(out, json);
  console.log(`${summary}; ${old === json ? 'unchanged' : 'wrote'} ${relative(process.cwd(), out)} (${json.length} chars, ${ms} ms)`);
  if (failed) process.exit(1);
}
