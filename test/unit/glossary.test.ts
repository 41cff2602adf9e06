// The bundled glossary as a whole: it builds with no error and no warning, its citations and
// examples are really in the cleaned sources, the build is deterministic, and the engine finds terms
// at hand-picked places of the sources the way a translator hovering over them would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { buildGlossary } from '../../glossary/scripts/lib/build';
import { SOURCE_FILES } from '../../glossary/scripts/lib/seeds';
import { formatDiag } from '../../glossary/scripts/lib/load';
import { doneChecks, glossaryFigures } from '../../glossary/scripts/lib/figures';
import type { GlossaryEntry } from '../../server/src/engine/entry';
import { Glossary } from '../../server/src/engine/glossary';

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
  it('builds with 0 errors and 0 warnings (schema, ids, key clashes, references, quotations, forms)', () => {
    // a warning is as good as an error here: e.g. a related id left dangling by a deleted entry
    expect(built.diagnostics.map(formatDiag)).toEqual([]);
  });

  it('has entries, sorted by id, in the compiled format the server loads', () => {
    expect(built.glossary.format).toBe('fintech-glossary/compiled@2');
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
        const title = headings.length
          ? headings
              .at(-1)!
              .replace(/^## Report \d+\/\d+: /, '')
              .split(' | ')[0]
          : undefined;
        if (title !== undefined && title !== ex.cite.title) wrong.push(`${e.id}: title ${ex.cite.title} ≠ ${title}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every alias written in mixed script (as in the sources) occurs in the sources', () => {
    const all = Object.values(sourceLines)
      .map((l) => l.join('\n'))
      .join('\n');
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
});

describe('report figures, on four entries whose figures are counted by hand', () => {
  const base = {
    zhAliases: [],
    abbr: [],
    definitionEn: 'A definition.',
    definitionZh: '一个定义。',
    related: [],
    examples: [],
    occurrences: 0,
    origin: 'bundled',
  };
  const example = { text: '例句。', cite: { doc: '001', title: 't', line: 1 } };
  const four: GlossaryEntry[] = [
    {
      ...base,
      id: 'a',
      domain: 'payments',
      zhHans: '软件',
      zhHant: '軟件',
      zhTw: '軟體',
      en: ['software'],
      status: 'preferred',
      definitionZhSource: { doc: '001', title: 't', line: 9 },
      examples: [example],
      occurrences: 5,
    },
    {
      ...base,
      id: 'b',
      domain: 'payments',
      zhHans: 'PayPal',
      zhHant: 'PayPal',
      zhAliases: ['贝宝'],
      en: ['PayPal'],
      status: 'deprecated',
      replacedBy: 'a',
    },
    {
      ...base,
      id: 'c',
      domain: 'banking',
      zhHans: '账户',
      zhHant: '賬戶',
      zhTw: '帳戶',
      zhHk: '賬户',
      en: ['account'],
      abbr: ['AC'],
      status: 'preferred',
      definitionEn: '  ',
      examples: [example],
      occurrences: 2,
    },
    {
      ...base,
      id: 'd',
      domain: 'risk',
      zhHans: '风险',
      zhHant: '風險',
      zhHk: '風险',
      en: ['risk'],
      status: 'preferred',
      definitionZh: '',
      occurrences: 1,
    },
  ];

  it('counts each figure', () => {
    const f = glossaryFigures(four);
    expect(f).toEqual({
      total: 4,
      perDomain: { payments: 2, banking: 1, risk: 1 },
      quotedDefinition: 1, // a
      withExample: 2, // a, c
      withTaiwanForm: 2, // a, c
      withHongKongForm: 2, // c, d
      withTaiwanOrHongKongForm: 3, // a, c, d: c has both and counts once
      bothScripts: 4,
      latinOnlyChinese: 1, // b (PayPal)
      englishDefinition: 3, // c's is blank
      chineseDefinition: 3, // d's is empty
      withAbbreviation: 1, // c
      withAliases: 1, // b
      neverOccurs: 1, // b
      deprecated: 1, // b
    });
    expect(Object.keys(f.perDomain)).toEqual(['payments', 'banking', 'risk']); // most entries first, then by name
  });

  it('checks the definition of done against them', () => {
    expect(doneChecks(glossaryFigures(four)).map((c) => [c.ok, c.value])).toEqual([
      [false, 4], // ≥ 600 concepts
      [false, 3], // every concept has an English definition
      [true, 4], // both scripts
      [false, 1], // ≥ 60 quoted definitions
      [false, 2], // examples for ≥ 90%
    ]);
  });
});

describe('determinism', () => {
  it('the file leaves out default values, and reading it back gives every entry the build made, field for field', () => {
    const back = Glossary.fromJSON(built.json, 'dist/glossary.json').entries;
    expect(back.map((e) => JSON.stringify(e))).toEqual(entries.map((e) => JSON.stringify(e)));
    // what is left out: no entry of the file has a field with its default value
    const raw = (JSON.parse(built.json) as { entries: Record<string, unknown>[] }).entries;
    const leftIn = raw.filter(
      (e) =>
        e.status === 'preferred' ||
        e.origin === 'bundled' ||
        e.occurrences === 0 ||
        e.definitionZh === '' ||
        e.zhHant === e.zhHans ||
        ['zhAliases', 'en', 'abbr', 'related', 'examples'].some((k) => Array.isArray(e[k]) && (e[k] as unknown[]).length === 0),
    );
    expect(leftIn.map((e) => e.id)).toEqual([]);
    expect(raw.length).toBe(entries.length);
  });

  it('building twice in one process gives the same bytes', () => {
    const again = buildGlossary({ clean: false });
    expect(again.json).toBe(built.json);
  }, 60_000);

  it('the command line succeeds with --strict (no error, no warning) and writes the same bytes as the in-process build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
    const out = join(dir, 'glossary.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'glossary', 'scripts', 'build.ts'), '--out', out, '--strict'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(built.json);
  }, 60_000);
});

describe('hover over the cleaned sources (server engine on the compiled glossary)', () => {
  let glossary: Glossary;
  beforeAll(() => {
    glossary = Glossary.fromJSON(built.json, 'dist/glossary.json');
  });

  // Places in the cleaned sources, read by hand: (document, line, the text written there, the entry a
  // hover anywhere on it must show). The expectation is a person's reading, not the builder's output.
  const places: [string, number, string, string][] = [
    ['000', 72, '以太坊', 'ethereum'],
    ['000', 72, 'Ethereum', 'ethereum'],
    ['000', 72, '智能合約', 'smart-contract'], // traditional
    ['000', 72, '區塊鏈', 'blockchain'],
    ['000', 71, '比特幣', 'bitcoin'],
    ['000', 71, 'Bitcoin', 'bitcoin'],
    ['000', 79, '云計算', 'cloud-computing'], // mixed script
    // the platforms that rose with 支付寶 and PayPal, longer than 第三方支付 (not the licensed company, 支付機構)
    ['000', 22, '第三方支付平臺', 'third-party-payment-platform'],
    ['000', 32, '移動支付', 'mobile-payment'],
    ['000', 32, '跨境支付', 'cross-border-payment'],
    ['000', 223, '元宇宙金融', 'metaverse-finance'], // longer than 元宇宙
    ['001', 240, '软件物料清单', 'software-bill-of-materials'],
    ['001', 240, 'SBOM', 'software-bill-of-materials'],
    ['001', 1075, '供应链金融', 'supply-chain-finance'], // longer than 供应链
    ['001', 1095, '隐私计算', 'privacy-computing'],
    ['001', 2711, '数字人民币', 'e-cny'],
    ['001', 5371, '联邦学习', 'federated-learning'],
  ];

  it.each(places)('%s:%i %s → %s', (doc, lineNo, written, id) => {
    const line = sourceLines[doc]![lineNo - 1]!;
    const at = line.indexOf(written);
    expect(at, `"${written}" is not on ${doc}:${lineNo}`).toBeGreaterThanOrEqual(0);
    for (let k = at; k < at + written.length; k++) {
      const hit = glossary.index.matchAt(line, k);
      expect(hit && { start: hit.match.start, end: hit.match.end, ids: glossary.entriesOf(hit.match).map((e) => e.id) }).toEqual({
        start: at,
        end: at + written.length,
        ids: [id],
      });
    }
  });

  it.runIf(FINISHED).each(Object.keys(SOURCE_FILES))(
    `lights up terms in at least 9 of 10 sampled paragraphs of source %s${FINISHED ? '' : ' (skipped: fewer than 600 entries)'}`,
    (doc) => {
      const lines = sourceLines[doc]!.filter((l) => !l.startsWith('#') && (l.match(/[\u4e00-\u9fff]/g) ?? []).length >= 30);
      const step = Math.max(1, Math.floor(lines.length / 200)); // a sample of ~200 paragraphs per source
      let dark = 0;
      let sampled = 0;
      const darkOnes: string[] = [];
      for (let i = 0; i < lines.length; i += step) {
        sampled++;
        const matches = glossary.index.scan(lines[i]!);
        if (matches.length === 0) {
          dark++;
          darkOnes.push(lines[i]!.slice(0, 40));
        }
      }
      expect(sampled).toBeGreaterThan(0);
      expect(dark / sampled, darkOnes.slice(0, 10).join('\n')).toBeLessThanOrEqual(0.1);
    },
  );
});
