#!/usr/bin/env node
// `npm run test:web`: the web build's server (dist/web/server.js) in a real Web Worker of Debian's
// Chromium (playwright-core from the editor environment, as test:editor uses), talking LSP over
// postMessage the way vscode-languageclient/browser does. A local HTTP server stands in for the
// extension's URI: the worker fetches dist/glossary.json and, on the first conversion,
// dist/opencc-preset.js from it, as it does from vscode.dev's extension host.
// Ends with a plain "N passed, N failed, N skipped" line; exit code 0 only if everything passed.
//
// Then the web build in a real web workbench: code-server's web worker extension host (the kind of
// extension host vscode.dev runs) with a web-only copy of the extension (package.json without `main`),
// hovering a term with the mouse. There the extension's files are `vscode-remote:` URIs, from which
// VS Code starts no worker, so this exercises the client's fallback (it reads the files with
// workspace.fs); vscode.dev's own path (fetching https: URLs) is the one the worker checks above cover.
//
// Environment: EDITOR_ENV (default <repo>/.editor-env; needs driver/node_modules/playwright-core and,
// for the workbench check, code-server), CHROMIUM (default /usr/bin/chromium), VERBOSE=1 for the
// worker's log messages.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CODE_SERVER,
  ENV_DIR,
  hoverUntilCard,
  launchBrowser,
  openFromExplorer,
  startCodeServer,
  wordCentre,
  workbenchUrl,
} from '../integration/code-server.mjs';
import { launch, loadChromium, ROOT, serveDist, startWorker } from './harness.mjs';

const VERBOSE = !!process.env.VERBOSE;

const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok });
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
};
let skipped = 0;

