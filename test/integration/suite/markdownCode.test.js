'use strict';
// What term QA reads as code in a Markdown document, in the real editor: code spans and a list item's
// indented code (`-     code`) are skipped; backticks inside an HTML block (`<details>` up to its
// blank line) are text a reader sees, and checked. The findings are our server's (source
// fintech-glossary), on the lines CommonMark's reading gives.
const assert = require('node:assert');
const vscode = require('vscode');
const { ours, sleep, until, waitForActivation } = require('./helpers');

const lines = (uri) =>
  ours(uri)
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code && typeof d.code === 'object' ? d.code.value : d.code}`)
    .sort();

suite('Markdown code and HTML blocks in term QA', () => {
  suiteSetup(async () => {
    await waitForActivation();
  });

  test('a code span and a list item’s indented code are skipped; backticks in <details> are checked', async () => {
    const content = [
      '区块链和银行，证券与保险公司的应用。',
      '',
      '- 说明',
      '-     区塊鏈 = 1',
      '',
      '`区塊鏈` 是代码。',
      '',
      '<details>',
      '<summary>说明</summary>',
      '`区塊鏈` 在这里',
      '</details>',
      '',
      '区塊鏈在这里。',
      '',
    ].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    await until(() => ours(doc.uri).length >= 2, 'term QA findings');
    await sleep(500);
    // line 9: inside the HTML block, after its backtick; line 12: the paragraph
    assert.deepStrictEqual(lines(doc.uri), ['12:0 mixed-script', '9:1 mixed-script']);
    // a blank line typed before the backticked line ends the HTML block: it is a code span again
    await editor.edit((e) => e.insert(new vscode.Position(9, 0), '\n'));
    await until(() => ours(doc.uri).length === 1, 'the finding in the HTML block to go');
    assert.deepStrictEqual(lines(doc.uri), ['13:0 mixed-script']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
