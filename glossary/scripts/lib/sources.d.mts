import type { Corpus, CorpusLine } from '../build.mjs';
import type { Citation } from '../../../server/src/engine/entry';
export declare function buildCorpus(files: Record<string, string>): Corpus;
export declare function locateQuote(corpus: Corpus, doc: string, quote: string): { cite?: Citation; error?: string; hint?: string };
export declare function excerptAround(text: string, start: number, end: number, maxLen?: number): string;
export declare function pickExamples(hits: { line: CorpusLine; span: { start: number; end: number } }[], opts?: { max?: number; avoidLine?: Citation }): { text: string; cite: Citation }[];
