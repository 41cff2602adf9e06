#!/usr/bin/env node
// Takes docs/completion.png, the README's completion picture: the packaged .vsix (npm run package) in
// code-server with a copy of examples/, typing 区块 at the end of english.md. Uses the real-editor
// harness (test/integration/code-server.mjs, EDITOR_ENV). The hover pictures come from
// `HOVER_SCREENSHOT=docs/hover.png VSIX=fintech-glossary.vsix npm run test:editor`, the web one from
// `npm run test:web` (test-results/web-hover.png).
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  ENV_DIR,
  ROOT,
  TEST_SETTINGS,
  hoverUntilCard,
  launchBrowser,
  openFromExplorer,
  playwright,
  startCodeServer,
  wordCentre,
  workbenchUrl,
} from '../test/integration/code-server.mjs';

const stage = path.join(ENV_DIR, 'screenshots');
const workspace = path.join(stage, 'examples');
rmSync(stage, { recursive: true, force: true });
cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true }); // the typing is never saved into examples/
const server = await startCodeServer({
  runDir: path.join(stage, 'run'),
  workspace,
  vsix: path.join(ROOT, 'fintech-glossary.vsix'),
  settings: TEST_SETTINGS,
});
const { page, close } = await launchBrowser(playwright().chromium, { width: 1280, height: 800 });
try {
  await page.goto(workbenchUrl(server.base, workspace, {}));
  await openFromExplorer(page, 'english.md', 'Try completion');
  // the server is up once a card shows
  const line = page.locator('.monaco-editor .view-lines .view-line', { hasText: 'blockchain ledgers' }).first();
  if (!(await hoverUntilCard(page, await wordCentre(line, 'blockchain'), '区块链'))) throw new Error('no card: the server did not start');
  await page.keyboard.press('Escape');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('区块', { delay: 80 });
  await page.keyboard.press('Control+Space');
  await page.locator('.suggest-widget.visible').waitFor({ timeout: 15_000 });
  await page.waitForTimeout(1200);
  await page.screenshot({ path: path.join(ROOT, 'docs/completion.png') });
  console.log('wrote docs/completion.png');
} finally {
  await close();
  server.stop();
}
