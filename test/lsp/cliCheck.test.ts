// The `check` and `convert` commands: their output formats, exit codes (0 clean, 1 findings at or
// above --fail-on, 2 usage error), UTF-16 columns, and the project file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree, BIN } from './cliRun';

/** The CLI in `cwd`, run as a GitHub workflow runs it, from its workspace (see runCli). */
const run = (cwd: string, args: string[], input?: string) => runCli(cwd, args, { input, inWorkspace: true });

const project = (files: Record<string, string>) => tempTree(files, 'fg-check-');

// 𠀀 is one character in two UTF-16 units: the column after it counts both, as editors do
const DOC = '<!-- fintech-glossary-variant: zh-Hans -->\n𠀀区塊鏈和云計算。\n';

describe('fintech-glossary check', () => {
  it('text: file:line:col: severity code: message; exit 1 on findings', () => {
    const dir = project({ 'a.md': DOC });
    const r = run(dir, ['check', 'a.md']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(': ').slice(0, 2).join(': '))).toEqual([
      'a.md:2:3: information mixed-script',
      'a.md:2:7: information forbidden-term',
    ]);
  });

  it('a term found over a line break is quoted on one line, as it reads, in text and JSON messages', () => {
    const dir = project({ 'a.txt': '我们引入了OCR\n识别，光学字符识别提高了效率。\n' });
    const text = run(dir, ['check', 'a.txt']);
    expect(text.stdout).toBe(
      'a.txt:1:6: information inconsistent-term: “OCR 识别” and “光学字符识别” name the same concept (optical character recognition) in this document: use “光学字符识别” throughout.\n',
    );
    const json = JSON.parse(run(dir, ['check', '--format', 'json', 'a.txt']).stdout);
    // the written text itself stays as written: it is what a fix replaces
    expect(json.map((f: { term: string; message: string }) => [f.term, f.message.slice(0, 10)])).toEqual([['OCR\n识别', '“OCR 识别” a']]);
  });

  it('a file named twice, or in a folder also named, is checked and reported once', () => {
    const dir = project({});
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'a.md'), DOC);
    const r = run(dir, ['check', 'docs', 'docs/a.md', './docs/a.md']);
    expect(r.status).toBe(1);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(': ').slice(0, 2).join(': ')),
    ).toEqual(['docs/a.md:2:3: information mixed-script', 'docs/a.md:2:7: information forbidden-term']);
  });

  it('json: the contract fields, 1-based lines, UTF-16 columns, suggestions', () => {
    const dir = project({ 'a.md': DOC });
    const r = run(dir, ['check', '--format', 'json', 'a.md']);
    const out = JSON.parse(r.stdout);
    expect(out[0]).toEqual({
      file: 'a.md',
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 6,
      severity: 'information',
      code: 'mixed-script',
      message: expect.stringContaining('区塊鏈'),
      term: '区塊鏈',
      suggestions: ['区块链'],
    });
  });

  it('a file that starts with a byte-order mark: its variant directive counts and columns are as an editor counts them', () => {
    const dir = project({ 'bom.md': '\uFEFFfintech-glossary-variant: zh-TW\n\n台灣的數字貨幣\n', 'bom2.md': '\uFEFF台灣的數字貨幣\n' });
    const r = run(dir, ['check', '--format', 'json', 'bom.md']);
    expect(JSON.parse(r.stdout).map((f: { line: number; column: number; code: string }) => [f.line, f.column, f.code])).toEqual([
      [3, 4, 'regional-variant'],
    ]);
    const first = JSON.parse(run(dir, ['check', '--variant', 'zh-TW', '--format', 'json', 'bom2.md']).stdout)[0];
    expect([first.line, first.column, first.endColumn]).toEqual([1, 4, 8]);
  });

  it('a directive inside a Markdown fenced code block is an example; in a text file it counts', () => {
    const text = '区块链和银行，证券与保险公司的应用。\n```bash\n# fintech-glossary-disable\n```\n区塊鏈 A\n';
    const dir = project({ 'fence.md': text, 'fence.txt': text });
    const md = run(dir, ['check', '--format', 'json', 'fence.md']);
    expect(md.status).toBe(1);
    expect(JSON.parse(md.stdout).map((f: { line: number; code: string }) => `${f.line} ${f.code}`)).toEqual(['5 mixed-script']);
    const txt = run(dir, ['check', 'fence.txt']);
    expect([txt.status, txt.stdout]).toEqual([0, '']);
  });

  it('in Markdown, an example in a list item or a block quote is not a directive either', () => {
    const head = '区块链和银行，证券与保险公司的应用。\n';
    const dir = project({
      'list.md': `${head}1. 安装：\n\n    \`\`\`bash\n    # fintech-glossary-disable\n    \`\`\`\n\n区塊鏈 A\n`,
      'quote.md': `${head}> \`\`\`bash\n> # fintech-glossary-disable\n> \`\`\`\n\n区塊鏈 A\n`,
    });
    for (const [file, line] of [
      ['list.md', 8],
      ['quote.md', 6],
    ] as const) {
      const r = run(dir, ['check', '--format', 'json', file]);
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout).map((f: { line: number; code: string }) => `${f.line} ${f.code}`)).toEqual([`${line} mixed-script`]);
    }
  });

  it('github: workflow annotations', () => {
    const dir = project({ 'a.md': DOC });
    const r = run(dir, ['check', '--format', 'github', 'a.md']);
    expect(r.stdout.split('\n')[0]).toMatch(/^::notice file=a\.md,line=2,col=3,endLine=2,endColumn=6,title=mixed-script::/);
  });

  it('--fail-on and the project file decide the exit status; the project file switches rules off and ignores paths', () => {
    const dir = project({ 'a.md': DOC, 'clean.md': '普通的文字。\n' });
    expect(run(dir, ['check', 'clean.md']).status).toBe(0);
    expect(run(dir, ['check', '--fail-on', 'warning', 'a.md']).status).toBe(0);
    writeFileSync(join(dir, '.fintech-glossary.yaml'), 'severity:\n  forbidden-term: error\n  mixed-script: off\n');
    const r = run(dir, ['check', '--fail-on', 'error', 'a.md']);
    expect(r.status).toBe(1);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(': ')[1]),
    ).toEqual(['error forbidden-term']);
    writeFileSync(join(dir, '.fintech-glossary.yaml'), "ignore: ['*.md']\n");
    expect(run(dir, ['check', 'a.md']).status).toBe(0);
  });

  it('a rule the project file sets to hint is shown without failing, unless --fail-on hint', () => {
    const dir = project({ 'a.md': DOC, '.fintech-glossary.yaml': 'severity:\n  mixed-script: hint\n  forbidden-term: off\n' });
    const r = run(dir, ['check', 'a.md']);
    expect([r.status, r.stdout.split(': ').slice(0, 2).join(': ')]).toEqual([0, 'a.md:2:3: hint mixed-script']);
    expect(run(dir, ['check', '--fail-on', 'hint', 'a.md']).status).toBe(1);
    expect(run(dir, ['check', '--format', 'github', 'a.md']).stdout).toMatch(/^::notice file=a\.md,line=2,/);
  });

  it('a folder is walked as the server searches a workspace: no hidden folders or files, no node_modules', () => {
    const dir = project({});
    for (const sub of ['docs', 'docs/.drafts', '.github', 'node_modules/pkg']) mkdirSync(join(dir, sub), { recursive: true });
    for (const file of [
      'docs/a.md',
      'docs/.drafts/b.md',
      'docs/.c.md',
      '.github/d.md',
      'node_modules/pkg/e.md',
      'docs/f.txt',
      'docs/g.json',
    ])
      writeFileSync(join(dir, file), DOC);
    // a link back up (the walk must not go round it forever) and a link to nothing (skipped, said so)
    symlinkSync('..', join(dir, 'docs', 'up'));
    symlinkSync('missing.md', join(dir, 'docs', 'gone.md'));
    const r = run(dir, ['check', '--format', 'json', '.']);
    expect(r.status).toBe(1);
    const files = [...new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file))].sort();
    expect(files).toEqual(['docs/a.md', 'docs/f.txt']);
    expect(r.stderr).toContain('skipped');
    expect(r.stderr).toContain('gone.md');
  });

  it('usage errors exit 2: a bad option value, a missing file', () => {
    const dir = project({ 'a.md': DOC });
    expect(run(dir, ['check', '--format', 'xml', 'a.md']).status).toBe(2);
    expect(run(dir, ['check', '--variant', 'zh-XX', 'a.md']).status).toBe(2);
    expect(run(dir, ['check', 'missing.md']).status).toBe(2);
  });
});

