/**
 * The term-QA rules (diagnostic codes), in priority order: defined once, for the engine
 * (`termQA.ts`) and for the protocol module (settings, the client). A leaf module: it imports
 * nothing, which is what lets `protocol.ts` import it (test/unit/layers.test.ts).
 */
export const RULES = [
  'forbidden-term',
  'deprecated-term',
  'regional-variant',
  'mixed-script',
  'script-mismatch',
  'inconsistent-term',
] as const;
export type Rule = (typeof RULES)[number];
