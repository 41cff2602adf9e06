/**
 * Entries out as a termbase: TBX v3 (TBX-Basic, DCA style; the default), TBX v2 (martif), or CSV
 * with language-coded headers. What `loadTermbase` reads back from these is the same entry (see
 * the round-trip tests for which fields each format carries).
 */
import Papa from 'papaparse';
import type { GlossaryEntry, Term, TermStatus } from './entry';
import { GENERATED_NOTE, REPLACED_BY_NOTE, REVIEWED_NOTE, SENSE_NOTE } from './termbase';
import { FORMULA_CELL, formulaSafe, headerColumn } from './tabular';
import { termsOf } from './terms';
import { collapseWhitespace, isHanUnit, trimWhitespace } from './unicode';

const escapeXml = (s: string) =>
  s
    .replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'))
    .replace(
      // characters XML 1.0 cannot carry at all
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
      '',
    );

const TBX_STATUS: Record<TermStatus, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
  superseded: 'supersededTerm-admn-sts',
  // TBX has no forbidden status: deprecated, with a note saying forbidden
  forbidden: 'deprecatedTerm-admn-sts',
};

const GEO_TBX: Record<string, string> = { cn: 'CHN', tw: 'TWN', hk: 'HKG', sg: 'SGP' };
const TBX_REGISTER: Partial<Record<string, string>> = {
  neutral: 'neutralRegister',
  technical: 'technicalRegister',
  colloquial: 'colloquialRegister',
};

/**
 * The language sections a term goes in: English, or each Chinese script it is the form in that an
 * importer would not fill from another (Taiwan and Hong Kong fall back to traditional).
 */
function termLangs(t: Term): string[] {
  if (t.lang === 'en') return ['en'];
  const scripts = t.scripts ?? ['zh-Hans'];
  const out: string[] = scripts.filter((s) => s === 'zh-Hans' || s === 'zh-Hant');
  for (const region of ['zh-TW', 'zh-HK'] as const) if (scripts.includes(region) && !scripts.includes('zh-Hant')) out.push(region);
  return out.length ? out : [scripts[0]!];
}

export interface TbxOptions {
  version?: 2 | 3;
}

/**
 * The id each entry is exported under: its own, and for a second concept with an id already used (a
 * termbase entry with a bundled concept's id, a file that repeats one) that id with `-2`, `-3`…: a
 * TBX id names one concept, and a CSV reader joins consecutive rows with one id.
 */
function exportIds(entries: readonly GlossaryEntry[]): string[] {
  const used = new Set(entries.map((e) => e.id));
  const seen = new Set<string>();
  return entries.map((e) => {
    if (!seen.has(e.id)) {
      seen.add(e.id);
      return e.id;
    }
    let k = 2;
    while (used.has(`${e.id}-${k}`) || seen.has(`${e.id}-${k}`)) k++;
    const id = `${e.id}-${k}`;
    seen.add(id);
    return id;
  });
}

/** The entries as a TBX document. */
export function exportTbx(entries: readonly GlossaryEntry[], { version = 3 }: TbxOptions = {}): string {
  const v3 = version === 3;
  const out: string[] = [];
  const entryEl = v3 ? 'conceptEntry' : 'termEntry',
    langEl = v3 ? 'langSec' : 'langSet',
    termEl = v3 ? 'termSec' : 'tig';
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  if (v3) out.push('<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">');
  else out.push('<martif type="TBX-Basic" xml:lang="en">');
  out.push(
    `<${v3 ? 'tbxHeader' : 'martifHeader'}><fileDesc><sourceDesc><p>Fintech Glossary export</p></sourceDesc></fileDesc></${v3 ? 'tbxHeader' : 'martifHeader'}>`,
  );
  out.push('<text><body>');
  const ids = exportIds(entries);
  for (const [i, e] of entries.entries()) {
    out.push(`<${entryEl} id="${escapeXml(ids[i]!)}">`);
    if (e.domain) out.push(`<descrip type="subjectField">${escapeXml(e.domain)}</descrip>`);
    for (const r of e.related) out.push(`<ref type="crossReference" target="${escapeXml(r)}">${escapeXml(r)}</ref>`);
    if (e.note) out.push(`<note>${escapeXml(e.note)}</note>`);
    const byLang = new Map<string, Term[]>();
    for (const t of termsOf(e)) for (const lang of termLangs(t)) byLang.set(lang, [...(byLang.get(lang) ?? []), t]);
    // a definition needs a language section even when the concept has no term in that language
    if (e.definitionZh && !byLang.has('zh-Hans')) byLang.set('zh-Hans', []);
    if (e.definitionEn && !byLang.has('en')) byLang.set('en', []);
    for (const [lang, terms] of [...byLang].sort((a, b) => order(a[0]) - order(b[0]))) {
      out.push(`<${langEl} xml:lang="${lang}">`);
      const definition = lang === 'en' ? e.definitionEn : lang === 'zh-Hans' ? e.definitionZh : '';
      if (definition) out.push(`<descrip type="definition">${escapeXml(definition)}</descrip>`);
      for (const t of terms) {
        out.push(`<${termEl}><term>${escapeXml(t.text)}</term>`);
        out.push(`<termNote type="administrativeStatus">${TBX_STATUS[t.status]}</termNote>`);
        if (t.role === 'abbreviation') out.push('<termNote type="termType">acronym</termNote>');
        const extra = t as Term & { pos?: string; geo?: string[] };
        if (extra.pos) out.push(`<termNote type="partOfSpeech">${escapeXml(extra.pos)}</termNote>`);
        for (const g of extra.geo ?? []) out.push(`<termNote type="geographicalUsage">${GEO_TBX[g] ?? escapeXml(g)}</termNote>`);
        // ISO 12620's picklist has three of the entry model's registers; the others go as they are
        if (t.register) out.push(`<termNote type="register">${TBX_REGISTER[t.register] ?? t.register}</termNote>`);
        if (t.status === 'forbidden') out.push('<note>forbidden</note>');
        if (t.usage) out.push(`<note>${escapeXml(t.usage)}</note>`);
        if (t.sense) out.push(`<note>${SENSE_NOTE} ${escapeXml(t.sense)}</note>`);
        if (t.replacedBy) out.push(`<note>${REPLACED_BY_NOTE} ${escapeXml(t.replacedBy)}</note>`);
        if (t.review?.state === 'generated') out.push(`<note>${GENERATED_NOTE}</note>`);
        if (t.review?.state === 'reviewed') out.push(`<note>${REVIEWED_NOTE} ${escapeXml(t.review.reason ?? '')}</note>`);
        out.push(`</${termEl}>`);
      }
      out.push(`</${langEl}>`);
    }
    out.push(`</${entryEl}>`);
  }
  out.push('</body></text>');
  out.push(v3 ? '</tbx>' : '</martif>');
  return `${out.join('\n')}\n`;
}

