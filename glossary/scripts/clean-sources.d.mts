export declare const REPO: string;
export declare const SOURCES_DIR: string;
export declare const SOURCE_FILES: Record<'000' | '001', string>;
export declare function cleanSources(opts?: { seeds?: string; check?: boolean; log?: (m: string) => void }): {
  written: string[]; unchanged: string[]; differ: string[]; missing: string[];
};
