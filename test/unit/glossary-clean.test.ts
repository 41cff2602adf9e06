// Cleaning of the seed documents, on samples copied from the real seeds.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import {
  MISDECODED_000,
  clean000,
  clean001,
  collapseDoubledRuns,
  findMisdecodedSpots,
  parseCleanedSource,
  parseReportStats,
  parseReportTitle,
  pinyinSyllableCount,
  removeAsciiGarbage,
  repairMisdecoded,
  splitSentences,
  stripPinyinAnnotations,
} from '../../glossary/scripts/lib/clean';

const REPO = join(__dirname, '..', '..');
const SOURCES = join(REPO, 'glossary', 'sources');
const SEEDS = join(REPO, '..', 'shared', 'seeds');

describe('pinyin annotations (seed 000)', () => {
  it('removes one syllable per preceding Han character', () => {
    expect(stripPinyinAnnotations('網(wǎng)絡(luò)金融服務(wù)簡介').text).toBe('網絡金融服務簡介');
    expect(stripPinyinAnnotations('風(fēng)險挑戰(zhàn)以及未來趨勢').text).toBe('風險挑戰以及未來趨勢');
  });

  it('keeps real parentheses: abbreviations, years, Han content', () => {
    const s = '采用工作量證(zhèng)明(PoW)共識機制萌芽期(1990-2000)余額寶規(guī)模(億元)去中心化金融(DeFi)';
    expect(stripPinyinAnnotations(s).text).toBe('采用工作量證明(PoW)共識機制萌芽期(1990-2000)余額寶規模(億元)去中心化金融(DeFi)');
  });

  it('keeps a real parenthesis whose contents were themselves annotated', () => {
    const s = '開放API(應(yīng)用程序接口)是實(shí)現(xiàn)';
    expect(stripPinyinAnnotations(s).text).toBe('開放API(應用程序接口)是實現');
    const t = '核心業(yè)務(wù)包括支付結(jié)算(日交易量超過10億筆)、';
    expect(stripPinyinAnnotations(t).text).toBe('核心業務包括支付結算(日交易量超過10億筆)、');
  });

  it('does not treat pinyin after non-Han text as an annotation', () => {
    expect(stripPinyinAnnotations('Alipay(wǎng)').text).toBe('Alipay(wǎng)');
    expect(stripPinyinAnnotations('(wǎng)').text).toBe('(wǎng)');
  });

  it('counts syllables', () => {
    expect(pinyinSyllableCount('wǎng')).toBe(1);
    expect(pinyinSyllableCount('chuàng')).toBe(1);
    expect(pinyinSyllableCount('wǎngluò')).toBe(2);
    expect(pinyinSyllableCount('de')).toBe(1);
    expect(pinyinSyllableCount('PoW')).toBe(0);
    expect(pinyinSyllableCount('DeFi')).toBe(0);
    expect(pinyinSyllableCount('fintech')).toBe(0);
  });

  it.each([
    ['網(wǎng)(wǎng)', '網'],
    ['金融(róng)(róng)科技', '金融科技'],
    ['網(wǎng)絡(luò)(luò)', '網絡'],
    ['API(應(yīng)(yīng)用)', 'API(應用)'],
    ['Alipay(wǎng)(wǎng)', 'Alipay(wǎng)(wǎng)'],
  ])('strips a repeated annotation in one pass: %s → %s', (input, expected) => {
    expect(stripPinyinAnnotations(input).text).toBe(expected);
    expect(stripPinyinAnnotations(expected).text).toBe(expected);
  });

  // strings made of the pieces that matter: Han characters, pinyin, parentheses, Latin, digits
  const pieces = fc.constantFrom(
    '網',
    '絡',
    '應',
    '用',
    '(',
    ')',
    'wǎng',
    '(wǎng)',
    '(luò)',
    '(yīng)',
    '(wǎngluò)',
    '(de)',
    '(PoW)',
    'API',
    '(1990)',
    ' ',
    '-',
  );
  const annotatedText = fc.array(pieces, { maxLength: 30 }).map((a) => a.join(''));

  it('is idempotent: cleaning cleaned text changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(annotatedText, fc.string()), (s) => {
        const once = stripPinyinAnnotations(s).text;
        expect(stripPinyinAnnotations(once).text).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('never touches text without parentheses', () => {
    fc.assert(
      fc.property(
        fc.oneof(annotatedText, fc.string()).map((s) => s.replace(/[()]/g, '')),
        (s) => {
          expect(stripPinyinAnnotations(s).text).toBe(s);
        },
      ),
    );
  });
});

describe('mis-decoded spots (seed 000)', () => {
  // Build a GBK encoder from the platform's GBK decoder.
  const gbk = new TextDecoder('gbk');
  const encode = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const s = gbk.decode(Uint8Array.from([a, b]));
      if (s.length === 1 && s !== '\uFFFD' && !encode.has(s)) encode.set(s, [a, b]);
    }
  }
  const bytesOf = (s: string) => [...s].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (encode.get(ch) ?? [0x3f])));

  it('the garbled runs are the repaired characters read one byte out of step', () => {
    // 抵押品價 → drop the lead byte → 盅浩穬r
    expect(gbk.decode(Uint8Array.from(bytesOf('抵押品價').slice(1)))).toContain('盅浩穬r');
    expect(gbk.decode(Uint8Array.from(bytesOf('實時').slice(1)))).toContain('崟r');
    expect(gbk.decode(Uint8Array.from(bytesOf('幣安').slice(1, 3)))).toBe('虐');
  });

  it('repairs every listed spot and leaves no `?` between Han characters', () => {
    const sample = '當(dāng)?shù)盅浩穬r值下跌至閾值;支持?jǐn)?shù)萬個容器;模型能夠?qū)崟r更新;多個辦公室?guī)虐?Binance)作為';
    expect(findMisdecodedSpots(sample).length).toBeGreaterThan(0);
    const r = repairMisdecoded(sample, MISDECODED_000);
    expect(r.applied).toHaveLength(4);
    const clean = stripPinyinAnnotations(r.text).text;
    expect(clean).toBe('當抵押品價值下跌至閾值;支持數萬個容器;模型能夠實時更新;多個辦公室幣安(Binance)作為');
    expect(findMisdecodedSpots(clean)).toEqual([]);
  });
});

