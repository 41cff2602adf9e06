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
import { activateWith, deactivate } from './extension';

/** The browser's Worker, as far as this file uses it (the project compiles without the DOM lib). */
interface WebWorker {
  terminate(): void;
}
declare const Worker: new (url: string) => WebWorker;

/**
 * vscode-languageclient/browser's LanguageClient, except that every start gets a fresh worker: a
 * server that has been shut down does not initialize again, so a restart needs a new one.
 */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: WebWorker | undefined;

  constructor(
    id: string,
    name: string,
    options: LanguageClientOptions,
    private readonly script: string,
  ) {
    super(id, name, options);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    const worker = (this.worker = new Worker(this.script));
    return Promise.resolve({ reader: new BrowserMessageReader(worker as never), writer: new BrowserMessageWriter(worker as never) });
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.worker?.terminate();
      this.worker = undefined;
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true);
  return activateWith(context, (id, name, options) => new WorkerLanguageClient(id, name, options, script), {
    extensionUri: context.extensionUri.toString(true),
  });
}

export { deactivate };
