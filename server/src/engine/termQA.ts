/**
 * Term QA: what is wrong with the glossary terms of a text, rule by rule, with the replacements
 * to offer. Pure (occurrences and text in, findings out); the features layer turns findings into
 * LSP diagnostics and code actions, the CLI into lines.
 *
 * Rules, in priority order (one finding per range: the first rule that applies names it, and the
 * replacements of every rule that applies are offered):
 * 1. `forbidden-term`    the term's status is forbidden;
 * 2. `deprecated-term`   deprecated or superseded;
 * 3. `regional-variant`  vocabulary of another region than the document's variant (軟件 in a
 *                        Taiwan document → 軟體; 數位 in a mainland one → 数字);
 * 4. `mixed-script`      simplified and traditional characters in one term (区塊鏈);
 * 5. `script-mismatch`   a term in the other script than the document's;
 * 6. `inconsistent-term` one concept written with two different terms in one document (checked
 *                        over the whole document, for terms no other rule flagged).
 */
import { aliasIn, conceptAt, convertText, formIn, type TermSource } from './convertText';
import { firstEndingAfter, firstStartingAtOrAfter } from './documentIndex';
import type { ChineseScript, GlossaryEntry, Term } from './entry';
import { latinHanJoined } from './entryKeys';
import type { Match } from './matcher';
import type { Rule } from './rules';
import { normalizeKey } from './normalize';
import { type SpanScript, spanScript } from './script';
import { currentIn, regionOf, termFor, termsOf } from './terms';
import { type Text, flat } from './text';
import { containsHan } from './unicode';

export type { Rule } from './rules';

export interface Finding {
  /** Source UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
  rule: Rule;
  /**
   * What the message says, as data: the features layer words it in the reader's language. Shared
   * (read-only) by the findings of every occurrence written alike, whose `term` and `english` are
   * the same too, so a message can be cached per detail.
   */
  detail: FindingDetail;
  /** The term as written. */
  term: string;
  /** The concept's id. */
  entry: string;
  /** The concept's (first) English term, named in the message; '' when it has none. */
  english: string;
  /** Replacements to offer, best first (may be empty: a deprecated concept with nothing to use instead). */
  suggestions: string[];
}

/** Why a finding's rule applies, per rule: what its message names (the first rule's own fixes, not every rule's). */
export type FindingDetail =
  | {
      rule: 'forbidden-term' | 'deprecated-term';
      status: 'forbidden' | 'deprecated' | 'superseded';
      /** What to use instead (may be empty). */
      instead: readonly string[];
      /**
       * The term's usage note from the glossary, if any (glossary text, in its own language; a
       * Chinese note in the document's script, as converting the document writes it).
       */
      usage?: string;
    }
  | {
      rule: 'regional-variant';
      /** The regions (`cn`, `tw`, `hk`, `sg`) the written term belongs to; empty: it is just not the target's term. */
      regions: readonly string[];
      /** The document's variant (never plain `zh-Hant`: it has no region). */
      target: ChineseScript;
      want: string;
    }
  | { rule: 'mixed-script'; fixes: readonly string[] }
  | { rule: 'script-mismatch'; written: 'simplified' | 'traditional'; document: 'simplified' | 'traditional'; fix: string }
  | {
      rule: 'inconsistent-term';
      /** The other terms of the concept used in the document. */
      others: readonly string[];
      preferred: string;
    };

/** What the rules need to know about the document. */
export interface QAContext {
  source: TermSource;
  /** The document's variant, set or detected; undefined when auto-detection declined. */
  script: ChineseScript | undefined;
  /** Rules switched off (severity `off`): the next rule that applies names the finding. */
  off?: ReadonlySet<Rule>;
}

/**
 * A written term as two ways of writing it are compared: folded as the matcher folds (script,
 * width, case), and without the spaces Chinese typesetting puts between Latin and Han characters
 * or leaves out (ESG 投资 and ESG投资 are one term written alike, in any region).
 */
function comparable(text: string): string {
  return latinHanJoined(normalizeKey(text));
}

/** The script to write a replacement in: the document's, else the term's own. */
function writeIn(ctx: QAContext, written: string): ChineseScript {
  if (ctx.script) return ctx.script;
  return spanScript(written) === 'traditional' ? 'zh-Hant' : 'zh-Hans';
}

/**
 * A Chinese term (any text) of the concept at `index` in a script: the concept's form when it is one
 * of its headword forms; else (an alias or variant) as the convert commands write it, the glossary's
 * terms inside it in their forms and the rest by its characters, so that a quick fix and a conversion
 * of the document agree (网络借贷 → 網路借貸 in a Taiwan text: 網路 is the glossary's Taiwan form).
 */
function termInScript(ctx: QAContext, index: number, text: string, script: ChineseScript): string {
  const entry = ctx.source.entries[index]!;
  const key = normalizeKey(text);
  for (const t of termsOf(entry)) {
    if (t.lang === 'zh' && t.role === 'headword' && normalizeKey(t.text) === key) return formIn(entry, script);
  }
  return aliasIn(ctx.source, text, script, undefined, [index]);
}

/**
 * The script a written span of `entry` is in: by its characters, except that a headword form of the
 * concept whose characters look mixed is in the scripts the glossary writes it in (信用风险显著增加
 * is simplified and 最後一公里 traditional: 著 and 後 are traditional-only characters and 里 a
 * simplified-only one by OpenCC's tables, but both scripts write them in some words).
 */