describe('sentence lines', () => {
  it('breaks at sentence ends and keeps closing quotes with their sentence', () => {
    expect(splitSentences('甲是乙。丙是丁!“戊。”己')).toEqual(['甲是乙。', '丙是丁!', '“戊。”', '己']);
  });

  it('breaks over-long sentences without losing characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (s) => {
        const lines = splitSentences(s, 60);
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(60);
        expect(lines.join('').replace(/\s/g, '')).toBe(s.replace(/\s/g, ''));
      }),
    );
  });
});

describe('PDF extraction artefacts (seed 001)', () => {
  it('collapses doubled headings but not ordinary reduplication', () => {
    expect(collapseDoubledRuns('金融机构金融机构 AIAI 芯片应用情况专题报告芯片应用情况专题报告').text).toBe(
      '金融机构 AIAI 芯片应用情况专题报告',
    );
    expect(collapseDoubledRuns('中国信托登记有限责任公司中国信托登记有限责任公司').text).toBe('中国信托登记有限责任公司');
    expect(collapseDoubledRuns('常常人人谢谢').text).toBe('常常人人谢谢');
  });

  it('removes font-encoding garbage but keeps standards and prose', () => {
    const g = removeAsciiGarbage('图 1 34%,1*)JMK#0B30C*40)!A344(MDB=M031B1!1!E 电子会').text;
    expect(g).not.toContain('JMK');
    expect(g).toMatch(/^图 .*电子会$/);
    expect(removeAsciiGarbage('(GB/T 385402020)').text).toBe('(GB/T 385402020)');
    expect(removeAsciiGarbage('Research Report on the Development of Fintech').text).toBe('Research Report on the Development of Fintech');
  });

  it('parses listing titles and stats lines', () => {
    expect(parseReportTitle('• HundSun恒生电子:2024金融科技趋势研究报告(50页).pdf')).toEqual({
      title: 'HundSun恒生电子:2024金融科技趋势研究报告',
      pages: 50,
    });
    expect(parseReportTitle('• 中小银行联盟:中小银行金融科技发展研究报告(2023)(132页).pdf')?.title).toBe(
      '中小银行联盟:中小银行金融科技发展研究报告(2023)',
    );
    expect(parseReportStats('浏览量34人已浏览 发布时间2023-10-16 359页 推荐指数推荐指数5星级')).toEqual({
      views: 34,
      published: '2023-10-16',
      pages: 359,
    });
  });

  it('splits a listing into reports, drops chrome and marks teasers', () => {
    const listing = [
      '上海品茶',
      '',
      '用时:56ms',
      '',
      '金融科技报告-PDF版',
      '',
      '您的当前位置:上海品茶 > 金融证券 > 金融科技',
      '  • 度小满:人工智能在金融行业中的创新应用(2023)(37页).pdf',
      '',
      '     人工智能在金融行业中的创新应用人工智能在金融行业中的创新应用杨青杨青度小满 技术委员会执行主席',
      '',
      '    浏览量0人已浏览 发布时间2023-11-21 37页 推荐指数推荐指数推荐指数推荐指数推荐指数5星级',
      '  • 北京金融科技产业联盟:2023金融级混沌测试能力平台建设要求研究报告(34页).pdf',
      '',
      '    ' + '混沌工程是一种通过主动注入故障来验证系统韧性的方法。'.repeat(60),
      '',
      '    浏览量0人已浏览 发布时间2023-10-23 34页 推荐指数推荐指数推荐指数推荐指数推荐指数5星级',
      '347条  共18',
      '前往',
      '会员购买',
      '回到顶部',
    ].join('\n');
    const r = clean001(listing);
    expect(r.reports.map((x) => [x.title, x.teaser, x.published])).toEqual([
      ['度小满:人工智能在金融行业中的创新应用(2023)', true, '2023-11-21'],
      ['北京金融科技产业联盟:2023金融级混沌测试能力平台建设要求研究报告', false, '2023-10-23'],
    ]);
    expect(r.reports[0]!.lines.join('')).toContain('人工智能在金融行业中的创新应用杨青');
    expect(r.reports.flatMap((x) => x.lines).join('\n')).not.toMatch(/品茶|推荐指数|回到顶部|前往/);
  });
});

