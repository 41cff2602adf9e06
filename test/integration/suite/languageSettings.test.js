'use strict';
// Term QA settings per language, in the real editor: `"[markdown]": { "fintechGlossary.diagnostics.enable":
// false }` turns the check off in Markdown documents only. VS Code applies a language's overrides
// only when asked with the document, which the client's configuration middleware does: without it
// the server would see the folder's value and keep checking the Markdown file.
const assert = require('node:assert');
const vscode = require('vscode');
const { openSample, ours, sleep, until, waitForActivation } = require('./helpers');

suite('term QA settings per language', () => {
  const markdownOff = () =>
    vscode.workspace
      .getConfiguration('fintechGlossary', { languageId: 'markdown' })
      .update('diagnostics.enable', false, vscode.ConfigurationTarget.Global, true);
  const reset = () =>
    vscode.workspace
      .getConfiguration('fintechGlossary', { languageId: 'markdown' })
      .update('diagnostics.enable', undefined, vscode.ConfigurationTarget.Global, true);

  suiteSetup(async () => {
    await openSample('term-qa.md');
    await waitForActivation();
  });

  suiteTeardown(async () => {
    await reset();
  });

  test('"[markdown]": diagnostics off clears the Markdown file and keeps checking plain text', async () => {
    const markdown = await openSample('term-qa.md');
    const text = await vscode.workspace.openTextDocument({ language: 'plaintext', content: markdown.getText() });
    await vscode.window.showTextDocument(text, { preview: false });
    await until(() => ours(markdown.uri).length > 0 && ours(text.uri).length > 0, 'findings in both documents');
    const findings = ours(text.uri).length;
    await markdownOff();
    await until(() => ours(markdown.uri).length === 0, 'the Markdown findings to go');
    // the plain-text document is still checked, with the same findings
    await sleep(1000);
    assert.strictEqual(ours(text.uri).length, findings);
    await reset();
    await until(() => ours(markdown.uri).length > 0, 'the Markdown findings to come back');
    await vscode.window.showTextDocument(text);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