describe('check and convert read documents as an editor opens them', () => {
  // 云計算 and 区塊鏈 written in UTF-16 (with the byte-order mark Windows tools write) and in GBK
  const TEXT = '我们使用云計算。\n第二行：区塊鏈\n';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
  // GBK bytes of 我们 (a legacy encoding UTF-8 cannot read), then ASCII
  const gbk = Buffer.from([0xce, 0xd2, 0xc3, 0xc7, 0x0a, 0x61, 0x0a]);

  it('UTF-16 with a byte-order mark is read: its findings are those of the UTF-8 text', () => {
    const dir = project({ 'u8.md': TEXT });
    writeFileSync(join(dir, 'u16.md'), utf16);
    const codes = (file: string) =>
      JSON.parse(run(dir, ['check', '--format', 'json', file]).stdout).map((f: { line: number; column: number; code: string }) =>
        [f.line, f.column, f.code].join(' '),
      );
    expect(codes('u16.md')).toEqual(['1 5 forbidden-term', '2 5 mixed-script']);
    expect(codes('u16.md')).toEqual(codes('u8.md'));
    const converted = run(dir, ['convert', '--to', 'zh-Hans', 'u16.md']);
    expect([converted.status, converted.stdout]).toEqual([0, run(dir, ['convert', '--to', 'zh-Hans', 'u8.md']).stdout]);
  });

  it('a file UTF-8 cannot read is a usage error naming the line, for check, convert and stdin; nothing is written', () => {
    const dir = project({ 'ok.md': '区塊鏈\n' });
    writeFileSync(join(dir, 'gbk.md'), Buffer.concat([Buffer.from('first line\n'), gbk]));
    // the other files are still checked and their findings printed; the exit status says a file was not read
    const check = run(dir, ['check', 'ok.md', 'gbk.md']);
    expect([check.status, check.stdout.split(': ').slice(0, 2).join(': ')]).toEqual([2, 'ok.md:1:1: information mixed-script']);
    expect(check.stderr).toContain('cannot read gbk.md: not UTF-8 text: line 2 ');
    const convert = run(dir, ['convert', '--to', 'zh-TW', 'gbk.md']);
    expect([convert.status, convert.stdout]).toEqual([2, '']);
    const stdin = spawnSync(process.execPath, [BIN, 'convert', '--to', 'zh-TW'], { cwd: dir, input: gbk });
    expect([stdin.status, stdin.stdout.length]).toEqual([2, 0]);
    expect(stdin.stderr.toString()).toContain('cannot read stdin: not UTF-8 text: line 1 ');
  });

  it('a replacement character written in a UTF-8 file is text, not a bad byte', () => {
    const dir = project({ 'r.md': 'a\uFFFD 区塊鏈\n' });
    expect(run(dir, ['check', 'r.md']).status).toBe(1);
  });

  it('a missing file or a directory is said the same way by every command', () => {
    const dir = project({});
    mkdirSync(join(dir, 'sub'));
    expect(run(dir, ['convert', '--to', 'zh-TW', 'missing.md']).stderr).toContain('cannot read missing.md: no such file\n');
    expect(run(dir, ['convert', '--to', 'zh-TW', 'sub']).stderr).toContain('cannot read sub: it is a directory\n');
    expect(run(dir, ['validate', 'missing.csv']).stderr).toContain('cannot read missing.csv: no such file\n');
  });
});

