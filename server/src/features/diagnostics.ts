/**
 * Term QA as LSP: findings (engine/termQA.ts) become diagnostics with a stable code, a severity
 * per rule and the replacements in `data`; code actions offer one quick fix per replacement, a
 * "fix all of this rule" per diagnostic, `source.fixAll.fintechGlossary` for the document, and the
 * conversions of a selection.
 */
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Match } from '../engine/matcher';
import type { Text } from '../engine/text';
import { textOf } from '../textDocument';
import { type CheckOptions, DocumentChecker, type Finding, type FindingDetail, type QAContext } from '../engine/termQA';
import { Commands, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, RULES, SCRIPTS, type ConvertArgs, type Rule, type Severity } from '../protocol';
import type { QAWords } from './words';

const SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries for its code actions. */
export interface DiagnosticData {
  suggestions: string[];
  /** The text the diagnostic was made for (a fix applies only while the range still holds it). */
  term: string;
}

/** The severity of a rule: settings over the project file over `information`. */
export function severityOf(rule: Rule, settings: Partial<Record<Rule, Severity>>, project: Partial<Record<Rule, Severity>>): Severity {
  return settings[rule] ?? project[rule] ?? 'information';
}

/**
 * Messages made so far, per language and finding detail: the checker shares one detail among every
 * occurrence written alike (same term, same concept), so a message is worded once, not on every
 * keystroke for every one of thousands of findings.
 */
const messages = new WeakMap<QAWords, WeakMap<FindingDetail, string>>();

export function messageOf(words: QAWords, f: Finding): string {
  let made = messages.get(words);
  if (!made) messages.set(words, (made = new WeakMap()));
  let message = made.get(f.detail);
  if (message === undefined) made.set(f.detail, (message = words.message(f)));
  return message;
}

/**
 * The diagnostic made for a finding object, to send again while it stands where it stood: the
 * checker keeps a finding across edits (moving it), so after a keystroke only the findings that
 * moved to another line or column, or changed, are made again.
 */
const made = new WeakMap<Finding, { diagnostic: Diagnostic; detail: FindingDetail; words: QAWords }>();

/**
 * Findings as diagnostics, their messages in the reader's language (`words`). Findings in document
 * order (as the checker gives them) are placed by one walk down the lines, not a search each.
 */
export function toDiagnostics(
  doc: TextDocument,
  findings: readonly Finding[],
  severity: (rule: Rule) => Severity,
  words: QAWords,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const levels = new Map<Rule, DiagnosticSeverity | undefined>();
  const place = new LineWalk(doc);
  for (const f of findings) {
    let level = levels.get(f.rule);
    if (!levels.has(f.rule)) {
      const s = severity(f.rule);
      levels.set(f.rule, (level = s === 'off' ? undefined : SEVERITY[s]));
    }
    if (level === undefined) continue;
    const start = place.at(f.start);
    const end = place.at(f.end);
    const before = made.get(f);
    if (before && before.detail === f.detail && before.words === words) {
      // the same term (same detail) at the same place: the diagnostic sent last time
      const d = before.diagnostic;
      const r = d.range;
      if (
        d.severity === level &&
        r.start.line === start.line &&
        r.start.character === start.character &&
        r.end.line === end.line &&
        r.end.character === end.character
      ) {
        out.push(d);
        continue;
      }
    }
    const diagnostic: Diagnostic = {
      range: { start, end },
      severity: level,
      code: f.rule,
      source: DIAGNOSTIC_SOURCE,
      message: messageOf(words, f),
      data: { suggestions: f.suggestions, term: f.term } satisfies DiagnosticData,
    };
    made.set(f, { diagnostic, detail: f.detail, words });
    out.push(diagnostic);
  }
  return out;
}

/**
 * One document's term QA as diagnostics, kept across its edits: the checker (engine/termQA.ts) and
 * the diagnostics made from its last findings. After an edit the checker says which of its findings
 * it kept at both ends of its list; their diagnostics are kept too, those after the edit moved by
 * the lines and columns the edit added (the same objects again where they did not move), and only the
 * findings in between are placed and worded. The server's keystroke path (server/src/qa.ts) and
 * benchmark row 8b both go through `update`. Make a new one when the checking context changes.
 */
export class DocumentDiagnostics {
  readonly checker: DocumentChecker;
  /** The findings of the last update (diagnostic i is finding i's). */
  findings: readonly Finding[] = [];
  private diagnostics: Diagnostic[] = [];
  /** Per diagnostic: start line, start character, end line, end character (read without touching the objects). */
  private positions = new Int32Array(0);
  private words: QAWords | undefined;
  private levels = '';

  constructor(ctx: QAContext) {
    this.checker = new DocumentChecker(ctx);
  }

