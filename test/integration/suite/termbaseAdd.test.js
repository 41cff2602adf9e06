'use strict';
// *Add to Project Termbase* from the command palette, in the real editor: the selection goes to the
// folder's termbase file with the counterpart the input box offers, and the next hover shows it;
// when that file is open with unsaved lines, the row goes into its editor as an edit and the file on
// disk stays as it was.
const assert = require('node:assert');
const vscode = require('vscode');
const { openSample, positionOf, hoverUntil, waitForActivation, workspaceUri } = require('./helpers');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Run the palette command and accept the input box it shows (prefilled with the counterpart). */
async function addSelection() {
  let settled = false;
  const running = Promise.resolve(vscode.commands.executeCommand('fintechGlossary.addToTermbase')).finally(() => {
    settled = true;
  });
  for (let i = 0; i < 100 && !settled; i++) {
    await sleep(200);
    // accepts the visible input box; nothing happens while none is shown yet
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  await running;
}

async function select(doc, needle) {
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const start = positionOf(doc, needle, 0);
  editor.selection = new vscode.Selection(start, start.translate(0, needle.length));
  return editor;
}

suite('Add to Project Termbase (palette)', () => {
  const csv = workspaceUri('glossary.csv');
  const remove = async () => {
    try {
      await vscode.workspace.fs.delete(csv);
    } catch {
      // not there
    }
  };
  const disk = async () => Buffer.from(await vscode.workspace.fs.readFile(csv)).toString('utf8');

  suiteSetup(async () => {
    await remove();
    await openSample('termbase.md');
    await waitForActivation();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await remove();
  });

  test('adds the selected term with the offered translation to glossary.csv; the next hover shows the file', async () => {
    const doc = await openSample('termbase.md');
    // the client termbase (client.tbx) knows 监理沙箱: its English is offered in the input box
    await select(doc, '监理沙箱');
    await addSelection();
    assert.strictEqual(await disk(), 'zh-Hans,en\n监理沙箱,regulatory sandbox\n');
    const card = await hoverUntil(
      doc.uri,
      positionOf(doc, '监理沙箱', 1),
      (ts) => ts.some((t) => t.includes('glossary\\.csv')),
      'hover naming glossary.csv',
    );
    assert.ok(card.includes('regulatory sandbox'), card);
  });

  test('an open termbase with unsaved lines gets the row as an edit; the disk keeps what was saved', async () => {
    const saved = await disk();
    const termbase = await vscode.workspace.openTextDocument(csv);
    const editor = await vscode.window.showTextDocument(termbase, { preview: false });
    await editor.edit((e) => e.insert(termbase.positionAt(termbase.getText().length), '稳定币,stablecoin\n'));
    assert.ok(termbase.isDirty);
    const doc = await openSample('termbase.md');
    await select(doc, '新产品');
    await addSelection();
    const lines = termbase.getText().split('\n');
    assert.deepStrictEqual(lines.slice(0, 3), ['zh-Hans,en', '监理沙箱,regulatory sandbox', '稳定币,stablecoin']);
    assert.ok(lines[3].startsWith('新产品,'), termbase.getText());
    assert.ok(termbase.isDirty, 'the termbase is still unsaved');
    assert.strictEqual(await disk(), saved);
    // one undo takes the row out again
    await vscode.window.showTextDocument(termbase, { preview: false });
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(termbase.getText(), `${saved}稳定币,stablecoin\n`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
