import type { Hover, Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { GlossaryEntry } from '../engine/entry';
import type { Glossary } from '../engine/glossary';
import type { DocumentIndex } from '../engine/documentIndex';
import { Commands, type OpenSourceArgs, type ReplaceTermArgs } from '../protocol';
import { citedPassage, matchedTermNotes, renderCard, type CardDetail, type CardLink } from './card';
import { WORDS, type Words } from './words';
import { toSimplified, toTraditional } from '../engine/convert';
import { convertText } from '../engine/convertText';
import type { ChineseScript } from '../engine/entry';
import { termFor } from '../engine/terms';
import { groupForCard } from '../engine/userLayer';
import { containsHan } from '../engine/unicode';
import { textOf } from '../textDocument';

export interface HoverOptions {
  /** The client runs our card commands: add replace and source links. */
  commandLinks?: boolean;
  /** `compact` (what the setting defaults to) or `full`; `full` when not given. */
  detail?: CardDetail;
  /** The card's own words in the reader's interface language (English when not given). */
  words?: Words;
}

/** The card for the term under the cursor, or null when the cursor is not on a term. */
export function hover(
  glossary: Glossary,
  doc: TextDocument,
  position: Position,
  index: DocumentIndex,
  options: HoverOptions | boolean = {},
): Hover | null {
  const { commandLinks = false, detail = 'full', words = WORDS.en } = typeof options === 'boolean' ? { commandLinks: options } : options;
  const offset = doc.offsetAt(position);
  const found = index.termAt(offset);
  if (!found) return null;
  // a user's entry and the bundled concept sharing its Chinese form make one card, the user's first
  const { card, others: homonyms } = groupForCard(glossary, glossary.entriesOf(found.match));
  const entry = card[0];
  if (!entry) return null;
  const range = { start: doc.positionAt(found.match.start), end: doc.positionAt(found.match.end) };
  const written = textOf(doc).slice(found.match.start, found.match.end);
  const inner = found.inner.flatMap((m) => glossary.entriesOf(m)).filter((e) => !card.includes(e));
  // the glossary form whose key matched, per entry shown
  const formOf = new Map<GlossaryEntry, string>();
  found.match.entries.forEach((i, k) => {
    const e = glossary.entries[i]!;
    if (!formOf.has(e)) formOf.set(e, found.match.forms[k] ?? '');
  });
  const matchedForm = formOf.get(entry) ?? '';
  const links = commandLinks ? cardLinks(entry, matchedForm, doc.uri, range, written, words) : undefined;
  const script = readerScript(entry, written);
  // Cards without links depend only on the entries: moving the mouse over a term asks for the
  // same card again and again, so keep recent ones (per loaded glossary, keyed by entry numbers).
  // (a term with notes of its own adds them, so its card is kept apart from the concept's)
  const termKey = card.some((e) => matchedTermNotes(e, formOf.get(e) ?? '').length) ? `|${matchedForm}` : '';
  const key = links
    ? undefined
    : `${detail}|${script}|${words.definitions}|${found.match.entries.join(' ')}|${found.inner.map((m) => m.entries.join(' ')).join(' ')}${termKey}`;
  let value = key === undefined ? undefined : cardCache(glossary).get(key);
  if (value === undefined) {
    const resolve = (id: string) => glossary.get(id);
    value = card
      .map((e, i) =>
        renderCard(e, {
          resolve,
          matched: formOf.get(e) ?? '',
          detail,
          words,
          ...(script ? { convert: (t: string) => convertText(t, script, glossary) } : {}),
          ...(glossary.sourceOf(e) ? { source: glossary.sourceOf(e) } : {}),
          ...(i === 0 ? { inner, links } : {}),
          ...(i === card.length - 1 ? { alsoMatching: homonyms } : {}),
        }),
      )
      .join('\n\n---\n\n');
    if (key !== undefined) remember(cardCache(glossary), key, value);
  }
  return { contents: { kind: 'markdown', value }, range };
}

const cards = new WeakMap<Glossary, Map<string, string>>();
const cardCache = (glossary: Glossary) => {
  let cache = cards.get(glossary);
  if (!cache) cards.set(glossary, (cache = new Map()));
  return cache;
};
/** Keep an answer in a bounded cache (the oldest goes first). */
function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= 2048) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

/**
 * Replace actions and the source link. A replace action never drops text: it replaces exactly the
 * matched range. When the match is one of the entry's own terms, it offers the entry's other
 * forms (reviewed regional forms, and the English or Chinese counterpart); when it is a longer
 * alias or compound (区块链技术 for 区块链), only the same text in the other script (區塊鏈技術),
 * since the entry's counterpart translates the headword, not the compound.
 */
function cardLinks(entry: GlossaryEntry, matchedForm: string, uri: string, range: Range, written: string, words: Words): CardLink[] {
  let forms: (string | undefined)[];
  // one of the entry's own terms (a headword in some script, an English term, an abbreviation), not a Chinese variant
  const term = termFor(entry, matchedForm);
  if (term && !(term.lang === 'zh' && term.role === 'variant')) {
    const chinese = [entry.zhHans, entry.zhHant, entry.zhTw, entry.zhHk];
    forms = containsHan(written) ? [...chinese, entry.en[0]] : chinese;
  } else forms = containsHan(written) ? [toSimplified(written), toTraditional(written)] : [];
  const links: CardLink[] = [...new Set(forms)]
    .filter((form): form is string => !!form && form !== written)
    .map((form) => {
      const args: ReplaceTermArgs = { uri, range, from: written, text: form };
      return { label: `→ ${form}`, command: Commands.replaceTerm, args: [args], tooltip: words.replaceWith(written, form) };
    });
  const cite = citedPassage(entry);
  if (cite) {
    const args: OpenSourceArgs = { doc: cite.doc, line: cite.line };
    links.push({ label: words.openSource, command: Commands.openSource, args: [args], tooltip: `${cite.title}, ${words.line(cite.line)}` });
  }
  return links;
}

/**
 * Whether simplified conversion leaves a written term unchanged. A conversion is a few microseconds
 * and the same terms are hovered again and again: the answers of recent ones are kept.
 */
const simplifiedAnswers = new Map<string, boolean>();
function simplifiedAsWritten(written: string): boolean {
  let simplified = simplifiedAnswers.get(written);
  if (simplified === undefined) {
    simplified = written === toSimplified(written);
    remember(simplifiedAnswers, written, simplified);
  }
  return simplified;
}

/**
 * The script of the text hovered, for the card's definition: a reviewed Taiwan or Hong Kong form
 * of the entry is that region's; other Chinese is simplified when simplified conversion leaves it
 * unchanged, else traditional. Undefined for text without Han characters (an English term): the
 * definition is then shown as the glossary writes it.
 */
export function readerScript(entry: GlossaryEntry, written: string): ChineseScript | undefined {
  if (!containsHan(written)) return undefined;
  if (simplifiedAsWritten(written)) return 'zh-Hans';
  if (entry.zhTw && written === entry.zhTw && entry.zhTw !== entry.zhHant) return 'zh-TW';
  if (entry.zhHk && written === entry.zhHk && entry.zhHk !== entry.zhHant) return 'zh-HK';
  return 'zh-Hant';
}
