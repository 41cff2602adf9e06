import type { CompiledGlossary } from '../../../server/src/engine/entry';
import type { Corpus, Diagnostic } from '../build.mjs';
import type { LoadedEntry } from './load.mjs';
export declare const FORMAT: 'fintech-glossary/compiled@1';
export declare function foldKey(k: string): string;
export declare function compileGlossary(loaded: LoadedEntry[], corpus: Corpus): {
  glossary: CompiledGlossary; diagnostics: Diagnostic[]; keyHits: Map<string, Map<string, number>>; litLines: Set<string>;
};
