// The seed documents (../shared/seeds, outside the repo) → the cleaned glossary/sources/ files, with
// their provenance headers. Reproducible: same seeds → same bytes. The text cleaning is in clean.ts.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clean000, clean001, reportHeading, type CleanedReport } from './clean';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '..', '..', '..');
export const SOURCES_DIR = join(REPO, 'glossary', 'sources');
export const SOURCE_FILES: Record<'000' | '001', string> = { '000': '000-network-finance-services.txt', '001': '001-fintech-reports.txt' };
export const DEFAULT_SEEDS = process.env.GLOSSARY_SEEDS ?? resolve(REPO, '..', 'shared', 'seeds');

const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

function findSeed(dir: string, prefix: string): { name: string; path: string } | null {
  if (!existsSync(dir)) return null;
  const name = readdirSync(dir)
    .filter((f) => f.startsWith(prefix + '_') && f.endsWith('.txt'))
    .sort()[0];
  return name ? { name, path: join(dir, name) } : null;
}

/** The cleaned text of seed 000 with its provenance header. */
export function render000(name: string, raw: Buffer): { text: string; stats: ReturnType<typeof clean000>['stats'] } {
  const r = clean000(raw.toString('utf8'));
  const s = r.stats;
  const header = [
    `# Source: ${name}`,
    `# sha256 (raw seed): ${sha256(raw)}`,
    `# Title: ${r.title}`,
    '# Script: traditional Chinese, as written (some characters of the page are simplified, e.g. 于, 余額寶; kept).',
    // the committed sources carry this line as written when they were made (clean-sources.mjs is
    // now clean-sources.ts); changing it would rewrite glossary/sources/, which is data
    '# Cleaned by glossary/scripts/clean-sources.mjs (do not edit by hand):',
    `#   - removed ${s.pinyinRemoved} injected pinyin annotations (網(wǎng)絡(luò) → 網絡); real parentheses such as (PoW), (1990-2000) kept`,
    `#   - repaired ${s.repairs.length} mis-decoded spots (GBK bytes read out of step): ${s.repairs.map((x) => x.good.replace(/\([^()]*\)/g, '')).join(', ')}`,
    `#   - removed ${s.chromeLines} lines of web-page chrome (page list, 下載本文檔, 版權說明, 溫馨提示, comments)`,
    '#   - broke the run-on slide text into one sentence per line (at 。！？), long sentences at ; or a space',
    '# Line numbers in citations are 1-based lines of this file.',
    '',
  ];
  return { text: header.concat(r.lines).join('\n') + '\n', stats: s };
}

/** The cleaned text of seed 001 with its provenance header. */
export function render001(
  name: string,
  raw: Buffer,
): { text: string; stats: ReturnType<typeof clean001>['stats']; reports: CleanedReport[] } {
  const r = clean001(raw.toString('utf8'));
  const total = r.reports.length;
  const teasers = r.reports.filter((x) => x.teaser).length;
  const header = [
    `# Source: ${name}`,
    `# sha256 (raw seed): ${sha256(raw)}`,
    '# Title: 金融科技报告-PDF版 (listing of fintech reports with their extracted text)',
    '# Script: simplified Chinese.',
    `# Reports: ${total}, of which ${teasers} are teasers (the listing shows only a short excerpt, marked TEASER).`,
    '# Cleaned by glossary/scripts/clean-sources.mjs (do not edit by hand):', // as above
    `#   - removed ${r.stats.chromeLines} lines of page chrome (site name, breadcrumb, pager, footer) and each report's stats line (kept as pages/date in its heading)`,
    `#   - collapsed ${r.stats.doubledRuns} runs doubled by the PDF extractor (金融机构金融机构 → 金融机构)`,
    `#   - removed ${r.stats.garbageRuns} runs of PDF font-encoding garbage (e.g. JMK#0B30C*40)!A344)`,
    '#   - one sentence per line (at 。！？!), long sentences broken at ; or a space; spaces squeezed',
    '# Each report starts with a "## Report NN/19: title" line; citations use that title and the 1-based line of this file.',
    '',
  ];
  const body: string[] = [];
  r.reports.forEach((rep, i) => {
    body.push(reportHeading(i, total, rep));
    body.push(...rep.lines);
    body.push('');
  });
  return { text: header.concat(body).join('\n'), stats: r.stats, reports: r.reports };
}

/** Clean both seeds. Returns { written, unchanged, differ, missing } and writes files unless check. */
export function cleanSources({ seeds = DEFAULT_SEEDS, check = false, log = (_message: string) => {} } = {}): {
  written: string[];
  unchanged: string[];
  differ: string[];
  missing: string[];
} {
  const result = { written: [] as string[], unchanged: [] as string[], differ: [] as string[], missing: [] as string[] };
  for (const doc of ['000', '001'] as const) {
    const seed = findSeed(seeds, doc);
    if (!seed) {
      result.missing.push(doc);
      continue;
    }
    const raw = readFileSync(seed.path);
    let text: string;
    if (doc === '000') {
      const r = render000(seed.name, raw);
      if (r.stats.leftoverMisdecoded.length)
        throw new Error(`000: unrepaired mis-decoded spots: ${JSON.stringify(r.stats.leftoverMisdecoded)}`);
      text = r.text;
    } else text = render001(seed.name, raw).text;
    const out = join(SOURCES_DIR, SOURCE_FILES[doc]);
    const old = existsSync(out) ? readFileSync(out, 'utf8') : null;
    if (old === text) {
      result.unchanged.push(out);
      continue;
    }
    if (check) {
      result.differ.push(out);
      continue;
    }
    mkdirSync(SOURCES_DIR, { recursive: true });
    writeFileSync(out, text);
    result.written.push(out);
    log(`wrote ${out}`);
  }
  return result;
}
