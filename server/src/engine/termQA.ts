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
import { convertPlain, formIn, type TermSource } from './convertText';
import type { ChineseScript, GlossaryEntry, Term } from './entry';
import type { Match } from './matcher';
import { overlapsAny } from './directives';
import type { Rule } from './rules';
import { normalizeKey } from './normalize';
import { spanScript } from './script';
import { termFor, termsOf } from './terms';

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
      /** The term's usage note from the glossary, if any (glossary text, in its own language). */
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

const GEO_OF: Partial<Record<ChineseScript, string>> = { 'zh-Hans': 'cn', 'zh-TW': 'tw', 'zh-HK': 'hk' };

/** The script to write a replacement in: the document's, else the term's own. */
function writeIn(ctx: QAContext, written: string): ChineseScript {
  if (ctx.script) return ctx.script;
  return spanScript(written) === 'traditional' ? 'zh-Hant' : 'zh-Hans';
}

/** A Chinese term (any text) in a script: the entry's form when it is one of its headword forms. */
function termInScript(entry: GlossaryEntry, text: string, script: ChineseScript): string {
  const key = normalizeKey(text);
  for (const t of termsOf(entry)) {
    if (t.lang === 'zh' && t.role === 'headword' && normalizeKey(t.text) === key) return formIn(entry, script);
  }
  // not a headword: written as the convert commands write it (OpenCC with its phrase tables), so
  // that a quick fix and a conversion of the document agree (网络借贷 → 網路借貸 in a Taiwan text)
  return convertPlain(text, script);
}

/** The term of `entry` the written span is: one written exactly so (a listed 云計算), else the matcher's form. */
function writtenTerm(entry: GlossaryEntry, form: string, written: string): Term | undefined {
  return termFor(entry, written) ?? termFor(entry, form);
}

