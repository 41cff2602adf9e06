// Child process for the termbase memory row: reads one termbase in a fresh heap and reports the
// memory it keeps once loaded (entries, term index, and any of the file's text they hold; after
// garbage collection), as one JSON line.
const { readFileSync } = require('node:fs');
const [enginePath, file] = process.argv.slice(2);
const { loadTermbase, mergeLayers } = require(enginePath);
const mem = () => {
  global.gc();
  global.gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
// the file's text is read inside load() and let go after it, as the server lets it go: what stays is
// the entries, the index, and whatever of the text they still hold
const load = () => {
  const text = readFileSync(file, 'utf8');
  const tb = loadTermbase(text, { name: file });
  return { tb, textMB: (text.length * 2) / 2 ** 20 };
};
const before = mem();
const { tb, textMB } = load();
const glossary = mergeLayers([{ uri: file, label: 'big', entries: tb.entries, lines: tb.lines }], []);
glossary.index.build();
const after = mem();
process.stdout.write(
  `${JSON.stringify({ entries: tb.entries.length, entriesAndIndexMB: (after - before) / 2 ** 20, textMB, keep: glossary.entries.length > 0 })}\n`,
);
