/**
 * Simplified ⇄ traditional and regional conversion with OpenCC (opencc-js): the one conversion
 * path of the project (the server's card actions, the glossary build's generated forms, the tests'
 * fixtures). The converters are OpenCC's own presets (`opencc-js/preset`, with its segmentation
 * and normalisation), built on first use: the simplified → traditional phrase table takes about
 * 0.1 s to load.
 *
 * OpenCC output is a candidate: regional vocabulary (Taiwan, Hong Kong) shown to users comes from
 * the glossary's reviewed forms, not from here.
 */
import { ConverterBuilder, type ConverterFunction } from 'opencc-js/core';
import * as preset from 'opencc-js/preset';
import type { ChineseScript } from './entry';

/** The Chinese scripts and regional standards the glossary knows. */
export type Script = ChineseScript;

/**
 * OpenCC's locale names: mainland simplified, OpenCC standard traditional, Taiwan characters, Taiwan
 * characters and vocabulary, Hong Kong characters, Hong Kong characters and vocabulary, Japanese
 * shinjitai (only for OpenCC's own test cases).
 */
export type OpenCCLocale = 'cn' | 't' | 'tw' | 'twp' | 'hk' | 'hkp' | 'jp';

const LOCALE: Record<Script, OpenCCLocale> = { 'zh-Hans': 'cn', 'zh-Hant': 't', 'zh-TW': 'twp', 'zh-HK': 'hk' };

const build = ConverterBuilder(preset);
const converters = new Map<string, ConverterFunction>();

/** Convert `text` from one OpenCC locale to another (identity when they are the same). */
export function convertLocale(text: string, from: OpenCCLocale, to: OpenCCLocale): string {
  if (from === to) return text;
  const key = `${from}>${to}`;
  let conv = converters.get(key);
  if (!conv) {
    conv = build({ from, to });
    converters.set(key, conv);
  }
  return conv(text);
}

/**
 * OpenCC's own regional phrase table of a locale (`twp`: TWPhrases, `hkp`: HKPhrases), as pairs of
 * a phrase in standard traditional script and the region's wording of it: the words its conversion
 * rewrites beyond their characters (軟件 → 軟體). Parsed on first use.
 */
export function regionalPhrases(locale: 'twp' | 'hkp'): readonly (readonly [string, string])[] {
  let pairs = PHRASES.get(locale);
  if (!pairs) {
    const dict = preset.to[locale]?.[0]?.[0];
    const made: (readonly [string, string])[] = [];
    if (typeof dict === 'string') {
      for (const pair of dict.split('|')) {
        const space = pair.indexOf(' ');
        if (space > 0) made.push([pair.slice(0, space), pair.slice(space + 1)]);
      }
    } else if (dict) made.push(...dict);
    PHRASES.set(locale, (pairs = made));
  }
  return pairs;
}
const PHRASES = new Map<string, readonly (readonly [string, string])[]>();

/** Convert simplified Chinese to the given script (Taiwan uses Taiwan vocabulary: 软件 → 軟體). */
export function fromSimplified(text: string, script: Script): string {
  return convertLocale(text, 'cn', LOCALE[script]);
}

/**
 * Convert traditional (or mixed-script) Chinese of any standard to simplified: Hong Kong and Taiwan
 * variant characters first, then phrase-aware (著作權 → 著作权, not 着作权). Vocabulary stays: 軟體
 * is not turned into 软件 (that is a different term, for the glossary to say).
 */
export function toSimplified(text: string): string {
  const standard = convertLocale(convertLocale(text, 'hk', 't'), 'tw', 't');
  return convertLocale(standard, 't', 'cn');
}

/**
 * Convert Taiwan Chinese to simplified with Taiwan's vocabulary undone (軟體 → 软件, 資料庫 → 数据库):
 * the simplified form generated for a concept a termbase gives only in Taiwan's words, so that its
 * other forms are not Taiwan's. A candidate, as all OpenCC output (marked generated where it is kept).
 */
export function fromTaiwan(text: string): string {
  return convertLocale(text, 'twp', 'cn');
}

/** Convert simplified (or mixed-script) Chinese to OpenCC's standard traditional (头发 → 頭髮). */
export function toTraditional(text: string): string {
  return convertLocale(text, 'cn', 't');
}
