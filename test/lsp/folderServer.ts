/**
 * The server started on one workspace folder, as the project-file and termbase tests start it: the
 * folder as root and only workspace folder, its publishDiagnostics and log messages recorded, and
 * file watching offered to the server (`watch: true`), refused (`false`, so that it watches the files
 * itself) or not mentioned. Call `stopServersAfterEach()` once at the top of a test file.
 */
import { afterEach } from 'vitest';
import { type LspSession, shutdown, startServer } from './lspClient';

export interface FolderServer<D> {
  s: LspSession;
  /** Every publishDiagnostics, in order, by document URI. */
  published: Map<string, D[][]>;
  /** The server's window/logMessage messages. */
  logs: string[];
  /** The options of each workspace/didChangeWatchedFiles registration, as JSON. */
  registered: string[];
}

const sessions: LspSession[] = [];

/** Shut down, after each test, every server the test started with `startOnFolder`. */
export function stopServersAfterEach(): void {
  afterEach(async () => {
    for (const s of sessions.splice(0)) await shutdown(s).catch(() => s.process.kill());
  });
}

/** A server a test started otherwise, shut down after it like those of `startOnFolder`. */
export function stoppedAfterEach(s: LspSession): LspSession {
  sessions.push(s);
  return s;
}

export async function startOnFolder<D>(
  folderUri: string,
  options: { name?: string; watch?: boolean; settings?: Record<string, unknown> } = {},
): Promise<FolderServer<D>> {
  const s = stoppedAfterEach(startServer());
  if (options.settings) s.settings.fintechGlossary = options.settings;
  const published = new Map<string, D[][]>();
  s.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: D[] }) =>
    published.set(p.uri, [...(published.get(p.uri) ?? []), p.diagnostics]),
  );
  const logs: string[] = [];
  s.connection.onNotification('window/logMessage', (m: { message: string }) => logs.push(m.message));
  const registered: string[] = [];
  s.connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions: unknown }[] }) => {
    for (const r of p.registrations) if (r.method === 'workspace/didChangeWatchedFiles') registered.push(JSON.stringify(r.registerOptions));
    return null;
  });
  const watching =
    options.watch === undefined ? {} : { didChangeWatchedFiles: { dynamicRegistration: options.watch, relativePatternSupport: true } };
  await s.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: options.name ?? 'ws' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true, ...watching } },
  });
  await s.connection.sendNotification('initialized', {});
  return { s, published, logs, registered };
}
