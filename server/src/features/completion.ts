import { CompletionItemKind, CompletionItemTag, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Script } from '../engine/convert';
import type { GlossaryEntry } from '../engine/entry';
import { chineseIn, type Glossary } from '../engine/glossary';
import type { KeyTarget } from '../engine/matcher';
import { foldHan } from '../engine/fold';
import { termFor } from '../engine/terms';
import { isHan, trimWhitespace } from '../engine/unicode';
import { textOf } from '../textDocument';
import { escapeMarkdown, renderCard } from './card';
import type { Words } from './words';

const MAX_HAN_PREFIX = 12;
const MAX_LATIN_WORDS = 4;
const LIMIT = 30; // terms per answer (each with its translation); the list refines as the writer types

/** What an item carries for completionItem/resolve. */
interface ItemData {
  id: string;
  /** For translation items: the typed-side form. */
  from?: string;
}

/** What the client can take, from its capabilities (each one shrinks the answer). */
export interface CompletionClient {
  /** Documentation is filled in on completionItem/resolve. */
  lazyDocumentation?: boolean;
  /** One edit range for the whole list (CompletionList.itemDefaults.editRange). */
  defaultEditRange?: boolean;
  /** Shows labelDetails, so `detail` need not repeat it. */
  labelDetails?: boolean;
  /** Strikes through items tagged Deprecated (CompletionItemTag). */
  deprecatedTag?: boolean;
  /** Takes the older `deprecated` flag instead (deprecatedSupport). */
  deprecatedFlag?: boolean;
}

/**
 * Completion of glossary terms from the text before the cursor. Chinese has no word breaks, so the
 * longest run of trailing Han characters that starts some glossary key is the prefix; for English
 * the last one to four words are tried. Each hit yields the term and its translation.
 */
export function completion(
  glossary: Glossary,
  doc: TextDocument,
  position: Position,
  script: Script,
  client: CompletionClient = {},
): CompletionList {
  const lineStart = doc.offsetAt({ line: position.line, character: 0 });
  const cursor = doc.offsetAt(position);
  const before = textOf(doc).slice(Math.max(lineStart, cursor - 200), cursor);
  for (const prefix of candidatePrefixes(before)) {
    const { targets } = glossary.index.complete(prefix, LIMIT);
    if (!targets.length) continue;
    const range = { start: doc.positionAt(cursor - prefix.length), end: position };
    const items = targets.flatMap((t, rank) => itemsFor(glossary, t, prefix, rank, script, client));
    for (const item of items) {
      const newText = item.textEditText!;
      delete item.textEditText;
      if (!client.defaultEditRange) item.textEdit = { range, newText };
      else if (newText !== item.label) item.textEditText = newText;
      // Cards are large: a client that resolves items lazily gets them one at a time, on selection.
      if (!client.lazyDocumentation) resolveCompletion(glossary, item);
    }
    // Always incomplete: the next keystroke may change which prefix applies (Chinese has no word breaks).
    return { isIncomplete: true, items, ...(client.defaultEditRange ? { itemDefaults: { editRange: range } } : {}) };
  }
  return { isIncomplete: true, items: [] };
}

/**
 * Longest first: trailing Han runs, then trailing Latin word groups. A backward scan over the text
 * before the cursor (no regular expression: a hyphen is both part of a word and a separator, and a
 * pattern that allowed both backtracked exponentially on lines such as `Intro ------ p. 3`).
 */
export function candidatePrefixes(before: string): string[] {
  let start = before.length;
  while (start > 0) {
    const unit = before.charCodeAt(start - 1);
    const pair = unit >= 0xdc00 && unit <= 0xdfff && start >= 2 ? before.codePointAt(start - 2)! : unit;
    if (pair > 0xffff && isHan(pair)) start -= 2;
    else if (isHan(unit)) start -= 1;
    else break;
  }
  if (start < before.length) {
    const chars = [...before.slice(start)].slice(-MAX_HAN_PREFIX);
    return chars.map((_, k) => chars.slice(k).join(''));
  }
  // Latin: the longest tail of word characters and separators that starts with a letter and ends
  // with a word character; then its last one to four words, each with the spaces that follow it.
  const end = before.length;
  if (end === 0 || !isLatinWordUnit(before.charCodeAt(end - 1))) return [];
  let runStart = end;
  while (runStart > 0) {
    const u = before.charCodeAt(runStart - 1);
    if (!isLatinWordUnit(u) && !isWordSeparator(u)) break;
    runStart--;
  }
  let from = runStart;
  while (from < end && !isLatinLetter(before.charCodeAt(from))) from++;
  if (from === end) return [];
  const words: string[] = [];
  let piece = from;
  for (let i = from; i < end; i++) {
    const u = before.charCodeAt(i);
    if (u === 0x20 || u === 0x09) {
      words.push(before.slice(piece, i + 1));
      piece = i + 1;
    }
  }
  words.push(before.slice(piece, end));
  const out: string[] = [];
  for (let k = Math.max(0, words.length - MAX_LATIN_WORDS); k < words.length; k++) out.push(words.slice(k).join(''));
  return out.filter((p) => trimWhitespace(p).length > 0);
}

