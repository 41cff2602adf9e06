/**
 * The server's own words (card labels, link titles, messages) in the reader's interface language:
 * English, simplified or traditional Chinese, chosen from `InitializeParams.locale` (VS Code sends
 * its display language; Neovim and Helix may send one too). Independent of the glossary script
 * setting: a reader with an English interface still gets 区块链 in the script they chose.
 */

export const UI_LANGUAGES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * The interface language for an IETF tag (`zh-CN`, `zh-tw`, `zh-Hant-HK`, `en-US`, …): simplified for
 * mainland China, Singapore and `zh-Hans`, traditional for Taiwan, Hong Kong, Macao and `zh-Hant`,
 * English for everything else (and for anything that is not a string).
 */
export function uiLanguageOf(locale: unknown): UiLanguage {
  if (typeof locale !== 'string') return 'en';
  const parts = locale.toLowerCase().replace(/_/g, '-').split('-');
  if (parts[0] !== 'zh') return 'en';
  if (parts.includes('hant') || parts.some((p) => p === 'tw' || p === 'hk' || p === 'mo')) return 'zh-Hant';
  return 'zh-Hans';
}

export interface Words {
  /** Labels on the card; each is followed by a colon. */
  also: string;
  variants: string;
  domain: string;
  definitions: string;
  example: string;
  /** A source passage kept as a citation when our own words give the definition. */
  sourcePassage: string;
  contains: string;
  related: string;
  alsoMeans: string;
  sense: string;
  usage: string;
  historical: string;
  deprecated: string;
  deprecatedTerm: string;
  supersededTerm: string;
  forbiddenTerm: string;
  admittedTerm: string;
  /** "use X instead", before the preferred term. */
  use: string;
  /** Region names before a regional form. */
  taiwan: string;
  hongKong: string;
  /** The author line under the definitions: quoted Chinese, English by `author`; or both by `author`. */
  quotedAndWritten: (author: string) => string;
  editors: string;
  /** `(doc, line N)` in a citation. */
  line: (n: number) => string;
  until: (year: string) => string;
  /** A quotation shown converted to the reader's script (the original is at the citation). */
  convertedQuote: string;
  /** A quotation from source 000, whose traditional script is a machine conversion of simplified text. */
  machineConverted: string;
  /** Card links. */
  openSource: string;
  replaceWith: (from: string, to: string) => string;
  /** More on the full card (compact cards). */
  more: string;
}

const en: Words = {
  also: 'Also',
  variants: 'Variants',
  domain: 'Domain',
  definitions: 'Definitions',
  example: 'Example',
  sourcePassage: 'Source passage',
  contains: 'Contains',
  related: 'Related',
  alsoMeans: 'Also means',
  sense: 'Sense',
  usage: 'Usage',
  historical: 'Historical',
  deprecated: 'Deprecated',
  deprecatedTerm: 'Deprecated term',
  supersededTerm: 'Superseded term',
  forbiddenTerm: 'Forbidden term',
  admittedTerm: 'Admitted term (a preferred term exists)',
  use: 'use',
  taiwan: '臺灣',
  hongKong: '香港',
  quotedAndWritten: (author) => `中文 quoted from the source document; English by ${author}`,
  editors: 'Fintech Glossary editors',
  line: (n) => `line ${n}`,
  until: (year) => `until ${year}`,
  convertedQuote: 'converted to your script; the original is at the citation',
  machineConverted: 'the source is machine-converted traditional Chinese',
  openSource: 'Open source passage',
  replaceWith: (from, to) => `Replace ${from} with ${to}`,
  more: 'More',
};

const zhHans: Words = {
  also: '又称',
  variants: '其他写法',
  domain: '领域',
  definitions: '定义',
  example: '例句',
  sourcePassage: '来源原文',
  contains: '包含',
  related: '相关术语',
  alsoMeans: '另指',
  sense: '词义',
  usage: '用法',
  historical: '历史名称',
  deprecated: '已弃用',
  deprecatedTerm: '已弃用的术语',
  supersededTerm: '已被取代的术语',
  forbiddenTerm: '禁用术语',
  admittedTerm: '许用术语(另有首选术语)',
  use: '请改用',
  taiwan: '台湾',
  hongKong: '香港',
  quotedAndWritten: (author) => `中文定义引自来源文件,英文定义由${author}撰写`,
  editors: '金融科技术语编辑组',
  line: (n) => `第 ${n} 行`,
  until: (year) => `至 ${year} 年`,
  convertedQuote: '已转换为当前文字,原文见出处',
  machineConverted: '来源为机器转换的繁体文本',
  openSource: '打开来源段落',
  replaceWith: (from, to) => `将“${from}”替换为“${to}”`,
  more: '更多',
};

const zhHant: Words = {
  also: '又稱',
  variants: '其他寫法',
  domain: '領域',
  definitions: '定義',
  example: '例句',
  sourcePassage: '來源原文',
  contains: '包含',
  related: '相關術語',
  alsoMeans: '另指',
  sense: '詞義',
  usage: '用法',
  historical: '歷史名稱',
  deprecated: '已棄用',
  deprecatedTerm: '已棄用的術語',
  supersededTerm: '已被取代的術語',
  forbiddenTerm: '禁用術語',
  admittedTerm: '許用術語(另有首選術語)',
  use: '請改用',
  taiwan: '臺灣',
  hongKong: '香港',
  quotedAndWritten: (author) => `中文定義引自來源文件,英文定義由${author}撰寫`,
  editors: '金融科技術語編輯組',
  line: (n) => `第 ${n} 行`,
  until: (year) => `至 ${year} 年`,
  convertedQuote: '已轉換為目前的文字,原文見出處',
  machineConverted: '來源為機器轉換的繁體文本',
  openSource: '開啟來源段落',
  replaceWith: (from, to) => `將「${from}」取代為「${to}」`,
  more: '更多',
};

export const WORDS: Record<UiLanguage, Words> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

export function wordsFor(language: UiLanguage): Words {
  return WORDS[language];
}
