'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { hoverUntil, waitForActivation } = require('./helpers');

/** The command links in a card: [{ command, args }]. */
function commandLinks(card) {
  return [...card.matchAll(/\]\(command:([\w.]+)\?([^ )]+)/g)].map(([, command, args]) => ({ command, args: JSON.parse(decodeURIComponent(args)) }));
}

suite('card links run in the editor', () => {
  let doc;
  let card;

  suiteSetup(async () => {
    await waitForActivation();
    doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '我们研究区块链的应用。' });
    await vscode.window.showTextDocument(doc);
    card = await hoverUntil(doc.uri, doc.positionAt(5), (ts) => ts.some((t) => t.includes('command:fintechGlossary.replaceTerm')), 'hover with links');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('links only to our own commands', () => {
    const commands = new Set(commandLinks(card).map((l) => l.command));
    assert.ok(commands.size > 0, 'the card has no links');
    for (const c of commands) assert.ok(['fintechGlossary.replaceTerm', 'fintechGlossary.openSource'].includes(c), c);
  });

  test('“→ blockchain” replaces the hovered term in the document', async () => {
    const link = commandLinks(card).find((l) => l.command === 'fintechGlossary.replaceTerm' && l.args[0].text === 'blockchain');
    assert.ok(link, 'no link replacing with blockchain');
    await vscode.commands.executeCommand(link.command, ...link.args);
    assert.strictEqual(doc.getText(), '我们研究blockchain的应用。');
  });

  test('“Open source passage” opens the bundled source at the cited line', async () => {
    const link = commandLinks(card).find((l) => l.command === 'fintechGlossary.openSource');
    assert.ok(link, 'no source link');
    await vscode.commands.executeCommand(link.command, ...link.args);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor opened');
    assert.match(editor.document.uri.path, new RegExp(`/glossary/sources/${link.args[0].doc}-[^/]+\\.txt$`));
    assert.strictEqual(editor.selection.active.line, link.args[0].line - 1);
  });
});
