/**
 * The project file `.fintech-glossary.yaml` at a workspace root: a team lead configures a
 * repository once, for the server and the CLI alike (VS Code settings override it for one user).
 * This module parses and checks its text; reading the file is the Node entry's and the CLI's job
 * (in a browser the client sends it).
 *
 * ```yaml
 * variant: zh-TW                 # auto | zh-Hans | zh-Hant | zh-TW | zh-HK
 * termbases: [terms/bank.tbx]    # user termbases, relative to the project root
 * severity:                      # per rule: error | warning | information | hint | off
 *   inconsistent-term: off
 * ignore: ['vendor/**', '*.min.md']   # paths not checked (globs, relative to the root)
 * ```
 */
import { parse } from 'yaml';
import { VARIANTS, type Rule, type Severity, type Variant } from './protocol';
import { parseSeverities } from './settings';

export const PROJECT_FILE = '.fintech-glossary.yaml';

export interface ProjectConfig {
  variant?: Variant;
  termbases: string[];
  severity: Partial<Record<Rule, Severity>>;
  ignore: string[];
}

export const emptyProjectConfig: ProjectConfig = { termbases: [], severity: {}, ignore: [] };

/** Parse the project file's text; every problem is reported through `problem` and the rest is kept. */
export function parseProjectConfig(text: string, problem: (message: string) => void): ProjectConfig {
  const config: ProjectConfig = { termbases: [], severity: {}, ignore: [] };
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100 });
  } catch (err) {
    problem(`${PROJECT_FILE}: not valid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    return config;
  }
  if (data === null || data === undefined) return config;
  if (typeof data !== 'object' || Array.isArray(data)) {
    problem(`${PROJECT_FILE}: expected a mapping (variant, termbases, severity, ignore)`);
    return config;
  }
  const d = data as Record<string, unknown>;
  for (const key of Object.keys(d))
    if (!['variant', 'termbases', 'severity', 'ignore'].includes(key))
      problem(`${PROJECT_FILE}: unknown key "${key.slice(0, 40)}" (ignored)`);
  if (d.variant !== undefined) {
    if (typeof d.variant === 'string' && (VARIANTS as readonly string[]).includes(d.variant)) config.variant = d.variant as Variant;
    else problem(`${PROJECT_FILE}: variant must be one of ${VARIANTS.join(', ')}`);
  }
  const strings = (key: 'termbases' | 'ignore') => {
    const v = d[key];
    if (v === undefined || v === null) return [];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    problem(`${PROJECT_FILE}: ${key} must be a list of paths`);
    return [];
  };
  config.termbases = strings('termbases');
  config.ignore = strings('ignore');
  if (d.severity !== undefined && d.severity !== null)
    config.severity = parseSeverities(d.severity, (key, got) =>
      problem(
        `${PROJECT_FILE}: severity${key}: ${typeof got === 'string' ? `"${got.slice(0, 20)}"` : String(got)} is not error, warning, information, hint or off`,
      ),
    );
  return config;
}

/**
 * Does `path` (relative to the project root, `/`-separated) match the glob? `*` and `?` stay
 * inside a path segment, `**` crosses them; a pattern without `/` matches the file name anywhere.
 * A two-pointer match with backtracking to the last star only: linear-ish, no regular expression.
 */
export function globMatch(pattern: string, path: string): boolean {
  if (!pattern.includes('/')) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return wildcard(pattern, name) || wildcard(`**/${pattern}`, path);
  }
  return wildcard(pattern.replace(/^\.?\//, ''), path);
}

function wildcard(p: string, s: string): boolean {
  let i = 0,
    j = 0,
    star = -1,
    mark = 0,
    starCrosses = false;
  while (j < s.length) {
    if (i < p.length && p[i] === '*') {
      starCrosses = p[i + 1] === '*';
      i += starCrosses ? 2 : 1;
      if (starCrosses && p[i] === '/') i++; // `**/` also matches nothing
      star = i;
      mark = j;
    } else if (i < p.length && (p[i] === s[j] || (p[i] === '?' && s[j] !== '/'))) {
      i++;
      j++;
    } else if (star >= 0 && (starCrosses || s[mark] !== '/')) {
      mark++;
      j = mark;
      i = star;
    } else return false;
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}

/** Is the file at `path` (relative to the project root) ignored by the project file? */
export function isIgnored(config: ProjectConfig, path: string): boolean {
  return config.ignore.some((g) => globMatch(g, path));
}
