// User termbases: each format and quirk read into the entry model, with diagnostics at the right
// line; export and re-import give back the same entries field by field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPILED_FORMAT, chineseIn, expandEntry, type GlossaryEntry, type Term } from '../../server/src/engine/entry';
import { parseTabular } from '../../server/src/engine/tabular';
import { markBareAmpersands } from '../../server/src/engine/tbx';
import {
  anyConceptToEntry,
  conceptToEntry,
  Diagnostics,
  EntryBuilder,
  glossaryForms,
  languageOf,
  ownCopy,
  type RawConcept,
  type RawTerm,
  remembered,
} from '../../server/src/engine/termbase';
import { appendEntry, exportCsv, exportTbx, splitSelection } from '../../server/src/engine/termbaseExport';
import { detectFormat, loadTermbase, type TermbaseDiagnostic } from '../../server/src/engine/termbaseLoad';
import { termFor, termsOf } from '../../server/src/engine/terms';
import { matchedTermNotes } from '../../server/src/features/card';
import { glossaryFromFile } from '../../server/src/node/glossaryFile';

const FIXTURES = join(__dirname, '..', 'fixtures', 'termbases');
const fixture = (name: string) => loadTermbase(readFileSync(join(FIXTURES, name), 'utf8'), { name });
const bundled = glossaryFromFile(join(__dirname, '..', '..', 'dist', 'glossary.json')).entries;

/** A term as "text:status" plus any of review state, part of speech, region. */
const termLine = (t: Term) => {
  const x = t as Term & { pos?: string; geo?: string[] };
  return [t.text, t.status, t.review?.state, x.pos, x.geo?.join('+')].filter(Boolean).join(':');
};
const byId = (entries: GlossaryEntry[], id: string) => {
  const e = entries.find((x) => x.id === id);
  if (!e) throw new Error(`no entry ${id} among ${entries.map((x) => x.id).join(', ')}`);
  return e;
};

describe('languages and formats', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN_gb', 'en'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh-TW', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-Hant', 'zh-Hant'],
    ['ZH-HANT', 'zh-Hant'],
    ['zh-HK', 'zh-HK'],
    ['zh-MO', 'zh-HK'],
    ['cs', undefined],
    ['es', undefined],
  ])('%s is %s', (code, lang) => expect(languageOf(code)).toBe(lang));

  it.each([
    ['a.tbx', 'x', 'tbx'],
    ['a.xml', '<martif/>', 'tbx'],
    ['a.csv', 'en,zh', 'csv'],
    ['a.tsv', 'en\tzh', 'tsv'],
    ['glossary.txt', 'a\tb', 'omegat'],
    ['glossary.utf8', 'a\tb', 'omegat'],
    ['terms.yaml', '- zh: x', 'yaml'],
    ['terms', '<?xml version="1.0"?><tbx/>', 'tbx'],
    ['g.json', '{"format":"fintech-glossary/compiled@1"}', 'compiled'],
    // Excel's "Unicode Text" (.txt, tab-separated) of a sheet: a header that names term columns
    ['terms.txt', 'id\tzh-Hans\tzh-Hant\ten\r\nx\t甲\t甲\ta', 'tsv'],
    ['terms.txt', 'Source\tTarget\tComment\nbank\t银行', 'tsv'],
    // an OmegaT glossary has no header: a line with one language name is a term
    ['glossary.txt', 'English\t英语\tthe language', 'omegat'],
  ])('%s holding %j is %s', (name, text, format) => expect(detectFormat(name, text)).toBe(format));
});

describe('TBX v2 (martif, tig and ntig/termGrp)', () => {
  const tb = fixture('ms-style-v2.tbx');

  it('reads terms per script, definitions, part of speech and region', () => {
    const e = byId(tb.entries, 'mt-1');
    expect([e.zhHans, e.zhHant, e.en, e.definitionEn]).toEqual([
      '分布式账本',
      '分散式帳本',
      ['distributed ledger'],
      'A record of transactions kept by many parties at once.',
    ]);
    expect(termsOf(e).map(termLine)).toEqual(['分布式账本:preferred:noun', '分散式帳本:preferred:tw', 'distributed ledger:preferred:noun']);
  });

  it('maps administrative status, and deprecated plus a "forbidden" note to forbidden', () => {
    const e = byId(tb.entries, 'mt-2');
    expect(e.zhAliases).toEqual(['第三方存管账户', '监管账号']);
    expect(termsOf(e).map(termLine)).toEqual([
      '托管账户:preferred',
      '託管賬戶:preferred:generated',
      '第三方存管账户:deprecated',
      '监管账号:forbidden',
      'escrow account:preferred',
    ]);
    // the note that said "forbidden" is the status, not a usage note
    expect(termsOf(e).find((t) => t.text === '监管账号')?.usage).toBeUndefined();
  });

  it('a <tig> without <term> is an error at its line, and the rest loads', () => {
    const lines = readFileSync(join(FIXTURES, 'ms-style-v2.tbx'), 'utf8').split('\n');
    const tig = lines.findIndex((l) => l.includes('<tig><termNote')) + 1;
    expect(tb.diagnostics).toContainEqual({
      severity: 'error',
      line: tig,
      column: 11,
      message: `line ${tig}: <tig> without <term>; skipped`,
    });
    expect(tb.entries.map((e) => e.id)).toEqual(['mt-1', 'mt-2']);
  });

  it('reads the Weblate export and the TBX-Basic v3 reference files', () => {
    const weblate = loadTermbase(readFileSync('/work/shared/reference/tbx/weblate-cs.tbx', 'utf8'), { name: 'weblate-cs.tbx' });
    expect(weblate.entries.map((e) => e.en[0])).toEqual(['address bar', 'administrator', 'administrate', 'always on top']);
    expect(weblate.hasChinese).toBe(false);
    const astro = loadTermbase(readFileSync('/work/shared/reference/tbx/tbx-basic-v3-astronomy.tbx', 'utf8'), { name: 'a.tbx' });
    const c1 = byId(astro.entries, 'c1');
    expect(c1.en).toEqual(['open cluster', 'galactic cluster']);
    expect(termsOf(c1).map(termLine)).toEqual(['open cluster:preferred:noun', 'galactic cluster:superseded:noun']);
    expect(c1.domain).toBe('General');
    expect(astro.diagnostics.every((d) => d.severity !== 'error')).toBe(true);
  });
});

describe('TBX v3', () => {
  it("a term's own definition, when the concept has one, is the term's sense: on the card and written back by an export", () => {
    const tbx = [
      '<?xml version="1.0"?>',
      '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>',
      '<conceptEntry id="c1">',
      '  <descrip type="definition">Money held by a third party until a condition is met.</descrip>',
      '  <langSec xml:lang="en">',
      '    <termSec><term>escrow</term></termSec>',
      '    <termSec><term>escrow account</term><descrip type="definition">The account the money is held in.</descrip></termSec>',
      '  </langSec>',
      // the concept has no Chinese definition: a term's is the concept's, as before
      '  <langSec xml:lang="zh-CN"><termSec><term>托管账户</term><descrip type="definition">第三方持有资金的账户。</descrip></termSec></langSec>',
      '</conceptEntry></body></text></tbx>',
    ].join('\n');
    const tb = loadTermbase(tbx, { name: 'a.tbx' });
    const senses = (e: GlossaryEntry) => [e.definitionEn, e.definitionZh, ...termsOf(e).map((t) => `${t.text}: ${t.sense ?? '-'}`)];
    const expected = [
      'Money held by a third party until a condition is met.',
      '第三方持有资金的账户。',
      '托管账户: -',
      '託管賬戶: -',
      'escrow: -',
      'escrow account: The account the money is held in.',
    ];
    expect(tb.diagnostics).toEqual([]);
    expect(senses(tb.entries[0]!)).toEqual(expected);
    expect(matchedTermNotes(tb.entries[0]!, 'escrow account')).toEqual(['*Sense:* The account the money is held in\\.']);
    for (const version of [3, 2] as const)
      expect(senses(loadTermbase(exportTbx(tb.entries, { version }), { name: 'back.tbx' }).entries[0]!)).toEqual(expected);
  });

  it('DCA style: langSec/termSec, concept-level subject field and note, HK form, acronyms', () => {
    const tb = fixture('basic-v3.tbx');
    expect(tb.diagnostics).toEqual([]);
    const e = byId(tb.entries, 'c-sandbox');
    expect([e.zhHans, e.zhHant, e.zhHk, e.domain, e.note]).toEqual([
      '监理沙箱',
      '監理沙箱',
      '監管沙盒',
      'regulation',
      "Our client's preferred wording.",
    ]);
    expect(termsOf(e).find((t) => t.text === '监理沙箱')?.usage).toBe('客户统一用语。');
    const h = byId(tb.entries, 'c-haircut');
    expect([h.en, h.abbr, h.zhHans]).toEqual([['haircut'], ['LTV'], '']);
  });

  it('DCT style: prefixed elements in any namespace', () => {
    const tb = fixture('dct-v3.tbx');
    expect(tb.diagnostics).toEqual([]);
    const e = byId(tb.entries, 'c-robo');
    expect([e.zhHans, e.zhTw, e.zhAliases, e.en, e.domain, e.definitionZh]).toEqual([
      '智能投顾',
      '機器人理財',
      ['机器人投顾'],
      ['robo-advisor', 'robo-adviser'],
      'wealth',
      '以算法自动提供投资建议的服务。',
    ]);
    expect(termsOf(e).map(termLine)).toContain('机器人投顾:superseded');
    expect(termsOf(e).map(termLine)).toContain('robo-adviser:admitted');
  });

  it('the same document without namespaces, and with an unprefixed default namespace, reads the same', () => {
    const text = readFileSync(join(FIXTURES, 'dct-v3.tbx'), 'utf8');
    const bare = text.replace(/ xmlns(:\w+)?="[^"]*"/g, '');
    const other = text.replace(/urn:iso:std:iso:30042:ed:3.0/, 'urn:example:whatever');
    const strip = (t: ReturnType<typeof loadTermbase>) => t.entries.map((e) => ({ ...e, origin: '' }));
    expect(strip(loadTermbase(bare, { name: 'x.tbx' }))).toEqual(strip(fixture('dct-v3.tbx')));
    expect(strip(loadTermbase(other, { name: 'x.tbx' }))).toEqual(strip(fixture('dct-v3.tbx')));
  });

  it('element text has its whitespace runs made one space and its ends trimmed', () => {
    const tb = loadTermbase(
      '<tbx><text><body><conceptEntry id="a"><note> First.</note><note>Second. </note><langSec xml:lang="en"><descrip type="definition">A  rule,\n\tsaid\u00a0twice </descrip>' +
        '<termSec><term> ledger\n</term></termSec></langSec><langSec xml:lang="zh"><termSec><term>账\u3000本</term></termSec>' +
        '<termSec><term>\u3000账簿</term></termSec><termSec><term>总账 </term></termSec></langSec></conceptEntry></body></text></tbx>',
      { name: 'x.tbx', generate: false },
    );
    const e = tb.entries[0]!;
    expect([e.note, e.definitionEn, e.en, e.zhHans, e.zhAliases]).toEqual([
      'First. Second.',
      'A rule, said twice',
      ['ledger'],
      '账 本',
      ['账簿', '总账'],
    ]);
  });

  it("element text is collapsed by the engine's whitespace: NEL is a break, a zero-width no-break space is no space", () => {
    const tb = loadTermbase(
      '<tbx><text><body><conceptEntry id="a"><langSec xml:lang="en"><descrip type="definition">one\u0085two\u2028three</descrip>' +
        '<termSec><term>led\ufeffger</term></termSec></langSec></conceptEntry></body></text></tbx>',
      { name: 'x.tbx', generate: false },
    );
    const e = tb.entries[0]!;
    expect([e.definitionEn, e.en]).toEqual(['one two three', ['led\ufeffger']]);
  });

  it('an unknown status value is a warning and the term is admitted', () => {
    const tb = loadTermbase(
      '<tbx><text><body><conceptEntry id="a"><langSec xml:lang="zh">\n<termSec><term>甲</term>\n<termNote type="administrativeStatus">sort-of</termNote></termSec></langSec></conceptEntry></body></text></tbx>',
      { name: 'x.tbx' },
    );
    expect(tb.diagnostics).toEqual([
      { severity: 'warning', line: 3, column: 1, message: 'line 3: unknown administrativeStatus "sort-of"; the term is read as admitted' },
    ]);
    expect(termsOf(tb.entries[0]!)[0]!.status).toBe('admitted');
  });
});

