// Synthetic user termbases for the termbase rows: a 20,000-entry TBX v2 file of about 27 MB (three
// language sets per entry, tig and ntig mixed, definitions and notes, indented as vendor exports
// write them: about 1.3 KB an entry, more than the ~15 MB the termbase issue names. Both the bare
// parse and the load go by element more than by byte: a 22 MB variant with shorter definitions
// measured the same ratio, 1.83 against 1.82) and a 100,000-row CSV with a BOM, quoted commas and
// line breaks. Written once to the cache dir.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HAN =
  '金融科技支付清算结算账户风险监管数据资产证券保险信托贷款利率汇率债券基金市场交易平台银行存款信用评级模型算法智能合约区块链数字货币钱包';
/** The same characters in traditional script (OpenCC's), for the Taiwan columns. */
const HANT =
  '金融科技支付清算結算賬戶風險監管數據資產證券保險信托貸款利率匯率債券基金市場交易平臺銀行存款信用評級模型算法智能合約區塊鏈數字貨幣錢包';
/** A distinct Chinese term for each n (base-|HAN| digits, 3 to 5 characters), in simplified or traditional script. */
const hanTerm = (n, alphabet = HAN) => {
  let s = '';
  let k = n + 1000;
  while (k > 0) {
    s += alphabet[k % alphabet.length];
    k = Math.floor(k / alphabet.length);
  }
  return s;
};
const WORDS = ['settlement', 'ledger', 'token', 'clearing', 'custody', 'account', 'risk', 'asset', 'payment', 'gateway', 'yield', 'margin'];
const enTerm = (n) => `${WORDS[n % 12]} ${WORDS[Math.floor(n / 12) % 12]} ${n.toString(36)}`;

export function termbaseFiles(cacheDir) {
  mkdirSync(cacheDir, { recursive: true });
  // (the -2 files write the Taiwan terms in traditional script: the first ones had simplified there)
  const tbx = join(cacheDir, 'big-termbase-2.tbx');
  const csv = join(cacheDir, 'big-termbase-2.csv');
  if (!existsSync(tbx)) {
    const parts = [
      '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en-US">\n<martifHeader><fileDesc><sourceDesc><p>bench</p></sourceDesc></fileDesc></martifHeader>\n<text>\n<body>\n',
    ];
    for (let i = 0; i < 20_000; i++) {
      const zh = hanTerm(i);
      const group = (term, extra) =>
        i % 2
          ? `      <ntig>\n        <termGrp>\n          <term>${term}</term>\n${extra}        </termGrp>\n      </ntig>\n`
          : `      <tig>\n        <term>${term}</term>\n${extra}      </tig>\n`;
      parts.push(
        `  <termEntry id="e${i}">\n    <descrip type="subjectField">payments</descrip>\n` +
          `    <langSet xml:lang="en-US">\n      <descripGrp>\n        <descrip type="definition">A synthetic definition of entry ${i} for the benchmark, long enough to look like the definitions real vendor exports carry in their English language set, with a clause or two more.</descrip>\n      </descripGrp>\n` +
          group(
            enTerm(i),
            '          <termNote type="partOfSpeech">noun</termNote>\n          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>\n',
          ) +
          `    </langSet>\n    <langSet xml:lang="zh-CN">\n      <descrip type="definition">这是第${i}个词条的合成定义，用于基准测试，长度与真实术语库导出文件中的中文定义相当。</descrip>\n` +
          group(zh, '          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>\n') +
          group(
            `${zh}业务`,
            '          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>\n          <note>A usage note for the variant.</note>\n',
          ) +
          `    </langSet>\n    <langSet xml:lang="zh-TW">\n` +
          group(hanTerm(i, HANT), '          <termNote type="geographicalUsage">TWN</termNote>\n') +
          `    </langSet>\n  </termEntry>\n`,
      );
    }
    parts.push('</body>\n</text>\n</martif>\n');
    writeFileSync(tbx, parts.join(''));
  }
  if (!existsSync(csv)) {
    const lines = ['\uFEFFen,zh-CN,zh-TW,definition,note,status'];
    for (let i = 0; i < 100_000; i++) {
      const zh = hanTerm(i);
      const def = i % 10 === 0 ? `"A definition, with a comma\r\nand a line break (${i})"` : `A definition of row ${i}`;
      lines.push(`${enTerm(i)},${zh},${hanTerm(i, HANT)},${def},"note, ${i}",${i % 7 ? 'preferred' : 'admitted'}`);
    }
    writeFileSync(csv, `${lines.join('\r\n')}\r\n`);
  }
  return { tbx, csv };
}