describe('seed 000 as a whole', () => {
  it('drops the page chrome and keeps the slides', () => {
    const raw = [
      '《網(wǎng)絡(luò)金融服務(wù)簡介》課件_第1頁',
      '已閱讀5頁,還剩45頁未讀 繼續(xù)免費閱讀',
      '',
      '下載本文檔',
      '',
      '版權(quán)說明:本文檔由用戶提供並上傳',
      '',
      '文檔簡介',
      '',
      '網(wǎng)絡(luò)金融服務(wù)是指依托互聯(lián)網(wǎng)開展的金融業(yè)務(wù)活動。比特幣(Bitcoin)第一個。',
      '',
      '溫馨提示',
      '',
      '  • 1. 本站所有資源如無特殊說明',
      '',
      '評論',
      '',
      '0/150',
      '',
      '提交評論',
    ].join('\n');
    const r = clean000(raw);
    expect(r.title).toBe('網絡金融服務簡介');
    expect(r.lines).toEqual(['網絡金融服務是指依托互聯網開展的金融業務活動。', '比特幣(Bitcoin)第一個。']);
  });
});

describe('committed cleaned sources', () => {
  // committed files: when one is missing the test fails (no silent skip)
  const files = ['000-network-finance-services.txt', '001-fintech-reports.txt'];

  it.each(files)('%s has a provenance header and no leftovers', (f) => {
    const text = readFileSync(join(SOURCES, f), 'utf8');
    expect(text).toMatch(/^# Source: \d{3}_[0-9a-f]+\.txt\n# sha256 \(raw seed\): [0-9a-f]{64}\n/);
    const body = parseCleanedSource(text, f.slice(0, 3))
      .lines.filter((l) => l.kind === 'body')
      .map((l) => l.text);
    expect(body.length).toBeGreaterThan(100);
    const joined = body.join('\n');
    expect(joined).not.toMatch(/\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)/);
    expect(joined).not.toContain('\uFFFD');
    expect(findMisdecodedSpots(joined)).toEqual([]);
  });

  it('000 keeps the real parentheses of the page', () => {
    const text = readFileSync(join(SOURCES, '000-network-finance-services.txt'), 'utf8');
    for (const s of ['工作量證明(PoW)', '(1990-2000)', '去中心化金融(DeFi)', 'API(應用程序接口)', '幣安(Binance)', '當抵押品價值']) {
      expect(text).toContain(s);
    }
    const body = text
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n');
    expect(body).not.toMatch(/下載本文檔|溫馨提示|提交評論|課件_第/);
  });

  it('001 has 19 report headings, teasers marked', () => {
    const text = readFileSync(join(SOURCES, '001-fintech-reports.txt'), 'utf8');
    const parsed = parseCleanedSource(text, '001');
    const headings = parsed.lines.filter((l) => l.kind === 'heading');
    expect(headings).toHaveLength(19);
    expect(headings.filter((h) => h.text.includes('TEASER')).length).toBeGreaterThanOrEqual(5);
    const chaos = headings.find((h) => h.text.includes('混沌测试'))!;
    const next = parsed.lines[chaos.line]!; // the line after the heading (lines are 1-based)
    expect(next.kind).toBe('body');
    expect(next.title).toBe('北京金融科技产业联盟:2023金融级混沌测试能力平台建设要求研究报告');
  });

  const seedsHere = existsSync(SEEDS);
  it.skipIf(!seedsHere)(
    `is what clean-sources.ts produces from the seeds today${seedsHere ? '' : ' (skipped: ../shared/seeds not present)'}`,
    async () => {
      const { cleanSources } = await import('../../glossary/scripts/lib/seeds');
      const r = cleanSources({ seeds: SEEDS, check: true });
      expect(r.differ).toEqual([]);
    },
  );
});
