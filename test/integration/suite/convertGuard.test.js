'use strict';
// The convert commands in a document the server does not serve (a JSON file): the command says so
// and ends, instead of sending the document to the server and leaving its refusal
// (-32602 "the document is not open") as an unhandled rejection. The document is left as it was.
const assert = require('node:assert');
const vscode = require('vscode');
const { openSample, waitForActivation } = require('./helpers');

suite('Convert in a document the server does not serve', () => {
  suiteSetup(async () => {
    await openSample('sample.md');
    await waitForActivation();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Convert Document and Convert Selection in a JSON file resolve and change nothing', async () => {
    const content = '{ "term": "区块链技术" }\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('fintechGlossary.convertDocument.zhTW');
    editor.selection = new vscode.Selection(0, 0, 0, content.length - 1);
    await vscode.commands.executeCommand('fintechGlossary.convertSelection.zhHant');
    assert.strictEqual(doc.getText(), content);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
