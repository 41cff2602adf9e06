/**
 * Settings from the client, checked field by field: a value of the wrong type is ignored (the
 * default stays) and reported, never coerced (`hover.enable: 0` does not turn hover off).
 */
import {
  HOVER_DETAILS,
  RULES,
  SEVERITIES,
  SCRIPTS,
  VARIANTS,
  defaultSettings,
  type HoverDetail,
  type Rule,
  type Severity,
  type Settings,
} from './protocol';

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
  for (const feature of ['hover', 'completion', 'inlayHints'] as const) {
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
    if (
      typeof v.termbaseFile === 'string' &&
      /\.(csv|tsv|ya?ml)$/i.test(v.termbaseFile) &&
      // relative to the folder, and inside it
      !/^([\\/]|[A-Za-z]:)/.test(v.termbaseFile) &&
      !v.termbaseFile.split(/[\\/]/).includes('..')
    )
      settings.termbaseFile = v.termbaseFile;
    else wrong('termbaseFile', 'a .csv, .tsv or .yaml path inside the folder', v.termbaseFile);
  }
  if (v.variant !== undefined) {
    if (typeof v.variant === 'string' && (VARIANTS as readonly string[]).includes(v.variant))
      settings.variant = v.variant as Settings['variant'];
    else wrong('variant', `one of ${VARIANTS.join(', ')}`, v.variant);
  }
  const d = v.diagnostics;
  if (d !== undefined && d !== null) {
    if (typeof d !== 'object' || Array.isArray(d)) wrong('diagnostics', 'an object', d);
    else {
      const { enable, maxDocumentSize, severity } = d as Record<string, unknown>;
      if (enable !== undefined) {
        if (typeof enable === 'boolean') settings.diagnostics.enable = enable;
        else wrong('diagnostics.enable', 'true or false', enable);
      }
      if (maxDocumentSize !== undefined) {
        if (typeof maxDocumentSize === 'number' && Number.isFinite(maxDocumentSize) && maxDocumentSize >= 0)
          settings.diagnostics.maxDocumentSize = maxDocumentSize;
        else wrong('diagnostics.maxDocumentSize', 'a non-negative number', maxDocumentSize);
      }
      if (severity !== undefined && severity !== null) {
        const parsed = parseSeverities(
          severity,
          (key, got) => wrong(`diagnostics.severity${key}`, `one of ${SEVERITIES.join(', ')}`, got),
          (name) =>
            warn(
              `settings: fintechGlossary.diagnostics.severity has no rule "${name.slice(0, 40)}" (the rules: ${RULES.join(', ')}); ignored`,
            ),
        );
        settings.diagnostics.severity = parsed;
      }
    }
  }
  return settings;
}

/**
 * A map of rule → severity (the settings' and the project file's), checked: unknown rules and
 * values are reported and skipped. `wrong(key, got)` is told about each bad one (key `.rule` or '').
 */
export function parseSeverities(
  value: unknown,
  wrong: (key: string, got: unknown) => void,
  noRule: (name: string) => void,
): Partial<Record<Rule, Severity>> {
  const out: Partial<Record<Rule, Severity>> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    wrong('', value);
    return out;
  }
  for (const [rule, sev] of Object.entries(value as Record<string, unknown>)) {
    if (!(RULES as readonly string[]).includes(rule)) {
      noRule(rule);
      continue;
    }
    if (typeof sev === 'string' && (SEVERITIES as readonly string[]).includes(sev)) out[rule as Rule] = sev as Severity;
    else wrong(`.${rule}`, sev);
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const text = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${text}`;
}
