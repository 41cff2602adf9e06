// Shared helpers for the integration tests (not a test file: the suite only loads *.test.js).
'use strict';
const assert = require('node:assert');
const vscode = require('vscode');

const EXTENSION_ID = 'fintech-glossary.fintech-glossary';
const SERVER_START_TIMEOUT_MS = 30_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function workspaceUri(name) {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the sample workspace (test/integration/workspace) open as a folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function openSample(name) {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Position `offset` UTF-16 units into the `nth` (0-based) occurrence of `needle` in the document. */
function positionOf(doc, needle, offset = 1, nth = 0) {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${nth}) not found in ${doc.uri.path}`);
  }
  return doc.positionAt(at + offset);
}

function markdownOf(content) {
  if (typeof content === 'string') return content;
  if (content && typeof content.value === 'string') return content.value; // MarkdownString / MarkedString
  return String(content);
}

/** All hover texts at a position, joined; [] when no provider answered with content. */
async function hoverTexts(uri, position) {
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position)) || [];
  return hovers.map((h) => h.contents.map(markdownOf).join('\n')).filter((t) => t.trim() !== '');
}

/**
 * Hover until `accept(texts)` holds. The language server starts asynchronously after activation, so the
 * first requests may come back empty; retry for a bounded time and report the last answer on timeout.
 */
async function hoverUntil(uri, position, accept, what, timeoutMs = SERVER_START_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let texts = [];
  for (;;) {
    texts = await hoverTexts(uri, position);
    if (accept(texts)) return texts.join('\n---\n');
    if (Date.now() > deadline) break;
    await sleep(500);
  }
  assert.fail(`${what}: no matching hover within ${timeoutMs / 1000}s; last answer: ${JSON.stringify(texts)}`);
}

function labelOf(item) {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Completion items at a position, retried (bounded) until one satisfies `accept`. */
async function completionUntil(uri, position, accept, what, timeoutMs = SERVER_START_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let items = [];
  for (;;) {
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, position);
    items = list?.items || [];
    const hit = items.find(accept);
    if (hit) return { hit, items };
    if (Date.now() > deadline) break;
    await sleep(500);
  }
  const labels = items.slice(0, 30).map(labelOf);
  assert.fail(`${what}: not offered within ${timeoutMs / 1000}s; got ${items.length} items: ${JSON.stringify(labels)}`);
}

async function waitForActivation(timeoutMs = SERVER_START_TIMEOUT_MS) {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this extension host`);
  const deadline = Date.now() + timeoutMs;
  while (!ext.isActive && Date.now() < deadline) await sleep(200);
  return ext;
}

/** Our server's diagnostics of a document (source fintech-glossary), none of another extension's. */
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'fintech-glossary');

/** Wait until `accept()` holds, polling; fail naming `what` after `timeoutMs`. */
async function until(accept, what, timeoutMs = SERVER_START_TIMEOUT_MS) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (accept()) return;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

module.exports = {
  EXTENSION_ID,
  sleep,
  ours,
  until,
  workspaceUri,
  openSample,
  positionOf,
  hoverTexts,
  hoverUntil,
  completionUntil,
  labelOf,
  waitForActivation,
};
