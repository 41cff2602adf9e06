/**
 * Positions and ranges in the params and arguments the server takes, checked one way everywhere.
 * A range whose start comes after its end (a selection made backwards) stands for the same text as
 * the forward one: it is turned round here, so no handler reads or replaces the wrong span.
 */
import type { Position, Range } from 'vscode-languageserver';

const isUinteger = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

export const isPosition = (p: unknown): p is Position => {
  const q = p as { line?: unknown; character?: unknown } | null;
  return !!q && typeof q === 'object' && isUinteger(q.line) && isUinteger(q.character);
};

const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character > b.character);

/** A well-formed range, start first (a reversed one turned round); undefined when malformed. */
export function rangeArg(r: unknown): Range | undefined {
  const x = r as { start?: unknown; end?: unknown } | null;
  if (!x || typeof x !== 'object' || !isPosition(x.start) || !isPosition(x.end)) return undefined;
  const start = { line: x.start.line, character: x.start.character };
  const end = { line: x.end.line, character: x.end.character };
  return after(start, end) ? { start: end, end: start } : { start, end };
}