/** What to use instead of a deprecated/superseded/forbidden term of `entry`, in `script`. */
function replacementsFor(ctx: QAContext, entry: GlossaryEntry, term: Term, script: ChineseScript): string[] {
  if (term.replacedBy) {
    const by = termFor(entry, term.replacedBy);
    if (by?.lang === 'zh') return [termInScript(entry, term.replacedBy, script)];
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

/** The regions a written Chinese term belongs to: its `geo`, else those of its headword scripts (none for plain traditional). */
function regionsOf(term: Term): string[] {
  if (term.geo?.length) return term.geo;
  const out: string[] = [];
  for (const s of term.scripts ?? []) {
    const g = GEO_OF[s];
    if (g) out.push(g);
  }
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

/** Rules 1–5 for an occurrence of `m`'s concept written `written` (they depend on nothing else). */
function judgeWritten(ctx: QAContext, m: Match, written: string): Verdict | undefined {
  if (m.entries.length !== 1) return undefined;
  const entry = ctx.source.entries[m.entries[0]!];
  if (!entry) return undefined;
  const term = writtenTerm(entry, m.forms[0]!, written);
  if (!term) return undefined;
  const script = writeIn(ctx, written);
  let detail: FindingDetail | undefined;
  const suggestions: string[] = [];
  /** A rule applies: the first (not switched off) names the finding; all offer their fixes. */
  const applies = (r: Rule, why: () => FindingDetail, fixes: readonly string[]) => {
    if (ctx.off?.has(r)) return;
    if (!detail) detail = why();
    for (const s of fixes) if (s && s !== written && !suggestions.includes(s)) suggestions.push(s);
  };

  // 1, 2: status
  if (term.status === 'forbidden' || term.status === 'deprecated' || term.status === 'superseded') {
    const status = term.status;
    const instead = replacementsFor(ctx, entry, term, script);
    const rule = status === 'forbidden' ? 'forbidden-term' : 'deprecated-term';
    applies(rule, () => ({ rule, status, instead, ...(term.usage ? { usage: term.usage } : {}) }), instead);
  }
  if (term.lang !== 'zh') return finish();

  // 3: regional vocabulary, against a regional variant (a plain traditional document has no region)
  if (ctx.script && ctx.script !== 'zh-Hant' && (term.role === 'headword' || term.geo?.length)) {
    const target = ctx.script;
    const want = formIn(entry, target);
    const regions = regionsOf(term);
    const otherRegion = regions.length > 0 && !regions.includes(GEO_OF[target]!);
    // a Taiwan or Hong Kong form counts as that region's word only as the region writes it: 并行
    // (parallel) in a simplified text is not Taiwan's 並行 (concurrency)
    const regionalOnly = !!term.scripts?.length && !term.scripts.includes('zh-Hans') && !term.scripts.includes('zh-Hant');
    const asWritten = !regionalOnly || written === term.text;
    if (asWritten && want && normalizeKey(want) !== normalizeKey(written) && (otherRegion || term.role === 'headword')) {
      applies('regional-variant', () => ({ rule: 'regional-variant', regions: otherRegion ? regions : [], target, want }), [want]);
    }
  }
  // 4, 5: script
  const spans = spanScript(written);
  if (spans === 'mixed') {
    const fixes = ctx.script
      ? [termInScript(entry, written, ctx.script)]
      : [termInScript(entry, written, 'zh-Hans'), termInScript(entry, written, 'zh-Hant')];
    applies('mixed-script', () => ({ rule: 'mixed-script', fixes }), fixes);
  } else if (ctx.script && (spans === 'simplified' || spans === 'traditional') && (spans === 'simplified') !== (ctx.script === 'zh-Hans')) {
    const fix = termInScript(entry, written, ctx.script);
    const document = ctx.script === 'zh-Hans' ? 'simplified' : 'traditional';
    if (fix !== written) applies('script-mismatch', () => ({ rule: 'script-mismatch', written: spans, document, fix }), [fix]);
  }
  return finish();

  function finish(): Verdict | undefined {
    if (!detail) return undefined;
    return {
      rule: detail.rule,
      detail,
      term: written,
      entry: entry!.id,
      english: entry!.en[0] ?? '',
      suggestions,
    };
  }
}

/**
 * How every occurrence of one concept written one way is judged (the rules depend on nothing else
 * in the document, except `inconsistent-term`, which depends on the concept's group).
 */
interface Judged {
  /** Rules 1–5: the finding's shared parts, or null. */
  verdict: Verdict | null;
  /** The concept's index. */
  entry: number;
  /** For `inconsistent-term`: the concept's group (none if this is not a Chinese term), and which term this is ('' for the headword in any script). */
  group: Group | undefined;
  term: string;
  written: string;
  /** The `inconsistent-term` parts made for the group's terms `signature` (re-made when they change). */
  inconsistent?: { signature: string; verdict: Verdict };
}

/** The Chinese terms one concept is written with in the document (in order of first use), as of check `stamp`. */
interface Group {
  stamp: number;
  terms: string[];
  /** The terms joined, made when a candidate first needs it in a check ('' until then). */
  signature: string;
}

/** Options of a whole-document check. */
export interface CheckOptions {
  /** Ranges where nothing is reported (skippedRanges: code, URLs), sorted and merged. */
  skipped?: readonly { start: number; end: number }[];
  /** Ranges the disable directives switch off (all rules or the listed ones). */
  disabled?: readonly { start: number; end: number; rules?: Set<string> }[];
}

/**
 * Term QA over a document. Rules 1–5 are a function of the concept and how it is written, so the
 * checker judges each way of writing a concept once and keeps the judgement (a long document has a
 * few thousand such pairs in tens of thousands of occurrences); `inconsistent-term` is re-made only
 * for the concepts whose set of terms changed. The occurrences a DocumentIndex keeps across an edit
 * (the same objects) keep their judgement and their finding, so a check after a keystroke looks up
 * only the rescanned ones and makes no new findings for the rest. A finding is valid until the
 * next check: that check moves it with the text. Make a new checker when the context (glossary,
 * variant, rules switched off) changes.
 */
export class DocumentChecker {
  /** Judgements by the written text (and, when two concepts are written alike, by concept too). */
  private readonly judged = new Map<string, Judged>();
  private readonly judgedOther = new Map<string, Judged>();
  private readonly groups = new Map<number, Group>();
  private stamp = 0;
  /** The last check's occurrences (a copy of the list), and each one's judgement and finding. */
  private last: { occurrences: readonly Match[]; judged: (Judged | undefined)[]; found: (Finding | undefined)[] } = {
    occurrences: [],
    judged: [],
    found: [],
  };

  constructor(readonly ctx: QAContext) {}

  private judge(m: Match, text: string): Judged | undefined {
    if (m.entries.length !== 1) return undefined;
    const entry = m.entries[0]!;
    const written = text.slice(m.start, m.end);
    let j = this.judged.get(written);
    if (j && j.entry === entry) return j;
    const clash = j !== undefined;
    if (clash) {
      j = this.judgedOther.get(`${entry}\u0000${written}`);
      if (j) return j;
    }
    const e = this.ctx.source.entries[entry];
    const t = e && writtenTerm(e, m.forms[0]!, written);
    let group: Group | undefined;
    if (t?.lang === 'zh') {
      group = this.groups.get(entry);
      if (!group) this.groups.set(entry, (group = { stamp: 0, terms: [], signature: '' }));
    }
    const term = t?.role === 'headword' ? '' : (t?.text ?? '');
    j = { verdict: judgeWritten(this.ctx, m, written) ?? null, entry, group, term, written };
    if (clash) this.judgedOther.set(`${entry}\u0000${written}`, j);
    else this.judged.set(written, j);
    return j;
  }

  check(occurrences: readonly Match[], text: string, options: CheckOptions = {}): Finding[] {
    const { skipped = [], disabled = [] } = options;
    const inconsistent = !this.ctx.off?.has('inconsistent-term');
    const stamp = ++this.stamp;
    // The occurrences of the last check that a DocumentIndex kept across the edit are the same
    // objects (before the rescanned region, and shifted in place after it): they keep their
    // judgement and their finding objects, so only the rescanned ones are looked up.
    const n = occurrences.length;
    const last = this.last;
    const pn = last.occurrences.length;
    let head = 0;
    while (head < n && head < pn && occurrences[head] === last.occurrences[head]) head++;
    let tail = 0;
    while (tail < n - head && tail < pn - head && occurrences[n - 1 - tail] === last.occurrences[pn - 1 - tail]) tail++;
    const judged: (Judged | undefined)[] = new Array(n);
    const found: (Finding | undefined)[] = new Array(n);
    // findings in document order; an `inconsistent-term` candidate (an occurrence of a term other
    // than the headword that no other rule flagged) holds its place until its group is known
    const out: (Finding | undefined)[] = [];
    const candidates: number[] = [];
    for (let i = 0; i < n; i++) {
      const m = occurrences[i]!;
      if (skipped.length && overlapsAny(skipped, m.start, m.end)) continue;
      const before = i < head ? i : i >= n - tail ? i - n + pn : -1;
      const j = (before >= 0 ? last.judged[before] : undefined) ?? this.judge(m, text);
      if (!j) continue;
      judged[i] = j;
      if (j.verdict) {
        out.push((found[i] = placed(before >= 0 ? last.found[before] : undefined, m, j.verdict)));
        continue;
      }
      const g = j.group;
      if (!inconsistent || !g) continue;
      if (g.stamp !== stamp) {
        g.stamp = stamp;
        g.terms.length = 0;
        g.signature = '';
      }
      if (!g.terms.includes(j.term)) g.terms.push(j.term);
      if (j.term !== '') {
        candidates.push(i, out.length);
        out.push(undefined);
      }
    }
    for (let c = 0; c < candidates.length; c += 2) {
      const i = candidates[c]!;
      const j = judged[i]!;
      const g = j.group!;
      if (g.terms.length < 2) continue;
      if (!g.signature) g.signature = g.terms.join('\u0000');
      const m = occurrences[i]!;
      if (j.inconsistent?.signature !== g.signature)
        j.inconsistent = { signature: g.signature, verdict: this.inconsistentVerdict(m, j, g.terms) };
      const before = i < head ? i : i >= n - tail ? i - n + pn : -1;
      out[candidates[c + 1]!] = found[i] = placed(before >= 0 ? last.found[before] : undefined, m, j.inconsistent.verdict);
    }
    this.last = { occurrences: occurrences.slice(), judged, found };
    const result: Finding[] = [];
    for (const f of out) if (f && !(disabled.length && isDisabled(disabled, f))) result.push(f);
    return result;
  }

  /**
   * `inconsistent-term`: a concept written with two or more different Chinese terms in one document
   * (its headword in any script counts as one term; each alias as another). Every occurrence that is
   * not the headword is flagged, with the headword in the document's script to use throughout.
   */
  private inconsistentVerdict(m: Match, j: Judged, terms: readonly string[]): Verdict {
    const entry = this.ctx.source.entries[m.entries[0]!]!;
    const written = j.written;
    const preferred = formIn(entry, writeIn(this.ctx, written));
    const others = terms.filter((x) => x !== j.term).map((x) => (x === '' ? preferred : x));
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