function scriptOfWritten(entry: GlossaryEntry, written: string): SpanScript {
  // the characters decide unless they look mixed (平台 is the simplified headword, and Hong Kong's
  // spelling too: 台 is neither script's own)
  const chars = spanScript(written);
  if (chars !== 'mixed') return chars;
  const hans = written === entry.zhHans;
  const hant = written === entry.zhHant || written === entry.zhTw || written === entry.zhHk;
  if (hans !== hant) return hans ? 'simplified' : 'traditional';
  return hans ? 'neither' : chars;
}

/** The term of `entry` the written span is: one written exactly so (a listed 云計算), else the matcher's form. */
function writtenTerm(entry: GlossaryEntry, form: string, written: string): Term | undefined {
  return termFor(entry, written) ?? (form === written ? undefined : termFor(entry, form));
}

/** What to use instead of a deprecated/superseded/forbidden term of `entry`, in `script`. */
function replacementsFor(ctx: QAContext, index: number, term: Term, script: ChineseScript): string[] {
  const entry = ctx.source.entries[index]!;
  if (term.replacedBy) {
    const by = termFor(entry, term.replacedBy);
    if (by?.lang === 'zh') return [termInScript(ctx, index, term.replacedBy, script)];
    return [term.replacedBy];
  }
  // a deprecated concept: the concept that replaces it
  if (entry.status === 'deprecated') {
    const next = entry.replacedBy ? ctx.source.entries.find((e) => e.id === entry.replacedBy) : undefined;
    if (!next) return [];
    return [term.lang === 'zh' ? formIn(next, script) : (next.en[0] ?? formIn(next, script))];
  }
  return [term.lang === 'zh' ? formIn(entry, script) : (entry.en[0] ?? formIn(entry, script))].filter((s) => s && s !== term.text);
}

/**
 * Is `term` a former name of a company or body (a superseded term of a proper-noun concept:
 * 螞蟻金服 for 螞蟻集團, CPSS for CPMI)? Such a name is right for its time, like a defunct body's
 * (`historical`): a sentence about then writes it, so term QA neither calls it superseded nor
 * counts it against the current name; the card still says what it became.
 */
function formerName(entry: GlossaryEntry, term: Term): boolean {
  return term.status === 'superseded' && entry.pos === 'properNoun';
}

/**
 * A glossary note in the document's script: the glossary writes its Chinese notes in simplified
 * characters (2020年更名前的名称), which a traditional document's message quotes as converting the
 * document would write them (名稱); a note without Chinese is as written.
 */
function noteIn(ctx: QAContext, note: string, script: ChineseScript): string {
  return script === 'zh-Hans' || !containsHan(note) ? note : convertText(note, script, ctx.source);
}

/** The regions a written Chinese term belongs to: its `geo`, else those of its headword scripts (none for plain traditional); made once per term. */
const REGIONS = new WeakMap<Term, readonly string[]>();
function regionsOf(term: Term): readonly string[] {
  if (term.geo?.length) return term.geo;
  let out = REGIONS.get(term);
  if (!out) {
    const made: string[] = [];
    for (const s of term.scripts ?? []) {
      const g = regionOf(s);
      if (g) made.push(g);
    }
    REGIONS.set(term, (out = made));
  }
  return out;
}

/** `fixes` added to the suggestions (made when the first is added), except the written text and repeats. */
function suggest(suggestions: string[] | undefined, fixes: readonly string[], written: string): string[] {
  const out = suggestions ?? [];
  for (const s of fixes) if (s && s !== written && !out.includes(s)) out.push(s);
  return out;
}

/**
 * The finding for one occurrence (the per-occurrence rules 1–5), or undefined when the term is
 * fine. Occurrences matching several concepts are judged only when every concept agrees there is
 * something wrong, and by the first.
 */
export function checkOccurrence(ctx: QAContext, m: Match, text: string): Finding | undefined {
  const parts = judgeWritten(ctx, m, text.slice(m.start, m.end));
  return parts && { start: m.start, end: m.end, ...parts };
}

/** A finding without its place: what every occurrence of a concept written the same way shares. */
type Verdict = Omit<Finding, 'start' | 'end'>;

/**
 * Rules 1–5 for an occurrence of `m`'s concept written `written` (they depend on nothing else);
 * `known`: the written term, when the caller has looked it up already.
 */
