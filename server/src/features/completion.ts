import { CompletionItemKind, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Script } from '../engine/convert';
import type { GlossaryEntry } from '../engine/entry';
import { chineseIn, type Glossary } from '../engine/glossary';
import type { KeyTarget } from '../engine/matcher';
import { foldHan } from '../engine/fold';
import { escapeMarkdown, renderCard } from './card';

const MAX_HAN_PREFIX = 12;
const MAX_LATIN_WORDS = 4;
const LIMIT = 40;

/**
 * Completion of glossary terms from the text before the cursor. Chinese has no word breaks, so the
 * longest run of trailing Han characters that starts some glossary key is the prefix; for English
 * the last one to four words are tried. Each hit yields the term and its translation.
 */
export function completion(glossary: Glossary, doc: TextDocument, position: Position, script: Script): CompletionList {
  const lineStart = doc.offsetAt({ line: position.line, character: 0 });
  const cursor = doc.offsetAt(position);
  const before = doc.getText().slice(Math.max(lineStart, cursor - 200), cursor);
  for (const prefix of candidatePrefixes(before)) {
    const { targets } = glossary.index.complete(prefix, LIMIT);
    if (!targets.length) continue;
    const range = { start: doc.positionAt(cursor - prefix.length), end: position };
    const items = targets.flatMap((t, rank) => itemsFor(glossary, t, prefix, range, rank, script));
    // Always incomplete: the next keystroke may change which prefix applies (Chinese has no word breaks).
    return { isIncomplete: true, items };
  }
  return { isIncomplete: true, items: [] };
}

/** Longest first: trailing Han runs, then trailing Latin word groups. */
function candidatePrefixes(before: string): string[] {
  const han = /[\p{Script=Han}]+$/u.exec(before)?.[0];
  if (han) {
    const chars = [...han].slice(-MAX_HAN_PREFIX);
    return chars.map((_, k) => chars.slice(k).join(''));
  }
  const latin = /[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A][\w\uFF10-\uFF5A'’-]*(?:[ \t-]+[\w\uFF10-\uFF5A'’-]+)*$/u.exec(before)?.[0];
  if (!latin) return [];
  const words = latin.split(/(?<=[ \t])/);
  const out: string[] = [];
  for (let k = Math.max(0, words.length - MAX_LATIN_WORDS); k < words.length; k++) out.push(words.slice(k).join(''));
  return out.filter((p) => p.trim().length > 0);
}

function itemsFor(
  glossary: Glossary,
  target: KeyTarget,
  typed: string,
  range: Range,
  rank: number,
  script: Script,
): CompletionItem[] {
  const entry = glossary.entries[target.entry]!;
  const form = target.kind === 'zh' && target.form === entry.zhHans && isTraditional(typed) ? entry.zhHant : target.form;
  const documentation = { kind: 'markdown' as const, value: renderCard(entry, { resolve: (id) => glossary.get(id) }) };
  const sort = String(rank).padStart(4, '0');
  // Keep the typed text as the filter so the editor never hides an item the server matched by
  // script folding (typed 區塊, item 区块链).
  const filterText = typed + form.slice(typed.length);
  const term: CompletionItem = {
    label: form,
    kind: CompletionItemKind.Text,
    detail: translationOf(entry, target, script),
    labelDetails: { description: translationOf(entry, target, script) },
    documentation,
    filterText,
    sortText: `${sort}a`,
    textEdit: { range, newText: form },
  };
  const translation = translationOf(entry, target, script);
  if (!translation || translation === form) return [term];
  const translated: CompletionItem = {
    label: translation,
    kind: CompletionItemKind.Reference,
    detail: `${form} → ${translation}`,
    labelDetails: { description: `← ${form}` },
    documentation: { kind: 'markdown', value: `${escapeMarkdown(form)} → **${escapeMarkdown(translation)}**\n\n${documentation.value}` },
    filterText,
    sortText: `${sort}b`,
    textEdit: { range, newText: translation },
  };
  return [term, translated];
}

/** English terms translate to Chinese in the preferred script; Chinese terms to the English preferred term. */
function translationOf(entry: GlossaryEntry, target: KeyTarget, script: Script): string {
  return target.kind === 'zh' ? entry.en[0] ?? '' : chineseIn(entry, script);
}

/** Did the writer type traditional characters (so the term should come back in traditional)? */
function isTraditional(typed: string): boolean {
  for (const ch of typed) {
    const cp = ch.codePointAt(0)!;
    if (foldHan(cp) !== cp) return true;
  }
  return false;
}
