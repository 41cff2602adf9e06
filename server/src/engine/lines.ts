/**
 * Lines of a document as the Markdown and directive scans read them: a line ends at a line feed or a
 * carriage return (CRLF is a CR then an LF).
 */

import type { Text } from './text';

export const isLineBreak = (u: number): boolean => u === 0x0a || u === 0x0d;

/** Start of the line containing offset `i`. */
export function lineStart(text: Text, i: number): number {
  while (i > 0 && !isLineBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

/** End of the line containing offset `i` (the offset of its line break, or the text's end). */
export function lineEnd(text: Text, i: number): number {
  while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
  return i;
}
