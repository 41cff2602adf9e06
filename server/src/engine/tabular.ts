/**
 * Spreadsheet termbases into raw concepts, with papaparse: CSV and TSV with a header row naming
 * the languages (codes such as `en`, `zh-CN`, `zh-Hant`, or names such as `English`,
 * `Chinese (Simplified)`, `Source`/`Target`) and optional definition, note, status, part-of-speech,
 * domain and abbreviation columns; and OmegaT glossaries (tab-separated source, target, comment,
 * no header). A BOM, CRLF, quoted fields with commas and line breaks are handled; the delimiter of a
 * CSV file is sniffed (comma, semicolon, tab or bar).
 */
import Papa from 'papaparse';
import type { TermStatus } from './entry';
import { partOfSpeechOf } from './tbx';
import {
  type Diagnostics,
  type KnownForm,
  languageOf,
  type PlainConcept,
  type RawConcept,
  type RawTerm,
  hasOtherScript,
  remembered,
  ScriptCheck,
  setPlainTerm,
  statesScript,
  statusOf,
  type TermLang,
} from './termbase';
import { collapseWhitespace, containsHan, joinLines, trimWhitespace } from './unicode';

export type Column =
  | { kind: 'term'; lang: TermLang }
  | { kind: 'source' | 'target' }
  | { kind: 'definition'; lang?: 'en' | 'zh' }
  | { kind: 'note' | 'status' | 'pos' | 'domain' | 'abbr' | 'id' | 'ignore' };

const HUMAN: Record<string, TermLang> = {
  english: 'en',
  chinese: 'zh-Hans',
  'chinese (simplified)': 'zh-Hans',
  'simplified chinese': 'zh-Hans',
  'chinese simplified': 'zh-Hans',
  'chinese (prc)': 'zh-Hans',
  'chinese (china)': 'zh-Hans',
  'chinese (singapore)': 'zh-Hans',
  中文: 'zh-Hans',
  简体中文: 'zh-Hans',
  简体: 'zh-Hans',
  'chinese (traditional)': 'zh-Hant',
  'traditional chinese': 'zh-Hant',
  'chinese traditional': 'zh-Hant',
  繁體中文: 'zh-Hant',
  繁体中文: 'zh-Hant',
  繁體: 'zh-Hant',
  'chinese (taiwan)': 'zh-TW',
  'chinese (traditional, taiwan)': 'zh-TW',
  'chinese (hong kong)': 'zh-HK',
  'chinese (traditional, hong kong)': 'zh-HK',
  'chinese (hong kong sar)': 'zh-HK',
};

/** What a header cell names. */
export function headerColumn(cell: string): Column {
  const h = collapseWhitespace(cell).toLowerCase();
  if (/^(source|source term|source language)$/.test(h)) return { kind: 'source' };
  if (/^(target|target term|target language|translation)$/.test(h)) return { kind: 'target' };
  const def = /^(?:definition|description|def)(?:[ _-]*\(?([a-z]{2}(?:[-_][a-z]+)*)\)?)?$/.exec(h);
  if (def) {
    const lang = def[1] ? languageOf(def[1]) : undefined;
    return { kind: 'definition', ...(lang ? { lang: lang === 'en' ? 'en' : 'zh' } : {}) };
  }
  if (/^(note|notes|comment|comments|remark|remarks)$/.test(h)) return { kind: 'note' };
  if (/^(status|term status|administrative ?status)$/.test(h)) return { kind: 'status' };
  if (/^(partofspeech|part of speech|part-of-speech|pos)$/.test(h)) return { kind: 'pos' };
  if (/^(domain|subject|subject ?field|category)$/.test(h)) return { kind: 'domain' };
  if (/^(abbr|abbreviation|abbreviations|acronym|acronyms)$/.test(h)) return { kind: 'abbr' };
  if (/^(id|concept ?id|entry ?id)$/.test(h)) return { kind: 'id' };
  const human = HUMAN[h] ?? (h.startsWith('english') ? 'en' : undefined);
  if (human) return { kind: 'term', lang: human };
  const lang = /^[a-z]{2,3}([-_][a-z0-9]+)*$/.test(h) ? languageOf(h) : undefined;
  return lang ? { kind: 'term', lang } : { kind: 'ignore' };
}

