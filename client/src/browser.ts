/**
 * The web entry point (`browser`: vscode.dev, github.dev): the server is dist/web/server.js in a Web
 * Worker. It fetches the glossary (dist/glossary.json, the same file the desktop server reads) from
 * the extension's URI, which it gets in `initializationOptions`.
 */
import * as vscode from 'vscode';
import {
  BaseLanguageClient,
  BrowserMessageReader,
  BrowserMessageWriter,
  type LanguageClientOptions,
  type MessageTransports,
} from 'vscode-languageclient/browser';
import type { InitializationOptions } from '../../server/src/protocol';
import { activateWith, deactivate } from './extension';
import { serveFiles } from './files';

/** The browser's Worker, Blob and URL, as far as this file uses them (the project compiles without the DOM lib). */
interface WebWorker {
  terminate(): void;
}
declare const Worker: new (url: string) => WebWorker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
declare const URL: { createObjectURL(blob: unknown): string; revokeObjectURL(url: string): void };
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

/** What the worker reads besides its script, relative to the extension. */
const GLOSSARY = 'dist/glossary.json';
const SCRIPTS = ['dist/opencc-preset.js'];

/**
 * vscode-languageclient/browser's LanguageClient, except that every start gets a fresh worker (a
 * server that has been shut down does not initialize again, so a restart needs a new one), and that
 * it also works where the extension's files are not URLs a worker can load: VS Code starts no worker
 * from a `vscode-remote:` script (code-server, remote web setups), so there the client reads the
 * script and the files the server needs with `workspace.fs` and hands them over: scripts as object
 * URLs, the glossary as text (that worker's content policy allows no fetch of an object URL).
 */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: WebWorker | undefined;
  private objectUrls: string[] = [];
  /** The glossary and the scripts' object URLs, when the worker cannot fetch the extension's own URLs. */
  assets: InitializationOptions['assets'];

  constructor(
    id: string,
    name: string,
    options: LanguageClientOptions,
    private readonly extensionUri: vscode.Uri,
  ) {
    super(id, name, options);
  }

  protected async createMessageTransports(): Promise<MessageTransports> {
    this.dispose_();
    const worker = (this.worker = await this.startWorker());
    return { reader: new BrowserMessageReader(worker as never), writer: new BrowserMessageWriter(worker as never) };
  }

  private async startWorker(): Promise<WebWorker> {
    const script = vscode.Uri.joinPath(this.extensionUri, 'dist', 'web', 'server.js');
    this.assets = undefined;
    if (this.extensionUri.scheme !== 'vscode-remote') return new Worker(script.toString(true));
    const objectUrl = async (uri: vscode.Uri) => {
      const url = URL.createObjectURL(new Blob([await vscode.workspace.fs.readFile(uri)], { type: 'text/javascript' }));
      this.objectUrls.push(url);
      return url;
    };
    const scripts: Record<string, string> = {};
    for (const path of SCRIPTS) scripts[path] = await objectUrl(vscode.Uri.joinPath(this.extensionUri, path));
    const glossary = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, GLOSSARY)));
    this.assets = { glossary, scripts };
    return new Worker(await objectUrl(script));
  }

  private dispose_(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const url of this.objectUrls.splice(0)) URL.revokeObjectURL(url);
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.dispose_();
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  let client: WorkerLanguageClient | undefined;
  return activateWith(
    context,
    (id, name, options) => {
      client = new WorkerLanguageClient(id, name, options, context.extensionUri);
      // the worker reads the workspace's termbases through us
      serveFiles(client);
      return client;
    },
    (): Partial<InitializationOptions> => ({
      extensionUri: context.extensionUri.toString(true),
      assets: client?.assets,
      clientFiles: true,
    }),
  );
}

export { deactivate };
