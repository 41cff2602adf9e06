/**
 * Glossary-aware conversion between the Chinese scripts and regional standards: every glossary
 * term the matcher finds becomes the glossary's form of that concept in the target (its reviewed
 * Taiwan or Hong Kong form where there is one), and everything else goes through OpenCC's phrase
 * tables (convert.ts). Plain OpenCC gets terminology wrong where a region says it differently
 * (账户 → 賬戶, not Taiwan's 帳戶; 数字货币 → 數字貨幣, not 數位貨幣; 信贷审核 → 信貸稽核): the
 * glossary's reviewed forms fix exactly those.
 *
 * How: the terms are cut out of the text (each replaced by one private-use marker character, which
 * no OpenCC table contains), the rest is converted in one OpenCC pass (so OpenCC segments the text
 * as it would with the terms as breaks), and the terms' target forms are put back at the markers.
 *
 * Pure: no files, no LSP; a few milliseconds more than OpenCC alone (one matcher scan).
 */
import { type AliasForm, type ChineseScript, chineseIn, type GlossaryEntry } from './entry';
import { convertLocale, type OpenCCLocale, regionalPhrases } from './convert';
import { type Find, overlapsAny, retargetDirective, skippedRanges, variantDirective } from './directives';
import type { Match, MatchOptions, TermIndex } from './matcher';
import { currentIn, termFor } from './terms';
import { normalizeKey } from './normalize';
import { isHanOrSurrogate } from './unicode';

/** What the converter needs of a glossary (the engine's `Glossary` is one). */
export interface TermSource {
  readonly entries: readonly GlossaryEntry[];
  readonly index: TermIndex;
  /** The one concept several entries a term matches stand for, if they are one (`Glossary.conceptOf`). */
  conceptOf?(indexes: readonly number[]): number | undefined;
}

/**
 * The concept a match stands for, by its index (its form is `m.forms[k]` of the same `k`): its one
 * entry, or the user's entry that leads the bundled concept it shares a Chinese form with. Undefined
 * for homonyms (no single answer).
 */
export function conceptAt(source: TermSource, m: Match): number | undefined {
  if (m.entries.length === 1) return m.entries[0];
  return source.conceptOf?.(m.entries);
}

export interface ConvertOptions {
  /**
   * The script the text is written in, which decides the OpenCC tables that read it (zh-TW and
   * zh-HK with `phrases` also turn regional vocabulary back: 軟體 → 软件). Default: any script —
   * simplified, traditional, Taiwan and Hong Kong characters are all read, vocabulary stays.
   */
  from?: ChineseScript;
  /** Use OpenCC's Taiwan / Hong Kong phrase tables (vocabulary), not only their characters. Default true. */
  phrases?: boolean;
  /** Occurrences of the glossary's terms in `text`, if the caller has them (else the text is scanned). */
  occurrences?: readonly Match[];
  /** Matching options (acronym case) for the scan. */
  match?: MatchOptions;
  /** Ranges kept as they are (sorted, merged): code, URLs, link destinations (see `convertDocument`). */
  keep?: readonly { start: number; end: number }[];
}

/** The OpenCC locale a script is written in (with or without the regional phrase tables). */
function localeOf(script: ChineseScript, phrases: boolean): OpenCCLocale {
  switch (script) {
    case 'zh-Hans':
      return 'cn';
    case 'zh-Hant':
      return 't';
    case 'zh-TW':
      return phrases ? 'twp' : 'tw';
    case 'zh-HK':
      return phrases ? 'hkp' : 'hk';
  }
}

/** OpenCC alone (no glossary): `text` in any or the given script converted to `to`. */
export function convertPlain(text: string, to: ChineseScript, options: Pick<ConvertOptions, 'from' | 'phrases'> = {}): string {
  const phrases = options.phrases !== false;
  const target = localeOf(to, phrases);
  if (options.from) return convertLocale(text, localeOf(options.from, phrases), target);
  if (target !== 'cn') return convertLocale(text, 'cn', target);
  // any script to simplified: Hong Kong and Taiwan variant characters first, then phrase-aware
  return convertLocale(convertLocale(convertLocale(text, 'hk', 't'), 'tw', 't'), 't', 'cn');
}

