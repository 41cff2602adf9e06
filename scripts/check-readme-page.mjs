#!/usr/bin/env node
// Which README pictures show on the extension's page (Extensions view → Fintech Glossary → Details)
// when the extension is installed from a .vsix: what README, *Packaging*, reports. Not part of CI.
// Needs `npm run package` first (fintech-glossary.vsix), openssl, and the real-editor environment
// (EDITOR_ENV, test/integration/setup-editor.sh).
//
// Two packages, each installed into a fresh code-server and its page opened in Chromium:
//   relative  fintech-glossary.vsix as `npm run package` makes it (README links docs/*.png)
//   https     the same, packaged with `vsce package --baseImagesUrl https://127.0.0.1:PORT/`, with
//             docs/ served over HTTPS from this script (a throw-away self-signed certificate that only
//             this Chromium, started with --ignore-certificate-errors, accepts)
// For each it prints every README image (its src after VS Code's sanitizer, and whether it loaded)
// and saves test-results/readme-page-<case>.png. Exit 0 when the page behaves as the README says:
// no relative picture keeps its src, every https one loads.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import {
  ENV_DIR,
  ROOT,
  TEST_SETTINGS,
  freePort,
  launchBrowser,
  playwright,
  startCodeServer,
  workbenchUrl,
} from '../test/integration/code-server.mjs';

const stage = path.join(ENV_DIR, 'readme-page');
const results = path.join(ROOT, 'test-results');
const VSIX = path.join(ROOT, 'fintech-glossary.vsix');
const log = (...a) => console.log('[readme-page]', ...a);

if (!existsSync(VSIX)) {
  console.error('fintech-glossary.vsix is missing: run npm run package first');
  process.exit(2);
}
rmSync(stage, { recursive: true, force: true });
mkdirSync(path.join(stage, 'workspace'), { recursive: true });
mkdirSync(results, { recursive: true });

// docs/*.png over HTTPS, nothing else
const key = path.join(stage, 'key.pem');
const cert = path.join(stage, 'cert.pem');
execFileSync(
  'openssl',
  ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'],
  {
    stdio: 'ignore',
  },
);
const port = await freePort();
const served = [];
const server = https
  .createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'https://x').pathname);
    const file = path.join(ROOT, name);
    if (!/^\/docs\/[\w-]+\.png$/.test(name) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    served.push(name);
    res.writeHead(200, { 'content-type': 'image/png' }).end(readFileSync(file));
  })
  .listen(port, '127.0.0.1');

const httpsVsix = path.join(stage, 'https.vsix');
execFileSync(
  path.join(ROOT, 'node_modules/.bin/vsce'),
  ['package', '--no-dependencies', '--allow-missing-repository', '--baseImagesUrl', `https://127.0.0.1:${port}/`, '--out', httpsVsix],
  { cwd: ROOT, stdio: 'ignore' },
);

/** The README's images on the extension's page: [{ alt, src, loaded }]. */
async function readmeImages(name, vsix) {
  const workspace = path.join(stage, 'workspace');
  const cs = await startCodeServer({ runDir: path.join(stage, `run-${name}`), workspace, vsix, settings: TEST_SETTINGS, log });
  const { page, close } = await launchBrowser(
    playwright().chromium,
    { width: 1280, height: 900 },
    { args: ['--ignore-certificate-errors'] },
  );
  try {
    await page.goto(workbenchUrl(cs.base, workspace, {}));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.keyboard.press('Control+Shift+X');
    const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Fintech Glossary' }).first();
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    // the README renders in a webview (nested frames): wait for its images, then give https ones time to load
    const collect = async () => {
      const all = [];
      for (const frame of page.frames()) {
        const found = await frame
          .evaluate(() =>
            [...document.images]
              .filter((i) => i.alt)
              .map((i) => ({ alt: i.alt, src: i.getAttribute('src'), loaded: i.complete && i.naturalWidth > 0 })),
          )
          .catch(() => []);
        all.push(...found);
      }
      return all;
    };
    for (const until = Date.now() + 30_000; Date.now() < until && !(await collect()).length; ) await page.waitForTimeout(500);
    await page.waitForTimeout(3000);
    const images = await collect();
    const shot = path.join(results, `readme-page-${name}.png`);
    await page.screenshot({ path: shot });
    log(`${name}: ${images.length} README images; screenshot ${path.relative(ROOT, shot)}`);
    for (const i of images)
      log(`  ${i.loaded ? 'shown ' : 'broken'} src=${JSON.stringify(i.src)} alt=${JSON.stringify(i.alt.slice(0, 50))}`);
    return images;
  } finally {
    await close();
    cs.stop();
  }
}

let ok = false;
try {
  const relative = await readmeImages('relative', VSIX);
  const absolute = await readmeImages('https', httpsVsix);
  log(`HTTPS server answered ${served.length} picture requests`);
  ok =
    relative.length > 0 &&
    relative.every((i) => !i.src && !i.loaded) &&
    absolute.length === relative.length &&
    absolute.every((i) => i.loaded && i.src?.startsWith('https://'));
} finally {
  server.close();
}
log(ok ? 'as the README says: relative pictures lose their src, https ones show' : 'NOT as the README says');
process.exitCode = ok ? 0 : 1;
