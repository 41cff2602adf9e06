'use strict';
const assert = require('node:assert');
const vscode = require('vscode');
const { openSample, completionUntil, labelOf, waitForActivation } = require('./helpers');

// Type a partial term on a new last line of sample.txt (in memory only) and ask for completions at its end.
// The file is reverted afterwards so that the workspace on disk and in the editor stays unchanged.
async function completeAfter(partial) {
  const doc = await openSample('sample.txt');
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor && editor.document === doc);
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  const ok = await editor.edit((b) => b.insert(end, `\n${partial}`));
  assert.ok(ok, 'edit was not applied');
  const last = doc.lineAt(doc.lineCount - 1);
  return { doc, pos: last.range.end };
}

/** What our server puts beside an item's label: the translation, or "← typed form" on a translation item. */
function descriptionOf(item) {
  return (typeof item.label === 'object' && item.label.description) || item.detail || '';
}

// Only our server produces these: VS Code's word-based suggestions have neither a description nor the
// Reference kind, and sample.txt already contains 区块链 and "blockchain" as words.
const term = (label, translation) => (i) => labelOf(i) === label && descriptionOf(i) === translation;
const translation = (label, from) => (i) =>
  labelOf(i) === label && descriptionOf(i) === `← ${from}` && i.kind === vscode.CompletionItemKind.Reference;

suite('completion', () => {
  suiteSetup(async () => {
    await openSample('sample.txt');
    await waitForActivation();
    // the runners' test profile; without it, the editor offers the document's own words
    assert.strictEqual(
      vscode.workspace.getConfiguration('editor').get('wordBasedSuggestions'),
      'off',
      'editor.wordBasedSuggestions is not "off" in the test profile',
    );
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // Revert sample.txt whichever editor is active: left dirty (after a failed test), a later "close all"
  // would save the typed lines into the workspace on disk.
  teardown(async () => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('/workspace/sample.txt'));
    if (doc?.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.ok(!doc.isDirty, 'sample.txt could not be reverted');
    }
  });

  test('after typing 区块 the term 区块链 (blockchain) and its translation blockchain ← 区块链 are offered', async () => {
    const { doc, pos } = await completeAfter('数字货币的底层是区块');
    const { items } = await completionUntil(doc.uri, pos, term('区块链', 'blockchain'), 'completion 区块链 · blockchain');
    assert.ok(
      items.some(translation('blockchain', '区块链')),
      `no "blockchain ← 区块链" among ${JSON.stringify(items.slice(0, 20).map((i) => [labelOf(i), descriptionOf(i)]))}`,
    );
  });

  test('after typing "blockch" the term blockchain (区块链) and its translation 区块链 ← blockchain are offered', async () => {
    const { doc, pos } = await completeAfter('Banks now settle trades on a blockch');
    const { items } = await completionUntil(doc.uri, pos, translation('区块链', 'blockchain'), 'completion 区块链 ← blockchain');
    assert.ok(
      items.some(term('blockchain', '区块链')),
      `no "blockchain · 区块链" among ${JSON.stringify(items.slice(0, 20).map((i) => [labelOf(i), descriptionOf(i)]))}`,
    );
  });
});