/**
 * The glossary's form of a concept in a script: simplified and traditional as the entry gives them;
 * Taiwan and Hong Kong only when the form was reviewed (a generated regional candidate is not the
 * glossary's word: the traditional form stands for the region then).
 */
export function formIn(entry: GlossaryEntry, script: ChineseScript): string {
  const form = chineseIn(entry, script);
  if ((script === 'zh-TW' || script === 'zh-HK') && form !== entry.zhHant && termFor(entry, form)?.review?.state === 'generated')
    return entry.zhHant;
  return form;
}

/**
 * The text of a term written as in `span` in script `to`, or undefined when the glossary has no
 * single answer (then OpenCC converts it with the rest). A headword form of its concept (in any
 * script) becomes the concept's form in `to`. An alias or variant is a different term the writer
 * chose, and stays that term (`aliasIn`): OpenCC's phrase tables never rewrite it (they would make
 * 国际银行代码 國際銀行程式碼, a program's code). A Taiwan or Hong Kong form counts only as written
 * there. Everything in the span but its Han characters must be written as the glossary's form writes
 * it (`sameButHan`): its digits, Latin letters (case, width), spaces and punctuation are the term's
 * (AI 芯片, 不動產、廠房及設備, 国际财务报告准则第17号——保险合同); a span with anything else in it (a line
 * break, an annotation) is left to OpenCC, so the layout stays.
 */
function termTarget(source: TermSource, m: Match, span: string, to: ChineseScript, from: ChineseScript | undefined): string | undefined {
  let han = false;
  for (let i = 0; i < span.length && !han; i++) han = isHanOrSurrogate(span.charCodeAt(i));
  if (!han) return undefined;
  let target: string | undefined;
  // several concepts written alike: one when a user's entry leads the bundled one (the user's forms)
  const one = m.entries.length > 1 && conceptAt(source, m) !== undefined;
  for (let k = 0; k < (one ? 1 : m.entries.length); k++) {
    const entry = source.entries[m.entries[k]!];
    const form = m.forms[k]!;
    if (!entry) return undefined;
    const term = termFor(entry, form);
    if (term?.lang !== 'zh') return undefined;
    if (!sameButHan(span, form)) return undefined;
    let t: string;
    if (term.role === 'headword') {
      // a Taiwan or Hong Kong word is that region's term only when written as the region writes it,
      // in a text of that region (or of unknown script): 资料来源 in a simplified text is no Taiwan
      // term. A traditional text of no decided region (zh-Hant, as detection finds a Hong Kong
      // edition) made into a region's variant has every region's words taken as such, as `check`
      // with that variant takes them: 流動支付 becomes Taiwan's 行動支付
      const scripts = term.scripts ?? [];
      const regional = !scripts.includes('zh-Hans') && !scripts.includes('zh-Hant');
      const ofRegion = from === undefined || scripts.includes(from) || (from === 'zh-Hant' && (to === 'zh-TW' || to === 'zh-HK'));
      // a form the glossary says is current in the target's region stays as written there (衡量, Taiwan's
      // accounting measurement, is an ordinary word in every region: not 計量 in a Hong Kong text)
      const written = span === form ? term : (termFor(entry, span) ?? term);
      const keep = currentIn(written, to) && normalizeKey(formIn(entry, to)) !== normalizeKey(written.text);
      t = keep || (regional && (span !== form || !ofRegion)) ? aliasIn(source, span, to, from, m.entries) : formIn(entry, to);
    } else t = aliasIn(source, span, to, from, m.entries);
    if (!t) return undefined;
    // concepts written alike that the glossary writes differently in `to`: its terms inside, at least
    if (target !== undefined && t !== target) return aliasIn(source, span, to, from, m.entries);
    target = t;
  }
  return target;
}

/**
 * A glossary term that is not a concept's headword (an alias or variant, or a form the glossary has
 * no single answer for) in script `to`, as the glossary knows it: the glossary's terms it is made of
 * become their forms in `to` (网络 in 网络借贷 is Taiwan's 網路: 網路借貸; see termsInside), the rest
 * changes its characters only (OpenCC without its phrase tables). What the glossary does not say of
 * a region's vocabulary, it does not guess: 可视化 stays 可視化 in a Taiwan text (OpenCC: 視覺化).
 *
 * A term inside it of its own concept (`of`: the concepts the span stands for) is part of its
 * wording and is not replaced: 按揭 in 按揭贷款 is that concept's Hong Kong headword, whose simplified
 * form 个人住房贷款 would make 个人住房贷款贷款. Remembered per glossary (a document repeats its terms).
 */
