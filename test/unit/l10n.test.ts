/**
 * The Chinese interface: every text package.json contributes (titles, descriptions, settings) is a
 * `%key%` with an English, a simplified and a traditional Chinese text, and every client message
 * (`vscode.l10n.t`) has both Chinese translations. When you contribute a command or a setting, add its
 * texts to package.nls.json, package.nls.zh-cn.json and package.nls.zh-tw.json (VS Code's own words:
 * 设置/設定, 命令, 扩展/擴充功能); a client message goes to l10n/bundle.l10n.zh-cn.json and .zh-tw.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const json = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
const manifest = json('package.json');
const NLS = { en: json('package.nls.json'), 'zh-cn': json('package.nls.zh-cn.json'), 'zh-tw': json('package.nls.zh-tw.json') };
const HAN = /\p{Script=Han}/u;

/** Every user-visible text of the manifest, with where it is: the listing and everything contributed. */
function texts(): [string, string][] {
  const out: [string, string][] = [];
  const visible = new Set([
    'title',
    'category',
    'description',
    'markdownDescription',
    'enumDescriptions',
    'markdownEnumDescriptions',
    'deprecationMessage',
    'markdownDeprecationMessage',
    'label',
  ]);
  const walk = (value: unknown, path: string, shown: boolean) => {
    if (typeof value === 'string') {
      if (shown) out.push([path, value]);
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`, shown);
    } else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, shown || visible.has(k));
  };
  out.push(['displayName', String(manifest.displayName)], ['description', String(manifest.description)]);
  walk(manifest.contributes, 'contributes', false);
  return out;
}

describe('package.json is localized', () => {
  it('finds the texts it checks', () => {
    expect(texts().length).toBeGreaterThan(15);
  });

  it('every contributed text is a %key% (no English left in package.json)', () => {
    // each with the key that already has this English text, if one does (then use `%key%`)
    const keyOf = new Map(Object.entries(NLS.en).map(([k, v]) => [v, k]));
    const literal = texts()
      .filter(([, text]) => !/^%[\w.-]+%$/.test(text))
      .map(([path, text]) => `${path}: ${keyOf.has(text) ? `use "%${keyOf.get(text)}%"` : JSON.stringify(text)}`);
    expect(literal, 'move these texts to package.nls.json and its zh-cn and zh-tw files').toEqual([]);
  });

  it.each(Object.keys(NLS))('every %%key%% exists in package.nls%s', (lang) => {
    const file = NLS[lang as keyof typeof NLS];
    const missing = texts()
      .map(([path, text]) => [path, text.slice(1, -1)])
      .filter(([, key]) => typeof file[key!] !== 'string' || !(file[key!] as string).trim());
    expect(missing).toEqual([]);
  });

  it('the three files have the same keys, and every Chinese text is Chinese, not a copy of the English', () => {
    const keys = Object.keys(NLS.en).sort();
    expect(Object.keys(NLS['zh-cn']).sort()).toEqual(keys);
    expect(Object.keys(NLS['zh-tw']).sort()).toEqual(keys);
    for (const lang of ['zh-cn', 'zh-tw'] as const) {
      const untranslated = keys.filter((k) => !HAN.test(String(NLS[lang][k])) || NLS[lang][k] === NLS.en[k]);
      expect(untranslated, `${lang}`).toEqual([]);
    }
  });

  it('simplified and traditional texts differ where the scripts do (not one file copied into the other)', () => {
    const same = Object.keys(NLS.en).filter((k) => NLS['zh-cn'][k] === NLS['zh-tw'][k]);
    expect(same.length).toBeLessThan(Object.keys(NLS.en).length / 4);
    // VS Code's own vocabulary: 设置 / 設定, 扩展 / 擴充功能, never the other script's word
    const all = (lang: 'zh-cn' | 'zh-tw') => Object.values(NLS[lang]).join('\n');
    expect(all('zh-cn')).not.toMatch(/設定|擴充功能|伺服器|檔案|視窗/);
    expect(all('zh-tw')).not.toMatch(/设置|扩展|服务器|窗口/);
  });

  it('zh-TW says 字形 for a script (字體 is a typeface) and 自動完成 for completion, as VS Code does', () => {
    const zhTw = Object.entries(NLS['zh-tw']).filter(([, text]) => /字體|補全/.test(String(text)));
    expect(zhTw).toEqual([]);
  });

  it("the listing's description names every feature: cards, completion, term checks, conversion, termbases", () => {
    expect(NLS.en.description).toMatch(/hover.*completion.*term checks.*conversion.*termbases/);
    expect(NLS['zh-cn'].description).toMatch(/悬停.*补全.*检查.*转换.*术语库/);
    expect(NLS['zh-tw'].description).toMatch(/暫留.*自動完成.*檢查.*轉換.*術語庫/);
  });

  it('a command a setting names in *…* is named by its title', () => {
    const commands = (manifest.contributes as { commands: { title: string }[] }).commands;
    for (const [lang, file] of Object.entries(NLS)) {
      const titles = new Set(commands.map((c) => String(file[c.title.slice(1, -1)])));
      const named = Object.values(file).flatMap((text) => [...String(text).matchAll(/\*([^*`]+)\*/g)].map((m) => m[1]!));
      expect(named.length, lang).toBeGreaterThan(0);
      expect(
        named.filter((name) => !titles.has(name)),
        lang,
      ).toEqual([]);
    }
  });
});

describe('the client speaks Chinese too', () => {
  const sources = readdirSync(join(root, 'client/src')).filter((f) => f.endsWith('.ts'));
  const messages = sources.flatMap((f) =>
    [...readFileSync(join(root, 'client/src', f), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!),
  );

  it('shows its messages through vscode.l10n.t, not as plain literals', () => {
    expect(messages.length).toBeGreaterThan(10);
    const plain = sources.flatMap((f) =>
      readFileSync(join(root, 'client/src', f), 'utf8')
        .split('\n')
        .filter((line) => /show(Information|Warning|Error)Message\(\s*['`]|prompt: ['`]|placeHolder: ['`]/.test(line)),
    );
    expect(plain).toEqual([]);
  });

  it.each(['zh-cn', 'zh-tw'])('l10n/bundle.l10n.%s.json translates every message, keeping its {0} placeholders', (lang) => {
    const bundle = json(`l10n/bundle.l10n.${lang}.json`);
    for (const message of messages) {
      const translated = bundle[message];
      expect(typeof translated, message).toBe('string');
      expect(HAN.test(translated as string), message).toBe(true);
      expect((translated as string).match(/\{\d\}/g) ?? [], message).toEqual(message.match(/\{\d\}/g) ?? []);
    }
  });
});
