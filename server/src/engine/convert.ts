/**
 * Simplified ⇄ traditional conversion with OpenCC (opencc-js), the one conversion path of the
 * engine. The dictionary chains are OpenCC's own (opencc-js's `cn`/`t`/`twp`/`hk` presets), built
 * from the individual dictionaries so that only what is used is bundled; each converter is built
 * on first use (the simplified → traditional phrase table takes about 0.1 s to load).
 *
 * OpenCC output is a candidate: regional vocabulary (Taiwan, Hong Kong) shown to users comes from
 * the glossary's reviewed forms, not from here.
 */
import { ConverterFactory, type ConverterFunction, type DictGroup } from 'opencc-js/core';
import HKVariants from 'opencc-js/dict/HKVariants';
import HKVariantsPhrases from 'opencc-js/dict/HKVariantsPhrases';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';

/** The Chinese scripts and regional standards the glossary knows. */
export type Script = 'zh-Hans' | 'zh-Hant' | 'zh-TW' | 'zh-HK';

const FROM_SIMPLIFIED: DictGroup[] = [[STPhrases, STCharacters]];
/** Each chain is OpenCC's: a list of conversion steps, each step a group of dictionaries. */
const CHAINS: Record<string, DictGroup[][]> = {
  'zh-Hans>zh-Hant': [FROM_SIMPLIFIED],
  'zh-Hans>zh-TW': [FROM_SIMPLIFIED, [[TWPhrases], [TWVariantsPhrases, TWVariants]]],
  'zh-Hans>zh-HK': [FROM_SIMPLIFIED, [[HKVariantsPhrases, HKVariants]]],
  // traditional of any standard (Taiwan and Hong Kong variant characters included) to simplified
  'zh-Hant>zh-Hans': [[[TWVariantsRevPhrases, TWVariantsRev], [HKVariantsRevPhrases, HKVariantsRev], [TSPhrases, TSCharacters]]],
};

const converters = new Map<string, ConverterFunction>();

function converter(chain: string): ConverterFunction {
  let conv = converters.get(chain);
  if (!conv) {
    conv = ConverterFactory(...CHAINS[chain]!);
    converters.set(chain, conv);
  }
  return conv;
}

/** Convert simplified Chinese to the given script (Taiwan uses Taiwan vocabulary: 软件 → 軟體). */
export function fromSimplified(text: string, script: Script): string {
  return script === 'zh-Hans' ? text : converter(`zh-Hans>${script}`)(text);
}

/** Convert traditional (or mixed-script) Chinese to simplified, phrase-aware (著作權 → 著作权, not 着作权). */
export function toSimplified(text: string): string {
  return converter('zh-Hant>zh-Hans')(text);
}

/** Convert simplified (or mixed-script) Chinese to OpenCC's standard traditional (头发 → 頭髮). */
export function toTraditional(text: string): string {
  return converter('zh-Hans>zh-Hant')(text);
}
