// Child process for the rows whose two sides are plain functions of the engine (9, 10, 11a, 11e): one
// fresh process measures ours and the baseline, alternating, and reports the medians as one JSON
// line. The parent runs it several times and takes the median ratio: on this machine one process
// can favour one side by 10–20% for its whole life (two copies of the same engine, measured against
// each other, came out 0.93–1.17 apart from one process to the next), more than the rounds inside
// one process vary. (A full collection before each timed call was tried and dropped: it made the
// checks about 50% slower, as if it threw away what the engine had learnt about them.)
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');

const [enginePath, rowId, ...args] = process.argv.slice(2);
const engine = require(enginePath);
const quick = args.includes('--quick');
const files = args.filter((a) => a !== '--quick');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const time = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
/**
 * Each function once per round after `warm` warm-up rounds, the order alternating; their medians,
 * and (under `faults`) the median count of memory pages each call touched for the first time (minor
 * page faults: deterministic, unlike times, and on some virtual machines a large part of them).
 */
function alternate(fns, rounds, warm = 1) {
  const names = Object.keys(fns);
  for (let k = 0; k < warm; k++) for (const n of names) fns[n]();
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const faults = Object.fromEntries(names.map((n) => [n, []]));
  for (let k = 0; k < rounds; k++) {
    const order = k % 2 ? [...names].reverse() : names;
    for (const n of order) {
      const before = process.resourceUsage().minorPageFault;
      times[n].push(time(fns[n]));
      faults[n].push(process.resourceUsage().minorPageFault - before);
    }
  }
  const out = Object.fromEntries(names.map((n) => [n, median(times[n])]));
  out.faults = Object.fromEntries(names.map((n) => [n, median(faults[n])]));
  return out;
}

