/**
 * The baseline language server: vscode-languageserver with the same document sync as ours, but no
 * glossary. Hover answers with the requested position, completion with one fixed item. Measuring
 * it against our server shows what our own work adds on top of the protocol.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
// --pad=N: answer hovers with N characters, to price the payload size separately from the lookup
const pad = Number(process.argv.find((a) => a.startsWith('--pad='))?.slice(6) ?? 0);
const documents = new TextDocuments(TextDocument);
// --diagnostics=FILE: on every change, publish the diagnostics in FILE (JSON), to price a
// publishDiagnostics message of a given size without any checking
const diagnosticsFile = process.argv.find((a) => a.startsWith('--diagnostics='))?.slice(14);
const diagnostics = diagnosticsFile ? JSON.parse(readFileSync(diagnosticsFile, 'utf8')) : undefined;
if (diagnostics)
  documents.onDidChangeContent(({ document }) => {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  });

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, hoverProvider: true, completionProvider: { resolveProvider: false } },
  serverInfo: { name: 'echo' },
}));
connection.onHover(({ textDocument, position }) => {
  const doc = documents.get(textDocument.uri);
  const value = `${position.line}:${position.character}`;
  return doc ? { contents: { kind: 'markdown', value: pad ? value.padEnd(pad, '·') : value } } : null;
});
connection.onCompletion(({ position }) => ({ isIncomplete: true, items: [{ label: `${position.line}:${position.character}` }] }));

documents.listen(connection);
connection.listen();
