/**
 * A minimal LSP client for protocol tests: spawns the built server (`dist/server.js lsp --stdio`)
 * as a child process and speaks JSON-RPC over its stdio, as Neovim or Helix would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const SERVER = resolve(__dirname, '../../dist/server.js');

export interface LspSession {
  connection: MessageConnection;
  process: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
  /** Requests the server sent us (e.g. workspace/configuration), answered with `settings`. */
  settings: Record<string, unknown>;
}

export function startServer(args: string[] = []): LspSession {
  const child = spawn(process.execPath, [SERVER, 'lsp', '--stdio', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const session: LspSession = {
    connection,
    process: child,
    stderr: () => err,
    exited: new Promise((r) => child.on('exit', (code) => r(code))),
    settings: {},
  };
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section ? (session.settings[item.section] ?? null) : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  return session;
}

export async function initialize(
  session: LspSession,
  capabilities: object = { workspace: { configuration: true } },
  initializationOptions: object = {},
) {
  const result = await session.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities,
    initializationOptions,
  });
  await session.connection.sendNotification('initialized', {});
  // the server reads and indexes its glossary after `initialized` (or on the first request): wait
  // for that here, untimed, so that the tests' hang timers time their requests, not the one-time load
  await session.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: 'file:///warm-up.txt' },
    position: { line: 0, character: 0 },
  });
  return result as { capabilities: Record<string, unknown> };
}

/**
 * How long a server may take to answer `shutdown`, and then to exit: a server that does not is
 * killed, and the call fails saying so (a hung server must not hang the test run or outlive it).
 * Both together stay under the tests' hook timeout (30 s).
 */
export const SHUTDOWN_MS = 10_000;

export async function shutdown(session: LspSession): Promise<number | null> {
  const within = <T>(p: Promise<T>, what: string): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the server did not ${what} within ${SHUTDOWN_MS} ms; it was killed`)), SHUTDOWN_MS);
    });
    return Promise.race([p, late]).finally(() => clearTimeout(timer));
  };
  try {
    await within(session.connection.sendRequest('shutdown'), 'answer shutdown');
    await session.connection.sendNotification('exit');
    return await within(session.exited, 'exit after the exit notification');
  } catch (err) {
    session.process.kill('SIGKILL');
    throw err;
  } finally {
    session.connection.dispose();
  }
}
