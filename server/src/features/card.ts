/**
 * The glossary card as markdown, shared by hover, completion documentation and look-up.
 * Glossary text is data from possibly untrusted files: every piece of it is escaped.
 */
import type { Citation, GlossaryEntry, Historical, TermStatus } from '../engine/entry';
import { termFor, termsOf } from '../engine/terms';
import { collapseWhitespace } from '../engine/unicode';

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

export function citationText(c: Citation): string {
  const line = citedLine(c.line);
  return `${c.title} (${c.doc}${line ? `, line ${line}` : ''})`;
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

export function renderCard(entry: GlossaryEntry, ctx: CardContext = {}): string {
  const out: string[] = [headline(entry)];
  const regional: string[] = [];
  if (entry.zhTw) regional.push(`臺灣 ${escapeMarkdown(entry.zhTw)}`);
  if (entry.zhHk) regional.push(`香港 ${escapeMarkdown(entry.zhHk)}`);
  if (regional.length) out.push(regional.join(' · '));

  const english = [...entry.en.slice(1), ...entry.abbr];
  const facts: string[] = [];
  if (english.length) facts.push(`*Also:* ${english.map(escapeMarkdown).join(', ')}`);
  if (entry.zhAliases.length) facts.push(`*Variants:* ${entry.zhAliases.map(escapeMarkdown).join('、')}`);
  facts.push(`*Domain:* ${escapeMarkdown(entry.domain)}`);
  out.push(facts.join(' · '));

  if (entry.status === 'deprecated') {
    const repl = entry.replacedBy ? ctx.resolve?.(entry.replacedBy) : undefined;
    out.push(`⚠ *Deprecated*${repl ? ` — use **${escapeMarkdown(repl.zhHans)}** (${escapeMarkdown(repl.en[0] ?? '')})` : ''}`);
  } else if (entry.status === 'admitted') out.push('*Admitted term* (a preferred term exists)');
  if (entry.historical) out.push(historicalLine(entry.historical));
  if (ctx.matched !== undefined) out.push(...matchedTermNotes(entry, ctx.matched));

  if (ctx.links?.length) out.push(ctx.links.map(renderLink).join(' · '));

  out.push('---');
  if (entry.definitionZhSource) {
    // the quotation and its citation stay together in one block quote
    out.push(`> ${escapeMarkdown(entry.definitionZh)}\n>\n> — *${escapeMarkdown(citationText(entry.definitionZhSource))}*`);
  } else if (entry.definitionZh) out.push(escapeMarkdown(entry.definitionZh));
  if (entry.definitionEn) out.push(escapeMarkdown(entry.definitionEn));
  const author = entry.origin === 'bundled' ? 'Fintech Glossary editors' : escapeMarkdown(entry.origin);
  out.push(`*Definitions:* ${entry.definitionZhSource ? `中文 quoted from the source document; English by ${author}` : author}`);

  const example = entry.examples[0];
  if (example) out.push(`*Example:* ${escapeMarkdown(example.text)} — *${escapeMarkdown(citationText(example.cite))}*`);

  const lists: string[] = [];
  if (ctx.inner?.length) lists.push(`*Contains:* ${ctx.inner.map(shortName).join(' · ')}`);
  const related = entry.related.map((id) => ctx.resolve?.(id)).filter((e): e is GlossaryEntry => !!e);
  if (related.length) lists.push(`*Related:* ${related.map(shortName).join(' · ')}`);
  if (ctx.alsoMatching?.length) lists.push(`*Also means:* ${ctx.alsoMatching.map(shortName).join(' · ')}`);
  if (lists.length) out.push('---', lists.join('  \n'));
  return out.join('\n\n');
}

const WARN_STATUSES: Partial<Record<TermStatus, string>> = {
  deprecated: 'Deprecated term',
  superseded: 'Superseded term',
  forbidden: 'Forbidden term',
};

/**
 * The matched term's own standing, when it is not the concept's (a deprecated, superseded or
 * forbidden form of a concept that is itself fine), and its usage and sense notes: lines for the
 * card, none for most terms.
 */
export function matchedTermNotes(entry: GlossaryEntry, form: string): string[] {
  const term = termFor(entry, form);
  if (!term) return [];
  const out: string[] = [];
  const warn = WARN_STATUSES[term.status];
  if (warn && entry.status !== 'deprecated') {
    const instead =
      (term.replacedBy !== undefined ? termFor(entry, term.replacedBy) : undefined) ??
      termsOf(entry).find((t) => t.lang === term.lang && t.status === 'preferred');
    out.push(`⚠ *${warn}:* ${escapeMarkdown(term.text)}${instead ? ` — use **${escapeMarkdown(instead.text)}**` : ''}`);
  }
  if (term.sense) out.push(`*Sense:* ${escapeMarkdown(term.sense)}`);
  if (term.usage) out.push(`*Usage:* ${escapeMarkdown(term.usage)}`);
  return out;
}

/** A defunct body or rule: its dates and note, one line (not a warning: its name is right for its time). */
export function historicalLine(h: Historical): string {
  const dates = h.from ? `${h.from}–${h.until}` : `until ${h.until}`;
  return `*Historical (${escapeMarkdown(dates)}):* ${escapeMarkdown(h.note)}`;
}

function shortName(e: GlossaryEntry): string {
  return `${escapeMarkdown(e.zhHans)} ${escapeMarkdown(e.en[0] ?? '')}`.trim();
}
