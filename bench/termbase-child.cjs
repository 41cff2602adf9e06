// Child process for the termbase memory row: reads one termbase in a fresh heap and reports the
// memory its entries and term index add (after garbage collection), as one JSON line.
const { readFileSync } = require('node:fs');
const [enginePath, file] = process.argv.slice(2);
const { loadTermbase, mergeLayers } = require(enginePath);
const text = readFileSync(file, 'utf8');
const mem = () => {
  global.gc();
  global.gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
const before = mem();
const tb = loadTermbase(text, { name: file });
const glossary = mergeLayers([{ uri: file, label: 'big', entries: tb.entries, lines: tb.lines }], []);
glossary.index.build();
const after = mem();
process.stdout.write(
  `${JSON.stringify({ entries: tb.entries.length, entriesAndIndexMB: (after - before) / 2 ** 20, keep: glossary.entries.length > 0 })}\n`,
);
