/**
 * Settings are declared twice: in package.json (what VS Code shows and validates) and in
 * protocol.ts (what the server reads). These tests tie the two together, and check that a value of
 * the wrong type is ignored with a warning rather than coerced.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCRIPTS, defaultSettings } from '../../server/src/protocol';
import { mergeSettings } from '../../server/src/settings';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const contributed = manifest.contributes.configuration.properties as Record<string, { default: unknown; enum?: string[] }>;

/** `{hover: {enable: true}}` → `{'hover.enable': true}` */
function flatten(o: object, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) =>
      v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length
        ? Object.entries(flatten(v, `${prefix}${k}.`))
        : [[`${prefix}${k}`, v]],
    ),
  );
}

describe('settings', () => {
  it('a misspelt rule in diagnostics.severity is named as no rule; the other rules keep their severities', () => {
    const warnings: string[] = [];
    const s = mergeSettings({ diagnostics: { severity: { 'mixed-scrip': 'off', 'forbidden-term': 'error' } } }, (w) => warnings.push(w));
    expect(s.diagnostics.severity).toEqual({ 'forbidden-term': 'error' });
    expect(warnings).toEqual([
      'settings: fintechGlossary.diagnostics.severity has no rule "mixed-scrip" (the rules: forbidden-term, deprecated-term, regional-variant, mixed-script, script-mismatch, inconsistent-term); ignored',
    ]);
  });

  it('package.json contributes exactly the settings the server reads, with the same defaults', () => {
    const server = flatten(defaultSettings);
    const declared = Object.fromEntries(
      Object.entries(contributed)
        .filter(([key]) => key !== 'fintechGlossary.trace.server') // read by the client library, not by our server
        .map(([key, spec]) => [key.replace(/^fintechGlossary\./, ''), spec.default]),
    );
    expect(declared).toEqual(server);
    expect(contributed['fintechGlossary.preferredScript']!.enum).toEqual([...SCRIPTS]);
  });

  it('what term QA reads per document is resource-scoped, and per language where a language may differ', () => {
    // the server asks for these with the document's URI (scopeUri); the rest are window settings
    const scoped = Object.fromEntries(
      Object.entries(contributed as Record<string, { scope?: string }>)
        .filter(([, spec]) => spec.scope && spec.scope !== 'window')
        .map(([key, spec]) => [key, spec.scope]),
    );
    expect(scoped).toEqual({
      'fintechGlossary.glossaries': 'resource',
      'fintechGlossary.termbaseFile': 'resource',
      'fintechGlossary.variant': 'language-overridable',
      'fintechGlossary.diagnostics.enable': 'language-overridable',
      'fintechGlossary.diagnostics.severity': 'language-overridable',
      'fintechGlossary.diagnostics.maxDocumentSize': 'resource',
    });
  });

  it('takes values of the right type', () => {
    expect(
      mergeSettings({
        preferredScript: 'zh-TW',
        hover: { enable: false, detail: 'full' },
        matchAcronymsCaseInsensitive: true,
        languages: ['latex'],
      }),
    ).toEqual({
      ...defaultSettings,
      languages: ['latex'],
      preferredScript: 'zh-TW',
      hover: { enable: false, detail: 'full' },
      completion: { enable: true },
      matchAcronymsCaseInsensitive: true,
      glossaries: defaultSettings.glossaries,
      bundledGlossary: true,
      termbaseFile: 'glossary.csv',
    });
  });

  it('takes the termbase settings, and refuses a termbase file outside the folder or of another format', () => {
    const warnings: string[] = [];
    const merged = mergeSettings(
      { glossaries: ['terms/*.tbx', 'client.csv'], bundledGlossary: false, termbaseFile: 'team/terms.yaml' },
      (w) => warnings.push(w),
    );
    expect([merged.glossaries, merged.bundledGlossary, merged.termbaseFile, warnings]).toEqual([
      ['terms/*.tbx', 'client.csv'],
      false,
      'team/terms.yaml',
      [],
    ]);
    for (const bad of ['../outside.csv', 'terms.xlsx', 3]) {
      expect(mergeSettings({ termbaseFile: bad }, (w) => warnings.push(w)).termbaseFile).toBe('glossary.csv');
    }
    expect(mergeSettings({ glossaries: 'x.tbx' }, (w) => warnings.push(w)).glossaries).toEqual(defaultSettings.glossaries);
    expect(warnings).toHaveLength(4);
  });

  it('ignores values of the wrong type, each with a warning', () => {
    const warnings: string[] = [];
    const merged = mergeSettings(
      {
        preferredScript: 42,
        hover: { enable: 0, detail: 'short' },
        completion: { enable: 'false' },
        matchAcronymsCaseInsensitive: 'yes',
        languages: 'latex',
      },
      (w) => warnings.push(w),
    );
    expect(merged).toEqual(defaultSettings);
    expect(warnings).toEqual([
      'settings: fintechGlossary.languages must be an array of language ids, got string "latex"; ignored',
      'settings: fintechGlossary.preferredScript must be one of zh-Hans, zh-Hant, zh-TW, zh-HK, got number 42; ignored',
      'settings: fintechGlossary.hover.enable must be true or false, got number 0; ignored',
      'settings: fintechGlossary.hover.detail must be one of compact, full, got string "short"; ignored',
      'settings: fintechGlossary.completion.enable must be true or false, got string "false"; ignored',
      'settings: fintechGlossary.matchAcronymsCaseInsensitive must be true or false, got string "yes"; ignored',
    ]);
  });

  it('null, missing and non-object settings give the defaults', () => {
    for (const value of [null, undefined, 42, 'x', [1]]) expect(mergeSettings(value)).toEqual(defaultSettings);
    expect(mergeSettings({ hover: null, __proto__: { hover: { enable: false } } })).toEqual(defaultSettings);
  });
});
