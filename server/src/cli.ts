/**
 * The Node entry point (node-only: files, argv, process; the Web Worker's is browser/main.ts). The
 * command line: `lsp` runs the language server (stdio, IPC or socket, as vscode-languageserver reads
 * from argv), `lookup` prints entries for a term. The VS Code client runs this same file.
 *
 * Exit status, a stable contract: 0 found (lookup) or clean (check), 1 nothing found or findings,
 * 2 usage or input error.
 */
import { Command, CommanderError, Option } from 'commander';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { convertDocument } from './engine/convertText';
import { disabledRanges, resolveVariant, skippedRanges } from './engine/directives';
import { countScripts, decideScript } from './engine/script';
import { DocumentChecker } from './engine/termQA';
import { termsOf } from './engine/terms';
import { collapseWhitespace } from './engine/unicode';
import { messageOf, severityOf } from './features/diagnostics';
import { wordsFor } from './features/words';
import { emptyProjectConfig, isIgnored, parseProjectConfig, PROJECT_FILE, type ProjectConfig } from './projectConfig';
import { DEFAULT_GLOSSARIES, decodeBytes, RULES, SCRIPTS, VARIANTS, type Rule, type Variant } from './protocol';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { AliasForm, GlossaryEntry } from './engine/entry';
import type { Glossary } from './engine/glossary';
import { lookupEntries } from './features/lookup';
import { FramingChecker } from './framing';
import { writeFileSync } from 'node:fs';
import { glossaryForms, type KnownForm, type Termbase } from './engine/termbase';
import { exportCsv, exportTbx } from './engine/termbaseExport';
import { decideTermbaseFile, noChineseTerm, type TermbaseVerdict } from './engine/termbaseFile';
import { detectFormat, loadTermbase, notUtf8 } from './engine/termbaseLoad';
import { mergeLayers, type UserTermbase } from './engine/userLayer';
import { findFilesSync, nodeFiles, readStartSync, skipped } from './node/files';
import { FIND_LIMIT, filesOfGlob, globMatcher, isNamedPath, termbaseSearch } from './termbases';
import { glossaryFromFile, readGlossaryFile } from './node/glossaryFile';
import { findProjectFile, nodeProjectFiles, realPath, repositoryRoot } from './node/repository';
import { sourceFiles } from './node/sources';
import { MessageGuard } from './messageGuard';
import { startServer } from './server';

declare const FINTECH_GLOSSARY_VERSION: string | undefined;

const DEFAULT_GLOSSARY = join(__dirname, 'glossary.json');
const VERSION = typeof FINTECH_GLOSSARY_VERSION === 'string' ? FINTECH_GLOSSARY_VERSION : '0.0.0-dev';

/** A usage or input error: exit status 2. */
class UsageError extends Error {}

/**
 * A termbase that cannot be used at all: a usage error when it is named; `why` says it without the
 * file's name, for the message that skips one a glob found (`not a TBX file: …`).
 */
class UnusableTermbase extends UsageError {
  constructor(
    message: string,
    readonly why: string,
  ) {
    super(message);
  }
}

/** Text from the command line or a file, safe to print: no terminal control sequences, bounded length. */
function printable(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** Why a file could not be read, in words (the same for every command). */
function unreadable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (err instanceof Error ? err.message : String(err));
}

/**
 * A document to check or convert (a path, or `-` for stdin), read as an editor opens it: UTF-8, or
 * UTF-16 with its byte-order mark, the byte-order mark itself left out (columns count from after
 * it). Bytes UTF-8 cannot read (a file saved as GBK or Big5, a binary file) are a usage error naming
 * the line: checking or converting mojibake would pass it, or write it out, silently.
 */
function readDocument(path: string): string {
  const name = path === '-' ? 'stdin' : printable(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path === '-' ? 0 : path);
  } catch (err) {
    throw new UsageError(`cannot read ${name}: ${unreadable(err)}`);
  }
  // decoded once, strictly: a replacement character written in a UTF-8 file is text, and only
  // bytes UTF-8 cannot read are an error (TextDecoder leaves a byte-order mark out)
  try {
    return decodeBytes(bytes, true);
  } catch {
    throw new UsageError(`cannot read ${name}: ${notUtf8(decodeBytes(bytes))?.message ?? 'not UTF-8 text'}`);
  }
}

