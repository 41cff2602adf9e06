/**
 * Character classes, defined once for the whole engine (and the glossary build): what is a Han
 * character, what is whitespace, a line break or a hyphen, and what is dropped. The normaliser
 * builds its tables from these; every other piece of code asks these functions.
 */

/** Han ideographs: CJK Unified Ideographs, Extension A, Compatibility Ideographs and Extensions B–H. */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x323af)
  );
}

/** A Han character in one UTF-16 unit (the BMP part of isHan). */
export function isHanUnit(u: number): boolean {
  return (u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3400 && u <= 0x4dbf) || (u >= 0xf900 && u <= 0xfaff);
}

/** A BMP Han character's unit, or either half of a surrogate pair (an astral character, Han or not: Extension B …). */
export const isHanOrSurrogate = (u: number): boolean => isHanUnit(u) || (u >= 0xd800 && u <= 0xdfff);

/** A code unit from where Han begins (a quick test, not a definition of Han: isHan is that). */
const FROM_HAN = /[\u3400-\uffff]/;

/** Does the string contain a Han character (astral ones included)? */
export function containsHan(s: string): boolean {
  // every Han unit (and every surrogate) is at or above U+3400: most Latin text stops here, in one
  // native scan (a definition column of 100,000 English rows is read this way)
  if (!FROM_HAN.test(s)) return false;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0x3400) continue;
    if (isHanUnit(u)) return true;
    // a high surrogate: the code point it starts (an unpaired one is no character)
    if (u >= 0xd800 && u <= 0xdbff && isHan(s.codePointAt(i)!)) return true;
  }
  return false;
}

/** Whitespace that is not a line break: ASCII, no-break, ideographic and the typographic spaces. */
export const SPACE_UNITS: readonly number[] = [
  0x20, 0x09, 0x0b, 0x0c, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f,
  0x205f, 0x3000,
];

/** Line breaks as LSP counts them (LF, CR; CRLF is one break), plus the Unicode line/paragraph separators. */
export const NEWLINE_UNITS: readonly number[] = [0x0a, 0x0d, 0x85, 0x2028, 0x2029];

/**
 * Hyphens and dashes that join words (peer-to-peer ≡ peer to peer): hyphen-minus, the Unicode
 * hyphens, the en dash, the minus sign and the small and full-width hyphen-minus. The em dash is
 * punctuation (中文破折号), not a hyphen.
 */
export const HYPHEN_UNITS: readonly number[] = [0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xfe63, 0xff0d];

/** Invisible units dropped before matching: soft hyphen, zero-width space/joiners, word joiner, BOM. */
export const DROP_UNITS: readonly number[] = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];

const SEPARATOR = new Uint8Array(0x10000);
for (const u of [...SPACE_UNITS, ...NEWLINE_UNITS, ...HYPHEN_UNITS]) SEPARATOR[u] = 1;
const WHITESPACE = new Uint8Array(0x10000);
for (const u of [...SPACE_UNITS, ...NEWLINE_UNITS]) WHITESPACE[u] = 1;

const LINE_BREAK = new Uint8Array(0x10000);
for (const u of NEWLINE_UNITS) LINE_BREAK[u] = 1;

/**
 * Text typed or wrapped over lines read as one line (a term over two lines of a spreadsheet cell,
 * or one pretty-printed over lines in XML): a whitespace run with a line break in it between two
 * Han characters goes, as wrapped Chinese is read (normalize.ts drops a soft line break there too:
 * 区块⏎链 is 区块链); every other run is one space and the ends are trimmed (`collapseWhitespace`).
 */
export function joinLines(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (LINE_BREAK[s.charCodeAt(i)] !== 1) continue;
    // the whitespace run this line break is in
    let a = i;
    while (a > 0 && WHITESPACE[s.charCodeAt(a - 1)] === 1) a--;
    let b = i + 1;
    while (b < s.length && WHITESPACE[s.charCodeAt(b)] === 1) b++;
    if (a > 0 && b < s.length && isHan(codePointBefore(s, a)) && isHan(s.codePointAt(b)!)) {
      out += s.slice(from, a);
      from = b;
    }
    i = b - 1;
  }
  return collapseWhitespace(from === 0 ? s : out + s.slice(from));
}

