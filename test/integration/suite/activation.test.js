'use strict';
const assert = require('node:assert');
const vscode = require('vscode');
const { EXTENSION_ID, hoverUntil, openSample, positionOf, waitForActivation } = require('./helpers');

suite('activation', () => {
  test('the extension activates when a plaintext file is opened', async () => {
    const doc = await openSample('sample.txt');
    assert.strictEqual(doc.languageId, 'plaintext');
    const ext = await waitForActivation();
    assert.ok(ext.isActive, `${EXTENSION_ID} did not activate within 30s of opening sample.txt`);
  });

  test('markdown files are served too: 智能合约 in sample.md gets a card', async () => {
    const doc = await openSample('sample.md');
    assert.strictEqual(doc.languageId, 'markdown');
    await waitForActivation();
    await hoverUntil(
      doc.uri,
      positionOf(doc, '智能合约', 1),
      (ts) => ts.some((t) => t.includes('smart contract')),
      'hover on 智能合约 in markdown',
    );
  });

  // isActive is also true when activate() threw; a command registered at the end of activate() being
  // absent is how a failed activation shows through the API.
  test('activation completes: every command declared in package.json is registered', async () => {
    const ext = await waitForActivation();
    const declared = (ext.packageJSON.contributes?.commands || []).map((c) => c.command);
    assert.ok(declared.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
  });
});
