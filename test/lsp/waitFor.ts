/**
 * Waiting for what the server does in the background (a push, a log line, a reload after a file
 * change). A wait ends as soon as its condition holds, so a passing test never waits out the bound;
 * the bound only decides how long a failing one takes. It is generous because CI machines are shared
 * and slow at times: a bound counted in loop turns (`i < 20`, one second) failed there once.
 */
export const PATIENCE_MS = 20_000;

/**
 * A request not answered within this is a hang. It is a hang detector, not a speed test: an endless
 * loop never answers, while a GC pause or a busy machine delays an answer by a second or two.
 */
export const HANG_MS = 10_000;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait until `ok()` holds or `ms` have passed; the caller's `expect` then says what was missing. */
export async function waitFor(ok: () => boolean, ms = PATIENCE_MS, step = 25): Promise<void> {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await pause(step);
}

/** Ask `get()` until its answer satisfies `ok` or `ms` have passed; the last answer. */
export async function askUntil<T>(get: () => Promise<T>, ok: (answer: T) => boolean, ms = PATIENCE_MS, step = 100): Promise<T> {
  const end = Date.now() + ms;
  let answer = await get();
  while (!ok(answer) && Date.now() < end) {
    await pause(step);
    answer = await get();
  }
  return answer;
}
