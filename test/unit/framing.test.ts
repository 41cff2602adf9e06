/**
 * The stdin framing watch: valid traffic, however it is cut into chunks, is never an error; the
 * framing errors a buggy client or proxy makes are found.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FramingChecker } from '../../server/src/framing';

const frame = (body: string, headers = '') => {
  const bytes = Buffer.from(body);
  return Buffer.concat([Buffer.from(`${headers}Content-Length: ${bytes.length}\r\n\r\n`), bytes]);
};

function feed(stream: Buffer, cuts: number[]): string | undefined {
  const checker = new FramingChecker();
  let at = 0;
  let error: string | undefined;
  for (const cut of [...cuts.map((c) => c % (stream.length + 1)).sort((a, b) => a - b), stream.length]) {
    error ??= checker.push(stream.subarray(at, cut));
    at = Math.max(at, cut);
  }
  return error;
}

describe('FramingChecker', () => {
  it('valid messages in any chunking are never an error', () => {
    const body = fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { s } }));
    const header = fc.constantFrom('', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(body, header), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (messages, cuts) => {
          const stream = Buffer.concat(messages.map(([b, h]) => frame(b, h)));
          expect(feed(stream, cuts)).toBeUndefined();
        },
      ),
      { numRuns: 500 },
    );
  });

  const ok = frame('{"jsonrpc":"2.0","method":"initialized","params":{}}');
  it.each([
    [
      'Content-Length too small',
      Buffer.concat([ok, Buffer.from('Content-Length: 3\r\n\r\n{"jsonrpc":"2.0"}'), ok]),
      /without Content-Length|malformed header/,
    ],
    ['Content-Length -1', Buffer.concat([ok, Buffer.from('Content-Length: -1\r\n\r\n{}')]), /not a byte count/],
    ['Content-Length abc', Buffer.from('Content-Length: abc\r\n\r\n{}'), /not a byte count/],
    ['no Content-Length', Buffer.from('Content-Type: x\r\n\r\n{}'), /without Content-Length/],
    [
      'LF-only headers',
      Buffer.concat(Array.from({ length: 400 }, () => Buffer.from('Content-Length: 2\n\n{}'))),
      /no end of the message header/,
    ],
    [
      'binary garbage',
      Buffer.from(Array.from({ length: 9000 }, (_, i) => (i * 7919) % 251)),
      /no end of the message header|malformed header/,
    ],
  ])('%s is an error', (_name, stream, message) => {
    expect(feed(stream, [1, 7, 30, 500])).toMatch(message);
    expect(feed(stream, [])).toMatch(message);
  });
});