  /** The document's diagnostics now (`occurrences`: its occurrence index's, for its current text). */
  update(
    doc: TextDocument,
    occurrences: readonly Match[],
    options: CheckOptions,
    severity: (rule: Rule) => Severity,
    words: QAWords,
  ): Diagnostic[] {
    const findings = this.checker.check(occurrences, textOf(doc), options);
    const level: Partial<Record<Rule, DiagnosticSeverity>> = {};
    let off = false;
    for (const rule of RULES) {
      const s = severity(rule);
      if (s === 'off') off = true;
      else level[rule] = SEVERITY[s];
    }
    const levels = RULES.map((r) => level[r] ?? 0).join();
    let { before, after } = this.checker.kept;
    const pn = this.findings.length;
    const n = findings.length;
    if (off || words !== this.words || levels !== this.levels || before + after > Math.min(n, pn)) {
      // start over (a finding of a rule switched off is possible only when the checker was told
      // otherwise: toDiagnostics leaves it out)
      before = after = 0;
    }
    this.words = words;
    this.levels = levels;
    if (off) {
      this.findings = [];
      this.diagnostics = [];
      this.positions = new Int32Array(0);
      return toDiagnostics(doc, findings, severity, words);
    }
    const prev = this.diagnostics,
      prevPos = this.positions;
    const out: Diagnostic[] = new Array(n);
    const pos = new Int32Array(4 * n);
    for (let i = 0; i < before; i++) out[i] = prev[i]!;
    pos.set(prevPos.subarray(0, 4 * before));
    // in between: placed by a walk down the lines from the first
    if (before < n - after) {
      const walk = new LineWalk(doc, findings[before]!.start);
      for (let i = before; i < n - after; i++) {
        const f = findings[i]!;
        const start = walk.at(f.start);
        const end = walk.at(f.end);
        out[i] = {
          range: { start, end },
          severity: level[f.rule]!,
          code: f.rule,
          source: DIAGNOSTIC_SOURCE,
          message: messageOf(words, f),
          data: { suggestions: f.suggestions, term: f.term } satisfies DiagnosticData,
        };
        pos[4 * i] = start.line;
        pos[4 * i + 1] = start.character;
        pos[4 * i + 2] = end.line;
        pos[4 * i + 3] = end.character;
      }
    }
    // after the edit: every line moved by as many lines as the first one; the rest of its line by
    // as many columns too
    if (after > 0) {
      const i0 = n - after,
        p0 = pn - after;
      const first = doc.positionAt(findings[i0]!.start);
      const line0 = prevPos[4 * p0]!;
      const lines = first.line - line0,
        columns = first.character - prevPos[4 * p0 + 1]!;
      for (let k = 0; k < after; k++) {
        const q = 4 * (p0 + k),
          r = 4 * (i0 + k);
        const sl = prevPos[q]!,
          sc = prevPos[q + 1]!,
          el = prevPos[q + 2]!,
          ec = prevPos[q + 3]!;
        const moved = lines !== 0 || (columns !== 0 && (sl === line0 || el === line0));
        pos[r] = sl + lines;
        pos[r + 1] = sl === line0 ? sc + columns : sc;
        pos[r + 2] = el + lines;
        pos[r + 3] = el === line0 ? ec + columns : ec;
        const d = prev[p0 + k]!;
        out[i0 + k] = moved
          ? {
              ...d,
              range: { start: { line: pos[r]!, character: pos[r + 1]! }, end: { line: pos[r + 2]!, character: pos[r + 3]! } },
            }
          : d;
      }
    }
    this.findings = findings;
    this.diagnostics = out;
    this.positions = pos;
    return out;
  }
}

/**
 * Positions of offsets given in increasing order, by walking down the document's lines (each line
 * start is a constant-time `offsetAt`); an offset before the last one is searched for instead. The
 * same positions as `positionAt`, which also never places a position between a CR and its LF.
 */
class LineWalk {
  private line = 0;
  private lineStart = 0;
  private nextStart: number;
  private last = 0;
  private readonly text: Text;

  /** `from`: where to start (the first offset asked for is not before it). */
  constructor(
    private readonly doc: TextDocument,
    from = 0,
  ) {
    this.text = textOf(doc);
    this.line = from > 0 ? doc.positionAt(from).line : 0;
    this.lineStart = this.startOf(this.line);
    this.nextStart = this.startOf(this.line + 1);
    this.last = this.lineStart;
  }

  private startOf(line: number): number {
    return line < this.doc.lineCount ? this.doc.offsetAt({ line, character: 0 }) : Number.POSITIVE_INFINITY;
  }

  at(offset: number): { line: number; character: number } {
    if (offset < this.last || offset > this.text.length) return this.doc.positionAt(offset);
    this.last = offset;
    while (offset >= this.nextStart) {
      this.line++;
      this.lineStart = this.nextStart;
      this.nextStart = this.startOf(this.line + 1);
    }
    let o = offset;
    while (o > this.lineStart && (this.text.charCodeAt(o - 1) === 0x0a || this.text.charCodeAt(o - 1) === 0x0d)) o--;
    return { line: this.line, character: o - this.lineStart };
  }
}

