#!/usr/bin/env node
// Takes the README's pictures of term QA and of the Chinese interface, with the packaged .vsix
// (npm run package) installed in code-server, through the real-editor harness
// (test/integration/code-server.mjs, EDITOR_ENV). Not part of CI: run it by hand after a change that
// shows in them.
//   docs/term-qa.png          term-qa.md (a Taiwan document) with the Problems panel and the quick-fix
//                             menu open: the steps and assertions of the editor test
//                             (test/integration/ui-term-qa.mjs); nothing is written if one fails
//   docs/chinese-card.png     VS Code's display language set to 中文(简体): the card's own words in Chinese
//   docs/chinese-commands.png the same: our commands in the command palette
//
// The Chinese display language: VS Code's language packs come from the Marketplace, which this
// machine cannot reach, so the script registers a language pack of its own that declares zh-cn and
// translates none of VS Code's strings (chineseDisplayLanguage in test/integration/code-server.mjs)
// and starts code-server with `--locale zh-cn`. VS Code's own menus therefore stay
// English; what is Chinese is ours: package.nls.zh-cn.json, l10n/bundle.l10n.zh-cn.json, and the
// server's words chosen from the `locale` the client sends in initialize.
import { copyFileSync, cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  ENV_DIR,
  ROOT,
  TEST_SETTINGS,
  chineseDisplayLanguage,
  hoverUntilCard,
  launchBrowser,
  openFromExplorer,
  playwright,
  startCodeServer,
  wordCentre,
  workbenchUrl,
} from '../test/integration/code-server.mjs';
import { termQaChecks } from '../test/integration/ui-term-qa.mjs';

const VSIX = path.join(ROOT, 'fintech-glossary.vsix');
const stage = path.join(ENV_DIR, 'screenshots');
const workspace = path.join(stage, 'workspace');
const VIEWPORT = { width: 1280, height: 800 };
const log = (...a) => console.log('[screenshots]', ...a);

rmSync(stage, { recursive: true, force: true });
// a copy: the quick fix and the typing are never saved into the repository
cpSync(path.join(ROOT, 'test/integration/workspace'), workspace, { recursive: true });
const { chromium } = playwright();
const failures = [];

async function termQaPicture() {
  const server = await startCodeServer({ runDir: path.join(stage, 'run-en'), workspace, vsix: VSIX, settings: TEST_SETTINGS, log });
  const { page, close } = await launchBrowser(chromium, VIEWPORT);
  const taken = path.join(stage, 'term-qa.png');
  try {
    await page.goto(workbenchUrl(server.base, workspace, {}));
    const results = await termQaChecks(page, {
      log,
      screenshot: async (moment) => {
        if (moment === 'quick-fix') await page.screenshot({ path: taken });
      },
    });
    const failed = results.filter((r) => !r.ok);
    if (failed.length) failures.push(`term QA: ${failed.map((r) => r.name).join('; ')}`);
    else {
      copyFileSync(taken, path.join(ROOT, 'docs/term-qa.png'));
      log('wrote docs/term-qa.png');
    }
  } finally {
    await close();
    server.stop();
  }
}

async function chinesePictures() {
  const server = await startCodeServer({
    runDir: path.join(stage, 'run-zh'),
    workspace,
    vsix: VSIX,
    settings: TEST_SETTINGS,
    args: ['--locale', 'zh-cn'],
    prepare: chineseDisplayLanguage(path.join(stage, 'locale-zh-cn')),
    log,
  });
  const { page, close } = await launchBrowser(chromium, VIEWPORT, { lang: 'zh-CN' });
  try {
    await page.goto(workbenchUrl(server.base, workspace, {}));
    const line = await openFromExplorer(page, 'sample.txt', '区块链');
    const found = await hoverUntilCard(page, await wordCentre(line, '区块链'), '區塊鏈');
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, not the DOM property
    const card = found ? await found.card.innerText() : '';
    // the card's own words in simplified Chinese (server/src/features/words.ts), written here by hand
    const want = ['打开来源段落', '例句'];
    const missing = want.filter((w) => !card.includes(w));
    if (!found || missing.length)
      failures.push(`Chinese card: missing ${missing.join(', ') || 'the card'}: ${JSON.stringify(card.slice(0, 300))}`);
    else {
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(ROOT, 'docs/chinese-card.png') });
      log('wrote docs/chinese-card.png');
    }
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('>金融科技');
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: '金融科技术语: 将文档转换为台湾正体 (zh-TW)' }).first();
    if (
      !(await row.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      ))
    )
      failures.push('Chinese commands: not in the palette');
    else {
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(ROOT, 'docs/chinese-commands.png') });
      log('wrote docs/chinese-commands.png');
    }
  } finally {
    await close();
    server.stop();
  }
}

try {
  await termQaPicture();
  await chinesePictures();
} catch (err) {
  failures.push(err.stack || String(err));
}
if (failures.length) {
  console.error(`[screenshots] failed:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
}
