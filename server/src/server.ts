/**
 * The only file that knows the connection: it wires documents, settings and features together.
 * Every handler is registered through `request` or `notify` below, which answer before
 * `initialize` and after `shutdown` as the protocol says, and turn any exception or rejection into
 * a logged error: one bad message never takes the server down.
 */
import {
  DidChangeConfigurationNotification,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver';
import { Glossary, type UncheckedGlossary } from './engine/glossary';
import { OpenDocuments } from './documents';
import { completion, resolveCompletion, type CompletionClient } from './features/completion';
import { hover } from './features/hover';
import { uiLanguageOf, wordsFor, type Words } from './features/words';
import { lookupEntries, toLookupItem } from './features/lookup';
import {
  Commands,
  DocumentVariantRequest,
  LookupRequest,
  SETTINGS_SECTION,
  defaultSettings,
  type InitializationOptions,
  type Settings,
} from './protocol';
import { emptyProjectConfig, parseProjectConfig, type ProjectConfig } from './projectConfig';
import { TermQA } from './qa';
import { mergeSettings } from './settings';

/**
 * What an entry point gives the shared server: how to get the compiled glossary. The Node entry
 * (cli.ts) reads it from disk; the Web Worker entry (browser/main.ts) fetches it from the
 * extension's URI, which the browser client passes in `initializationOptions`.
 */
export interface ServerOptions {
  /**
   * Reads the compiled glossary (dist/glossary.json) and checks its format; throws (or rejects) with
   * a clear message when it cannot. Its entries are checked, and its index built, after `initialized`.
   */
  readGlossary: (params: InitializeParams) => UncheckedGlossary | Promise<UncheckedGlossary>;
  /** Where the glossary comes from, for messages. */
  glossaryName: string;
  /**
   * The text of the project file (.fintech-glossary.yaml) at a workspace root URI, if there is one
   * (the Node entry reads it from disk; in a browser the client may send it as
   * `initializationOptions.projectFile`).
   */
  readProjectFile?: (rootUri: string) => string | undefined;
}

type Phase = 'uninitialized' | 'running' | 'shut down';

export function startServer(connection: Connection, options: ServerOptions): void {
  const open = new OpenDocuments();
  let phase: Phase = 'uninitialized';
  let glossary = new Glossary([]);
  let settings: Settings = defaultSettings;
  let canPullConfiguration = false;
  let commandLinks = false;
  let completionClient: CompletionClient = {};
  /** The server's own words, in the interface language the client's `locale` names. */
  let words: Words = wordsFor('en');
  let project: { config: ProjectConfig; rootUri?: string } = { config: emptyProjectConfig };

  const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));
  const logFailure = (what: string, err: unknown) =>
    connection.console.error(`Fintech Glossary: ${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);

  /** An error response for a failed request: our own ResponseErrors as they are, anything else logged. */
  const failure = (method: string, err: unknown): ResponseError<void> => {
    if (err instanceof ResponseError) return err as ResponseError<void>;
    logFailure(method, err);
    return new ResponseError(ErrorCodes.InternalError, `${method} failed: ${describe(err)}`);
  };

  /** A request handler: lifecycle errors, malformed params and exceptions become error responses. */
  function request<P, R>(
    method: string,
    handler: (params: P) => R | Promise<R>,
  ): (params: P) => R | ResponseError<void> | Promise<R | ResponseError<void>> {
    return (params: P) => {
      if (phase === 'uninitialized')
        return new ResponseError(ErrorCodes.ServerNotInitialized, `${method}: the server is not initialized yet`);
      if (phase === 'shut down') return new ResponseError(ErrorCodes.InvalidRequest, `${method}: the server is shutting down`);
      try {
        ready();
        const result = handler(params);
        return result instanceof Promise ? result.catch((err: unknown) => failure(method, err)) : result;
      } catch (err) {
        return failure(method, err);
      }
    };
  }

  /** A notification handler: exceptions and rejections are logged, never thrown. */
  function notify<P>(method: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
    return (params: P) => {
      try {
        const result = handler(params);
        if (result instanceof Promise) result.catch((err: unknown) => logFailure(method, err));
      } catch (err) {
        logFailure(method, err);
      }
    };
  }

  /** Keep serving (with nothing to show) rather than dying: say clearly what is wrong. */
  const glossaryFailed = (err: unknown) => {
    glossary = new Glossary([]);
    const message = `Fintech Glossary: cannot load the glossary: ${describe(err)}`;
    connection.console.error(message);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
  };

  /** Read the glossary in initialize (parse and format check); the rest waits for `ready`. */
  let unchecked: UncheckedGlossary | undefined;
  const readGlossary = async (params: InitializeParams) => {
    try {
      unchecked = await options.readGlossary(params);
    } catch (err) {
      glossaryFailed(err);
    }
  };

  /**
   * Check every entry and build the term index: after `initialized` (so the client is not kept
   * waiting), or on the first request that needs the glossary if one comes sooner.
   */
  const ready = () => {
    if (!unchecked) return;
    const pending = unchecked;
    unchecked = undefined;
    try {
      glossary = pending.check();
      glossary.index.build();
      qa.invalidate();
      connection.console.info(`Fintech Glossary: ${glossary.entries.length} concepts loaded from ${options.glossaryName}`);
    } catch (err) {
      glossaryFailed(err);
    }
  };

  const warn = (message: string) => connection.console.warn(`Fintech Glossary: ${message}`);
  const matchOptions = () => ({ acronymsCaseInsensitive: settings.matchAcronymsCaseInsensitive });
  const qa = new TermQA({
    connection,
    open,
    glossary: () => {
      ready();
      return glossary;
    },
    settings: () => settings,
    matchOptions,
    project: () => project,
  });

  /** Read the project file at the workspace root (or the one the client sent). */
  const readProject = (params: InitializeParams) => {
    const rootUri = params?.workspaceFolders?.[0]?.uri ?? params?.rootUri ?? undefined;
    const sent = (params?.initializationOptions as InitializationOptions | undefined)?.projectFile;
    let text: string | undefined;
    try {
      text = typeof sent === 'string' ? sent : rootUri && options.readProjectFile ? options.readProjectFile(rootUri) : undefined;
    } catch (err) {
      warn(`cannot read the project file: ${describe(err)}`);
    }
    const config = text === undefined ? emptyProjectConfig : parseProjectConfig(text, warn);
    project = { config, ...(rootUri ? { rootUri } : {}) };
  };

  const refreshSettings = async () => {
    if (!canPullConfiguration) return;
    const answer: unknown = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
    settings = mergeSettings(Array.isArray(answer) ? answer[0] : undefined, warn);
    qa.invalidate();
  };

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const capabilities = params?.capabilities ?? {};
    canPullConfiguration = capabilities.workspace?.configuration === true;
    const init = (params?.initializationOptions ?? {}) as InitializationOptions;
    settings = mergeSettings(init.settings, warn);
    commandLinks = init.commandLinks === true;
    words = wordsFor(uiLanguageOf(params?.locale));
    const completionCaps = capabilities.textDocument?.completion;
    completionClient = {
      lazyDocumentation: !!completionCaps?.completionItem?.resolveSupport?.properties?.includes('documentation'),
      defaultEditRange: !!completionCaps?.completionList?.itemDefaults?.includes('editRange'),
      labelDetails: !!completionCaps?.completionItem?.labelDetailsSupport,
    };
    const qaCapabilities = qa.initialize(params);
    if (phase === 'uninitialized') {
      phase = 'running';
      readProject(params);
      await readGlossary(params);
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { resolveProvider: true },
        executeCommandProvider: { commands: [Commands.serverLookup, Commands.convert] },
        ...qaCapabilities,
      },
      serverInfo: { name: 'fintech-glossary' },
    };
  });

  connection.onInitialized(
    notify('initialized', async () => {
      setTimeout(ready, 0);
      if (!canPullConfiguration) return;
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
      await refreshSettings().catch((e: unknown) => warn(`cannot read the settings: ${describe(e)}`));
    }),
  );

  connection.onShutdown(() => {
    phase = 'shut down';
  });

  connection.onDidChangeConfiguration(
    notify('workspace/didChangeConfiguration', async (change: { settings?: Record<string, unknown> } | null | undefined) => {
      if (canPullConfiguration) await refreshSettings().catch((e: unknown) => warn(`cannot read the settings: ${describe(e)}`));
      else {
        settings = mergeSettings(change?.settings?.[SETTINGS_SECTION], warn);
        qa.invalidate();
      }
    }),
  );

  connection.onHover(
    request('textDocument/hover', (params: unknown) => {
      const { uri, position } = documentPosition(params);
      const doc = open.get(uri);
      if (!doc || !settings.hover.enable) return null;
      return hover(glossary, doc, position, open.indexOf(doc, glossary.index, matchOptions()), {
        commandLinks,
        detail: settings.hover.detail,
        words,
      });
    }),
  );

  connection.onCompletion(
    request('textDocument/completion', (params: unknown) => {
      const { uri, position } = documentPosition(params);
      const doc = open.get(uri);
      if (!doc || !settings.completion.enable) return null;
      // where a variant is set (directive, setting, project file), completion inserts in it
      const v = qa.variantOf(doc);
      const script = v.variant && v.source !== 'detected' ? v.variant : settings.preferredScript;
      return completion(glossary, doc, position, script, completionClient);
    }),
  );

  connection.onCompletionResolve(
    request('completionItem/resolve', (item: unknown) => {
      if (!item || typeof item !== 'object' || typeof (item as { label?: unknown }).label !== 'string')
        throw invalidParams('a completion item');
      return resolveCompletion(glossary, item as Parameters<typeof resolveCompletion>[1], words);
    }),
  );

  const lookup = (term: unknown) => {
    if (typeof term !== 'string') throw invalidParams('a term (a string)');
    const { entries, match } = lookupEntries(glossary, term, matchOptions());
    return entries.map((e) => toLookupItem(glossary, e, match));
  };

  connection.onRequest(
    LookupRequest,
    request(LookupRequest.method, (params: unknown) => lookup((params as { term?: unknown } | null)?.term)),
  );

  connection.onExecuteCommand(
    request('workspace/executeCommand', (params: unknown): unknown => {
      const { command, arguments: args } = (params ?? {}) as { command?: unknown; arguments?: unknown };
      if (command === Commands.convert) {
        if (!Array.isArray(args)) throw invalidParams('arguments [{ uri, to, range? }]');
        return qa.convert(args[0]).catch((err: unknown) => {
          throw new ResponseError(ErrorCodes.InvalidParams, `convert: ${describe(err)}`);
        });
      }
      if (command !== Commands.serverLookup)
        throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${JSON.stringify(String(command)).slice(0, 80)}`);
      if (!Array.isArray(args)) throw invalidParams('arguments [term]');
      return lookup(args[0]);
    }),
  );

  connection.onRequest(
    DocumentVariantRequest,
    request(DocumentVariantRequest.method, (params: unknown) => {
      const uri = (params as { uri?: unknown } | null)?.uri;
      if (typeof uri !== 'string') throw invalidParams('{ uri }');
      const doc = open.get(uri);
      return doc ? qa.variantOf(doc) : null;
    }),
  );

  qa.listen(request, notify);
  open.documents.listen(connection);
  connection.listen();
}

function invalidParams(expected: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `invalid params: expected ${expected}`);
}

/** The document and position of a text document request; malformed params are an InvalidParams error. */
function documentPosition(params: unknown): { uri: string; position: Position } {
  const p = params as { textDocument?: { uri?: unknown }; position?: { line?: unknown; character?: unknown } } | null;
  const uri = p?.textDocument?.uri;
  const line = p?.position?.line,
    character = p?.position?.character;
  const isUinteger = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (typeof uri !== 'string' || !isUinteger(line) || !isUinteger(character)) {
    throw invalidParams('{ textDocument: { uri }, position: { line, character } } with non-negative integer line and character');
  }
  return { uri, position: { line, character } };
}
