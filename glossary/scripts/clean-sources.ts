#!/usr/bin/env node
// Clean the two seed documents into glossary/sources/ (npm run glossary:clean).
//   node --import tsx glossary/scripts/clean-sources.ts [--seeds DIR] [--check]
// --check compares with the committed files instead of writing (exit 1 if they differ).
// The seeds live outside the repo (../shared/seeds); without them the committed sources are used.
import { resolve } from 'node:path';
import { cleanSources, DEFAULT_SEEDS } from './lib/seeds';

const args = process.argv.slice(2);
const seedsArg = args.indexOf('--seeds');
const r = cleanSources({
  seeds: seedsArg >= 0 ? resolve(args[seedsArg + 1] ?? '') : DEFAULT_SEEDS,
  check: args.includes('--check'),
  log: (m) => console.log(m),
});
if (r.missing.length) console.log(`seeds not found for ${r.missing.join(', ')}: committed sources kept`);
for (const f of r.unchanged) console.log(`unchanged ${f}`);
if (r.differ.length) {
  console.error(`out of date: ${r.differ.join(', ')}`);
  process.exit(1);
}
