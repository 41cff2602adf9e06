import type { GlossaryEntry } from '../../../server/src/engine/entry';
export declare function auditEntries(entries: GlossaryEntry[]): { kind: string; ids: string[]; note: string }[];
