// The glossary build as functions: read the cleaned sources, load and validate
// glossary/entries/*.yaml, compile (compile.ts), and serialise deterministically.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cleanSources, REPO, SOURCE_FILES } from './seeds';
import { compactEntry, type CompiledGlossary } from '../../../server/src/engine/entry';
import { compileGlossary, type RegionalCandidate } from './compile';
import { makeValidator, parseEntriesFile, schemaDiagnostics, type Diagnostic, type LoadedEntry } from './load';
import { buildCorpus, type Corpus } from './sources';
import { toSimplified } from './forms';
import { cedictWords, loadAllowedCrossings, loadWords, type Crossing } from './words';

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
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
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
        (validate.errors ?? [])
          .map((e) => e.instancePath.split('/')[1])
          .filter((s) => s !== undefined)
          .map(Number),
      );
      loaded.push(...parsed.entries.filter((e) => !bad.has(e.index)));
    } else {
      loaded.push(...parsed.entries);
    }
  }
  return { loaded, diagnostics, files: names };
}

/** The whole build as a function (the CLI and the tests call it): returns { json, glossary, diagnostics, ... }. */
export function buildGlossary({ clean = true, crossings: withCrossings = true } = {}): {
  json: string;
  glossary: CompiledGlossary;
  diagnostics: Diagnostic[];
  files: string[];
  corpus: Corpus;
  keyHits: Map<string, Map<string, number>>;
  /** `doc:line` of every source line where some entry occurs. */
  litLines: Set<string>;
  /** Regional forms OpenCC suggests that await review (not in the glossary). */
  candidates: RegionalCandidate[];
  /** Term occurrences whose neighbour forms a known word across the term's edge (not reviewed as fine). */
  crossings: Crossing[];
} {
  if (clean) cleanSources();
  const corpus = buildCorpus(readSources());
  const { loaded, diagnostics, files } = loadEntries();
  const words = loadWords(GLOSSARY, 'glossary/words.yaml');
  const allowed = loadAllowedCrossings(GLOSSARY, 'glossary/boundaries.yaml');
  diagnostics.push(...words.diagnostics, ...allowed.diagnostics);
  const result = compileGlossary(
    loaded,
    corpus,
    words.words,
    'glossary/words.yaml',
    withCrossings ? { known: knownWords(loaded), allowed: allowed.allowed } : {},
  );
  const crossings = result.crossings;
  const all = [...diagnostics, ...result.diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : 1),
  );
  // the file leaves out what has its default value (compiled@2): less to read and parse at start-up
  const json = JSON.stringify({ ...result.glossary, entries: result.glossary.entries.map(compactEntry) }) + '\n';
  return {
    json,
    glossary: result.glossary,
    diagnostics: all,
    files,
    corpus,
    keyHits: result.keyHits,
    litLines: result.litLines,
    candidates: result.candidates,
    crossings,
  };
}

/**
 * Known words for the word-boundary check: CC-CEDICT's, the glossary's own Chinese terms (as
 * written and in simplified script) and the non-term words.
 */
function knownWords(loaded: LoadedEntry[]): (w: string) => boolean {
  const cedict = cedictWords(REPO);
  const own = new Set<string>(loadWords(GLOSSARY, 'glossary/words.yaml').words.map((w) => w.text));
  for (const { value: v } of loaded)
    for (const form of [v.zh, ...(v.aliases ?? []), v.forms?.hant, v.forms?.tw, v.forms?.hk])
      if (form) own.add(form).add(toSimplified(form));
  return (w) => cedict.has(w) || own.has(w);
}
