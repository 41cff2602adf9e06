/**
 * *Add to Project Termbase* from the command palette: the selection (or the word at the cursor, or
 * a term typed in), its counterpart confirmed in an input box prefilled with the server's suggestion
 * (from the selection, or from the glossary when it knows the term), appended by the server to the
 * folder's termbase file (`fintechGlossary.termbaseFile`, created on first use). Shared code.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { type AddToTermbaseArgs, type AddToTermbaseResult, Commands, TermbaseSuggestionRequest } from '../../server/src/protocol';

export async function addToTermbase(client: BaseLanguageClient): Promise<void> {
  const title = vscode.l10n.t('Add to Project Termbase');
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  let term = '';
  if (editor && doc) {
    const range = editor.selection.isEmpty ? doc.getWordRangeAtPosition(editor.selection.active) : editor.selection;
    term = range ? doc.getText(range).replace(/\s+/g, ' ').trim() : '';
  }
  if (!term || term.length > 200) {
    term =
      (
        await vscode.window.showInputBox({
          title,
          prompt: vscode.l10n.t('The term to add (Chinese or English)'),
          value: term.slice(0, 200),
          validateInput: (v) => (v.length > 200 ? vscode.l10n.t('At most 200 characters') : undefined),
        })
      )?.trim() ?? '';
    if (!term) return;
  }
  // the folder: the document's, else the only one, else the user's choice
  const folders = vscode.workspace.workspaceFolders ?? [];
  let folder = doc ? vscode.workspace.getWorkspaceFolder(doc.uri) : undefined;
  if (!folder && folders.length === 1) folder = folders[0];
  if (!folder && folders.length > 1)
    folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Add to the termbase of which folder?') });
  if (!folder) {
    if (!folders.length)
      void vscode.window.showInformationMessage(vscode.l10n.t('Fintech Glossary: open a folder to add terms to its termbase.'));
    return;
  }
  const suggestion = await client.sendRequest(TermbaseSuggestionRequest, { text: term, folderUri: folder.uri.toString() });
  // the side the selection starts with is the term; the other one is asked for
  const askEnglish = suggestion.first === 'zh';
  const given = askEnglish ? suggestion.zh : suggestion.en;
  const counterpart = await vscode.window.showInputBox({
    title,
    prompt: askEnglish
      ? vscode.l10n.t('English for “{0}” (empty: none), added to {1}', given, suggestion.file)
      : vscode.l10n.t('Chinese for “{0}” (empty: none), added to {1}', given, suggestion.file),
    value: askEnglish ? suggestion.en : suggestion.zh,
    placeHolder: suggestion.fromGlossary ? undefined : vscode.l10n.t('not in the glossary: type the translation'),
    validateInput: (v) => (v.length > 200 || /[\r\n]/.test(v) ? vscode.l10n.t('One line, at most 200 characters') : undefined),
  });
  if (counterpart === undefined) return;
  const args: AddToTermbaseArgs = {
    folderUri: folder.uri.toString(),
    zh: askEnglish ? given : counterpart.trim(),
    en: askEnglish ? counterpart.trim() : given,
    quiet: true,
  };
  const result = (await client.sendRequest('workspace/executeCommand', {
    command: Commands.serverAddToTermbase,
    arguments: [args],
  })) as AddToTermbaseResult;
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Fintech Glossary: added {0} to {1}.', [result.zh, result.en].filter(Boolean).join(' · '), suggestion.file),
  );
}
