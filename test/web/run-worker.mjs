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
import { launch, loadChromium, ROOT, serveDist, startWorker } from './harness.mjs';
import { existsSync } from 'node:fs';
import path from 'node:path';

const VERBOSE = !!process.env.VERBOSE;

const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok });
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
};

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
  const chromium = loadChromium();
  const http = await serveDist();
  const { origin, served } = http;
  const browser = await launch(chromium);
  try {
    const { page } = browser;
    page.on('console', (m) => VERBOSE && console.log('  [page]', m.text().slice(0, 300)));
    await page.goto(`${origin}/`);
    const { rpc, notify, messages } = await startWorker(page);
    const init = await rpc('initialize', {
      processId: null,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { extensionUri: `${origin}/`, commandLinks: true },
    });
    const caps = init.result?.capabilities;
    check('initialize in a Web Worker', !!caps?.hoverProvider && !!caps?.completionProvider, `${init.at.toFixed(0)} ms from new Worker`);
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

    const { log, errors } = await messages();
    if (VERBOSE) for (const l of log) console.log(`  [server] ${l}`);
    const loaded = log.find((l) => /concepts loaded/.test(l));
    check('the glossary was fetched from the extension URI and checked', !!loaded && errors.length === 0, loaded ?? errors.join('; '));

    const shutdown = await rpc('shutdown', null);
    check('shutdown', 'result' in shutdown && !shutdown.error);

    // an extension URI without the glossary: the worker says so and keeps answering, with no card
    await page.reload();
    const lost = await startWorker(page);
    const init2 = await lost.rpc('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {},
      initializationOptions: { extensionUri: `${origin}/nowhere/` },
    });
    await lost.notify('initialized', {});
    await lost.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: LINES.join('\n') } });
    const hover2 = await lost.rpc('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(LINES, '区块链') });
    const said = (await lost.messages()).log.find((l) =>
      /cannot load the glossary: cannot fetch .*nowhere\/dist\/glossary\.json: HTTP 404/.test(l),
    );
    check(
      'a glossary that cannot be fetched: reported, and the worker keeps serving',
      !!init2.result?.capabilities && hover2.result === null && !hover2.error && !!said,
      said ?? JSON.stringify((await lost.messages()).log),
    );
  } finally {
    await browser.close();
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
