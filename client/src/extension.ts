/**
 * The thin client, shared by the desktop (node.ts) and web (browser.ts) entry points: pass settings,
 * forward commands. No term logic here, and nothing Node-only (the web build bundles this file):
 * the entry points differ only in how the server is started.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import {
  CARD_COMMANDS,
  Commands,
  DEFAULT_LANGUAGES,
  DocumentVariantRequest,
  ENTRY_SCHEME,
  EntryDocumentRequest,
  LookupRequest,
  SCRIPTS,
  SERVED_LANGUAGES_CONTEXT,
  type ConvertArgs,
  type Script,
  SETTINGS_SECTION,
  type InitializationOptions,
  type LookupItem,
  type OpenSourceArgs,
  type ReplaceTermArgs,
  type Settings,
} from '../../server/src/protocol';
import { addToTermbase } from './addToTermbase';

/** A language client that can restart its server: over IPC to a Node process, or to a Web Worker. */
export type Client = BaseLanguageClient & { restart(): Promise<void> };
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => Client;

let client: Client | undefined;

export async function activateWith(
  context: vscode.ExtensionContext,
  createClient: ClientFactory,
  extraInitializationOptions: () => Partial<InitializationOptions> = () => ({}),
): Promise<void> {
  const extra = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string[]>('languages', []);
  const languages = [...new Set([...DEFAULT_LANGUAGES, ...extra])];
  const clientOptions: LanguageClientOptions = {
    // any scheme: files on disk, untitled, and virtual workspaces (vscode-vfs on github.dev, vscode.dev)
    documentSelector: languages.map((language) => ({ language })),
    synchronize: { configurationSection: SETTINGS_SECTION },
    // a function: read on every (re)start, after the web client has prepared its worker
    initializationOptions: (): InitializationOptions => ({
      // plain data: a Web Worker's postMessage cannot clone the configuration object's methods
      settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SETTINGS_SECTION))) as Partial<Settings>,
      commandLinks: true,
      // workspace symbols and definitions may open a bundled entry's read-only view (below)
      entryDocuments: true,
      ...extraInitializationOptions(),
    }),
    middleware: {
      workspace: {
        // the server asks with a document's URI as scopeUri for the settings term QA reads per folder
        // and language; VS Code applies a language's overrides (`"[markdown]": { … }`) only when asked
        // with the document itself, so answer those items with the open document as the scope
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value: unknown, i) => {
            const item = params.items[i];
            const doc =
              item?.scopeUri && item.section === SETTINGS_SECTION
                ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === item.scopeUri)
                : undefined;
            return doc ? (JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SETTINGS_SECTION, doc))) as unknown) : value;
          });
        },
      },
    },
    // Glossary text is data: cards may only link to our own commands.
    markdown: { isTrusted: { enabledCommands: CARD_COMMANDS }, supportHtml: false },
  };
  client = createClient('fintechGlossary', 'Fintech Glossary', clientOptions);
  // the menus' `when` (package.json): our commands only in the editors of documents the server serves
  void vscode.commands.executeCommand('setContext', SERVED_LANGUAGES_CONTEXT, languages);

  // Start the server only once a document we serve is open: activation on other prose languages
  // (listed in package.json so that user-added languages work) then costs nothing.
  const served = (doc: vscode.TextDocument) => languages.includes(doc.languageId);
  let starting: Promise<void> | undefined;
  const ensureStarted = () => (starting ??= client!.start());
  if (vscode.workspace.textDocuments.some(served)) await ensureStarted();
  else {
    const waiting = vscode.workspace.onDidOpenTextDocument((doc) => {
      if (!served(doc)) return;
      waiting.dispose();
      void ensureStarted();
    });
    context.subscriptions.push(waiting);
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.lookup, async () => {
      await ensureStarted();
      await lookup();
    }),
    ...SCRIPTS.flatMap((to) => [
      vscode.commands.registerCommand(convertCommand('Document', to), async () => {
        await ensureStarted();
        await convert(to, false, languages);
      }),
      vscode.commands.registerCommand(convertCommand('Selection', to), async () => {
        await ensureStarted();
        await convert(to, true, languages);
      }),
    ]),
    vscode.commands.registerCommand(Commands.addToTermbase, async () => {
      await ensureStarted();
      if (!client) return;
      try {
        await addToTermbase(client);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        void vscode.window.showErrorMessage(vscode.l10n.t('Fintech Glossary: could not add the term: {0}', why));
      }
    }),
    vscode.commands.registerCommand(Commands.chooseVariant, async () => {
      await ensureStarted();
      await chooseVariant();
    }),
    statusItem(),
    // a bundled entry's read-only view (Ctrl+T, go to definition): its text comes from the server
    vscode.workspace.registerTextDocumentContentProvider(ENTRY_SCHEME, {
      provideTextDocumentContent: async (uri) => {
        await ensureStarted();
        const text = await client!.sendRequest(EntryDocumentRequest, { uri: uri.toString() }).catch(() => null);
        return text ?? vscode.l10n.t('Fintech Glossary: no such entry.');
      },
    }),
    vscode.commands.registerCommand(Commands.replaceTerm, replaceTerm),
    vscode.commands.registerCommand(Commands.openSource, (args: OpenSourceArgs) => openSource(context, args)),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      if (starting) await client?.restart();
      else await ensureStarted();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.languages`)) {
        void vscode.window
          .showInformationMessage(
            vscode.l10n.t('Fintech Glossary: reload the window to apply the new language list.'),
            vscode.l10n.t('Reload'),
          )
          .then((choice) => choice && vscode.commands.executeCommand('workbench.action.reloadWindow'));
      }
    }),
  );
}

/** The client command converting the document or selection to a script (fintechGlossary.convertDocument.zhTW …). */
export function convertCommand(what: 'Document' | 'Selection', to: Script): string {
  return `fintechGlossary.convert${what}.${to.replace('-', '')}`;
}

/**
 * Convert the active editor's document or selection on the server (one workspace edit, one undo).
 * A document in a language the server does not serve (JSON, Python…) is not sent: the user is told
 * which setting adds its language. An error of the server's is shown, never left unhandled.
 */
async function convert(to: Script, selection: boolean, languages: readonly string[]): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) return;
  const language = editor.document.languageId;
  if (!languages.includes(language)) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Fintech Glossary: {0} documents are not checked or converted; add “{0}” to the fintechGlossary.languages setting to include them.',
        language,
      ),
    );
    return;
  }
  const sel = editor.selection;
  if (selection && sel.isEmpty) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Fintech Glossary: select the text to convert first.'));
    return;
  }
  const args: ConvertArgs = {
    uri: editor.document.uri.toString(),
    to,
    ...(selection ? { range: { start: sel.start, end: sel.end } } : {}),
  };
  try {
    await client.sendRequest('workspace/executeCommand', { command: Commands.convert, arguments: [args] });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(vscode.l10n.t('Fintech Glossary: could not convert: {0}', why));
  }
}

const VARIANT_LABEL: Record<Script, string> = {
  'zh-Hans': '简体 zh-Hans',
  'zh-Hant': '繁體 zh-Hant',
  'zh-TW': '臺灣正體 zh-TW',
  'zh-HK': '香港繁體 zh-HK',
};

let status: vscode.StatusBarItem | undefined;

/** The status bar item: the active document's variant (set or detected); a click opens chooseVariant. */
function statusItem(): vscode.Disposable {
  status = vscode.window.createStatusBarItem('fintechGlossary.variant', vscode.StatusBarAlignment.Right, 100);
  status.name = vscode.l10n.t('Fintech Glossary variant');
  status.command = Commands.chooseVariant;
  const update = async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!status || !client || !doc || !client.isRunning()) return status?.hide();
    const v = await client.sendRequest(DocumentVariantRequest, { uri: doc.uri.toString() }).catch(() => null);
    if (!v) return status.hide();
    status.text = `$(globe) ${v.variant ? VARIANT_LABEL[v.variant] : 'zh ?'}`;
    status.tooltip = v.variant
      ? vscode.l10n.t('Fintech Glossary: checked as {0} ({1}). Click to change or convert.', v.variant, v.source)
      : vscode.l10n.t('Fintech Glossary: variant undecided (too few telling characters, or mixed). Click to change or convert.');
    status.show();
  };
  const timer = setInterval(() => void update(), 2000);
  const subs = [
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.workspace.onDidSaveTextDocument(() => void update()),
  ];
  return {
    dispose: () => {
      clearInterval(timer);
      for (const d of subs) d.dispose();
      status?.dispose();
    },
  };
}

/**
 * Quick pick: set the variant (fintechGlossary.variant) for this workspace, or in the user settings
 * when only files are open (VS Code refuses workspace settings without a folder), or convert the
 * document. The setting's place is said in the pick and in a message after.
 */
async function chooseVariant(): Promise<void> {
  const workspace = !!vscode.workspace.workspaceFolders?.length;
  const where = workspace ? vscode.l10n.t('the workspace settings') : vscode.l10n.t('your user settings (no folder is open)');
  const setVariant = async (v: 'auto' | Script) => {
    const target = workspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('variant', v, target);
    void vscode.window.showInformationMessage(vscode.l10n.t('Fintech Glossary: {0} now set fintechGlossary.variant to {1}.', where, v));
  };
  const picks: (vscode.QuickPickItem & { run: () => Thenable<unknown> })[] = [
    ...(['auto', ...SCRIPTS] as const).map((v) => ({
      label: vscode.l10n.t('Check as {0}', v === 'auto' ? vscode.l10n.t('auto (detect)') : VARIANT_LABEL[v]),
      description: workspace
        ? vscode.l10n.t('fintechGlossary.variant for this workspace')
        : vscode.l10n.t('fintechGlossary.variant in your user settings'),
      run: () => setVariant(v),
    })),
    ...SCRIPTS.map((to) => ({
      label: vscode.l10n.t('Convert Document to {0}', VARIANT_LABEL[to]),
      description: vscode.l10n.t('glossary-aware'),
      run: () => vscode.commands.executeCommand(convertCommand('Document', to)),
    })),
  ];
  const chosen = await vscode.window.showQuickPick(picks, { placeHolder: vscode.l10n.t('Fintech Glossary: variant and conversion') });
  try {
    await chosen?.run();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(vscode.l10n.t('Fintech Glossary: fintechGlossary.variant was not set: {0}', why));
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Ask for a term (default: the selection), show the matching entries, insert the chosen form. */
async function lookup(): Promise<void> {
  if (!client) return;
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  const term = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Look up a fintech term (Chinese or English)'), value: selected });
  if (!term) return;
  const items = await client.sendRequest(LookupRequest, { term });
  if (!items.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Fintech Glossary: no entry for “{0}”.', term));
    return;
  }
  // prefix suggestions are not the answer: say so where the user chooses
  const exact = items.some((item) => item.match === 'exact');
  const picks = items.flatMap((item: LookupItem) =>
    [item.zhHans, item.zhHant, item.zhTw, item.zhHk, ...item.en, ...item.abbr]
      .filter((form, i, all): form is string => !!form && all.indexOf(form) === i)
      .map((form) => ({ label: form, description: `${item.zhHans} · ${item.en[0] ?? ''}`, detail: item.definitionEn })),
  );
  const placeHolder = exact
    ? vscode.l10n.t('Choose a form to insert')
    : vscode.l10n.t('No entry for “{0}”; terms that start with it: choose a form to insert', term);
  const chosen = await vscode.window.showQuickPick(picks, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  if (chosen && editor) await editor.edit((b) => b.replace(editor.selection, chosen.label));
}

/**
 * A card's replace action. Its arguments come from a link in a hover, so they are checked, not
 * trusted: the document must be open in the editor, the range must lie inside it, and the text
 * there must still be the form the card was made for. Anything else is refused with a message.
 */
async function replaceTerm(args: ReplaceTermArgs): Promise<void> {
  const refuse = (why: string) => void vscode.window.showWarningMessage(vscode.l10n.t('Fintech Glossary: not replaced: {0}.', why));
  if (!args || typeof args !== 'object' || typeof args.uri !== 'string' || typeof args.text !== 'string' || typeof args.from !== 'string') {
    return refuse(vscode.l10n.t('the action is malformed'));
  }
  // open in an editor tab, not merely loaded by some extension in the background
  const inTab = vscode.window.tabGroups.all.some((g) =>
    g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === args.uri),
  );
  const doc = inTab ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri) : undefined;
  if (!doc) return refuse(vscode.l10n.t('the document is not open in the editor'));
  const { start, end } = args.range ?? {};
  const position = (p: unknown) => {
    const { line, character } = (p ?? {}) as { line?: unknown; character?: unknown };
    return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0
      ? new vscode.Position(line as number, character as number)
      : undefined;
  };
  const from = position(start),
    to = position(end);
  if (!from || !to) return refuse(vscode.l10n.t('the range is malformed'));
  // a range given end first (a selection made backwards) stands for the same text: vscode.Range turns
  // it round, as the server does with the ranges it takes (server/src/ranges.ts)
  const range = new vscode.Range(from, to);
  if (!doc.validateRange(range).isEqual(range)) return refuse(vscode.l10n.t('the range is outside the document'));
  if (doc.getText(range) !== args.from) return refuse(vscode.l10n.t('the text there is no longer “{0}”', args.from));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, args.text);
  if (!(await vscode.workspace.applyEdit(edit))) refuse(vscode.l10n.t('the editor did not apply the edit'));
}

/** Open a bundled source document (glossary/sources/<doc>-*.txt) at the cited line, read-only. */
async function openSource(context: vscode.ExtensionContext, args: OpenSourceArgs): Promise<void> {
  if (!args || !/^\d{3}$/.test(String(args.doc))) return;
  const folder = vscode.Uri.joinPath(context.extensionUri, 'glossary', 'sources');
  const files = await vscode.workspace.fs.readDirectory(folder);
  const name = files.map(([n]) => n).find((n) => n.startsWith(`${args.doc}-`) && n.endsWith('.txt'));
  if (!name) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Fintech Glossary: source document {0} is not bundled.', args.doc));
    return;
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name));
  const line = Math.max(0, Math.min(doc.lineCount - 1, Number(args.line) - 1));
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, 0, line, 0), preview: true });
}
