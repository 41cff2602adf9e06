import { describe, expect, it } from 'vitest';
import { fuzz } from './lspFuzz';
import { HANG_MS } from './waitFor';

// A few hundred random message sequences against the real server; `npm run fuzz` runs 100,000+.
// FUZZ_SEED replays a reported failure.
describe('model-based fuzzing of LSP message sequences', () => {
  it('every request is answered, and every hover and completion equals a fresh server on the same text', async () => {
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
    const { details, stats, report } = await fuzz({ runs: Number(process.env.FUZZ_RUNS ?? 500), seed, hangMs: HANG_MS });
    if (details.failed) throw new Error(report);
    // the sequences really exercise terms, not just empty answers
    expect(stats.cards).toBeGreaterThan(stats.sequences / 10);
    expect(stats.withItems).toBeGreaterThan(0);
  }, 120_000);
});
