'use strict';
const assert = require('node:assert');
const path = require('node:path');
const vscode = require('vscode');
const { hoverTexts, hoverUntil, waitForActivation } = require('./helpers');

const SAMPLES = 20; // paragraphs per source, evenly spread
const SCAN = 80; // characters of a paragraph to try

/** Open a cleaned source as a translator would, and hover along sampled paragraphs until a card shows. */
async function paragraphsLitUp(file) {
  const ext = await waitForActivation();
  const uri = vscode.Uri.file(path.join(ext.extensionPath, 'glossary', 'sources', file));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true });
  const paragraphs = [];
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    if ((text.match(/[\u4e00-\u9fff]/g) || []).length >= 30 && !text.startsWith('#')) paragraphs.push(line);
  }
  const step = Math.max(1, Math.floor(paragraphs.length / SAMPLES));
  const sample = paragraphs.filter((_, i) => i % step === 0).slice(0, SAMPLES);
  // wait until the server serves this document: a card on its first 金融 (every source is about finance)
  const known = doc.getText().indexOf('金融');
  assert.ok(known >= 0, `no 金融 in ${file}`);
  await hoverUntil(uri, doc.positionAt(known + 1), (ts) => ts.some((t) => /\*\*.+\*\*/.test(t)), `a card on 金融 in ${file}`);
  const dark = [];
  for (const line of sample) {
    let lit = false;
    for (let ch = 0; ch < Math.min(SCAN, doc.lineAt(line).text.length) && !lit; ch++) {
      lit = (await hoverTexts(uri, new vscode.Position(line, ch))).some((t) => /\*\*.+\*\*/.test(t));
    }
    if (!lit) dark.push(line + 1);
  }
  return { sample: sample.length, dark };
}

suite('the cleaned sources, as a translator opens them', () => {
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  for (const file of ['000-network-finance-services.txt', '001-fintech-reports.txt']) {
    test(`${file}: hover finds terms in at least 90% of sampled paragraphs`, async () => {
      const { sample, dark } = await paragraphsLitUp(file);
      assert.ok(sample >= 10, `only ${sample} paragraphs sampled`);
      assert.ok(dark.length <= sample * 0.1, `no term found by hover in lines ${dark.join(', ')} of ${sample} sampled`);
    });
  }
});
