/**
 * A watch on the raw bytes of a stream transport (stdio). vscode-jsonrpc's reader loses sync for
 * good on a framing error (a missing or wrong Content-Length, LF-only headers, garbage) and then
 * waits forever: the process stays up, answers nothing and logs nothing, so a client that
 * restarts a server when it exits never notices. This checker follows the same framing in
 * parallel and reports the first error, so the server can say what happened and exit non-zero.
 */

/** Longest header block accepted (real ones are under 100 bytes). */
const MAX_HEADER_BYTES = 8192;
const CRLF2 = Buffer.from('\r\n\r\n');
const EMPTY = Buffer.alloc(0);

export class FramingChecker {
  private header = EMPTY;
  /** Body bytes still to skip; -1 while reading a header block. */
  private remaining = -1;
  private failed: string | undefined;

  /** Feed the next chunk; returns a description of the first framing error, if there is one. */
  push(chunk: Buffer): string | undefined {
    let data = chunk;
    while (!this.failed && data.length > 0) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, data.length);
        this.remaining -= n;
        data = data.subarray(n);
        if (this.remaining === 0) this.remaining = -1;
        continue;
      }
      // reading a header block: find its end (the header may arrive in pieces; usually it does not,
      // and then nothing is copied)
      let block: Buffer;
      let end: number;
      if (this.header.length === 0) {
        block = data;
        end = data.indexOf(CRLF2);
      } else {
        const before = this.header.length;
        block = Buffer.concat([this.header, data]);
        end = block.indexOf(CRLF2, Math.max(0, before - 3));
      }
      if (end < 0) {
        this.header = Buffer.from(block);
        if (this.header.length > MAX_HEADER_BYTES)
          this.failed = `no end of the message header in ${this.header.length} bytes (headers end with CRLF CRLF)`;
        return this.failed;
      }
      this.failed = this.checkHeader(block.toString('latin1', 0, end));
      data = block.subarray(end + 4);
      this.header = EMPTY;
    }
    return this.failed;
  }

  private checkHeader(block: string): string | undefined {
    let length: number | undefined;
    for (const line of block.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) return `malformed header line ${JSON.stringify(line.slice(0, 60))}`;
      if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
      const value = line.slice(colon + 1).trim();
      if (!/^\d{1,12}$/.test(value)) return `Content-Length is not a byte count: ${JSON.stringify(value.slice(0, 40))}`;
      length = Number(value);
    }
    if (length === undefined) return 'a message header without Content-Length';
    this.remaining = length > 0 ? length : -1;
    return undefined;
  }
}
