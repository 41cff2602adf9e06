'use strict';
const assert = require('node:assert');
const vscode = require('vscode');
const { hoverUntil, openSample, positionOf, sleep, workspaceUri } = require('./helpers');

/** Workspace symbols for a query, retried until `accept` holds (the server may still be starting). */
async function symbolsUntil(query, accept, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let found = [];
  for (;;) {
    found = (await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', query)) || [];
    if (accept(found)) return found;
    if (Date.now() > deadline) break;
    await sleep(500);
  }
  assert.fail(`${what}: last answer ${JSON.stringify(found.map((s) => [s.name, s.location.uri.toString()]))}`);
}

suite('glossary search and go to definition', () => {
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Ctrl+T: 區塊 finds 區塊鏈, which opens as a read-only view of the entry', async () => {
    const doc = await openSample('sample.md');
    // the server serves this workspace once a card shows
    await hoverUntil(doc.uri, positionOf(doc, '区块链'), (ts) => ts.some((t) => t.includes('blockchain')), 'a card on 区块链');
    const found = await symbolsUntil('區塊', (s) => s.some((x) => x.name === '區塊鏈'), 'a symbol named 區塊鏈');
    const symbol = found.find((x) => x.name === '區塊鏈');
    assert.strictEqual(symbol.location.uri.scheme, 'fintech-glossary');
    assert.strictEqual(symbol.containerName, '区块链 · blockchain');
    // what choosing it opens: the client's content provider asks the server for the entry's text
    const view = await vscode.workspace.openTextDocument(symbol.location.uri);
    const lines = view.getText().split('\n');
    assert.strictEqual(lines[0], '区块链 · 區塊鏈 · blockchain');
    assert.ok(lines.includes('Also: blockchain technology'), view.getText().slice(0, 400));
    const editor = await vscode.window.showTextDocument(view);
    assert.strictEqual(editor.document.uri.scheme, 'fintech-glossary');
  });

  test('go to definition on 区块链 opens the source passage its card cites', async () => {
    const doc = await openSample('sample.md');
    const at = positionOf(doc, '区块链');
    await hoverUntil(doc.uri, at, (ts) => ts.some((t) => t.includes('blockchain')), 'a card on 区块链');
    const defs = (await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, at)) || [];
    // VS Code's Markdown extension answers too (the heading): ours is the one outside this document
    const ours = defs.filter((d) => (d.targetUri ?? d.uri).toString() !== doc.uri.toString());
    assert.strictEqual(ours.length, 1, JSON.stringify(defs));
    const target = ours[0].targetUri ?? ours[0].uri;
    const range = ours[0].targetRange ?? ours[0].range;
    assert.ok(target.path.endsWith('/glossary/sources/001-fintech-reports.txt'), target.toString());
    assert.strictEqual(range.start.line, 4237);
    // the whole term is the link's origin
    assert.deepStrictEqual(
      [ours[0].originSelectionRange.start.character, ours[0].originSelectionRange.end.character],
      [at.character - 1, at.character + 2],
    );
  });

  test('inline glosses appear when fintechGlossary.inlayHints.enable is turned on', async () => {
    const doc = await openSample('sample.md');
    await hoverUntil(doc.uri, positionOf(doc, '区块链'), (ts) => ts.some((t) => t.includes('blockchain')), 'a card on 区块链');
    const range = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = async () => (await vscode.commands.executeCommand('vscode.executeInlayHintProvider', doc.uri, range)) || [];
    const label = (h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    const config = vscode.workspace.getConfiguration('fintechGlossary');
    assert.ok(!(await hints()).some((h) => label(h) === 'blockchain'), 'glosses while the setting is off');
    // the workspace setting is written to .vscode/settings.json: leave no such folder behind
    const dotVscode = workspaceUri('.vscode');
    const hadDotVscode = await vscode.workspace.fs.stat(dotVscode).then(
      () => true,
      () => false,
    );
    await config.update('inlayHints.enable', true, vscode.ConfigurationTarget.Workspace);
    try {
      const deadline = Date.now() + 20_000;
      let got = [];
      while (Date.now() < deadline) {
        got = await hints();
        if (got.some((h) => label(h) === 'blockchain')) break;
        await sleep(500);
      }
      const first = got.find((h) => label(h) === 'blockchain');
      assert.ok(first, `no gloss "blockchain": ${JSON.stringify(got.map(label))}`);
      // not on the heading "## 区块链 (blockchain)", which glosses itself; after 區塊鏈 in the next paragraph
      assert.deepStrictEqual([first.position.line, first.position.character], [4, 3]);
    } finally {
      await config.update('inlayHints.enable', undefined, vscode.ConfigurationTarget.Workspace);
      if (!hadDotVscode) await vscode.workspace.fs.delete(dotVscode, { recursive: true }).then(undefined, () => undefined);
    }
  });
});