function judgeWritten(ctx: QAContext, m: Match, written: string, known?: Term | null): Verdict | undefined {
  const index = conceptAt(ctx.source, m);
  if (index === undefined) return undefined;
  const entry = ctx.source.entries[index];
  if (!entry) return undefined;
  const term = known === undefined ? writtenTerm(entry, m.forms[0]!, written) : known;
  if (!term) return undefined;
  const script = writeIn(ctx, written);
  const off = ctx.off;
  // a rule applies: the first one not switched off names the finding; all offer their fixes
  let detail: FindingDetail | undefined;
  let suggestions: string[] | undefined;

  // 1, 2: status (a former name of a body is right for its time: see formerName)
  if (term.status === 'forbidden' || term.status === 'deprecated' || (term.status === 'superseded' && !formerName(entry, term))) {
    const status = term.status;
    const instead = replacementsFor(ctx, index, term, script);
    const rule = status === 'forbidden' ? 'forbidden-term' : 'deprecated-term';
    if (!off?.has(rule)) {
      detail ??= { rule, status, instead, ...(term.usage ? { usage: noteIn(ctx, term.usage, script) } : {}) };
      suggestions = suggest(suggestions, instead, written);
    }
  }
  if (term.lang === 'zh') {
    // 3: regional vocabulary, against a regional variant (a plain traditional document has no region)
    if (ctx.script && ctx.script !== 'zh-Hant' && (term.role === 'headword' || term.geo?.length) && !off?.has('regional-variant')) {
      const target = ctx.script;
      const want = formIn(entry, target);
      // (most terms are written as the target writes them: nothing more to look at)
      if (want && want !== written) {
        const regions = regionsOf(term);
        const otherRegion = regions.length > 0 && !regions.includes(regionOf(target)!);
        // a Taiwan or Hong Kong form counts as that region's word only as the region writes it: 并行
        // (parallel) in a simplified text is not Taiwan's 並行 (concurrency)
        const regionalOnly = !!term.scripts?.length && !term.scripts.includes('zh-Hans') && !term.scripts.includes('zh-Hant');
        const asWritten = !regionalOnly || written === term.text;
        // a term the glossary says is current in the target's region too is that region's word as well
        const flagged = asWritten && (otherRegion || term.role === 'headword') && !currentIn(term, target);
        if (flagged && comparable(want) !== comparable(written)) {
          detail ??= { rule: 'regional-variant', regions: otherRegion ? regions : [], target, want };
          suggestions = suggest(suggestions, [want], written);
        }
      }
    } else if ((ctx.script === 'zh-TW' || ctx.script === 'zh-HK') && !off?.has('regional-variant')) {
      // another term of the concept (an alias such as 網絡借貸) in a Taiwan or Hong Kong document:
      // the region's vocabulary as converting the document writes it, which takes only what the
      // glossary says (its terms inside the alias: 網絡 is Taiwan's 網路), never OpenCC's phrase
      // tables; a change of characters alone is for rules 4 and 5
      const want = termInScript(ctx, index, written, ctx.script);
      if (want && want !== written && comparable(want) !== comparable(written)) {
        detail ??= { rule: 'regional-variant', regions: [], target: ctx.script, want };
        suggestions = suggest(suggestions, [want], written);
      }
    }
    // 4, 5: script. An alias's fix is the glossary's alias as converting writes it, not the written
    // text converted again as if simplified (風險團伙 is 风险团伙 in traditional script, as OpenCC
    // writes it; read as simplified, its 伙 would become 夥)
    const basis = term.role === 'headword' ? written : term.text;
    let spans = scriptOfWritten(entry, written);
    if (spans === 'mixed' && basis !== written) {
      // an alias whose characters look mixed is in the script converting writes it in
      const hans = termInScript(ctx, index, basis, 'zh-Hans') === written;
      const hant = termInScript(ctx, index, basis, 'zh-Hant') === written;
      if (hans !== hant) spans = hans ? 'simplified' : 'traditional';
    }
    if (spans === 'mixed') {
      const fixes = ctx.script
        ? [termInScript(ctx, index, basis, ctx.script)]
        : [termInScript(ctx, index, basis, 'zh-Hans'), termInScript(ctx, index, basis, 'zh-Hant')];
      // written as the glossary writes the term in a script (the document's, if it has one): not mixed
      if (!off?.has('mixed-script') && !fixes.includes(written)) {
        detail ??= { rule: 'mixed-script', fixes };
        suggestions = suggest(suggestions, fixes, written);
      }
    } else if (
      ctx.script &&
      (spans === 'simplified' || spans === 'traditional') &&
      (spans === 'simplified') !== (ctx.script === 'zh-Hans') &&
      !off?.has('script-mismatch')
    ) {
      const fix = termInScript(ctx, index, basis, ctx.script);
      const document = ctx.script === 'zh-Hans' ? 'simplified' : 'traditional';
      if (fix !== written) {
        detail ??= { rule: 'script-mismatch', written: spans, document, fix };
        suggestions = suggest(suggestions, [fix], written);
      }
    }
  }
  if (!detail) return undefined;
  return {
    rule: detail.rule,
    detail,
    term: written,
    entry: entry.id,
    english: entry.en[0] ?? '',
    suggestions: suggestions ?? [],
  };
}

/**
 * How every occurrence of one concept written one way is judged (the rules depend on nothing else
 * in the document, except `inconsistent-term`, which depends on the concept's group).
 */
interface Judged {
  /** Its place in the document's list of judgements (from 1). */
  id: number;
  /** Rules 1–5: the finding's shared parts, or null. */
  verdict: Verdict | null;
  /** The concept's index. */
  entry: number;
  /** For `inconsistent-term`: the concept's group (none if this is not a Chinese term), and which term this is ('' for the headword in any script). */
  group: Group | undefined;
  term: string;
  written: string;
  /** The `inconsistent-term` parts made for the group's terms `signature` (re-made when they change). */
  inconsistent: { signature: string; verdict: Verdict } | undefined;
  /** The next way this document writes the concept (a list per concept: no array to make). */
  next: Judged | undefined;
}

/**
 * The Chinese terms one concept is written with in the document, counted over the occurrences that
 * no other rule flagged (outside skipped ranges), in order of first use: `terms[k]` is used
 * `counts[k]` times, first by the occurrence `firsts[k]` (undefined for a moment when that one went
 * and the next is to be found).
 */
interface Group {
  terms: string[];
  counts: number[];
  firsts: (Match | undefined)[];
  /** The terms joined when there are two or more ('' otherwise): what `inconsistent-term` findings are made for. */
  signature: string;
  /** The check in which its terms last changed (see Changes). */
  changedIn: number;
}

/** The groups whose terms changed in check number `stamp`. */
interface Changes {
  stamp: number;
  groups: Group[];
}

function changed(g: Group, changes: Changes): void {
  if (g.changedIn === changes.stamp) return;
  g.changedIn = changes.stamp;
  changes.groups.push(g);
}

