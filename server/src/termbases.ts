/**
 * The user's termbases in the workspace: which files (the `glossaries` setting of each folder),
 * reading them through a `FileAccess` the entry point provides (Node: the disk; elsewhere: whatever
 * the client offers), parsing (the engine's `loadTermbase`), and the diagnostics of each file.
 * Knows no `node:` module, so the same code runs in the Web Worker build.
 */
import picomatch from 'picomatch';
import type { KnownForm, Termbase, TermbaseDiagnostic } from './engine/termbase';
import { decideTermbaseFileAsync, noChineseTerm, type TermbaseVerdict } from './engine/termbaseFile';
import { loadTermbase } from './engine/termbaseLoad';
import type { UserTermbase } from './engine/userLayer';
import { DEFAULT_GLOSSARIES } from './protocol';

/** File access for termbases, given by the entry point. URIs are `file:` URIs on Node. */
export interface FileAccess {
  read(uri: string): Promise<string>;
  /**
   * The text of a file's first `bytes` bytes (decoded as `read` decodes a whole file), for an access
   * that can read part of a file: a file a glob found is sniffed from its start before it is read.
   */
  readStart?(uri: string, bytes: number): Promise<string>;
  /** Whether a file exists. */
  exists(uri: string): Promise<boolean>;
  /**
   * Whether something that exists is a directory (a termbase named by a folder's path), for an
   * access that can tell; without it a directory is found out when it cannot be read.
   */
  isDirectory?(uri: string): Promise<boolean>;
  write(uri: string, text: string): Promise<void>;
  /**
   * The files under a folder whose folder-relative path (with `/`) `accept` takes, skipping
   * node_modules and dot folders; at most `limit` names are looked at. `globs` are the patterns
   * `accept` was made from, for an access that searches by glob (the client's `workspace.findFiles`).
   */
  find(
    folderUri: string,
    accept: (relativePath: string) => boolean,
    limit?: number,
    globs?: string[],
    /** Told when the search stopped at `limit` names with more to look at (an access that can tell). */
    onLimit?: () => void,
  ): Promise<string[]>;
  /**
   * Watch folders and all their subdirectories (except node_modules and dot folders), including
   * ones created later, for clients that do not watch for us: `onChange` gets the URI of each file
   * or directory created, changed, renamed (both names) or deleted; `log` hears of limits reached.
   */
  watch?(rootUris: string[], onChange: (uri: string) => void, log?: (message: string) => void): { dispose(): void };
}

export interface WorkspaceFolder {
  uri: string;
  name: string;
}

export interface FolderTermbaseSettings {
  glossaries: string[];
  termbaseFile: string;
  /**
   * The termbases of a project file found above the folder (a workspace folder inside a
   * repository whose root holds it): paths and globs relative to the project file's folder, read
   * after the folder's own.
   */
  project?: { rootUri: string; termbases: string[] };
}

/** What the manager tells the server: a file's diagnostics, and messages for the log. */
export interface TermbaseReporter {
  diagnostics(uri: string, diagnostics: TermbaseDiagnostic[]): void;
  log(message: string): void;
  /**
   * The search of a folder for termbase globs stopped after `limit` names, more left unsearched (a
   * termbase beyond is missed): for the user to hear, once.
   */
  searchStopped?(folderUri: string, limit: number, globs: readonly string[]): void;
}

const GLOB_CHARS = /[*?[\]{}!]/;
/** A path that names one file (no glob characters). */
export const isNamedPath = (pattern: string) => !GLOB_CHARS.test(pattern);

