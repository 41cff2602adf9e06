/**
 * The only file that knows the connection: it wires documents, settings and features together.
 * Every handler is registered through `request` or `notify` below, which answer before
 * `initialize` and after `shutdown` as the protocol says (a request gets ServerNotInitialized or
 * InvalidRequest, a notification is dropped; so do methods we do not handle, and the document
 * notifications), and turn any exception or rejection into a logged error: one bad message never
 * takes the server down.
 */
import {
  CodeActionKind,
  CompletionItemTag,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Glossary, type UncheckedGlossary } from './engine/glossary';
import { glossaryForms, type TermbaseDiagnostic } from './engine/termbase';
import { appendEntry, hasEntry, splitSelection } from './engine/termbaseExport';
import { loadTermbase } from './engine/termbaseLoad';
import { mergeLayers, type UserTermbase } from './engine/userLayer';
import { clientFiles } from './clientFiles';
import {
  type FileAccess,
  type FolderTermbaseSettings,
  TermbaseFiles,
  type WorkspaceFolder,
  fileUriOfPath,
  globMatcher,
  isNamedPath,
  joinUri,
  relativeTo,
  termbaseSearch,
  trimSlashes,
} from './termbases';
import { OpenDocuments } from './documents';
import { type MessageGuard, REFUSED_METHOD, type Refusal } from './messageGuard';
import { completion, resolveCompletion, type CompletionClient } from './features/completion';
import { minimalEdit } from './features/diagnostics';
import { hover } from './features/hover';
import { uiLanguageOf, wordsFor, type Words } from './features/words';
import { lookupEntries, toLookupItem } from './features/lookup';
import {
  type AddToTermbaseArgs,
  Commands,
  DocumentVariantRequest,
  LookupRequest,
  SETTINGS_SECTION,
  TermbaseSuggestionRequest,
  defaultSettings,
  type InitializationOptions,
  type Settings,
} from './protocol';
import { Navigation } from './nav';
import {
  emptyProjectConfig,
  formatProjectProblem,
  PROJECT_FILE,
  parseProjectConfig,
  type ProjectConfig,
  type ProjectProblem,
} from './projectConfig';
import { TermQA } from './qa';
import { mergeSettings } from './settings';

/**
 * What an entry point gives the shared server: how to get the compiled glossary. The Node entry
 * (cli.ts) reads it from disk; the Web Worker entry (browser/main.ts) fetches it from the
 * extension's URI, which the browser client passes in `initializationOptions`.
 */
export interface ServerOptions {
  /**
   * The compiled glossary (dist/glossary.json) as `Glossary.read` gives it, not parsed yet; rejects
   * with a clear message when it cannot be had (the web build's fetch). It is read (Node), parsed,
   * checked and indexed after `initialized`, so `initialize` is answered without that work.
   */
  readGlossary: (params: InitializeParams) => UncheckedGlossary | Promise<UncheckedGlossary>;
  /** Where the glossary comes from, for messages. */
  glossaryName: string;
  /**
   * How to find, read and watch the user's termbases in the workspace folders (Node: the disk).
   * Without it the server uses the bundled glossary only.
   */
  files?: FileAccess;
  /**
   * The project file (.fintech-glossary.yaml) that applies to a workspace folder, as the CLI finds
   * it (Node: the nearest one at the folder's root or above it, up to the top of the repository:
   * `node/repository.ts`), with its URI; and a watch of the folders above the workspace folder for
   * it (the folder's own tree is watched with the termbases). Without it, the project file is the
   * one at each folder's root, read through the client once initialized (the web build; its client
   * may also send the first folder's text as `initializationOptions.projectFile`).
   */
  projectFiles?: {
    /**
     * `folderPath`: the workspace folder's path relative to the project file's folder, when the
     * folder's URI is not under the project file's (a folder reached through a symbolic link, whose
     * repository is found from its real path).
     */
    find(folderUri: string): { uri: string; text: string; folderPath?: string } | undefined;
    /** `uris`: the project files' URIs it watches for (as `find` writes them). */
    watchAbove?(folderUri: string, onChange: (uri: string) => void): { dispose(): void; folders: number; uris?: string[] };
  };
  /**
   * The URI of a bundled source document by its id ("001"), for go to definition and workspace
   * symbols (the Node entry: glossary/sources next to dist/). Without it a bundled entry opens in
   * its read-only view, for clients that have one.
   */
  sourceFile?: (doc: string) => string | undefined;
  /**
   * End the process with this code (Node). The connection's own `exit` handling ends it with 0 after
   * a shutdown request and 1 without; this is for a shutdown it counted though we refused it (one
   * that came before `initialize`). Without it the connection's code stands.
   */
  exit?: (code: number) => void;
  /**
   * The guard the entry point gave `createConnection` as its `messageStrategy`: the server tells it
   * which requests to refuse before the library reads their params (null params, a second
   * `initialize`). Without it those are refused in the handlers, after the library's own handling.
   */
  guard?: MessageGuard;
}

type Phase = 'uninitialized' | 'running' | 'shut down';

/** How long after the last edit to an open termbase file it is re-read (ms). */
export const TERMBASE_EDIT_DELAY = 300;

/** How long the server waits for the client's answer to workspace/configuration before it goes on without it. */
export const CONFIGURATION_WAIT_MS = 5000;
/** What `answered` gives when the client did not answer in time. */
const NO_ANSWER = Symbol('no answer');

