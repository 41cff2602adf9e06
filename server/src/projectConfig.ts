/**
 * The project file `.fintech-glossary.yaml`: a team lead configures a repository once, for the
 * server and the CLI alike (VS Code settings override it for one user). This module parses and
 * checks its text; finding and reading the file is the Node entry's (`node/repository.ts`: the
 * nearest one walking up to the top of the repository, for the server and the CLI alike; in a
 * browser the server reads the one at a folder's root through the client's file access).
 *
 * ```yaml
 * variant: zh-TW                 # auto | zh-Hans | zh-Hant | zh-TW | zh-HK
 * glossaries: ['terms/*.tbx']     # where its termbases are, in place of the default search ([]: none)
 * termbases: [terms/bank.tbx]    # user termbases, relative to the project root
 * severity:                      # per rule: error | warning | information | hint | off
 *   inconsistent-term: off
 * ignore: ['vendor/**', '*.min.md']   # paths not checked (globs, relative to the root)
 * ```
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { RULES, VARIANTS, type Rule, type Severity, type Variant } from './protocol';
import { parseSeverities } from './settings';

export const PROJECT_FILE = '.fintech-glossary.yaml';

export interface ProjectConfig {
  variant?: Variant;
  /**
   * Which files are the project's termbases (paths and globs relative to the project root): in
   * place of the default search (`DEFAULT_GLOSSARIES`) when given, `[]` for none; undefined when the
   * file does not say. A user's own `fintechGlossary.glossaries` setting still wins in the editor.
   */
  glossaries?: string[];
  /** Where each of `glossaries` is written, as `termbaseRanges`. */
  glossaryRanges?: ProjectRange[];
  termbases: string[];
  /** Where each of `termbases` is written (1-based lines and columns; the end is exclusive), for diagnostics on it. */
  termbaseRanges?: ProjectRange[];
  severity: Partial<Record<Rule, Severity>>;
  ignore: string[];
}

export const emptyProjectConfig: ProjectConfig = { termbases: [], severity: {}, ignore: [] };

/** A problem in the project file, at a 1-based line and column (the key or value it is about). */
export interface ProjectProblem {
  message: string;
  line: number;
  column: number;
}

/** A span of the project file: 1-based lines and columns, the end exclusive. */
export interface ProjectRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** `.fintech-glossary.yaml:3:10: message`, for logs and the command line. */
export const formatProjectProblem = (p: ProjectProblem) => `${PROJECT_FILE}:${p.line}:${p.column}: ${p.message}`;

/** Parse the project file's text; every problem is reported through `problem` (with its line) and the rest is kept. */
export function parseProjectConfig(text: string, problem: (p: ProjectProblem) => void): ProjectConfig {
  const config: ProjectConfig = { termbases: [], severity: {}, ignore: [] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number | undefined) => {
    const pos = lines.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const report = (message: string, node?: { range?: [number, number, number] | null }) => problem({ message, ...at(node?.range?.[0]) });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    problem({ message: `not valid YAML: ${e.message.split('\n')[0]}`, ...at(e.pos[0]) });
    return config;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    report(`not valid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    return config;
  }
  if (data === null || data === undefined) return config;
  if (!isMap(doc.contents) || typeof data !== 'object' || Array.isArray(data)) {
    report('expected a mapping (variant, glossaries, termbases, severity, ignore)', doc.contents as Node | undefined);
    return config;
  }
  const root = doc.contents;
  /** The node of a key, or of the value under a key (for the line of a problem). */
  const keyNode = (key: string) => root.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.key as Node | undefined;
  /** The node of a rule's name under `severity` (where a misspelt one is). */
  const severityKey = (name: string) => {
    const map = root.get('severity', true);
    return (
      (isMap(map) ? (map.items.find((pair) => isScalar(pair.key) && pair.key.value === name)?.key as Node | undefined) : undefined) ??
      keyNode('severity')
    );
  };
  const valueNode = (...path: string[]) => (doc.getIn(path, true) as Node | undefined) ?? keyNode(path[0]!);
  const d = data as Record<string, unknown>;
  for (const key of Object.keys(d))
    if (!['variant', 'glossaries', 'termbases', 'severity', 'ignore'].includes(key))
      report(`unknown key "${key.slice(0, 40)}" (ignored)`, keyNode(key));
  if (d.variant !== undefined) {
    if (typeof d.variant === 'string' && (VARIANTS as readonly string[]).includes(d.variant)) config.variant = d.variant as Variant;
    else report(`variant must be one of ${VARIANTS.join(', ')}`, valueNode('variant'));
  }
  const strings = (key: 'glossaries' | 'termbases' | 'ignore') => {
    const v = d[key];
    if (v === undefined || v === null) return [];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    report(`${key} must be a list of paths`, valueNode(key));
    return [];
  };
  /** Where each item of a list of paths is written. */
  const rangesOf = (key: 'glossaries' | 'termbases'): ProjectRange[] | undefined => {
    const listed = doc.get(key, true);
    if (!isSeq(listed)) return undefined;
    return listed.items.map((item) => {
      const range = (item as Node).range ?? [0, 0, 0];
      const start = at(range[0]),
        end = at(range[1]);
      return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    });
  };
  // present (even empty: `glossaries: []` or `glossaries:`), it replaces the default search; a
  // value that is no list of paths is reported and leaves the default search as it is
  const glossaries = d.glossaries;
  if (glossaries === null || (Array.isArray(glossaries) && glossaries.every((x) => typeof x === 'string'))) {
    config.glossaries = (glossaries ?? []) as string[];
    const ranges = config.glossaries.length ? rangesOf('glossaries') : undefined;
    if (ranges) config.glossaryRanges = ranges;
  } else if (glossaries !== undefined) strings('glossaries');
  config.termbases = strings('termbases');
  const ranges = config.termbases.length ? rangesOf('termbases') : undefined;
  if (ranges) config.termbaseRanges = ranges;
  config.ignore = strings('ignore');
  if (d.severity !== undefined && d.severity !== null)
    config.severity = parseSeverities(
      d.severity,
      (key, got) =>
        report(
          `severity${key}: ${typeof got === 'string' ? `"${got.slice(0, 20)}"` : String(got)} is not error, warning, information, hint or off`,
          key ? valueNode('severity', key.slice(1)) : valueNode('severity'),
        ),
      (name) => report(`severity: no rule "${name.slice(0, 40)}" (the rules: ${RULES.join(', ')}); ignored`, severityKey(name)),
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
