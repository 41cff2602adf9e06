/**
 * Simplified ⇄ traditional conversion with OpenCC (opencc-js), for the regional variants we show
 * and insert. Converters are built lazily: each loads its dictionaries on first use.
 */
import * as OpenCC from 'opencc-js';

export type Script = 'zh-Hans' | 'zh-Hant' | 'zh-TW' | 'zh-HK';

type Locale = 'cn' | 't' | 'tw' | 'twp' | 'hk';
const converters = new Map<string, (s: string) => string>();

function converter(from: Locale, to: Locale): (s: string) => string {
  const key = `${from}>${to}`;
  let conv = converters.get(key);
  if (!conv) {
    conv = OpenCC.Converter({ from, to } as Parameters<typeof OpenCC.Converter>[0]);
    converters.set(key, conv);
  }
  return conv;
}

/** Convert simplified Chinese to the given script (Taiwan uses Taiwan vocabulary: 软件 → 軟體). */
export function fromSimplified(text: string, script: Script): string {
  switch (script) {
    case 'zh-Hans': return text;
    case 'zh-Hant': return converter('cn', 't')(text);
    case 'zh-TW': return converter('cn', 'twp')(text);
    case 'zh-HK': return converter('cn', 'hk')(text);
  }
}