const LANG_ORDER = ['zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK', 'en'];
const order = (lang: string) => {
  const i = LANG_ORDER.indexOf(lang);
  return i < 0 ? LANG_ORDER.length : i;
};

/** The CSV columns, in order (language-coded term columns, then the concept's fields). */
export const CSV_COLUMNS = [
  'id',
  'zh-Hans',
  'zh-Hant',
  'zh-TW',
  'zh-HK',
  'en',
  'abbreviation',
  'status',
  'partOfSpeech',
  'definition-en',
  'definition-zh',
  'note',
  'domain',
] as const;

/** The statuses in the order an export writes their rows. */
const STATUS_ORDER: readonly TermStatus[] = ['preferred', 'admitted', 'deprecated', 'superseded', 'forbidden'];

/**
 * The entries as CSV: a row per concept, several terms of a language joined with "; ". The status
 * column says the status of every term on its row, so the terms whose status is not the headword's
 * go on rows of their own after it, with the same id and their status (a reader joins consecutive
 * rows with one id into one concept): a forbidden alias never reads back as preferred.
 */
export function exportCsv(entries: readonly GlossaryEntry[]): string {
  const rows: string[][] = [];
  const ids = exportIds(entries);
  for (const [i, e] of entries.entries()) {
    const id = ids[i]!;
    const terms = termsOf(e);
    const head = terms.find((t) => t.role === 'headword') ?? terms[0];
    const headStatus = head?.status;
    const pos = (head as (Term & { pos?: string }) | undefined)?.pos ?? '';
    // each alias, English term and abbreviation by its status (a form without a term of its own is the headword's)
    const statusOf = (text: string, lang: Term['lang']) => terms.find((t) => t.text === text && t.lang === lang)?.status ?? headStatus;
    const of = (list: readonly string[], status: TermStatus | undefined, lang: Term['lang'] = 'en') =>
      list.filter((x) => statusOf(x, lang) === status).join('; ');
    rows.push([
      id,
      [e.zhHans, of(e.zhAliases, headStatus, 'zh')].filter(Boolean).join('; '),
      e.zhHant,
      e.zhTw ?? '',
      e.zhHk ?? '',
      of(e.en, headStatus),
      of(e.abbr, headStatus),
      headStatus ?? '',
      pos,
      e.definitionEn,
      e.definitionZh,
      e.note ?? '',
      e.domain,
    ]);
    for (const status of STATUS_ORDER) {
      if (status === headStatus) continue;
      const zh = of(e.zhAliases, status, 'zh'),
        en = of(e.en, status),
        abbr = of(e.abbr, status);
      if (!(zh || en || abbr)) continue;
      // the part of speech the row's terms have (the column says it of every term on the row)
      const onRow = (t: Term) => t.status === status && (t.lang === 'zh' ? e.zhAliases : [...e.en, ...e.abbr]).includes(t.text);
      const posOf = new Set(terms.filter(onRow).map((t) => (t as Term & { pos?: string }).pos ?? ''));
      rows.push([id, zh, '', '', '', en, abbr, status, posOf.size === 1 ? [...posOf][0]! : '', '', '', '', '']);
    }
  }
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_CELL })}\r\n`;
}

/**
 * A term and its counterpart from a selection: `区块链 blockchain`, `区块链（blockchain）` or
 * `blockchain: 区块链` give both; a single term gives it alone.
 */
export function splitSelection(text: string): { zh?: string; en?: string } {
  const t = unquote(collapseWhitespace(text));
  const isLatin = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  let firstHan = -1,
    firstLatin = -1;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (firstHan < 0 && isHanUnit(c)) firstHan = i;
    if (firstLatin < 0 && isLatin(c)) firstLatin = i;
  }
  if (firstHan < 0) return { en: t };
  if (firstLatin < 0) return { zh: t };
  // the side that starts first runs up to the first character of the other side's script
  const han = firstHan < firstLatin;
  const cut = han ? firstLatin : firstHan;
  const strip = (s: string) => trimChars(s, SELECTION_PUNCTUATION);
  const head = strip(t.slice(0, cut)),
    tail = strip(t.slice(cut));
  // a mixed term (AI 芯片 AI chip) goes back to the first script after the other: keep it whole
  const mixed = [...tail].some((ch) => (han ? isHanUnit(ch.charCodeAt(0)) : isLatin(ch.charCodeAt(0))));
  if (mixed || !head || !tail) return { zh: t };
  return han ? { zh: head, en: tail } : { en: head, zh: tail };
}

const SELECTION_PUNCTUATION = ' （）():：-–—/|,，、“”‘’"「」『』';
/** The quotation marks a selected term may stand in: “…”, ‘…’, "…", '…', 「…」, 『…』, ＂…＂. */
const QUOTE_PAIRS = ['“”', '‘’', '""', "''", '「」', '『』', '＂＂'];
/** `s` without the quotation marks around it (nested ones too: 「『…』」), and the spaces inside them. */
function unquote(s: string): string {
  let t = s;
  for (;;) {
    const pair = QUOTE_PAIRS.find((q) => t.length >= 2 && t.startsWith(q[0]!) && t.endsWith(q[1]!));
    if (!pair) return t;
    t = trimWhitespace(t.slice(1, -1));
  }
}
/** `s` without the given characters at either end. */
function trimChars(s: string, chars: string): string {
  let a = 0,
    b = s.length;
  while (a < b && chars.includes(s[a]!)) a++;
  while (b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/**
 * Whether a termbase's entries have the term to add already: a concept with Chinese term `zh` (as
 * written, in any of its scripts) and English term `en` (any case), each when given.
 */
export function hasEntry(entries: readonly GlossaryEntry[], zh: string, en: string): boolean {
  const english = en.toLowerCase();
  return entries.some(
    (e) => (!zh || termsOf(e).some((t) => t.lang === 'zh' && t.text === zh)) && (!en || e.en.some((x) => x.toLowerCase() === english)),
  );
}

/**
 * The termbase text with one more entry (Chinese `zh`, English `en`) appended, keeping every other
 * line as it is. `format` follows the file name; a new file gets a header (CSV/TSV) or starts the
 * list (YAML). In an existing sheet the term goes under its own header's Chinese and English columns.
 */
export function appendEntry(existing: string | undefined, format: 'csv' | 'tsv' | 'yaml', zh: string, en: string): string {
  const base = existing ?? '';
  const sep = base && !/\n$/.test(base) ? (base.includes('\r\n') ? '\r\n' : '\n') : '';
  const nl = base.includes('\r\n') ? '\r\n' : '\n';
  if (format === 'yaml') {
    const q = (s: string) => JSON.stringify(s);
    const fields = [...(zh ? [`zh: ${q(zh)}`] : []), ...(en ? [`en: [${q(en)}]`] : [])];
    const lines = fields.map((f, i) => `${i ? '  ' : '- '}${f}`);
    return `${base}${sep}${lines.join(nl)}${nl}`;
  }
  const delimiter = format === 'tsv' ? '\t' : ',';
  // a term a spreadsheet would run as a formula (=HYPERLINK(…)) is written as text (see formulaSafe)
  const cell = (s: string) =>
    format === 'tsv' ? formulaSafe(s.replace(/[\t\r\n]+/g, ' ')) : Papa.unparse([[s]], { delimiter, escapeFormulae: FORMULA_CELL });
  if (!trimWhitespace(base)) return `zh-Hans${delimiter}en${nl}${cell(zh)}${delimiter}${cell(en)}${nl}`;
  const first = Papa.parse<string[]>(base.replace(/^\uFEFF/, ''), { preview: 1, delimiter: format === 'tsv' ? '\t' : '' });
  const header = (first.data[0] ?? []).map(headerColumn);
  const used = first.meta.delimiter || delimiter;
  // the sheet's own Chinese and English columns (the reader's header rules)
  const zhCol = header.findIndex((c) => c.kind === 'term' && c.lang !== 'en');
  const enCol = header.findIndex((c) => c.kind === 'term' && c.lang === 'en');
  const row = new Array<string>(Math.max(header.length, 2)).fill('');
  row[Math.max(zhCol, 0)] = zh;
  row[enCol >= 0 ? enCol : zhCol === 1 ? 0 : 1] = en;
  const line = format === 'tsv' ? row.map(cell).join('\t') : Papa.unparse([row], { delimiter: used, escapeFormulae: FORMULA_CELL });
  return `${base}${sep}${line}${nl}`;
}
