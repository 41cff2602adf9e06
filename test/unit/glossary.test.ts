// The bundled glossary as a whole: it validates, its citations and examples are really in the
// cleaned sources, the build is deterministic, and the server's engine finds the terms in the
// sources the way a translator hovering over them would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { buildGlossary } from '../../glossary/scripts/lib/build';
import { SOURCE_FILES } from '../../glossary/scripts/lib/seeds';
import { formatDiag } from '../../glossary/scripts/lib/load';
import { glossaryFigures } from '../../glossary/scripts/lib/figures';
import type { CompiledGlossary, GlossaryEntry } from '../../server/src/engine/entry';
import { Glossary } from '../../server/src/engine/glossary';
import type { Match } from '../../server/src/engine/matcher';

const REPO = join(__dirname, '..', '..');
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

const built = buildGlossary({ clean: false });
const entries: GlossaryEntry[] = built.glossary.entries;
const sourceLines: Record<string, string[]> = {};
for (const [doc, name] of Object.entries(SOURCE_FILES)) {
  sourceLines[doc] = readFileSync(join(REPO, 'glossary', 'sources', name), 'utf8').split('\n');
}
const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');
/** The paragraph-coverage target applies to the finished glossary (the 600 concepts). */
const FINISHED = entries.length >= 600;

