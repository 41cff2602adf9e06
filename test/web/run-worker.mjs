#!/usr/bin/env node
// `npm run test:web`: the web build's server (dist/web/server.js) in a real Web Worker of Debian's
// Chromium (playwright-core from the editor environment, as test:editor uses), talking LSP over
// postMessage the way vscode-languageclient/browser does. A local HTTP server stands in for the
// extension's URI: the worker fetches dist/glossary.json and, on the first conversion,
// dist/opencc-preset.js from it, as it does from vscode.dev's extension host.
// Ends with a plain "N passed, N failed, N skipped" line; exit code 0 only if everything passed.
//
// Environment: EDITOR_ENV (default <repo>/.editor-env; needs driver/node_modules/playwright-core),
// CHROMIUM (default /usr/bin/chromium), VERBOSE=1 for the worker's log messages.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ENV_DIR = path.resolve(process.env.EDITOR_ENV || path.join(ROOT, '.editor-env'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const VERBOSE = !!process.env.VERBOSE;

const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok });
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
};

/** Paths the worker fetched, in order. */
const served = [];

/** Serves the repository's dist/ (what the .vsix ships) and an empty page, nothing else. */
function serve() {
  const types = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html' };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><meta charset="utf-8"><title>worker test</title>');
      return;
    }
    served.push(url.pathname);
    const file = path.join(ROOT, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.join(ROOT, 'dist') + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': `${types[path.extname(file)] ?? 'application/octet-stream'}; charset=utf-8` });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** UTF-16 position of the first occurrence of `word` in `lines` (plus `into` units). */
function positionOf(lines, word, into = 1) {
  const line = lines.findIndex((l) => l.includes(word));
  if (line < 0) throw new Error(`${word} is not in the test document`);
  return { line, character: lines[line].indexOf(word) + into };
}

const LINES = [
  '多家商业银行正在用区块链记录跨境支付。', // simplified
  '銀行以區塊鏈記錄跨境支付,並完成認識客戶審核。', // traditional
  'Several banks are piloting blockchain ledgers for payments.', // English
  '我们使用区块',
  '区块链技术的应用', // a compound of 区块链
];
const URI = 'vscode-vfs://github/example/repo/notes.md'; // a virtual workspace's document

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/web/server.js'))) throw new Error('dist/web/server.js is missing: run npm run build');
  const require = createRequire(path.join(ENV_DIR, 'driver', 'package.json'));
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    throw new Error(`playwright-core not found in ${ENV_DIR}/driver: run test/integration/setup-editor.sh (or set EDITOR_ENV)`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium (or set CHROMIUM)`);

  const http = await serve();
  const origin = `http://127.0.0.1:${http.address().port}`;
  const profile = mkdtempSync(path.join(os.tmpdir(), 'fg-worker-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    page.on('console', (m) => VERBOSE && console.log('  [page]', m.text().slice(0, 300)));
    await page.goto(`${origin}/`);
    // A minimal LSP client in the page: JSON-RPC messages as objects over postMessage, as
    // vscode-jsonrpc's BrowserMessageWriter sends them. Server requests (workspace/configuration,
    // client/registerCapability) get empty answers.
    const started = await page.evaluate(() => {
      const lsp = { id: 0, pending: new Map(), log: [], errors: [] };
      window.lsp = lsp;
      lsp.t0 = performance.now();
      const worker = new Worker('/dist/web/server.js');
      lsp.worker = worker;
      worker.onerror = (e) => lsp.errors.push(e.message || 'worker error');
      worker.onmessage = ({ data: m }) => {
        if (m.method && m.id !== undefined) {
          worker.postMessage({
            jsonrpc: '2.0',
            id: m.id,
            result: m.method === 'workspace/configuration' ? m.params.items.map(() => null) : null,
          });
        } else if (m.method) {
          if (m.method === 'window/logMessage' || m.method === 'window/showMessage') lsp.log.push(m.params.message);
        } else lsp.pending.get(m.id)?.(m);
      };
      lsp.request = (method, params) =>
        new Promise((resolve) => {
          const id = ++lsp.id;
          lsp.pending.set(id, (m) => {
            lsp.pending.delete(id);
            resolve(m);
          });
          worker.postMessage({ jsonrpc: '2.0', id, method, params });
        });
      lsp.notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
      return true;
    });
    if (!started) throw new Error('cannot start the worker');
    const rpc = (method, params) => page.evaluate(([m, p]) => window.lsp.request(m, p), [method, params]);
    const notify = (method, params) => page.evaluate(([m, p]) => window.lsp.notify(m, p), [method, params]);

    const init = await page.evaluate(async (extensionUri) => {
      const m = await window.lsp.request('initialize', {
        processId: null,
        rootUri: null,
        capabilities: { workspace: { configuration: true } },
        initializationOptions: { extensionUri, commandLinks: true },
      });
      return { m, ms: performance.now() - window.lsp.t0 };
    }, `${origin}/`);
    const caps = init.m.result?.capabilities;
    check('initialize in a Web Worker', !!caps?.hoverProvider && !!caps?.completionProvider, `${init.ms.toFixed(0)} ms from new Worker`);
    await notify('initialized', {});
    await notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: LINES.join('\n') } });

    const hoverText = async (word) => {
      const m = await rpc('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(LINES, word) });
      return m.result?.contents?.value ?? JSON.stringify(m.error ?? m.result);
    };
    const expectHover = async (name, word, wanted) => {
      const text = await hoverText(word);
      const missing = wanted.filter((w) => !text.includes(w));
      check(name, missing.length === 0, missing.length ? `missing ${missing.join(', ')} in ${JSON.stringify(text.slice(0, 200))}` : '');
    };
    await expectHover('hover on simplified 区块链', '区块链', ['區塊鏈', 'blockchain']);
    check('OpenCC not loaded at start-up', !served.includes('/dist/opencc-preset.js'), served.join(' '));
    await expectHover('hover on traditional 區塊鏈', '區塊鏈', ['区块链', 'blockchain']);
    await expectHover('hover on English blockchain', 'blockchain', ['区块链', '區塊鏈']);

    // a compound's replace action converts it with OpenCC, whose dictionaries the worker loads on first use
    await expectHover('a compound: its replace action converted by OpenCC (loaded on first use)', '区块链技术', ['→ 區塊鏈技術']);
    check('OpenCC was loaded from the extension URI only when needed', served.includes('/dist/opencc-preset.js'), served.join(' '));

    const completion = await rpc('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 3, character: LINES[3].length }, // after 区块
    });
    const labels = (completion.result?.items ?? completion.result ?? []).map((i) => i.label);
    check('completion of 区块', labels.includes('区块链') && labels.includes('blockchain'), `${labels.length} items`);

    const { log, errors } = await page.evaluate(() => ({ log: window.lsp.log, errors: window.lsp.errors }));
    if (VERBOSE) for (const l of log) console.log(`  [server] ${l}`);
    const loaded = log.find((l) => /concepts loaded/.test(l));
    check('the glossary was fetched from the extension URI and checked', !!loaded && errors.length === 0, loaded ?? errors.join('; '));

    const shutdown = await rpc('shutdown', null);
    check('shutdown', 'result' in shutdown && !shutdown.error);
  } finally {
    await ctx.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
    http.close();
  }
}

main()
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    results.push({ name: 'run', ok: false });
  })
  .finally(() => {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`${passed} passed, ${failed} failed, 0 skipped`);
    process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
  });
