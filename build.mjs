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

await Promise.all([
  build({ ...common, entryPoints: ['opencc-js/preset'], outfile: 'dist/opencc-preset.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/server.js',
    plugins: [lazyOpenCC],
    define: { FINTECH_GLOSSARY_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  }),
]);
console.log(`built dist/client.js, dist/server.js and dist/opencc-preset.js${production ? ' (minified)' : ''}`);
