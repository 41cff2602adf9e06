/**
 * The Web Worker entry point (vscode.dev, github.dev, any VS Code for the Web): the same server as
 * cli.ts's `lsp`, over the worker's postMessage channel. Only this file and assets.ts differ from the
 * Node build: the glossary is fetched from the extension's URI instead of read from disk. Nothing
 * this bundle includes may import `node:*` (test/unit/layers.test.ts walks its imports).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, type InitializeParams } from 'vscode-languageserver/browser';
import { Glossary, type UncheckedGlossary } from '../engine/glossary';
import type { InitializationOptions } from '../protocol';
import { MessageGuard } from '../messageGuard';
import { startServer } from '../server';
import { assetUrl, setExtensionBase } from './assets';

/** The worker's global scope, as far as this file uses it (the project compiles without the DOM lib). */
declare const self: {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  // biome-ignore lint/suspicious/noExplicitAny: the reader and writer take the DOM's worker type
} & any;

const GLOSSARY = 'dist/glossary.json';

async function fetchGlossary(params: InitializeParams): Promise<UncheckedGlossary> {
  const options = params.initializationOptions as InitializationOptions | undefined;
  setExtensionBase(options?.extensionUri, options?.assets?.scripts);
  // read by the client where the worker cannot fetch the extension's files (code-server)
  if (typeof options?.assets?.glossary === 'string') return Glossary.read(options.assets.glossary, GLOSSARY);
  const url = assetUrl(GLOSSARY);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new Error(`cannot fetch ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!response.ok) throw new Error(`cannot fetch ${url}: HTTP ${response.status}`);
  return Glossary.read(await response.text(), url);
}

const guard = new MessageGuard();
const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self), { messageStrategy: guard });
startServer(connection, { readGlossary: fetchGlossary, glossaryName: GLOSSARY, guard });