export function aliasIn(source: TermSource, span: string, to: ChineseScript, from?: ChineseScript, of: readonly number[] = []): string {
  let memo = ALIASES.get(source);
  if (!memo) ALIASES.set(source, (memo = new Map()));
  const key = `${to}\u0000${from ?? ''}\u0000${of.join(',')}\u0000${span}`;
  let out = memo.get(key);
  if (out !== undefined) return out;
  const chars = (t: string) => (t ? convertPlain(t, to, { from, phrases: false }) : t);
  out = '';
  let at = 0;
  for (const m of termsInside(source.index, span)) {
    const inside = span.slice(m.start, m.end);
    const t = m.entries.some((e) => of.includes(e)) ? ownHeadword(source, m, inside, to) : termTarget(source, m, inside, to, from);
    if (t === undefined) continue;
    out += chars(span.slice(at, m.start)) + t;
    at = m.end;
  }
  out += chars(span.slice(at));
  if (memo.size >= 4096) memo.clear();
  memo.set(key, out);
  return out;
}
const ALIASES = new WeakMap<TermSource, Map<string, string>>();

/**
 * The alias's own concept's headword inside it (`m`, written `inside`), in `to`: the glossary's
 * spelling of that word when it is the same word there, only in other characters (昇腾 in 华为昇腾
 * stays 昇腾 in simplified, as the brand writes it: OpenCC's characters would make 升腾); undefined
 * when the form in `to` is another word (按揭 in 按揭贷款 is Hong Kong's headword, whose simplified
 * form 个人住房贷款 would make 个人住房贷款贷款): then the alias's wording stays, its characters converted.
 */
function ownHeadword(source: TermSource, m: Match, inside: string, to: ChineseScript): string | undefined {
  if (m.entries.length !== 1) return undefined;
  const entry = source.entries[m.entries[0]!];
  if (!entry || (termFor(entry, inside) ?? termFor(entry, m.forms[0]!))?.role !== 'headword') return undefined;
  const form = formIn(entry, to);
  return form && normalizeKey(form) === normalizeKey(inside) ? form : undefined;
}

/**
 * The keys an index needs for the glossary's aliases as conversion writes them in Taiwan and Hong
 * Kong (`aliasIn`: 网络借贷 → 網路借貸, 法定数字货币 → 法定數碼貨幣), so that a converted text keeps
 * its terms. Only forms that fold to no key of the glossary yet: one that is a key already (of this
 * concept, or of another, which would make them homonyms) is left out. The build writes them into
 * the compiled glossary (converting every alias takes too long for a server's start).
 */
export function aliasFormsOf(source: TermSource): AliasForm[] {
  const out: AliasForm[] = [];
  const made = new Set<string>();
  source.entries.forEach((entry, index) => {
    for (const alias of entry.zhAliases)
      for (const to of REGIONS) {
        const form = aliasIn(source, alias, to, undefined, [index]);
        const key = normalizeKey(form);
        if (!key || made.has(key) || source.index.lookup(form).length) continue;
        made.add(key);
        out.push([index, form, alias]);
      }
  });
  return out;
}
const REGIONS = ['zh-TW', 'zh-HK'] as const;

/**
 * The glossary's terms a compound `span` is made of, as far as they can be told apart: the longest
 * term it starts with and the longest it ends with, each leaving two or more characters of the span
 * to the other side (a compound of words: 网络|借贷, 分布式账本|技术). A term in the middle, or one
 * that leaves a single character (资产组|合 in 资产组合, which is 资产|组合), is no constituent one can
 * be sure of, and is not replaced.
 */
function termsInside(index: TermIndex, span: string): Match[] {
  const n = span.length;
  if (n < 4) return [];
  const out: Match[] = [];
  // the longest term starting at 0 that ends two or more units before the end
  const head = index.scanRange(span, {}, 0, n - 2, 1)[0];
  if (head && head.start === 0) out.push(head);
  // the longest term ending at the end that starts two or more units after the start (and after the head)
  for (let at = Math.max(2, head && head.start === 0 ? head.end : 0); at <= n - 2; at++) {
    const m = index.scanRange(span, {}, at, n, at + 1)[0];
    if (m && m.start === at && m.end === n) {
      out.push(m);
      break;
    }
  }
  return out;
}