describe('files that are not termbases, broken XML, limits', () => {
  it.each([
    ['README.md', '# Title\n\nSome prose, with a comma.\n', /not a termbase: the first row/],
    ['x.tbx', '<html><body>hi</body></html>', /not a TBX file: the root element is <html>/],
    ['x.tbx', 'just text', /not a TBX file: not well-formed XML/],
    ['x.tbx', '', /not a TBX file/],
    ['x.yaml', 'key: value', /a YAML termbase is a list of entries/],
    ['x.csv', '', /the file is empty/],
    ['x.json', '{"a": 1}', /not a compiled Fintech Glossary/],
  ])('%s holding %j gives one error', (name, text, message) => {
    const tb = loadTermbase(text, { name });
    expect(tb.unreadable).toBe(true);
    expect(tb.diagnostics).toHaveLength(1);
    expect(tb.diagnostics[0]!.message).toMatch(message);
  });

  it('an XML error keeps the entries read before it and says where it is', () => {
    const tb = loadTermbase(
      '<martif><text><body>\n<termEntry><langSet xml:lang="zh"><tig><term>甲</term></tig></langSet></termEntry>\n<termEntry><langSet xml:lang="zh"><tig><term>乙</term></tig></langSet>\n</body></text></martif>',
      { name: 'x.tbx' },
    );
    expect(tb.entries.map((e) => e.zhHans)).toEqual(['甲', '乙']);
    expect(tb.diagnostics[0]).toMatchObject({ severity: 'error', line: 4 });
    expect(tb.diagnostics[0]!.message).toMatch(/^line 4: XML error: /);
  });

  describe('an XML error is placed where its bad token starts, in UTF-16 units like the editor', () => {
    // line 2 below: <termEntry> is columns 1-11, <langSet xml:lang="zh"> 12-34, <tig> 35-39, <term> 40-45,
    // 𠀀 (CJK Ext. B, a surrogate pair) 46-47, 甲 48
    const line2 = '<termEntry><langSet xml:lang="zh"><tig><term>𠀀甲';
    const tbx = (rest: string, eol = '\n') =>
      `<martif><text><body>${eol}${line2}${rest}</tig></langSet></termEntry>${eol}</body></text></martif>`;
    const first = (text: string) => {
      const d = loadTermbase(text, { name: 'x.tbx' }).diagnostics[0]!;
      return [d.line, d.column, d.message.replace(/^line \d+: XML error: /, '')];
    };
    it.each([
      ['an undefined entity: its &', tbx('&co;</term>'), [2, 49, 'undefined entity.']],
      ['a malformed character reference: its &', tbx('&#xZZ;</term>'), [2, 49, 'malformed character entity.']],
      ["a bad character in a tag name: the tag's <", tbx('</term><no$te>x</no$te>'), [2, 56, 'disallowed character in tag name.']],
      ["an attribute without a value: the tag's <", tbx('</term><note a>x</note>'), [2, 56, 'attribute without value.']],
      ['a closing tag that closes nothing open: its <', tbx('</tig></term>'), [2, 49, 'unexpected close tag.']],
      ['after CR LF line ends too', tbx('&co;</term>', '\r\n'), [2, 49, 'undefined entity.']],
      ['a bad character in text: that character', tbx('\u0001</term>'), [2, 49, 'disallowed character.']],
    ])('%s', (_what, text, expected) => {
      expect(first(text)).toEqual(expected);
    });
    it('an error saxes repeats for each element a bad closing tag leaves open is said once', () => {
      // </tig> (49-54) closes <tig> and <term>; </term> (55-61) then closes nothing: saxes says so
      // once for each of the six elements still open, then that <term> is unmatched
      const text = tbx('</tig></term>');
      expect(
        loadTermbase(text, { name: 'x.tbx' })
          .diagnostics.slice(0, 3)
          .map((d) => [d.line, d.column, d.message]),
      ).toEqual([
        [2, 49, 'line 2: XML error: unexpected close tag.'],
        [2, 55, 'line 2: XML error: unexpected close tag.'],
        [2, 55, 'line 2: XML error: unmatched closing tag: term.'],
      ]);
    });
    it('a term after a surrogate pair on its line is placed at its tag in UTF-16 units too', () => {
      const text =
        '<martif><text><body>\n<termEntry><langSet xml:lang="zh"><tig><term>𠀀</term></tig><tig></tig></langSet></termEntry>\n</body></text></martif>';
      // <termEntry> 1-11, <langSet …> 12-34, <tig> 35-39, <term> 40-45, 𠀀 46-47, </term> 48-54, </tig> 55-60, <tig> 61
      expect(loadTermbase(text, { name: 'x.tbx' }).diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
        [2, 61, 'line 2: <tig> without <term>; skipped'],
      ]);
    });
  });

  describe('internal DTD entities: plain text ones are expanded, the others kept as written with a warning', () => {
    // line 1 the XML declaration, line 2 `<!DOCTYPE … [`, the declarations from line 3, then `]>`
    const tbx = (declarations: string, en: string, eol = '\n') =>
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd" [',
        declarations,
        ']>',
        '<martif><text><body>',
        `<termEntry id="c1"><descrip type="definition">${en} makes money.</descrip><langSet xml:lang="en"><tig><term>${en}</term></tig></langSet><langSet xml:lang="zh"><tig><term>公司</term></tig></langSet></termEntry>`,
        '</body></text></martif>',
      ].join(eol);
    const read = (text: string) => {
      const tb = loadTermbase(text, { name: 'x.tbx' });
      return {
        en: tb.entries[0]?.en,
        definition: tb.entries[0]?.definitionEn,
        diagnostics: tb.diagnostics.map((d) => [d.severity, d.line, d.column, d.message]),
      };
    };

    it('a term and a definition get the text of a plain entity (quotes of either kind, character references)', () => {
      const decls = `  <!ENTITY co "Company Ltd.">\n  <!ENTITY amp2 'Smith &amp; Sons &#x4E2D;&#20844;'>`;
      expect(read(tbx(decls, 'Acme &co;'))).toEqual({
        en: ['Acme Company Ltd.'],
        definition: 'Acme Company Ltd. makes money.',
        diagnostics: [],
      });
      expect(read(tbx(decls, '&amp2;', '\r\n')).en).toEqual(['Smith & Sons 中公']);
    });

    it('character references the literal gives are read again with the replacement text (XML 1.0, Appendix D)', () => {
      // expat reads these as `<|AT&T`, `&lt;` and `&#65;`: the literal's &#38; is a `&` the use reads again, once
      const decls = '<!ENTITY x "&#38;#60;|AT&#38;#38;T"><!ENTITY y "&#38;amp;lt;"><!ENTITY z "&amp;#65;">';
      expect(read(tbx(decls, 'f &x; &y; &z;'))).toMatchObject({ en: ['f <|AT&T &lt; &#65;'], diagnostics: [] });
      // a `<` the literal's character reference gives is markup in the replacement text
      const markup = read(tbx('<!ENTITY m "&#60;b>x&#60;/b>">', 'f &m;'));
      expect(markup.en).toEqual(['f &m;']);
      expect(markup.diagnostics.map((d) => d[3])).toEqual([
        'line 3: the entity "m" is not expanded: its value holds markup; its references are kept as written',
      ]);
    });

    it('the first declaration of a name binds; parameter entities and the predefined ones are left alone', () => {
      const decls = '<!ENTITY co "first"><!ENTITY co "second"><!ENTITY % co "parameter"><!ENTITY lt "not this"><!ENTITY __proto__ "p">';
      expect(read(tbx(decls, '&co; &lt; &__proto__;'))).toMatchObject({ en: ['first < p'], diagnostics: [] });
    });

    it('an entity that refers to another is not expanded (no billion laughs): a warning at its declaration', () => {
      const lol = [
        '<!ENTITY lol "lol">',
        ...Array.from({ length: 9 }, (_, k) => `<!ENTITY lol${k + 1} "${`&lol${k || ''};`.repeat(10)}">`),
      ];
      const r = read(tbx(lol.join('\n'), 'a &lol; &lol9;'));
      expect(r.en).toEqual(['a lol &lol9;']);
      expect(r.diagnostics).toHaveLength(9);
      expect(r.diagnostics[0]).toEqual([
        'warning',
        4,
        1,
        'line 4: the entity "lol1" is not expanded: its value refers to the entity &lol; (an entity is not expanded inside another); its references are kept as written',
      ]);
      expect(r.diagnostics[8]!.slice(0, 3)).toEqual(['warning', 12, 1]);
    });

    it('markup in a value: not expanded, a warning', () => {
      expect(read(tbx('  <!ENTITY b "<b>x</b>">', 'x &b;'))).toEqual({
        en: ['x &b;'],
        definition: 'x &b; makes money.',
        diagnostics: [
          ['warning', 3, 3, 'line 3: the entity "b" is not expanded: its value holds markup; its references are kept as written'],
        ],
      });
      // on the DOCTYPE's own line, after a CR LF: `  <!DOCTYPE martif [` is columns 1-20
      const oneLine = '<?xml version="1.0"?>\r\n  <!DOCTYPE martif [<!ENTITY b "<x>">]><martif><text><body></body></text></martif>';
      expect(read(oneLine).diagnostics.map((d) => d.slice(0, 3))).toEqual([['warning', 2, 21]]);
    });

    it('external entities are never fetched: one warning, at the first', () => {
      const decls = '<!ENTITY co "Co.">\n\t<!ENTITY ext SYSTEM "http://127.0.0.1:9/x.ent"> <!ENTITY ext2 PUBLIC "-//X//EN" "y.ent">';
      expect(read(tbx(decls, '&co; &ext; &ext2;'))).toMatchObject({
        en: ['Co. &ext; &ext2;'],
        diagnostics: [
          ['warning', 4, 2, 'line 4: the external entity "ext" (SYSTEM) is not fetched, nor 1 more; references to it are kept as written'],
        ],
      });
    });

    it('references that would expand past 1,000,000 characters in all are kept as written, with a warning at the DOCTYPE', () => {
      const decls = `<!ENTITY big "${'x'.repeat(1000)}">`;
      // the term and the definition hold the references: 499 each, 998,000 characters in all
      const under = read(tbx(decls, '&big;'.repeat(499)));
      expect(under.en![0]).toHaveLength(499_000);
      expect(under.diagnostics).toEqual([]);
      // 501 each: 1,002,000 characters
      const over = read(tbx(decls, '&big;'.repeat(501)));
      expect(over.en).toEqual(['&big;'.repeat(501)]);
      expect(over.diagnostics).toEqual([
        [
          'warning',
          2,
          1,
          'line 2: the internal entities are not expanded: their references would make more than 1,000,000 characters; they are kept as written',
        ],
      ]);
    });
  });

  it('the size and entry limits are enforced with a clear message', () => {
    const big = loadTermbase('en,zh\n' + 'a,甲\n'.repeat(10), { name: 'x.csv', limits: { maxChars: 20 } });
    expect(big.unreadable).toBe(true);
    expect(big.diagnostics[0]!.message).toMatch(/over the limit of .* not loaded \(split it\)/);
    const many = loadTermbase('en,zh\n' + 'a,甲\n'.repeat(10), { name: 'x.csv', limits: { maxEntries: 3 } });
    expect(many.entries).toHaveLength(3);
    expect(many.diagnostics).toEqual([
      { severity: 'error', line: 5, column: 1, message: 'more than 3 entries: the rest of the file is not loaded (split the file)' },
    ]);
  });

  it('a sheet of 20,000 rows, some skipped or blank, gives one entry per good row and its line', () => {
    // rows 1..20000 after the header; every 7th has no term (skipped, reported), every 11th is blank
    const rows: string[] = [];
    for (let k = 1; k <= 20_000; k++) rows.push(k % 11 === 0 ? '' : k % 7 === 0 ? ',,a definition' : `term ${k},术语${k},`);
    const tb = loadTermbase(`en,zh,definition\n${rows.join('\n')}\n`, { name: 'x.csv', generate: false });
    // 20,000 − 1,818 blank − (2,857 − 259 both) no-term rows
    expect(tb.entries).toHaveLength(15_584);
    expect(tb.lines).toHaveLength(15_584);
    expect(tb.entries.every((e) => e !== undefined)).toBe(true);
    expect(tb.entries.at(-1)!.en).toEqual(['term 20000']);
    expect(tb.lines.at(-1)).toBe(20_001);
    expect(tb.entries[5]!.en).toEqual(['term 6']);
    expect(tb.lines[6]).toBe(9); // term 8: row 7 is skipped
    expect(tb.diagnostics[0]).toMatchObject({ line: 8, message: expect.stringContaining('no Chinese or English term') });
    // and a limit below the rows' number
    const few = loadTermbase(`en,zh\n${'a,甲\n'.repeat(20_000)}`, { name: 'x.csv', generate: false, limits: { maxEntries: 17_000 } });
    expect(few.entries).toHaveLength(17_000);
    expect(few.lines).toHaveLength(17_000);
  });

  it('never throws, whatever the text (fast-check)', () => {
    const names = fc.constantFrom('a.tbx', 'a.csv', 'a.tsv', 'a.txt', 'a.yaml', 'a.json');
    const pieces = fc.constantFrom(
      '<',
      '>',
      '</',
      '<tbx>',
      '<termEntry>',
      '<langSet xml:lang="zh">',
      '<tig>',
      '<term>',
      '甲',
      ',',
      '\t',
      '"',
      '\n',
      '\r\n',
      '- zh: 乙',
      'en',
      'zh-TW',
      '&amp;',
      '&bad;',
      '\uFEFF',
      '𠀀',
      '<!DOCTYPE tbx [',
      ']>',
      '<!ENTITY e "x">',
      '<!ENTITY f "&e;">',
      "<!ENTITY % p 'y'>",
      '<!ENTITY g SYSTEM "g.ent">',
      '&e;',
      '&f;',
      '<!--',
      '-->',
    );
    fc.assert(
      fc.property(names, fc.array(pieces, { maxLength: 40 }), (name, parts) => {
        const tb = loadTermbase(parts.join(''), { name });
        for (const d of tb.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('remembered', () => {
  it('answers what the function answers, for any sequence of inputs (alike, colliding, new strings)', () => {
    // inputs of a few lengths over a few units, so that different inputs share a table slot often
    const input = fc.array(fc.constantFrom('a', 'b', 'é', '区', ' '), { minLength: 0, maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(input, { maxLength: 200 }), (inputs) => {
        // a value per input that a mix-up would show: undefined for some, the input reversed otherwise
        const read = (s: string) => (s.includes('b') ? undefined : [...s].reverse().join(''));
        let calls = 0;
        const r = remembered((s: string) => {
          calls++;
          return read(s);
        });
        // each input a new string, as a parser makes them
        for (const s of inputs) expect(r(s.split('').join(''))).toBe(read(s));
        expect(calls).toBe(new Set(inputs).size);
      }),
      { numRuns: 300 },
    );
  });
});

describe('memory', () => {
  /** The heap in use after full collections. */
  const heap = () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  it("a loaded TBX file's entries do not keep the file's text alive", () => {
    // 2,000 entries with a long administrative element the reader does not keep: a text of about
    // 9 MB (two bytes a unit: it holds Chinese), of which the entries keep a small part
    let textBytes = 0;
    const load = () => {
      const filler = `<admin type="source">${'A long source citation the glossary does not keep. '.repeat(40)}</admin>`;
      const entries: string[] = [];
      for (let i = 0; i < 2000; i++)
        entries.push(
          `<termEntry id="entry-number-${i}">${filler}<descrip type="definition">A definition that is kept, number ${i}.</descrip>` +
            `<langSet xml:lang="en"><tig><term>a kept English term ${i}</term></tig></langSet>` +
            `<langSet xml:lang="zh-CN"><tig><term>区块链术语第${i}号</term></tig></langSet></termEntry>`,
        );
      const text = `<martif type="TBX"><text><body>${entries.join('\n')}</body></text></martif>`;
      textBytes = text.length * 2;
      return loadTermbase(text, { name: 'big.tbx', generate: false });
    };
    const before = heap();
    const tb = load();
    const kept = heap() - before;
    expect(tb.entries).toHaveLength(2000);
    expect(tb.entries[7]!.definitionEn).toBe('A definition that is kept, number 7.');
    // the text is about 9 MB; its entries need well under a tenth of that
    expect(textBytes).toBeGreaterThan(8_000_000);
    expect(kept).toBeLessThan(textBytes / 4);
  });
  it("an entry's English text takes one byte a character, though the file's text holds Chinese", () => {
    // 2,000 entries, each with a 4,000-character English definition: 8,000 bytes an entry at two
    // bytes a character (as the file's text is stored), 4,000 at one; the rest of an entry is well
    // under 2,000 (so the bound below tells the two apart, whatever else a busy heap holds)
    const definition = (i: number) =>
      `Definition ${String(i).padStart(4, '0')}: ${'an English clause of the definition; '.repeat(110)}`.slice(0, 3999) + '.';
    const entries: string[] = [];
    for (let i = 0; i < 2000; i++)
      entries.push(
        `<termEntry id="e${i}"><descrip type="definition">${definition(i)}</descrip>` +
          `<langSet xml:lang="en"><tig><term>term ${i}</term></tig></langSet>` +
          `<langSet xml:lang="zh-CN"><tig><term>区块链术语第${i}号</term></tig></langSet></termEntry>`,
      );
    const text = `<martif type="TBX"><text><body>${entries.join('\n')}</body></text></martif>`;
    const before = heap();
    const tb = loadTermbase(text, { name: 'big.tbx', generate: false });
    const kept = heap() - before;
    expect(tb.entries[9]!.definitionEn).toBe(definition(9));
    expect(definition(9)).toHaveLength(4000);
    expect(kept / 2000).toBeLessThan(6000);
  });
  it('a string made its own copy reads the same (any characters, quotes, controls, surrogates)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme-ascii' }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((u) => String.fromCharCode(u)) }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('"', '\\', '\u2028', '\ud800', '\udc00', '𠀀', '区块链'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        // cut out of a longer two-byte text, as a parser cuts it
        const cut = `中${s}`.slice(1);
        expect(ownCopy(cut)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
  it('entries share the lists every entry of a termbase would repeat (script sets, a single region)', () => {
    const entry = (i: number) =>
      `<termEntry id="e${i}"><langSet xml:lang="zh-CN"><tig><term>区块链${i}</term></tig></langSet>` +
      `<langSet xml:lang="zh-TW"><tig><term>區塊鏈${i}</term><termNote type="geographicalUsage">TWN</termNote></tig></langSet>` +
      `<langSet xml:lang="en"><tig><term>chain ${i}</term><termNote type="partOfSpeech">noun</termNote></tig></langSet></termEntry>`;
    const tb = loadTermbase(`<martif type="TBX"><text><body>${entry(1)}${entry(2)}</body></text></martif>`, {
      name: 'a.tbx',
      generate: false,
    });
    const [a, b] = tb.entries.map((e) => e.terms!);
    expect(a!.map((t) => [t.text, t.scripts, t.geo])).toEqual([
      ['区块链1', ['zh-Hans', 'zh-Hant', 'zh-HK'], undefined],
      ['區塊鏈1', ['zh-TW'], ['tw']],
      ['chain 1', undefined, undefined],
    ]);
    // one frozen list for a set of scripts or a region, however many entries name it
    expect(a![0]!.scripts).toBe(b![0]!.scripts);
    expect(a![1]!.scripts).toBe(b![1]!.scripts);
    expect(a![1]!.geo).toBe(b![1]!.geo);
    expect(Object.isFrozen(a![0]!.scripts)).toBe(true);
    expect(Object.isFrozen(a![1]!.geo)).toBe(true);
  });
});

describe('CSV, TSV and OmegaT', () => {
  it("cells are trimmed by the engine's whitespace rule: NEL and control characters go, U+FEFF stays", () => {
    const tb = loadTermbase('en,zh-CN,definition\nledger\u0085,\u0001账本\u3000,"\u0085A record.\u0085"\ntoken,\ufeff代币,x\n', {
      name: 'a.csv',
    });
    expect(tb.entries.map((e) => [e.en, e.zhHans, e.definitionEn])).toEqual([
      [['ledger'], '账本', 'A record.'],
      [['token'], '\ufeff代币', 'x'],
    ]);
    // a term written with the invisible unit is still the term
    expect(tb.diagnostics).toEqual([]);
  });

  it('a lone carriage return in a cell is a line break; old Mac line ends count lines', () => {
    const inCell = loadTermbase('en,zh-CN,definition\r\nledger,账本,"first\rsecond"\r\ntoken,代币,plain\r\n', { name: 'a.csv' });
    expect(inCell.entries.map((e) => [e.definitionEn, e.zhHans])).toEqual([
      ['first\nsecond', '账本'],
      ['plain', '代币'],
    ]);
    const mac = loadTermbase('en,zh-CN\rledger,账本\rtoken,"代\r币"\rmargin,保证金\r', { name: 'mac.csv' });
    // (a term is one line: Chinese wrapped over two is joined)
    expect(mac.entries.map((e) => e.zhHans)).toEqual(['账本', '代币', '保证金']);
    expect(mac.lines).toEqual([2, 3, 5]);
  });

  it('a BOM, CRLF, a sniffed semicolon, quoted newlines and separators, human column names', () => {
    const tb = fixture('client-sheet.csv');
    const escrow = tb.entries[0]!;
    expect([escrow.en, escrow.zhHans, escrow.zhHant, escrow.definitionEn]).toEqual([
      ['escrow account'],
      '托管账户',
      '託管帳戶',
      'An account held by a third party; released\nwhen conditions are met.',
    ]);
    // the row after the quoted line break is on line 5 of the file
    expect(tb.lines).toEqual([2, 5]);
    const finality = tb.entries[1]!;
    expect([finality.note, finality.status]).toEqual(['client wording', 'admitted']);
    expect(termsOf(finality).map(termLine)).toEqual([
      '结算最终性:admitted',
      '結算最終性:admitted:generated',
      'settlement finality:admitted',
    ]);
  });

  it('a row with neither Chinese nor English is reported at its line and skipped', () => {
    expect(fixture('client-sheet.csv').diagnostics).toEqual([
      { severity: 'warning', line: 6, column: 1, message: 'row 5 (line 6): no Chinese or English term; skipped' },
    ]);
    const tb = loadTermbase('en,zh,note\nblockchain,区块链,\n' + 'x,,\n'.repeat(11) + ',,\n,,only a note\n', { name: 'g.csv' });
    expect(tb.diagnostics).toEqual([{ severity: 'warning', line: 15, column: 1, message: 'row 15: no Chinese or English term; skipped' }]);
  });

  it('comma, tab, semicolon and bar are sniffed', () => {
    for (const sep of [',', '\t', ';', '|']) {
      const tb = loadTermbase(`zh-CN${sep}en-US${sep}note\n区块链${sep}blockchain${sep}a\n智能合约${sep}smart contract${sep}b\n`, {
        name: 'g.csv',
      });
      expect(tb.entries.map((e) => [e.zhHans, e.en[0], e.note])).toEqual([
        ['区块链', 'blockchain', 'a'],
        ['智能合约', 'smart contract', 'b'],
      ]);
    }
  });

  it('language-coded headers of every script, case-insensitive', () => {
    const tb = loadTermbase('EN,ZH-HANS,zh-hant,Zh-Tw,zh-hk\nsoftware,软件,軟件,軟體,軟件\n', { name: 'g.csv' });
    const e = tb.entries[0]!;
    expect([e.zhHans, e.zhHant, e.zhTw, e.zhHk]).toEqual(['软件', '軟件', '軟體', undefined]);
  });

  it('a Taiwan-only sheet gets a generated simplified form, marked generated', () => {
    const e = fixture('tw-sheet.tsv').entries[0]!;
    expect([e.zhHans, e.zhHant]).toEqual(['支付闸道', '支付閘道']);
    expect(termsOf(e).map(termLine)).toEqual(['支付闸道:preferred:generated', '支付閘道:preferred', 'payment gateway:preferred']);
  });

  it('a term given only for Taiwan or only for Hong Kong keeps its words; no other region is made up', () => {
    const tb = loadTermbase('en,zh-TW\nsoftware,軟體\ndatabase,資料庫\nbank,銀行\n', { name: 'tw.csv' });
    // [simplified, traditional, Taiwan, Hong Kong]: the simplified form is generated without Taiwan's
    // words (a candidate); the traditional form is the Taiwan term, so Hong Kong is told nothing
    const forms = (e: GlossaryEntry) => [e.zhHans, e.zhHant, chineseIn(e, 'zh-TW'), chineseIn(e, 'zh-HK')];
    expect(tb.entries.map(forms)).toEqual([
      ['软件', '軟體', '軟體', '軟體'],
      ['数据库', '資料庫', '資料庫', '資料庫'],
      ['银行', '銀行', '銀行', '銀行'],
    ]);
    expect(tb.entries.map((e) => [e.zhTw, e.zhHk])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(termsOf(tb.entries[0]!).map(termLine)).toEqual(['软件:preferred:generated', '軟體:preferred', 'software:preferred']);
    // Hong Kong only: the traditional form and Taiwan's take standard characters (線), not Hong Kong's 綫
    const hk = loadTermbase('en,zh-HK\ncable,電綫\n', { name: 'hk.csv' }).entries[0]!;
    expect(forms(hk)).toEqual(['电线', '電線', '電線', '電綫']);
    expect(termsOf(hk).map(termLine)).toEqual([
      '电线:preferred:generated',
      '電線:preferred:generated',
      '電綫:preferred',
      'cable:preferred',
    ]);
  });

  it('a partOfSpeech column says it of every term of its row, the forms generated from them too; an export keeps it', () => {
    const csv = [
      'id,en,zh-CN,abbr,status,partOfSpeech',
      'x,settle,结算,,preferred,verb',
      'x,clear,清算,,deprecated,verb',
      'y,know your customer,了解你的客户,KYC,,phrase',
    ].join('\n');
    const posOfTerms = (entries: GlossaryEntry[]) => entries.map((e) => termsOf(e).map((t) => `${t.text}:${t.pos ?? '-'}`));
    const expected = [
      ['结算:verb', '結算:verb', '清算:verb', 'settle:verb', 'clear:verb'],
      ['了解你的客户:phrase', '瞭解你的客戶:phrase', 'know your customer:phrase', 'KYC:phrase'],
    ];
    const tb = loadTermbase(csv, { name: 'pos.csv' });
    expect(posOfTerms(tb.entries)).toEqual(expected);
    // the export's row of deprecated terms says their part of speech too
    expect(posOfTerms(loadTermbase(exportCsv(tb.entries), { name: 'back.csv' }).entries)).toEqual(expected);
  });

  it('forms generated from a term given only for Taiwan have its status', () => {
    const dep = loadTermbase('en,zh-TW,status\nold term,軟體,deprecated\n', { name: 'a.csv' }).entries[0]!;
    expect(termsOf(dep).map((t) => `${t.text}:${t.status}`)).toEqual(['软件:deprecated', '軟體:deprecated', 'old term:deprecated']);
    expect(dep.status).toBe('deprecated');
  });

  it('Source/Target columns and OmegaT rows take the language their cells are written in', () => {
    const tb = fixture('omegat-glossary.txt');
    expect(tb.entries.map((e) => [e.zhHans, e.en[0], e.note])).toEqual([
      ['央行数字货币', 'central bank digital currency', 'CBDC in the client documents'],
      ['稳定币', 'stablecoin', undefined],
    ]);
    const st = loadTermbase('Source,Target\nledger,账本\n', { name: 'x.csv' });
    expect([st.entries[0]!.zhHans, st.entries[0]!.en]).toEqual(['账本', ['ledger']]);
  });

  it('an unknown status is a warning naming the row', () => {
    const tb = loadTermbase('en,zh,status\na,甲,maybe\n', { name: 'x.csv' });
    expect(tb.diagnostics).toEqual([
      {
        severity: 'warning',
        line: 2,
        column: 1,
        message: 'row 2: unknown status "maybe" (use preferred, admitted, deprecated, superseded or forbidden)',
      },
    ]);
  });
});

describe('a bare & in a hand-edited TBX file (R&D)', () => {
  const entry = (id: string, zh: string, definition: string) =>
    `<termEntry id="${id}"><langSet xml:lang="en"><descrip type="definition">${definition}</descrip><tig><term>${id} term</term></tig></langSet><langSet xml:lang="zh-CN"><tig><term>${zh}</term></tig></langSet></termEntry>`;

  it('is an error at the &, read as &; no entry after it is lost', () => {
    const tbx = [
      '<?xml version="1.0"?><martif type="TBX"><text><body>',
      entry('rd', '研发', 'Spending on R&D, as AT&T reports it &amp; others.'),
      '<!-- a comment & its ampersand; --><![CDATA[]]>',
      entry('next', '下一个', 'The entry after; it has a semicolon.'),
      `<termEntry id="x&amp;y"><langSet xml:lang="zh-CN"><tig><term>甲&#20057;</term></tig></langSet><langSet xml:lang="en"><descrip type="definition"><![CDATA[a & b]]></descrip><tig><term>Q&A</term></tig></langSet></termEntry>`,
      '</body></text></martif>',
    ].join('\n');
    const tb = loadTermbase(tbx, { name: 'edited.tbx' });
    expect(tb.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity}: ${d.message}`)).toEqual([
      '2:83 error: line 2: a bare & (write &amp;); read as &',
      '2:92 error: line 2: a bare & (write &amp;); read as &',
      '5:183 error: line 5: a bare & (write &amp;); read as &',
    ]);
    expect(tb.entries.map((e) => [e.id, e.zhHans, e.en[0], e.definitionEn])).toEqual([
      ['rd', '研发', 'rd term', 'Spending on R&D, as AT&T reports it & others.'],
      ['next', '下一个', 'next term', 'The entry after; it has a semicolon.'],
      ['x&y', '甲乙', 'Q&A', 'a & b'],
    ]);
  });

  it('a file without one is parsed as it is', () => {
    expect(markBareAmpersands('<a>R&amp;D &#38; &#x26; &lt;</a><!-- & --><![CDATA[ & ]]>')).toBeUndefined();
    expect(markBareAmpersands('<a>R&D</a>')?.at).toEqual([4]);
  });
});

describe('a sheet saved by Excel as "Unicode Text" (.txt)', () => {
  it('is read as a sheet with its header, not as an OmegaT glossary whose first line is a term', () => {
    const rows = ['id\tzh-Hans\ten\tdefinition-en', 'bank\t银行\tbank\t"A place\nfor money."', 'wallet\t钱包\twallet\t'];
    const tb = loadTermbase(rows.join('\r\n'), { name: 'terms.txt' });
    expect(tb.format).toBe('tsv');
    expect(tb.diagnostics).toEqual([]);
    expect(tb.entries.map((e) => [e.id, e.zhHans, e.en[0], e.definitionEn])).toEqual([
      ['bank', '银行', 'bank', 'A place\nfor money.'],
      ['wallet', '钱包', 'wallet', ''],
    ]);
    expect(tb.lines).toEqual([2, 4]);
  });
});

describe("Excel's delimiter line (sep=;)", () => {
  it('names the delimiter and is no header; rows keep their lines', () => {
    // as Excel writes a sheet for a locale whose list separator is ";" (a BOM, CRLF rows, LF in cells)
    const tb = loadTermbase('\uFEFFsep=;\r\nen;zh-CN;definition\r\nbank;银行;"a place\nfor money; kept"\r\nwallet;钱包;\r\n', {
      name: 'excel.csv',
    });
    expect(tb.diagnostics).toEqual([]);
    expect(tb.entries.map((e) => [e.zhHans, e.en[0], e.definitionEn])).toEqual([
      ['银行', 'bank', 'a place\nfor money; kept'],
      ['钱包', 'wallet', ''],
    ]);
    expect(tb.lines).toEqual([3, 5]);
    // quoted, as some tools write it; a comma named
    expect(loadTermbase('"sep=,"\nen,zh-CN\nbank,银行\n', { name: 'a.csv' }).entries.map((e) => e.zhHans)).toEqual(['银行']);
  });

  it('a sep line that names another delimiter than the file uses: the error says what line 1 says', () => {
    const tb = loadTermbase('sep=;\nen,zh-CN\nbank,银行\n', { name: 'a.csv' });
    expect(tb.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '2:1 not a termbase: the first row names no Chinese or English column (use a header such as en, zh-CN, zh-TW, English, Chinese (Simplified), Source, Target); line 1 (sep=;) says the columns are separated by ";"',
    ]);
    // an OmegaT file has no such line: there it is a term
    expect(loadTermbase('sep=|\t甲\n', { name: 'g.txt' }).entries.map((e) => [e.en[0], e.zhHans])).toEqual([['sep=|', '甲']]);
  });
});

describe('a term typed or wrapped over lines is one line', () => {
  it('CSV (a line break typed in a cell, as Excel writes it: LF in the cell, CRLF rows): Chinese joined, English spaced', () => {
    const csv =
      'en,zh-CN,zh-TW,note\r\n"smart\ncontract","智能\n合约","智能 \n 合約",kept\r\n"open\r\nbanking;API","开放银行;\n开放\nAPI",,"a note\nover lines"\r\nwallet,钱包,,\r\n';
    const tb = loadTermbase(csv, { name: 'excel.csv' });
    expect(tb.diagnostics).toEqual([]);
    expect(tb.entries.map((e) => [e.zhHans, chineseIn(e, 'zh-TW'), ...e.zhAliases, ...e.en])).toEqual([
      ['智能合约', '智能合約', 'smart contract'],
      ['开放银行', '開放銀行', '开放 API', 'open banking', 'API'],
      ['钱包', '錢包', 'wallet'],
    ]);
    // a note keeps its lines; the rows' lines are as an editor counts them
    expect(tb.entries[1]!.note).toBe('a note\nover lines');
    expect(tb.lines).toEqual([2, 6, 11]);
  });

  it('TBX: a term pretty-printed over lines, in Chinese (CJK Ext. B too) and in English', () => {
    const tbx = [
      '<martif><text><body><termEntry>',
      '<langSet xml:lang="zh-CN"><tig><term>',
      '  智能',
      '  合约',
      '</term></tig><tig><term>𠀾\n  链</term></tig></langSet>',
      '<langSet xml:lang="en"><tig><term>smart',
      '  contract</term></tig></langSet>',
      '</termEntry></body></text></martif>',
    ].join('\n');
    const [e] = loadTermbase(tbx, { name: 'x.tbx' }).entries;
    expect([e!.zhHans, ...e!.zhAliases, ...e!.en]).toEqual(['智能合约', '𠀾链', 'smart contract']);
  });
});

describe('the project YAML format', () => {
  it('reads entries as the bundled glossary writes them, with the schema checking each', () => {
    const tb = fixture('team.yaml');
    expect(tb.entries.map((e) => [e.id, e.zhHans, e.zhTw, e.en[0], e.domain])).toEqual([
      ['team-open-finance', '开放金融', undefined, 'open finance', 'banking'],
      ['team-11', '数字人民币', '數位人民幣', 'e-CNY', 'general'],
    ]);
    expect(termsOf(tb.entries[0]!).find((t) => t.text === 'open finance')?.usage).toMatch(/^Prefer over/);
    expect(tb.diagnostics).toEqual([{ severity: 'error', line: 17, column: 7, message: 'entry 3: /zh must be string; skipped' }]);
  });

  // five entries, one per three lines after a comment line: entry n starts on line 3n - 1
  const five = [
    '# team terms',
    ...['银行 bank', '证券 security', '保险 insurance', '基金 fund', '期货 futures'].flatMap((s, i) => {
      const [zh, en] = s.split(' ');
      return [`- id: t${i + 1}`, `  zh: ${zh}`, `  en: [${en}]`];
    }),
  ];
  const withLine = (lines: string[], n: number, text: string) => lines.map((l, i) => (i === n - 1 ? text : l));

  it.each([
    // [which entry, the line broken, its new text, the error's line and column]
    [1, 3, ' zh: 银行', 3, 1],
    // the parser notices this key where the value on the line before starts: the error is at the key
    [3, 9, '   zh: 保险', 9, 4],
    [5, 16, '\ten: [futures]', 16, 2],
  ])('one badly indented entry (entry %i) is an error at its line; every other entry loads', (bad, line, text, errLine, errCol) => {
    const lines = withLine(five, line, text);
    for (const eol of ['\n', '\r\n']) {
      const tb = loadTermbase(lines.join(eol) + eol, { name: 'team.yaml' });
      expect(tb.unreadable).toBe(false);
      expect(tb.entries.map((e) => e.id)).toEqual(['t1', 't2', 't3', 't4', 't5'].filter((id) => id !== `t${bad}`));
      expect(tb.lines).toEqual([2, 5, 8, 11, 14].filter((l) => l !== 3 * bad - 1));
      expect(tb.entries.map((e) => e.en[0])).toEqual(['bank', 'security', 'insurance', 'fund', 'futures'].filter((_, i) => i !== bad - 1));
      expect(tb.diagnostics).toHaveLength(1);
      expect(tb.diagnostics[0]).toMatchObject({ severity: 'error', line: errLine, column: errCol });
      expect(tb.diagnostics[0]!.message).toMatch(new RegExp(`^entry ${bad}: YAML: .*; skipped$`));
    }
  });

  it('an over-indented key in the middle of a file is an error at that key, the line to fix', () => {
    const errors = (lines: string[]) =>
      loadTermbase(lines.join('\n'), { name: 'team.yaml' }).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
    // after a plain value, a quoted one, a nested field, and the entry's first line
    expect(errors(withLine(five, 10, '     en: [insurance]'))).toEqual([
      '10:6 entry 3: YAML: the key "en" is indented more than the line before it; skipped',
    ]);
    expect(errors(withLine(withLine(five, 9, '  zh: "保险"'), 10, '     en: [insurance]'))).toEqual([
      '10:6 entry 3: YAML: All mapping items must start at the same column; skipped',
    ]);
    expect(errors(withLine(five, 10, '  def:\n    en: Cover against loss.\n      zh: 保险保障。'))).toEqual([
      '12:7 entry 3: YAML: the key "zh" is indented more than the line before it; skipped',
    ]);
    expect(errors(withLine(five, 9, '    zh: 保险'))).toEqual([
      '9:5 entry 3: YAML: the key "zh" is indented more than the line before it; skipped',
    ]);
    // a key in a value on one line (a: b: c) is where it is
    expect(errors(withLine(five, 10, '  en: a: b'))).toEqual([
      '10:7 entry 3: YAML: Nested mappings are not allowed in compact mappings; skipped',
    ]);
  });

  it('a second document (---) is an error together with the other errors of the file; the entries load', () => {
    const tb = loadTermbase(withLine(withLine(five, 8, '---\n- id: t3'), 13, ' en: [fund]').join('\n'), { name: 'team.yaml' });
    expect(tb.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '8:1 YAML: a second document starts here (---); a termbase is one list of entries: remove this line',
      '14:1 entry 4: YAML: Sequence item without - indicator; skipped',
    ]);
    expect(tb.entries.map((e) => e.id)).toEqual(['t1', 't2', 't3', 't5']);
    // alone, it is the file's one error
    const alone = loadTermbase(withLine(five, 8, '---\n- id: t3').join('\n'), { name: 'team.yaml' });
    expect(alone.diagnostics.map((d) => `${d.line}:${d.column} ${d.message.slice(0, 30)}`)).toEqual(['8:1 YAML: a second document starts']);
    expect(alone.entries).toHaveLength(5);
  });

  it('an unclosed bracket is an error on its own entry’s line; a stray unindented line is one error', () => {
    const unclosed = loadTermbase(withLine(five, 7, '  en: [security').join('\n'), { name: 't.yaml' });
    expect(unclosed.entries.map((e) => e.id)).toEqual(['t1', 't3', 't4', 't5']);
    expect(unclosed.diagnostics.map((d) => [d.line, d.severity])).toEqual([[7, 'error']]);
    const stray = loadTermbase(withLine(five, 13, 'en: [fund]').join('\n'), { name: 't.yaml' });
    expect(stray.entries.map((e) => [e.id, e.en[0]])).toEqual([
      ['t1', 'bank'],
      ['t2', 'security'],
      ['t3', 'insurance'],
      ['t4', undefined],
      ['t5', 'futures'],
    ]);
    expect(stray.diagnostics).toEqual([
      { severity: 'error', line: 13, column: 1, message: 'YAML: not an entry (an entry starts with "- " at the start of a line); skipped' },
    ]);
    // directives and a document start before the entries are no error
    const directives = loadTermbase(['%YAML 1.2', '---', ...withLine(five, 3, ' zh: 银行')].join('\n'), { name: 't.yaml' });
    expect([directives.entries.length, directives.diagnostics.map((d) => d.line)]).toEqual([4, [5]]);
    // a YAML file with no list of entries at all is still one that is not read
    expect(loadTermbase('entries:\n  - zh: x\n bad: 1\n', { name: 't.yaml' }).unreadable).toBe(true);
  });

  it('anchors, aliases and merge keys are read as YAML means them; an alias bomb is an error, not a hang', () => {
    const yaml = [
      '- id: a',
      '  zh: 银行',
      '  en: &banking [bank, banking]',
      '  domain: &d banking',
      '- id: b',
      '  zh: 银行业',
      '  en: *banking',
      '- <<: {domain: payments, note: shared note}',
      '  id: c',
      '  zh: 支付',
      '  en: [payment]',
      '',
    ].join('\n');
    const tb = loadTermbase(yaml, { name: 'team.yaml' });
    expect(tb.diagnostics).toEqual([]);
    expect(tb.entries.map((e) => [e.id, e.en, e.domain, e.note])).toEqual([
      ['a', ['bank', 'banking'], 'banking', undefined],
      ['b', ['bank', 'banking'], 'general', undefined],
      ['c', ['payment'], 'payments', 'shared note'],
    ]);
    // each alias level multiplies: the yaml library's alias count limit stops it
    const bomb = ['- id: x', '  zh: 炸弹', '  en: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let k = 1; k <= 8; k++)
      bomb.push(
        `  n${k}: &a${k} [*a${k - 1}, *a${k - 1}, *a${k - 1}, *a${k - 1}, *a${k - 1}, *a${k - 1}, *a${k - 1}, *a${k - 1}, *a${k - 1}, *a${k - 1}]`,
      );
    bomb.push('- id: y', '  zh: 保险', '  en: [insurance]');
    const blown = loadTermbase(bomb.join('\n'), { name: 'bomb.yaml' });
    expect(blown.entries.map((e) => e.id)).toEqual(['y']);
    expect(blown.diagnostics).toHaveLength(1);
    expect(blown.diagnostics[0]).toMatchObject({ severity: 'error', line: 1, column: 3 });
    expect(blown.diagnostics[0]!.message).toMatch(/^entry 1: YAML: .*alias.*; skipped$/i);
  });

  it("a terms: key that names no term of its entry is a warning at the key; a generated form's notes are used, as in the build", () => {
    const yaml = [
      '- id: chain',
      '  zh: 区块链',
      '  en: [blockchain]',
      '  terms:',
      '    区块鏈:',
      '      status: forbidden',
      '    區塊鏈:',
      '      usage: 臺灣、香港皆用。',
      '    blockchain:',
      '      usage: the headword',
      '- zh: 监管沙盒',
      '  terms: {监管沙箱: {status: deprecated}}',
      '',
    ].join('\n');
    const tb = loadTermbase(yaml, { name: 'team.yaml' });
    expect(tb.diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.message}`)).toEqual([
      'warning 5:5 line 1: entry: terms: "区块鏈" is not a term of this entry (its forms: 区块链, 區塊鏈, blockchain); its notes are not used',
      'warning 12:11 line 11: entry: terms: "监管沙箱" is not a term of this entry (its forms: 监管沙盒, 監管沙盒); its notes are not used',
    ]);
    // the entries load; the generated traditional form takes what is said of it, as the build's does
    expect(tb.entries.map((e) => e.zhHans)).toEqual(['区块链', '监管沙盒']);
    expect(termFor(tb.entries[0]!, '區塊鏈')).toMatchObject({ status: 'preferred', usage: '臺灣、香港皆用。' });
    expect(termFor(tb.entries[0]!, 'blockchain')?.usage).toBe('the headword');
  });

  it('a line or paragraph separator in a value is part of it when a broken entry is read around', () => {
    // U+2028 and U+2029 come in with text pasted from word processors and PDFs: not line breaks to YAML
    for (const sep of ['\u2028', '\u2029']) {
      const lines = withLine(five, 4, `  note: first part${sep}second part`);
      const tb = loadTermbase(withLine(lines, 9, '   zh: 保险').join('\n'), { name: 't.yaml' });
      expect(tb.entries.map((e) => e.id)).toEqual(['t1', 't2', 't4', 't5']);
      expect(tb.entries[0]!.note).toBe(`first part${sep}second part`);
      expect(tb.diagnostics.map((d) => [d.line, d.message.slice(0, 8)])).toEqual([[9, 'entry 3:']]);
    }
  });
});

describe('the script of terms in language columns', () => {
  const warnings = (tb: { diagnostics: TermbaseDiagnostic[] }) =>
    tb.diagnostics.map((d) => `${d.line}:${d.column}: ${d.severity}: ${d.message}`);

  it('CSV: a simplified column with traditional characters, a traditional one with simplified ones, warn; the terms load', () => {
    const csv = [
      'en,zh-CN,zh-TW,zh-Hant,zh-HK,Chinese',
      'bank,銀行,银行,銀行,银行,銀行',
      // characters both scripts write (金融, 台, 后), and ones a script writes in some words (里 in 阿里巴巴, 准 in 核准)
      'fintech,金融科技,平台,阿里巴巴,核准,后台',
      // a term half in each script, and one cell of two terms (read by the general path)
      'blockchain,区塊鏈;区块链,,,,',
    ].join('\n');
    const tb = loadTermbase(csv, { name: 'sheet.csv' });
    expect(warnings(tb)).toEqual([
      '2:1: warning: row 2: 銀行 has traditional characters (銀), but zh-CN is simplified Chinese (银行?)',
      '2:1: warning: row 2: 银行 has simplified characters (银), but zh-TW is traditional Chinese (銀行?)',
      '2:1: warning: row 2: 银行 has simplified characters (银), but zh-HK is traditional Chinese (銀行?)',
      '4:1: warning: row 4: 区塊鏈 has traditional characters (塊鏈), but zh-CN is simplified Chinese (区块链?)',
    ]);
    // warnings only: each term is read as the file gives it
    expect(tb.entries.map((e) => [e.zhHans, e.zhTw, e.zhHk])).toEqual([
      ['銀行', '银行', '银行'],
      ['金融科技', '平台', '核准'],
      ['区塊鏈', undefined, undefined],
    ]);
    // a column that names no script (zh, Chinese) is not checked
    expect(loadTermbase('en,zh\nbank,銀行\n', { name: 'a.csv' }).diagnostics).toEqual([]);
  });

  it('TBX: at the <term> of a zh-CN or zh-TW language section; not in a zh section', () => {
    const tbx = [
      '<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>',
      '<termEntry id="bank">',
      '  <langSet xml:lang="zh-CN"><tig><term>銀行</term></tig></langSet>',
      '  <langSet xml:lang="zh-Hant-TW"><tig><term>银行</term></tig></langSet>',
      '  <langSet xml:lang="zh"><tig><term>銀行業</term></tig></langSet>',
      '  <langSet xml:lang="zh-TW"><tig><term>平台</term></tig></langSet>',
      '</termEntry></body></text></martif>',
    ].join('\n');
    const tb = loadTermbase(tbx, { name: 'a.tbx' });
    expect(warnings(tb)).toEqual([
      '3:34: warning: line 3: 銀行 has traditional characters (銀), but zh-CN is simplified Chinese (银行?)',
      '4:39: warning: line 4: 银行 has simplified characters (银), but zh-Hant-TW is traditional Chinese (銀行?)',
    ]);
    expect(tb.entries.map((e) => [e.zhHans, e.zhTw])).toEqual([['銀行', '银行']]);
  });

  it('YAML: the zh field is simplified, forms are traditional', () => {
    const yaml =
      '- zh: 銀行\n  en: [bank]\n  forms:\n    tw: 银行\n    reason: Taiwan writes it so.\n- zh: 后台\n  forms:\n    hant: 後台\n    reason: the traditional form.\n';
    expect(warnings(loadTermbase(yaml, { name: 't.yaml' }))).toEqual([
      '1:7: warning: entry 1: 銀行 has traditional characters (銀), but the zh field is simplified Chinese (银行?)',
      '4:9: warning: entry 1: 银行 has simplified characters (银), but the forms.tw field is traditional Chinese (銀行?)',
    ]);
  });

  it('a term marked deprecated, superseded or forbidden is not checked (a mixed-script form kept for term QA)', () => {
    const csv = loadTermbase(
      [
        'en,zh-CN,status',
        'cloud computing,云計算,forbidden',
        ',分布式架構,deprecated',
        ',贷后;貸后管理,superseded',
        ',余額寶,admitted',
        ',区塊鏈,',
      ].join('\n'),
      { name: 'qa.csv' },
    );
    expect(warnings(csv)).toEqual([
      '5:1: warning: row 5: 余額寶 has traditional characters (額寶), but zh-CN is simplified Chinese (余额宝?)',
      '6:1: warning: row 6: 区塊鏈 has traditional characters (塊鏈), but zh-CN is simplified Chinese (区块链?)',
    ]);
    // TBX gives the status after the <term>: the warning, when there is one, is still at the <term>
    const tbx = [
      '<martif><text><body><termEntry>',
      '<langSet xml:lang="zh-CN">',
      '<tig><term>云計算</term>',
      '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>',
      '<tig><term>分布式架構</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>',
      '<note>Forbidden</note></tig>',
      '<tig><term>貸后管理</term>',
      '<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>',
      '</langSet></termEntry></body></text></martif>',
    ].join('\n');
    const read = loadTermbase(tbx, { name: 'qa.tbx' });
    expect(warnings(read)).toEqual([
      '7:6: warning: line 7: 貸后管理 has traditional characters (貸), but zh-CN is simplified Chinese (贷后管理?)',
    ]);
    expect(['貸后管理', '云計算', '分布式架構'].map((t) => termFor(read.entries[0]!, t)?.status)).toEqual([
      'admitted',
      'deprecated',
      'forbidden',
    ]);
    // YAML: the term's own status, or a deprecated entry's
    const yaml =
      '- zh: 云計算\n  status: deprecated\n  replacedBy: cloud-computing\n- zh: 余額寶\n  terms:\n    余額寶:\n      status: forbidden\n- zh: 貸后管理\n';
    expect(warnings(loadTermbase(yaml, { name: 'qa.yaml' }))).toEqual([
      '8:7: warning: entry 3: 貸后管理 has traditional characters (貸), but the zh field is simplified Chinese (贷后管理?)',
    ]);
  });

  it('a form the bundled glossary gives in that script is accepted (it is the reviewed form); others still warn', () => {
    const knownForms = glossaryForms(bundled);
    const csv = [
      'en,zh-CN,zh-Hant,zh-TW,zh-HK',
      // Huawei's 昇腾 (昇 is simplified too); 占比 as the Ministry of Education writes it; Taiwan's 雇主
      'Ascend,昇腾,,,',
      'proportion,,占比,,占比',
      "employers' liability insurance,,,雇主意外責任保險,",
      // an alias the glossary keeps as written (admitted), under the script it lists aliases with
      'cloud platform,云平臺,,,',
      // the glossary marks 云計算 forbidden: it is no form of standing, and a user's preferred 云計算 warns
      'cloud computing,云計算,,,',
      // 銀行 is the glossary's traditional form, not its simplified one; 云平臺 is no Taiwan form
      'bank,銀行,,云平臺,',
    ].join('\n');
    expect(warnings(loadTermbase(csv, { name: 'sheet.csv', knownForms }))).toEqual([
      '6:1: warning: row 6: 云計算 has traditional characters (計), but zh-CN is simplified Chinese (云计算?)',
      '7:1: warning: row 7: 銀行 has traditional characters (銀), but zh-CN is simplified Chinese (银行?)',
      '7:1: warning: row 7: 云平臺 has simplified characters (云), but zh-TW is traditional Chinese (雲平臺?)',
    ]);
    // without the glossary's forms (a caller that has none), plain conversion decides
    expect(warnings(loadTermbase(csv, { name: 'sheet.csv' }))).toHaveLength(8);
    // the same rule in TBX and YAML
    const tbx =
      '<martif><text><body><termEntry><langSet xml:lang="zh-CN"><tig><term>昇腾</term></tig></langSet><langSet xml:lang="zh-TW"><tig><term>雇主意外責任保險</term></tig></langSet></termEntry></body></text></martif>';
    expect(warnings(loadTermbase(tbx, { name: 'a.tbx', knownForms }))).toEqual([]);
    expect(
      warnings(loadTermbase('- zh: 昇腾\n  forms:\n    hant: 占比\n    reason: the MoE writes 占比.\n', { name: 'a.yaml', knownForms })),
    ).toEqual([]);
  });

  it('at most 100 are listed; one warning counts the rest', () => {
    const rows = Array.from({ length: 130 }, (_, i) => `term ${i},銀行${i}`);
    const tb = loadTermbase(['en,zh-Hans', ...rows].join('\n'), { name: 'a.csv' });
    expect(tb.entries).toHaveLength(130);
    expect(tb.diagnostics).toHaveLength(101);
    expect(warnings(tb)[100]).toBe(
      '102:1: warning: 30 more terms have characters that may be of the other script than their language (not checked further)',
    );
  });
});

/** The fields a TBX export carries, for the field-by-field round trip. */
const TBX_FIELDS = [
  'id',
  'zhHans',
  'zhHant',
  'zhTw',
  'zhHk',
  'zhAliases',
  'en',
  'abbr',
  'definitionEn',
  'definitionZh',
  'domain',
  'related',
  'status',
  'note',
] as const;
const CSV_FIELDS = [
  'id',
  'zhHans',
  'zhHant',
  'zhTw',
  'zhHk',
  'zhAliases',
  'en',
  'abbr',
  'definitionEn',
  'definitionZh',
  'domain',
  'note',
] as const;
const pick = (e: GlossaryEntry, fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, (e as unknown as Record<string, unknown>)[f]]));
const termFields = (e: GlossaryEntry) =>
  termsOf(e).map((t) => {
    const x = t as Term & { pos?: string; geo?: string[] };
    return {
      text: t.text,
      lang: t.lang,
      role: t.role,
      scripts: t.scripts,
      status: t.status,
      usage: t.usage,
      sense: t.sense,
      review: t.review,
      pos: x.pos,
      geo: x.geo,
      register: t.register,
      replacedBy: t.replacedBy,
    };
  });
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Each term's language, text and status. */
const termStatuses = (e: GlossaryEntry) => termsOf(e).map((t) => `${t.lang} ${t.text} ${t.status}`);
/** What CSV's status column says: the headword's status. */
const headStatus = (e: GlossaryEntry) => (termsOf(e).find((t) => t.role === 'headword') ?? termsOf(e)[0])?.status;

/**
 * The diagnostics of an exported file read back, as the server and the CLI read it (with the
 * bundled glossary's forms): none. The bundled glossary lists mixed-script forms on purpose (such as
 * 分布式架構, admitted, or the forbidden 云計算), which the export writes under zh-Hans.
 */
const readBack = (text: string, name: string) => loadTermbase(text, { name, knownForms: glossaryForms(bundled) });

describe('round trip: export, read back, the same fields', () => {
  const sets: [string, GlossaryEntry[]][] = [
    ['the bundled glossary', bundled],
    ...['ms-style-v2.tbx', 'basic-v3.tbx', 'dct-v3.tbx', 'client-sheet.csv', 'tw-sheet.tsv', 'omegat-glossary.txt', 'team.yaml'].map(
      (f) => [f, fixture(f).entries] as [string, GlossaryEntry[]],
    ),
  ];

  it.each(sets)('TBX v3 and v2: %s', (_name, entries) => {
    expect(entries.length).toBeGreaterThan(0);
    for (const version of [3, 2] as const) {
      const back = readBack(exportTbx(entries, { version }), 'export.tbx');
      expect(back.diagnostics).toEqual([]);
      // XML white space is not significant: a line break in a definition comes back as a space
      const flat = (e: GlossaryEntry) => ({ ...e, definitionEn: squash(e.definitionEn), definitionZh: squash(e.definitionZh) });
      expect(back.entries.map((e) => pick(e, TBX_FIELDS))).toEqual(entries.map((e) => pick(flat(e), TBX_FIELDS)));
      expect(back.entries.map(termFields)).toEqual(entries.map(termFields));
    }
  });

  it.each(sets)('CSV: %s', (_name, entries) => {
    const back = readBack(exportCsv(entries), 'export.csv');
    expect(back.diagnostics).toEqual([]);
    expect(back.entries.map((e) => pick(e, CSV_FIELDS))).toEqual(entries.map((e) => pick(e, CSV_FIELDS)));
    expect(back.entries.map(headStatus)).toEqual(entries.map(headStatus));
    // every term keeps its status: the status column is the status of each term on its row
    expect(back.entries.map(termStatuses)).toEqual(entries.map(termStatuses));
  });

  it('CSV: terms whose status is not the headword’s are on rows of their own, with the same id', () => {
    const [e] = loadTermbase('id,zh-Hans,en,status\nsandbox,监理沙箱,regulatory sandbox,preferred\nsandbox,监管沙盒,,forbidden\n', {
      name: 'x.csv',
    }).entries;
    const csv = exportCsv([e!]);
    expect(csv.split('\r\n').slice(1, 3)).toEqual([
      'sandbox,监理沙箱,監理沙箱,,,regulatory sandbox,,preferred,,,,,general',
      'sandbox,监管沙盒,,,,,,forbidden,,,,,',
    ]);
    const back = loadTermbase(csv, { name: 'export.csv' });
    expect(back.entries).toHaveLength(1);
    expect(termFor(back.entries[0]!, '监管沙盒')?.status).toBe('forbidden');
  });

  it('CSV: a quote left open is an error at its row, which is skipped; the rows after it load', () => {
    // never closed: papaparse would make the rest of the file one cell
    const open = loadTermbase('en,zh-CN,definition\nok,甲,def\nunclosed,"未闭合,def\nlast,最后,\n', { name: 'x.csv' });
    expect(open.entries.map((e) => [e.zhHans, e.en[0]])).toEqual([
      ['甲', 'ok'],
      ['最后', 'last'],
    ]);
    expect(open.lines).toEqual([2, 4]);
    expect(open.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '3 error row 3: Quoted field unterminated: the row is skipped, and reading goes on at the next line',
    ]);
    // closed by the next quote further down: the rows in between are not swallowed either
    const later = loadTermbase('en,zh-CN,definition\nbad,"乙,def\nlast,最后,\n"q",丙,"a\r\nb"\n', { name: 'x.csv' });
    expect(later.entries.map((e) => [e.zhHans, e.definitionEn])).toEqual([
      ['最后', ''],
      ['丙', 'a\nb'],
    ]);
    expect(later.lines).toEqual([3, 4]);
    expect(later.diagnostics).toHaveLength(1);
  });

  it('CSV: a file full of open quotes is read again at most 20 times, then reported', () => {
    let text = 'en,zh-CN\n';
    for (let i = 0; i < 200; i++) text += `r${i},"甲${i}\n`;
    const t = loadTermbase(text, { name: 'x.csv' });
    const last = t.diagnostics.at(-1)!;
    expect(last.message).toMatch(/^row \d+: more than 20 rows with a quote left open; the rest of the file is not read$/);
    expect(t.diagnostics.filter((d) => d.message.includes('reading goes on at the next line'))).toHaveLength(21);
  });

  it('diagnostics come in the file’s order, whichever step found them', () => {
    // papaparse's quote error (row 3) is found before the reader's status warning (row 2)
    const t = loadTermbase('en,zh-CN,status\nok,甲,bogus\nx,"乙"丙,preferred\n', { name: 'x.csv' });
    expect(t.diagnostics.map((d) => `${d.line} ${d.severity}`)).toEqual(['2 warning', '3 error']);
  });

  it('TBX: legal and regulated terms are preferred; an empty file is reported at column 1', () => {
    const tbx = loadTermbase(
      '<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>甲</term><termNote type="administrativeStatus">legalTerm-admn-sts</termNote></tig><tig><term>乙</term><termNote type="administrativeStatus">regulatedTerm-admn-sts</termNote></tig></langSet></termEntry></body></text></martif>',
      { name: 'x.tbx' },
    );
    expect(tbx.diagnostics).toEqual([]);
    expect(termsOf(tbx.entries[0]!).map((t) => `${t.text} ${t.status}`)).toEqual(['甲 preferred', '乙 preferred']);
    const empty = loadTermbase('', { name: 'empty.tbx' });
    expect(empty.diagnostics.map((d) => [d.line, d.column])).toEqual([[1, 1]]);
  });

  it('TBX and YAML: an id used twice is reported at its second use', () => {
    const tbx = loadTermbase(
      '<martif><text><body><termEntry id="x"><langSet xml:lang="zh"><tig><term>甲</term></tig></langSet></termEntry>\n<termEntry id="x"><langSet xml:lang="zh"><tig><term>乙</term></tig></langSet></termEntry></body></text></martif>',
      { name: 'x.tbx' },
    );
    expect(tbx.entries.map((e) => e.zhHans)).toEqual(['甲', '乙']);
    expect(tbx.diagnostics.map((d) => `${d.line} ${d.message}`)).toEqual([
      '2 line 2: <termEntry>: id "x" is used on line 1 too; read as another concept',
    ]);
    const yaml = loadTermbase('- id: t-one\n  zh: 甲\n- id: t-one\n  zh: 乙\n', { name: 'x.yaml' });
    expect(yaml.diagnostics.map((d) => `${d.line} ${d.message}`)).toEqual([
      '3 line 3: entry: id "t-one" is used on line 1 too; read as another concept',
    ]);
  });

  it('export: concepts that share an id are exported under ids of their own, and read back apart', () => {
    const twice = loadTermbase('- id: blockchain\n  zh: 链上\n  en: [on-chain]\n- id: blockchain\n  zh: 链下\n', {
      name: 'x.yaml',
    }).entries;
    const entries = [...bundled.filter((e) => e.id === 'blockchain'), ...twice];
    const tbx = exportTbx(entries);
    expect([...tbx.matchAll(/<conceptEntry id="([^"]+)"/g)].map((m) => m[1])).toEqual(['blockchain', 'blockchain-2', 'blockchain-3']);
    const back = loadTermbase(exportCsv(entries), { name: 'back.csv' }).entries;
    expect(back.map((e) => [e.id, e.zhHans])).toEqual([
      ['blockchain', '区块链'],
      ['blockchain-2', '链上'],
      ['blockchain-3', '链下'],
    ]);
  });

  it('CSV: an id used again further down is reported and read as another concept', () => {
    const t = loadTermbase('id,zh-Hans\na,甲\nb,乙\na,丙\n', { name: 'x.csv' });
    expect(t.entries.map((e) => e.zhHans)).toEqual(['甲', '乙', '丙']);
    expect(t.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '4 warning row 4: id "a" is used on line 2 too; read as another concept',
    ]);
  });
});

describe('add to termbase', () => {
  it.each([
    ['区块链 blockchain', { zh: '区块链', en: 'blockchain' }],
    ['区块链（blockchain）', { zh: '区块链', en: 'blockchain' }],
    ['smart contract: 智能合约', { zh: '智能合约', en: 'smart contract' }],
    ['区块链', { zh: '区块链' }],
    ['open banking', { en: 'open banking' }],
    ['AI 芯片 AI chip', { zh: 'AI 芯片 AI chip' }],
    // quotation marks around the selection are not part of the term
    ['“区块链”', { zh: '区块链' }],
    ['"open banking"', { en: 'open banking' }],
    ['「 區塊鏈 」', { zh: '區塊鏈' }],
    ['「『監理沙盒』」', { zh: '監理沙盒' }],
    ['“区块链”（“blockchain”）', { zh: '区块链', en: 'blockchain' }],
    ['the “open” bank', { en: 'the “open” bank' }],
  ])('the selection %j gives %j', (text, want) => expect(splitSelection(text)).toEqual(want));

  it('a term a spreadsheet would run as a formula is written as text and reads back as typed', () => {
    const link = '=HYPERLINK("http://evil.example","x")';
    expect(appendEntry(undefined, 'csv', '区块链', link)).toBe('zh-Hans,en\n区块链,"\'=HYPERLINK(""http://evil.example"",""x"")"\n');
    expect(appendEntry('zh-Hans\ten\n', 'tsv', '区块链', '@SUM(A1)')).toBe("zh-Hans\ten\n区块链\t'@SUM(A1)\n");
    expect(appendEntry('zh-Hans,en\n', 'csv', '+区块链', '-1')).toBe('zh-Hans,en\n"\'+区块链","\'-1"\n');
    for (const [zh, en] of [
      ['区块链', link],
      ['+区块链', "-cmd|' /C calc'!A0"],
      ['区块链', "'=already quoted"],
      ['区块链', "'plain quote"],
    ] as const)
      for (const format of ['csv', 'tsv'] as const) {
        const text = appendEntry(undefined, format, zh, en);
        // never a cell a spreadsheet would run
        for (const written of text.split('\n')[1]!.split(format === 'csv' ? ',' : '\t'))
          expect(written.replace(/^"/, ''), `${format} ${en}`).not.toMatch(/^[=+\-@]/);
        const back = loadTermbase(text, { name: `x.${format}` });
        expect(
          back.entries.map((e) => [e.zhHans, e.en]),
          `${format} ${en}`,
        ).toEqual([[zh, [en]]]);
      }
    // "'plain quote" is no formula: written as it is
    expect(appendEntry(undefined, 'csv', '区块链', "'plain quote")).toBe("zh-Hans,en\n区块链,'plain quote\n");
  });

  it('an export writes a formula-like term as text; reading the export gives the term back', () => {
    const entries = loadTermbase("zh-Hans,en,definition\n甲,'=1+1,'+adds one\n", { name: 'x.csv' }).entries;
    expect(entries.map((e) => [e.en, e.definitionEn])).toEqual([[['=1+1'], '+adds one']]);
    const csv = exportCsv(entries);
    expect(csv).toContain(`,"'=1+1",`);
    expect(csv).toContain(`,"'+adds one",`);
    expect(loadTermbase(csv, { name: 'back.csv' }).entries.map((e) => [e.en, e.definitionEn])).toEqual([[['=1+1'], '+adds one']]);
  });

  it("a sheet's quote before a formula is not part of the term; a quote before other text is", () => {
    const back = loadTermbase("zh-Hans,en,note\n甲,'=1+1,'@note\n乙,'quoted,x\n", { name: 'x.csv' });
    expect(back.entries.map((e) => [e.zhHans, e.en, e.note])).toEqual([
      ['甲', ['=1+1'], '@note'],
      ['乙', ["'quoted"], 'x'],
    ]);
  });

  it('appends to a new file, an existing sheet under its own columns, and YAML; other lines stay as they are', () => {
    expect(appendEntry(undefined, 'csv', '区块链', 'blockchain')).toBe('zh-Hans,en\n区块链,blockchain\n');
    expect(appendEntry('English;Chinese (Simplified);note\r\nx;甲;', 'csv', '区块链', 'a, b')).toBe(
      'English;Chinese (Simplified);note\r\nx;甲;\r\na, b;区块链;\r\n',
    );
    expect(appendEntry('en\tzh-TW\nx\t甲\n', 'tsv', '区块链', 'chain')).toBe('en\tzh-TW\nx\t甲\nchain\t区块链\n');
    expect(appendEntry('- zh: 甲\n', 'yaml', '区块链', 'blockchain')).toBe('- zh: 甲\n- zh: "区块链"\n  en: ["blockchain"]\n');
    const back = loadTermbase(appendEntry(readFileSync(join(FIXTURES, 'client-sheet.csv'), 'utf8'), 'csv', '稳定币', 'stablecoin'), {
      name: 'x.csv',
    });
    expect(back.entries.at(-1)).toMatchObject({ zhHans: '稳定币', en: ['stablecoin'] });
  });
});

// The quick path for plain concepts and plain spreadsheet rows must make exactly the entry the
// general path makes: random concepts and random sheets, both ways, every field and every term.
describe('the plain-concept path and the general path make the same entries', () => {
  const entryAndTerms = (e: GlossaryEntry) => ({ entry: { ...e, terms: undefined }, terms: termsOf(e) });
  const texts = fc.constantFrom('区块链', '區塊鏈', '支付', 'ledger', 'Ledger', ' 监管 ', '', 'a; b', '𠀀链', 'x');
  const langs = fc.constantFrom('zh-Hans', 'zh-Hant', 'zh-TW', 'zh-HK', 'en') as fc.Arbitrary<RawTerm['lang']>;
  const statuses = fc.constantFrom(undefined, 'preferred', 'admitted', 'deprecated', 'superseded', 'forbidden') as fc.Arbitrary<
    RawTerm['status']
  >;
  const rawTerm: fc.Arbitrary<RawTerm> = fc.record(
    { text: texts, lang: langs, status: statuses, abbreviation: fc.constant(true), usage: fc.constant('use it') },
    { requiredKeys: ['text', 'lang'] },
  );
  const concept: fc.Arbitrary<RawConcept> = fc
    .record(
      {
        line: fc.integer({ min: 1, max: 50 }),
        column: fc.constant(1),
        terms: fc.oneof(
          fc.array(rawTerm, { maxLength: 6 }),
          // mostly plain: one term per language, one shared status
          fc
            .tuple(fc.uniqueArray(langs, { maxLength: 5 }), statuses, fc.array(texts, { minLength: 5, maxLength: 5 }))
            .map(([ls, status, ts]) => ls.map((lang, i) => ({ text: ts[i]!.trim() || 'x', lang, ...(status ? { status } : {}) }))),
        ),
        id: fc.constantFrom('c1', ' c2 ', ''),
        definitionEn: fc.constantFrom('A definition.', '中文定义', ' padded '),
        definitionZh: fc.constantFrom('定义。', ''),
        domain: fc.constantFrom('payments', ' '),
        note: fc.constantFrom('a note', ''),
      },
      { requiredKeys: ['line', 'column', 'terms'] },
    )
    .map((c) => c as RawConcept);

  it('an id, definition and domain with surrounding blanks are trimmed, on both paths', () => {
    const raw: RawConcept = {
      line: 3,
      column: 1,
      terms: [{ text: '账本', lang: 'zh-Hans' }],
      id: ' c2 ',
      definitionEn: ' padded ',
      domain: ' ',
    };
    for (const made of [conceptToEntry(raw, 'f.csv', 'f-3', false), anyConceptToEntry(raw, 'f.csv', 'f-3', false)])
      expect('entry' in made && [made.entry.id, made.entry.definitionEn, made.entry.domain]).toEqual(['c2', 'padded', 'general']);
  });

  it('conceptToEntry (quick where plain) equals anyConceptToEntry, with and without generated scripts', () => {
    let plain = 0;
    fc.assert(
      fc.property(concept, fc.boolean(), (c, generate) => {
        const quick = conceptToEntry(c, 'f.csv', 'f-1', generate);
        const general = anyConceptToEntry(c, 'f.csv', 'f-1', generate);
        if ('entry' in quick && quick.entry.terms === undefined) plain++;
        if ('problem' in general) expect(quick).toEqual(general);
        else {
          expect('entry' in quick).toBe(true);
          const q = (quick as { entry: GlossaryEntry }).entry;
          expect(entryAndTerms(q)).toEqual(entryAndTerms(general.entry));
          expect(Object.keys(q)).toEqual(Object.keys(general.entry));
        }
      }),
      { numRuns: 3000 },
    );
    // the property says something only if the quick path was taken often
    expect(plain).toBeGreaterThan(300);
  });

  const cell = fc.constantFrom(
    '区块链',
    '區塊鏈',
    'ledger',
    '区块链；區塊鏈',
    ' 支付 ',
    '',
    'a; b',
    '"quoted, comma"',
    '"two\r\nlines"',
    'x\ry',
    '"q""uote"',
  );
  const header = fc.uniqueArray(
    fc.constantFrom(
      'en',
      'zh-CN',
      'zh-TW',
      'zh-Hant',
      'zh-HK',
      'zh',
      'definition',
      'definition_en',
      'definition_zh',
      'note',
      'status',
      'pos',
      'domain',
      'id',
      'abbr',
    ),
    { minLength: 1, maxLength: 7 },
  );
  const statusCell = fc.constantFrom('preferred', 'admitted', 'deprecated', 'forbidden', 'maybe', '');
  const sheet = header.chain((h) =>
    fc
      .array(fc.tuple(...h.map((name) => (name === 'status' ? statusCell : name === 'pos' ? fc.constantFrom('noun', 'verb', '') : cell))), {
        maxLength: 12,
      })
      .map((rows) => [h.join(','), ...rows.map((r) => r.join(','))].join('\r\n')),
  );

  it('a sheet read with plain rows gives the entries, lines and diagnostics of one read without', () => {
    const read = (text: string, plain: boolean) => {
      const diag = new Diagnostics();
      const builder = new EntryBuilder({ name: 'sheet.csv', generate: false }, (_c, row) => `row ${row}`);
      const ok = parseTabular(
        text,
        { kind: 'csv' },
        diag,
        (c, row) => builder.add(c, row),
        plain ? (c, row) => builder.addPlain(c, row) : undefined,
      );
      const built = builder.finish(diag);
      return { ok, entries: built.entries.map(entryAndTerms), lines: built.lines, diagnostics: diag.finish() };
    };
    fc.assert(
      fc.property(sheet, (text) => {
        expect(read(text, true)).toEqual(read(text, false));
      }),
      { numRuns: 1500 },
    );
  });

  // Each entry's line, against a count made here from the text of the rows before it: line breaks
  // and lone carriage returns in quoted cells, rows ending in CRLF or LF, files with and without
  // breaks in cells, rows before and after the last of them.
  it("each sheet row's entry is at the line an editor shows it on", () => {
    const other = fc.constantFrom(
      '',
      'ledger',
      '区块链',
      '"quoted, comma"',
      '"two\r\nlines"',
      '"two\nlines"',
      '"x\ry"',
      '"a\n\nb"',
      '定义',
    );
    const sheetRows = fc.tuple(
      fc.uniqueArray(fc.constantFrom('zh-CN', 'zh-TW', 'definition', 'note', 'status', 'domain', 'extra'), { maxLength: 4 }),
      fc.constantFrom('\r\n', '\n'),
      fc.boolean(),
    );
    fc.assert(
      fc.property(
        sheetRows.chain(([cols, end, plainOnly]) =>
          fc
            .array(
              fc.array(plainOnly ? fc.constantFrom('ledger', '账本', '') : other, { minLength: cols.length, maxLength: cols.length }),
              {
                minLength: 1,
                maxLength: 10,
              },
            )
            .map((cells) => ({ cols, end, cells })),
        ),
        ({ cols, end, cells }) => {
          const header = ['id', 'en', ...cols].join(',');
          const rows = cells.map((r, k) => [`r${k}`, `term ${k}`, ...r].join(','));
          const text = [header, ...rows].join(end) + end;
          const expected = new Map<string, number>();
          let line = 1 + (header.match(/\r\n?|\n/g)?.length ?? 0) + 1;
          const lone = /\r(?!\n)/.test(text);
          rows.forEach((row, k) => {
            expected.set(`r${k}`, line);
            line += (row.match(lone ? /\r\n?|\n/g : /\n/g)?.length ?? 0) + 1;
          });
          const tb = loadTermbase(text, { name: 'lines.csv', generate: false });
          expect(tb.entries.length).toBe(rows.length);
          expect(tb.entries.map((e, i) => [e.id, tb.lines[i]])).toEqual(tb.entries.map((e) => [e.id, expected.get(e.id)]));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('a termbase entry has the fields of a compiled one, in the same order', () => {
    const [csv] = loadTermbase('en,zh-CN\nledger,账本\n', { name: 'a.csv' }).entries;
    const [tbx] = fixture('basic-v3.tbx').entries;
    const compiled = expandEntry({ id: 'x', zhHans: '账本', definitionEn: '', domain: 'general' }, COMPILED_FORMAT) as object;
    expect(Object.keys(csv!)).toEqual(Object.keys(compiled));
    expect(Object.keys(tbx!)).toEqual(Object.keys(compiled));
  });
});
