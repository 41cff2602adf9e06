export declare const toTraditional: (s: string) => string;
export declare const toSimplified: (s: string) => string;
export declare const fromTaiwan: (s: string) => string;
export declare const SUSPICIOUS_FORMS: { forms: string[]; re: RegExp; why: string }[];
export declare function formsOf(zh: string, overrides?: { hant?: string; tw?: string; hk?: string }): {
  hant: string; tw: string; hk: string; generated: { hant: string; tw: string; hk: string };
  review: { form: string; value: string; why: string }[]; noop: string[];
};
