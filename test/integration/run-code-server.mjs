#!/usr/bin/env node
// `npm run test:editor`: the integration suite in a real VS Code (code-server's web workbench driven by
// Debian's Chromium through playwright-core), then a UI check that hovers a term with the mouse and saves
// a screenshot, and one of term QA (ui-term-qa.mjs: the Problems panel, a quick fix from Ctrl+., a
// conversion from the command palette, the status-bar item), and, in a second code-server whose display
// language is 中文(简体), one of the Chinese interface (ui-chinese.mjs). Ends with a plain "N passed, N failed, N skipped" line; exit code 0 only if everything
// passed.
//
// Environment:
//   SKIP_SETUP=1          do not run setup-editor.sh (it is idempotent and takes ~1 s when all is installed)
//   EDITOR_ENV=dir        where setup-editor.sh installed things (default <repo>/.editor-env)
//   EXT_DEV_PATH=dir      extension under test (default: the repo root)
//   EXT_TESTS_PATH=path   extensionTestsPath module (default: test/integration/suite)
//   SUITE_TIMEOUT_MS      how long the whole extension-host suite may take (default 300000)
//   VSIX=file.vsix        install this package into code-server and run the UI hover check against the
//                         installed extension (what a user gets), not the development folder
//   HOVER_SCREENSHOT=png  where the UI check saves its screenshot of the compact card (default
//                         test-results/hover.png; set it to docs/hover.png to refresh the README's picture; the
//                         full card goes beside it as hover-full.png; on failure
//                         test-results/hover-failure.png, so a broken run never replaces the README image)
//   EDITOR_RUN_DIR=dir    code-server's profile for this run, removed first (default EDITOR_ENV/run; give each
//                         concurrent run its own)
//   VERBOSE=1             also print stack-trace lines, network noise and browser console errors
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';
import {
  ENV_DIR,
  ROOT,
  chineseDisplayLanguage,
  hoverUntilCard,
  launchBrowser,
  measureCard,
  openFromExplorer,
  playwright,
  startCodeServer as start,
  wordCentre,
  workbenchUrl as urlOf,
} from './code-server.mjs';
import { chineseUiChecks } from './ui-chinese.mjs';
import { termQaChecks } from './ui-term-qa.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RUN_DIR = path.resolve(process.env.EDITOR_RUN_DIR || path.join(ENV_DIR, 'run'));
const WORKSPACE = path.join(HERE, 'workspace');
const SUITE = path.resolve(process.env.EXT_TESTS_PATH || path.join(HERE, 'suite'));
const DEV_PATH = path.resolve(process.env.EXT_DEV_PATH || ROOT);
const SUITE_TIMEOUT_MS = Number(process.env.SUITE_TIMEOUT_MS || 300_000);
const VERBOSE = !!process.env.VERBOSE;
const VSIX = process.env.VSIX ? path.resolve(process.env.VSIX) : undefined;
const HOVER_WORD = '区块链';
// the traditional form, the English term, and words of the English definition (glossary/entries/blockchain.yaml)
const HOVER_EXPECT = ['區塊鏈', 'blockchain', 'replicated across many nodes'];

