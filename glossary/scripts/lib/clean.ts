// Pure text-cleaning functions for the two seed documents. No I/O here: the CLI
// (seeds.ts) and the tests feed strings in and get strings out.
import { HAN, isHanChar, squeezeWhitespace } from './chars';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const TONE_BASE: Record<string, string> = {
  ā: 'a',
  á: 'a',
  ǎ: 'a',
  à: 'a',
  ē: 'e',
  é: 'e',
  ě: 'e',
  è: 'e',
  ī: 'i',
  í: 'i',
  ǐ: 'i',
  ì: 'i',
  ō: 'o',
  ó: 'o',
  ǒ: 'o',
  ò: 'o',
  ū: 'u',
  ú: 'u',
  ǔ: 'u',
  ù: 'u',
  ǖ: 'ü',
  ǘ: 'ü',
  ǚ: 'ü',
  ǜ: 'ü',
  ń: 'n',
  ň: 'n',
  ǹ: 'n',
  ḿ: 'm',
};

// One toneless pinyin syllable. Finals are listed longest first so that the
// alternation prefers `zhuang` over `zhu` + `ang`.
const INITIAL = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?';
const FINAL =
  '(?:iang|iong|uang|uai|iao|ian|uan|üan|van|ang|eng|ing|ong|ai|ei|ao|ou|an|en|er|in|un|ün|ia|ie|iu|ua|uo|ui|üe|ue|ve|a|o|e|i|u|ü|v|ng|n|m)';
const SYLLABLES_RE = new RegExp(`^(?:${INITIAL}${FINAL})+$`);
const PINYIN_CHARS_RE = new RegExp(`^[a-zü${TONED}]+$`);
const SINGLE_SYLLABLE_RE = new RegExp(`^${INITIAL}${FINAL}$`);

/**
 * How many syllables a parenthesised run of pinyin stands for, or 0 if it is not pinyin.
 * Every syllable the site injects carries a tone mark, so the count of tone marks is the
 * count of syllables; a run with no tone mark counts only if it is one (neutral) syllable.
 */
export function pinyinSyllableCount(run: string): number {
  if (!PINYIN_CHARS_RE.test(run)) return 0;
  let marks = 0;
  let plain = '';
  for (const ch of run) {
    if (TONED.includes(ch)) {
      marks++;
      plain += TONE_BASE[ch];
    } else plain += ch;
  }
  if (!SYLLABLES_RE.test(plain)) return 0;
  if (marks > 0) return marks;
  return SINGLE_SYLLABLE_RE.test(plain) ? 1 : 0;
}

/**
 * Remove injected pinyin annotations: `網(wǎng)絡(luò)` → `網絡`. A parenthesised run is an
 * annotation only when it is all pinyin and is preceded by at least as many Han characters as it
 * has syllables; anything else — `(PoW)`, `(1990-2000)`, `(億元)` — is a real parenthesis and
 * stays, including real parentheses whose contents were themselves annotated.
 *
 * "Preceded by" is read in the text cleaned so far, so a repeated annotation goes in the same pass
 * (`網(wǎng)(wǎng)` → `網`) and cleaning is idempotent: cleaned text has nothing left to remove.
 */
export function stripPinyinAnnotations(text: string): { text: string; removed: number } {
  let removed = 0;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/\(([^()\s]{1,30})\)/g)) {
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
    const n = pinyinSyllableCount(m[1]!);
    const before = n > 0 ? [...out.slice(Math.max(0, out.length - 2 * n))].slice(-n) : [];
    if (n === 0 || before.length < n || !before.every(isHanChar)) out += m[0];
    else removed++;
  }
  return { text: out + text.slice(last), removed };
}

/**
 * Spots in seed 000 where the page was mis-decoded. Each is a run of traditional-Chinese GBK
 * bytes read one byte out of step (a lead byte was lost), which turns e.g. 抵押品價 (b5d6 d1ba c6b7
 * 8372) into `盅浩穬r`, with fragments of the neighbouring pinyin mixed in. The repair restores
 * the characters the byte sequence and the context show; the tests re-derive the garbled forms
 * from the repaired ones with a GBK decoder.
 */
/** A mis-decoded run and what it stands for. */
export interface Repair {
  bad: string;
  good: string;
  note: string;
}