/** Options of a whole-document check. */
export interface CheckOptions {
  /** Ranges where nothing is reported (skippedRanges: code, URLs), sorted and merged. */
  skipped?: readonly { start: number; end: number }[];
  /** Ranges the disable directives switch off (all rules or the listed ones). */
  disabled?: readonly { start: number; end: number; rules?: Set<string> }[];
  /**
   * The occurrences are a list made for this check alone (a scan of the text that nothing else
   * keeps or changes): the checker keeps it rather than a copy. A DocumentIndex's list is not: it
   * changes in place on the next edit.
   */
  fresh?: boolean;
}

type Range = { start: number; end: number };
const NO_RANGES: readonly Range[] = [];

/** Rules 1–5 for a concept written one way, and which of its terms that is: the same in any document. */
interface Judgement {
  /** The text of the way of writing it judges. */
  written: string;
  verdict: Verdict | null;
  /**
   * Which term it is, for `inconsistent-term` ('' for the headword in any script, or no term; and
   * where it does not count: not grouped, or flagged by rules 1–5).
   */
  term: string;
  /** Whether its occurrences are counted for `inconsistent-term`: a Chinese term of a concept that has Chinese terms besides its headword. */
  grouped: boolean;
  /** The next way the concept has been judged written (a list per concept: no array to make). */
  next: Judgement | undefined;
}

/**
 * Which term of its concept a written term counts as for `inconsistent-term`: '' for the headword
 * in any script, and also for an alias that is the headword spaced otherwise (AI 芯片 for AI芯片) or
 * that contains a headword form or is contained in one. Such an alias says more or less than the
 * headword (区块链技术, 金融电子化杂志社 for 金融电子化; 插件 for 大模型插件, 授信 for 授信额度), so
 * writing both is no inconsistency and the headword is no fix for it. So is a short form made of
 * the other's characters in their order, two or more of them: an abbreviation and its full name
 * (风控 for 风险控制, 农行 for 农业银行, 农商行 for 农村商业银行), which Chinese writing gives one after
 * the other (of the headword in the document's variant, when it has one). So is a product's name
 * (a proper-noun term of a concept that is no proper noun), and a body's former name. Any other
 * term: its text.
 */
function groupTerm(entry: GlossaryEntry | undefined, t: Term | undefined, script: ChineseScript | undefined): string {
  if (!t || t.role === 'headword') return '';
  // a body's former name (螞蟻金服 in a sentence about 2013, 螞蟻集團 in one about today)
  if (entry && formerName(entry, t)) return '';
  if (!entry || t.lang !== 'zh') return t.text;
  // a product's name listed under the concept it sells (资金e监管 under 资金监管) is no other way of
  // writing the concept: the headword is no fix for it
  if (t.pos === 'properNoun' && entry.pos !== 'properNoun') return '';
  const key = comparable(t.text);
  for (const h of termsOf(entry)) {
    if (h.lang !== 'zh' || h.role !== 'headword') continue;
    const head = comparable(h.text);
    if (head && (key.includes(head) || head.includes(key))) return '';
  }
  // an abbreviation of the headword as the document's variant writes it (純網銀, Taiwan's short name,
  // is no abbreviation of Hong Kong's 虛擬銀行)
  const heads = script ? [formIn(entry, script)] : [entry.zhHans, entry.zhHant, entry.zhTw, entry.zhHk];
  for (const h of heads) {
    const head = h ? comparable(h) : '';
    if (head && (abbreviates(key, head) || abbreviates(head, key))) return '';
  }
  return t.text;
}

