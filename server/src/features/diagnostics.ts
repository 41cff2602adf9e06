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
import type { Finding, FindingDetail } from '../engine/termQA';
import { Commands, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, SCRIPTS, type ConvertArgs, type Rule, type Severity } from '../protocol';
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

/** Findings as diagnostics, their messages in the reader's language (`words`). */
export function toDiagnostics(
  doc: TextDocument,
  findings: readonly Finding[],
  severity: (rule: Rule) => Severity,
  words: QAWords,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const s = severity(f.rule);
    if (s === 'off') continue;
    const start = doc.positionAt(f.start);
    const before = made.get(f);
    if (before && before.detail === f.detail && before.words === words) {
      // the same term (same detail) starting at the same line and column ends at the same place
      const d = before.diagnostic;
      if (d.severity === SEVERITY[s] && d.range.start.line === start.line && d.range.start.character === start.character) {
        out.push(d);
        continue;
      }
    }
    const diagnostic: Diagnostic = {
      range: { start, end: doc.positionAt(f.end) },
      severity: SEVERITY[s],
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
  const only = params.context.only;
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