/** The web build in code-server's web worker extension host: hover 区块链 in sample.txt. */
async function workbenchCheck(chromium) {
  const name = 'in a real web workbench (code-server, web worker extension host): hover card on 区块链';
  if (!existsSync(CODE_SERVER)) {
    skipped++;
    console.log(`- ${name} (skipped: no code-server in ${ENV_DIR}; run test/integration/setup-editor.sh)`);
    return;
  }
  const stage = path.join(ENV_DIR, 'web-run');
  const ext = path.join(stage, 'extension');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(ext, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  delete manifest.main; // web-only: VS Code then runs it in the web worker extension host
  writeFileSync(path.join(ext, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const f of ['dist/web', 'dist/glossary.json', 'dist/opencc-preset.js', 'package.nls.json'])
    if (existsSync(path.join(ROOT, f))) cpSync(path.join(ROOT, f), path.join(ext, f), { recursive: true });
  const workspace = path.join(ROOT, 'test/integration/workspace');
  const server = await startCodeServer({ runDir: path.join(stage, 'run'), workspace });
  const { page, close } = await launchBrowser(chromium, { width: 1280, height: 800 });
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && /Fintech Glossary|fintech-glossary/.test(m.text()) && consoleErrors.push(m.text()));
  try {
    await page.goto(workbenchUrl(server.base, workspace, { extensionDevelopmentPath: ext }));
    const line = await openFromExplorer(page, 'sample.txt', '区块链');
    const found = await hoverUntilCard(page, await wordCentre(line, '区块链'), '區塊鏈');
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText, not the DOM property
    const text = found ? await found.card.innerText() : '';
    const workers = page.workers().length;
    const shot = path.join(ROOT, 'test-results', found ? 'web-hover.png' : 'web-hover-failure.png');
    mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    check(
      name,
      !!found && text.includes('blockchain'),
      found
        ? `after ${found.attempt} hover(s), ${workers} workers in the page; ${path.relative(ROOT, shot)}`
        : consoleErrors.join('; ') || 'no card',
    );
  } finally {
    await close();
    server.stop();
  }
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

/**
 * The user's termbases in the worker: it cannot read the workspace, so it asks the client (the web
 * client answers with workspace.fs); here the page plays that client, serving a virtual workspace.
 */
async function termbaseChecks(page, origin) {
  const FOLDER = 'vscode-vfs://github/example/repo';
  const CSV_URI = `${FOLDER}/glossary.csv`;
  const TBX_URI = `${FOLDER}/terms/client.tbx`;
  const CSV = 'en,zh-CN,definition\nzorbex,佐贝克斯,Our client calls the escrow robot so.\n';
  const TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>quilla coin</term></termSec></langSec>
<langSec xml:lang="zh-CN"><termSec><term>奎拉币</term></termSec></langSec></conceptEntry>
</body></text></tbx>`;
  // the project file names a termbase the default patterns would not find
  const PROJECT_URI = `${FOLDER}/.fintech-glossary.yaml`;
  const TSV_URI = `${FOLDER}/team/words.tsv`;
  const lines = ['佐贝克斯', '奎拉幣', 'murphy ledger', '羊皮债券'];
  await page.reload();
  // file answers held back (a remote file system): a hover sent at once must still wait for the
  // project file and the termbases, not answer from the bundled glossary alone
  const w = await startWorker(page, {
    fileDelay: 250,
    files: {
      [CSV_URI]: CSV,
      [TBX_URI]: TBX,
      [`${FOLDER}/README.md`]: '# not a termbase',
      [PROJECT_URI]: 'termbases: [team/words.tsv]\n',
      [TSV_URI]: 'en\tzh-CN\nvellum bond\t羊皮债券\n',
    },
  });
  const init = await w.rpc('initialize', {
    processId: null,
    rootUri: FOLDER,
    workspaceFolders: [{ uri: FOLDER, name: 'repo' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
    },
    initializationOptions: { extensionUri: `${origin}/`, clientFiles: true },
  });
  await w.notify('initialized', {});
  await w.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: lines.join('\n') } });
  const hover = async (line) => {
    const m = await w.rpc('textDocument/hover', { textDocument: { uri: URI }, position: { line, character: 1 } });
    return m.result?.contents?.value ?? JSON.stringify(m.error ?? m.result);
  };
  const csvCard = await hover(0);
  check(
    'termbases through the client: a CSV term hovers, labelled with its file',
    csvCard.includes('**佐贝克斯** · 佐貝克斯 · zorbex') &&
      csvCard.includes('Our client calls the escrow robot so') &&
      csvCard.includes('[glossary\\.csv\\:2]'),
    csvCard.slice(0, 200),
  );
  const tbxCard = await hover(1);
  check(
    'a TBX term in a subfolder hovers in traditional too',
    tbxCard.includes('**奎拉币**') && tbxCard.includes('quilla coin'),
    tbxCard.slice(0, 200),
  );
  const projectCard = await hover(3);
  check(
    'the project file, read through the client, adds its termbase',
    projectCard.includes('**羊皮债券**') && projectCard.includes('vellum bond'),
    projectCard.slice(0, 200),
  );
  const asked = await w.requests();
  check(
    'the worker found them with findFiles and read only the termbases',
    asked.includes(`fintechGlossary/findFiles ${FOLDER}`) &&
      asked.includes(`fintechGlossary/readFile ${TBX_URI}`) &&
      !asked.some((r) => r.endsWith('README.md')),
    asked.join('; '),
  );
  // the file changed: the client's watcher reports it, the next hover shows it
  await w.setFile(CSV_URI, `${CSV}murphy ledger,墨菲账本,Added while the worker ran.\n`);
  await w.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: CSV_URI, type: 2 }] });
  const changed = await hover(2);
  check('a changed termbase shows in the next hover', changed.includes('Added while the worker ran'), changed.slice(0, 200));
  // Add to termbase writes through the client (a term the file has already is not written again)
  const before = await w.file(CSV_URI);
  const again = await w.rpc('workspace/executeCommand', {
    command: 'fintechGlossary.server.addToTermbase',
    arguments: [{ uri: URI, text: '佐贝克斯' }],
  });
  check(
    'Add to termbase: a term the termbase has already is not written again',
    again.result?.existing === true && (await w.file(CSV_URI)) === before,
    JSON.stringify(again.result ?? again.error),
  );
  const added = await w.rpc('workspace/executeCommand', {
    command: 'fintechGlossary.server.addToTermbase',
    arguments: [{ uri: URI, text: '羊皮债券' }],
  });
  const written = await w.file(CSV_URI);
  check(
    'Add to termbase writes the file through the client',
    !!init.result?.capabilities?.codeActionProvider &&
      added.result?.zh === '羊皮债券' &&
      (written ?? '').startsWith(before ?? CSV) &&
      (written ?? '').trimEnd().split('\n').pop().includes('羊皮债券'),
    JSON.stringify(added.result ?? added.error) + JSON.stringify(written?.slice(-80)),
  );
  // a termbase path in the project file that names a folder: said as the Node server says it, not read
  await w.setFile(PROJECT_URI, 'termbases: [team/words.tsv, terms]\n');
  await w.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: PROJECT_URI, type: 2 }] });
  const folderLine = 'Fintech Glossary: glossary terms (in repo) is a directory, not a file';
  let said = false;
  for (let i = 0; i < 50 && !said; i++) {
    said = (await w.messages()).log.includes(folderLine);
    if (!said) await page.waitForTimeout(100);
  }
  const readFolder = (await w.requests()).includes(`fintechGlossary/readFile ${FOLDER}/terms`);
  check(
    'a project-file termbase that names a folder: the log says so, as the Node server does, and it is not read',
    said && !readFolder,
    said ? '' : JSON.stringify((await w.messages()).log.filter((l) => l.includes('terms')).slice(-3)),
  );
  await w.rpc('shutdown', null);
}

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
    // OpenCC's dictionaries (1.2 MB) wait for the first document: term QA's checks or a conversion
    await rpc('fintechGlossary/lookup', { term: '区块链' });
    check('OpenCC not loaded at start-up (before a document is open)', !served.includes('/dist/opencc-preset.js'), served.join(' '));
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
    await expectHover('hover on traditional 區塊鏈', '區塊鏈', ['区块链', 'blockchain']);
    await expectHover('hover on English blockchain', 'blockchain', ['区块链', '區塊鏈']);

    // a compound's replace action converts it with OpenCC, whose dictionaries the worker loads on first use
    await expectHover('a compound: its replace action converted by OpenCC (loaded on first use)', '区块链技术', ['→ 區塊鏈技術']);
    check('OpenCC was loaded from the extension URI once needed', served.includes('/dist/opencc-preset.js'), served.join(' '));

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

    await termbaseChecks(page, origin);
  } finally {
    await browser.close();
    http.close();
  }
  await workbenchCheck(chromium);
}

main()
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    results.push({ name: 'run', ok: false });
  })
  .finally(() => {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
    process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
  });