/** The code point that ends at `at` (a surrogate pair read whole). */
function codePointBefore(s: string, at: number): number {
  const u = s.charCodeAt(at - 1);
  return u >= 0xdc00 && u <= 0xdfff && at >= 2 ? s.codePointAt(at - 2)! : u;
}

/** Whitespace, a line break or a hyphen: what separates the words of a term. */
export function isSeparatorUnit(u: number): boolean {
  return SEPARATOR[u] === 1;
}

/** Whitespace or a line break (not a hyphen). */
export function isWhitespaceUnit(u: number): boolean {
  return WHITESPACE[u] === 1;
}

/** Full-width ASCII (U+FF01–FF5E) to ASCII; other units unchanged. */
export function toHalfWidth(u: number): number {
  return u >= 0xff01 && u <= 0xff5e ? u - 0xfee0 : u;
}

// The two patterns below are SPACE_UNITS and NEWLINE_UNITS written out, with the control units
// (U+0000–001F, U+007F) that collapsing treats as whitespace too: literal patterns, so that the
// regular-expression safety test can check them; a unit test holds them to the lists, unit by unit.
/** A run of whitespace (line breaks included) and control characters: one space when collapsed. */
const COLLAPSIBLE_RUN = /[\u0000-\u0020\u007f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
/** What collapsing changes inside a text: whitespace other than a space, a control character, two spaces. */
const UNCOLLAPSED = /[\u0000-\u001f\u007f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]| {2}/;
/** Whitespace, a line break or a control unit: blank at a text's ends, one space inside it. */
const BLANK = new Uint8Array(0x10000);
for (let u = 0; u < 0x10000; u++) if (WHITESPACE[u] === 1 || u < 0x20 || u === 0x7f) BLANK[u] = 1;
const collapsible = (u: number) => BLANK[u] === 1;

/** Whether collapsing changes a short text: a blank unit other than one space between two others. */
function uncollapsedShort(s: string, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const u = s.charCodeAt(i);
    if (BLANK[u] === 1 && (u !== 0x20 || i === 0 || i === n - 1 || s.charCodeAt(i + 1) === 0x20)) return true;
  }
  return false;
}

/**
 * `s` without the whitespace, line breaks and control units at its ends (the units
 * `collapseWhitespace` makes spaces of): how every reader trims a cell, a term or a code. Unlike
 * JavaScript's `trim`, NEL (U+0085) and control units go, and a zero-width no-break space (U+FEFF)
 * stays (the matcher drops it; a file's byte-order mark is taken off where the file is read).
 */
export function trimWhitespace(s: string): string {
  const n = s.length;
  let from = 0;
  while (from < n && BLANK[s.charCodeAt(from)] === 1) from++;
  let to = n;
  while (to > from && BLANK[s.charCodeAt(to - 1)] === 1) to--;
  return from === 0 && to === n ? s : s.slice(from, to);
}

/**
 * Every whitespace run (line breaks and control characters included) as one space, trimmed: for
 * text that must stay on one line. Most text needs no change: its ends are looked at, then one
 * native scan of the rest (a termbase of 20,000 definitions is read through this).
 */
export function collapseWhitespace(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  // a short text (a term, a code) is looked at unit by unit: quicker than a call into the pattern
  if (n <= 32 ? !uncollapsedShort(s, n) : !collapsible(s.charCodeAt(0)) && !collapsible(s.charCodeAt(n - 1)) && !UNCOLLAPSED.test(s))
    return s;
  const t = s.replace(COLLAPSIBLE_RUN, ' ');
  const from = t.charCodeAt(0) === 0x20 ? 1 : 0;
  const to = t.length > from && t.charCodeAt(t.length - 1) === 0x20 ? t.length - 1 : t.length;
  return t.slice(from, to);
}
