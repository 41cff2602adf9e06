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
  /** What the message says, as data: the features layer words it in the reader's language. */
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
  return convertPlain(text, script, { phrases: false });
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
  if (m.entries.length !== 1) return undefined;
  const entry = ctx.source.entries[m.entries[0]!];
  if (!entry) return undefined;
  const written = text.slice(m.start, m.end);
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

  function finish(): Finding | undefined {
    if (!detail) return undefined;
    return {
      start: m.start,
      end: m.end,
      rule: detail.rule,
      detail,
      term: written,
      entry: entry!.id,
      english: entry!.en[0] ?? '',
      suggestions,
    };
  }
}

/** One occurrence as the checker remembers it: its finding by rules 1–5, its concept and which term it is. */
interface Judged {
  finding: Finding | null;
  /** For `inconsistent-term`: the concept, and the term ('' for the headword in any script), if a Chinese term of one concept. */
  entry: number;
  term: string | undefined;
}

/** Options of a whole-document check. */
export interface CheckOptions {
  /** Ranges where nothing is reported (skippedRanges: code, URLs), sorted and merged. */
  skipped?: readonly { start: number; end: number }[];
  /** Ranges the disable directives switch off (all rules or the listed ones). */
  disabled?: readonly { start: number; end: number; rules?: Set<string> }[];
}

/**
 * Term QA over a document, with a cache of what each occurrence was judged: the occurrence objects
 * a DocumentIndex keeps across edits (shifted in place) keep their judgement, so after a keystroke
 * only the rescanned occurrences are judged again. Make a new checker when the context (glossary,
 * variant, rules switched off) changes.
 */
export class DocumentChecker {
  private readonly cache = new WeakMap<Match, Judged>();

  constructor(readonly ctx: QAContext) {}

  private judge(m: Match, text: string): Judged {
    let j = this.cache.get(m);
    if (!j) {
      let term: string | undefined;
      const entry = m.entries.length === 1 ? m.entries[0]! : -1;
      const e = entry >= 0 ? this.ctx.source.entries[entry] : undefined;
      const t = e && writtenTerm(e, m.forms[0]!, text.slice(m.start, m.end));
      if (t?.lang === 'zh') term = t.role === 'headword' ? '' : t.text;
      j = { finding: checkOccurrence(this.ctx, m, text) ?? null, entry, term };
      this.cache.set(m, j);
    } else if (j.finding && (j.finding.start !== m.start || j.finding.end !== m.end)) {
      // the occurrence moved with an edit: so does its finding
      j.finding = { ...j.finding, start: m.start, end: m.end };
    }
    return j;
  }

  check(occurrences: readonly Match[], text: string, options: CheckOptions = {}): Finding[] {
    const { skipped = [], disabled = [] } = options;
    const off = this.ctx.off;
    const inconsistent = !off?.has('inconsistent-term');
    const out: Finding[] = [];
    // per concept, the terms used for it (only occurrences no other rule flagged)
    const used = new Map<number, Set<string>>();
    const candidates: Match[] = [];
    for (const m of occurrences) {
      if (skipped.length && overlapsAny(skipped, m.start, m.end)) continue;
      const j = this.judge(m, text);
      if (j.finding) {
        out.push(j.finding);
        continue;
      }
      if (!inconsistent || j.term === undefined) continue;
      let set = used.get(j.entry);
      if (!set) used.set(j.entry, (set = new Set()));
      set.add(j.term);
      if (j.term !== '') candidates.push(m);
    }
    if (inconsistent) {
      let added = false;
      for (const m of candidates) {
        const j = this.cache.get(m)!;
        const set = used.get(j.entry)!;
        if (set.size < 2) continue;
        out.push(inconsistentFinding(this.ctx, m, text, j.term!, set));
        added = true;
      }
      if (added) out.sort((a, b) => a.start - b.start);
    }
    return disabled.length ? out.filter((f) => !isDisabled(disabled, f)) : out;
  }
}

/**
 * `inconsistent-term`: a concept written with two or more different Chinese terms in one document
 * (its headword in any script counts as one term; each alias as another). Every occurrence that is
 * not the headword is flagged, with the headword in the document's script to use throughout.
 */
function inconsistentFinding(ctx: QAContext, m: Match, text: string, term: string, used: Set<string>): Finding {
  const entry = ctx.source.entries[m.entries[0]!]!;
  const written = text.slice(m.start, m.end);
  const preferred = formIn(entry, writeIn(ctx, written));
  const others = [...used].filter((x) => x !== term).map((x) => (x === '' ? preferred : x));
  return {
    start: m.start,
    end: m.end,
    rule: 'inconsistent-term',
    detail: { rule: 'inconsistent-term', others, preferred },
    term: written,
    entry: entry.id,
    english: entry.en[0] ?? '',
    suggestions: preferred && preferred !== written ? [preferred] : [],
  };
}

function isDisabled(disabled: readonly { start: number; end: number; rules?: Set<string> }[], f: Finding): boolean {
  for (const d of disabled) {
    if (d.start >= f.end) break;
    if (d.end > f.start && (!d.rules || d.rules.has(f.rule))) return true;
  }
  return false;
}