const t0 = Date.now();
const log = (...a) => console.log(`[editor-test ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let codeServer = null; // { stop } from code-server.mjs
function stopCodeServer() {
  codeServer?.stop();
  codeServer = null;
}
process.on('exit', stopCodeServer);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    stopCodeServer();
    process.exit(130);
  });
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

async function startCodeServer() {
  codeServer = await start({ runDir: RUN_DIR, workspace: WORKSPACE, vsix: VSIX, log });
  return codeServer.base;
}

const workbenchUrl = (base, payload) => urlOf(base, WORKSPACE, payload);
const describeCard = (m) =>
  `rendered ${m.rendered} px, ${m.visible} px visible without scrolling (${(m.fraction * 100).toFixed(0)} %); ` +
  `the part above the first rule ${m.essentials} px`;

// Workbench chatter that reaches codeAutomationLog along with the extension host's console; hidden unless VERBOSE.
const WORKBENCH_NOISE = new RegExp(
  '^(' +
    [
      'Resolving connection token',
      'Resolved connection token',
      'Creating a socket',
      '\\[reconnection-grace-time\\]',
      'Updating additional builtin extensions',
      '\\[Service Worker\\]',
      '\\[AgentHost',
      '\\[AccountPolicyGate\\]',
      'Creation of workbench contribution',
      'Timed out waiting for authentication provider',
      'Aborted onWillSaveTextDocument',
      '.*ENOTFOUND',
      '.*getaddrinfo',
      '\\s+at ',
    ].join('|') +
    ')',
);

/** The extension-host suite: returns { passed, failed, skipped } as reported by suite/index.js. */
async function runSuite(chromium, base) {
  const { page, close } = await launchBrowser(chromium, { width: 1280, height: 800 });
  const lines = [];
  let finish;
  const exited = new Promise((r) => (finish = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const msg = util.format(...(Array.isArray(args) ? args : [args]));
    lines.push(msg);
    if (VERBOSE || !WORKBENCH_NOISE.test(msg)) console.log(`  ${type === 'error' ? '!' : '|'} ${msg}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  if (VERBOSE) page.on('console', (m) => console.log('  [browser]', m.text().slice(0, 300)));
  log('running the extension-host suite');
  await page.goto(workbenchUrl(base, { extensionDevelopmentPath: DEV_PATH, extensionTestsPath: SUITE }));
  let timer;
  const timedOut = new Promise((r) => {
    timer = setTimeout(() => r('timeout'), SUITE_TIMEOUT_MS);
  });
  const code = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  await close();
  const summary = [...lines.join('\n').matchAll(/^(\d+) passed, (\d+) failed, (\d+) skipped$/gm)].pop();
  const passed = summary ? Number(summary[1]) : 0;
  let failed = summary ? Number(summary[2]) : 0;
  const skipped = summary ? Number(summary[3]) : 0;
  if (code !== 0 && failed === 0) failed = 1; // crashed, timed out, or failed before mocha could report
  log(`extension host exited with ${code}: suite ${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (failed) printExtensionHostErrors();
  return { passed, failed, skipped };
}

/** Errors the extension host logged (e.g. "Activating extension … failed") never reach the page: show them. */
function printExtensionHostErrors() {
  const logs = path.join(RUN_DIR, 'user-data', 'logs');
  const found = [];
  const walk = (dir) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'remoteexthost.log') {
        const lines = fs.readFileSync(p, 'utf8').split('\n');
        lines.forEach((l, i) => {
          if (!/\[error\]/.test(l) || /ENOTFOUND|getaddrinfo|github|Test runner finished/i.test(l)) return;
          found.push(l);
          // the first two lines of a stack trace that follows the entry
          for (let j = i + 1; j < i + 3 && j < lines.length && !/^\d{4}-/.test(lines[j]); j++) found.push(lines[j]);
        });
      }
    }
  };
  walk(logs);
  if (found.length) log(`extension host errors (${path.relative(ROOT, logs)}):\n    ${found.slice(0, 20).join('\n    ')}`);
}

/** Mouse hover in the real UI: opens sample.txt from the Explorer and hovers 区块链. */
async function hoverCheck(chromium, base) {
  const { page, close } = await launchBrowser(chromium, { width: 1280, height: 800 });
  if (VERBOSE) page.on('console', (m) => m.type() === 'error' && console.log('  [browser]', m.text().slice(0, 300)));
  let ok = false;
  try {
    log(`UI check: hover with the mouse (${VSIX ? 'installed .vsix' : 'development folder'})`);
    await page.goto(workbenchUrl(base, VSIX ? {} : { extensionDevelopmentPath: DEV_PATH }));
    const line = await openFromExplorer(page, 'sample.txt', HOVER_WORD);
    const started = Date.now();
    const found = await hoverUntilCard(page, await wordCentre(line, HOVER_WORD), HOVER_EXPECT[0]);
    const card = found?.card;
    ok = !!found;
    if (ok) log(`hover card visible after ${found.attempt} attempt(s), ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (ok) {
      // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, not the DOM property
      const text = await card.innerText();
      const missing = HOVER_EXPECT.filter((s) => !text.toLowerCase().includes(s.toLowerCase()));
      if (missing.length) {
        ok = false;
        log(`hover card lacks ${missing.join(', ')}: ${JSON.stringify(text.slice(0, 300))}`);
      } else log(`hover card: ${JSON.stringify(text.slice(0, 160))}…`);
      await sleep(400); // let the card finish fading in before the screenshot
    } else {
      log(`no .monaco-hover containing ${HOVER_EXPECT[0]} appeared`);
    }
    const shot = ok
      ? path.resolve(ROOT, process.env.HOVER_SCREENSHOT || 'test-results/hover.png')
      : path.join(ROOT, 'test-results', 'hover-failure.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    log(`screenshot: ${path.relative(ROOT, shot)}`);
    if (ok) {
      // How much of the card shows without scrolling, compact (the default) and full: the setting is
      // changed in the Settings editor (code-server does not pick up edits of settings.json on disk
      // here), then the term hovered again.
      const compact = await measureCard(card);
      log(`card (compact): ${describeCard(compact)}`);
      await page.keyboard.press('Control+Comma');
      await page.locator('.settings-editor').waitFor({ timeout: 20_000 });
      await sleep(800); // the search box takes the focus
      await page.keyboard.type('fintechGlossary.hover.detail');
      await page.locator('.settings-editor .setting-item-contents', { hasText: 'Hover: Detail' }).locator('select').selectOption('full');
      await sleep(500);
      await page.locator('.tabs-container .tab', { hasText: 'sample.txt' }).first().click();
      let full;
      for (let attempt = 0; attempt < 10 && !full; attempt++) {
        const lineAgain = await openFromExplorer(page, 'sample.txt', HOVER_WORD);
        const again = await hoverUntilCard(page, await wordCentre(lineAgain, HOVER_WORD), HOVER_EXPECT[0], 3);
        const m = again && (await measureCard(again.card));
        if (m && m.rendered > compact.rendered) full = m;
      }
      if (!full) {
        ok = false;
        log('the card did not grow after fintechGlossary.hover.detail was set to full');
      } else {
        log(`card (full): ${describeCard(full)}`);
        if (compact.essentials > compact.visible) {
          ok = false;
          log(`the compact card's first part (${compact.essentials} px) does not fit the hover (${compact.visible} px)`);
        }
        await sleep(400);
        const fullShot = shot.replace(/\.png$/, '-full.png');
        await page.screenshot({ path: fullShot });
        log(`screenshot: ${path.relative(ROOT, fullShot)}`);
      }
    }
  } catch (err) {
    log(`UI check error: ${err.message}`);
    ok = false;
  } finally {
    await close();
  }
  log(`UI hover check ${ok ? 'passed' : 'FAILED'}`);
  return ok;
}

/** Term QA in the real UI (ui-term-qa.mjs): Problems panel, quick fix, conversion, status bar. */
async function termQaCheck(chromium, base) {
  const { page, close } = await launchBrowser(chromium, { width: 1280, height: 800 });
  log(`UI check: term QA (${VSIX ? 'installed .vsix' : 'development folder'})`);
  let results = [];
  try {
    await page.goto(workbenchUrl(base, VSIX ? {} : { extensionDevelopmentPath: DEV_PATH }));
    results = await termQaChecks(page, { log: (m) => log(`  ${m}`) });
  } catch (err) {
    log(`UI term QA check error: ${err.message}`);
    results.push({ name: 'term QA check', ok: false });
  }
  if (results.some((r) => !r.ok)) {
    const shot = path.join(ROOT, 'test-results', 'term-qa-failure.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot }).catch(() => {});
    log(`screenshot: ${path.relative(ROOT, shot)}`);
  }
  await close();
  return { passed: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
}

/** The Chinese interface (ui-chinese.mjs) in a code-server of its own, display language zh-cn. */
async function chineseCheck(chromium) {
  const runDir = `${RUN_DIR}-zh`;
  const zh = await start({
    runDir,
    workspace: WORKSPACE,
    vsix: VSIX,
    args: ['--locale', 'zh-cn'],
    prepare: chineseDisplayLanguage(path.join(runDir, 'locale-zh-cn')),
    log,
  });
  let results = [];
  try {
    const { page, close } = await launchBrowser(chromium, { width: 1280, height: 800 }, { lang: 'zh-CN' });
    log(`UI check: Chinese interface (${VSIX ? 'installed .vsix' : 'development folder'})`);
    try {
      await page.goto(urlOf(zh.base, WORKSPACE, VSIX ? {} : { extensionDevelopmentPath: DEV_PATH }));
      results = await chineseUiChecks(page, { log: (m) => log(`  ${m}`) });
    } catch (err) {
      log(`UI Chinese check error: ${err.message}`);
      results.push({ name: 'Chinese interface check', ok: false });
    }
    if (results.some((r) => !r.ok)) {
      const shot = path.join(ROOT, 'test-results', 'chinese-failure.png');
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot }).catch(() => {});
      log(`screenshot: ${path.relative(ROOT, shot)}`);
    }
    await close();
  } finally {
    zh.stop();
  }
  return { passed: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
}

async function main() {
  if (!process.env.SKIP_SETUP) run('bash', [path.join(HERE, 'setup-editor.sh')]);
  if (!fs.existsSync(path.join(DEV_PATH, 'dist', 'client.js')) && DEV_PATH === ROOT) {
    log('dist/client.js missing: npm run build');
    run('npm', ['run', 'build']);
  }
  const { chromium } = playwright();

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    const base = await startCodeServer();
    const suite = await runSuite(chromium, base);
    passed += suite.passed;
    failed += suite.failed;
    skipped += suite.skipped;
    if (await hoverCheck(chromium, base)) passed++;
    else failed++;
    const qa = await termQaCheck(chromium, base);
    passed += qa.passed;
    failed += qa.failed;
    stopCodeServer();
    const zh = await chineseCheck(chromium);
    passed += zh.passed;
    failed += zh.failed;
  } catch (err) {
    console.error(err);
    failed++;
  } finally {
    stopCodeServer();
  }
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    console.log('0 passed, 1 failed, 0 skipped');
    stopCodeServer();
    process.exitCode = 1;
  },
);
