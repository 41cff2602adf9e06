// Build: compile the glossary, then bundle the client and the server/CLI with esbuild (CommonJS).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const production = process.argv.includes('--production') || process.env.CI === 'true';
// the glossary build is TypeScript (it imports the engine directly); tsx runs it without a compile step
execFileSync(process.execPath, ['--import', 'tsx', 'glossary/scripts/build.ts'], { stdio: 'inherit' });

// charset utf8: the OpenCC dictionaries are Chinese text, which \u escapes would make six bytes a character
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  charset: 'utf8',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  legalComments: 'none',
};
// OpenCC's dictionaries (1.1 MB, mostly the simplified → traditional phrase table) are needed only
// when a card offers a conversion, so the server bundle does not carry them: they are a bundle of
// their own, dist/opencc-preset.js, which a small stand-in module requires on first use (its
// getters are what esbuild's namespace import reads, so nothing is loaded at start-up).
const OPENCC_GLOBAL = 'fintechGlossaryOpenCC';
const lazyOpenCC = {
  name: 'lazy-opencc-preset',
  setup(b) {
    b.onResolve({ filter: /^opencc-js\/preset$/ }, () => ({ path: 'opencc-js/preset', namespace: 'lazy-opencc' }));
    b.onResolve({ filter: /^\.\/opencc-preset\.js$/ }, () => ({ path: './opencc-preset.js', external: true }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-opencc' }, () => ({
      loader: 'js',
      contents: `let preset;
const load = () => (preset ??= require('./opencc-preset.js'));
for (const key of ['from', 'to', 'configs']) Object.defineProperty(exports, key, { enumerable: true, get: () => load()[key] });`,
    }));
  },
};

// The Web Worker has no `require`: there the stand-in loads the same dist/opencc-preset.js (a script that sets
// a global) with the worker's synchronous importScripts, from the extension's URL (browser/assets.ts).
const lazyOpenCCWorker = {
  name: 'lazy-opencc-preset-worker',
  setup(b) {
    b.onResolve({ filter: /^opencc-js\/preset$/ }, () => ({ path: 'opencc-js/preset', namespace: 'lazy-opencc' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-opencc' }, () => ({
      loader: 'js',
      resolveDir: 'server/src/browser',
      contents: `const { assetUrl } = require('./assets');
let preset;
const load = () => {
  if (!preset) {
    importScripts(assetUrl('dist/opencc-preset.js'));
    preset = self[${JSON.stringify(OPENCC_GLOBAL)}];
  }
  return preset;
};
for (const key of ['from', 'to', 'configs']) Object.defineProperty(exports, key, { enumerable: true, get: () => load()[key] });`,
    }));
  },
};

const define = { FINTECH_GLOSSARY_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) };
// The web build: the same engine, features and wiring, for a browser Web Worker (server) and VS Code's
// web extension host (client). Browser field resolution picks vscode-languageserver/browser's
// dependencies; nothing Node-only may be reached (test/unit/layers.test.ts checks the imports).
const web = { ...common, platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'] };

await Promise.all([
  // one file for both builds: a script that sets a global (the worker's importScripts) and, under Node's
  // require, exports it
  build({
    ...common,
    platform: 'neutral',
    format: 'iife',
    globalName: OPENCC_GLOBAL,
    footer: { js: `if (typeof module === 'object') module.exports = ${OPENCC_GLOBAL};` },
    entryPoints: ['opencc-js/preset'],
    outfile: 'dist/opencc-preset.js',
  }),
  build({ ...common, entryPoints: ['client/src/node.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/server.js', plugins: [lazyOpenCC], define }),
  build({ ...web, format: 'cjs', entryPoints: ['client/src/browser.ts'], outfile: 'dist/web/client.js', external: ['vscode'] }),
  build({
    ...web,
    format: 'iife',
    entryPoints: ['server/src/browser/main.ts'],
    outfile: 'dist/web/server.js',
    plugins: [lazyOpenCCWorker],
    define,
  }),
]);
console.log(
  `built dist/client.js, dist/server.js, dist/opencc-preset.js and the web build dist/web/{client,server}.js${production ? ' (minified)' : ''}`,
);
