/**
 * The glossary card as markdown, shared by hover, completion documentation and look-up.
 * Glossary text is data from possibly untrusted files: every piece of it is escaped.
 */
import type { Citation, GlossaryEntry, Historical, TermStatus } from '../engine/entry';
import type { EntrySource } from '../engine/glossary';
import { termFor, termsOf } from '../engine/terms';
import { collapseWhitespace, containsHan, trimWhitespace } from '../engine/unicode';
import { WORDS, type Words } from './words';

/** How much a card shows: `compact` fits the editor's hover (about 250 px) with the essentials first. */
export type CardDetail = 'compact' | 'full';

/** Every ASCII punctuation character (CommonMark lets each be backslash-escaped, and so it stays literal). */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * The one escaping function for glossary text in markdown, link labels and link titles alike: all
 * whitespace (line breaks of every kind included) becomes one space, so no text can end a paragraph,
 * a link or a title, and every ASCII punctuation character is escaped, so no text can open a link,
 * an autolink (`https\://`), emphasis, HTML or a code span.
 */
export function escapeMarkdown(text: string): string {
  return collapseWhitespace(String(text)).replace(ASCII_PUNCTUATION, (c) => '\\' + c);
}

/** A source line number from data: a positive integer, or undefined. */
export function citedLine(line: unknown): number | undefined {
  const n = Number(line);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The source passage an entry's *Open source passage* link and go to definition open: where its
 * quoted definition is, else its first example; only a bundled source (a three-digit document id)
 * at a positive line.
 */
export function citedPassage(entry: GlossaryEntry): (Citation & { line: number }) | undefined {
  const cite = entry.definitionZhSource ?? entry.examples[0]?.cite;
  const line = cite ? citedLine(cite.line) : undefined;
  return cite && line && /^\d{3}$/.test(String(cite.doc)) ? { ...cite, line } : undefined;
}

export function citationText(c: Citation, w: Words = WORDS.en, short = false): string {
  const line = citedLine(c.line);
  return `${short ? shorten(c.title, 16) : c.title} (${c.doc}${line ? `, ${w.line(line)}` : ''})`;
}

/** A label before a value: `*Also:*` in English, `又称：` in Chinese (no slanted CJK). */
function label(w: Words, text: string): string {
  return w === WORDS.en ? `*${text}:*` : `${text}：`;
}

/** Words set off from the text: italic in English, plain in Chinese. */
function emphasis(w: Words, text: string): string {
  return w === WORDS.en ? `*${text}*` : text;
}

/** At most `max` characters (code points) of `text`, with an ellipsis when cut. */
function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** The headline: **简体** · 繁體 · english — what a translator needs at a glance. */
export function headline(entry: GlossaryEntry): string {
  const parts = [`**${escapeMarkdown(entry.zhHans)}**`];
  if (entry.zhHant !== entry.zhHans) parts.push(escapeMarkdown(entry.zhHant));
  if (entry.en[0]) parts.push(escapeMarkdown(entry.en[0]));
  return parts.join(' · ');
}

export interface CardContext {
  /** Shorter terms inside the matched one. */
  inner?: GlossaryEntry[];
  /** Resolve related ids to entries. */
  resolve?: (id: string) => GlossaryEntry | undefined;
  /** Other concepts with the same written form (homonyms). */
  alsoMatching?: GlossaryEntry[];
  /** Command links under the card; only our own commands, arguments JSON-encoded. */
  links?: CardLink[];
  /** The form the reader wrote (as the glossary writes it): its term's status and notes are shown. */
  matched?: string;
  /** `full` (the default here) or `compact` (what the hover shows unless the reader asks for more). */
  detail?: CardDetail;
  /** The card's own words, in the reader's interface language (English by default). */
  words?: Words;
  /** For a user termbase entry: its file and line (the card says so, with a link that opens it there). */
  source?: EntrySource;
  /**
   * The Chinese definition in the reader's script (the script of the text hovered), converted by
   * the engine's glossary-aware converter; absent: the definition as the glossary writes it.
   */
  convert?: (text: string) => string;
}

export interface CardLink {
  label: string;
  command: string;
  args: unknown[];
  tooltip?: string;
}

/** URI-encode command arguments, including the characters encodeURIComponent leaves (they end a markdown link). */
export function encodeLinkArgs(args: unknown[]): string {
  return encodeURIComponent(JSON.stringify(args)).replace(/[()'!*~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function renderLink(link: CardLink): string {
  const target = `command:${link.command}?${encodeLinkArgs(link.args)}`;
  const title = link.tooltip ? ` "${escapeMarkdown(link.tooltip)}"` : '';
  return `[${escapeMarkdown(link.label)}](${target}${title})`;
}

/**
 * A link to a line of a file (`file:///…/glossary.tbx#L14`, which VS Code opens at that line): the
 * URI's characters that would end a markdown link destination are percent-encoded.
 */
export function lineLink(uri: string, line: number): string {
  const target = `${uri.split('#')[0]}#L${line}`.replace(
    /[\s()<>\\`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return target;
}

/** The line naming a user entry's termbase file and line, linked. */
export function sourceLine(source: EntrySource): string {
  const line = citedLine(source.line) ?? 1;
  return `*From your termbase* [${escapeMarkdown(`${source.label}:${line}`)}](${lineLink(source.uri, line)})`;
}

export function renderCard(entry: GlossaryEntry, ctx: CardContext = {}): string {
  const w = ctx.words ?? WORDS.en;
  const compact = ctx.detail === 'compact';
  const out: string[] = [headline(entry)];
  if (ctx.source) out.push(sourceLine(ctx.source));
  const regional: string[] = [];
  if (entry.zhTw) regional.push(`${w.taiwan} ${escapeMarkdown(entry.zhTw)}`);
  if (entry.zhHk) regional.push(`${w.hongKong} ${escapeMarkdown(entry.zhHk)}`);
  if (regional.length) {
    // compact: on the headline's line, which has room for them
    if (compact) out[0] += ` · ${regional.join(' · ')}`;
    else out.push(regional.join(' · '));
  }

  const english = [...entry.en.slice(1), ...entry.abbr];
  const facts: string[] = [];
  if (english.length) facts.push(`${label(w, w.also)} ${english.map(escapeMarkdown).join(', ')}`);
  if (entry.zhAliases.length) facts.push(`${label(w, w.variants)} ${entry.zhAliases.map(escapeMarkdown).join('、')}`);
  facts.push(`${label(w, w.domain)} ${escapeMarkdown(entry.domain)}`);
  if (!compact) out.push(facts.join(' · '));

  const notes: string[] = [];
  if (entry.status === 'deprecated') {
    const repl = entry.replacedBy ? ctx.resolve?.(entry.replacedBy) : undefined;
    notes.push(
      `⚠ ${emphasis(w, w.deprecated)}${repl ? ` — ${w.use} **${escapeMarkdown(repl.zhHans)}** (${escapeMarkdown(repl.en[0] ?? '')})` : ''}`,
    );
  } else if (entry.status === 'admitted') notes.push(emphasis(w, w.admittedTerm));
  if (entry.historical) notes.push(historicalLine(entry.historical, w));
  if (entry.note) notes.push(`*Note:* ${escapeMarkdown(entry.note)}`);
  if (ctx.matched !== undefined) notes.push(...matchedTermNotes(entry, ctx.matched, w, ctx.convert));
  // compact: the first note (a warning comes first) under the headline; the rest further down
  if (compact) out.push(...notes.slice(0, 1));
  else out.push(...notes);

  const links = ctx.links?.length ? ctx.links.map(renderLink).join(' · ') : undefined;
  if (links && !compact) out.push(links);

  if (!compact) out.push('---');
  const source = entry.definitionZhSource;
  // the definition in the reader's script; a quotation says so when converted (its original is at
  // the citation), and a quotation from source 000 says that its traditional script is a machine's
  const definitionZh = ctx.convert && entry.definitionZh ? ctx.convert(entry.definitionZh) : entry.definitionZh;
  const quoteNotes = source
    ? [...(definitionZh !== entry.definitionZh ? [w.convertedQuote] : []), ...(source.doc === '000' ? [w.machineConverted] : [])]
    : [];
  const quoteNote = quoteNotes.length ? ` (${quoteNotes.map(escapeMarkdown).join('; ')})` : '';
  if (source && !compact) {
    // the quotation and its citation stay together in one block quote
    out.push(`> ${escapeMarkdown(definitionZh)}\n>\n> — *${escapeMarkdown(citationText(source, w))}*${quoteNote}`);
  } else if (source) out.push(`${escapeMarkdown(definitionZh)} — *${escapeMarkdown(citationText(source, w, true))}*${quoteNote}`);
  else if (definitionZh) out.push(escapeMarkdown(definitionZh));
  if (entry.definitionEn) out.push(escapeMarkdown(entry.definitionEn));
  if (links && compact) out.push(links);

  const author = entry.origin === 'bundled' ? w.editors : escapeMarkdown(entry.origin);
  const provenance = `${label(w, w.definitions)} ${source ? w.quotedAndWritten(author) : author}`;
  const examples = entry.examples
    .slice(0, compact ? 1 : 3)
    .map(
      (example) =>
        `${label(w, w.example)} ${escapeMarkdown(compact ? shorten(example.text, 60) : example.text)} — *${escapeMarkdown(citationText(example.cite, w, compact))}*`,
    );
  // a source passage that does not itself define the term, kept as a citation; verbatim (not converted)
  const passage = entry.quote
    ? `${label(w, w.sourcePassage)} ${escapeMarkdown(compact ? shorten(entry.quote.text, 60) : entry.quote.text)} — *${escapeMarkdown(citationText(entry.quote.cite, w, compact))}*`
    : undefined;
  const related = entry.related.map((id) => ctx.resolve?.(id)).filter((e): e is GlossaryEntry => !!e);
  const lists: string[] = [];
  if (ctx.inner?.length) lists.push(`${label(w, w.contains)} ${ctx.inner.map(shortName).join(' · ')}`);
  if (related.length) {
    const shown = compact ? related.slice(0, 3) : related;
    lists.push(`${label(w, w.related)} ${shown.map(shortName).join(' · ')}${shown.length < related.length ? ' …' : ''}`);
  }
  if (ctx.alsoMatching?.length) lists.push(`${label(w, w.alsoMeans)} ${ctx.alsoMatching.map(shortName).join(' · ')}`);

  if (compact) {
    // below the fold, one short line each: the rest of the notes, examples, related terms, facts
    const rest = [...notes.slice(1), ...examples, ...(passage ? [passage] : []), ...lists, facts.join(' · '), provenance];
    out.push('---', rest.join('  \n'));
  } else {
    out.push(provenance, ...(passage ? [passage] : []), ...examples);
    if (lists.length) out.push('---', lists.join('  \n'));
  }
  return out.join('\n\n');
}

const WARN_STATUSES: Partial<Record<TermStatus, 'deprecatedTerm' | 'supersededTerm' | 'forbiddenTerm'>> = {
  deprecated: 'deprecatedTerm',
  superseded: 'supersededTerm',
  forbidden: 'forbiddenTerm',
};

/**
 * The matched term's own standing, when it is not the concept's (a deprecated, superseded or
 * forbidden form of a concept that is itself fine), and its usage and sense notes (a Chinese
 * headword form without a sense of its own has the simplified headword's): lines for the card, none
 * for most terms. `convert`: the card's, into the reader's script (absent: as the glossary writes it).
 */
export function matchedTermNotes(entry: GlossaryEntry, form: string, w: Words = WORDS.en, convert?: (text: string) => string): string[] {
  const term = termFor(entry, form);
  if (!term) return [];
  const out: string[] = [];
  // glossary text with Chinese in it in the reader's script, as the definition is (螞蟻金服 — use
  // 螞蟻集團; 2020年更名前的名稱)
  const inScript = (text: string) => (convert && containsHan(text) ? convert(text) : text);
  const warn = WARN_STATUSES[term.status];
  if (warn && entry.status !== 'deprecated') {
    const instead =
      (term.replacedBy !== undefined ? termFor(entry, term.replacedBy) : undefined) ??
      termsOf(entry).find((t) => t.lang === term.lang && t.status === 'preferred');
    out.push(
      `⚠ ${label(w, w[warn])} ${escapeMarkdown(inScript(term.text))}${instead ? ` — ${w.use} **${escapeMarkdown(inScript(instead.text))}**` : ''}`,
    );
  }
  // the sense of a Chinese headword is the concept's in every script: a note written on the
  // simplified headword shows on 內部評等法 too (a usage note stays with the form it is written on)
  const sense =
    term.sense ??
    (term.lang === 'zh' && term.role === 'headword' && term.text !== entry.zhHans ? termFor(entry, entry.zhHans)?.sense : undefined);
  if (sense) out.push(`${label(w, w.sense)} ${escapeMarkdown(inScript(sense))}`);
  if (term.usage) out.push(`${label(w, w.usage)} ${escapeMarkdown(inScript(term.usage))}`);
  return out;
}

/** A defunct body or rule: its dates and note, one line (not a warning: its name is right for its time). */
export function historicalLine(h: Historical, w: Words = WORDS.en): string {
  const dates = h.from ? `${h.from}–${h.until}` : w.until(h.until);
  return `${label(w, `${w.historical} (${escapeMarkdown(dates)})`)} ${escapeMarkdown(h.note)}`;
}

function shortName(e: GlossaryEntry): string {
  return trimWhitespace(`${escapeMarkdown(e.zhHans)} ${escapeMarkdown(e.en[0] ?? '')}`);
}
