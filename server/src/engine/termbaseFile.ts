/**
 * Whether a termbase file is used, the one rule of the server (Node and web builds) and the CLI: a
 * file a glob found is first sniffed from its start (`TERMBASE_START_BYTES`), so that a huge file of
 * something else is turned away without being read whole; a file that is no termbase is not used,
 * and says why once; a found file with no Chinese term is not used either, with that one message and
 * not also the problems of rows nobody will read. A named file (settings, project file, --glossary)
 * is read whole and used even without Chinese. The callers read the files (the server without
 * blocking, the CLI at once): both run the same steps, `termbaseFileSteps`.
 */
import type { Termbase, TermbaseDiagnostic } from './termbase';
import { TERMBASE_START_BYTES, termbaseStartProblem } from './termbaseLoad';

/** A termbase file to decide on: how it came (named, or found by a glob) and what to say when it has no Chinese. */
export interface TermbaseFile {
  /** The file's name or URI (its extension helps tell its format from its start). */
  name: string;
  /** Named by the user (loads even without Chinese) rather than found by a glob. */
  named: boolean;
  /** The message for a found file with no Chinese term (`noChineseTerm`). */
  noChinese: string;
}

/** What the rule decided: the file's termbase is used, or not, and what to show on the file (its diagnostics). */
export type TermbaseVerdict =
  | { use: true; termbase: Termbase; diagnostics: TermbaseDiagnostic[] }
  | {
      use: false;
      termbase: Termbase;
      /** Why, in one line (for "skipped NAME: why"). */
      why: string;
      /** No termbase at all (`unreadable`), or a termbase a glob found without Chinese. */
      reason: 'unreadable' | 'no-chinese';
      diagnostics: TermbaseDiagnostic[];
    };

/**
 * The message for a found file with no Chinese term: `nameItIn`, where naming it makes it used;
 * `saysNotUsed`, whether the message must itself say that the file is not used (a diagnostic on it;
 * `check`'s "skipped NAME:" line says so already).
 */
export const noChineseTerm = (nameItIn: string, saysNotUsed: boolean) =>
  `no Chinese term in this file${saysNotUsed ? ': not used as a glossary' : ''} (name it in ${nameItIn} to use it anyway)`;

/** What the rule asks its caller for: the text of the file's start (undefined: it cannot be read), or its whole termbase. */
export type TermbaseStep = { read: 'start'; bytes: number } | { read: 'whole' };

/**
 * The steps of the rule: it yields what it needs read and is given it back (the start's text, or
 * undefined when the start cannot be read, and the whole file's termbase as `loadTermbase` reads
 * it); it returns the verdict. `readStart`: whether the caller can read a file's start.
 */
export function* termbaseFileSteps(
  file: TermbaseFile,
  readStart: boolean,
): Generator<TermbaseStep, TermbaseVerdict, string | Termbase | undefined> {
  let termbase: Termbase | undefined;
  if (!file.named && readStart) {
    const head = (yield { read: 'start', bytes: TERMBASE_START_BYTES }) as string | undefined;
    // a start that cannot be read: reading the whole file says why
    if (head !== undefined) termbase = termbaseStartProblem(head, file.name);
  }
  termbase ??= (yield { read: 'whole' }) as Termbase;
  if (termbase.unreadable)
    return {
      use: false,
      termbase,
      reason: 'unreadable',
      why: termbase.diagnostics.map((d) => d.message).join('; '),
      diagnostics: termbase.diagnostics,
    };
  if (!file.named && !termbase.hasChinese)
    return {
      use: false,
      termbase,
      reason: 'no-chinese',
      why: file.noChinese,
      diagnostics: [{ severity: 'information', line: 1, column: 1, message: file.noChinese }],
    };
  return { use: true, termbase, diagnostics: termbase.diagnostics };
}

/** How a caller reads a file for the rule: its start (when it can), and its whole termbase. */
export interface TermbaseReader<Start, Whole> {
  start?(bytes: number): Start;
  whole(): Whole;
}

/** The rule for a caller that reads at once (the CLI); what `whole` throws is thrown. */
export function decideTermbaseFile(file: TermbaseFile, read: TermbaseReader<string | undefined, Termbase>): TermbaseVerdict {
  const steps = termbaseFileSteps(file, read.start !== undefined);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    step = steps.next(step.value.read === 'start' ? read.start!(step.value.bytes) : read.whole());
  }
}

/** The rule for a caller that reads without blocking (the server); what `whole` rejects with is thrown. */
export async function decideTermbaseFileAsync(
  file: TermbaseFile,
  read: TermbaseReader<Promise<string | undefined>, Promise<Termbase>>,
): Promise<TermbaseVerdict> {
  const steps = termbaseFileSteps(file, read.start !== undefined);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    step = steps.next(step.value.read === 'start' ? await read.start!(step.value.bytes) : await read.whole());
  }
}
