/**
 * The server's own words (card labels, link titles, messages) in the reader's interface language:
 * English, simplified or traditional Chinese, chosen from `InitializeParams.locale` (VS Code sends
 * its display language; Neovim and Helix may send one too). Independent of the glossary script
 * setting: a reader with an English interface still gets 区块链 in the script they chose.
 */
import type { Finding } from '../engine/termQA';
import { regionOf } from '../engine/terms';
import { joinLines } from '../engine/unicode';
import type { Script } from '../protocol';

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
  /** Term QA: diagnostics' messages and code actions' titles. */
  qa: QAWords;
  /** The last line of a bundled entry's read-only view. */
  readOnlyEntry: string;
  /** The code action on a selection, and the message once a term is added, naming the termbase file. */
  addToTermbase: (term: string) => string;
  addedToTermbase: (term: string, file: string) => string;
  alreadyInTermbase: (term: string, file: string) => string;
  /** The search of a workspace folder for termbases stopped at its limit of names. */
  searchStopped: (folder: string, limit: number) => string;
}

export interface QAWords {
  /** A finding's diagnostic message, from its structured detail. */
  message: (f: Finding) => string;
  /** A quick fix. */
  replaceWith: (replacement: string) => string;
  /** The quick fix that fixes every finding of one rule (its code) in the document. */
  fixAllOf: (rule: string, count: number) => string;
  /** `source.fixAll.fintechGlossary`. */
  fixAll: string;
  /** The convert code actions and the conversion's undo label. */
  convert: (to: Script, selection: boolean) => string;
  /** The one-time message about a document above the size limit. */
  tooLong: (limit: number, length: number) => string;
}

/** English: the messages the CLI's `check` prints too (a stable contract). */
/**
 * A written term as a message quotes it: one line, as the text reads (a term the matcher found over
 * a line break, RPA⏎机器人, is shown RPA 机器人; 区块⏎链 is 区块链), never the break itself.
 */
const shownTerm = (written: string) => joinLines(written);

const enQA = (): QAWords => {
  const q = (s: string) => `“${s}”`;
  const region: Record<string, string> = { cn: 'mainland', tw: 'Taiwan', hk: 'Hong Kong', sg: 'Singapore' };
  const script: Record<Script, string> = {
    'zh-Hans': '简体 (zh-Hans)',
    'zh-Hant': '繁體 (zh-Hant)',
    'zh-TW': '臺灣正體 (zh-TW)',
    'zh-HK': '香港繁體 (zh-HK)',
  };
  return {
    message(f) {
      const d = f.detail;
      const w = q(shownTerm(f.term));
      const n = f.english ? ` (${f.english})` : '';
      switch (d.rule) {
        case 'forbidden-term':
        case 'deprecated-term': {
          const use = d.instead.length ? `: use ${d.instead.map(q).join(' or ')}` : '';
          const what = d.status === 'forbidden' ? 'a forbidden term' : d.status;
          return `${w} is ${what}${n}${use}.${d.usage ? ` ${d.usage}` : ''}`;
        }
        case 'regional-variant': {
          const target = region[regionOf(d.target) ?? ''] ?? 'traditional';
          return d.regions.length
            ? `${w} is ${d.regions.map((g) => region[g] ?? g).join('/')} usage${n}; in ${target} write ${q(d.want)}.`
            : `${w} is not the ${target} term${n}: write ${q(d.want)}.`;
        }
        case 'mixed-script':
          return `${w} mixes simplified and traditional characters${n}: write ${d.fixes.map(q).join(' or ')}.`;
        case 'script-mismatch':
          return `${w} is in ${d.written} characters in a ${d.document} document${n}: write ${q(d.fix)}.`;
        case 'inconsistent-term':
          return `${w} and ${d.others.map(q).join(', ')} name the same concept${n} in this document: use ${q(d.preferred)} throughout.`;
      }
    },
    replaceWith: (s) => `Replace with ${q(s)}`,
    fixAllOf: (rule, count) => `Fix all ${rule} in the document (${count})`,
    fixAll: 'Fix all Fintech Glossary findings',
    convert: (to, selection) => `Convert ${selection ? 'Selection' : 'Document'} to ${script[to]}`,
    tooLong: (limit, length) =>
      `Fintech Glossary: documents longer than ${limit} characters are not checked (fintechGlossary.diagnostics.maxDocumentSize); this one has ${length}.`,
  };
};