describe('fintech-glossary convert', () => {
  it('converts stdin to zh-TW, glossary terms in their reviewed Taiwan form', () => {
    const r = run(tmpdir(), ['convert', '--to', 'zh-TW'], '我的银行账户里有数字货币。\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('我的銀行帳戶裡有數位貨幣。\n');
  });

  it('--variant or the project file says a traditional text is Taiwan’s: its Taiwan terms convert as such', () => {
    const text = '金融監督管理委員會表示，國內行動支付使用者持續增加，數位貨幣與區塊鏈應用也逐漸成熟。\n';
    // detection tells only that it is traditional: Taiwan's words are then not taken for its terms
    expect(run(tmpdir(), ['convert', '--to', 'zh-Hans'], text).stdout).toContain('国内行动支付');
    const tw = run(tmpdir(), ['convert', '--to', 'zh-Hans', '--variant', 'zh-TW'], text).stdout;
    expect(tw).toBe('金融监督管理委员会表示，国内移动支付用户持续增加，数字货币与区块链应用也逐渐成熟。\n');
    const dir = project({ '.fintech-glossary.yaml': 'variant: zh-TW\n' });
    const hk = run(dir, ['convert', '--to', 'zh-HK'], text).stdout;
    expect([hk.includes('流動支付'), hk.includes('數碼貨幣')]).toEqual([true, true]);
    expect(run(dir, ['convert', '--to', 'zh-HK', '--variant', 'bogus'], text).status).toBe(2);
  });

  it('the converted file’s variant directive names the new variant, so checking it finds nothing', () => {
    const text = '<!-- fintech-glossary-variant: zh-Hans -->\n我的银行账户里有数字货币。\n';
    const dir = project({ 'a.md': text });
    const r = run(dir, ['convert', '--to', 'zh-TW', 'a.md']);
    expect([r.status, r.stdout]).toEqual([0, '<!-- fintech-glossary-variant: zh-TW -->\n我的銀行帳戶裡有數位貨幣。\n']);
    writeFileSync(join(dir, 'tw.md'), r.stdout);
    const check = run(dir, ['check', 'tw.md']);
    expect([check.status, check.stdout]).toEqual([0, '']);
    // stdin too; a front-matter key
    const fm = run(dir, ['convert', '--to', 'zh-Hant'], '---\nfintech-glossary-variant: zh-Hans\n---\n银行\n');
    expect(fm.stdout).toBe('---\nfintech-glossary-variant: zh-Hant\n---\n銀行\n');
  });

  it('long terms with digits and punctuation become the glossary’s form: IFRS 17 to Taiwan, PP&E to simplified', () => {
    expect(run(tmpdir(), ['convert', '--to', 'zh-TW'], '国际财务报告准则第17号——保险合同\n').stdout).toBe(
      '國際財務報導準則第17號「保險合約」\n',
    );
    expect(run(tmpdir(), ['convert', '--to', 'zh-Hans'], '不動產、廠房及設備\n').stdout).toBe('固定资产\n');
  });

  it('converts a file to simplified; a bad --to is a usage error', () => {
    const dir = project({ 't.txt': '使用區塊鏈與雲端運算。\n' });
    expect(run(dir, ['convert', '--to', 'zh-Hans', 't.txt']).stdout).toBe('使用区块链与云计算。\n');
    expect(run(dir, ['convert', '--to', 'zh-XX', 't.txt']).status).toBe(2);
  });
});