export const MISDECODED_000: Repair[] = [
  { bad: '當(dāng)?shù)盅浩穬r值', good: '當(dāng)抵押品價值', note: '抵押品價 read one byte out of step' },
  { bad: '支持?jǐn)?shù)萬個', good: '支持數萬個', note: '數 lost its lead byte' },
  { bad: '能夠?qū)崟r更新', good: '能夠實時更新', note: '實時 read one byte out of step' },
  { bad: '辦公室?guī)虐?Binance)', good: '辦公室幣安(Binance)', note: '幣安 read one byte out of step' },
];

/** Apply a list of {bad, good} repairs; returns the text and the repairs actually applied. */
export function repairMisdecoded(text: string, repairs: Repair[]): { text: string; applied: Repair[] } {
  const applied: Repair[] = [];
  let out = text;
  for (const r of repairs) {
    if (!out.includes(r.bad)) continue;
    out = out.split(r.bad).join(r.good);
    applied.push(r);
  }
  return { text: out, applied };
}

/** Replacement characters and the leftovers of a lost GBK lead byte (`?` between Han/pinyin). */
export function findMisdecodedSpots(text: string): { index: number; context: string }[] {
  const spots: { index: number; context: string }[] = [];
  for (const m of text.matchAll(new RegExp(`\\uFFFD|[${HAN})]\\?(?=[a-zü${TONED}${HAN}])`, 'gu'))) {
    spots.push({ index: m.index, context: text.slice(Math.max(0, m.index - 10), m.index + 12) });
  }
  return spots;
}

const SENTENCE_END = new RegExp(`[。！？!]+[”’」』]?|(?<=[${HAN}])\\?`, 'gu');

/**
 * Break a run-on paragraph into lines at sentence ends (。！？, and ASCII ! or a ? after a Han
 * character), then break what is still too long at `;` or at a space, so that a 1-based line
 * number points at something a person can find. Never splits inside a word.
 */
export function splitSentences(paragraph: string, maxLen = 240): string[] {
  const rough: string[] = [];
  let start = 0;
  for (const m of paragraph.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    rough.push(paragraph.slice(start, end));
    start = end;
  }
  rough.push(paragraph.slice(start));
  const lines: string[] = [];
  for (const piece of rough) {
    for (const part of splitLong(piece.trim(), maxLen)) if (part) lines.push(part);
  }
  return lines;
}

function splitLong(s: string, maxLen: number): string[] {
  if (s.length <= maxLen) return [s];
  const out: string[] = [];
  let rest = s;
  while (rest.length > maxLen) {
    const window = rest.slice(0, maxLen);
    let cut = Math.max(window.lastIndexOf(';'), window.lastIndexOf('；'));
    if (cut < maxLen / 3) cut = window.lastIndexOf(' ');
    if (cut < maxLen / 3) {
      // no good break: cut at a script change (Han ⇄ Latin/digit) so no word is split
      cut = -1;
      for (let i = maxLen - 1; i > maxLen / 3; i--) {
        if (isHanChar(rest[i]) !== isHanChar(rest[i + 1]) && !/[A-Za-z0-9]/.test(rest[i] + (rest[i + 1] ?? ''))) {
          cut = i;
          break;
        }
        if (isHanChar(rest[i]) && isHanChar(rest[i + 1]) && /[,:、]/.test(rest[i - 1] ?? '')) {
          cut = i - 1;
          break;
        }
      }
      if (cut < 0) cut = maxLen - 1;
    }
    out.push(rest.slice(0, cut + 1).trim());
    rest = rest.slice(cut + 1).trim();
  }
  out.push(rest);
  return out;
}

/**
 * Collapse text the PDF extractor doubled (bold headings are drawn twice):
 * `金融机构金融机构 AIAI 芯片` → `金融机构 AIAI 芯片`. Only runs of 4+ characters with at least two Han
 * characters are collapsed, so ordinary reduplication (常常, 人人) is left alone.
 */
export function collapseDoubledRuns(line: string): { text: string; count: number } {
  let count = 0;
  const out = line.replace(/([^\s]{4,60}?)\1/gu, (whole, unit: string) => {
    const han = [...unit].filter(isHanChar).length;
    if (han < 2) return whole;
    count++;
    return unit;
  });
  return { text: out, count };
}

/**
 * Remove PDF font-encoding garbage: long runs of printable ASCII dense with #*=!$&%/ that no
 * language writes, e.g. `34%,1*)JMK#0B30C*40)!A344(MDB=M031B1!1!E`.
 */