describe('the bundled glossary', () => {
  it('validates: no schema errors, duplicate ids, key clashes, dangling replacedBy or bad quotations', () => {
    const errors = built.diagnostics.filter((d) => d.severity === 'error').map(formatDiag);
    expect(errors).toEqual([]);
  });

  it('has entries, sorted by id, in the compiled format the server loads', () => {
    expect(built.glossary.format).toBe('fintech-glossary/compiled@1');
    expect(entries.length).toBeGreaterThan(0);
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entries) {
      expect(typeof e.zhHans).toBe('string');
      expect(e.zhHant.length).toBeGreaterThan(0);
      expect(e.en.length).toBeGreaterThan(0);
      expect(e.definitionEn.length).toBeGreaterThan(0);
      expect(e.origin).toBe('bundled');
      if (e.zhTw !== undefined) expect(e.zhTw).not.toBe(e.zhHant);
      if (e.zhHk !== undefined) expect(e.zhHk).not.toBe(e.zhHant);
      expect(e.examples.length).toBeLessThanOrEqual(3);
      for (const r of e.related) expect(ids).toContain(r);
    }
  });

  it('every quoted definition is really at its cited line (whitespace-insensitive)', () => {
    const wrong: string[] = [];
    for (const e of entries) {
      const cite = e.definitionZhSource;
      if (!cite) continue;
      const lines = sourceLines[cite.doc]!;
      // a quotation may run over the following lines of the cleaned file
      const from = squash(lines.slice(cite.line - 1, cite.line + 20).join(''));
      const quote = squash(e.definitionZh);
      const startLine = squash(lines[cite.line - 1] ?? '');
      const starts = from.indexOf(quote);
      if (starts < 0 || starts >= startLine.length) wrong.push(`${e.id} → ${cite.doc}:${cite.line}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every example is taken from its cited line, under the right title', () => {
    const wrong: string[] = [];
    for (const e of entries) {
      for (const ex of e.examples) {
        const line = sourceLines[ex.cite.doc]![ex.cite.line - 1] ?? '';
        const text = ex.text.replace(/^…/, '').replace(/…$/, '');
        if (!line.includes(text)) wrong.push(`${e.id} → ${ex.cite.doc}:${ex.cite.line}`);
        // the title is the report whose heading precedes the line (or the document title)
        const headings = sourceLines[ex.cite.doc]!.slice(0, ex.cite.line).filter((l) => l.startsWith('## Report '));
        const title = headings.length ? headings.at(-1)!.replace(/^## Report \d+\/\d+: /, '').split(' | ')[0] : undefined;
        if (title !== undefined && title !== ex.cite.title) wrong.push(`${e.id}: title ${ex.cite.title} ≠ ${title}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every alias written in mixed script (as in the sources) occurs in the sources', () => {
    const all = Object.values(sourceLines).map((l) => l.join('\n')).join('\n');
    const missing: string[] = [];
    for (const e of entries) {
      for (const a of e.zhAliases) {
        const mixed = toSimplified(a) !== a && toTraditional(a) !== a;
        if (mixed && !all.includes(a)) missing.push(`${e.id}: ${a}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('occurrence counts are consistent with the examples', () => {
    for (const e of entries) {
      if (e.examples.length) expect(e.occurrences, e.id).toBeGreaterThan(0);
      expect(e.examples.length).toBeLessThanOrEqual(Math.max(e.occurrences, 0));
    }
  });

  it('the figures of the report add up', () => {
    const f = glossaryFigures(entries);
    expect(Object.values(f.perDomain).reduce((a, b) => a + b, 0)).toBe(f.total);
    expect(f.withTaiwanOrHongKongForm).toBeLessThanOrEqual(f.withTaiwanForm + f.withHongKongForm);
  });
});

describe('determinism', () => {
  it('building twice in one process gives the same bytes', () => {
    const again = buildGlossary({ clean: false });
    expect(again.json).toBe(built.json);
  }, 60_000);

  it('the command line writes the same bytes as the in-process build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
    const out = join(dir, 'glossary.json');
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(REPO, 'glossary', 'scripts', 'build.ts'), '--out', out, '--quiet', '--force'], {
        cwd: REPO,
        stdio: 'pipe',
      });
    } catch {
      // exit status 1 means entry errors, reported by the validation test; --force still writes
    }
    expect(readFileSync(out, 'utf8')).toBe(built.json);
  }, 60_000);
});

describe('hover over the cleaned sources (server engine on the compiled glossary)', () => {
  let glossary: Glossary;
  beforeAll(() => {
    glossary = new Glossary((JSON.parse(built.json) as CompiledGlossary).entries);
  });

  it('finds each entry in its own example sentences', () => {
    const missed: string[] = [];
    let checked = 0;
    const has = (m: { match: Match; inner: Match[] } | null, id: string) =>
      !!m && [m.match, ...m.inner].some((x) => glossary.entriesOf(x).some((e) => e.id === id));
    for (const e of entries) {
      const forms = [e.zhHans, e.zhHant, e.zhTw, e.zhHk, ...e.zhAliases, ...e.abbr].filter((f): f is string => !!f);
      for (const ex of e.examples) {
        checked++;
        const line = sourceLines[ex.cite.doc]![ex.cite.line - 1]!;
        // hover over each character of each place where one of the entry's forms is written
        const places: [number, number][] = [];
        for (const f of forms) for (let i = line.indexOf(f); i >= 0; i = line.indexOf(f, i + 1)) places.push([i, i + f.length]);
        const lower = line.toLowerCase();
        for (const f of e.en) for (let i = lower.indexOf(f.toLowerCase()); i >= 0; i = lower.indexOf(f.toLowerCase(), i + 1)) places.push([i, i + f.length]);
        let found = places.some(([a, b]) => {
          for (let k = a; k < b; k++) if (has(glossary.index.matchAt(line, k), e.id)) return true;
          return false;
        });
        // forms written differently (mixed script, spacing): any term the engine finds in the line
        if (!found) found = glossary.index.scan(line).some((m) => has(glossary.index.matchAt(line, m.end - 1), e.id));
        if (!found) missed.push(`${e.id} @${ex.cite.doc}:${ex.cite.line}`);
      }
    }
    // the builder's scanner and the engine's matcher are independent implementations
    expect(missed.length, missed.slice(0, 20).join('\n')).toBeLessThanOrEqual(Math.ceil(checked * 0.02));
  });

  it.runIf(FINISHED).each(Object.keys(SOURCE_FILES))('lights up terms in at least 9 of 10 sampled paragraphs of source %s', (doc) => {
    const lines = sourceLines[doc]!.filter((l) => !l.startsWith('#') && (l.match(/[\u4e00-\u9fff]/g) ?? []).length >= 30);
    const step = Math.max(1, Math.floor(lines.length / 200)); // a sample of ~200 paragraphs per source
    let dark = 0;
    let sampled = 0;
    const darkOnes: string[] = [];
    for (let i = 0; i < lines.length; i += step) {
      sampled++;
      const matches = glossary.index.scan(lines[i]!);
      if (matches.length === 0) { dark++; darkOnes.push(lines[i]!.slice(0, 40)); }
    }
    expect(sampled).toBeGreaterThan(0);
    expect(dark / sampled, darkOnes.slice(0, 10).join('\n')).toBeLessThanOrEqual(0.1);
  });
});
