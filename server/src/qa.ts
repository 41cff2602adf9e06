/**
 * Wiring of term QA (server.ts hands it the connection): which variant a document has, when it is
 * checked, and how diagnostics reach the client — pushed (`publishDiagnostics`, only when they
 * changed) or pulled (`textDocument/diagnostic`, for clients that declare it), never both; code
 * actions and the convert command.
 */
import {
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  type InitializeParams,
  MessageType,
  type Range,
  ShowMessageNotification,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { OpenDocuments } from './documents';
import { convertDocument, convertText } from './engine/convertText';
import { disabledRanges, resolveVariant, retargetDirective, skippedRanges, variantDirective } from './engine/directives';
import type { ChineseScript } from './engine/entry';
import type { Glossary } from './engine/glossary';
import type { MatchOptions } from './engine/matcher';
import { decideScript } from './engine/script';
import { codeActions, DocumentDiagnostics, minimalEdit, sameDiagnostics, severityOf } from './features/diagnostics';
import type { QAWords } from './features/words';
import { isIgnored, type ProjectConfig } from './projectConfig';
import { rangeArg } from './ranges';
import { relativeTo } from './termbases';
import { textOf } from './textDocument';
import { type ConvertArgs, type DocumentVariant, ENTRY_SCHEME, RULES, type Rule, SCRIPTS, type Script, type Settings } from './protocol';

interface DocState {
  /** Its checker and last diagnostics, for the context `checkerKey` (variant, rules switched off). */
  checker?: DocumentDiagnostics;
  checkerKey?: string;
  /** What was last published (push) or computed (pull), and for which version and epoch. */
  diagnostics: Diagnostic[];
  version: number;
  epoch: number;
  /** What was last pushed (push mode), to publish only changes. */
  published?: Diagnostic[];
  /** A push is being written to the client; `stale`: the document changed meanwhile (push again when it is out). */
  sending?: boolean;
  stale?: boolean;
}

export interface QAOptions {
  connection: Connection;
  open: OpenDocuments;
  glossary: () => Glossary;
  /**
   * The settings of a document's scope (its workspace folder and language: resource and
   * language-overridable settings), or the workspace's when no document is given.
   */
  settings: (doc?: TextDocument) => Settings;
  /** While a document's scoped settings are still being asked for: a promise to wait on. */
  settingsPending?: (doc: TextDocument) => Promise<unknown> | undefined;
  matchOptions: () => MatchOptions;
  /** The project file of a document's workspace folder (parsed), and the folder paths are made relative to. */
  project: (uri?: string) => { config: ProjectConfig; rootUri?: string; folderPath?: string };
  /** The workspace folder a document is in (its URI), for a project whose root is not above it as written. */
  folderOf?: (uri: string) => string | undefined;
  /** The server's words in the client's interface language (messages, code action titles). */
  words: () => QAWords;
}

export class TermQA {
  private pull = false;
  private refreshSupport = false;
  /** Whether the client applies workspace edits (workspace/applyEdit): the convert command needs it. */
  private applyEdit = false;
  private readonly states = new Map<string, DocState>();
  /** Bumped whenever settings, the project file or the glossary change: every result is stale. */
  private epoch = 0;
  private sizeWarned = false;

  /** More code actions for the same request (the server's *Add to termbase*). */
  moreCodeActions: ((params: unknown) => unknown[]) | undefined;

  constructor(private readonly o: QAOptions) {}

  /** Read the client's capabilities; returns the server capabilities term QA adds. */
  initialize(params: InitializeParams): Record<string, unknown> {
    const caps = params?.capabilities ?? {};
    this.pull = !!caps.textDocument?.diagnostic;
    this.refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    this.applyEdit = caps.workspace?.applyEdit === true;
    return {
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.fintechGlossary', 'refactor.rewrite'] },
      ...(this.pull
        ? { diagnosticProvider: { identifier: 'fintech-glossary', interDocumentDependencies: false, workspaceDiagnostics: false } }
        : {}),
    };
  }

  /** Wire the document events and requests. `guard` wraps a request handler (lifecycle, errors). */
  listen(
    guardRequest: <P, R>(method: string, handler: (params: P) => R | Promise<R>) => (params: P) => unknown,
    guardNotify: <P>(method: string, handler: (params: P) => void) => (params: P) => void,
  ): void {
    const { connection, open } = this.o;
    open.documents.onDidChangeContent(guardNotify('term QA', ({ document }: { document: TextDocument }) => this.changed(document)));
    open.documents.onDidClose(
      guardNotify('term QA close', ({ document }: { document: TextDocument }) => {
        const state = this.states.get(document.uri);
        this.states.delete(document.uri);
        // cleared if the client has any (what was pushed, or is being pushed: not what was last
        // computed, which a code action may have made for an edit not pushed yet)
        if (!this.pull && (state?.published?.length || state?.sending))
          void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      }),
    );
    connection.languages.diagnostics.on(
      guardRequest(
        'textDocument/diagnostic',
        async (params: { textDocument?: { uri?: unknown }; previousResultId?: unknown }): Promise<DocumentDiagnosticReport> => {
          const uri = params?.textDocument?.uri;
          if (typeof uri === 'string' && open.get(uri)) await this.o.settingsPending?.(open.get(uri)!);
          const doc = typeof uri === 'string' ? open.get(uri) : undefined;
          if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
          const resultId = `${doc.version}:${this.epoch}`;
          const state = this.states.get(doc.uri);
          if (params.previousResultId === resultId && state && state.version === doc.version && state.epoch === this.epoch)
            return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
          return { kind: DocumentDiagnosticReportKind.Full, resultId, items: this.diagnosticsOf(doc) };
        },
      ) as never,
    );
    connection.onCodeAction(
      guardRequest('textDocument/codeAction', (raw: CodeActionParams) => {
        // a reversed range is the forward one (a malformed one stays, and gets nothing of its own)
        const range = rangeArg(raw?.range);
        const params = range ? { ...raw, range } : raw;
        const doc = params?.textDocument && open.get(params.textDocument.uri);
        const more = this.moreCodeActions?.(params) ?? [];
        if (!doc || !params.range || !params.context || !Array.isArray(params.context.diagnostics)) return more.length ? more : null;
        // the conversions are a command that applies an edit: offered to clients that apply them
        return [...(codeActions(doc, params, this.diagnosticsOf(doc), this.applyEdit, this.o.words()) ?? []), ...more];
      }) as never,
    );
  }

  /** Settings, the project file or the glossary changed: check every open document again. */
  invalidate(): void {
    this.epoch++;
    for (const s of this.states.values()) s.checker = undefined;
    if (this.pull) {
      if (this.refreshSupport) void this.o.connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of this.o.open.documents.all()) this.changed(doc);
  }

  /**
   * A document changed (opened, edited, or everything was invalidated): in push mode, check it and
   * publish its diagnostics if they changed. The keystroke path the benchmarks measure.
   */
  changed(doc: TextDocument): void {
    if (this.pull) return; // the client pulls when it wants
    // the document's folder and language settings first (asked for once per scope)
    const pending = this.o.settingsPending?.(doc);
    if (pending) {
      void pending.then(() => {
        const now = this.o.open.get(doc.uri);
        if (now) this.changed(now);
      });
      return;
    }
    // Back-pressure: while the last push is still being written (a client that reads slowly, or
    // diagnostics of megabytes: thousands of findings), changes only mark the document stale, and
    // the document's diagnostics as they are then go out once that push is written. A client that
    // keeps up gets every change at once; one that does not gets the latest, never a backlog.
    const known = this.states.get(doc.uri);
    if (known?.sending) {
      known.stale = true;
      return;
    }
    const diagnostics = this.diagnosticsOf(doc);
    const state = this.states.get(doc.uri)!;
    if (state.published && sameDiagnostics(state.published, diagnostics)) return;
    state.published = diagnostics;
    state.sending = true;
    const sent = () => {
      state.sending = false;
      if (!state.stale) return;
      state.stale = false;
      // (a closed document has no state any more: nothing to publish)
      const now = this.o.open.get(doc.uri);
      if (now && this.states.get(doc.uri) === state) this.changed(now);
    };
    void Promise.resolve(this.o.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics })).then(sent, sent);
  }

  /** The variant a document is checked against, and where it comes from. */
  variantOf(doc: TextDocument): DocumentVariant {
    return resolveVariant(
      textOf(doc),
      this.o.settings(doc).variant,
      this.o.project(doc.uri).config.variant,
      () => decideScript(this.o.open.scriptCounts(doc)),
      this.o.open.anchorsOf(doc).find,
      doc.languageId === 'markdown',
    );
  }

  /** The path of a document relative to the workspace root (for the project file's ignore list). */
  private relativePath(uri: string): string | undefined {
    const { rootUri: root, folderPath } = this.o.project(uri);
    if (!root) return undefined;
    const base = root.endsWith('/') ? root : `${root}/`;
    if (uri.startsWith(base)) return decodeURIComponent(uri.slice(base.length));
    // a folder reached through a link: its path under the root, then the document's under the folder
    const folder = folderPath !== undefined ? this.o.folderOf?.(uri) : undefined;
    const rel = folder !== undefined ? relativeTo(folder, uri) : undefined;
    return rel === undefined ? undefined : folderPath ? `${folderPath}/${rel}` : rel;
  }

  /** The document's diagnostics (computed once per version and epoch). */
  diagnosticsOf(doc: TextDocument): Diagnostic[] {
    let state = this.states.get(doc.uri);
    if (!state) this.states.set(doc.uri, (state = { diagnostics: [], version: -1, epoch: -1 }));
    if (state.version === doc.version && state.epoch === this.epoch) return state.diagnostics;
    state.version = doc.version;
    state.epoch = this.epoch;
    state.diagnostics = this.compute(doc, state);
    return state.diagnostics;
  }

  private compute(doc: TextDocument, state: DocState): Diagnostic[] {
    const settings = this.o.settings(doc);
    if (!settings.diagnostics.enable) return [];
    // a bundled entry's read-only view (navigation) is the glossary's text, not the user's
    if (doc.uri.startsWith(`${ENTRY_SCHEME}:`)) return [];
    const project = this.o.project(doc.uri).config;
    const path = this.relativePath(doc.uri);
    if (path !== undefined && isIgnored(project, path)) return [];
    const text = textOf(doc);
    if (text.length > settings.diagnostics.maxDocumentSize) {
      if (!this.sizeWarned) {
        this.sizeWarned = true;
        // a notice, not a request: it has no actions to answer
        void this.o.connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Info,
          message: this.o.words().tooLong(settings.diagnostics.maxDocumentSize, text.length),
        });
      }
      return [];
    }
    const glossary = this.o.glossary();
    const index = this.o.open.indexOf(doc, glossary.index, this.o.matchOptions());
    const severity = (rule: Rule) => severityOf(rule, settings.diagnostics.severity, project.severity);
    const off = new Set<Rule>(RULES.filter((r) => severity(r) === 'off'));
    const variant = this.variantOf(doc).variant;
    const key = `${variant}|${[...off].join(',')}`;
    if (!state.checker || state.checkerKey !== key || state.checker.checker.ctx.source !== glossary) {
      state.checker = new DocumentDiagnostics({ source: glossary, script: variant, off });
      state.checkerKey = key;
    }
    // what is not prose and what the directives switch off, from the searches kept across edits
    const { find } = this.o.open.anchorsOf(doc);
    const markdown = doc.languageId === 'markdown';
    const ranges = { skipped: skippedRanges(text, markdown, find), disabled: disabledRanges(text, find, markdown) };
    return state.checker.update(doc, index.occurrences, ranges, severity, this.o.words());
  }

  /** The convert command: the document or selection in `to`, applied as one workspace edit. */
  async convert(args: unknown): Promise<boolean> {
    const a = args as Partial<ConvertArgs> | null;
    if (!a || typeof a.uri !== 'string' || !SCRIPTS.includes(a.to as Script))
      throw new Error('expected { uri, to: zh-Hans|zh-Hant|zh-TW|zh-HK, range? }');
    const doc = this.o.open.get(a.uri);
    if (!doc) throw new Error('the document is not open');
    if (!this.applyEdit)
      throw new Error(
        'this client does not apply workspace edits (workspace.applyEdit); the command line converts files: fintech-glossary convert --to …',
      );
    const to = a.to as ChineseScript;
    const selection = a.range === undefined || a.range === null ? undefined : rangeArg(a.range);
    if (a.range !== undefined && a.range !== null && !selection)
      throw new Error('range: { start: { line, character }, end: { line, character } } with non-negative integers');
    const range: Range = selection ?? { start: { line: 0, character: 0 }, end: doc.positionAt(textOf(doc).length) };
    const before = doc.getText(range);
    const glossary = this.o.glossary();
    const from = this.variantOf(doc).variant;
    const options = { from: from === to ? undefined : from, match: this.o.matchOptions() };
    const markdown = doc.languageId === 'markdown';
    const { find } = this.o.open.anchorsOf(doc);
    let after: string;
    if (!selection) {
      // the whole document: the occurrences the index already has; its variant directive names `to`
      const occurrences = this.o.open.indexOf(doc, glossary.index, this.o.matchOptions()).occurrences;
      after = convertDocument(before, to, glossary, { ...options, occurrences, markdown, find });
    } else {
      // the code, URLs and link destinations in it stay as written, as in Convert Document
      const start = doc.offsetAt(range.start),
        end = start + before.length;
      const keep = skippedRanges(textOf(doc), markdown, find, false)
        .filter((r) => r.end > start && r.start < end)
        .map((r) => ({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start }));
      after = convertText(before, to, glossary, { ...options, keep });
      // a selection with the whole directive line in it: the directive names `to` too
      const directive = variantDirective(textOf(doc), find, markdown);
      if (directive && doc.offsetAt({ line: doc.positionAt(directive.offset).line, character: 0 }) >= start) {
        const inSelection = { ...directive, valueStart: directive.valueStart - start, valueEnd: directive.valueEnd - start };
        if (inSelection.valueEnd <= before.length) after = retargetDirective(before, after, inSelection, to);
      }
    }
    const edit = minimalEdit(doc, range, before, after);
    if (!edit) return true;
    const result = await this.o.connection.workspace.applyEdit({
      label: this.o.words().convert(to, !!selection),
      edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: [edit] }] },
    });
    return result.applied;
  }
}
