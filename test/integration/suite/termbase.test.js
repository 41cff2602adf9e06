'use strict';
// A termbase in the workspace (client.tbx): its term gets a card in simplified and traditional,
// labelled with the file, and an edit of the file shows in the next hover without a restart.
const assert = require('node:assert');
const vscode = require('vscode');
const { openSample, positionOf, hoverUntil, waitForActivation, workspaceUri } = require('./helpers');

suite('workspace termbase', () => {
  const tbx = workspaceUri('client.tbx');
  let original;

  suiteSetup(async () => {
    original = await vscode.workspace.fs.readFile(tbx);
    await openSample('termbase.md');
    await waitForActivation();
  });

  suiteTeardown(async () => {
    if (original) await vscode.workspace.fs.writeFile(tbx, original);
  });

  test('hovering 监理沙箱 and 監理沙箱 shows the client termbase entry, labelled with its file', async () => {
    const doc = await openSample('termbase.md');
    for (const needle of ['监理沙箱', '監理沙箱']) {
      const card = await hoverUntil(
        doc.uri,
        positionOf(doc, needle, 1),
        (ts) => ts.some((t) => t.includes('From your termbase')),
        `hover on ${needle}`,
      );
      assert.match(card, /\*\*监理沙箱\*\* · 監理沙箱 · regulatory sandbox/);
      assert.ok(card.includes("The client\\'s own word for a supervised test regime"), card);
      assert.ok(card.includes('client\\.tbx'), card);
    }
  });

  test('editing client.tbx changes the next hover, without a restart', async () => {
    const doc = await openSample('termbase.md');
    const text = Buffer.from(original).toString('utf8').replace("The client's own word", 'Edited: the client’s word');
    await vscode.workspace.fs.writeFile(tbx, Buffer.from(text, 'utf8'));
    const card = await hoverUntil(
      doc.uri,
      positionOf(doc, '监理沙箱', 1),
      (ts) => ts.some((t) => t.includes('Edited')),
      'hover after the edit',
    );
    assert.ok(card.includes('Edited\\: the client’s word'), card);
  });
});
