// Types for clean.mjs, so the TypeScript tests can import it under `strict`.
export interface Repair { bad: string; good: string; note: string }
export interface CleanedReport {
  title: string; pages?: number; published?: string; teaser: boolean; chars: number; lines: string[];
}
export interface SourceLine { line: number; text: string; title: string; kind: 'header' | 'heading' | 'body' | 'blank' }
export declare function isHan(ch: string): boolean;
export declare function pinyinSyllableCount(run: string): number;
export declare function stripPinyinAnnotations(text: string): { text: string; removed: number };
export declare const MISDECODED_000: Repair[];
export declare function repairMisdecoded(text: string, repairs: Repair[]): { text: string; applied: Repair[] };
export declare function findMisdecodedSpots(text: string): { index: number; context: string }[];
export declare function splitSentences(paragraph: string, maxLen?: number): string[];
export declare function collapseDoubledRuns(line: string): { text: string; count: number };
export declare function removeAsciiGarbage(line: string): { text: string; count: number };
export declare function squeeze(s: string): string;
export declare function clean000(raw: string): {
  title: string; lines: string[];
  stats: { pinyinRemoved: number; repairs: Repair[]; chromeLines: number; leftoverMisdecoded: { index: number; context: string }[] };
};
export declare const TEASER_MAX_CHARS: number;
export declare function parseReportTitle(s: string): { title: string; pages?: number } | null;
export declare function parseReportStats(s: string): { views: number; published: string; pages: number } | null;
export declare function cleanReportText(text: string): { lines: string[]; doubled: number; garbage: number; chars: number };
export declare function clean001(raw: string): {
  reports: CleanedReport[]; stats: { chromeLines: number; doubledRuns: number; garbageRuns: number };
};
export declare function reportHeading(i: number, total: number, r: CleanedReport): string;
export declare function parseCleanedSource(text: string, doc: string): { doc: string; title: string; lines: SourceLine[] };
