'use strict';
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');
const { hoverUntil, waitForActivation } = require('./helpers');

const REPLACE = 'fintechGlossary.replaceTerm';

/** The command links in a card: [{ command, args }]. */
function commandLinks(card) {
  return [...card.matchAll(/\]\(command:([\w.]+)\?([^ )]+)/g)].map(([, command, args]) => ({
    command,
    args: JSON.parse(decodeURIComponent(args)),
  }));
}

// Documents are files in a fresh folder, not untitled ones: VS Code reuses the name Untitled-1 once it
// is closed, and an old TextDocument object would then stand for a new document.
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-card-links-'));
const opened = [];

/** A new .txt file with `content`, opened in an editor. */
async function openFile(name, content) {
  const file = path.join(DIR, name);
  fs.writeFileSync(file, content);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc);
  opened.push(doc);
  return doc;
}

/** Revert (so that no "save changes?" dialog comes up) and close what openFile opened; delete the folder. */
async function cleanUp() {
  for (const d of opened.splice(0)) {
    if (d.isClosed) continue;
    await vscode.window.showTextDocument(d);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
suiteTeardown(() => fs.rmSync(DIR, { recursive: true, force: true }));

/** The card (with links) for the term at `offset` in `doc`. */
function cardAt(doc, offset, what) {
  return hoverUntil(doc.uri, doc.positionAt(offset), (ts) => ts.some((t) => t.includes(`command:${REPLACE}`)), what);
}

/** Run the replace command; a rejection counts as a refusal too (what matters is that nothing is edited). */
const run = (args) =>
  vscode.commands.executeCommand(REPLACE, args).then(
    () => undefined,
    () => undefined,
  );

const range = (l1, c1, l2, c2) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

suite('card links run in the editor', () => {
  let doc;
  let card;

  suiteSetup(async () => {
    await waitForActivation();
    doc = await openFile('term.txt', '我们研究区块链的应用。');
    card = await cardAt(doc, 5, 'hover with links on 区块链');
  });

  suiteTeardown(cleanUp);

  test('links only to our own commands', () => {
    const commands = new Set(commandLinks(card).map((l) => l.command));
    assert.ok(commands.size > 0, 'the card has no links');
    for (const c of commands) assert.ok([REPLACE, 'fintechGlossary.openSource'].includes(c), c);
  });

  test('“→ blockchain” replaces the hovered term in the document', async () => {
    const link = commandLinks(card).find((l) => l.command === REPLACE && l.args[0].text === 'blockchain');
    assert.ok(link, 'no link replacing with blockchain');
    await vscode.commands.executeCommand(link.command, ...link.args);
    assert.strictEqual(doc.getText(), '我们研究blockchain的应用。');
  });

  test('on 区块链 inside 区块链技术 the only replace action converts the whole match: 區塊鏈技術', async () => {
    const compound = await openFile('compound.txt', '我们研究区块链技术的应用。');
    const links = commandLinks(await cardAt(compound, 5, 'hover with links on 区块链技术')).filter((l) => l.command === REPLACE);
    assert.deepStrictEqual(
      links.map((l) => [l.args[0].from, l.args[0].text]),
      [['区块链技术', '區塊鏈技術']],
    );
    await vscode.commands.executeCommand(links[0].command, ...links[0].args);
    assert.strictEqual(compound.getText(), '我们研究區塊鏈技術的应用。');
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

// The arguments of a replace action come from a link, so the client checks them: it edits only a
// document open in the editor, only inside the range named, and only where the text is still `from`.
suite('the replace command refuses what a card could not have meant', () => {
  let target;
  let notOpen;

  suiteSetup(async () => {
    await waitForActivation();
    target = await openFile('target.txt', '区块链\n第二行');
    notOpen = vscode.Uri.file(path.join(DIR, 'not-open.txt'));
    fs.writeFileSync(notOpen.fsPath, '区块链\n');
  });

  suiteTeardown(cleanUp);

  /**
   * Run the command with `args`; the target document must come out untouched (not even re-written).
   * Whether the refusal is a message or a rejected command is not checked here (the API shows neither).
   */
  async function refused(args) {
    const before = { text: target.getText(), version: target.version };
    await run(args);
    assert.deepStrictEqual({ text: target.getText(), version: target.version }, before, `edited for ${JSON.stringify(args)}`);
  }

  test('a document that is not open: refused, the file neither edited nor opened', async () => {
    await run({ uri: notOpen.toString(), range: range(0, 0, 0, 3), from: '区块链', text: 'blockchain' });
    assert.strictEqual(fs.readFileSync(notOpen.fsPath, 'utf8'), '区块链\n');
    const opened = vscode.workspace.textDocuments.find((d) => d.uri.toString() === notOpen.toString());
    assert.ok(!opened, `the command opened ${notOpen.fsPath}${opened ? ` and made it ${JSON.stringify(opened.getText())}` : ''}`);
  });

  test('a document loaded in the background but in no editor tab: refused, unchanged', async () => {
    const file = path.join(DIR, 'background.txt');
    fs.writeFileSync(file, '区块链\n');
    const loaded = await vscode.workspace.openTextDocument(vscode.Uri.file(file)); // loaded, never shown
    await run({ uri: loaded.uri.toString(), range: range(0, 0, 0, 3), from: '区块链', text: 'blockchain' });
    assert.strictEqual(loaded.getText(), '区块链\n');
    assert.strictEqual(loaded.isDirty, false);
  });

  test('a range outside the document: refused', async () => {
    const uri = target.uri.toString();
    await refused({ uri, range: range(0, 0, 0, 10), from: '区块链', text: 'blockchain' }); // past the end of line 0
    await refused({ uri, range: range(0, 0, 9, 0), from: '区块链\n第二行', text: 'x' }); // past the last line
    await refused({ uri, range: range(7, 0, 7, 3), from: '', text: 'blockchain' }); // a line that does not exist
    await refused({ uri, range: range(0, -1, 0, 3), from: '区块链', text: 'blockchain' });
  });

  test('text that is no longer `from`: refused', async () => {
    const uri = target.uri.toString();
    await refused({ uri, range: range(0, 0, 0, 3), from: '區塊鏈', text: 'blockchain' });
    await refused({ uri, range: range(0, 0, 0, 2), from: '区块链', text: 'blockchain' });
    await refused({ uri, range: range(0, 0, 0, 3), text: 'blockchain' }); // no `from` at all
  });

  test('malformed arguments: refused', async () => {
    const uri = target.uri.toString();
    await refused(undefined);
    await refused('区块链');
    await refused({ uri, range: 'all', from: '区块链', text: 'blockchain' });
    await refused({ uri, range: range(0, 0, 0, 3), from: '区块链', text: 42 });
  });

  // the control: the refusals above are not a command that never edits
  test('the same command with valid arguments edits the open document', async () => {
    await vscode.commands.executeCommand(REPLACE, { uri: target.uri.toString(), range: range(0, 0, 0, 3), from: '区块链', text: '區塊鏈' });
    assert.strictEqual(target.getText(), '區塊鏈\n第二行');
  });

  // (after the control: opening another file replaces the preview tab `target` is in)
  test('a range given end first (a selection made backwards) is turned round, as the server does', async () => {
    const doc = await openFile('reversed.txt', '我们研究区块链的应用。\n第二行');
    await vscode.commands.executeCommand(REPLACE, { uri: doc.uri.toString(), range: range(0, 7, 0, 4), from: '区块链', text: '區塊鏈' });
    assert.strictEqual(doc.getText(), '我们研究區塊鏈的应用。\n第二行');
    // across lines too
    await vscode.commands.executeCommand(REPLACE, { uri: doc.uri.toString(), range: range(1, 2, 0, 10), from: '。\n第二', text: '' });
    assert.strictEqual(doc.getText(), '我们研究區塊鏈的应用行');
  });
});
