/**
 * The baseline language server: vscode-languageserver with the same document sync as ours, but no
 * glossary. Hover answers with the requested position, completion with one fixed item. Measuring
 * it against our server shows what our own work adds on top of the protocol.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
// --pad=N: answer hovers with N characters, to price the payload size separately from the lookup
const pad = Number(process.argv.find((a) => a.startsWith('--pad='))?.slice(6) ?? 0);
const documents = new TextDocuments(TextDocument);

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
