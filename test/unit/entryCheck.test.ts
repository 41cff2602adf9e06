/**
 * The check a compiled glossary's entries go through on load: every field, every wrong type.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryProblem } from '../../server/src/engine/entry';

const good = JSON.parse(readFileSync(new URL('./fixtures/blockchain.entry.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** Each field and a value of the right type it may also have (written here, not taken from the code). */
const FIELDS: Record<
  string,
  'string' | 'string?' | 'strings' | 'number' | 'citation?' | 'examples' | 'status' | 'terms?' | 'pos?' | 'object?'
> = {
  id: 'string',
  zhHans: 'string',
  zhHant: 'string',
  zhTw: 'string?',
  zhHk: 'string?',
  zhAliases: 'strings',
  en: 'strings',
  abbr: 'strings',
  definitionEn: 'string',
  definitionZh: 'string',
  definitionZhSource: 'citation?',
  domain: 'string',
  related: 'strings',
  status: 'status',
  replacedBy: 'string?',
  pos: 'pos?',
  historical: 'object?',
  provenance: 'object?',
  quote: 'object?',
  terms: 'terms?',
  examples: 'examples',
  occurrences: 'number',
  origin: 'string',
};

const wrongFor = (kind: string): unknown[] => {
  const all: unknown[] = [null, 42, 'text', ['a', 3], [], {}, true, { doc: '000', title: 't', line: '7' }, [{ text: 1 }], Number.NaN];
  return all.filter((v) => {
    if (kind === 'string' || kind === 'string?') return typeof v !== 'string';
    if (kind === 'strings') return !(Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (kind === 'number') return typeof v !== 'number' || Number.isNaN(v);
    if (kind === 'status' || kind === 'pos?') return true; // 'text' is not a status or part of speech either
    if (kind === 'object?') return true; // none of the values above has the fields
    if (kind === 'examples' || kind === 'terms?') return !(Array.isArray(v) && v.length === 0); // an empty list is fine
    return true; // citation?: none of the values above is one
  });
};

describe('entryProblem', () => {
  it('accepts a real compiled entry, with or without its optional fields', () => {
    expect(entryProblem(good)).toBeUndefined();
    const { zhTw: _a, zhHk: _b, definitionZhSource: _c, replacedBy: _d, ...bare } = good;
    expect(entryProblem(bare)).toBeUndefined();
  });

  it('names the field, for every field and every wrong value', () => {
    for (const [field, kind] of Object.entries(FIELDS)) {
      for (const value of wrongFor(kind)) {
        expect(entryProblem({ ...good, [field]: value }), `${field} = ${JSON.stringify(value)}`).toMatch(
          new RegExp(`^field "${field}" is not `),
        );
      }
      if (!kind.endsWith('?')) {
        const { [field]: _gone, ...without } = good;
        expect(entryProblem(without)).toBe(`field "${field}" is missing`);
      }
    }
  });

  it('checks each term: text, language, role and a known status', () => {
    const term = { text: '区块链', lang: 'zh', role: 'headword', scripts: ['zh-Hans'], status: 'preferred' };
    expect(entryProblem({ ...good, terms: [term] })).toBeUndefined();
    for (const bad of [
      { ...term, status: 'obsolete' },
      { ...term, lang: 'fr' },
      { ...term, role: 'alias' },
      { ...term, text: 1 },
      { ...term, usage: 2 },
      null,
    ]) {
      expect(entryProblem({ ...good, terms: [term, bad] }), JSON.stringify(bad)).toBe(
        'field "terms" is not a list of terms {text, lang, role, status}',
      );
    }
  });

  it('checks the termbase fields: part of speech, historical, provenance, quote, and per-term pos, register, geo, replacedBy', () => {
    const withAll = {
      ...good,
      pos: 'properNoun',
      historical: { note: 'Replaced by the NFRA in 2023.', from: '2018', until: '2023' },
      provenance: { en: ['self'], reviewedBy: 'review', reviewed: '2026-11-29' },
      quote: { text: '一段话。', cite: { doc: '001', title: 't', line: 3 } },
    };
    expect(entryProblem(withAll)).toBeUndefined();
    expect(entryProblem({ ...withAll, historical: { note: 'x', from: '2018' } })).toBe(
      'field "historical" is not a historical note {note, from?, until}',
    );
    expect(entryProblem({ ...withAll, historical: { note: 'x', until: 2023 } })).toMatch(/^field "historical"/);
    expect(entryProblem({ ...withAll, provenance: { en: 'self', reviewedBy: 'r', reviewed: '2026-11-29' } })).toMatch(
      /^field "provenance"/,
    );
    // an entry nobody has reviewed yet: whose English it follows, no reviewer; reviewer and date go together
    expect(entryProblem({ ...withAll, provenance: { en: ['market'] } })).toBeUndefined();
    expect(entryProblem({ ...withAll, provenance: { en: ['market'], reviewed: '2026-11-29' } })).toMatch(/^field "provenance"/);
    expect(entryProblem({ ...withAll, provenance: { en: ['market'], reviewedBy: 'r' } })).toMatch(/^field "provenance"/);
    expect(entryProblem({ ...withAll, quote: { text: '一段话。', cite: { doc: '001', title: 't', line: 'x' } } })).toMatch(
      /^field "quote"/,
    );
    expect(entryProblem({ ...withAll, pos: 'Noun' })).toMatch(/^field "pos" is not one of noun, verb/);
    const term = { text: '区块链', lang: 'zh', role: 'headword', status: 'preferred' };
    const full = { ...term, pos: 'noun', register: 'technical', geo: ['cn', 'tw'], replacedBy: '区块链技术' };
    expect(entryProblem({ ...good, terms: [full] })).toBeUndefined();
    for (const bad of [
      { ...full, pos: 'name' },
      { ...full, register: 'slang' },
      { ...full, geo: ['mo'] },
      { ...full, geo: 'cn' },
      { ...full, replacedBy: 3 },
    ])
      expect(entryProblem({ ...good, terms: [bad] }), JSON.stringify(bad)).toBe(
        'field "terms" is not a list of terms {text, lang, role, status}',
      );
  });

  it('rejects an entry with neither a Chinese nor an English term, and non-objects', () => {
    expect(entryProblem({ ...good, zhHans: '', en: [] })).toBe('has neither a Chinese nor an English term');
    for (const v of [null, 1, 'x', [good]]) expect(entryProblem(v)).toBe('not an object');
  });

  it('any one field replaced by anything: accepted only when the value has the field’s type', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(FIELDS)), fc.anything(), (field, value) => {
        const problem = entryProblem({ ...good, [field]: value });
        if (problem === undefined) expect(wrongFor(FIELDS[field]!)).not.toContainEqual(value);
        else expect(problem).toMatch(/^field "|^has neither/);
      }),
      { numRuns: 2000 },
    );
  });
});
