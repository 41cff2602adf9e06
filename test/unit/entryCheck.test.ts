/**
 * The check a compiled glossary's entries go through on load: every field, every wrong type.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryProblem } from '../../server/src/engine/entry';

const good = JSON.parse(readFileSync(new URL('./fixtures/blockchain.entry.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** Each field and a value of the right type it may also have (written here, not taken from the code). */
const FIELDS: Record<string, 'string' | 'string?' | 'strings' | 'number' | 'citation?' | 'examples' | 'status' | 'terms?'> = {
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
    if (kind === 'status') return true; // 'text' is not a status either
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
