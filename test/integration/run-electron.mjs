#!/usr/bin/env node
// `npm run test:electron`: the same integration suite as `npm run test:editor`, in VS Code desktop
// downloaded by @vscode/test-electron (needs access to update.code.visualstudio.com; on machines without
// it use `npm run test:editor`, which runs the suite in code-server instead).
//
// Environment:
//   VSCODE_VERSION   VS Code version to download: "stable" (default), "insiders" or e.g. "1.91.0"
//   VSCODE_EXECUTABLE  use this VS Code binary instead of downloading one
// On a Linux machine without a display, run it under xvfb-run.
import { runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

if (!fs.existsSync(path.join(ROOT, 'dist', 'client.js'))) {
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// A throwaway profile so that the developer's own settings and extensions do not leak into the run.
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-vscode-'));
// Word-based suggestions off, as in run-code-server.mjs: the completion tests check that it is.
fs.mkdirSync(path.join(profile, 'user-data', 'User'), { recursive: true });
fs.writeFileSync(
  path.join(profile, 'user-data', 'User', 'settings.json'),
  JSON.stringify({ 'editor.wordBasedSuggestions': 'off' }, null, 2),
);
let exitCode = 1;
try {
  exitCode = await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(HERE, 'suite', 'index.js'),
    launchArgs: [
      path.join(HERE, 'workspace'),
      '--disable-extensions', // other installed extensions; the one under development still loads
      // (runTests itself adds --disable-workspace-trust, --skip-welcome, --skip-release-notes, --no-sandbox)
      '--user-data-dir',
      path.join(profile, 'user-data'),
      '--extensions-dir',
      path.join(profile, 'extensions'),
    ],
  });
} catch (err) {
  // TestRunFailedError when the suite failed (its "N passed, N failed, N skipped" line is already printed above),
  // anything else when VS Code could not be downloaded or started.
  console.error(err instanceof Error ? err.message : err);
  exitCode = 1;
} finally {
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);
