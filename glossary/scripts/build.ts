#!/usr/bin/env node
// Build the bundled glossary: clean the sources (when the seeds are at hand), load and validate
// glossary/entries/*.yaml, check keys/ids/references/quotations, generate the regional forms,
// attach occurrences and examples, and write dist/glossary.json deterministically.
//
//   node --import tsx glossary/scripts/build.ts [--out FILE] [--strict] [--quiet] [--force]   (npm run glossary:build)
//     --strict  warnings fail the build too
//     --quiet   print errors and a summary, not every warning
//     --force   write the output even when there are errors (the invalid entries are left out)
//     --crossings  list every term occurrence that crosses a known word (file:line:col: warning: …);
//               without it the build prints their count and the most frequent pairs
// Exit status: 0 ok, 1 errors (file:line: error: … on stderr).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { buildGlossary } from './lib/build';
import { formatDiag } from './lib/load';
import { crossingSummary, formatCrossing } from './lib/words';
import { REPO } from './lib/seeds';

const args = process.argv.slice(2);
const started = performance.now();
const outArg = args.indexOf('--out');
const out = outArg >= 0 ? resolve(args[outArg + 1] ?? '') : join(REPO, 'dist', 'glossary.json');
const { json, glossary, diagnostics, files, crossings } = buildGlossary();
const errors = diagnostics.filter((d) => d.severity === 'error');
const warnings = diagnostics.filter((d) => d.severity === 'warning');
for (const d of errors) console.error(formatDiag(d));
if (!args.includes('--quiet')) for (const d of warnings) console.error(formatDiag(d));
const failed = errors.length > 0 || (args.includes('--strict') && warnings.length > 0);
const ms = Math.round(performance.now() - started);
const summary = `glossary: ${glossary.entries.length} entries from ${files.length} files, ${errors.length} errors, ${warnings.length} warnings`;
if (args.includes('--crossings')) for (const c of crossings) console.error(formatCrossing(c));
if (crossings.length) console.error(crossingSummary(crossings, 10));
if (failed && !args.includes('--force')) {
  console.error(`${summary}; dist not written (${ms} ms)`);
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
const old = existsSync(out) ? readFileSync(out, 'utf8') : null;
if (old !== json) writeFileSync(out, json);
console.log(`${summary}; ${old === json ? 'unchanged' : 'wrote'} ${relative(process.cwd(), out)} (${json.length} chars, ${ms} ms)`);
if (failed) process.exit(1);
