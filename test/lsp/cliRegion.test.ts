// `check` without --variant (auto) on a traditional file: the region its words tell (Taiwan or Hong
// Kong) is the variant it is checked in, so regional-variant findings are reported, and the file's
// detected variant is said with its evidence (stderr; a notice with --format github). Texts and
// expectations are written by hand.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '../../bin/fintech-glossary.js');
const run = (cwd: string, args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fg-region-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// a Taiwan writer's text (雲端運算, 人工智慧, 純網路銀行, 行動支付, 帳戶, 資訊安全, 人臉辨識, 軟體, 網路)
// with one Hong Kong word (軟件) on its third line
const TAIWAN =
  '金管會近日公布新版金融科技發展路徑圖，鼓勵銀行運用雲端運算與人工智慧改善客戶服務。多家純網路銀行表示，將擴大行動支付與數位帳戶的服務範圍，同時強化資訊安全。\n' +
  '銀行加強人臉辨識與身分驗證機制。資安專家提醒，軟體更新與網路釣魚防範同樣重要。\n' +
  '部分分行仍使用舊版軟件處理開戶申請。\n';
const NOTE =
  'checked as zh-TW, detected from its words: 9 Taiwan forms (9 only Taiwan writes), such as 人工智慧, 人臉辨識, 帳戶, 純網路銀行, 網路; 1 Hong Kong form';

describe('check detects a traditional file’s region', () => {
  it('a Taiwan file without --variant: the Hong Kong word is a regional-variant finding, and stderr says why', () => {
    const dir = project({ 'tw.md': TAIWAN });
    const r = run(dir, ['check', 'tw.md']);
    expect(r.stdout).toBe('tw.md:3:10: information regional-variant: “軟件” is Hong Kong usage (software); in Taiwan write “軟體”.\n');
    expect(r.stderr).toBe(`fintech-glossary: tw.md: ${NOTE}\n`);
    expect(r.status).toBe(1);
  });

  it('json: the findings as before (the detected variant is said on stderr, not in the array)', () => {
    const dir = project({ 'tw.md': TAIWAN });
    const r = run(dir, ['check', '--format', 'json', 'tw.md']);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: 'tw.md',
        line: 3,
        column: 10,
        endLine: 3,
        endColumn: 12,
        severity: 'information',
        code: 'regional-variant',
        message: '“軟件” is Hong Kong usage (software); in Taiwan write “軟體”.',
        term: '軟件',
        suggestions: ['軟體'],
      },
    ]);
    expect(r.stderr).toBe(`fintech-glossary: tw.md: ${NOTE}\n`);
  });

  it('github: a notice on the file', () => {
    const dir = project({ 'tw.md': TAIWAN });
    const r = run(dir, ['check', '--format', 'github', 'tw.md']);
    expect(r.stdout.split('\n')).toContain(`::notice file=tw.md::${NOTE}`);
  });

  it('a variant given, or too few regional words: plain traditional, nothing said', () => {
    const dir = project({ 'tw.md': TAIWAN, 'short.md': '多家商業銀行正在試點區塊鏈，用於跨境支付的對賬，軟體與網路也在升級。\n' });
    const given = run(dir, ['check', '--variant', 'zh-Hant', 'tw.md']);
    expect([given.stdout, given.stderr, given.status]).toEqual(['', '', 0]);
    const short = run(dir, ['check', 'short.md']);
    expect([short.stdout, short.stderr, short.status]).toEqual(['', '', 0]);
  });
});