/** A unit that may be part of an English word as typed: ASCII or full-width letters and digits, _, ', ’, -. */
function isLatinWordUnit(u: number): boolean {
  return (
    (u >= 0x61 && u <= 0x7a) ||
    (u >= 0x41 && u <= 0x5a) ||
    (u >= 0x30 && u <= 0x39) ||
    u === 0x5f ||
    (u >= 0xff10 && u <= 0xff5a) ||
    u === 0x27 ||
    u === 0x2019 ||
    u === 0x2d
  );
}

function isLatinLetter(u: number): boolean {
  return (u >= 0x61 && u <= 0x7a) || (u >= 0x41 && u <= 0x5a) || (u >= 0xff21 && u <= 0xff3a) || (u >= 0xff41 && u <= 0xff5a);
}

/** Between the words of a typed English term: space, tab or hyphen. */
function isWordSeparator(u: number): boolean {
  return u === 0x20 || u === 0x09 || u === 0x2d;
}

/**
 * The term (in the script typed) and its translation; textEditText carries the text to insert. A
 * term the glossary marks forbidden, deprecated or superseded comes after every other item, struck
 * through where the client can show it (its translation, the concept's preferred term, keeps its place).
 */
function itemsFor(
  glossary: Glossary,
  target: KeyTarget,
  typed: string,
  rank: number,
  script: Script,
  client: CompletionClient,
): CompletionItem[] {
  const entry = glossary.entries[target.entry]!;
  const labelDetails = client.labelDetails === true;
  const form = target.kind === 'zh' && target.form === entry.zhHans && isTraditional(typed) ? entry.zhHant : target.form;
  const status = termFor(entry, target.form)?.status;
  const avoid = status === 'forbidden' || status === 'deprecated' || status === 'superseded';
  const sort = `${avoid ? 1 : 0}${String(rank).padStart(4, '0')}`;
  // The editor filters by the typed text; where the label does not start with it (typed 區塊, item
  // 区块链, or a translation), say what the typed text stands for so the item is not hidden.
  const filterText = typed + form.slice(typed.length);
  const translation = translationOf(entry, target, script);
  const describe = (text: string) => (labelDetails ? { labelDetails: { description: text } } : { detail: text });
  const term: CompletionItem = {
    label: form,
    kind: CompletionItemKind.Text,
    ...describe(translation),
    data: { id: entry.id } satisfies ItemData,
    ...(form.startsWith(typed) ? {} : { filterText }),
    sortText: `${sort}a`,
    textEditText: form,
    ...(avoid && client.deprecatedTag
      ? { tags: [CompletionItemTag.Deprecated] }
      : avoid && client.deprecatedFlag
        ? { deprecated: true }
        : {}),
  };
  if (!translation || translation === form) return [term];
  const translated: CompletionItem = {
    label: translation,
    kind: CompletionItemKind.Reference,
    ...describe(`← ${form}`),
    data: { id: entry.id, from: form } satisfies ItemData,
    filterText,
    sortText: `0${String(rank).padStart(4, '0')}b`,
    textEditText: translation,
  };
  return [term, translated];
}

/** English terms translate to Chinese in the preferred script; Chinese terms to the English preferred term. */
function translationOf(entry: GlossaryEntry, target: KeyTarget, script: Script): string {
  return target.kind === 'zh' ? (entry.en[0] ?? '') : chineseIn(entry, script);
}

/** Did the writer type traditional characters (so the term should come back in traditional)? */
function isTraditional(typed: string): boolean {
  for (const ch of typed) {
    const cp = ch.codePointAt(0)!;
    if (foldHan(cp) !== cp) return true;
  }
  return false;
}

/** Fill in an item's documentation: the glossary card (for a translation, headed by the translation). */
export function resolveCompletion(glossary: Glossary, item: CompletionItem, words?: Words): CompletionItem {
  const data = item.data as Partial<ItemData> | undefined;
  const entry = typeof data?.id === 'string' ? glossary.get(data.id) : undefined;
  if (!entry || item.documentation) return item;
  const card = renderCard(entry, { resolve: (id) => glossary.get(id), words });
  const head = typeof data?.from === 'string' ? `${escapeMarkdown(data.from)} → **${escapeMarkdown(item.label)}**\n\n` : '';
  item.documentation = { kind: 'markdown', value: head + card };
  return item;
}