export function startServer(connection: Connection, options: ServerOptions): void {
  const open = new OpenDocuments();
  let phase: Phase = 'uninitialized';
  /** What the features answer from: the user's termbases merged with the bundled glossary. */
  let glossary = new Glossary([]);
  /** The bundled glossary (checked once; never re-read when a termbase changes). */
  let bundled = new Glossary([]);
  let userLayers: UserTermbase[] = [];
  let settings: Settings = defaultSettings;
  let folders: WorkspaceFolder[] = [];
  let watchedFilesClient = { dynamic: false, relative: false };
  let canPullConfiguration = false;
  let canApplyEdit = false;
  /** The client sends workspace/didChangeWorkspaceFolders (a folder added or removed loads or unloads its termbases). */
  let workspaceFoldersClient = false;
  let commandLinks = false;
  let completionClient: CompletionClient = {};
  /** The server's own words, in the interface language the client's `locale` names. */
  let words: Words = wordsFor('en');
  /** The project file of each workspace folder (by folder URI), parsed. */
  const projects = new Map<string, { config: ProjectConfig; rootUri?: string; fileUri?: string; folderPath?: string }>();
  /** The project file that applies to a document: its folder's (the innermost), else the first folder's. */
  const projectOf = (uri?: string) =>
    projects.get((uri !== undefined ? folderOf(uri) : undefined)?.uri ?? folders[0]?.uri ?? '') ?? { config: emptyProjectConfig };
  /**
   * Settings per scope (a workspace folder and a language: `variant` and the diagnostics settings are
   * resource and language-overridable), asked for with the document's URI as `scopeUri`; a promise
   * while the answer is awaited. Cleared when the configuration changes.
   */
  const scoped = new Map<string, Settings | Promise<Settings>>();

  const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));
  const logFailure = (what: string, err: unknown) =>
    connection.console.error(`Fintech Glossary: ${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);

  /** An error response for a failed request: our own ResponseErrors as they are, anything else logged. */
  const failure = (method: string, err: unknown): ResponseError<void> => {
    if (err instanceof ResponseError) return err as ResponseError<void>;
    logFailure(method, err);
    return new ResponseError(ErrorCodes.InternalError, `${method} failed: ${describe(err)}`);
  };

  /** The answer to a request before `initialize` or after `shutdown`; undefined while running. */
  function lifecycleError(method: string): ResponseError<void> | undefined {
    if (phase === 'uninitialized')
      return new ResponseError(ErrorCodes.ServerNotInitialized, `${method}: the server is not initialized yet`);
    if (phase === 'shut down') return new ResponseError(ErrorCodes.InvalidRequest, `${method}: the server is shutting down`);
    return undefined;
  }

  /** The requests registered through `request`: their params must be an object. */
  const handled = new Set<string>();

  /** A request handler: lifecycle errors, malformed params and exceptions become error responses. */
  function request<P, R>(
    method: string,
    handler: (params: P) => R | Promise<R>,
  ): (params: P) => R | ResponseError<void> | Promise<R | ResponseError<void>> {
    handled.add(method);
    return (params: P) => {
      const refused = lifecycleError(method);
      if (refused) return refused;
      try {
        ready();
        const result = handler(params);
        return result instanceof Promise ? result.catch((err: unknown) => failure(method, err)) : result;
      } catch (err) {
        return failure(method, err);
      }
    };
  }

  /**
   * A notification handler: dropped before `initialize` and after `shutdown` (as the protocol says);
   * exceptions and rejections are logged, never thrown.
   */
  function notify<P>(method: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
    return (params: P) => {
      if (phase !== 'running') return;
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

  /** Get the glossary in initialize (the worker's fetch; nothing is parsed); the rest waits for `ready`. */
  let unchecked: UncheckedGlossary | undefined;
  const readGlossary = async (params: InitializeParams) => {
    try {
      unchecked = await options.readGlossary(params);
    } catch (err) {
      glossaryFailed(err);
    }
  };

  /**
   * Read, parse and check the glossary and build the term index: after `initialized` (so the client
   * is not kept waiting), or on the first request that needs the glossary if one comes sooner.
   */
  const ready = () => {
    if (!unchecked) return;
    const pending = unchecked;
    unchecked = undefined;
    try {
      bundled = pending.check();
      connection.console.info(`Fintech Glossary: ${bundled.entries.length} concepts loaded from ${options.glossaryName}`);
    } catch (err) {
      glossaryFailed(err);
    }
    rebuild();
  };

  /**
   * The glossary the features use: the user's termbases first, then the bundled glossary (unless
   * turned off). Open documents' occurrence indexes follow it (documents.ts makes them again for a
   * new term index), so the next hover sees the change.
   */
  let built: { layers: UserTermbase[]; bundled: Glossary; bundledOn: boolean } | undefined;
  const rebuild = () => {
    const bundledOn = settings.bundledGlossary;
    // nothing changed (a settings change that touched no termbase): keep the index
    const same =
      built?.bundled === bundled &&
      built.bundledOn === bundledOn &&
      built.layers.length === userLayers.length &&
      built.layers.every(
        (l, i) => l.uri === userLayers[i]!.uri && l.entries === userLayers[i]!.entries && l.label === userLayers[i]!.label,
      );
    if (same) return;
    built = { layers: userLayers, bundled, bundledOn };
    // without termbases the bundled glossary is used as it is (its index is built once)
    glossary =
      !userLayers.length && bundledOn
        ? bundled
        : mergeLayers(
            userLayers,
            bundledOn ? bundled.entries : [],
            bundled.words,
            bundledOn ? bundled.index : undefined,
            bundledOn ? bundled.aliasForms : [],
          );
    glossary.index.build();
  };

  // ---- the user's termbases ----

  const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information };
  const reporter = {
    diagnostics: (uri: string, list: TermbaseDiagnostic[]) =>
      void connection.sendDiagnostics({
        uri,
        diagnostics: list.map((d) => ({
          range: { start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.line - 1, character: d.column } },
          severity: SEVERITY[d.severity],
          source: 'fintech-glossary',
          message: d.message,
        })),
      }),
    log: (message: string) => connection.console.info(`Fintech Glossary: ${message}`),
    // said once a folder: each reload searches again
    searchStopped: (folderUri: string, limit: number, globs: readonly string[]) => {
      if (searchStopped.has(folderUri)) return;
      searchStopped.add(folderUri);
      const name = folders.find((f) => trimSlashes(f.uri) === trimSlashes(folderUri))?.name ?? folderUri;
      connection.console.warn(
        `Fintech Glossary: the search for termbases (${globs.join(', ')}) in ${name} stopped after ${limit} names: termbases beyond were not read`,
      );
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: words.searchStopped(name, limit),
      });
    },
  };
  /** The folders whose termbase search stopped at its limit (told once each). */
  const searchStopped = new Set<string>();
  /**
   * What termbases are read through: the entry point's files (Node: the disk) or the client's
   * (`initializationOptions.clientFiles`: the web build asks the client, which uses workspace.fs).
   * An open document's text stands for its file, so unsaved edits to a termbase count.
   */
  let files: FileAccess | undefined;
  let termbases: TermbaseFiles | undefined;
  const useFiles = (access: FileAccess) => {
    files = {
      read: (uri) => {
        const doc = open.get(uri);
        return doc ? Promise.resolve(doc.getText()) : access.read(uri);
      },
      ...(access.readStart
        ? {
            readStart: (uri: string, bytes: number) => {
              const doc = open.get(uri);
              return doc ? Promise.resolve(doc.getText().slice(0, bytes)) : access.readStart!(uri, bytes);
            },
          }
        : {}),
      exists: (uri) => (open.get(uri) ? Promise.resolve(true) : access.exists(uri)),
      ...(access.isDirectory ? { isDirectory: access.isDirectory.bind(access) } : {}),
      write: (uri, text) => access.write(uri, text),
      find: (folderUri, accept, limit, _globs, onLimit) => access.find(folderUri, accept, limit, undefined, onLimit),
      ...(access.watch ? { watch: access.watch.bind(access) } : {}),
    };
    // the bundled glossary's forms, which the readers' script check accepts (it is read first: see refreshTermbases)
    termbases = new TermbaseFiles(files, reporter, () => glossaryForms(bundled.entries));
  };
  if (options.files) useFiles(options.files);

  /**
   * The termbase settings of one folder (resource scope: asked for with the folder's URI); the
   * termbases its project file lists come after the setting's (relative to the project file's
   * folder, which may be above the workspace folder).
   */
  const folderSettings = async (folder: WorkspaceFolder): Promise<Settings & FolderTermbaseSettings> => {
    let s = settings;
    if (canPullConfiguration) {
      try {
        const answer: unknown = await answered(
          connection.workspace.getConfiguration({ scopeUri: folder.uri, section: SETTINGS_SECTION }),
          `the settings of ${folder.uri}`,
        );
        if (answer !== NO_ANSWER) s = mergeSettings(answer ?? undefined, warn);
      } catch (err) {
        // a client that cannot answer still gets the folder's termbases, by the workspace's settings
        warn(`cannot read the settings of ${folder.uri}: ${describe(err)}`);
      }
    }
    const project = projects.get(folder.uri);
    // the project file's `glossaries` replace the default search, unless the user set their own
    const search = termbaseSearch(s.glossaries, project?.config.glossaries);
    const own = search.from === 'project' ? [] : s.glossaries;
    const fromProject = search.from === 'project' ? search.patterns : [];
    const listed = [...fromProject, ...(project?.config.termbases ?? []).filter((p) => !fromProject.includes(p))];
    if (!listed.length) return own === s.glossaries ? s : { ...s, glossaries: own };
    // a project file above the folder: its paths are relative to its own folder
    if (project?.rootUri && project.rootUri !== trimSlashes(folder.uri))
      return { ...s, glossaries: own, project: { rootUri: project.rootUri, termbases: listed } };
    return { ...s, glossaries: [...own, ...listed.filter((p) => !own.includes(p))] };
  };

  /**
   * A configuration answer, or NO_ANSWER when the client has not given one after
   * CONFIGURATION_WAIT_MS (said once in the log): the requests that wait for the settings (hover,
   * completion, look-up) and the termbase reloads go on with the settings in use, instead of
   * waiting for ever on a client that declares workspace/configuration and never answers.
   */
  const answered = <T>(request: Promise<T>, what: string): Promise<T | typeof NO_ANSWER> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<typeof NO_ANSWER>((resolve) => {
      timer = setTimeout(() => {
        if (!configurationLate)
          warn(`the client has not answered for ${what} after ${CONFIGURATION_WAIT_MS / 1000} s; going on without it`);
        configurationLate = true;
        resolve(NO_ANSWER);
      }, CONFIGURATION_WAIT_MS);
    });
    return Promise.race([request, late]).finally(() => clearTimeout(timer));
  };
  let configurationLate = false;

  /** The scope of a document's settings: its workspace folder and its language. */
  const scopeKey = (doc: TextDocument) => `${folderOf(doc.uri)?.uri ?? ''}\n${doc.languageId}`;
  /** The settings of a document's scope once known (the workspace's until then). */
  const settingsOf = (doc?: TextDocument): Settings => {
    const known = doc && scoped.get(scopeKey(doc));
    return known && !(known instanceof Promise) ? known : settings;
  };
  /** Ask for a document's scoped settings once per scope; a promise while the answer is awaited. */
  const settingsPending = (doc: TextDocument): Promise<unknown> | undefined => {
    if (!canPullConfiguration) return undefined;
    const key = scopeKey(doc);
    const known = scoped.get(key);
    if (known) return known instanceof Promise ? known : undefined;
    const request = connection.workspace.getConfiguration({ scopeUri: doc.uri, section: SETTINGS_SECTION }).then(
      (answer: unknown) => mergeSettings(answer ?? undefined, warn),
      (err: unknown) => {
        warn(`cannot read the settings of ${doc.uri}: ${describe(err)}`);
        return undefined;
      },
    );
    // a client that never answers must not keep the diagnostics back: the workspace's after the wait
    const asked = answered(request, `the settings of ${doc.uri}`).then((answer) => {
      const result = answer === NO_ANSWER ? settings : (answer ?? settings);
      // kept unless a newer question replaced it (an answer that arrives after a change was cleared
      // away is as new as the change: the client answers with its configuration of the moment)
      if (scoped.get(key) === asked || !scoped.has(key)) scoped.set(key, result);
      if (answer === NO_ANSWER)
        // late (a slow start): once the answer comes it is the scope's, unless a newer question replaced it
        void request.then((late) => {
          if (!late || scoped.get(key) !== result) return;
          scoped.set(key, late);
          qa.invalidate();
        });
      return result;
    });
    scoped.set(key, asked);
    return asked;
  };

  /** The last reload (requests that read the glossary wait for it, so they see the change). */
  let reloading: Promise<void> = Promise.resolve();
  /** Run `work` after the reloads before it; requests that read the glossary wait for it. */
  const serialised = (work: () => Promise<void>) => {
    reloading = reloading.then(work).catch((err: unknown) => logFailure('reading the termbases', err));
    return reloading;
  };
  /** Re-read the termbases (only `changed` ones when given) and rebuild the user layer (not serialised: see below). */
  const refreshTermbases = async (changed?: Set<string>, rediscover = true) => {
    if (!termbases) return;
    const started = Date.now();
    // the bundled glossary first: the readers' script check accepts its forms
    ready();
    userLayers = await termbases.refresh(folders, folderSettings, changed, rediscover);
    await checkProjectTermbases();
    const before = glossary;
    rebuild();
    nav.refresh();
    // open documents are checked again against the new glossary
    if (glossary !== before) qa.invalidate();
    connection.console.info(
      `Fintech Glossary: ${userLayers.reduce((n, t) => n + t.entries.length, 0)} entries from ${userLayers.length} termbase file(s) (${Date.now() - started} ms)`,
    );
  };
  /** `refreshTermbases`, serialised. */
  const reloadTermbases = (changed?: Set<string>, rediscover = true) =>
    termbases ? serialised(() => refreshTermbases(changed, rediscover)) : reloading;

  /** Per folder, which folder-relative paths name termbases (set by `watchTermbases`). */
  let termbaseMatchers: { folder: WorkspaceFolder; match: (relativePath: string) => boolean }[] = [];
  const isTermbasePath = (uri: string) =>
    termbaseMatchers.some(({ folder, match }) => {
      const rel = relativeTo(folder.uri, uri);
      return rel !== undefined && match(rel);
    });

  /**
   * Reload for changed, created or deleted files (`created`: they may be directories moved in,
   * whose termbases no event names). Only what concerns the termbases counts: a known file changed
   * is re-read alone; a new file the settings match, a deleted or renamed directory that held
   * termbases, or a new directory holding some makes the server look for the files again.
   */
  const filesChanged = (changes: { uri: string; kind: 'created' | 'changed' | 'deleted' | 'unknown' }[]) =>
    // serialised as a whole, so that a request arriving meanwhile waits for the outcome
    serialised(() => classifyAndReload(changes));
  const classifyAndReload = async (changes: { uri: string; kind: 'created' | 'changed' | 'deleted' | 'unknown' }[]) => {
    if (!termbases || !files) return;
    const changed = new Set<string>();
    let rediscover = false;
    let probes = 0;
    for (const { uri, kind } of changes) {
      if (termbases.has(uri)) {
        changed.add(uri);
        // a known file changed in place needs no new search; gone, or unsure, it does
        if (kind === 'deleted' || kind === 'created' || (kind === 'unknown' && !(await files.exists(uri)))) rediscover = true;
      } else if (isTermbasePath(uri)) {
        changed.add(uri);
        if (kind !== 'deleted') rediscover = true;
      } else if (termbases.hasUnder(uri)) rediscover = true;
      else if (kind === 'created' && !rediscover) {
        // a directory moved in: look inside (a few; more than that, look everywhere again)
        if (++probes > 20) rediscover = true;
        else if ((await files.find(uri, (rel) => isTermbasePath(joinUri(uri, rel)), 10_000)).length) rediscover = true;
      }
    }
    if (changed.size || rediscover) await refreshTermbases(changed, rediscover);
  };

  /**
   * Watch the termbases: the client does it when it can (dynamic registration: the settings' globs,
   * and creation and deletion of anything, for directories moved in or out), else we do, over the
   * whole tree of each folder. Called again when the settings or the folders change.
   */
  let ownWatch: { key: string; watcher: { dispose(): void } } | undefined;
  let clientWatch: { key: string; registration: Promise<{ dispose(): void }> } | undefined;
  const watchTermbases = async () => {
    if (!termbases) return;
    const perFolder = await Promise.all(folders.map(async (f) => ({ folder: f, settings: await folderSettings(f) })));
    termbaseMatchers = perFolder.flatMap(({ folder, settings: s }) => [
      { folder, match: TermbaseFiles.matcher(s) },
      // a project file's above the folder, relative to its own folder
      ...(s.project ? [{ folder: { uri: s.project.rootUri, name: '' }, match: globMatcher(s.project.termbases) }] : []),
    ]);
    if (watchedFilesClient.dynamic) {
      const watchers = perFolder.flatMap(({ folder, settings: s }) => [
        // the project file too (watchProjects leaves it to this registration)
        ...[...s.glossaries, s.termbaseFile, PROJECT_FILE, '**/*'].map((pattern, i, all) => ({
          globPattern: watchedFilesClient.relative
            ? { baseUri: folder.uri, pattern: pattern.replace(/^\.\//, '') }
            : pattern.startsWith('**/')
              ? pattern
              : `**/${pattern.replace(/^\.\//, '')}`,
          // the last one: any file or directory created or deleted (WatchKind.Create | WatchKind.Delete)
          ...(i === all.length - 1 ? { kind: 5 } : {}),
        })),
        // a project file's termbases above the folder: outside the workspace, only a relative pattern reaches them
        ...(s.project && watchedFilesClient.relative
          ? s.project.termbases.map((pattern) => ({ globPattern: { baseUri: s.project!.rootUri, pattern: pattern.replace(/^\.\//, '') } }))
          : []),
      ]);
      const key = JSON.stringify(watchers);
      if (clientWatch?.key === key) return;
      const previous = clientWatch;
      clientWatch = { key, registration: connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }) };
      await clientWatch.registration;
      if (previous) void previous.registration.then((r) => r.dispose()).catch(() => undefined);
      return;
    }
    if (!files?.watch) return;
    // the folders' trees, and any directory holding a termbase outside them
    const inside = (uri: string) => folders.some((f) => relativeTo(f.uri, uri) !== undefined);
    const roots = [
      ...new Set([...folders.map((f) => f.uri.replace(/\/$/, '')), ...termbases.directories().filter((d) => !inside(d))]),
    ].sort();
    const key = roots.join('\n');
    if (ownWatch?.key === key) return;
    ownWatch?.watcher.dispose();
    ownWatch = undefined;
    if (!roots.length) return;
    let pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watcher = files.watch(
      roots,
      (uri) => {
        pending.add(uri);
        clearTimeout(timer);
        timer = setTimeout(() => {
          const uris = [...pending];
          pending = new Set();
          void filesChanged(uris.map((uri) => ({ uri, kind: 'unknown' as const }))).then(() => watchTermbases().catch(() => undefined));
        }, 100);
      },
      (message) => connection.console.warn(`Fintech Glossary: ${message}`),
    );
    ownWatch = { key, watcher };
  };

  // each warning once until the settings change (the settings are read per folder and per language)
  const warned = new Set<string>();
  const warn = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    connection.console.warn(`Fintech Glossary: ${message}`);
  };
  const matchOptions = () => ({ acronymsCaseInsensitive: settings.matchAcronymsCaseInsensitive });
  const qa = new TermQA({
    connection,
    open,
    glossary: () => {
      ready();
      return glossary;
    },
    settings: settingsOf,
    settingsPending,
    matchOptions,
    project: projectOf,
    folderOf: (uri) => folderOf(uri)?.uri,
    words: () => words.qa,
  });

  const nav = new Navigation({
    connection,
    open,
    glossary: () => {
      ready();
      return glossary;
    },
    loaded: () => reloading,
    settings: () => settings,
    matchOptions,
    words: () => words,
    scriptOf: (doc) => qa.variantOf(doc).variant ?? settings.preferredScript,
    card: (doc, position) =>
      hover(glossary, doc, position, open.indexOf(doc, glossary.index, matchOptions()), { detail: settings.hover.detail, words }),
    ...(options.sourceFile ? { sourceFile: options.sourceFile } : {}),
  });

  /**
   * What is published on each project file: its problems, and the termbases it names that do not
   * exist; and what was sent last (only a change is sent, so a fixed file's are cleared once).
   */
  const projectDiagnostics = new Map<string, { problems: Diagnostic[]; missing: Diagnostic[]; sent: string }>();
  const publishProject = (uri: string, part: { problems?: Diagnostic[]; missing?: Diagnostic[] }) => {
    const d = projectDiagnostics.get(uri) ?? { problems: [], missing: [], sent: '[]' };
    if (part.problems) d.problems = part.problems;
    if (part.missing) d.missing = part.missing;
    const diagnostics = [...d.problems, ...d.missing];
    const sent = JSON.stringify(diagnostics);
    if (diagnostics.length) projectDiagnostics.set(uri, d);
    else projectDiagnostics.delete(uri);
    if (sent === d.sent) return;
    d.sent = sent;
    void connection.sendDiagnostics({ uri, diagnostics });
  };
  /** A project file no folder takes any more (shadowed, deleted, its folder removed): what was published on it goes. */
  const releaseProject = (uri: string) => {
    if (![...projects.values()].some((p) => p.fileUri === uri)) publishProject(uri, { problems: [], missing: [] });
  };
  /**
   * A diagnostic on each termbase a project file names (a path, not a glob) that does not exist
   * (`terms/x.tbx: no such file`) or is a folder (`terms: it is a directory`), at its entry; cleared
   * once the file is there (the termbases are read again when a file they name appears).
   */
  const checkProjectTermbases = async () => {
    if (!files) return;
    const byFile = new Map<string, { config: ProjectConfig; rootUri: string }>();
    for (const folder of folders) {
      const p = projects.get(folder.uri);
      if (p?.fileUri && p.rootUri) byFile.set(p.fileUri, { config: p.config, rootUri: p.rootUri });
    }
    for (const [uri, { config, rootUri }] of byFile) {
      const missing: Diagnostic[] = [];
      // the paths of `glossaries` (the project's own search) and of `termbases`, each at its entry
      const named = [
        ...(config.glossaries ?? []).map((pattern, i) => ({ pattern, at: config.glossaryRanges?.[i] })),
        ...config.termbases.map((pattern, i) => ({ pattern, at: config.termbaseRanges?.[i] })),
      ];
      for (const { pattern, at: where } of named) {
        if (!isNamedPath(pattern)) continue;
        const termbase = joinUri(rootUri, pattern);
        // in the CLI's words (`cannot read the glossary terms (.fintech-glossary.yaml): it is a directory`)
        const why = !(await files.exists(termbase))
          ? 'no such file'
          : (await files.isDirectory?.(termbase))
            ? 'it is a directory'
            : undefined;
        if (!why) continue;
        const at = where ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
        missing.push({
          range: { start: { line: at.line - 1, character: at.column - 1 }, end: { line: at.endLine - 1, character: at.endColumn - 1 } },
          severity: DiagnosticSeverity.Warning,
          source: 'fintech-glossary',
          message: `${pattern}: ${why}`,
        });
      }
      publishProject(uri, { missing });
    }
  };
  /** A project file found for a folder: its URI and text. */
  type FoundProject = { uri: string; text: string; folderPath?: string };
  /**
   * Parse a folder's project file (undefined: there is none); its problems become diagnostics on it.
   * Its paths (termbases, ignore globs) are relative to its own folder, which may be above the
   * workspace folder.
   */
  const loadProject = (folder: WorkspaceFolder, found: FoundProject | undefined) => {
    const uri = found?.uri ?? joinUri(folder.uri, PROJECT_FILE);
    const problems: ProjectProblem[] = [];
    const config = found === undefined ? emptyProjectConfig : parseProjectConfig(found.text, (p) => problems.push(p));
    for (const p of problems) warn(`${folder.name}: ${formatProjectProblem(p)}`);
    const before = projects.get(folder.uri)?.fileUri;
    projects.set(folder.uri, {
      config,
      rootUri: found ? found.uri.slice(0, found.uri.lastIndexOf('/')) : folder.uri,
      fileUri: uri,
      ...(found?.folderPath !== undefined ? { folderPath: found.folderPath } : {}),
    });
    // one found above, now shadowed or deleted
    if (before && before !== uri) releaseProject(before);
    publishProject(uri, {
      problems: problems.map((p) => ({
        range: { start: { line: p.line - 1, character: p.column - 1 }, end: { line: p.line - 1, character: p.column } },
        severity: DiagnosticSeverity.Warning,
        source: 'fintech-glossary',
        message: formatProjectProblem(p),
      })),
      // a file that is gone names no termbases (checked again with the termbases)
      ...(found ? {} : { missing: [] }),
    });
  };
  /** Find and read a folder's project file on the workspace's disk (Node) as `initialize` is answered. */
  const readProjectTextNow = (folder: WorkspaceFolder): FoundProject | undefined => {
    try {
      return options.projectFiles?.find(folder.uri);
    } catch (err) {
      warn(`cannot read the project file of ${folder.name}: ${describe(err)}`);
      return undefined;
    }
  };
  /**
   * Read a folder's project file (undefined when there is none or it cannot be read): from the disk,
   * or, in the web build, at the folder's root through the client's file access once the client is
   * initialized.
   */
  let clientFilesReady = false;
  const readProjectText = async (folder: WorkspaceFolder): Promise<FoundProject | undefined> => {
    if (options.projectFiles || !files || !clientFilesReady) return readProjectTextNow(folder);
    const uri = joinUri(folder.uri, PROJECT_FILE);
    try {
      return (await files.exists(uri)) ? { uri, text: await files.read(uri) } : undefined;
    } catch (err) {
      warn(`cannot read the project file of ${folder.name}: ${describe(err)}`);
      return undefined;
    }
  };

  /**
   * Read each workspace folder's project file (a client that cannot let us read the workspace, the
   * Web Worker's, may send the first folder's text in `initializationOptions.projectFile`).
   */
  const readProjects = (params: InitializeParams) => {
    const sent = (params?.initializationOptions as InitializationOptions | undefined)?.projectFile;
    projects.clear();
    folders.forEach((folder, i) => {
      loadProject(
        folder,
        i === 0 && typeof sent === 'string' ? { uri: joinUri(folder.uri, PROJECT_FILE), text: sent } : readProjectTextNow(folder),
      );
    });
  };

  /**
   * Is `uri` a project file that may apply to the folder: at its root, or (Node) in a folder above
   * it, where the walk up finds it?
   */
  const mayApply = (folder: WorkspaceFolder, uri: string) => {
    if (!uri.endsWith(`/${PROJECT_FILE}`)) return false;
    const dir = uri.slice(0, -PROJECT_FILE.length - 1);
    if (dir === trimSlashes(folder.uri)) return true;
    if (!options.projectFiles) return false;
    // above the folder; or above its real path, for a folder reached through a link (the watch says which)
    return relativeTo(dir, folder.uri) !== undefined || !!aboveWatches.get(folder.uri)?.uris?.includes(uri);
  };
  const isProjectFile = (uri: string) => folders.some((f) => mayApply(f, uri));

  /**
   * A project file changed (created, edited, deleted): find and read the folders' project files
   * again (one created nearer a folder now applies to it) and check the open documents again; when
   * the termbases changed, read them again first.
   */
  const reloadProjects = async (uris: readonly string[]) => {
    let termbasesChanged = false;
    for (const folder of folders) {
      if (!uris.some((uri) => mayApply(folder, uri))) continue;
      const before = projects.get(folder.uri);
      loadProject(folder, await readProjectText(folder));
      const after = projects.get(folder.uri);
      const paths = (p: typeof before) => JSON.stringify([p?.config.glossaries, p?.config.termbases]);
      if (before?.rootUri !== after?.rootUri || paths(before) !== paths(after)) termbasesChanged = true;
      // where the walk up stops may have moved (a project file found, or gone)
      watchAbove(folder);
    }
    if (termbasesChanged) {
      await reloadTermbases();
      await watchTermbases().catch((e: unknown) => warn(`cannot watch the termbases: ${describe(e)}`));
    }
    qa.invalidate();
  };

  /** Project file changes, read again together 100 ms after the last. */
  const projectChanged = (() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = new Set<string>();
    return (uri: string) => {
      changed.add(uri);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const uris = [...changed];
        changed.clear();
        void reloadProjects(uris).catch((err: unknown) => logFailure('reading the project file', err));
      }, 100);
    };
  })();

  /**
   * Watch the project files: at a folder's root, a client that watches for us is asked to in the
   * termbases' registration (watchTermbases), else we do; above it (Node), we do, whatever the
   * client (clients watch inside the workspace). Again when the folders change.
   */
  let projectWatch: { dispose(): void } | undefined;
  const aboveWatches = new Map<string, { dispose(): void; uris?: string[] }>();
  const watchAbove = (folder: WorkspaceFolder) => {
    aboveWatches.get(folder.uri)?.dispose();
    aboveWatches.delete(folder.uri);
    const watch = options.projectFiles?.watchAbove?.(folder.uri, (uri) => {
      if (mayApply(folder, uri)) projectChanged(uri);
    });
    if (!watch) return;
    aboveWatches.set(folder.uri, watch);
    if (watch.folders)
      connection.console.info(`Fintech Glossary: watching ${PROJECT_FILE} in ${watch.folders} folder(s) above ${folder.name}`);
  };
  const watchProjects = async () => {
    projectWatch?.dispose();
    projectWatch = undefined;
    for (const [uri, watch] of aboveWatches)
      if (!folders.some((f) => f.uri === uri)) {
        watch.dispose();
        aboveWatches.delete(uri);
      }
    for (const folder of folders) if (!aboveWatches.has(folder.uri)) watchAbove(folder);
    if (!folders.length || !options.projectFiles || watchedFilesClient.dynamic) return;
    if (!options.files?.watch) return;
    projectWatch = options.files.watch(
      folders.map((f) => f.uri.replace(/\/$/, '')),
      (uri) => {
        if (isProjectFile(uri)) projectChanged(uri);
      },
    );
    connection.console.info(`Fintech Glossary: watching ${PROJECT_FILE} in ${folders.length} folder(s)`);
  };

  const refreshSettings = async () => {
    if (!canPullConfiguration) return;
    const asked = ++settingsAsked;
    const request = connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
    const apply = (answer: unknown) => {
      settings = mergeSettings(Array.isArray(answer) ? answer[0] : undefined, warn);
      scoped.clear();
      qa.invalidate();
    };
    let answer: unknown;
    try {
      answer = await answered(request, 'the settings');
    } catch (err) {
      warn(`cannot read the settings: ${describe(err)}; the ones in use stay`);
      return;
    }
    if (answer === NO_ANSWER) {
      // a late answer (a slow start) is applied when it comes, unless a newer question was asked
      request.then(
        (late: unknown) => {
          if (asked === settingsAsked) apply(late);
        },
        () => undefined,
      );
      return;
    }
    apply(answer);
  };
  let settingsAsked = 0;

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    if (phase === 'shut down') throw new ResponseError(ErrorCodes.InvalidRequest, 'initialize: the server is shutting down');
    // initialize comes once: a second one (even before the first is answered) changes nothing
    if (phase === 'running') throw new ResponseError(ErrorCodes.InvalidRequest, 'initialize: the server is already initialized');
    phase = 'running';
    const capabilities = params?.capabilities ?? {};
    canPullConfiguration = capabilities.workspace?.configuration === true;
    canApplyEdit = capabilities.workspace?.applyEdit === true;
    const watched = capabilities.workspace?.didChangeWatchedFiles;
    watchedFilesClient = { dynamic: watched?.dynamicRegistration === true, relative: watched?.relativePatternSupport === true };
    folders = (params?.workspaceFolders ?? [])
      .filter((f) => typeof f?.uri === 'string')
      .map((f) => ({ uri: f.uri, name: String(f.name ?? f.uri) }));
    if (!folders.length && typeof params?.rootUri === 'string')
      folders = [{ uri: params.rootUri, name: params.rootUri.split('/').pop() ?? '' }];
    // an older client names its workspace only by the deprecated rootPath: that is the one folder
    const rootPathUri = typeof params?.rootPath === 'string' ? fileUriOfPath(params.rootPath) : undefined;
    if (!folders.length && rootPathUri) folders = [{ uri: rootPathUri, name: rootPathUri.split('/').filter(Boolean).pop() ?? '' }];
    const init = (params?.initializationOptions ?? {}) as InitializationOptions;
    settings = mergeSettings(init.settings, warn);
    commandLinks = init.commandLinks === true;
    if (!files && init.clientFiles === true) useFiles(clientFiles(connection));
    workspaceFoldersClient = capabilities.workspace?.workspaceFolders === true;
    words = wordsFor(uiLanguageOf(params?.locale));
    const completionCaps = capabilities.textDocument?.completion;
    completionClient = {
      lazyDocumentation: !!completionCaps?.completionItem?.resolveSupport?.properties?.includes('documentation'),
      defaultEditRange: !!completionCaps?.completionList?.itemDefaults?.includes('editRange'),
      labelDetails: !!completionCaps?.completionItem?.labelDetailsSupport,
      deprecatedTag: !!completionCaps?.completionItem?.tagSupport?.valueSet?.includes(CompletionItemTag.Deprecated),
      deprecatedFlag: !!completionCaps?.completionItem?.deprecatedSupport,
    };
    const qaCapabilities = qa.initialize(params);
    const navCapabilities = nav.initialize(params, init.entryDocuments === true);
    readProjects(params);
    await readGlossary(params);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { resolveProvider: true },
        executeCommandProvider: { commands: [Commands.serverLookup, Commands.convert, Commands.serverAddToTermbase] },
        ...(files ? { codeActionProvider: { codeActionKinds: [CodeActionKind.RefactorRewrite] } } : {}),
        ...qaCapabilities,
        ...navCapabilities,
        ...(workspaceFoldersClient ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'fintech-glossary' },
    };
  });

  connection.onInitialized(
    notify('initialized', async () => {
      // after initialize's answer declared changeNotifications, so the library registers nothing more
      if (workspaceFoldersClient)
        connection.workspace.onDidChangeWorkspaceFolders(notify('workspace/didChangeWorkspaceFolders', foldersChanged));
      if (canPullConfiguration)
        void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
      // settings, then the termbases: chained now, so that a request arriving meanwhile waits for both
      reloading = reloading.then(() => refreshSettings().catch((e: unknown) => warn(`cannot read the settings: ${describe(e)}`)));
      // the glossary (read, parsed, checked, indexed: it keeps the process busy for a while) once the
      // settings request is out and answered, so that it does not wait behind; a request that comes
      // sooner does the work itself
      void reloading.then(() => setTimeout(ready, 0));
      // the web build reads the project files through the client, which it may ask only now; chained
      // like the rest (no await before the termbases are chained too), so that a request arriving
      // meanwhile waits for the project files and the termbases, not only the settings
      if (!options.projectFiles && files) {
        clientFilesReady = true;
        reloading = reloading
          .then(async () => {
            for (const folder of folders) loadProject(folder, await readProjectText(folder));
            qa.invalidate();
          })
          .catch((e: unknown) => warn(`cannot read the project files: ${describe(e)}`));
      }
      await reloadTermbases();
      await watchTermbases().catch((e: unknown) => warn(`cannot watch the termbases: ${describe(e)}`));
      await watchProjects().catch((e: unknown) => warn(`cannot watch the project files: ${describe(e)}`));
    }),
  );

  /** Folders added or removed: their termbases load or unload (files already read are kept), and the watching follows. */
  const foldersChanged = async (event: { added?: unknown; removed?: unknown } | null | undefined) => {
    const valid = (list: unknown) =>
      (Array.isArray(list) ? list : [])
        .filter((f): f is { uri: string; name?: unknown } => typeof f?.uri === 'string')
        .map((f) => ({ uri: f.uri, name: String(f.name ?? f.uri) }));
    const removed = new Set(valid(event?.removed).map((f) => f.uri));
    const added = valid(event?.added).filter((f) => !folders.some((g) => g.uri === f.uri));
    folders = [...folders.filter((f) => !removed.has(f.uri)), ...added];
    // their project files, and the settings per scope (a document may now be in another folder)
    const gone = [...removed].flatMap((uri) => projects.get(uri)?.fileUri ?? []);
    for (const uri of removed) projects.delete(uri);
    for (const uri of new Set(gone)) releaseProject(uri);
    for (const f of added) loadProject(f, await readProjectText(f));
    scoped.clear();
    await reloadTermbases(new Set(), true);
    await watchTermbases().catch((e: unknown) => warn(`cannot watch the termbases: ${describe(e)}`));
    await watchProjects().catch((e: unknown) => warn(`cannot watch the project files: ${describe(e)}`));
    qa.invalidate();
  };

  /**
   * What the guard refuses before the library sees it: a second `initialize`, params that are not
   * an object (JSON-RPC params are structured; every request we handle takes an object), the
   * lifecycle errors first.
   */
  const refusal = (method: string, params: unknown): Refusal | undefined => {
    const isObject = typeof params === 'object' && params !== null && !Array.isArray(params);
    const error = (e: ResponseError<void>) => ({ code: e.code, message: e.message });
    if (method === 'initialize') {
      if (phase === 'shut down') return error(new ResponseError(ErrorCodes.InvalidRequest, 'initialize: the server is shutting down'));
      if (phase === 'running') return error(new ResponseError(ErrorCodes.InvalidRequest, 'initialize: the server is already initialized'));
      return isObject ? undefined : error(invalidParams('InitializeParams, an object'));
    }
    if (isObject || !handled.has(method)) return undefined;
    const refused = lifecycleError(method);
    if (refused) return error(refused);
    return params === undefined ? undefined : error(invalidParams(`${method} params, an object`));
  };
  if (options.guard) options.guard.refuse = refusal;
  connection.onRequest(REFUSED_METHOD, (params: Refusal) => new ResponseError(params.code, params.message));

  /** A shutdown before initialize was refused: `exit` then ends with 1 (the connection counted it). */
  let shutdownRefused = false;
  connection.onShutdown(() => {
    const refused = lifecycleError('shutdown');
    if (phase === 'uninitialized') shutdownRefused = true;
    else phase = 'shut down';
    return refused;
  });
  connection.onExit(() => {
    if (shutdownRefused && phase !== 'shut down') options.exit?.(1);
  });
  // a request nothing handles: the lifecycle errors first, then MethodNotFound
  connection.onRequest(
    (method: string) => lifecycleError(method) ?? new ResponseError(ErrorCodes.MethodNotFound, `unhandled method ${method}`),
  );

  connection.onDidChangeConfiguration(
    notify('workspace/didChangeConfiguration', async (change: { settings?: Record<string, unknown> } | null | undefined) => {
      warned.clear();
      if (canPullConfiguration) await refreshSettings().catch((e: unknown) => warn(`cannot read the settings: ${describe(e)}`));
      else {
        settings = mergeSettings(change?.settings?.[SETTINGS_SECTION], warn);
        qa.invalidate();
      }
      // the termbase settings may have changed (files, the bundled glossary on or off)
      await reloadTermbases();
      nav.refresh();
      await watchTermbases().catch((e: unknown) => warn(`cannot watch the termbases: ${describe(e)}`));
    }),
  );

  connection.onDidChangeWatchedFiles(
    notify('workspace/didChangeWatchedFiles', async (params: { changes?: { uri?: unknown; type?: unknown }[] } | null) => {
      const kinds = { 1: 'created', 2: 'changed', 3: 'deleted' } as const;
      const all = (Array.isArray(params?.changes) ? params.changes : [])
        .filter((c) => typeof c?.uri === 'string')
        .map((c) => ({ uri: c.uri as string, kind: kinds[c.type as 1 | 2 | 3] ?? ('unknown' as const) }));
      // a project file: read it again (and the termbases it lists, when they changed)
      const changedProjects = all.filter((c) => isProjectFile(c.uri)).map((c) => c.uri);
      if (changedProjects.length) await reloadProjects(changedProjects);
      const changes = all.filter((c) => !isProjectFile(c.uri));
      if (changes.length) await filesChanged(changes);
    }),
  );

  connection.onHover(
    request('textDocument/hover', async (params: unknown) => {
      const { uri, position } = documentPosition(params);
      await reloading;
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
    request('textDocument/completion', async (params: unknown) => {
      const { uri, position } = documentPosition(params);
      await reloading;
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

  const lookup = async (term: unknown) => {
    if (typeof term !== 'string') throw invalidParams('a term (a string)');
    await reloading;
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
      if (command === Commands.serverAddToTermbase) return addToTermbase(Array.isArray(args) ? args[0] : undefined);
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

  // ---- add to termbase ----

  // offered with term QA's code actions (one codeAction handler per server: QA's, which asks this)
  qa.moreCodeActions = (params: unknown) => {
    {
      const p = params as { textDocument?: { uri?: unknown }; range?: { start?: Position; end?: Position } } | null;
      const uri = p?.textDocument?.uri;
      const doc = typeof uri === 'string' ? open.get(uri) : undefined;
      if (!doc || !files || !p?.range?.start || !p.range.end || !folderOf(doc.uri)) return [];
      const text = doc.getText({ start: p.range.start, end: p.range.end }).trim();
      if (!text || text.length > 120 || /[\r\n]/.test(text)) return [];
      const args: AddToTermbaseArgs = { uri: doc.uri, text };
      const title = words.addToTermbase(text.length > 40 ? `${text.slice(0, 40)}…` : text);
      return [
        { title, kind: CodeActionKind.RefactorRewrite, command: { title, command: Commands.serverAddToTermbase, arguments: [args] } },
      ];
    }
  };

  /** The workspace folder a document is in (the innermost), or the only folder. */
  const folderOf = (uri: string) =>
    folders.filter((f) => relativeTo(f.uri, uri) !== undefined).sort((a, b) => b.uri.length - a.uri.length)[0] ??
    (folders.length === 1 ? folders[0] : undefined);

  /** A string argument, trimmed; undefined when absent; an error when too long or not one line. */
  const termArg = (value: unknown, name: string): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value.length > 200 || /[\r\n]/.test(value))
      throw invalidParams(`${name}: one line of at most 200 characters`);
    return value.trim();
  };

  /** The folder a term is added to: the one named, else the document's. */
  const targetFolder = (args: { folderUri?: unknown; uri?: unknown }) => {
    const folder =
      typeof args.folderUri === 'string'
        ? folders.find((f) => f.uri.replace(/\/$/, '') === (args.folderUri as string).replace(/\/$/, ''))
        : typeof args.uri === 'string'
          ? folderOf(args.uri)
          : undefined;
    if (!folder || !files) throw new ResponseError(ErrorCodes.InvalidRequest, 'open a folder to add terms to its termbase');
    return folder;
  };

  /** The Chinese and English of a selection, the missing side from the glossary when it knows the term. */
  const suggest = (text: string | undefined, zhArg?: string, enArg?: string) => {
    const picked = text ? splitSelection(text) : {};
    let zh = zhArg ?? picked.zh ?? '';
    let en = enArg ?? picked.en ?? '';
    let fromGlossary = false;
    const known = zh || en ? glossary.lookup(zh || en, { acronymsCaseInsensitive: true })[0] : undefined;
    if (known && !zh && zhArg === undefined) {
      zh = known.zhHans;
      fromGlossary = true;
    }
    if (known && !en && enArg === undefined) {
      en = known.en[0] ?? '';
      fromGlossary = true;
    }
    const first: 'zh' | 'en' =
      picked.zh !== undefined && (picked.en === undefined || text!.indexOf(picked.zh) <= text!.indexOf(picked.en))
        ? 'zh'
        : picked.en !== undefined
          ? 'en'
          : zh
            ? 'zh'
            : 'en';
    return { zh, en, first, fromGlossary };
  };

  /**
   * Append a term, with its counterpart (as given, from the selection, or from the glossary when it
   * knows the term), to the folder's termbase file (`termbaseFile`, created on first use), then
   * reload it so the next hover shows it.
   */
  const addToTermbase = async (value: unknown) => {
    const args = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    const text = termArg(args.text, 'text');
    const zhArg = termArg(args.zh, 'zh');
    const enArg = termArg(args.en, 'en');
    if (!text && !zhArg && !enArg) throw invalidParams('arguments [{ uri or folderUri, text or zh and en }]');
    const folder = targetFolder(args);
    const access = files!;
    await reloading;
    const { zh, en } = suggest(text, zhArg, enArg);
    if (!zh && !en) throw invalidParams('a Chinese or an English term');
    const file = (await folderSettings(folder)).termbaseFile;
    const uri = joinUri(folder.uri, file);
    const exists = await access.exists(uri);
    const before = exists ? await access.read(uri) : undefined;
    const format = /\.ya?ml$/i.test(file) ? 'yaml' : /\.tsv$/i.test(file) ? 'tsv' : 'csv';
    // a term the file has already, with the same counterpart, is not added a second time
    const term = [zh, en].filter(Boolean).join(' · ');
    if (before !== undefined && hasEntry(loadTermbase(before, { name: file, generate: false }).entries, zh, en)) {
      if (args.quiet !== true)
        void connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Info,
          message: words.alreadyInTermbase(term, file),
        });
      return { file: uri, zh, en, existing: true };
    }
    const after = appendEntry(before, format, zh, en);
    const doc = open.get(uri);
    if (doc && canApplyEdit && before !== undefined) {
      // the termbase is open in the editor, perhaps with unsaved edits: the new row goes into the
      // editor as an edit (one undo, saved when the user saves), never written behind its back
      const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(before.length) };
      const edit = minimalEdit(doc, whole, before, after);
      if (edit) {
        const result = await connection.workspace.applyEdit({
          label: words.addToTermbase(text || zh || en),
          edit: { documentChanges: [{ textDocument: { uri, version: doc.version }, edits: [edit] }] },
        });
        if (!result.applied)
          throw new ResponseError(
            LSPErrorCodes.RequestFailed,
            `${file} was not changed: ${result.failureReason ?? 'the editor did not apply the edit'}`,
          );
        // the change the client sends for it: the termbase is read from the open document
        for (let i = 0; i < 100 && open.get(uri)?.getText() !== after; i++) await new Promise((r) => setTimeout(r, 20));
      }
    } else await access.write(uri, after);
    await reloadTermbases(new Set([uri]), !exists);
    if (args.quiet !== true) {
      const message = words.addedToTermbase(term, file);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
    }
    return { file: uri, zh, en };
  };

  connection.onRequest(
    TermbaseSuggestionRequest,
    request(TermbaseSuggestionRequest.method, async (params: unknown) => {
      const p = (params && typeof params === 'object' ? params : {}) as Record<string, unknown>;
      const text = termArg(p.text, 'text');
      if (!text) throw invalidParams('{ text, folderUri or uri }');
      const folder = targetFolder(p);
      await reloading;
      return { ...suggest(text), file: (await folderSettings(folder)).termbaseFile };
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

  // unsaved edits to an open termbase count (its text stands for the file): re-read 300 ms after the
  // last change, and from the disk again once it is closed
  const editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const opened = new Set<string>();
  const termbaseEdited = (uri: string) => {
    if (!termbases?.has(uri)) return;
    clearTimeout(editTimers.get(uri));
    editTimers.set(
      uri,
      setTimeout(() => {
        editTimers.delete(uri);
        void reloadTermbases(new Set([uri]), false);
      }, TERMBASE_EDIT_DELAY),
    );
  };
  open.documents.onDidOpen(({ document }) => opened.add(document.uri));
  open.documents.onDidChangeContent(({ document }) => {
    // the change event that comes with opening: the text is the file's, nothing to re-read
    if (opened.delete(document.uri)) return;
    termbaseEdited(document.uri);
  });
  open.documents.onDidClose(({ document }) => {
    opened.delete(document.uri);
    termbaseEdited(document.uri);
  });

  qa.listen(request, notify);
  nav.listen(request);
  // the document notifications through the same wrappers: a didOpen before initialize opens nothing
  open.documents.listen({
    onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(notify('textDocument/didOpen', handler)),
    onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(notify('textDocument/didChange', handler)),
    onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(notify('textDocument/didClose', handler)),
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(notify('textDocument/willSave', handler)),
    onWillSaveTextDocumentWaitUntil: (handler) =>
      connection.onWillSaveTextDocumentWaitUntil(
        (params, token) => lifecycleError('textDocument/willSaveWaitUntil') ?? handler(params, token),
      ),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(notify('textDocument/didSave', handler)),
  });
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
