import type { Diagnostic } from '../build.mjs';
export declare function formatDiag(d: Diagnostic): string;
export declare function diag(severity: 'error' | 'warning', file: string, pos: { line: number; col: number } | undefined, message: string, id?: string): Diagnostic;