/** How a termbase glob matches a path relative to its folder (`/`-separated; a leading `./` dropped; no dot files). */
export const globMatcher = (globs: string | readonly string[]): ((relativePath: string) => boolean) =>
  picomatch(typeof globs === 'string' ? globs.replace(/^\.\//, '') : globs.map((g) => g.replace(/^\.\//, '')), { dot: false });

/**
 * The files one glob stands for among those a search found (`relativePath`: each one's path relative
 * to the glob's folder), in path order: how the server (each workspace folder's setting and project
 * file) and the CLI (the project file's, and the default globs) order the files of a glob.
 */
export function filesOfGlob<T>(glob: string, found: readonly T[], relativePath: (file: T) => string | undefined): T[] {
  const match = globMatcher(glob);
  return found
    .map((file) => ({ file, path: relativePath(file) }))
    .filter((f): f is { file: T; path: string } => f.path !== undefined && match(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => f.file);
}

/**
 * Which files a folder's search takes for termbases, the server's and the CLI's alike: the user's
 * own `fintechGlossary.glossaries` when they set it (any list but its default; the CLI has none),
 * else the project file's `glossaries` when it has the key (`[]`: none), else the default globs.
 * `from` says which, so that a caller knows what the paths are relative to (the workspace folder,
 * or the project file's folder).
 */
export function termbaseSearch(
  userSetting: readonly string[] | undefined,
  project: readonly string[] | undefined,
): { patterns: readonly string[]; from: 'setting' | 'project' | 'default' } {
  const isDefault = (list: readonly string[]) =>
    list.length === DEFAULT_GLOSSARIES.length && list.every((p, i) => p === DEFAULT_GLOSSARIES[i]);
  if (userSetting && !isDefault(userSetting)) return { patterns: userSetting, from: 'setting' };
  if (project) return { patterns: project, from: 'project' };
  return { patterns: DEFAULT_GLOSSARIES, from: 'default' };
}

/** The URI without trailing slashes (a loop: no regular expression to backtrack). */
export function trimSlashes(uri: string): string {
  let end = uri.length;
  while (end > 0 && uri.charCodeAt(end - 1) === 0x2f) end--;
  return uri.slice(0, end);
}

/**
 * A folder URI joined with a relative path (`/` or `\\`-separated), each segment percent-encoded;
 * `..` takes the segment before it away (`terms/../../shared/a.csv`), as the watchers' and the
 * editor's URIs of that file are written, so that they name the same file.
 */
export function joinUri(folderUri: string, relativePath: string): string {
  const base = trimSlashes(folderUri);
  // the folder's path after its scheme and authority (`file:///a/b`: `/a/b`), whose segments `..` removes
  const scheme = base.indexOf('://');
  const pathStart = scheme < 0 ? -1 : base.indexOf('/', scheme + 3);
  const head = scheme < 0 ? base : pathStart < 0 ? base : base.slice(0, pathStart);
  const segments = scheme < 0 || pathStart < 0 ? [] : base.slice(pathStart + 1).split('/');
  for (const s of relativePath.replace(/\\/g, '/').split('/')) {
    if (!s || s === '.') continue;
    if (s === '..' && scheme >= 0) segments.pop();
    else segments.push(encodeURIComponent(s));
  }
  return `${head}/${segments.join('/')}`;
}

/**
 * The `file:` URI of an absolute path (POSIX `/home/a`, Windows `C:\\a`, or a UNC `\\\\server\\share`),
 * each segment percent-encoded as `joinUri` does; undefined for a relative path. For a client that
 * names its workspace only by the deprecated `rootPath`.
 */
export function fileUriOfPath(path: string): string | undefined {
  const p = path.replace(/\\/g, '/');
  const encode = (rest: string) => rest.split('/').filter(Boolean).map(encodeURIComponent).join('/');
  if (p.startsWith('//')) {
    const [host, ...rest] = p.slice(2).split('/');
    return host ? `file://${encodeURIComponent(host)}/${encode(rest.join('/'))}` : undefined;
  }
  if (p.startsWith('/')) return `file:///${encode(p)}`;
  // a drive letter stays as written (C:), as Node's pathToFileURL writes it
  if (/^[A-Za-z]:\//.test(p) || /^[A-Za-z]:$/.test(p)) return `file:///${p.slice(0, 2)}/${encode(p.slice(2))}`;
  return undefined;
}

/** The folder-relative path of a URI inside the folder, or undefined. */
export function relativeTo(folderUri: string, uri: string): string | undefined {
  const base = `${trimSlashes(folderUri)}/`;
  if (!uri.startsWith(base)) return undefined;
  try {
    return decodeURIComponent(uri.slice(base.length));
  } catch {
    return undefined;
  }
}

interface Loaded {
  uri: string;
  label: string;
  termbase: Termbase;
  named: boolean;
  /** Whether the rule (`decideTermbaseFile`) uses it. */
  use: boolean;
}

/**
 * The most names the search of one folder for its globs looks at (a workspace with more is told so):
 * the server's search and the CLI's alike.
 */
export const FIND_LIMIT = 200_000;

/** What a found file with no Chinese term shows, on the file, in the editor. */
const NO_CHINESE = noChineseTerm('fintechGlossary.glossaries', true);

export class TermbaseFiles {
  /** Loaded files by URI (reused until the file changes). */
  private loaded = new Map<string, Loaded>();
  /** Files whose diagnostics were published (so a removed file's are cleared). */
  private published = new Set<string>();

  constructor(
    private readonly access: FileAccess,
    private readonly report: TermbaseReporter,
    /** The forms the readers' script check accepts (the bundled glossary's), asked for at each load. */
    private readonly knownForms?: () => KnownForm | undefined,
  ) {}

  /** Is this file one of the termbases read (or tried) last time? */
  has(uri: string): boolean {
    return this.loaded.has(uri) || this.last.some((w) => w.uri === uri);
  }

  /** Does a termbase read (or tried) last time lie under this directory (deleted or renamed, say)? */
  hasUnder(directoryUri: string): boolean {
    const prefix = `${trimSlashes(directoryUri)}/`;
    return this.last.some((w) => w.uri.startsWith(prefix));
  }

  /** The directories holding the termbases read last time (what the server watches itself). */
  directories(): string[] {
    return [...new Set(this.last.map((w) => w.uri.slice(0, w.uri.lastIndexOf('/'))))];
  }

  /** The files the last refresh looked for (reused when nothing was created or deleted). */
  private last: { uri: string; label: string; named: boolean }[] = [];

  /** Does this folder-relative path match the folder's settings (for watchers)? */
  static matcher(settings: FolderTermbaseSettings): (relativePath: string) => boolean {
    return globMatcher([...settings.glossaries, settings.termbaseFile]);
  }

  /**
   * The files `patterns` name or match under `baseUri` (named paths and globs relative to it), in
   * the order of the patterns, each added to `wanted` once (`seen`); `optional`, a named file that
   * may not exist yet (the add-to-termbase file).
   */
  private async collect(
    baseUri: string,
    patterns: readonly string[],
    optional: string | undefined,
    where: string,
    label: (relativePath: string) => string,
    seen: Set<string>,
    wanted: { uri: string; label: string; named: boolean }[],
  ): Promise<void> {
    const globs = patterns.filter((p) => !isNamedPath(p));
    const stopped = () => this.report.searchStopped?.(baseUri, FIND_LIMIT, globs);
    const found = globs.length ? await this.access.find(baseUri, globMatcher(globs), FIND_LIMIT, globs, stopped) : [];
    for (const pattern of patterns) {
      let uris: string[];
      if (isNamedPath(pattern)) {
        const uri = joinUri(baseUri, pattern);
        if (!(await this.access.exists(uri))) {
          if (pattern !== optional) this.report.log(`glossary ${pattern} (${where}) does not exist`);
          continue;
        }
        // a folder is no termbase: said once, plainly (a project file's entry is also a warning on
        // that file), rather than as the error of reading it
        if (await this.access.isDirectory?.(uri)) {
          this.report.log(`glossary ${pattern} (${where}) is a directory, not a file`);
          continue;
        }
        uris = [uri];
      } else uris = filesOfGlob(pattern, found, (u) => relativeTo(baseUri, u));
      for (const uri of uris) {
        if (seen.has(uri)) {
          // found by a glob first and named too (the project file's `terms/x.tbx` under `**/*.tbx`):
          // it keeps its place and is a named file, which loads even without Chinese
          if (isNamedPath(pattern)) for (const w of wanted) if (w.uri === uri) w.named = true;
          continue;
        }
        seen.add(uri);
        // a file named in the settings (or the add-to-termbase file) loads even without Chinese
        wanted.push({ uri, label: label(relativeTo(baseUri, uri) ?? uri), named: isNamedPath(pattern) });
      }
    }
  }

  /**
   * Find and read the termbases of every folder, re-reading only the files in `changed` (all of
   * them when `changed` is undefined) and files not read before. Returns the termbases in the order
   * of the folders and of each folder's setting.
   */
  async refresh(
    folders: readonly WorkspaceFolder[],
    settingsOf: (folder: WorkspaceFolder) => Promise<FolderTermbaseSettings>,
    changed?: ReadonlySet<string>,
    rediscover = true,
  ): Promise<UserTermbase[]> {
    const wanted: { uri: string; label: string; named: boolean }[] = rediscover ? [] : [...this.last];
    const seen = new Set<string>();
    for (const folder of rediscover ? folders : []) {
      const settings = await settingsOf(folder);
      const label = (rel: string) => (folders.length > 1 ? `${folder.name}/${rel}` : rel);
      const where = `in ${folder.name}`;
      await this.collect(folder.uri, settings.glossaries, settings.termbaseFile, where, label, seen, wanted);
      // a project file's above the folder next, as one at its root comes after the setting's
      const project = settings.project;
      if (project) await this.collect(project.rootUri, project.termbases, undefined, 'in the project file', (rel) => rel, seen, wanted);
      // the file "Add to termbase" writes to is always one of them
      if (!settings.glossaries.includes(settings.termbaseFile))
        await this.collect(folder.uri, [settings.termbaseFile], settings.termbaseFile, where, label, seen, wanted);
    }

    this.last = wanted;
    const out: UserTermbase[] = [];
    const keep = new Set<string>();
    for (const w of wanted) {
      keep.add(w.uri);
      let file = this.loaded.get(w.uri);
      if (!file || changed === undefined || changed.has(w.uri) || file.named !== w.named || file.label !== w.label) {
        let verdict: TermbaseVerdict;
        try {
          // the one rule (the CLI's too): a found file is sniffed from its start, and one with no
          // Chinese term is not used, with that one message and not also its rows' problems
          const readStart = this.access.readStart?.bind(this.access);
          verdict = await decideTermbaseFileAsync(
            { name: w.uri, named: w.named, noChinese: NO_CHINESE },
            {
              ...(readStart ? { start: (bytes: number) => readStart(w.uri, bytes) } : {}),
              whole: async () => {
                const text = await this.access.read(w.uri);
                const knownForms = this.knownForms?.();
                return loadTermbase(text, { name: w.uri, label: w.label, ...(knownForms ? { knownForms } : {}) });
              },
            },
          );
        } catch (err) {
          this.report.log(`cannot read the glossary ${w.label}: ${err instanceof Error ? err.message : String(err)}`);
          this.loaded.delete(w.uri);
          continue;
        }
        const { termbase } = verdict;
        file = { ...w, termbase, use: verdict.use };
        this.loaded.set(w.uri, file);
        this.report.diagnostics(w.uri, verdict.diagnostics);
        this.published.add(w.uri);
        this.report.log(`glossary ${w.label}: ${termbase.entries.length} entries (${termbase.format})`);
      }
      if (!file.use) continue;
      out.push({ uri: file.uri, label: file.label, entries: file.termbase.entries, lines: file.termbase.lines });
    }
    for (const uri of [...this.loaded.keys()]) if (!keep.has(uri)) this.loaded.delete(uri);
    for (const uri of [...this.published]) {
      if (keep.has(uri)) continue;
      this.published.delete(uri);
      this.report.diagnostics(uri, []);
    }
    return out;
  }
}