/**
 * Whether the first line of a tab-separated text (its first 2,048 characters) is a header that
 * names two or more term columns (a language code or name, Source, Target).
 */
export function namesTermColumns(text: string): boolean {
  const start = text.slice(0, 2048);
  let end = start.search(/[\r\n]/);
  if (end < 0) end = start.length;
  let terms = 0;
  for (const cell of start.slice(0, end).split('\t')) {
    const kind = headerColumn(cell).kind;
    if (kind === 'term' || kind === 'source' || kind === 'target') terms++;
  }
  return terms >= 2;
}

/** Excel's delimiter line: `sep=` and one character, alone on the first line (quoted by some tools). */
const EXCEL_SEPARATOR = /^"?sep=([^\r\n"])"?[^\S\r\n]*(?:\r\n?|\n|$)/i;

/**
 * A cell a spreadsheet would take for a formula when it opens the file (it starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return: OWASP's list for CSV injection) is written with a `'`
 * before it (`formulaSafe`), which spreadsheets take as "text follows"; the readers take the `'`
 * off again (`formulaRead`), so `=HYPERLINK(…)` reads back as it was typed and never runs. A cell
 * that starts with `'` before such a character gets one `'` more, so every text reads back as written.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** Papa.unparse's `escapeFormulae` option: the cells `formulaSafe` prefixes. */
export const FORMULA_CELL = FORMULA_START;
/** A cell as written to a CSV or TSV termbase (see FORMULA_START). */
export const formulaSafe = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);
/** A cell as read from a CSV or TSV termbase: one `'` before what would be a formula is not part of it. */
export const formulaRead = (cell: string): string =>
  cell.charCodeAt(0) === 0x27 && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;

/** Several terms in one cell are separated by semicolons (the export writes `a; b`). */
export const splitTerms = (cell: string) =>
  cell.includes(';') || cell.includes('；')
    ? cell.split(/[;；]/).map(trimWhitespace).filter(Boolean)
    : [trimWhitespace(cell)].filter(Boolean);

export interface TabularOptions {
  kind: 'csv' | 'tsv' | 'omegat';
  /** Forms the script check accepts (see `TermbaseOptions.knownForms`). */
  knownForms?: KnownForm;
  /** Told how many rows the text has, once it is parsed (each row at most one concept). */
  reserve?: (rows: number) => void;
}

/**
 * Parse a CSV/TSV/OmegaT text. Concepts go to `onConcept` with the row number in `rows`; returns
 * false (with one diagnostic) when the file has no column the glossary can use.
 *
 * The whole text is parsed first (papaparse's row-by-row `step` mode costs more per row than the
 * entries do) and each row is made a concept in one pass. (Diagnostics are put in line order when
 * the load finishes, whichever step found them.)
 */