/** The Chinese messages: the same sentence shapes in both scripts, with each script's words and quotation marks. */
interface ChineseQA {
  q: (s: string) => string;
  region: Record<string, string>;
  script: Record<Script, string>;
  status: Record<'forbidden' | 'deprecated' | 'superseded', string>;
  /** 请改用 / 請改用 */
  use: string;
  or: string;
  /** 用语 / 用語 */
  usage: string;
  /** 应写作 / 應寫作 */
  write: string;
  not: string;
  mixed: string;
  /** 简体字 / 簡體字 and 繁体字 / 繁體字; 简体 / 簡體 and 繁体 / 繁體. */
  chars: Record<'simplified' | 'traditional', string>;
  doc: Record<'simplified' | 'traditional', string>;
  /** 本文档为 / 本文件為 */
  docIs: string;
  and: string;
  /** 在本文档中指同一概念 */
  same: string;
  /** 请统一使用 */
  useThroughout: string;
  replaceWith: string;
  fixAllOf: (rule: string, count: number) => string;
  fixAll: string;
  convertSelection: string;
  convertDocument: string;
  tooLong: (limit: number, length: number) => string;
}

const chineseQA = (c: ChineseQA): QAWords => ({
  message(f) {
    const d = f.detail;
    // the concept's English name right after the term: “云計算”（cloud computing）是…
    const w = `${c.q(shownTerm(f.term))}${f.english ? `（${f.english}）` : ''}`;
    switch (d.rule) {
      case 'forbidden-term':
      case 'deprecated-term': {
        const use = d.instead.length ? `，${c.use}${d.instead.map(c.q).join(c.or)}` : '';
        // a usage note is glossary text in its own language: an English one is set off by a space
        const usage = d.usage ? `${d.usage.charCodeAt(0) < 0x80 ? ' ' : ''}${d.usage}` : '';
        return `${w}是${c.status[d.status]}${use}。${usage}`;
      }
      case 'regional-variant': {
        const target = c.region[regionOf(d.target) ?? ''] ?? c.doc.traditional;
        return d.regions.length
          ? `${w}是${d.regions.map((g) => c.region[g] ?? g).join('、')}${c.usage}，${target}${c.write}${c.q(d.want)}。`
          : `${w}${c.not}${target}${c.usage}，${c.write}${c.q(d.want)}。`;
      }
      case 'mixed-script':
        return `${w}${c.mixed}，${c.write}${d.fixes.map(c.q).join(c.or)}。`;
      case 'script-mismatch':
        return `${w}是${c.chars[d.written]}，${c.docIs}${c.doc[d.document]}，${c.write}${c.q(d.fix)}。`;
      case 'inconsistent-term':
        return `${w}${c.and}${d.others.map(c.q).join('、')}${c.same}，${c.useThroughout}${c.q(d.preferred)}。`;
    }
  },
  replaceWith: (s) => `${c.replaceWith}${c.q(s)}`,
  fixAllOf: c.fixAllOf,
  fixAll: c.fixAll,
  convert: (to, selection) => `${selection ? c.convertSelection : c.convertDocument}${c.script[to]}`,
  tooLong: c.tooLong,
});

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
  qa: enQA(),
  readOnlyEntry: 'Bundled glossary entry (read-only view)',
  addToTermbase: (term) => `Add “${term}” to the project termbase`,
  addedToTermbase: (term, file) => `Added ${term} to ${file}`,
  alreadyInTermbase: (term, file) => `${term} is already in ${file}`,
  searchStopped: (folder, limit) =>
    `Fintech Glossary: the search of ${folder} for termbases stopped after ${limit} names, and termbases beyond were not read. Name them in fintechGlossary.glossaries or in .fintech-glossary.yaml (a path without wildcards is read without a search).`,
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
  qa: chineseQA({
    q: (s) => `“${s}”`,
    region: { cn: '中国大陆', tw: '台湾', hk: '香港', sg: '新加坡' },
    script: { 'zh-Hans': '简体 (zh-Hans)', 'zh-Hant': '繁体 (zh-Hant)', 'zh-TW': '台湾正体 (zh-TW)', 'zh-HK': '香港繁体 (zh-HK)' },
    status: { forbidden: '禁用术语', deprecated: '已弃用的术语', superseded: '已被取代的术语' },
    use: '请改用',
    or: '或',
    usage: '用语',
    write: '应写作',
    not: '不是',
    mixed: '混用了简体字和繁体字',
    chars: { simplified: '简体字', traditional: '繁体字' },
    doc: { simplified: '简体', traditional: '繁体' },
    docIs: '本文档为',
    and: '与',
    same: '在本文档中指同一概念',
    useThroughout: '请统一使用',
    replaceWith: '替换为',
    fixAllOf: (rule, count) => `修复文档中所有 ${rule} 问题（共 ${count} 处）`,
    fixAll: '修复所有金融科技术语问题',
    convertSelection: '将选中内容转换为',
    convertDocument: '将文档转换为',
    tooLong: (limit, length) =>
      `金融科技术语：超过 ${limit} 个字符的文档不做检查（设置 fintechGlossary.diagnostics.maxDocumentSize），此文档有 ${length} 个字符。`,
  }),
  readOnlyEntry: '内置术语表条目（只读视图）',
  addToTermbase: (term) => `将“${term}”添加到项目术语库`,
  addedToTermbase: (term, file) => `已将 ${term} 添加到 ${file}`,
  alreadyInTermbase: (term, file) => `${file} 中已有 ${term}`,
  searchStopped: (folder, limit) =>
    `金融科技术语：在 ${folder} 中查找术语库时，查看 ${limit} 个名称后停止，其后的术语库未读取。请在 fintechGlossary.glossaries 或 .fintech-glossary.yaml 中写明它们（不含通配符的路径无须查找即可读取）。`,
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
  qa: chineseQA({
    q: (s) => `「${s}」`,
    region: { cn: '中國大陸', tw: '臺灣', hk: '香港', sg: '新加坡' },
    script: { 'zh-Hans': '簡體 (zh-Hans)', 'zh-Hant': '繁體 (zh-Hant)', 'zh-TW': '臺灣正體 (zh-TW)', 'zh-HK': '香港繁體 (zh-HK)' },
    status: { forbidden: '禁用術語', deprecated: '已棄用的術語', superseded: '已被取代的術語' },
    use: '請改用',
    or: '或',
    usage: '用語',
    write: '應寫作',
    not: '不是',
    mixed: '混用了簡體字和繁體字',
    chars: { simplified: '簡體字', traditional: '繁體字' },
    doc: { simplified: '簡體', traditional: '繁體' },
    docIs: '本文件為',
    and: '與',
    same: '在本文件中指同一概念',
    useThroughout: '請統一使用',
    replaceWith: '取代為',
    fixAllOf: (rule, count) => `修正文件中所有 ${rule} 問題（共 ${count} 處）`,
    fixAll: '修正所有金融科技術語問題',
    convertSelection: '將選取內容轉換為',
    convertDocument: '將文件轉換為',
    tooLong: (limit, length) =>
      `金融科技術語：超過 ${limit} 個字元的文件不會檢查（設定 fintechGlossary.diagnostics.maxDocumentSize），此文件有 ${length} 個字元。`,
  }),
  readOnlyEntry: '內建術語表條目（唯讀檢視）',
  addToTermbase: (term) => `將「${term}」新增至專案術語庫`,
  addedToTermbase: (term, file) => `已將 ${term} 新增至 ${file}`,
  alreadyInTermbase: (term, file) => `${file} 中已有 ${term}`,
  searchStopped: (folder, limit) =>
    `金融科技術語：在 ${folder} 中尋找術語庫時，查看 ${limit} 個名稱後停止，其後的術語庫未讀取。請在 fintechGlossary.glossaries 或 .fintech-glossary.yaml 中寫明它們（不含萬用字元的路徑無須尋找即可讀取）。`,
};

export const WORDS: Record<UiLanguage, Words> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

export function wordsFor(language: UiLanguage): Words {
  return WORDS[language];
}