export function removeAsciiGarbage(line: string): { text: string; count: number } {
  let count = 0;
  const out = line.replace(/[!-~](?:[!-~ ]{18,})[!-~]/g, (run) => {
    const noise = (run.match(/[#*=!$&%?/()<>@\\^`|~]/g) || []).length;
    const words = (run.match(/[a-z]{4,}/g) || []).length;
    if (noise >= 5 && noise / run.length >= 0.08 && words === 0) {
      count++;
      return ' ';
    }
    return run;
  });
  return { text: out, count };
}

/** Squeeze whitespace (the engine's: NBSP, ideographic space, line breaks…) to single spaces and trim. */
export function squeeze(s: string): string {
  return squeezeWhitespace(s);
}

/** Lines of seed 000 that are web-page chrome rather than the document (exact or by pattern). */
const CHROME_000 = [
  /^《.*》課件_第\d+頁$/,
  /^已閱讀\d+頁/,
  /^下載本文檔$/,
  /^版權說明:/,
  /^文檔簡介$/,
  /^溫馨提示$/,
  /^•\s*\d+\./,
  /^評論$/,
  /^\d+\/\d+$/,
  /^提交評論$/,
];

/**
 * Clean seed 000 (traditional-Chinese web page of course slides). Returns the title, the cleaned
 * lines and a record of what was done, for the provenance header.
 */
export function clean000(raw: string): {
  title: string;
  lines: string[];
  stats: { pinyinRemoved: number; repairs: Repair[]; chromeLines: number; leftoverMisdecoded: { index: number; context: string }[] };
} {
  const rawLines = raw.replace(/\r\n?/g, '\n').split('\n');
  const repaired = repairMisdecoded(rawLines.join('\n'), MISDECODED_000);
  const stripped = stripPinyinAnnotations(repaired.text);
  const kept: string[] = [];
  const chrome: string[] = [];
  let title = '';
  for (const line of stripped.text.split('\n')) {
    const s = squeeze(line);
    if (!s) continue;
    const t = /^《(.*)》課件_第\d+頁$/.exec(s);
    if (t && !title) title = t[1]!;
    if (CHROME_000.some((re) => re.test(s))) {
      chrome.push(s);
      continue;
    }
    kept.push(s);
  }
  const lines = kept.flatMap((p) => splitSentences(p));
  const leftover = findMisdecodedSpots(lines.join('\n'));
  return {
    title,
    lines,
    stats: {
      pinyinRemoved: stripped.removed,
      repairs: repaired.applied,
      chromeLines: chrome.length,
      leftoverMisdecoded: leftover,
    },
  };
}

/** Page chrome of seed 001 (the listing page of a report site). */
const CHROME_001 = [
  /^上海品茶$/,
  /^用时:\d+ms$/,
  /^金融科技报告-PDF版$/,
  /^您的当前位置:/,
  /^\d+条\s+共\d+$/,
  /^前往$/,
  /^会员购买$/,
  /^客服$/,
  /^专属顾问$/,
  /^商务合作$/,
  /^机构入驻、/,
  /^服务号$/,
  /^三个皮匠报告官方公众号$/,
  /^回到顶部$/,
];

/** Under this many characters of extracted text a report is only a teaser on the listing page. */
export const TEASER_MAX_CHARS = 1000;

/** Parse a listing title `Publisher:Title(50页).pdf`. */
export function parseReportTitle(s: string): { title: string; pages: number | undefined } | null {
  const m = /^•\s*(.*?)(?:\((\d+)页\))?\.pdf$/.exec(s);
  if (!m) return null;
  return { title: squeeze(m[1]!), pages: m[2] ? Number(m[2]) : undefined };
}

/** Parse the stats line under a report: views, publication date, pages. */
export function parseReportStats(s: string): { views: number; published: string; pages: number } | null {
  const m = /^浏览量(\d+)人已浏览\s*发布时间(\d{4}-\d{2}-\d{2})\s*(\d+)页/.exec(s);
  return m ? { views: Number(m[1]), published: m[2]!, pages: Number(m[3]) } : null;
}

/** Clean one report's extracted text into lines. */
export function cleanReportText(text: string): { lines: string[]; doubled: number; garbage: number; chars: number } {
  let doubled = 0;
  let garbage = 0;
  const g = removeAsciiGarbage(squeeze(text));
  garbage += g.count;
  const lines: string[] = [];
  for (const sentence of splitSentences(squeeze(g.text))) {
    const d = collapseDoubledRuns(sentence);
    doubled += d.count;
    const s = squeeze(d.text);
    if (!s) continue;
    if (lines.length && lines[lines.length - 1] === s) {
      doubled++;
      continue;
    }
    lines.push(s);
  }
  return { lines, doubled, garbage, chars: squeeze(text).length };
}

/** Clean seed 001 (a listing of reports with extracted text): split into its reports. */
export function clean001(raw: string): {
  reports: CleanedReport[];
  stats: { chromeLines: number; doubledRuns: number; garbageRuns: number };
} {
  const rawLines = raw.replace(/\r\n?/g, '\n').split('\n').map(squeeze).filter(Boolean);
  type Listed = { title: string; pages: number | undefined; text: string; stats: { pages: number; published: string } | null };
  const reports: Listed[] = [];
  const chrome: string[] = [];
  let current: Listed | null = null;
  for (const s of rawLines) {
    const title = parseReportTitle(s);
    if (title) {
      current = { ...title, text: '', stats: null };
      reports.push(current);
      continue;
    }
    const stats = parseReportStats(s);
    if (stats && current) {
      current.stats = stats;
      current = null;
      continue;
    }
    if (CHROME_001.some((re) => re.test(s)) || !current) {
      chrome.push(s);
      continue;
    }
    current.text += (current.text ? ' ' : '') + s;
  }
  let doubled = 0;
  let garbage = 0;
  const cleaned = reports.map((r): CleanedReport => {
    const c = cleanReportText(r.text);
    doubled += c.doubled;
    garbage += c.garbage;
    return {
      title: r.title,
      pages: r.stats?.pages ?? r.pages,
      published: r.stats?.published,
      teaser: c.chars < TEASER_MAX_CHARS,
      chars: c.chars,
      lines: c.lines,
    };
  });
  return { reports: cleaned, stats: { chromeLines: chrome.length, doubledRuns: doubled, garbageRuns: garbage } };
}

/** Header line that opens each report in the cleaned 001 file. */
/** One report of seed 001, cleaned. */
export interface CleanedReport {
  title: string;
  pages: number | undefined;
  published: string | undefined;
  teaser: boolean;
  chars: number;
  lines: string[];
}

export function reportHeading(i: number, total: number, r: CleanedReport): string {
  const parts = [`## Report ${String(i + 1).padStart(2, '0')}/${total}: ${r.title}`];
  if (r.pages) parts.push(`${r.pages}页`);
  if (r.published) parts.push(`published ${r.published}`);
  if (r.teaser) parts.push(`TEASER: the listing shows only a short excerpt (${r.chars} chars), not the report`);
  return parts.join(' | ');
}

const HEADING_RE = /^## Report (\d+)\/(\d+): (.*?)(?: \| .*)?$/;

/**
 * Read a cleaned source file back: its doc id, title and each body line with the title of the
 * document or report it belongs to. Header (`# `) lines and headings are kept in `lines` with
 * `kind` so that 1-based line numbers match the file.
 */
/** A line of a cleaned source file with the title of the document or report it belongs to. */
export interface SourceLine {
  line: number;
  text: string;
  title: string;
  kind: 'header' | 'heading' | 'body' | 'blank';
}

export function parseCleanedSource(text: string, doc: string): { doc: string; title: string; lines: SourceLine[] } {
  const all = text.split('\n');
  let docTitle = '';
  const titleLine = all.find((l) => l.startsWith('# Title: '));
  if (titleLine) docTitle = titleLine.slice('# Title: '.length).trim();
  let section = docTitle;
  const lines: SourceLine[] = [];
  all.forEach((l, i) => {
    const h = HEADING_RE.exec(l);
    if (h) {
      section = h[3]!;
      lines.push({ line: i + 1, text: l, title: section, kind: 'heading' });
      return;
    }
    if (l.startsWith('#')) {
      lines.push({ line: i + 1, text: l, title: docTitle, kind: 'header' });
      return;
    }
    lines.push({ line: i + 1, text: l, title: section, kind: l.trim() ? 'body' : 'blank' });
  });
  return { doc, title: docTitle, lines };
}