export function parseTabular(
  text: string,
  { kind, knownForms, reserve }: TabularOptions,
  diag: Diagnostics,
  onConcept: (c: RawConcept, row: number) => void,
  onPlain?: (c: PlainConcept, row: number) => void,
): boolean {
  // the rows' own diagnostics, given after papaparse's
  const later: [severity: 'error' | 'warning', line: number, message: string][] = [];
  // Source and Target columns (OmegaT's too): each cell is in the language it is written in
  const cellLang = (cell: string): TermLang => (containsHan(cell) ? 'zh-Hans' : 'en');
  const statusWarned = new Set<string>();
  // a status column repeats a few values: each is read once
  const statusOfCell = remembered(statusOf);

  let columns: Column[] | undefined = kind === 'omegat' ? [{ kind: 'source' }, { kind: 'target' }, { kind: 'note' }] : undefined;
  // the columns that say something of every term of a row, read before its terms are made
  const statusColumns: number[] = [],
    posColumns: number[] = [];
  // the script each term column states (zh-CN, zh-TW: not zh), its terms checked against it, and its header
  let checked: (TermLang | undefined)[] = [];
  let labels: string[] = [];
  const scripts = new ScriptCheck(diag, knownForms);
  // Excel's first line naming the delimiter (`sep=;`), which it writes for a locale whose list
  // separator is not the comma and reads back: the delimiter, and a line that is no header
  const excelSeparator = kind === 'csv' ? EXCEL_SEPARATOR.exec(text)?.[1] : undefined;
  let usable = true;
  let sawRow = false;
  let r = -1; // the row's index (0-based)
  let line = 1; // the line the next row starts on: a quoted field may hold line breaks
  // the line each row papaparse found an error in starts on, found as the rows go by
  const errorLines = new Map<number, number>();
  let loneReturns = false;
  // the line breaks in cells not reached yet (a count of the text's, less one per row; unknown: Infinity)
  let cellBreaks = Number.POSITIVE_INFINITY;
  let plainColumns = false;
  // With an id column, consecutive rows with the same id are one concept (an export writes a
  // concept's terms of another status on rows of their own): a concept is handed on once the next
  // row has another id. (An id used again later is another concept: the entry builder says so.)
  let idColumn = -1;
  let pending: { concept: RawConcept; row: number } | undefined;
  const flush = () => {
    if (pending) onConcept(pending.concept, pending.row);
    pending = undefined;
  };
  // the plain concept of a row, reused row after row (its entry copies what it needs)
  const plain: PlainConcept = {
    line: 0,
    column: 1,
    hans: undefined,
    hant: undefined,
    tw: undefined,
    hk: undefined,
    en: undefined,
    status: undefined,
    trimmed: true,
    latinDefinition: false,
  };
  // a cell of terms, each as a raw term saying what the row says of all of them
  let status: TermStatus | undefined;
  let extra: { pos: string } | undefined;
  const addTerms = (terms: RawTerm[], cell: string, lang: TermLang | undefined, abbreviation: boolean) => {
    const one = (cut: string) => {
      // a term is one line: a line break typed in its cell (Alt+Enter in Excel) is read as in TBX
      const t = joinLines(cut);
      const term: RawTerm = { text: t, lang: lang ?? cellLang(t), status };
      if (abbreviation) term.abbreviation = true;
      if (extra) term.extra = extra;
      terms.push(term);
    };
    if (cell.includes(';') || cell.includes('；')) for (const t of splitTerms(cell)) one(t);
    else one(cell);
  };

  /**
   * Fill `plain` from a row whose terms are one per language, without separators (the status is
   * read already), counting the line breaks in its cells as it reads them: their number, or -1 when
   * the row is not plain (or has no term) and the general path is to read it (and count again).
   * Most cells need one native scan: a term cell without a line break or separator, a definition
   * without a line break or anything from U+3400 up (so no Han: it is English).
   */
  const plainRow = (row: string[], n: number, at: number): number => {
    const p = plain;
    p.line = at;
    p.hans = p.hant = p.tw = p.hk = p.en = undefined;
    p.status = status as PlainConcept['status'];
    p.id = p.definitionEn = p.definitionZh = p.domain = p.note = undefined;
    p.latinDefinition = false;
    let any = false;
    let breaks = 0;
    for (let c = 0; c < n; c++) {
      const raw = row[c]!;
      const col = columns![c]!;
      const kind = col.kind;
      if (kind === 'term') {
        if (!TERM_CELL_CHECK.test(raw)) {
          const cell = formulaRead(trimWhitespace(raw));
          if (!cell) continue;
          if (!setPlainTerm(p, col.lang, cell)) return -1;
          any = true;
          continue;
        }
      } else if (kind === 'definition' && col.lang === undefined && !LATIN_CELL_CHECK.test(raw)) {
        const cell = formulaRead(trimWhitespace(raw));
        if (cell && p.definitionEn === undefined) {
          p.definitionEn = cell;
          p.latinDefinition = true;
        }
        continue;
      }
      const k = breaksInCell(raw);
      breaks += k;
      if (kind === 'status' || kind === 'pos' || kind === 'ignore') continue;
      let cell = formulaRead(trimWhitespace(raw));
      if (!cell) continue;
      // a carriage return in a cell is part of a line break there (counted above)
      if (k && cell.includes('\r')) cell = cell.replace(/\r\n?/g, '\n');
      if (kind !== 'term') {
        const latin = kind === 'definition' && p.definitionEn === undefined && col.lang === undefined;
        conceptCell(p, col, cell);
        if (latin && p.definitionEn !== undefined) p.latinDefinition = true;
        continue;
      }
      if (cell.includes(';') || cell.includes('；') || !setPlainTerm(p, col.lang, k ? joinLines(cell) : cell)) return -1;
      any = true;
    }
    if (!any) return -1;
    for (let c = n; c < row.length; c++) breaks += breaksInCell(row[c]!);
    cellBreaks -= breaks;
    return breaks;
  };

  /** The line breaks in a cell, as an editor counts them (none once every break in a cell is found). */
  const breaksInCell = (cell: string): number => {
    if (!(cellBreaks > 0)) return 0;
    if (loneReturns) return cell.match(LINE_BREAKS)?.length ?? 0;
    let k = 0;
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) k++;
    return k;
  };

  /** The line breaks in a row's cells (for every row the plain path does not take). */
  const breaksInRow = (row: string[]): number => {
    let k = 0;
    for (let c = 0; c < row.length; c++) k += breaksInCell(row[c]!);
    cellBreaks -= k;
    return k;
  };

  const takeRow = (row: string[]) => {
    r++;
    const at = line;
    line++;
    if (errorLines.size && errorLines.has(r)) errorLines.set(r, at);
    if (!usable || !columns) {
      line += breaksInRow(row);
      if (!usable) return;
      // the first row that is not blank is the header (after Excel's `sep=` line)
      if (blank(row) || (r === 0 && excelSeparator !== undefined)) return;
      sawRow = true;
      columns = row.map(headerColumn);
      labels = row.map(collapseWhitespace);
      checked = columns.map((c, k) => (c.kind === 'term' && c.lang !== 'en' && statesScript(labels[k]!) ? c.lang : undefined));
      columns.forEach((c, k) => {
        if (c.kind === 'status') statusColumns.push(k);
        else if (c.kind === 'pos') posColumns.push(k);
      });
      // plain rows are possible when each language has one column and every column is plain
      const langs = columns.flatMap((c) => (c.kind === 'term' ? [c.lang] : []));
      idColumn = columns.findIndex((c) => c.kind === 'id');
      plainColumns =
        onPlain !== undefined &&
        idColumn < 0 &&
        new Set(langs).size === langs.length &&
        columns.every((c) => c.kind !== 'source' && c.kind !== 'target' && c.kind !== 'abbr');
      if (!columns.some((c) => c.kind === 'term' || c.kind === 'source' || c.kind === 'target')) {
        usable = false;
        later.push([
          'error',
          at,
          `not a termbase: the first row names no Chinese or English column (use a header such as en, zh-CN, zh-TW, English, Chinese (Simplified), Source, Target)${excelSeparator === undefined ? '' : `; line 1 (sep=${excelSeparator}) says the columns are separated by "${excelSeparator}"`}`,
        ]);
      }
      return;
    }
    if (kind === 'omegat' && trimWhitespace(row[0]!).startsWith('#')) {
      line += breaksInRow(row);
      sawRow = true;
      return;
    }
    const n = Math.min(row.length, columns.length);
    // what the row says of all its terms (the last status or part-of-speech column that has a value)
    status = undefined;
    extra = undefined;
    for (const c of statusColumns) {
      const cell = c < n ? trimWhitespace(row[c]!) : '';
      if (!cell) continue;
      status = statusOfCell(cell);
      if (!status && !statusWarned.has(cell)) {
        statusWarned.add(cell);
        later.push([
          'warning',
          at,
          `row ${r + 1}: unknown status "${cell.slice(0, 40)}" (use preferred, admitted, deprecated, superseded or forbidden)`,
        ]);
      }
    }
    for (const c of posColumns) {
      const cell = c < n ? trimWhitespace(row[c]!) : '';
      if (cell) {
        const pos = partOfSpeechOf(cell);
        extra = pos ? { pos } : undefined;
      }
    }
    if (plainColumns && extra === undefined && status !== 'superseded' && status !== 'forbidden') {
      const breaks = plainRow(row, n, at);
      if (breaks >= 0) {
        // a plain row has one column per language
        if (plain.hans !== undefined || plain.hant !== undefined || plain.tw !== undefined || plain.hk !== undefined)
          for (let c = 0; c < n; c++) {
            const lang = checked[c];
            if (lang === undefined) continue;
            const term = lang === 'zh-Hans' ? plain.hans : lang === 'zh-Hant' ? plain.hant : lang === 'zh-TW' ? plain.tw : plain.hk;
            if (term !== undefined && hasOtherScript(term, lang)) scripts.check(term, lang, labels[c]!, at, 1, 'row', r + 1, status);
          }
        line += breaks;
        sawRow = true;
        onPlain!(plain, r + 1);
        return;
      }
    }
    // line breaks as an editor counts them: CRLF, LF, and (in a file that has them) a lone CR
    line += breaksInRow(row);
    // a carriage return in a cell is a line break of the row (counted above): only such rows have one
    const returns = line > at + 1;
    const concept: RawConcept = { line: at, column: 1, terms: [] };
    const terms = concept.terms;
    let filled = false;
    for (let c = 0; c < n; c++) {
      let cell = formulaRead(trimWhitespace(row[c]!));
      if (!cell) continue;
      filled = true;
      if (returns && cell.includes('\r')) cell = cell.replace(/\r\n?/g, '\n');
      const col = columns[c]!;
      switch (col.kind) {
        case 'term': {
          const before = terms.length;
          addTerms(terms, cell, col.lang, false);
          const lang = checked[c];
          if (lang !== undefined)
            for (let k = before; k < terms.length; k++)
              if (hasOtherScript(terms[k]!.text, lang))
                scripts.check(terms[k]!.text, lang, labels[c]!, at, 1, 'row', r + 1, terms[k]!.status);
          break;
        }
        case 'source':
        case 'target':
          addTerms(terms, cell, undefined, false);
          break;
        case 'abbr':
          addTerms(terms, cell, 'en', true);
          break;
        default:
          conceptCell(concept, col, cell);
      }
    }
    // a blank row is no concept (a row with only a definition is one without a term: reported)
    if (!filled && blank(row)) return;
    sawRow = true;
    if (idColumn < 0 || concept.id === undefined) {
      flush();
      onConcept(concept, r + 1);
      return;
    }
    if (pending?.concept.id === concept.id) {
      // more terms of the concept on the row before: after its own, so never its headword
      const into = pending.concept;
      into.terms.push(...concept.terms);
      into.definitionEn ||= concept.definitionEn;
      into.definitionZh ||= concept.definitionZh;
      into.domain ||= concept.domain;
      if (concept.note !== undefined) conceptCell(into, NOTE, concept.note);
      return;
    }
    flush();
    pending = { concept, row: r + 1 };
  };

  const config = {
    delimiter: kind === 'csv' ? (excelSeparator ?? '') : '\t',
    delimitersToGuess: [',', '\t', ';', '|'],
    skipEmptyLines: false,
    // OmegaT files are tab-separated text, not CSV: a quote is an ordinary character there
    quoteChar: kind === 'omegat' ? '\u0000' : '"',
  };
  let parsed = Papa.parse<string[]>(text, config);
  reserve?.(parsed.data.length);
  // whether any carriage return is not the first half of a CRLF (old Mac line ends, or one in a cell)
  loneReturns = hasLoneReturn(text);
  // papaparse's errors by row (0-based, over the whole file)
  const errors: [row: number, message: string][] = [];
  // Without lone carriage returns, rows end in LF or CRLF: every line feed of the text that does not
  // end a row is in a cell. So the cells hold this many, and once they are found no cell is searched.
  if (!loneReturns) cellBreaks = countLineFeeds(text) - (parsed.data.length - 1);
  // where the text being parsed starts, and on which line (after a row with an open quote, the next line)
  let segment = 0,
    segmentLine = 1,
    rereads = 0;
  for (let first = 0; ; ) {
    const rows = parsed.data;
    // A quote that is not closed where it should be runs on over the rows after it (to the end of
    // the file, or to the next quote): a row with a quote error that spans lines is skipped, and the
    // file is read again from the line after the one it starts on (the rows after it are kept).
    let swallowed: number | undefined;
    for (const e of parsed.errors) {
      if (e.code === 'UndetectableDelimiter') continue;
      const at = first + (e.row ?? 0);
      errorLines.set(at, 1);
      const row = rows[e.row ?? 0];
      if (e.type === 'Quotes' && swallowed === undefined && row?.some((c) => c.includes('\n') || c.includes('\r'))) {
        swallowed = e.row ?? 0;
        errors.push([at, `${e.message.replace(/\.$/, '')}: the row is skipped, and reading goes on at the next line`]);
      } else if (swallowed === undefined || (e.row ?? 0) < swallowed) errors.push([at, e.message.replace(/\.$/, '')]);
    }
    const upto = swallowed ?? rows.length;
    for (let k = 0; k < upto; k++) takeRow(rows[k]!);
    if (swallowed === undefined) break;
    // each reading again parses the rest of the file: a file full of open quotes stops here
    if (++rereads > MAX_REREADS) {
      diag.error(line, 1, `row ${r + 2}: more than ${MAX_REREADS} rows with a quote left open; the rest of the file is not read`);
      break;
    }
    // the swallowed row starts on line `line`; the rows after it are read again from the next line
    r++;
    if (errorLines.has(r)) errorLines.set(r, line);
    const next = lineAfter(text, lineOffset(text, segment, line - segmentLine));
    if (next < 0) break;
    line++;
    first = r + 1;
    segment = next;
    segmentLine = line;
    cellBreaks = Number.POSITIVE_INFINITY;
    parsed = Papa.parse<string[]>(text.slice(next), { ...config, delimiter: parsed.meta.delimiter });
  }
  flush();
  scripts.finish();
  for (const [at, message] of errors) diag.error(errorLines.get(at) ?? 1, 1, `row ${at + 1}: ${message}`);

  if (!sawRow) {
    diag.error(1, 1, 'the file is empty');
    return false;
  }
  for (const [severity, at, message] of later) diag.add(severity, at, 1, message);
  return usable;
}

