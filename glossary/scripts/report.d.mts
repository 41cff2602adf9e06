import type { GlossaryEntry } from '../../server/src/engine/entry';
export interface Figures {
  total: number; perDomain: Record<string, number>; quotedDefinition: number; withExample: number;
  withTaiwanForm: number; withHongKongForm: number; withTaiwanOrHongKongForm: number; bothScripts: number; latinOnlyChinese: number;
  englishDefinition: number; chineseDefinition: number; withAbbreviation: number; withAliases: number;
  neverOccurs: number; deprecated: number;
}
export declare function glossaryFigures(entries: GlossaryEntry[]): Figures;
export declare function doneChecks(f: Figures): { what: string; ok: boolean; value: number }[];
