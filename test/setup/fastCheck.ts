/**
 * A property that fails spends its remaining time shrinking the counterexample, synchronously: a
 * test timeout cannot stop it, and on a large input (term QA's edit sequences over real text) it
 * can run for many minutes. Past this limit fast-check stops shrinking and reports the failure
 * with the smallest counterexample found so far; a passing run this long just ends early.
 */
import fc from 'fast-check';

fc.configureGlobal({ interruptAfterTimeLimit: 60_000 });
