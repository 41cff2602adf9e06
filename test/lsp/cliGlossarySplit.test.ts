// Concepts split by the terminologist (test/unit/glossary-split.test.ts): what a user of the command
// line sees, `lookup` of each name and `check` of a short document that writes both names of a pair.
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './cliRun';

const lookup = (term: string) => {
  const r = runCli(__dirname, ['lookup', '--json', term]);
  expect(r.status).toBe(0);
  return (JSON.parse(r.stdout) as { id: string; en: string[] }[]).map((e) => `${e.id}: ${e.en.join('; ')}`);
};

describe('split concepts on the command line', () => {
  it('lookup 技术创新 --json gives technological innovation, and 科技创新 its own English', () => {
    expect(lookup('技术创新')).toEqual(['technical-innovation: technological innovation; technical innovation']);
    expect(lookup('科技创新')).toEqual([
      'technological-innovation: scientific and technological innovation; sci-tech innovation; science and technology innovation',
    ]);
    expect(lookup('5G消息')).toEqual(['5g-messaging: 5G Messaging; 5G messages']);
  });

  it('check of a document that writes both names of each pair finds nothing and exits 0', () => {
    const dir = tempTree({
      'report.md': [
        '# 金融科技报告',
        '',
        '银行以技术创新支撑科技创新。平台的技术架构见图 2,系统架构见图 3。',
        '',
        '故障演练是应急演练的一部分。中小企业与中小微企业融资难。',
        '',
        '数字化运营与数字化经营。通过 5G 消息渠道转账,基于富媒体通信(RCS)。',
        '',
        '受传统业务模式和经营模式影响。一体化客户画像与用户画像。保险及证券机构,证券公司与保险公司。',
        '',
        '据中国保险行业协会统计,中国保险业累计提供绿色保险保障。',
        '',
      ].join('\n'),
    });
    const r = runCli(dir, ['check', 'report.md']);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });
});