/**
 * Is `span` written as `form` in everything but its Han characters (which may be of another script)?
 * Compared unit by unit with the Han units left out of both: 國際財務報告準則第17號——保險合同 is the
 * form 国际财务报告准则第17号——保险合同 (17 and —— alike); 账\n户 and 账(zhàng)户 are not 账户.
 */
function sameButHan(span: string, form: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < span.length && isHanOrSurrogate(span.charCodeAt(i))) i++;
    while (j < form.length && isHanOrSurrogate(form.charCodeAt(j))) j++;
    if (i >= span.length || j >= form.length) return i >= span.length && j >= form.length;
    if (span.charCodeAt(i++) !== form.charCodeAt(j++)) return false;
  }
}

/** A private-use character that does not occur in `text` (the marker a term is cut out as). */
function markerFor(text: string): string | undefined {
  for (let u = 0xe000; u <= 0xf8ff; u++) {
    const c = String.fromCharCode(u);
    if (!text.includes(c)) return c;
  }
  return undefined;
}

/** One glossary term in the text and what it becomes. */
export interface TermConversion {
  start: number;
  end: number;
  /** The glossary's form in the target script. */
  text: string;
}

/** The glossary terms of `text` that the conversion to `to` writes as the glossary says (in order). */
export function termConversions(
  text: string,
  to: ChineseScript,
  source: TermSource | undefined,
  options: ConvertOptions = {},
): TermConversion[] {
  if (!source?.entries.length) return [];
  const occurrences = options.occurrences ?? source.index.scan(text, options.match ?? {});
  const out: TermConversion[] = [];
  for (const m of occurrences) {
    const target = termTarget(source, m, text.slice(m.start, m.end), to, options.from);
    if (target !== undefined) out.push({ start: m.start, end: m.end, text: target });
  }
  const phrases = options.phrases !== false && options.from !== to ? phraseFixes(source, to) : NO_FIXES;
  return phrases.length ? withPhraseFixes(text, occurrences, out, phrases) : out;
}

/** A phrase OpenCC's regional phrase table writes with a glossary term in other words than the glossary's, and what to write instead. */
interface PhraseFix {
  /** The phrase as a text to convert has it: simplified, and traditional (the same when alike). */
  forms: readonly string[];
  text: string;
}
const NO_FIXES: readonly PhraseFix[] = [];
const PHRASE_FIXES = new WeakMap<TermSource, Map<ChineseScript, readonly PhraseFix[]>>();

/**
 * The phrases of OpenCC's Taiwan or Hong Kong phrase table whose output has a glossary term that the
 * glossary writes otherwise in that region (死机 → 宕機, where Taiwan says 當機; 网卡 → 網絡卡, where
 * Taiwan's network is 網路), each with that output written with the glossary's forms (當機, 網路卡).
 * A converted text has no glossary term of its own there (it would have been converted as a term),
 * so OpenCC made it: without this, a converted text would be told by `check` to change its words.
 * Made once per glossary and target from OpenCC's table (hundreds of phrases, a handful kept).
 */
function phraseFixes(source: TermSource, to: ChineseScript): readonly PhraseFix[] {
  if (to !== 'zh-TW' && to !== 'zh-HK') return NO_FIXES;
  let bySource = PHRASE_FIXES.get(source);
  if (!bySource) PHRASE_FIXES.set(source, (bySource = new Map()));
  let fixes = bySource.get(to);
  if (fixes) return fixes;
  const made: PhraseFix[] = [];
  for (const [phrase, written] of regionalPhrases(to === 'zh-TW' ? 'twp' : 'hkp')) {
    let text = '';
    let at = 0;
    for (const m of source.index.scan(written)) {
      const span = written.slice(m.start, m.end);
      const t = termTarget(source, m, span, to, to);
      if (t === undefined || t === span) continue;
      text += written.slice(at, m.start) + t;
      at = m.end;
    }
    if (at === 0) continue;
    text += written.slice(at);
    const simplified = convertLocale(phrase, 't', 'cn');
    made.push({ forms: simplified === phrase ? [phrase] : [simplified, phrase], text });
  }
  bySource.set(to, (fixes = made));
  return fixes;
}

