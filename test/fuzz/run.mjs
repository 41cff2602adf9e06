// `npm run fuzz`: model-based fuzzing of LSP message sequences against the built server
// (test/lsp/lspFuzz.ts), many more sequences than the small run in `npm test`.
//   node test/fuzz/run.mjs [--runs=100000] [--seed=N] [--max-ops=12] [--hang-ms=2000]
// or FUZZ_RUNS / FUZZ_SEED in the environment. Prints seed, count, time and what it found; a
// failure prints the shrunk counterexample (replay it with --seed and the same options).
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const runs = Number(arg('runs') ?? process.env.FUZZ_RUNS ?? 100_000);
const seed = Number(arg('seed') ?? process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const maxOps = Number(arg('max-ops') ?? 12);
const hangMs = Number(arg('hang-ms') ?? 2000);

const out = join(os.tmpdir(), 'fintech-glossary-fuzz', 'lspFuzz.cjs');
await build({
  entryPoints: [join(root, 'test/lsp/lspFuzz.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  sourcemap: 'inline',
  // the module finds dist/ relative to its own folder
  define: { __dirname: JSON.stringify(join(root, 'test/lsp')) },
});
const { fuzz } = createRequire(import.meta.url)(out);

console.log(`fuzz: ${runs} sequences (up to ${maxOps} operations each), seed ${seed}, hang bound ${hangMs} ms`);
const t0 = performance.now();
const { details, stats, report } = await fuzz({ runs, seed, maxOps, hangMs });
const seconds = ((performance.now() - t0) / 1000).toFixed(1);
console.log(
  `ran ${details.numRuns} sequences in ${seconds} s (seed ${seed}): ${stats.messages} messages, ${stats.hovers} hovers (${stats.cards} cards), ` +
    `${stats.completions} completions (${stats.withItems} with items), ${stats.resolves} resolves, ${stats.restarts} server restarts`,
);
if (details.failed) {
  console.log(`FOUND a failure after ${details.numRuns} sequences (${details.numShrinks} shrinks):\n${report}`);
  process.exitCode = 1;
} else console.log('found nothing: every request answered, every answer equal to the reference');
