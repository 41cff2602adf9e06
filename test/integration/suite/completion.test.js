'use strict';
const assert = require('assert');
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

suite('completion', () => {
  suiteSetup(async () => {
    await openSample('sample.txt');
    await waitForActivation();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  teardown(async () => {
    if (vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.isDirty) {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('after typing 区块 the full term 区块链 is offered', async () => {
    const { doc, pos } = await completeAfter('数字货币的底层是区块');
    const { hit } = await completionUntil(doc.uri, pos, (i) => labelOf(i).includes('区块链'), 'completion 区块链');
    const inserted = typeof hit.insertText === 'string' ? hit.insertText : (hit.insertText && hit.insertText.value) || labelOf(hit);
    assert.match(inserted, /区块链/);
  });

  test('after typing "blockch" the English term blockchain is offered', async () => {
    const { doc, pos } = await completeAfter('Banks now settle trades on a blockch');
    const { hit } = await completionUntil(doc.uri, pos, (i) => /^blockchain\b/i.test(labelOf(i)), 'completion blockchain');
    assert.match(labelOf(hit), /blockchain/i);
  });
});