const LINE_BREAKS = /\r\n?|\n/g;
/** What a term cell may need more than a trim for: a line break, a term separator. */
const TERM_CELL_CHECK = /[\n\r;；]/;
/** What a definition cell may need more than a trim for: a line break, Han (every Han unit is from U+3400 up). */
const LATIN_CELL_CHECK = /[\n\r\u3400-\uffff]/;

/** Whether a carriage return of the text is not followed by a line feed. */
function hasLoneReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 2)) if (text.charCodeAt(i + 1) !== 0x0a) return true;
  return false;
}

/** Where the line after the one at `at` starts (after a LF, a CRLF or a lone CR); -1 past the text's end. */
function lineAfter(text: string, at: number): number {
  if (at < 0) return -1;
  let i = at;
  while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
  if (i >= text.length) return -1;
  const next = text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
  return next < text.length ? next : -1;
}

/** Where the line `k` lines after the one starting at `from` starts; -1 past the text's end. */
function lineOffset(text: string, from: number, k: number): number {
  let at = from;
  for (let j = 0; j < k && at >= 0; j++) at = lineAfter(text, at);
  return at;
}

function countLineFeeds(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const blank = (row: string[]) => {
  for (let c = 0; c < row.length; c++) if (trimWhitespace(row[c]!) !== '') return false;
  return true;
};

const NOTE: Column = { kind: 'note' };
/** How many times a file is read again after a row with a quote left open (see parseTabular). */
const MAX_REREADS = 20;

/** A cell that is not a term (a definition, note, domain or id) into the concept. */
function conceptCell(
  concept: Pick<RawConcept, 'id' | 'definitionEn' | 'definitionZh' | 'domain' | 'note'>,
  col: Column,
  cell: string,
): void {
  switch (col.kind) {
    case 'definition':
      if ((col.lang ?? (containsHan(cell) ? 'zh' : 'en')) === 'zh') concept.definitionZh ||= cell;
      else concept.definitionEn ||= cell;
      break;
    case 'note':
      concept.note = concept.note === undefined ? cell : `${concept.note} ${cell}`;
      break;
    case 'domain':
      concept.domain = cell;
      break;
    case 'id':
      concept.id = cell;
      break;
    default:
  }
}
