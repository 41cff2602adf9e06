import type { Diagnostic } from '../build.mjs';
export declare function formatDiag(d: Diagnostic): string;
export declare function diag(severity: 'error' | 'warning', file: string, pos: { line: number; col: number } | undefined, message: string, id?: string): Diagnostic;
export interface LoadedEntry { value: Record<string, any>; file: string; index: number; pos(path?: (string | number)[]): { line: number; col: number } }
export declare function parseEntriesFile(file: string, text: string): {
  entries: LoadedEntry[]; raw: unknown; diagnostics: Diagnostic[]; posOf(path: (string | number)[]): { line: number; col: number };
};
export declare function makeValidator(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown[] | null };
export declare function schemaDiagnostics(file: string, errors: unknown, posOf: (path: (string | number)[]) => { line: number; col: number }, raw: unknown): Diagnostic[];
