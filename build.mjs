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
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/server.js',
    define: { FINTECH_GLOSSARY_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  }),
]);
console.log(`built dist/client.js and dist/server.js${production ? ' (minified)' : ''}`);
