/**
 * The compiled glossary's lean format (compiled@2): fields with their default value are left out of
 * the file, and every reader (the server's glossary, a compiled file read as a termbase) gives them
 * back. The expectations are written here by hand, not taken from the code.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type GlossaryEntry, compactEntry, expandEntry } from '../../server/src/engine/entry';
import { Glossary } from '../../server/src/engine/glossary';
import { loadTermbase } from '../../server/src/engine/termbaseLoad';

const V2 = 'fintech-glossary/compiled@2';
const V1 = 'fintech-glossary/compiled@1';
const file = (format: string, entries: unknown[]) => JSON.stringify({ format, entries });
const blockchain = JSON.parse(readFileSync(new URL('./fixtures/blockchain.entry.json', import.meta.url), 'utf8')) as GlossaryEntry;

/** The smallest compiled@2 entry: only what has no default. */
const minimal = { id: 'blockchain', zhHans: '区块链', en: ['blockchain'], definitionEn: 'A ledger.', domain: 'blockchain' };

describe('compiled@2: defaults left out', () => {
  it('the build leaves out empty lists, an empty Chinese definition, the default status, origin and count, and a traditional form equal to the simplified', () => {
    const entry: GlossaryEntry = {
      id: 'api',
      zhHans: 'API',
      zhHant: 'API',
      zhAliases: [],
      en: ['application programming interface'],
      abbr: [],
      definitionEn: 'An interface.',
      definitionZh: '',
      domain: 'tech',
      related: [],
      status: 'preferred',
      examples: [],
      occurrences: 0,
      origin: 'bundled',
    };
    expect(compactEntry(entry)).toEqual({
      id: 'api',
      zhHans: 'API',
      en: ['application programming interface'],
      definitionEn: 'An interface.',
      domain: 'tech',
    });
    // nothing else is left out: values that are not the defaults stay
    const other = { ...entry, zhHant: 'A P I', status: 'admitted' as const, occurrences: 3, origin: 'team.tbx', definitionZh: '接口' };
    expect(compactEntry(other)).toEqual({
      id: 'api',
      zhHans: 'API',
      zhHant: 'A P I',
      en: ['application programming interface'],
      definitionEn: 'An interface.',
      definitionZh: '接口',
      domain: 'tech',
      status: 'admitted',
      occurrences: 3,
      origin: 'team.tbx',
    });
  });

  it('the server reads a left-out field as its default', () => {
    const [e] = Glossary.fromJSON(file(V2, [minimal]), 'g.json').entries;
    expect(e).toEqual({
      id: 'blockchain',
      zhHans: '区块链',
      zhHant: '区块链',
      zhAliases: [],
      en: ['blockchain'],
      abbr: [],
      definitionEn: 'A ledger.',
      definitionZh: '',
      domain: 'blockchain',
      related: [],
      status: 'preferred',
      examples: [],
      occurrences: 0,
      origin: 'bundled',
    });
    // and finds it: the traditional form that was left out is a key too
    const g = Glossary.fromJSON(file(V2, [{ ...minimal, zhHans: '区块链' }]), 'g.json');
    expect(g.lookup('区块链').map((x) => x.id)).toEqual(['blockchain']);
    expect(g.lookup('blockchain').map((x) => x.id)).toEqual(['blockchain']);
  });

  it('a field without a default is still required, and a wrong value is still named', () => {
    const { definitionEn: _gone, ...noDefinition } = minimal;
    expect(() => Glossary.fromJSON(file(V2, [noDefinition]), 'g.json')).toThrow(
      /g\.json: entry 1 "blockchain": field "definitionEn" is missing/,
    );
    expect(() => Glossary.fromJSON(file(V2, [{ ...minimal, zhAliases: '区块链技术' }]), 'g.json')).toThrow(
      /field "zhAliases" is not a list of strings/,
    );
    expect(() => Glossary.fromJSON(file(V2, [{ ...minimal, status: 'old' }]), 'g.json')).toThrow(/field "status" is not one of/);
    expect(() => Glossary.fromJSON(file(V2, [{ ...minimal, en: undefined, zhHans: '' }]), 'g.json')).toThrow(
      /has neither a Chinese nor an English term/,
    );
  });

  it('compiled@1 files are read as before: every field must be there', () => {
    expect(() => Glossary.fromJSON(file(V1, [minimal]), 'g.json')).toThrow(/entry 1 "blockchain": field "zhHant" is missing/);
    expect(Glossary.fromJSON(file(V1, [blockchain]), 'g.json').entries).toEqual([blockchain]);
  });

  it('aliasForms: keys for an alias, matched as that alias; a malformed list is refused', () => {
    const withAlias = { ...minimal, zhAliases: ['网络借贷'] };
    const text = (aliasForms: unknown) => JSON.stringify({ format: V2, entries: [withAlias], aliasForms });
    const g = Glossary.fromJSON(text([[0, '網路借貸', '网络借贷']]), 'g.json');
    const [m] = g.index.scan('網路借貸');
    expect([m!.start, m!.end, m!.entries, m!.forms]).toEqual([0, 4, [0], ['网络借贷']]);
    for (const bad of [[[1, '網路借貸', '网络借贷']], [[0, '網路借貸']], [['0', 'a', 'b']], 'x'])
      expect(() => Glossary.fromJSON(text(bad), 'g.json')).toThrow(/g.json: "aliasForms" is not a list of \[entry number, form, alias\]/);
  });

  it('another format name is refused, naming the one expected', () => {
    expect(() => Glossary.fromJSON(file('fintech-glossary/compiled@3', [minimal]), 'g.json')).toThrow(
      /not a compiled Fintech Glossary \(expected "format": "fintech-glossary\/compiled@2"/,
    );
  });

  it('a compiled@2 file read as a termbase gets the same defaults, with its own origin', () => {
    const tb = loadTermbase(file(V2, [minimal]), { name: 'team.json' });
    expect(tb.diagnostics).toEqual([]);
    expect(tb.entries.map((e) => [e.zhHant, e.zhAliases, e.status, e.examples, e.origin])).toEqual([
      ['区块链', [], 'preferred', [], 'team.json'],
    ]);
  });

  it('a left-out list is shared and frozen: no entry can change another one through it', () => {
    const [a, b] = Glossary.fromJSON(file(V2, [minimal, { ...minimal, id: 'b' }]), 'g.json').entries;
    expect(() => (a!.related as string[]).push('x')).toThrow(TypeError);
    expect(b!.related).toEqual([]);
  });

  it('property: any entry written compact and read back is the same entry, fields in the same order', () => {
    const text = fc.string({ maxLength: 4 });
    const list = fc.array(text, { maxLength: 2 });
    const entry = fc.record(
      {
        id: text,
        zhHans: fc.constantFrom('区块链', '', 'API'),
        zhHant: fc.constantFrom('區塊鏈', '区块链', '', 'API'),
        zhTw: text,
        zhHk: text,
        zhAliases: list,
        en: fc.array(fc.constantFrom('blockchain', 'ledger'), { minLength: 1, maxLength: 2 }),
        abbr: list,
        definitionEn: text,
        definitionZh: fc.constantFrom('', '账本'),
        definitionZhSource: fc.constant({ doc: '000', title: 't', line: 1 }),
        domain: text,
        related: list,
        status: fc.constantFrom('preferred', 'admitted', 'deprecated'),
        replacedBy: text,
        pos: fc.constantFrom('noun', 'verb'),
        historical: fc.constant({ note: 'n', until: '2023' }),
        provenance: fc.constant({ en: ['market'] }),
        quote: fc.constant({ text: 'q', cite: { doc: '001', title: 't', line: 2 } }),
        terms: fc.constant([{ text: '区块链', lang: 'zh', role: 'headword', status: 'preferred' }]),
        examples: fc.array(fc.constant({ text: 'x', cite: { doc: '001', title: 't', line: 3 } }), { maxLength: 1 }),
        occurrences: fc.nat(3),
        origin: fc.constantFrom('bundled', 'team.tbx'),
        note: text,
      },
      {
        requiredKeys: [
          'id',
          'zhHans',
          'zhHant',
          'zhAliases',
          'en',
          'abbr',
          'definitionEn',
          'definitionZh',
          'domain',
          'related',
          'status',
          'examples',
          'occurrences',
          'origin',
        ],
      },
    );
    fc.assert(
      fc.property(entry, (e) => {
        const back = expandEntry(JSON.parse(JSON.stringify(compactEntry(e as GlossaryEntry))), V2) as GlossaryEntry;
        expect(back).toEqual(e);
        // the same order of fields as the entry the build made (what `lookup --json` prints)
        const order = [
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
          'definitionZhSource',
          'domain',
          'related',
          'status',
          'replacedBy',
          'pos',
          'historical',
          'provenance',
          'quote',
          'terms',
          'examples',
          'occurrences',
          'origin',
          'note',
        ];
        expect(Object.keys(back).filter((k) => back[k as keyof GlossaryEntry] !== undefined)).toEqual(order.filter((k) => k in e));
      }),
    );
  });
});
