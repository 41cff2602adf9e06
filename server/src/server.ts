/**
 * The only file that knows the connection: it wires documents, settings and features together.
 */
import {
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentIndex } from './engine/documentIndex';
import { Glossary } from './engine/glossary';
import { completion, resolveCompletion, type CompletionClient } from './features/completion';
import { hover } from './features/hover';
import { lookupEntries, toLookupItem } from './features/lookup';
import { Commands, LookupRequest, SETTINGS_SECTION, defaultSettings, type InitializationOptions, type Settings } from './protocol';

export interface ServerOptions {
  /** Path of the compiled glossary (dist/glossary.json). */
  glossaryPath: string;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  // Per-document occurrence indexes, made on first use and kept current by the document updates
  // below (each incremental change rescans only the region it touched).
  const indexes = new Map<string, DocumentIndex>();
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (doc, changes, version) => {
      const index = indexes.get(doc.uri);
      if (!index) return TextDocument.update(doc, changes, version);
      for (const change of changes) {
        if ('range' in change) {
          const start = doc.offsetAt(change.range.start), oldEnd = doc.offsetAt(change.range.end);
          doc = TextDocument.update(doc, [change], version);
          index.update(doc.getText(), start, oldEnd, start + change.text.length);
        } else {
          doc = TextDocument.update(doc, [change], version);
          index.reset(doc.getText());
        }
      }
      return doc;
    },
  });
  documents.onDidClose(({ document }) => indexes.delete(document.uri));
  let glossary: Glossary;
  let settings: Settings = defaultSettings;
  let canPullConfiguration = false;
  let commandLinks = false;
  let completionClient: CompletionClient = {};

  const loadGlossary = () => {
    try {
      glossary = Glossary.fromFile(options.glossaryPath);
      connection.console.info(`Fintech Glossary: ${glossary.entries.length} concepts loaded from ${options.glossaryPath}`);
    } catch (err) {
      // Keep serving (with nothing to show) rather than dying: say clearly what is wrong.
      glossary = new Glossary([]);
      const message = `Fintech Glossary: cannot load the glossary: ${err instanceof Error ? err.message : String(err)}`;
      connection.console.error(message);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
    }
  };

  const refreshSettings = async () => {
    if (!canPullConfiguration) return;
    const [value] = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
    settings = mergeSettings(value);
  };

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    settings = mergeSettings(init.settings);
    commandLinks = init.commandLinks === true;
    const completionCaps = params.capabilities.textDocument?.completion;
    completionClient = {
      lazyDocumentation: !!completionCaps?.completionItem?.resolveSupport?.properties?.includes('documentation'),
      defaultEditRange: !!completionCaps?.completionList?.itemDefaults?.includes('editRange'),
      labelDetails: !!completionCaps?.completionItem?.labelDetailsSupport,
    };
    loadGlossary();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { resolveProvider: true },
        executeCommandProvider: { commands: [Commands.serverLookup] },
      },
      serverInfo: { name: 'fintech-glossary' },
    };
  });

  connection.onInitialized(async () => {
    // The term index is built here rather than in initialize, so the client is not kept waiting.
    setImmediate(() => glossary.index.build());
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
      await refreshSettings().catch((e) => connection.console.warn(`settings: ${String(e)}`));
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await refreshSettings();
    else settings = mergeSettings(change.settings?.[SETTINGS_SECTION]);
  });

  const matchOptions = () => ({ acronymsCaseInsensitive: settings.matchAcronymsCaseInsensitive });

  /** The occurrence index of an open document (shared by hover and later features). */
  const indexOf = (doc: TextDocument): DocumentIndex => {
    let index = indexes.get(doc.uri);
    if (!index || index.terms !== glossary.index) {
      index = new DocumentIndex(glossary.index, doc.getText(), matchOptions());
      indexes.set(doc.uri, index);
    } else index.setOptions(matchOptions());
    return index;
  };

  connection.onHover(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || !settings.hover.enable) return null;
    return hover(glossary, doc, position, indexOf(doc), commandLinks);
  });

  connection.onCompletion(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc || !settings.completion.enable) return null;
    return completion(glossary, doc, position, settings.preferredScript, completionClient);
  });

  connection.onCompletionResolve((item) => resolveCompletion(glossary, item));

  connection.onRequest(LookupRequest, ({ term }) =>
    lookupEntries(glossary, term, matchOptions()).map((e) => toLookupItem(glossary, e)),
  );

  connection.onExecuteCommand(({ command, arguments: args }) => {
    if (command === Commands.serverLookup && typeof args?.[0] === 'string') {
      return lookupEntries(glossary, args[0], matchOptions()).map((e) => toLookupItem(glossary, e));
    }
    return null;
  });

  documents.listen(connection);
  connection.listen();
}

/** Settings from the client, with defaults for anything missing or malformed. */
export function mergeSettings(value: unknown): Settings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Settings>;
  const scripts = ['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK'];
  return {
    languages: Array.isArray(v.languages) ? v.languages.filter((l) => typeof l === 'string') : defaultSettings.languages,
    preferredScript: scripts.includes(v.preferredScript as string) ? v.preferredScript! : defaultSettings.preferredScript,
    hover: { enable: v.hover?.enable ?? defaultSettings.hover.enable },
    completion: { enable: v.completion?.enable ?? defaultSettings.completion.enable },
    matchAcronymsCaseInsensitive: typeof v.matchAcronymsCaseInsensitive === 'boolean' ? v.matchAcronymsCaseInsensitive : false,
  };
}
