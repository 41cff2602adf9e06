#!/usr/bin/env node
// `npm start`: the packaged extension in a real VS Code, nothing to install by hand. Installs what the
// editor tests use (test/integration/setup-editor.sh: Chromium's fonts, Node 24, code-server; Debian or
// Ubuntu, root or sudo for apt), packages fintech-glossary.vsix, installs it into a fresh code-server
// profile and opens examples/ (simplified, traditional and Taiwan texts). Prints the URL to open in a
// browser; Ctrl+C stops code-server and everything it started.
//
// Environment: PORT (default 8080, or a free port if 8080 is taken), HOST (default 127.0.0.1),
// EDITOR_ENV (where setup-editor.sh installs, default <repo>/.editor-env), SKIP_SETUP=1, SKIP_PACKAGE=1
// (use the existing fintech-glossary.vsix).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CODE_SERVER, ENV_DIR, ROOT, freePort, startCodeServer } from '../test/integration/code-server.mjs';

const VSIX = path.join(ROOT, 'fintech-glossary.vsix');
const EXAMPLES = path.join(ROOT, 'examples');
const HOST = process.env.HOST || '127.0.0.1';

function run(cmd, args, what) {
  console.log(`\n▶ ${what}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) throw new Error(`${what} failed (${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal})`);
}

function elsewhere(reason) {
  console.error(`npm start cannot run here: ${reason}.
It needs what the editor tests need: Linux (Debian or Ubuntu) with apt, as root or with sudo.

To try the extension in your own VS Code instead:
  npm run package
  code --install-extension fintech-glossary.vsix
then open the examples/ folder and hover a term such as 区块链.`);
  process.exit(1);
}

const portFree = (port) =>
  new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, HOST, () => srv.close(() => resolve(true)));
  });

async function main() {
  if (process.platform !== 'linux') elsewhere(`this is ${process.platform}, not Linux`);
  if (!process.env.SKIP_SETUP) {
    if (!existsSync('/usr/bin/apt-get') && !existsSync(CODE_SERVER)) elsewhere('there is no apt-get');
    run('bash', [path.join(ROOT, 'test/integration/setup-editor.sh')], 'setting up code-server (once: ~4 min; later ~2 s)');
  }
  if (!existsSync(CODE_SERVER)) elsewhere(`code-server is not installed in ${ENV_DIR}`);
  if (!process.env.SKIP_PACKAGE || !existsSync(VSIX)) run('npm', ['run', '--silent', 'package'], 'packaging fintech-glossary.vsix');

  const wanted = Number(process.env.PORT || 8080);
  const port = (await portFree(wanted)) ? wanted : await freePort();
  console.log('\n▶ starting code-server with the packaged extension');
  const server = await startCodeServer({
    runDir: path.join(ENV_DIR, 'start'),
    workspace: EXAMPLES,
    vsix: VSIX,
    host: HOST,
    port,
    smokeTestDriver: false,
    settings: {
      'workbench.startupEditor': 'readme',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'chat.disableAIFeatures': true,
      'security.workspace.trust.enabled': false,
      'editor.wordWrap': 'on',
      'editor.hover.delay': 300,
    },
    log: (m) => console.log(`  ${m}`),
  });
  const url = `${server.base}/?folder=${encodeURIComponent(EXAMPLES)}`;
  console.log(`
Fintech Glossary is running in VS Code (code-server ${path.relative(ROOT, server.logFile)}).
Open in your browser:

  ${url}

then open simplified.md, traditional.md or taiwan.md and hover a term. Ctrl+C stops it.`);

  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    server.stop();
    console.log('\nstopped code-server.');
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(0));
  server.child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`code-server exited (${code ?? signal}); see ${path.relative(ROOT, server.logFile)}`);
    stopping = true;
    process.exit(1);
  });
}

main().catch((err) => {
  console.error(`npm start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
