// Types for mine.mjs (candidate mining, reusable by the server).
export interface Pair { zh: string; en: string; kind: 'abbr' | 'en'; index: number }
export interface Definition { term: string; marker: string; sentence: string; index: number }
export interface Candidate { term: string; count: number; evidence: string[]; samples: string[] }
export declare const STOP_CHARS: Set<string>;
export declare function trailingTerm(run: string, max?: number): string;
export declare function leadingTerm(run: string, max?: number): string;
export declare function minePairs(text: string): Pair[];
export declare function mineDefinitions(text: string): Definition[];
export declare function frequentNgrams(
  texts: string[],
  opts?: { min?: number; max?: number; minCount?: number; subsume?: number },
): { term: string; count: number }[];
export declare function countIn(texts: string[], needle: string): number;
export declare function coveredByKeys(term: string, hasKey: (s: string) => boolean, slack?: number): boolean;
export declare function mineCandidates(
  texts: string[],
  opts: { isKnown: (folded: string) => boolean; fold?: (s: string) => string; limit?: number },
): {
  pairs: { zh: string; en: string; kind: string; count: number; known: boolean }[];
  definitions: (Definition & { doc: number; known: boolean })[];
  ngrams: { term: string; count: number }[];
  top: Candidate[];
};
