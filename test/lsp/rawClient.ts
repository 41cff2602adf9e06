/**
 * A raw-framing LSP client for the fuzz and corpus tests. Unlike `lspClient.ts` (vscode-jsonrpc),
 * it writes exactly the bytes it is given: params can be null or absent, bodies malformed, headers
 * wrong. Every request has a hang detector: no answer within `hangMs` resolves as `{ timeout }`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER } from './lspClient';
import { HANG_MS } from './waitFor';

/** Pass as params to send a message without a `params` member. */
export const MISSING = Symbol('missing params');

export interface RpcResponse {
  id?: number | string | null;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
  /** No answer within the hang bound. */
  timeout?: true;
  /** The server exited before answering. */
  exited?: true;
}

export interface LogMessage {
  type: number;
  message: string;
}

export interface RawClientOptions {
  args?: string[];
  /** Answer to workspace/configuration (default: null for each item). */
  onConfiguration?: (items: { section?: string }[]) => { result: unknown } | { error: { code: number; message: string } };
}

export class RawClient {
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;
  exitCode: number | null | undefined = undefined;
  readonly logs: LogMessage[] = [];
  /** Requests the server sent us, by method (e.g. how often it asked for configuration). */
  readonly serverRequests: { method: string; params: unknown }[] = [];
  /** Every message the server sent, in order (responses have an id and no method). */
  readonly received: { id?: number | string | null; method?: string; params?: unknown; result?: unknown; error?: RpcResponse['error'] }[] =
    [];
  private stderrText = '';
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (r: RpcResponse) => void>();
  private readonly options: RawClientOptions;

  constructor(options: RawClientOptions = {}) {
    this.options = options;
    this.process = spawn(process.execPath, [SERVER, 'lsp', '--stdio', ...(options.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d) => (this.stderrText += String(d)));
    this.process.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    // writes after the server died must not throw in the test process
    this.process.stdin!.on('error', () => undefined);
    this.exited = new Promise((resolve) =>
      this.process.on('exit', (code) => {
        this.exitCode = code;
        for (const settle of this.pending.values()) settle({ exited: true });
        this.pending.clear();
        resolve(code);
      }),
    );
  }

  /** Running, and not being killed by us. */
  get alive(): boolean {
    return this.exitCode === undefined && !this.process.killed;
  }

  stderr(): string {
    return this.stderrText;
  }

  /** Raw bytes, exactly as given. */
  writeRaw(bytes: string | Buffer): void {
    if (this.alive) this.process.stdin!.write(bytes);
  }

  /** One framed message with a correct Content-Length. */
  send(message: unknown): void {
    const body = Buffer.from(typeof message === 'string' ? message : JSON.stringify(message), 'utf8');
    this.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  notify(method: string, params: unknown = MISSING): void {
    this.send(params === MISSING ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params });
  }

  request(method: string, params: unknown = MISSING, hangMs = HANG_MS): Promise<RpcResponse> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      if (!this.alive) return resolve({ exited: true });
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ timeout: true });
      }, hangMs);
      this.pending.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.send(params === MISSING ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
    });
  }

  async initialize(
    capabilities: object = { workspace: { configuration: true } },
    initializationOptions: object = {},
  ): Promise<RpcResponse> {
    const r = await this.request('initialize', { processId: null, rootUri: null, capabilities, initializationOptions }, 10_000);
    this.notify('initialized', {});
    return r;
  }

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text } });
  }

  hover(uri: string, line: unknown, character: unknown, hangMs?: number): Promise<RpcResponse> {
    return this.request('textDocument/hover', { textDocument: { uri }, position: { line, character } }, hangMs);
  }

  completion(uri: string, line: unknown, character: unknown, hangMs?: number): Promise<RpcResponse> {
    return this.request('textDocument/completion', { textDocument: { uri }, position: { line, character } }, hangMs);
  }

  /** Resolves with the exit code, or `'running'` if the process is still up after `ms`. */
  async exitWithin(ms: number): Promise<number | null | 'running'> {
    let timer: NodeJS.Timeout | undefined;
    const r = await Promise.race([this.exited, new Promise<'running'>((res) => (timer = setTimeout(() => res('running'), ms)))]);
    clearTimeout(timer);
    return r;
  }

  kill(): void {
    if (this.alive) this.process.kill('SIGKILL');
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const sep = this.buffer.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, sep).toString('ascii'))?.[1]);
      if (!Number.isFinite(length)) throw new Error(`the server sent a bad header: ${this.buffer.subarray(0, sep).toString()}`);
      if (this.buffer.length < sep + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(sep + 4, sep + 4 + length).toString('utf8')) as {
        id?: number;
        method?: string;
        params?: unknown;
        result?: unknown;
        error?: RpcResponse['error'];
      };
      this.buffer = this.buffer.subarray(sep + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: { id?: number; method?: string; params?: unknown; result?: unknown; error?: RpcResponse['error'] }): void {
    this.received.push(message);
    if (message.method !== undefined && message.id !== undefined) {
      this.serverRequests.push({ method: message.method, params: message.params });
      if (message.method === 'workspace/configuration') {
        const items = (message.params as { items: { section?: string }[] }).items;
        const answer = this.options.onConfiguration?.(items) ?? { result: items.map(() => null) };
        this.send({ jsonrpc: '2.0', id: message.id, ...answer });
      } else this.send({ jsonrpc: '2.0', id: message.id, result: null });
    } else if (message.method !== undefined) {
      if (message.method === 'window/logMessage' || message.method === 'window/showMessage') this.logs.push(message.params as LogMessage);
    } else if (typeof message.id === 'number') {
      const settle = this.pending.get(message.id);
      this.pending.delete(message.id);
      settle?.(message);
    }
  }
}