/**
 * Is `short` (two or more units) made of characters of `long` in their order (风控 of 风险控制), two or
 * more fewer? One character more or less is a variant of the term, not its abbreviation (逆选择 and
 * 逆向选择, 金融业 and 金融行业 are two ways of writing one term: an inconsistency).
 */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 2 || short.length > long.length - 2) return false;
  let at = 0;
  for (let i = 0; i < short.length; i++) {
    at = long.indexOf(short[i]!, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * How many judgements the checkers of one glossary and context share at most (then the store starts
 * afresh; each checker keeps its own): a setting only tests change, to see a store start afresh.
 */
export const qaLimits = { sharedJudgements: 1 << 16 };

/**
 * How many ways of writing one concept a list keeps, compared in place one by one (most concepts
 * are written one to three ways); the rest, in a text that writes a term in many cases or widths,
 * are found by their text.
 */
const WAYS_IN_LIST = 8;

/**
 * The judgements of every document checked against one glossary in one context (variant, rules
 * switched off): they depend on nothing else, so a server checking many documents, or the CLI many
 * files, judges each way of writing a concept once. A glossary is never changed once made (a
 * changed termbase makes a new one), so the judgements live as long as it does.
 */
class Judgements {
  private static readonly all = new WeakMap<TermSource, Map<string, Judgements>>();

  static for(ctx: QAContext): Judgements {
    let bySource = Judgements.all.get(ctx.source);
    if (!bySource) Judgements.all.set(ctx.source, (bySource = new Map()));
    const key = `${ctx.script ?? ''}|${ctx.off ? [...ctx.off].sort().join(',') : ''}`;
    let made = bySource.get(key);
    if (!made) bySource.set(key, (made = new Judgements(ctx.source.entries.length)));
    return made;
  }

  /**
   * Per concept (by its index), the first of the ways it has been judged written (linked by
   * `next`), compared with the text in place (no slice, no string hashing); past WAYS_IN_LIST, by
   * concept and text in `more`.
   */
  private byEntry: (Judgement | undefined)[];
  private more = new Map<string, Judgement>();
  private size = 0;

  constructor(private readonly entries: number) {
    // as long as the glossary from the start: filled at random places, a list grown by writes far
    // past its end would become a slow sparse one
    this.byEntry = new Array(entries);
  }

  /** The judgement of occurrence `m` of concept `entry`, as `text` writes it. */
  of(ctx: QAContext, m: Match, entry: number, text: Text): Judgement {
    let ways = 0;
    for (let j = this.byEntry[entry]; j; j = j.next, ways++) if (writtenAt(text, m, j.written)) return j;
    if (ways === WAYS_IN_LIST) {
      const j = this.more.get(`${entry}\u0000${text.slice(m.start, m.end)}`);
      if (j) return j;
    }
    // a bound for a server that runs for weeks: kept judgements are only a saving
    if (this.size >= qaLimits.sharedJudgements) {
      this.byEntry = new Array(this.entries);
      this.more = new Map();
      this.size = 0;
      ways = 0;
    }
    // written as the glossary writes the form that matched (most are): that string, not a new one
    const form = m.forms[0]!;
    const written = writtenAt(text, m, form) ? form : text.slice(m.start, m.end);
    const e = ctx.source.entries[entry];
    const t = e && writtenTerm(e, form, written);
    // a concept whose only Chinese term is its headword (in any script) is never written two ways:
    // its occurrences are not counted at all
    const grouped = t?.lang === 'zh' && termsOf(e!).some((x) => x.lang === 'zh' && x.role !== 'headword');
    const verdict = judgeWritten(ctx, m, written, t ?? null) ?? null;
    // which term it is matters only for the occurrences `inconsistent-term` counts
    const term = grouped && !verdict ? groupTerm(e, t, ctx.script) : '';
    const j: Judgement = { written, verdict, term, grouped, next: undefined };
    this.size++;
    if (ways < WAYS_IN_LIST) {
      j.next = this.byEntry[entry];
      this.byEntry[entry] = j;
    } else this.more.set(`${entry}\u0000${written}`, j);
    return j;
  }
}

/**
 * Term QA over a document. Rules 1–5 are a function of the concept and how it is written, so the
 * checker judges each way of writing a concept once and keeps the judgement (a long document has a
 * few thousand such pairs in tens of thousands of occurrences); `inconsistent-term` is re-made only
 * for the concepts whose set of terms changed.
 *
 * Across checks of one document the checker keeps, per occurrence, its judgement and its finding,
 * and per concept how often each of its terms is used. The occurrences a DocumentIndex keeps across
 * an edit are the same objects (shifted in place), so a check after a keystroke finds the kept ones
 * at both ends of the list by identity and looks again only at the ones in between (the rescanned
 * region), plus those whose skipped status may have changed (where the skipped ranges differ from
 * the last check's); the concepts whose terms changed get their `inconsistent-term` findings re-made
 * all over the document. A finding is valid until the next check: that check moves it with the text.
 * Make a new checker when the context (glossary, variant, rules switched off) changes.
 */
export class DocumentChecker {
  /**
   * Per concept (by its index), the first of this document's judgements of the ways it is written
   * (linked by `next`), the last one used first (most occurrences of a concept are written as its
   * last one was: 区块链, blockchain), compared in place; past WAYS_IN_LIST, by the shared judgement
   * in `more`.
   */
  private readonly byEntry: (Judged | undefined)[];
  private readonly more = new Map<Judgement, Judged>();
  /** The judgements every checker of this glossary and context shares. */
  private readonly shared: Judgements;
  /** Each concept's group (by its index), made when a Chinese term of it that is counted is first judged. */
  private readonly groups: (Group | undefined)[];
  /** Counts the checks (for Changes). */
  private stamp = 0;
  /**
   * The last check's occurrences (a copy of the list, or the list itself when it was made for the
   * check), each one's judgement (its id in `judgedList`; 0 where skipped or none) and the findings
   * by occurrence. A long document has tens of thousands of occurrences and a thousand findings:
   * the judgements are a typed list and the findings a map, as an ordinary list that long is a large
   * object for V8, which costs about 1 ms to allocate on these machines (a typed one, 0.03 ms).
   */
  private occs: Match[] = [];
  private judgedAt: Int32Array = new Int32Array(0);
  private readonly foundAt = new Map<Match, Finding>();
  /** This document's judgements by id (from 1). */
  private readonly judgedList: Judged[] = [undefined as unknown as Judged];
  /** The last check's skipped ranges and text length (to see where the skipped ranges changed). */
  private skippedLast: readonly Range[] = NO_RANGES;
  private disabledLast: readonly Range[] = NO_RANGES;
  private textLength = 0;
  /** The last check's findings in document order, directives not applied (at that check's offsets until the next). */
  private readonly results: Finding[] = [];

  constructor(readonly ctx: QAContext) {
    // as long as the glossary from the start: filled at random places, a list grown by writes far
    // past its end would become a slow sparse one
    this.byEntry = new Array(ctx.source.entries.length);
    this.groups = new Array(ctx.source.entries.length);
    this.shared = Judgements.for(ctx);
  }

  private judge(m: Match, text: Text): Judged | undefined {
    // a term of several concepts is judged only when they are one (a user's entry and the bundled
    // concept it leads: by the user's); homonyms have no single answer
    const entry = m.entries.length === 1 ? m.entries[0]! : conceptAt(this.ctx.source, m);
    if (entry === undefined) return undefined;
    const first = this.byEntry[entry];
    let ways = 0;
    if (first) {
      if (writtenAt(text, m, first.written)) return first;
      ways = 1;
      for (let before = first, j = first.next; j; before = j, j = j.next, ways++) {
        if (!writtenAt(text, m, j.written)) continue;
        before.next = j.next;
        j.next = first;
        this.byEntry[entry] = j;
        return j;
      }
    }
    const shared = this.shared.of(this.ctx, m, entry, text);
    if (ways === WAYS_IN_LIST) {
      const j = this.more.get(shared);
      if (j) return j;
    }
    const group = shared.grouped ? (this.groups[entry] ??= { terms: [], counts: [], firsts: [], signature: '', changedIn: 0 }) : undefined;
    const j: Judged = {
      id: this.judgedList.length,
      verdict: shared.verdict,
      entry,
      group,
      term: shared.term,
      written: shared.written,
      inconsistent: undefined,
      next: undefined,
    };
    this.judgedList.push(j);
    if (ways < WAYS_IN_LIST) {
      j.next = first;
      this.byEntry[entry] = j;
    } else this.more.set(shared, j);
    return j;
  }

  /**
   * How the list the last check returned relates to the one before (for the diagnostics made from
   * it): its first `before` findings are the previous list's first, at the same offsets (the text
   * before them unchanged); its last `after` are the previous list's last, each moved by `delta`
   * (the text between the edit and them unchanged).
   */
  kept = { before: 0, after: 0, delta: 0 };

  check(occurrences: readonly Match[], text: Text, options: CheckOptions = {}): Finding[] {
    const { skipped = NO_RANGES, disabled = NO_RANGES } = options;
    const inconsistent = !this.ctx.off?.has('inconsistent-term');
    const n = occurrences.length;
    const results = this.results;
    const judgedList = this.judgedList;
    const foundAt = this.foundAt;
    const last = { occs: this.occs, judgedAt: this.judgedAt };
    const pn = last.occs.length;
    const delta = text.length - this.textLength;
    // The occurrences of the last check that a DocumentIndex kept across the edit are the same
    // objects (before the rescanned region, and shifted in place after it)...
    let head = 0;
    while (head < n && head < pn && occurrences[head] === last.occs[head]) head++;
    let tail = 0;
    while (tail < n - head && tail < pn - head && occurrences[n - 1 - tail] === last.occs[pn - 1 - tail]) tail++;
    // ...and keep their judgement and finding, unless the skipped ranges around them changed
    if (this.skippedLast.length || skipped.length) {
      const changed = changedRegion(this.skippedLast, skipped, delta);
      head = Math.min(head, firstEndingAfter(occurrences, changed.from));
      tail = Math.min(tail, n - head, n - firstStartingAtOrAfter(occurrences, changed.to));
    }
    this.skippedLast = skipped;
    this.textLength = text.length;
    // the last results (at the last check's offsets) of the occurrences kept before and after
    const resultsBefore = head === 0 ? 0 : firstStartingAtOrAfter(results, last.occs[head - 1]!.end);
    const resultsAfter = tail === 0 ? 0 : results.length - firstStartingAtOrAfter(results, last.occs[pn - tail]!.start - delta);

    // forget what the occurrences checked again contributed (a re-checked one keeps its finding object)
    const changedGroups: Changes = { stamp: ++this.stamp, groups: [] };
    let reuse: Map<Match, Finding> | undefined;
    for (let i = head; i < pn - tail; i++) {
      const o = last.occs[i]!;
      const f = foundAt.get(o);
      if (f) {
        (reuse ??= new Map()).set(o, f);
        foundAt.delete(o);
      }
      const j = judgedList[last.judgedAt[i]!];
      if (inconsistent && j?.group && !j.verdict) uncount(j.group, j.term, o, changedGroups);
    }
    const added = n - tail - head;
    const occs = (this.occs =
      pn === 0 ? (options.fresh ? (occurrences as Match[]) : occurrences.slice()) : resize(this.occs, head, pn - tail - head, added));
    const judgedAt = (this.judgedAt = resizeIds(this.judgedAt, head, pn - tail - head, added));
    // the findings of the occurrences in between, in order (verdicts as found, then `inconsistent-term` merged in)
    const foundIn: number[] = [];

    // check the occurrences in between (all of them: then every first use is made in this pass, in
    // document order, and a later use need not be compared with it)
    const inOrder = head === 0 && tail === 0;
    // the terms are read as written: from one string when thousands are (a PieceText's whole text,
    // made once per version), else from the pieces (a keystroke's rescanned region)
    const src = n - tail - head > 4096 ? flat(text) : text;
    const candidates: number[] = [];
    // the skipped ranges walked along with the occurrences: `r` is the first that ends after the last one's start
    let r = head < n - tail && skipped.length ? firstEndingAfter(skipped, occurrences[head]!.start) : skipped.length;
    for (let i = head; i < n - tail; i++) {
      const m = occurrences[i]!;
      occs[i] = m;
      judgedAt[i] = 0;
      if (r < skipped.length) {
        while (r < skipped.length && skipped[r]!.end <= m.start) r++;
        if (r < skipped.length && skipped[r]!.start < m.end) continue;
      }
      const j = this.judge(m, src);
      if (!j) continue;
      judgedAt[i] = j.id;
      if (j.verdict) {
        foundAt.set(m, placed(reuse?.get(m), m, j.verdict));
        foundIn.push(i);
      } else if (inconsistent && j.group) {
        count(j.group, j.term, m, changedGroups, inOrder);
        // an occurrence of a term other than the headword: `inconsistent-term` once its group is known
        if (j.term !== '') candidates.push(i);
      }
    }

    // concepts whose terms changed: the first uses found again, terms in order of first use
    let resigned: Set<Group> | undefined;
    for (const g of changedGroups.groups) {
      for (let k = 0; k < g.terms.length; k++) if (!g.firsts[k]) g.firsts[k] = this.firstAfter(n - tail, g, g.terms[k]!);
      sortByFirstUse(g);
      const signature = g.terms.length >= 2 ? g.terms.join('\u0000') : '';
      if (signature !== g.signature) {
        g.signature = signature;
        (resigned ??= new Set()).add(g);
      }
    }
    let inconsistentIn: number[] | undefined;
    for (const i of candidates) {
      const f = this.inconsistentAt(i, reuse?.get(occs[i]!));
      if (!f) continue;
      foundAt.set(occs[i]!, f);
      (inconsistentIn ??= []).push(i);
    }

    // their `inconsistent-term` findings everywhere else change too: then all results are made again
    let elsewhere = false;
    if (resigned && (head > 0 || tail > 0)) {
      for (let i = 0; i < n; i++) {
        if (i === head) i = n - tail;
        const j = judgedList[judgedAt[i]!];
        if (j?.group && !j.verdict && j.term !== '' && resigned.has(j.group)) {
          const f = this.inconsistentAt(i, foundAt.get(occs[i]!));
          if (f) foundAt.set(occs[i]!, f);
          else foundAt.delete(occs[i]!);
          elsewhere = true;
        }
      }
    }
    if (elsewhere) {
      results.length = 0;
      for (let i = 0; i < n; i++) {
        const f = foundAt.get(occs[i]!);
        if (!f) continue;
        f.start = occs[i]!.start;
        f.end = occs[i]!.end;
        results.push(f);
      }
      this.kept = { before: 0, after: 0, delta };
    } else {
      // the results of the occurrences in between replace the last ones; those after them move
      const between: Finding[] = [];
      const other = inconsistentIn ?? [];
      for (let a = 0, b = 0; a < foundIn.length || b < other.length; ) {
        const i = b >= other.length || (a < foundIn.length && foundIn[a]! < other[b]!) ? foundIn[a++]! : other[b++]!;
        between.push(foundAt.get(occs[i]!)!);
      }
      const removed = results.length - resultsAfter - resultsBefore;
      if (between.length < 10_000 && removed < 10_000) results.splice(resultsBefore, removed, ...between);
      else {
        const rest = results.slice(results.length - resultsAfter);
        results.length = resultsBefore;
        for (const f of between) results.push(f);
        for (const f of rest) results.push(f);
      }
      if (delta !== 0)
        for (let k = results.length - resultsAfter; k < results.length; k++) {
          results[k]!.start += delta;
          results[k]!.end += delta;
        }
      this.kept = { before: resultsBefore, after: resultsAfter, delta };
    }

    if (!disabled.length && !this.disabledLast.length) return results.slice();
    // findings switched off by directives are left out (what is kept is then worked out again)
    this.disabledLast = disabled;
    this.kept = { before: 0, after: 0, delta };
    return disabled.length ? results.filter((f) => !isDisabled(disabled, f)) : results.slice();
  }

  /** The first occurrence at or after index `from` that counts for term `term` of group `g`. */
  private firstAfter(from: number, g: Group, term: string): Match | undefined {
    const { judgedAt, occs, judgedList } = this;
    for (let i = from; i < occs.length; i++) {
      const j = judgedList[judgedAt[i]!];
      if (j && j.group === g && j.term === term && !j.verdict) return occs[i];
    }
    return undefined;
  }

  /** The `inconsistent-term` finding of candidate occurrence `i`, if its concept is written two ways. */
  private inconsistentAt(i: number, before: Finding | undefined): Finding | undefined {
    const j = this.judgedList[this.judgedAt[i]!]!;
    const g = j.group!;
    if (g.terms.length < 2) return undefined;
    const m = this.occs[i]!;
    if (j.inconsistent?.signature !== g.signature)
      j.inconsistent = { signature: g.signature, verdict: this.inconsistentVerdict(j, g.terms) };
    return placed(before, m, j.inconsistent.verdict);
  }

  /**
   * `inconsistent-term`: a concept written with two or more different Chinese terms in one document
   * (its headword in any script counts as one term; each alias as another). Every occurrence that is
   * not the headword is flagged, with the headword in the document's script to use throughout. The
   * other terms are named in that script too, as converting the document writes them (an alias is
   * counted by the glossary's text of it, 网络借贷, which a Taiwan document writes 網路借貸).
   */
  private inconsistentVerdict(j: Judged, terms: readonly string[]): Verdict {
    const index = j.entry;
    const entry = this.ctx.source.entries[index]!;
    const written = j.written;
    const script = writeIn(this.ctx, written);
    const preferred = formIn(entry, script);
    const others: string[] = [];
    for (const x of terms) {
      if (x === j.term) continue;
      const named = x === '' ? preferred : termInScript(this.ctx, index, x, script);
      if (!others.includes(named)) others.push(named);
    }
    return {
      rule: 'inconsistent-term',
      detail: { rule: 'inconsistent-term', others, preferred },
      term: written,
      entry: entry.id,
      english: entry.en[0] ?? '',
      suggestions: preferred && preferred !== written ? [preferred] : [],
    };
  }
}

/** Is `m` written `written` (compared in place)? */
function writtenAt(text: Text, m: Match, written: string): boolean {
  if (m.end - m.start !== written.length) return false;
  for (let q = 0; q < written.length; q++) if (text.charCodeAt(m.start + q) !== written.charCodeAt(q)) return false;
  return true;
}

/** One more use of `term` in its group, by occurrence `m`. */
function count(g: Group, term: string, m: Match, changes: Changes, inOrder: boolean): void {
  const k = g.terms[0] === term ? 0 : g.terms.indexOf(term);
  if (k < 0) {
    if (g.terms.length === 0) {
      // most groups only ever hold one term: lists made at that size (a first push makes room for 17)
      g.terms = [term];
      g.counts = [1];
      g.firsts = [m];
    } else {
      g.terms.push(term);
      g.counts.push(1);
      g.firsts.push(m);
    }
    changed(g, changes);
    return;
  }
  g.counts[k]!++;
  if (inOrder) return;
  const first = g.firsts[k];
  if (!first || m.start < first.start) {
    g.firsts[k] = m;
    changed(g, changes);
  }
}

/** One use of `term` fewer, occurrence `m` gone (or to be looked at again). */
function uncount(g: Group, term: string, m: Match, changes: Changes): void {
  const k = g.terms.indexOf(term);
  if (k < 0) return;
  if (--g.counts[k]! === 0) {
    g.terms.splice(k, 1);
    g.counts.splice(k, 1);
    g.firsts.splice(k, 1);
    changed(g, changes);
  } else if (g.firsts[k] === m) {
    // the next use is found after the check (the first one left is after this one)
    g.firsts[k] = undefined;
    changed(g, changes);
  }
}

/** Order a group's terms by their first use (a handful: insertion sort over the three lists). */
function sortByFirstUse(g: Group): void {
  const { terms, counts, firsts } = g;
  for (let a = 1; a < terms.length; a++) {
    const t = terms[a]!,
      c = counts[a]!,
      f = firsts[a]!;
    let b = a - 1;
    for (; b >= 0 && firsts[b]!.start > f.start; b--) {
      terms[b + 1] = terms[b]!;
      counts[b + 1] = counts[b]!;
      firsts[b + 1] = firsts[b];
    }
    terms[b + 1] = t;
    counts[b + 1] = c;
    firsts[b + 1] = f;
  }
}

/**
 * `list` with its `removed` items at `at` replaced by `added` empty slots: in place for a small
 * change, else a new list (never by growing `length`, which can turn a long list into a slow sparse one).
 */
function resize<T>(list: T[], at: number, removed: number, added: number): T[] {
  if (removed === added) return list;
  if (added - removed < 1000 && removed - added < 1000) {
    if (added > removed) list.splice(at, 0, ...(new Array(added - removed) as T[]));
    else list.splice(at, removed - added);
    return list;
  }
  const out = new Array<T>(list.length - removed + added);
  for (let k = 0; k < at; k++) out[k] = list[k]!;
  for (let k = at + removed; k < list.length; k++) out[k - removed + added] = list[k]!;
  return out;
}

/** `ids` with its `removed` items at `at` replaced by `added` zeros. */
function resizeIds(ids: Int32Array, at: number, removed: number, added: number): Int32Array {
  if (removed === added) return ids;
  const out = new Int32Array(ids.length - removed + added);
  out.set(ids.subarray(0, at));
  out.set(ids.subarray(at + removed), at + added);
  return out;
}

/**
 * Where two lists of skipped ranges (sorted, merged) may give an occurrence another skipped status:
 * an occurrence ending at or before `from` overlaps only ranges that are the same in both lists (the
 * same offsets), one starting at or after `to` only ranges that are the same but moved by `delta` (the
 * old list's ranges after the edit). `from` is +Infinity and `to` -Infinity when nothing differs.
 */
function changedRegion(before: readonly Range[], now: readonly Range[], delta: number): { from: number; to: number } {
  const bn = before.length,
    nn = now.length;
  let h = 0;
  while (h < bn && h < nn && before[h]!.start === now[h]!.start && before[h]!.end === now[h]!.end) h++;
  let t = 0;
  while (
    t < bn &&
    t < nn &&
    before[bn - 1 - t]!.start + delta === now[nn - 1 - t]!.start &&
    before[bn - 1 - t]!.end + delta === now[nn - 1 - t]!.end
  )
    t++;
  const from = Math.min(h < bn ? before[h]!.start : Number.POSITIVE_INFINITY, h < nn ? now[h]!.start : Number.POSITIVE_INFINITY);
  const to = Math.max(
    t < bn ? before[bn - 1 - t]!.end + delta : Number.NEGATIVE_INFINITY,
    t < nn ? now[nn - 1 - t]!.end : Number.NEGATIVE_INFINITY,
  );
  return { from, to };
}

/** The last check's finding at an occurrence kept across an edit, moved with it; else a new one. */
function placed(before: Finding | undefined, m: Match, v: Verdict): Finding {
  if (!before || before.detail !== v.detail) return place(m, v);
  before.start = m.start;
  before.end = m.end;
  return before;
}

/** A verdict at an occurrence (its parts shared with every occurrence written alike: read-only). */
function place(m: Match, v: Verdict): Finding {
  return {
    start: m.start,
    end: m.end,
    rule: v.rule,
    detail: v.detail,
    term: v.term,
    entry: v.entry,
    english: v.english,
    suggestions: v.suggestions,
  };
}

function isDisabled(disabled: readonly { start: number; end: number; rules?: Set<string> }[], f: Finding): boolean {
  for (const d of disabled) {
    if (d.start >= f.end) break;
    if (d.end > f.start && (!d.rules || d.rules.has(f.rule))) return true;
  }
  return false;
}