/**
 * `terms` (in order) with the phrases of `fixes` found in `text` outside every glossary occurrence
 * added, each written as its fix says.
 */
function withPhraseFixes(
  text: string,
  occurrences: readonly Match[],
  terms: TermConversion[],
  fixes: readonly PhraseFix[],
): TermConversion[] {
  const found: TermConversion[] = [];
  for (const fix of fixes)
    for (const form of fix.forms)
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length))
        found.push({ start: at, end: at + form.length, text: fix.text });
  if (!found.length) return terms;
  found.sort((a, b) => a.start - b.start);
  // those that overlap no glossary occurrence (nor an earlier phrase)
  const kept: TermConversion[] = [];
  let k = 0;
  let end = 0;
  for (const f of found) {
    while (k < occurrences.length && occurrences[k]!.end <= f.start) k++;
    if (f.start < end || (k < occurrences.length && occurrences[k]!.start < f.end)) continue;
    kept.push(f);
    end = f.end;
  }
  if (!kept.length) return terms;
  const out: TermConversion[] = [];
  let i = 0;
  for (const f of kept) {
    while (i < terms.length && terms[i]!.start < f.start) out.push(terms[i++]!);
    out.push(f);
  }
  while (i < terms.length) out.push(terms[i++]!);
  return out;
}

/**
 * `text` converted to script `to`: the glossary's terms (bundled and user, as `source` holds them)
 * become the glossary's form in `to`, the rest goes through OpenCC (see `convertPlain`).
 */
export function convertText(text: string, to: ChineseScript, source: TermSource | undefined, options: ConvertOptions = {}): string {
  const keep = options.keep ?? [];
  const found = termConversions(text, to, source, options);
  // the kept ranges stay as written, like a term whose target is itself (a term inside one is not converted)
  const terms = keep.length
    ? [
        ...found.filter((t) => !overlapsAny(keep, t.start, t.end)),
        ...keep.map((k) => ({ start: k.start, end: k.end, text: text.slice(k.start, k.end) })),
      ].sort((a, b) => a.start - b.start)
    : found;
  if (!terms.length) return convertPlain(text, to, options);
  const marker = markerFor(text);
  if (marker !== undefined) {
    let cut = '';
    let at = 0;
    for (const t of terms) {
      cut += text.slice(at, t.start) + marker;
      at = t.end;
    }
    cut += text.slice(at);
    const pieces = convertPlain(cut, to, options).split(marker);
    if (pieces.length === terms.length + 1) {
      let out = pieces[0]!;
      for (let k = 0; k < terms.length; k++) out += terms[k]!.text + pieces[k + 1]!;
      return out;
    }
  }
  // no free marker (a text using the whole private-use area), or OpenCC moved one: piece by piece
  let out = '';
  let at = 0;
  for (const t of terms) {
    out += convertPlain(text.slice(at, t.start), to, options) + t.text;
    at = t.end;
  }
  return out + convertPlain(text.slice(at), to, options);
}

/**
 * A whole document converted to `to` (`convertText`), with its variant directive (a comment or a
 * Markdown front-matter key) naming `to` instead of the variant it was written in, so that the
 * converted document is not then checked as its old variant, and its code, URLs and link
 * destinations as they were. `markdown`: the document is Markdown (fenced and indented code blocks and link
 * destinations are kept too; a directive inside a fenced code block is an example, left as it is);
 * `find`: the document's kept searches (TextAnchors), if the caller has them.
 */
export function convertDocument(
  text: string,
  to: ChineseScript,
  source: TermSource | undefined,
  options: ConvertOptions & { markdown?: boolean; find?: Find } = {},
): string {
  // code spans, fenced code, URLs and link destinations stay as written, as term QA skips them (a
  // converted link to /软件/ would lead nowhere); a Markdown front matter is text to convert
  const keep = skippedRanges(text, options.markdown === true, options.find, false);
  const converted = convertText(text, to, source, { ...options, keep });
  const directive = variantDirective(text, options.find, options.markdown);
  return directive ? retargetDirective(text, converted, directive, to) : converted;
}
