// Child process for the load benchmark: loads one compiled glossary in a fresh heap and reports
// the time and the memory it added (after garbage collection), as one JSON line.
const [enginePath, glossaryPath] = process.argv.slice(2);
const { glossaryFromFile } = require(enginePath);
const mem = () => {
  global.gc();
  global.gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.external, rss: m.rss };
};
const before = mem();
const t0 = process.hrtime.bigint();
// as the server loads it (server/src/node/glossaryFile.ts): read, parse, check; the file's text is
// not kept (held in this top-level scope, it would count as memory the glossary adds)
const glossary = glossaryFromFile(glossaryPath);
const t1 = process.hrtime.bigint();
glossary.index.build(); // the index is lazy: build it inside the measurement
const t2 = process.hrtime.bigint();
const ms = Number(t2 - t0) / 1e6,
  readParseMs = Number(t1 - t0) / 1e6,
  indexMs = Number(t2 - t1) / 1e6;
const after = mem();
process.stdout.write(
  JSON.stringify({
    ms,
    readParseMs,
    indexMs,
    heapMB: (after.heap - before.heap) / 2 ** 20,
    rssMB: (after.rss - before.rss) / 2 ** 20,
    entries: glossary.entries.length,
    keys: glossary.index.stats.keys,
  }) + '\n',
);
