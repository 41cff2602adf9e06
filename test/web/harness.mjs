// The web build's server in a real browser Web Worker, for test/web/run-worker.mjs and the bench:
// a local HTTP server stands in for the extension's URI (serving dist/ only), Debian's Chromium is
// driven by playwright-core from the editor environment (as test:editor finds it), and a minimal LSP
// client in the page talks JSON-RPC over postMessage, as vscode-languageclient/browser does.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ENV_DIR = path.resolve(process.env.EDITOR_ENV || path.join(ROOT, '.editor-env'));
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** playwright-core's chromium from the editor environment, or an error saying how to get it. */
export function loadChromium() {
  const require = createRequire(path.join(ENV_DIR, 'driver', 'package.json'));
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    throw new Error(`playwright-core not found in ${ENV_DIR}/driver: run test/integration/setup-editor.sh (or set EDITOR_ENV)`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium (or set CHROMIUM)`);
  return chromium;
}

/**
 * Serves the repository's dist/ (what the .vsix ships) and an empty page at /, nothing else.
 * `served` lists the paths requested, in order.
 */
export async function serveDist() {
  const served = [];
  const types = { '.js': 'text/javascript', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    served.push(url.pathname);
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><meta charset="utf-8"><title>worker</title>');
      return;
    }
    const file = path.join(ROOT, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.join(ROOT, 'dist') + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': `${types[path.extname(file)] ?? 'application/octet-stream'}; charset=utf-8` });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, served, close: () => server.close() };
}

/** Chromium with a throw-away profile; `close()` ends it and removes the profile. */
export async function launch(chromium) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'fg-worker-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  return {
    page,
    close: async () => {
      await ctx.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Start dist/web/server.js in a Worker of `page` (which must show `origin`) with an LSP client:
 * server requests (workspace/configuration, client/registerCapability) get empty answers, log and
 * show messages are kept. Returns `rpc`, `notify`, `messages()` and `stop()`; `t0` is when the
 * worker was created (page clock; `now()` reads it).
 *
 * `files` (URI → text) is a workspace the client serves as the web client does with workspace.fs:
 * it answers the server's fintechGlossary/readFile, fileExists, isDirectory, writeFile and findFiles
 * requests (a folder is any start of the files' URIs; findFiles lists every file under the folder, at
 * most the limit asked for; the server filters by its globs). `setFile` changes
 * or deletes (`null`) one; `requests()` lists the file requests the server made. `fileDelay` (ms)
 * holds each file answer back that long, as a slow remote file system does.
 */
export async function startWorker(page, { files, fileDelay = 0 } = {}) {
  await page.evaluate(
    ([files, fileDelay]) => {
      const lsp = { id: 0, pending: new Map(), log: [], errors: [], files: new Map(Object.entries(files ?? {})), fileRequests: [] };
      const answerFile = (method, p) => {
        lsp.fileRequests.push(`${method} ${p.uri ?? p.folderUri}`);
        if (method === 'fintechGlossary/readFile') return lsp.files.has(p.uri) ? { text: lsp.files.get(p.uri) } : null;
        // a folder is the start of its files' URIs
        const isFolder = (uri) => !lsp.files.has(uri) && [...lsp.files.keys()].some((u) => u.startsWith(`${uri}/`));
        if (method === 'fintechGlossary/fileExists') return lsp.files.has(p.uri) || isFolder(p.uri);
        if (method === 'fintechGlossary/isDirectory') return isFolder(p.uri);
        if (method === 'fintechGlossary/writeFile') {
          lsp.files.set(p.uri, p.text);
          return null;
        }
        const base = p.folderUri.endsWith('/') ? p.folderUri : `${p.folderUri}/`;
        return [...lsp.files.keys()].filter((u) => u.startsWith(base)).slice(0, p.limit);
      };
      window.lsp = lsp;
      lsp.t0 = performance.now();
      const worker = new Worker('/dist/web/server.js');
      lsp.worker = worker;
      worker.onerror = (e) => lsp.errors.push(e.message || 'worker error');
      worker.onmessage = ({ data: m }) => {
        if (m.method && m.id !== undefined) {
          const result =
            m.method === 'workspace/configuration'
              ? m.params.items.map(() => null)
              : files && m.method.startsWith('fintechGlossary/')
                ? answerFile(m.method, m.params)
                : null;
          const answer = () => worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
          if (fileDelay && m.method.startsWith('fintechGlossary/')) setTimeout(answer, fileDelay);
          else answer();
        } else if (m.method) {
          if (m.method === 'window/logMessage' || m.method === 'window/showMessage') lsp.log.push(m.params.message);
        } else lsp.pending.get(m.id)?.(m);
      };
      lsp.request = (method, params) =>
        new Promise((resolve) => {
          const id = ++lsp.id;
          lsp.pending.set(id, (m) => {
            lsp.pending.delete(id);
            resolve({ ...m, at: performance.now() - lsp.t0 });
          });
          worker.postMessage({ jsonrpc: '2.0', id, method, params });
        });
      lsp.notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
    },
    [files ?? null, fileDelay],
  );
  return {
    /** The response message, with `at`: ms since the worker was created. */
    rpc: (method, params) => page.evaluate(([m, p]) => window.lsp.request(m, p), [method, params]),
    notify: (method, params) => page.evaluate(([m, p]) => window.lsp.notify(m, p), [method, params]),
    messages: () => page.evaluate(() => ({ log: window.lsp.log, errors: window.lsp.errors })),
    stop: () => page.evaluate(() => window.lsp.worker.terminate()),
    setFile: (uri, text) => page.evaluate(([u, t]) => (t === null ? window.lsp.files.delete(u) : window.lsp.files.set(u, t)), [uri, text]),
    file: (uri) => page.evaluate((u) => window.lsp.files.get(u) ?? null, uri),
    requests: () => page.evaluate(() => window.lsp.fileRequests),
  };
}
