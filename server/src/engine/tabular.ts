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
import type { Diagnostics, RawConcept, RawTerm, TermLang } from './termbase';
import { languageOf, statusOf } from './termbase';
import { containsHan } from './unicode';

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
  const h = cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
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

/** Several terms in one cell are separated by semicolons (the export writes `a; b`). */
export const splitTerms = (cell: string) =>
  cell.includes(';') || cell.includes('；')
    ? cell
        .split(/[;；]/)
        .map((t) => t.trim())
        .filter(Boolean)
    : [cell.trim()].filter(Boolean);

/** A TermStatus from a status cell (TBX spellings too); undefined when the cell is not one. */
function cellStatus(cell: string): TermStatus | undefined {
  return statusOf(cell);
}

export interface TabularOptions {
  kind: 'csv' | 'tsv' | 'omegat';
}

/**
 * Parse a CSV/TSV/OmegaT text. Concepts go to `onConcept` with the row number in `rows`; returns
 * false (with one diagnostic) when the file has no column the glossary can use.
 */
export function parseTabular(
  input: string,
  { kind }: TabularOptions,
  diag: Diagnostics,
  onConcept: (c: RawConcept, row: number) => void,
): boolean {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const parsed = Papa.parse<string[]>(text, {
    delimiter: kind === 'csv' ? '' : '\t',
    delimitersToGuess: [',', '\t', ';', '|'],
    skipEmptyLines: false,
    // OmegaT files are tab-separated text, not CSV: a quote is an ordinary character there
    quoteChar: kind === 'omegat' ? '\u0000' : '"',
  });
  const rows = parsed.data;
  // the line each row starts on: rows are consecutive, and a quoted field may hold line breaks
  const lines = new Int32Array(rows.length + 1);
  let line = 1;
  for (let r = 0; r < rows.length; r++) {
    lines[r] = line;
    line++;
    const row = rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c]!;
      for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) line++;
    }
  }
  for (const e of parsed.errors) {
    if (e.code === 'UndetectableDelimiter') continue;
    const r = e.row ?? 0;
    diag.error(lines[r] ?? 1, 1, `row ${r + 1}: ${e.message.replace(/\.$/, '')}`);
  }

  const blank = (row: string[]) => row.every((c) => c.trim() === '');
  let first = 0;
  while (first < rows.length && blank(rows[first]!)) first++;
  if (first >= rows.length) {
    diag.error(1, 1, 'the file is empty');
    return false;
  }

  let columns: Column[];
  let start: number;
  if (kind === 'omegat') {
    // OmegaT: source, target, comment; comment lines start with #
    columns = [{ kind: 'source' }, { kind: 'target' }, { kind: 'note' }];
    start = first;
  } else {
    columns = rows[first]!.map(headerColumn);
    start = first + 1;
    if (!columns.some((c) => c.kind === 'term' || c.kind === 'source' || c.kind === 'target')) {
      diag.error(
        lines[first]!,
        1,
        'not a termbase: the first row names no Chinese or English column (use a header such as en, zh-CN, zh-TW, English, Chinese (Simplified), Source, Target)',
      );
      return false;
    }
  }

  // Source and Target columns (OmegaT's too): each cell is in the language it is written in
  const cellLang = (cell: string): TermLang => (containsHan(cell) ? 'zh-Hans' : 'en');

  const statusWarned = new Set<string>();
  // a status column repeats a few values: each is read once
  const statuses = new Map<string, TermStatus | undefined>();
  for (let r = start; r < rows.length; r++) {
    const row = rows[r]!;
    if (blank(row)) continue;
    if (kind === 'omegat' && row[0]!.trimStart().startsWith('#')) continue;
    const at = lines[r]!;
    const concept: RawConcept = { line: at, column: 1, terms: [] };
    const terms: RawTerm[] = [];
    let status: TermStatus | undefined;
    let pos: string | undefined;
    let note: string | undefined;
    for (let c = 0; c < row.length && c < columns.length; c++) {
      let cell = row[c]!.trim();
      if (cell.includes('\r')) cell = cell.replace(/\r\n?/g, '\n');
      if (!cell) continue;
      const col = columns[c]!;
      switch (col.kind) {
        case 'term':
          for (const t of splitTerms(cell)) terms.push({ text: t, lang: col.lang });
          break;
        case 'source':
        case 'target':
          for (const t of splitTerms(cell)) terms.push({ text: t, lang: cellLang(t) });
          break;
        case 'abbr':
          for (const t of splitTerms(cell)) terms.push({ text: t, lang: 'en', abbreviation: true });
          break;
        case 'definition':
          if ((col.lang ?? (containsHan(cell) ? 'zh' : 'en')) === 'zh') concept.definitionZh ||= cell;
          else concept.definitionEn ||= cell;
          break;
        case 'note':
          note = note === undefined ? cell : `${note} ${cell}`;
          break;
        case 'status':
          if (statuses.has(cell)) status = statuses.get(cell);
          else statuses.set(cell, (status = cellStatus(cell)));
          if (!status && !statusWarned.has(cell)) {
            statusWarned.add(cell);
            diag.warning(
              at,
              1,
              `row ${r + 1}: unknown status "${cell.slice(0, 40)}" (use preferred, admitted, deprecated, superseded or forbidden)`,
            );
          }
          break;
        case 'pos':
          pos = partOfSpeechOf(cell);
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
    if (status || pos) {
      const extra = pos ? { pos } : undefined;
      for (const t of terms) {
        if (status) t.status = status;
        if (extra) t.extra = extra;
      }
    }
    if (note !== undefined) concept.note = note;
    concept.terms = terms;
    onConcept(concept, r + 1);
  }
  return true;
}
