// Entry point for extensionTestsPath, the contract shared by @vscode/test-electron and code-server's
// smoke-test driver: export run(): Promise<void>, resolved when every test passed.
// It runs mocha over suite/*.test.js inside the extension host and ends with a plain
// "N passed, N failed, N skipped" line that the runners (and CI) read. A skipped (pending) test is listed
// by name, and its name must say why it is skipped.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: 90_000, // the first hover waits for the language server to start
    reporter: 'spec',
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const skipped = [];
    let runner;
    try {
      runner = mocha.run((failures) => {
        for (const name of skipped) console.log(`skipped: ${name}`);
        console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
        if (failures > 0 || failed > 0) reject(new Error(`${failed || failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      console.log(`${passed} passed, ${failed + 1} failed, ${skipped.length} skipped`);
      reject(err);
      return;
    }
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
    runner.on('pending', (test) => skipped.push(test.fullTitle()));
  });
};
