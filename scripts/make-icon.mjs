#!/usr/bin/env node
// Renders docs/icon.svg (our own drawing, plain shapes) to docs/icon.png, 128×128 with transparent
// corners, in Debian's Chromium through playwright-core from the editor environment (EDITOR_ENV).
// Run it after changing the SVG: `node scripts/make-icon.mjs`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, launchBrowser, playwright } from '../test/integration/code-server.mjs';

const svg = readFileSync(path.join(ROOT, 'docs/icon.svg'), 'utf8');
const { chromium } = playwright();
const { page, close } = await launchBrowser(chromium, { width: 128, height: 128 });
try {
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
  await page.locator('svg').screenshot({ path: path.join(ROOT, 'docs/icon.png'), omitBackground: true });
  console.log('wrote docs/icon.png');
} finally {
  await close();
}
