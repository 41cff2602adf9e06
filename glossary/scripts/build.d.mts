// Types for build.mjs, for the TypeScript tests.
import type { CompiledGlossary } from '../../server/src/engine/entry';
export interface Diagnostic { severity: 'error' | 'warning'; file: string; line: number; col: number; message: string; id?: string }
export interface CorpusLine { doc: string; line: number; text: string; title: string; kind: string; shadow: string }
export interface Corpus { docs: { doc: string; title: string; lines: CorpusLine[] }[]; lines: CorpusLine[] }
export declare function readSources(dir?: string): Record<string, string>;
export declare function loadEntries(dir?: string): { loaded: { value: Record<string, any>; file: string; index: number }[]; diagnostics: Diagnostic[]; files: string[] };
export declare function buildGlossary(opts?: { clean?: boolean }): {
  json: string; glossary: CompiledGlossary; diagnostics: Diagnostic[]; files: string[]; corpus: Corpus;
  keyHits: Map<string, Map<string, number>>;
  /** `doc:line` of every source line where some entry occurs. */
  litLines: Set<string>;
};