function loadGlossary(path: string): Glossary {
  try {
    return glossaryFromFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code) throw new UsageError(`cannot read the glossary ${path}: ${unreadable(err)}`);
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

const program = new Command()
  .name('fintech-glossary')
  .description('Bilingual Chinese ⇄ English fintech glossary: language server and look-up')
  .version(VERSION, '-V, --version', 'print the version')
  .showHelpAfterError()
  .exitOverride();

program
  .command('lsp')
  .description('run the language server (pass --stdio, --node-ipc or --socket=PORT)')
  .option(
    '--bundled-glossary <file>',
    'a compiled glossary (JSON, as `npm run build` writes it) instead of the bundled one; a termbase (TBX, CSV/TSV, OmegaT, YAML) is a usage error: name it in the project file or the fintechGlossary.glossaries setting',
    DEFAULT_GLOSSARY,
  )
  // taken only to say what to use instead: everywhere else --glossary adds a termbase
  .addOption(new Option('--glossary <file>').hideHelp())
  // the transport flags (--stdio, --node-ipc, --clientProcessId=…) are read by vscode-languageserver
  .allowUnknownOption(true)
  .allowExcessArguments(true)
  .helpOption('-h, --help')
  .action((opts: { bundledGlossary: string; glossary?: string }) => {
    if (opts.glossary !== undefined)
      throw new UsageError(
        'lsp takes no --glossary: the server reads your termbases from the fintechGlossary.glossaries setting and the project file (.fintech-glossary.yaml termbases); --bundled-glossary FILE replaces the compiled glossary',
      );
    const termbase = termbaseFormatOf(opts.bundledGlossary);
    if (termbase)
      throw new UsageError(
        `--bundled-glossary takes a compiled glossary (JSON, as \`npm run build\` writes it); ${printable(opts.bundledGlossary, 2000)} is a ${termbase}: name it in the project file's termbases (${PROJECT_FILE}) or in the fintechGlossary.glossaries setting, with fintechGlossary.bundledGlossary false to use it alone`,
      );
    if (process.argv.includes('--stdio')) watchFraming();
    process.on('unhandledRejection', (reason) => {
      // every handler is guarded in server.ts; this is the last line of defence: log, keep serving
      process.stderr.write(
        `fintech-glossary: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`,
      );
    });
    const guard = new MessageGuard();
    startServer(createConnection(ProposedFeatures.all, { messageStrategy: guard }), {
      guard,
      readGlossary: () => readGlossaryFile(opts.bundledGlossary),
      glossaryName: opts.bundledGlossary,
      files: nodeFiles,
      projectFiles: nodeProjectFiles,
      sourceFile: sourceFiles(join(__dirname, '..', 'glossary', 'sources')),
      exit: (code) => process.exit(code),
    });
  });

/**
 * What kind of termbase a file is, when it is one rather than a compiled glossary (by its name, or
 * its first characters as the termbase loader detects them); undefined for a compiled glossary, a
 * file that cannot be read (the server reports that) or one that is neither (reported as not JSON).
 */
function termbaseFormatOf(path: string): string | undefined {
  let head: string;
  try {
    head = readStartSync(path, 4096);
  } catch {
    return undefined;
  }
  const format = detectFormat(path, head.charCodeAt(0) === 0xfeff ? head.slice(1) : head);
  if (format === 'compiled') return undefined;
  // the loader takes a file of any other name for CSV: only a name or a start that says so counts
  if (format !== 'tbx' && format !== 'yaml' && !/\.(csv|tsv|tab|txt|utf8)$/i.test(path)) return undefined;
  return { tbx: 'TBX termbase', yaml: 'YAML termbase', csv: 'CSV termbase', tsv: 'TSV termbase', omegat: 'OmegaT glossary' }[format];
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * The forms the termbase readers' script check accepts: the bundled glossary's (`glossaryForms`),
 * whether or not it is merged in (`--no-bundled`); none when it cannot be read.
 */
function bundledForms(path: string, loaded?: Glossary): KnownForm | undefined {
  try {
    return glossaryForms((loaded ?? glossaryFromFile(path)).entries);
  } catch {
    return undefined;
  }
}

/**
 * Where the CLI says what is wrong in a file it reads but does not check (a termbase, the project
 * file): stderr lines (`file:line:col: warning: message`), or, for `check --format github`, workflow
 * annotations on standard output, so that a CI run shows them on the file.
 */
interface FileReporter {
  /** A problem at a line and column of `path` (1-based). */
  problem(path: string, line: number, column: number, severity: 'warning' | 'info', message: string): void;
  /** A file found by a glob and not used, and why. */
  skipped(path: string, label: string, why: string): void;
  /** A warning about no one file (the search for termbases stopped short). */
  warning(message: string): void;
  /**
   * A termbase a search found is used (`label`: its path as `check` names files, and for a glob of
   * the project file's `termbases`, that file's name), found by the default globs or by the
   * project file's; said on stderr, never on stdout.
   */
  using?(label: string, by: 'default' | 'project'): void;
}

const stderrReporter: FileReporter = {
  problem: (path, line, column, severity, message) =>
    process.stderr.write(`${printable(`${path}:${line}:${column}: ${severity}: ${message}`, 2000)}\n`),
  // the name comes from the disk (a glob found it): printable, as every path the CLI writes
  skipped: (_path, label, why) => process.stderr.write(`${printable(`fintech-glossary: skipped ${label}: ${why}`, 2000)}\n`),
  warning: (message) => process.stderr.write(`${printable(`fintech-glossary: warning: ${message}`, 2000)}\n`),
  using: (label, by) => sayUsing(label, by),
};

/** Which termbase a search found and `check` or `convert` uses: one line on stderr. */
const sayUsing = (label: string, by: 'default' | 'project') =>
  process.stderr.write(`${printable(`fintech-glossary: using termbase ${label}${by === 'default' ? ' (found)' : ''}`, 2000)}\n`);

/** A path as `check` names files: relative to the current directory, with forward slashes. */
const shownPath = (path: string) => relative(process.cwd(), path).split(sep).join('/') || '.';

/**
 * A path as GitHub attaches an annotation to it: relative to the repository's root, whatever the
 * current directory. That root is $GITHUB_WORKSPACE when the file is inside it, else the git work
 * tree holding the file, else (no repository) the current directory. Folders are compared by their
 * real paths (a workspace reached through a link); the file's own name is kept (a linked file is
 * annotated where it is, not where it points).
 */
function annotationPath(path: string): string {
  const absolute = resolve(path);
  const folder = realPath(dirname(absolute));
  let root = annotationRoots.get(folder);
  if (root === undefined) {
    const workspace = process.env.GITHUB_WORKSPACE ? realPath(process.env.GITHUB_WORKSPACE) : undefined;
    root = workspace && isInside(workspace, folder) ? workspace : (repositoryRoot(folder) ?? realPath(process.cwd()));
    annotationRoots.set(folder, root);
  }
  return (
    relative(root, join(folder, basename(absolute)))
      .split(sep)
      .join('/') || '.'
  );
}

/** The root `annotationPath` takes for the files of a folder (one walk up per folder). */
const annotationRoots = new Map<string, string>();

/** Is `path` the folder `root` or under it? */
const isInside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};

/** GitHub workflow command escaping (data, and properties which also escape : and ,). */
const ghData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProp = (s: string) => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const githubReporter: FileReporter = {
  problem: (path, line, column, severity, message) =>
    process.stdout.write(
      `::${severity === 'info' ? 'notice' : 'warning'} file=${ghProp(annotationPath(path))},line=${line},col=${column}::${ghData(message)}\n`,
    ),
  skipped: (path, _label, why) => process.stdout.write(`::warning file=${ghProp(annotationPath(path))}::${ghData(`skipped: ${why}`)}\n`),
  warning: (message) => process.stdout.write(`::warning::${ghData(message)}\n`),
  // on stderr: the annotations on stdout are for findings and problems
  using: (label, by) => sayUsing(label, by),
};

/**
 * What a termbase in use could not read: warnings (validate reports them with their own severity).
 * Only for a file that is used: one that is skipped says so, once, and nothing else.
 */
function reportProblems(path: string, termbase: Termbase, report: FileReporter): void {
  for (const d of termbase.diagnostics)
    report.problem(path, d.line, d.column, d.severity === 'information' ? 'info' : 'warning', d.message);
}

function formatDiagnostic(path: string, d: Termbase['diagnostics'][number]): string {
  const severity = d.severity === 'information' ? 'info' : d.severity;
  return printable(`${path}:${d.line}:${d.column}: ${severity}: ${d.message}`, 2000);
}

interface GlossaryOptions {
  glossary: string[];
  bundled: boolean;
  bundledGlossary: string;
}

/** A termbase the CLI reads: named (on the command line or in the project file) or found by a glob. */
interface TermbasePath {
  path: string;
  label: string;
  /** Found by a glob: skipped with a message when it cannot be read or has no Chinese term. */
  discovered?: boolean;
  /**
   * Found by a search, said when used: by the default globs or the project file's `glossaries`
   * (`default`), or by a glob of the project file's `termbases` (`project`).
   */
  searched?: 'default' | 'project';
}

/**
 * The user's termbases (in order: the --glossary files, then those `extra` names, e.g. the ones
 * found by the default globs and the project file's) over the bundled glossary (unless
 * --no-bundled). A file named twice (by its real path) loads once, where it first comes, and counts
 * as named when any of its mentions names it.
 */
function userAndBundled(
  opts: GlossaryOptions,
  extra: TermbasePath[] = [],
  report: FileReporter = stderrReporter,
): { layers: UserTermbase[]; bundled: GlossaryEntry[]; words: readonly string[]; aliasForms: readonly AliasForm[]; glossary?: Glossary } {
  const glossary = opts.bundled ? bundledGlossary(opts.bundledGlossary) : undefined;
  const byRealPath = new Map<string, TermbasePath>();
  for (const t of [...opts.glossary.map((path): TermbasePath => ({ path, label: path })), ...extra]) {
    const real = realPath(t.path);
    const first = byRealPath.get(real);
    if (!first) byRealPath.set(real, { ...t });
    else if (!t.discovered && first.discovered) byRealPath.set(real, { ...first, label: t.label, discovered: false, searched: undefined });
  }
  const paths = [...byRealPath.values()];
  const knownForms = paths.length ? bundledForms(opts.bundledGlossary, glossary) : undefined;
  const layers: UserTermbase[] = [];
  for (const { path, label, discovered, searched } of paths) {
    // read once a run (files of several projects may share a termbase), and said once
    const layer = userTermbase(path, label, discovered, knownForms, report);
    // which termbases the search found is said, since the user named none of them
    if (layer && searched) sayOnce(path, 'using', () => report.using?.(label, searched));
    if (layer) layers.push(layer);
  }
  return {
    layers,
    bundled: glossary?.entries ?? [],
    words: glossary?.words ?? [],
    aliasForms: glossary?.aliasForms ?? [],
    ...(glossary ? { glossary } : {}),
  };
}

/** What a found file with no Chinese term says when `check` skips it. */
const NO_CHINESE = noChineseTerm('termbases', false);

/**
 * What this run read of one termbase file, and said of it: a file several projects' files share
 * (found in one, named in another) is read once and its problems are said once.
 */
interface TermbaseRead {
  /** Its start's text (undefined: it could not be read), once read. */
  head?: { text: string | undefined };
  /** Its termbase, or why it cannot be read, once read whole. */
  whole?: Termbase | { why: string };
  said: Set<Said>;
}

/** The termbase files read in this run, by real path, size and modification time. */
const termbaseReads = new Map<string, TermbaseRead>();

type Said = 'problems' | 'skipped' | 'using';

/** What this run read of a termbase file, and said of it. */
function termbaseRead(path: string): TermbaseRead {
  const key = fileKey(path);
  let read = termbaseReads.get(key);
  if (!read) termbaseReads.set(key, (read = { said: new Set() }));
  return read;
}

/** Say something of a termbase file once a run, whichever project's files use it. */
function sayOnce(path: string, what: Said, say: () => void): void {
  const { said } = termbaseRead(path);
  if (said.has(what)) return;
  said.add(what);
  say();
}

/** A file's key in `termbaseReads` (its path when it cannot be looked at: reading it then says why). */
function fileKey(path: string): string {
  try {
    const st = statSync(path);
    return `${realPath(path)}\0${st.size}\0${st.mtimeMs}`;
  } catch {
    return `?${resolve(path)}`;
  }
}

/** The bundled glossary, read once a run. */
let bundledGlossaryRead: { path: string; glossary: Glossary } | undefined;
function bundledGlossary(path: string): Glossary {
  if (bundledGlossaryRead?.path !== path) bundledGlossaryRead = { path, glossary: loadGlossary(path) };
  return bundledGlossaryRead.glossary;
}

/**
 * One termbase, its problems reported: a file a glob found (not named) that is no termbase, or has
 * no Chinese term, is skipped with a message (undefined), as the editor skips it (the one rule,
 * `decideTermbaseFile`); a named one must be read (a usage error when it cannot be). Each file is
 * read once a run, whatever names it, and what it says is said once.
 */
function userTermbase(
  path: string,
  label: string,
  discovered: boolean | undefined,
  knownForms: KnownForm | undefined,
  report: FileReporter,
): UserTermbase | undefined {
  const read = termbaseRead(path);
  const once = (what: Said, say: () => void) => sayOnce(path, what, say);
  let verdict: TermbaseVerdict;
  try {
    verdict = decideTermbaseFile(
      { name: path, named: !discovered, noChinese: NO_CHINESE },
      {
        // a found file whose start shows it is none (a huge file of other XML, binary) is not read whole
        start: (bytes) => {
          if (!read.head) {
            let text: string | undefined;
            try {
              text = readStartSync(path, bytes);
            } catch {
              text = undefined;
            }
            read.head = { text };
          }
          return read.head.text;
        },
        whole: () => {
          if (!read.whole) {
            try {
              const text = decodeBytes(readFileSync(path));
              read.whole = loadTermbase(text, { name: path, label, ...(knownForms ? { knownForms } : {}) });
            } catch (err) {
              read.whole = { why: unreadable(err) };
            }
          }
          if ('why' in read.whole)
            throw new UnusableTermbase(`cannot read the glossary ${label}: ${read.whole.why}`, `cannot read it: ${read.whole.why}`);
          return read.whole;
        },
      },
    );
  } catch (err) {
    if (!discovered || !(err instanceof UnusableTermbase)) throw err;
    once('skipped', () => report.skipped(path, label, err.why));
    return undefined;
  }
  if (!verdict.use) {
    // named, only a file that is no termbase is not used: the user's error
    if (!discovered) throw new UnusableTermbase(verdict.termbase.diagnostics.map((d) => `${label}: ${d.message}`).join('\n'), verdict.why);
    once('skipped', () => report.skipped(path, label, verdict.why));
    return undefined;
  }
  // its problems, once it is known to be used
  once('problems', () => reportProblems(path, verdict.termbase, report));
  return { uri: path, label, entries: verdict.termbase.entries, lines: verdict.termbase.lines };
}

/**
 * The files `patterns` (paths and globs relative to `root`) stand for, in the order of the patterns,
 * each glob's files in path order as the server orders them (a glob that matches nothing adds
 * nothing); `label` names each one in messages.
 */
function termbasePaths(
  root: string,
  patterns: readonly string[],
  label: (relativePath: string) => string,
  report: FileReporter = stderrReporter,
): TermbasePath[] {
  const globs = patterns.filter((p) => !isNamedPath(p));
  // a folder too big to search whole: said, since a termbase beyond would be missed without a word
  const stopped = () =>
    report.warning(
      `the search for termbases (${globs.join(', ')}) under ${shownPath(root)} stopped after ${FIND_LIMIT} names: name the termbases in ${PROJECT_FILE}, or use --no-discovery`,
    );
  const found = globs.length
    ? findFilesSync(root, globMatcher(globs), FIND_LIMIT, stopped).map((path) => relative(root, path).split(sep).join('/'))
    : [];
  return patterns.flatMap((p) =>
    isNamedPath(p)
      ? // a `\` separates folders as `/` does, as the server reads the path (joinUri): a project
        // file written on Windows names the same file in CI
        [{ path: join(root, ...p.split('\\')), label: label(p) }]
      : filesOfGlob(p, found, (rel) => rel).map((rel) => ({ path: join(root, rel), label: label(rel), discovered: true })),
  );
}

/**
 * Where `check` and `convert` look for termbases as the editor does in a workspace folder (the
 * default `fintechGlossary.glossaries` globs): the project file's folder, else the top of the
 * repository holding the current directory; never a home directory or the filesystem root (no
 * project there, only everything on the disk), and nowhere outside a repository.
 */
function discoveryRoot(project: CliProject): string | undefined {
  const root = project.file ? dirname(project.file) : repositoryRoot(project.from);
  if (!root) return undefined;
  const real = realPath(root);
  return real === parse(real).root || real === realPath(homedir()) ? undefined : root;
}

/**
 * The glossary `check` and `convert` use: the bundled one as it is, or the user's termbases merged
 * over it (the --glossary files, then, as the editor reads a workspace folder's, the files the
 * default globs find under the discovery root and the project file's termbases).
 */
function mergedGlossary(
  opts: GlossaryOptions & { discovery?: boolean },
  project: CliProject,
  report: FileReporter = stderrReporter,
): Glossary {
  const root = opts.discovery === false ? undefined : discoveryRoot(project);
  // the project file's `glossaries` in place of the default globs, as in the editor (which has
  // the user's setting before them); named in messages as `check` names files: relative to the
  // current directory
  const { patterns } = termbaseSearch(undefined, project.config.glossaries);
  const discovered = root
    ? termbasePaths(root, patterns, (rel) => shownPath(join(root, rel)), report).map((t) => ({
        ...t,
        path: t.label,
        searched: t.discovered ? ('default' as const) : undefined,
      }))
    : [];
  // the project file's termbases are relative to the project root (the project file's folder)
  // those a glob of it found are said when used, as the default globs' are (the ones it names are not)
  const listed = termbasePaths(project.root, project.config.termbases, (rel) => `${rel} (${PROJECT_FILE})`, report).map((t) => ({
    ...t,
    searched: t.discovered ? ('project' as const) : undefined,
  }));
  const { layers, bundled, words, aliasForms, glossary } = userAndBundled(opts, [...discovered, ...listed], report);
  return !layers.length && glossary ? glossary : mergeLayers(layers, bundled, words, undefined, aliasForms);
}

/** `check` and `convert` also read the termbases the editor finds in a workspace folder, unless told not to. */
const discoveryOption = (command: Command) =>
  command.option(
    '--no-discovery',
    `do not read the termbases found by the editor's default globs (${DEFAULT_GLOSSARIES.join(', ')}), or the project file's glossaries in their place, under the project file's folder, or else the repository's top; only --glossary and the project file's termbases`,
  );

const glossaryOptions = (command: Command) =>
  command
    .option('--glossary <file>', 'a termbase to add: TBX, CSV/TSV, OmegaT, YAML or compiled JSON (repeatable)', collect, [])
    .option('--no-bundled', 'leave out the bundled glossary (use only the --glossary files)')
    .addOption(new Option('--bundled-glossary <file>', 'the compiled bundled glossary').default(DEFAULT_GLOSSARY).hideHelp());

glossaryOptions(
  program
    .command('lookup')
    .description('print the entries for TERM (any script, English, abbreviation); exit 1 when there are none')
    .argument('<term...>', 'the term to look up')
    .option(
      '--json',
      'print a JSON array of entries, each with "match": "exact" or "prefix" (and "glossary", "line" for a termbase entry)',
    ),
).action((words: string[], opts: GlossaryOptions & { json?: boolean }) => {
  const term = words.join(' ');
  if (!term.trim()) throw new UsageError('the term is empty');
  const { layers, bundled, words: wordList, aliasForms } = userAndBundled(opts);
  const glossary = mergeLayers(layers, bundled, wordList, undefined, aliasForms);
  const { entries, match } = lookupEntries(glossary, term);
  const where = (e: GlossaryEntry) => {
    const source = glossary.sourceOf(e);
    return source ? { glossary: source.uri, line: source.line } : undefined;
  };
  if (opts.json)
    process.stdout.write(
      JSON.stringify(
        // every entry with its terms (an entry whose terms are the defaults keeps none of its own)
        entries.map((e) => ({ ...e, terms: termsOf(e), match, ...where(e) })),
        null,
        2,
      ) + '\n',
    );
  else {
    const show = (e: GlossaryEntry) => {
      const w = where(e);
      return formatEntry(e) + (w ? `\n  ${printable(`from ${w.glossary}:${w.line}`, 2000)}` : '');
    };
    if (match === 'exact') process.stdout.write(entries.map(show).join('\n') + '\n');
    else if (entries.length) {
      process.stdout.write(`no entry for ${printable(term)}; terms that start with it:\n${entries.map(show).join('\n')}\n`);
    } else process.stderr.write(`no glossary entry for "${printable(term)}"\n`);
  }
  process.exitCode = match === 'exact' ? 0 : 1;
});

program
  .command('validate')
  .description('check termbase files (TBX, CSV/TSV, OmegaT, YAML): print file:line:col: error|warning: message; exit 1 when any error')
  .argument('<path...>', 'the termbase files')
  .action((paths: string[]) => {
    let errors = 0;
    const knownForms = bundledForms(DEFAULT_GLOSSARY);
    for (const path of paths) {
      let text: string;
      try {
        text = decodeBytes(readFileSync(path));
      } catch (err) {
        throw new UsageError(`cannot read ${path}: ${unreadable(err)}`);
      }
      const t = loadTermbase(text, { name: path, label: path, ...(knownForms ? { knownForms } : {}) });
      for (const d of t.diagnostics) process.stdout.write(`${formatDiagnostic(path, d)}\n`);
      errors += t.diagnostics.filter((d) => d.severity === 'error').length;
      process.stderr.write(
        `${printable(path, 2000)}: ${t.unreadable ? 'not read' : `${t.entries.length} ${t.entries.length === 1 ? 'entry' : 'entries'} (${t.format})`}\n`,
      );
    }
    process.exitCode = errors ? 1 : 0;
  });

glossaryOptions(
  program
    .command('export')
    .description('write the glossary (the bundled one and any --glossary termbases) as TBX (v3 TBX-Basic, or v2) or CSV')
    .addOption(new Option('--format <format>', 'tbx or csv').choices(['tbx', 'csv']).makeOptionMandatory())
    .addOption(new Option('--tbx-version <version>', 'TBX version').choices(['2', '3']).default('3'))
    .option('-o, --output <file>', 'write to this file (default: standard output)'),
).action((opts: GlossaryOptions & { format: 'tbx' | 'csv'; tbxVersion: '2' | '3'; output?: string }, command: Command) => {
  if (opts.format === 'csv' && command.getOptionValueSource('tbxVersion') === 'cli')
    throw new UsageError('--tbx-version applies to --format tbx');
  const { layers, bundled } = userAndBundled(opts);
  const entries = [...layers.flatMap((l) => l.entries), ...bundled];
  const text = opts.format === 'csv' ? exportCsv(entries) : exportTbx(entries, { version: opts.tbxVersion === '2' ? 2 : 3 });
  if (opts.output) {
    try {
      writeFileSync(opts.output, text, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot write ${opts.output}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    process.stderr.write(`${entries.length} entries written to ${printable(opts.output, 2000)}\n`);
  } else process.stdout.write(text);
});

/** The CLI's project: its file's settings, and the folder its paths are relative to. */
interface CliProject {
  config: ProjectConfig;
  /** The project file's folder (the folder it was looked for from when there is no project file). */
  root: string;
  /** The project file, when there is one. */
  file?: string;
  /** The folder it was looked for from (the current directory, or a checked file's folder). */
  from: string;
}

/** The project file found from `from` (the current directory), parsed; its problems go to `report`. */
function cliProject(report: FileReporter = stderrReporter, from = process.cwd()): CliProject {
  const file = findProjectFile(from);
  if (!file) return { config: emptyProjectConfig, root: from, from };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${printable(shownPath(file), 2000)}: ${unreadable(err)}`);
  }
  const shown = file === join(process.cwd(), PROJECT_FILE) ? PROJECT_FILE : shownPath(file);
  return {
    config: parseProjectConfig(text, (p) => report.problem(shown, p.line, p.column, 'warning', p.message)),
    root: dirname(file),
    file,
    from,
  };
}

/**
 * The project of each file `check` or `convert` reads, and its glossary. A file in the current
 * directory's repository (or, outside any repository, under its project file's folder) takes the
 * current directory's project, as linters take theirs; a file elsewhere (`check ../other-repo/a.md`)
 * takes the project file found walking up from its own folder, or else its own repository's top
 * for the termbase search, as the editor would with that repository open. Each project and its
 * glossary are made once.
 */
class CliProjects {
  private readonly home: CliProject;
  /** Where files take the current directory's project (a real path), if anywhere. */
  private readonly scope: string | undefined;
  private readonly byKey = new Map<string, { project: CliProject; glossary?: Glossary }>();

  constructor(
    private readonly opts: GlossaryOptions & { discovery?: boolean },
    private readonly report: FileReporter = stderrReporter,
  ) {
    this.home = cliProject(report);
    const top = repositoryRoot(process.cwd()) ?? (this.home.file ? dirname(this.home.file) : undefined);
    this.scope = top === undefined ? undefined : realPath(top);
    // read first, whatever the files, as before files had projects of their own: its problems
    // come first, and a termbase it cannot read is exit 2 even when no file is left to check
    this.byKey.set('', { project: this.home, glossary: mergedGlossary(opts, this.home, report) });
  }

  /** The project a file (a path) takes, with its glossary. */
  of(file: string): { project: CliProject; glossary: Glossary } {
    const folder = realPath(dirname(resolve(file)));
    const home = this.scope !== undefined && isInside(this.scope, folder);
    const key = home ? '' : `${findProjectFile(folder) ?? repositoryRoot(folder) ?? '-'}`;
    let known = this.byKey.get(key);
    if (!known) {
      known = { project: home ? this.home : cliProject(this.report, folder) };
      this.byKey.set(key, known);
    }
    known.glossary ??= mergedGlossary(this.opts, known.project, this.report);
    return { project: known.project, glossary: known.glossary };
  }
}

const oneOf =
  <T extends string>(name: string, values: readonly T[]) =>
  (value: string): T => {
    if (!(values as readonly string[]).includes(value))
      throw new UsageError(`${name} must be one of ${values.join(', ')} (got ${printable(value, 40)})`);
    return value as T;
  };

/**
 * The files to check: files as given, directories walked for .md, .markdown and .txt, leaving out
 * what the server's workspace search leaves out (hidden files and folders, node_modules). An entry
 * that cannot be read (a dangling link) is skipped with a warning.
 */
function filesOf(paths: string[]): string[] {
  const out: string[] = [];
  // each folder once, by its real path: a link to a folder above does not make the walk endless
  const folders = new Set<string>();
  const files = new Set<string>();
  const walk = (p: string, top: boolean) => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`cannot read ${printable(p)}: no such file or directory`);
    }
    if (st.isDirectory()) {
      const real = realpathSync(p);
      if (folders.has(real)) return;
      folders.add(real);
      for (const name of readdirSync(p).sort()) {
        if (skipped(name)) continue;
        const child = join(p, name);
        let folder: boolean;
        try {
          folder = statSync(child).isDirectory();
        } catch {
          process.stderr.write(`fintech-glossary: skipped ${printable(child)}: cannot read it\n`);
          continue;
        }
        if (folder || /\.(md|markdown|txt)$/i.test(name)) walk(child, false);
      }
    } else if (top || st.isFile()) {
      // each file once, by its real path: `check docs docs/a.md ./docs/a.md` reports a.md once
      const real = realPath(p);
      if (files.has(real)) return;
      files.add(real);
      out.push(p);
    }
  };
  for (const p of paths) walk(p, true);
  return out;
}

const SEVERITY_RANK: Record<string, number> = { error: 3, warning: 2, information: 1, hint: 0 };

discoveryOption(
  glossaryOptions(
    program
      .command('check')
      .description(
        'term QA of files (forbidden, deprecated, regional, mixed-script, script-mismatch, inconsistent terms); exit 1 on findings at or above --fail-on',
      )
      .argument('<path...>', 'files or directories (.md, .markdown, .txt)'),
  ),
)
  .option('--variant <variant>', 'auto | zh-Hans | zh-Hant | zh-TW | zh-HK (a directive in a file wins)', 'auto')
  .option('--format <format>', 'text | json | github', 'text')
  .option(
    '--fail-on <severity>',
    'error | warning | information | hint (the default, information, lets hint findings be shown without failing)',
    'information',
  )
  .action((paths: string[], opts: GlossaryOptions & { variant: string; format: string; failOn: string; discovery: boolean }) => {
    const variant = oneOf('--variant', VARIANTS)(opts.variant);
    const format = oneOf('--format', ['text', 'json', 'github'] as const)(opts.format);
    const failOn = oneOf('--fail-on', ['error', 'warning', 'information', 'hint'] as const)(opts.failOn);
    const files = filesOf(paths);
    // `--format json` says nothing more on stderr than its problems: which termbases were found is in no JSON
    const report = format === 'github' ? githubReporter : format === 'json' ? { ...stderrReporter, using: undefined } : stderrReporter;
    const projects = new CliProjects(opts, report);
    const results: CheckResult[] = [];
    // a file that cannot be read is said, and the others are still checked (then exit 2)
    let unreadableFiles = 0;
    for (const file of files) {
      const { project, glossary } = projects.of(file);
      // ignore globs are relative to the project file's folder
      const rel = projectPath(project.root, file);
      if (rel !== undefined && isIgnored(project.config, rel)) continue;
      let text: string;
      try {
        text = readDocument(file);
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        process.stderr.write(`fintech-glossary: ${err.message}\n`);
        unreadableFiles++;
        continue;
      }
      results.push(...checkText(glossary, file, text, variant, project.config));
    }
    if (format === 'json') process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    else
      for (const r of results) {
        if (format === 'text')
          process.stdout.write(`${r.file}:${r.line}:${r.column}: ${r.severity} ${r.code}: ${printable(r.message, 2000)}\n`);
        else {
          const level = r.severity === 'error' ? 'error' : r.severity === 'warning' ? 'warning' : 'notice';
          process.stdout.write(
            `::${level} file=${ghProp(annotationPath(r.file))},line=${r.line},col=${r.column},endLine=${r.endLine},endColumn=${r.endColumn},title=${ghProp(r.code)}::${ghData(r.message)}\n`,
          );
        }
      }
    process.exitCode = unreadableFiles ? 2 : results.some((r) => SEVERITY_RANK[r.severity]! >= SEVERITY_RANK[failOn]!) ? 1 : 0;
  });

/**
 * A file's path relative to its project's folder (`/`-separated), for the ignore globs; undefined
 * outside it. As written when it is under the folder, else by real paths: a file reached through a
 * symbolic link (`check link-to-other-repo/vendor/a.md`) takes its project by its real folder, and
 * so is matched where it really is.
 */
function projectPath(root: string, file: string): string | undefined {
  const inside = (rel: string) => (rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.split(sep).join('/'));
  return inside(relative(root, file)) ?? inside(relative(realPath(root), realPath(file)));
}

interface CheckResult {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  term: string;
  suggestions: string[];
}

/** Is a file Markdown (by its name), so that its fenced code blocks and front matter are not prose? */
const isMarkdownPath = (file: string) => /\.(md|markdown)$/i.test(file);

/** Term QA of one file's text, as the server would check it (1-based lines and UTF-16 columns). */
function checkText(glossary: Glossary, file: string, text: string, variant: Variant, project: ProjectConfig): CheckResult[] {
  const markdown = isMarkdownPath(file);
  const v = resolveVariant(text, variant, project.variant, () => decideScript(countScripts(text)), undefined, markdown);
  const severity = (rule: Rule) => severityOf(rule, {}, project.severity);
  const off = new Set<Rule>(RULES.filter((r) => severity(r) === 'off'));
  const checker = new DocumentChecker({ source: glossary, script: v.variant, off });
  const findings = checker.check(glossary.index.scan(text), text, {
    skipped: skippedRanges(text, markdown),
    disabled: disabledRanges(text, undefined, markdown),
    fresh: true,
  });
  const doc = TextDocument.create('file:///x', 'plaintext', 0, text);
  const english = wordsFor('en').qa;
  return findings.map((f) => {
    const a = doc.positionAt(f.start),
      b = doc.positionAt(f.end);
    return {
      file,
      line: a.line + 1,
      column: a.character + 1,
      endLine: b.line + 1,
      endColumn: b.character + 1,
      severity: severity(f.rule),
      code: f.rule,
      // English, whatever the locale: `check`'s output is a stable contract for scripts and CI logs
      message: messageOf(english, f),
      term: f.term,
      suggestions: f.suggestions,
    };
  });
}

discoveryOption(
  glossaryOptions(
    program
      .command('convert')
      .description(
        'convert text to a script, glossary-aware (glossary terms become their reviewed form; the rest goes through OpenCC); writes to stdout',
      )
      .requiredOption('--to <script>', 'zh-Hans | zh-Hant | zh-TW | zh-HK')
      .option(
        '--variant <variant>',
        "the text's own variant: auto | zh-Hans | zh-Hant | zh-TW | zh-HK (a directive in it wins; auto tells simplified from traditional, never Taiwan from Hong Kong)",
        'auto',
      )
      .argument('[path]', 'a file, or - (the default) for stdin'),
  ),
).action((path: string | undefined, opts: GlossaryOptions & { to: string; variant: string; discovery: boolean }) => {
  const to = oneOf('--to', SCRIPTS)(opts.to);
  const variant = oneOf('--variant', VARIANTS)(opts.variant);
  const text = readDocument(path ?? '-');
  // the project of the file's own repository when it is in another (stdin: the current directory's)
  const { project, glossary } = new CliProjects(opts).of(path && path !== '-' ? path : join(process.cwd(), '-'));
  // the text's variant as `check` finds it: its directive, --variant, the project file, detection
  const markdown = !!path && isMarkdownPath(path);
  const from = resolveVariant(text, variant, project.config.variant, () => decideScript(countScripts(text)), undefined, markdown).variant;
  process.stdout.write(convertDocument(text, to, glossary, { from: from === to ? undefined : from, markdown }));
});

function formatEntry(e: GlossaryEntry): string {
  const chinese = e.zhHant === e.zhHans ? e.zhHans : `${e.zhHans} · ${e.zhHant}`;
  const head = [chinese, e.en.join(', ')].filter(Boolean).join(' · ');
  const lines = [`${head}${e.abbr.length ? ` (${e.abbr.join(', ')})` : ''}  [${e.id}]`];
  if (e.zhTw || e.zhHk) lines.push(`  ${e.zhTw ? `Taiwan: ${e.zhTw}  ` : ''}${e.zhHk ? `Hong Kong: ${e.zhHk}` : ''}`.trimEnd());
  const source = e.definitionZhSource;
  // a definition with line breaks (a termbase's) is one line here
  if (e.definitionZh)
    lines.push(`  ${collapseWhitespace(e.definitionZh)}${source ? `  — ${source.title}, ${source.doc} line ${source.line}` : ''}`);
  if (e.definitionEn) lines.push(`  ${collapseWhitespace(e.definitionEn)}`);
  // what the card says about a term, one line each: its sense, its usage, why a regional form
  // was decided by hand (every term's, as a look-up matches no one form)
  for (const t of termsOf(e)) {
    const notes: [string, string | undefined][] = [
      ['sense', t.sense],
      ['usage', t.usage],
      ['reviewed', t.review?.reason],
    ];
    const status = t.status === 'deprecated' || t.status === 'superseded' || t.status === 'forbidden' ? ` (${t.status})` : '';
    for (const [kind, text] of notes) if (text) lines.push(`  ${t.text}${status} — ${kind}: ${collapseWhitespace(text)}`);
  }
  return lines.map((l) => printable(l, 10_000)).join('\n');
}

/** On the first framing error on stdin, say so and exit non-zero, so that the client restarts us. */
function watchFraming(): void {
  const checker = new FramingChecker();
  const onData = (chunk: Buffer) => {
    const error = checker.push(chunk);
    if (!error) return;
    process.stdin.off('data', onData);
    process.stderr.write(`fintech-glossary: framing error on stdin: ${error}; exiting so that the client can restart the server\n`);
    process.exit(1);
  };
  process.stdin.on('data', onData);
}

// output piped into a reader that stops early (`| head`): stop quietly, as other command-line tools do
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // help and --version exit 0; every other commander error is a usage error
    process.exit(err.exitCode === 0 ? 0 : 2);
  }
  process.stderr.write(`fintech-glossary: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