const rows = {
  // convert --to zh-TW of the 1.2 MB source (glossary-aware) vs opencc-js's own Converter (cn → twp)
  9: () => {
    const [glossaryPath, sourcePath] = files;
    const glossary = engine.glossaryFromFile(glossaryPath);
    const text = readFileSync(sourcePath, 'utf8');
    const plain = require('opencc-js').Converter({ from: 'cn', to: 'twp' });
    const m = alternate({ ours: () => engine.convertText(text, 'zh-TW', glossary), plain: () => plain(text) }, quick ? 3 : 9, 2);
    return { ours: m.ours, base: m.plain, faults: [m.faults.ours, m.faults.plain] };
  },
  // check over both sources (each check judging afresh, as one CLI run does) vs the bare scan
  10: () => {
    const [glossaryPath, ...sourcePaths] = files;
    const glossary = engine.glossaryFromFile(glossaryPath);
    glossary.index.build();
    const sources = sourcePaths.map((p) => readFileSync(p, 'utf8'));
    // Judgements are shared by the checkers of one glossary and context (a server's documents, the
    // CLI's files): `cold` gives each check a glossary of its own, as one `check` run over these two
    // files (one simplified, one traditional: two contexts) has; `warm` shares them, as every check
    // after the first in a process of one variant does.
    const check = (cold = true) => {
      let n = 0;
      const source = cold ? { entries: glossary.entries, index: glossary.index } : glossary;
      for (const t of sources) {
        const v = engine.resolveVariant(t, 'auto', undefined, () => engine.decideScript(engine.countScripts(t)));
        const c = new engine.DocumentChecker({ source, script: v.variant });
        const findings = c.check(glossary.index.scan(t), t, {
          skipped: engine.skippedRanges(t, false),
          disabled: engine.disabledRanges(t),
          fresh: true,
        });
        // the CLI words every finding's message (English)
        for (const f of findings) engine.messageOf(engine.englishQA, f);
        n += findings.length;
      }
      return n;
    };
    const scan = () => {
      for (const t of sources) glossary.index.scan(t);
    };
    const m = alternate({ check, scan, warm: () => check(false) }, quick ? 5 : 21, 3);
    return { ours: m.check, base: m.scan, warm: m.warm, findings: check(), faults: [m.faults.check, m.faults.scan] };
  },
  // a TBX file into entries (no generated scripts) vs a bare saxes parse
  '11a': () => {
    const text = readFileSync(files[0], 'utf8');
    const noop = () => undefined;
    const bare = () => {
      const p = new engine.SaxesParser({ position: true });
      p.on('opentag', noop);
      p.on('text', noop);
      p.on('closetag', noop);
      p.write(text).close();
    };
    const load = () => engine.loadTermbase(text, { name: 'big.tbx', generate: false });
    // a floor for the row, as for 11e: saxes with the least a reader must do to make entries (each
    // entry's language sections and the text of its first term in each, by the engine's own entry
    // maker), nothing else read (no definitions, statuses, notes, no positions, no checks)
    const floor = () => {
      const p = new engine.SaxesParser({ position: true });
      const entries = [];
      let c,
        lang,
        term,
        inTerm = false;
      const fresh = (line) => ({
        line,
        column: 1,
        hans: undefined,
        hant: undefined,
        tw: undefined,
        hk: undefined,
        en: undefined,
        status: undefined,
        trimmed: true,
        latinDefinition: true,
      });
      p.on('opentag', (tag) => {
        const name = tag.name;
        if (name === 'termEntry') c = fresh(p.line);
        else if (name === 'langSet') lang = tag.attributes['xml:lang'];
        else if (name === 'term') {
          inTerm = true;
          term = '';
        }
      });
      p.on('text', (t) => {
        if (inTerm) term += t;
      });
      p.on('closetag', (tag) => {
        const name = tag.name;
        if (name === 'term') {
          inTerm = false;
          if (lang === 'en-US') c.en ??= term;
          else if (lang === 'zh-CN') c.hans ??= term;
          else if (lang === 'zh-TW') c.tw ??= term;
        } else if (name === 'termEntry') entries.push(engine.plainEntry(c, 'big.tbx', `big-${c.line}`, false));
      });
      p.write(text).close();
      return entries;
    };
    // our reader alone: the same parse, each concept dropped as it closes (no entry made or kept)
    const reader = () => {
      let n = 0;
      engine.parseTbx(text, new engine.Diagnostics(), () => n++);
      return n;
    };
    const m = alternate({ load, bare, floor, reader }, quick ? 3 : 7);
    const tb = load();
    return {
      ours: m.load,
      base: m.bare,
      floor: m.floor,
      reader: m.reader,
      entries: tb.entries.length,
      diagnostics: tb.diagnostics.length,
      faults: [m.faults.load, m.faults.bare],
    };
  },
  // a CSV file into entries (no generated scripts) vs a bare papaparse parse
  '11e': () => {
    const text = readFileSync(files[0], 'utf8');
    const bare = () => engine.Papa.parse(text, {});
    const load = () => engine.loadTermbase(text, { name: 'big.csv', generate: false });
    // a floor for the row: papaparse, then each row's cells straight into an entry (this file's
    // columns by position, as they are: no trimming, no checks, no line numbers), by the engine's own
    // entry maker. What any reader that checks its cells costs lies above it.
    const floor = () => {
      const data = engine.Papa.parse(text, {}).data;
      const c = { line: 0, column: 1, hans: undefined, hant: undefined, tw: undefined, hk: undefined, en: undefined, status: undefined };
      Object.assign(c, { id: undefined, definitionEn: undefined, definitionZh: undefined, domain: undefined, note: undefined });
      Object.assign(c, { trimmed: true, latinDefinition: true });
      const entries = [];
      for (let k = 1; k < data.length; k++) {
        const r = data[k];
        if (r.length < 6) continue;
        c.line = k + 1;
        c.en = r[0];
        c.hans = r[1];
        c.tw = r[2];
        c.definitionEn = r[3];
        c.note = r[4];
        c.status = r[5];
        entries.push(engine.plainEntry(c, 'big.csv', `big-${k + 1}`, false));
      }
      return entries;
    };
    // the floor with an object of six fields a row, where an entry has the model's 24: what the
    // size of the entry object costs
    const small = () => {
      const data = engine.Papa.parse(text, {}).data;
      const out = [];
      for (let k = 1; k < data.length; k++) {
        const r = data[k];
        if (r.length >= 6) out.push({ en: r[0], hans: r[1], tw: r[2], definitionEn: r[3], note: r[4], status: r[5] });
      }
      return out;
    };
    const m = alternate({ load, bare, floor, small }, quick ? 3 : 7);
    return {
      ours: m.load,
      base: m.bare,
      floor: m.floor,
      small: m.small,
      entries: load().entries.length,
      faults: [m.faults.load, m.faults.bare],
    };
  },
};

const run = rows[rowId];
if (!run) throw new Error(`ratio-child: no row ${rowId}`);
process.stdout.write(`${JSON.stringify(run())}\n`);
