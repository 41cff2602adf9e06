/**
 * Settings from the client, checked field by field: a value of the wrong type is ignored (the
 * default stays) and reported, never coerced (`hover.enable: 0` does not turn hover off).
 */
import { HOVER_DETAILS, SCRIPTS, defaultSettings, type HoverDetail, type Settings } from './protocol';

export function mergeSettings(value: unknown, warn: (message: string) => void = () => undefined): Settings {
  const settings: Settings = structuredClone(defaultSettings);
  if (value === undefined || value === null) return settings;
  if (typeof value !== 'object' || Array.isArray(value)) {
    warn(`settings: expected an object, got ${describe(value)}; using the defaults`);
    return settings;
  }
  const v = value as Record<string, unknown>;
  const wrong = (key: string, expected: string, got: unknown) =>
    warn(`settings: fintechGlossary.${key} must be ${expected}, got ${describe(got)}; ignored`);

  if (v.languages !== undefined) {
    if (Array.isArray(v.languages) && v.languages.every((l) => typeof l === 'string')) settings.languages = [...v.languages];
    else wrong('languages', 'an array of language ids', v.languages);
  }
  if (v.preferredScript !== undefined) {
    if (typeof v.preferredScript === 'string' && (SCRIPTS as readonly string[]).includes(v.preferredScript)) {
      settings.preferredScript = v.preferredScript as Settings['preferredScript'];
    } else wrong('preferredScript', `one of ${SCRIPTS.join(', ')}`, v.preferredScript);
  }
  for (const feature of ['hover', 'completion'] as const) {
    const section = v[feature];
    if (section === undefined || section === null) continue;
    if (typeof section !== 'object' || Array.isArray(section)) {
      wrong(feature, 'an object', section);
      continue;
    }
    const enable = (section as Record<string, unknown>).enable;
    if (typeof enable === 'boolean') settings[feature].enable = enable;
    else if (enable !== undefined) wrong(`${feature}.enable`, 'true or false', enable);
    const detail = (section as Record<string, unknown>).detail;
    if (feature !== 'hover' || detail === undefined) continue;
    if (typeof detail === 'string' && (HOVER_DETAILS as readonly string[]).includes(detail)) settings.hover.detail = detail as HoverDetail;
    else wrong('hover.detail', `one of ${HOVER_DETAILS.join(', ')}`, detail);
  }
  if (v.matchAcronymsCaseInsensitive !== undefined) {
    if (typeof v.matchAcronymsCaseInsensitive === 'boolean') settings.matchAcronymsCaseInsensitive = v.matchAcronymsCaseInsensitive;
    else wrong('matchAcronymsCaseInsensitive', 'true or false', v.matchAcronymsCaseInsensitive);
  }
  if (v.glossaries !== undefined) {
    if (Array.isArray(v.glossaries) && v.glossaries.every((g) => typeof g === 'string'))
      settings.glossaries = v.glossaries.filter((g) => g.trim());
    else wrong('glossaries', 'an array of paths or globs', v.glossaries);
  }
  if (v.bundledGlossary !== undefined) {
    if (typeof v.bundledGlossary === 'boolean') settings.bundledGlossary = v.bundledGlossary;
    else wrong('bundledGlossary', 'true or false', v.bundledGlossary);
  }
  if (v.termbaseFile !== undefined) {
    if (typeof v.termbaseFile === 'string' && /\.(csv|tsv|ya?ml)$/i.test(v.termbaseFile) && !v.termbaseFile.split(/[\\/]/).includes('..'))
      settings.termbaseFile = v.termbaseFile;
    else wrong('termbaseFile', 'a .csv, .tsv or .yaml path inside the folder', v.termbaseFile);
  }
  return settings;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const text = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${text}`;
}