/** Are two diagnostic lists the same (so that nothing needs publishing)? */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!,
      y = b[i]!;
    if (x === y) continue;
    if (
      x.code !== y.code ||
      x.severity !== y.severity ||
      x.message !== y.message ||
      x.range.start.line !== y.range.start.line ||
      x.range.start.character !== y.range.start.character ||
      x.range.end.line !== y.range.end.line ||
      x.range.end.character !== y.range.end.character
    )
      return false;
  }
  return true;
}

const dataOf = (d: Diagnostic): DiagnosticData | undefined => {
  const data = d.data as DiagnosticData | undefined;
  return data && Array.isArray(data.suggestions) && typeof data.term === 'string' ? data : undefined;
};

/** The diagnostic's fixes that still apply: its range must hold the text it was made for. */
function fixesOf(doc: TextDocument, d: Diagnostic): string[] {
  const data = dataOf(d);
  if (!data || doc.getText(d.range) !== data.term) return [];
  return data.suggestions.filter((s) => typeof s === 'string' && s.length > 0);
}

const edit = (uri: string, edits: TextEdit[]) => ({ changes: { [uri]: edits } });

/**
 * The code actions for a range: for each of our diagnostics in the context, one quick fix per
 * replacement (the first preferred) and "fix all" of its rule when the document has more; the
 * document's fix-all (`source.fixAll.fintechGlossary`); the conversions of a non-empty selection.
 * `all` is every diagnostic of the document (for the fix-alls); titles in the reader's language (`words`).
 */
export function codeActions(
  doc: TextDocument,
  params: CodeActionParams,
  all: readonly Diagnostic[],
  canConvert: boolean,
  words: QAWords,
): CodeAction[] {
  // kinds the client asks for (a malformed list asks for nothing in particular)
  const only = Array.isArray(params.context.only) ? params.context.only.filter((k) => typeof k === 'string') : undefined;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const out: CodeAction[] = [];
  const uri = doc.uri;
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const fixes = fixesOf(doc, d);
      fixes.forEach((s, i) => {
        const action = CodeAction.create(words.replaceWith(s), edit(uri, [{ range: d.range, newText: s }]), CodeActionKind.QuickFix);
        action.diagnostics = [d];
        if (i === 0) action.isPreferred = true;
        out.push(action);
      });
      const same = all.filter((x) => x.code === d.code && fixesOf(doc, x).length > 0);
      if (same.length > 1) {
        const action = CodeAction.create(
          words.fixAllOf(String(d.code), same.length),
          edit(
            uri,
            same.map((x) => ({ range: x.range, newText: fixesOf(doc, x)[0]! })),
          ),
          CodeActionKind.QuickFix,
        );
        action.diagnostics = same;
        out.push(action);
      }
    }
  }
  if (wants(FIX_ALL_KIND) && (only?.length ?? 0) > 0) {
    // only on request (on save, or the Source Action menu): every finding with a replacement
    const fixable = all.filter((x) => fixesOf(doc, x).length > 0);
    if (fixable.length) {
      const action = CodeAction.create(
        words.fixAll,
        edit(
          uri,
          fixable.map((x) => ({ range: x.range, newText: fixesOf(doc, x)[0]! })),
        ),
        FIX_ALL_KIND,
      );
      action.diagnostics = fixable;
      out.push(action);
    }
  }
  const r = params.range;
  const selection = r.start.line !== r.end.line || r.start.character !== r.end.character;
  if (canConvert && selection && wants(CodeActionKind.RefactorRewrite)) {
    for (const to of SCRIPTS) {
      const args: ConvertArgs = { uri, to, range: r };
      const title = words.convert(to, true);
      out.push(CodeAction.create(title, { title, command: Commands.convert, arguments: [args] }, CodeActionKind.RefactorRewrite));
    }
  }
  return out;
}

/** A minimal edit from `before` to `after` over `range` (common prefix and suffix left alone). */
export function minimalEdit(doc: TextDocument, range: Range, before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  // never split a surrogate pair
  if (p > 0 && before.charCodeAt(p - 1) >= 0xd800 && before.charCodeAt(p - 1) <= 0xdbff) p--;
  let q = 0;
  while (q < max - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  if (q > 0 && before.charCodeAt(before.length - q) >= 0xdc00 && before.charCodeAt(before.length - q) <= 0xdfff) q--;
  const base = doc.offsetAt(range.start);
  return {
    range: { start: doc.positionAt(base + p), end: doc.positionAt(base + before.length - q) },
    newText: after.slice(p, after.length - q),
  };
}
