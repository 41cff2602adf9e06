/**
 * The Node entry point (node-only: files, argv, process; the Web Worker's is browser/main.ts). The
 * command line: `lsp` runs the language server (stdio, IPC or socket, as vscode-languageserver reads
 * from argv), `lookup` prints entries for a term. The VS Code client runs this same file.
 *
 * Exit status, a stable contract: 0 found, 1 nothing found, 2 usage or input error.
 */
import { Command, CommanderError } from 'commander';
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { GlossaryEntry } from './engine/entry';
import type { Glossary } from './engine/glossary';
import { lookupEntries } from './features/lookup';
import { FramingChecker } from './framing';
import { glossaryFromFile, readGlossaryFile } from './node/glossaryFile';
import { startServer } from './server';

declare const FINTECH_GLOSSARY_VERSION: string | undefined;

const DEFAULT_GLOSSARY = join(__dirname, 'glossary.json');
const VERSION = typeof FINTECH_GLOSSARY_VERSION === 'string' ? FINTECH_GLOSSARY_VERSION : '0.0.0-dev';

/** A usage or input error: exit status 2. */
class UsageError extends Error {}

/** Text from the command line or a file, safe to print: no terminal control sequences, bounded length. */
function printable(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

function loadGlossary(path: string): Glossary {
  try {
    return glossaryFromFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot read the glossary ${path}: no such file`);
    if (code === 'EISDIR') throw new UsageError(`cannot read the glossary ${path}: it is a directory`);
    if (code) throw new UsageError(`cannot read the glossary ${path}: ${code}`);
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
  .option('--glossary <file>', 'compiled glossary to load', DEFAULT_GLOSSARY)
  // the transport flags (--stdio, --node-ipc, --clientProcessId=…) are read by vscode-languageserver
  .allowUnknownOption(true)
  .allowExcessArguments(true)
  .helpOption('-h, --help')
  .action((opts: { glossary: string }) => {
    if (process.argv.includes('--stdio')) watchFraming();
    process.on('unhandledRejection', (reason) => {
      // every handler is guarded in server.ts; this is the last line of defence: log, keep serving
      process.stderr.write(
        `fintech-glossary: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`,
      );
    });
    startServer(createConnection(ProposedFeatures.all), {
      readGlossary: () => readGlossaryFile(opts.glossary),
      glossaryName: opts.glossary,
    });
  });

program
  .command('lookup')
  .description('print the entries for TERM (any script, English, abbreviation); exit 1 when there are none')
  .argument('<term...>', 'the term to look up')
  .option('--json', 'print a JSON array of entries, each with "match": "exact" or "prefix"')
  .option('--glossary <file>', 'compiled glossary to load', DEFAULT_GLOSSARY)
  .action((words: string[], opts: { json?: boolean; glossary: string }) => {
    const term = words.join(' ');
    if (!term.trim()) throw new UsageError('the term is empty');
    const glossary = loadGlossary(opts.glossary);
    const { entries, match } = lookupEntries(glossary, term);
    if (opts.json)
      process.stdout.write(
        JSON.stringify(
          entries.map((e) => ({ ...e, match })),
          null,
          2,
        ) + '\n',
      );
    else if (match === 'exact') process.stdout.write(entries.map(formatEntry).join('\n') + '\n');
    else if (entries.length) {
      process.stdout.write(`no entry for ${printable(term)}; terms that start with it:\n${entries.map(formatEntry).join('\n')}\n`);
    } else process.stderr.write(`no glossary entry for "${printable(term)}"\n`);
    process.exitCode = match === 'exact' ? 0 : 1;
  });

function formatEntry(e: GlossaryEntry): string {
  const chinese = e.zhHant === e.zhHans ? e.zhHans : `${e.zhHans} · ${e.zhHant}`;
  const lines = [`${chinese} · ${e.en.join(', ')}${e.abbr.length ? ` (${e.abbr.join(', ')})` : ''}  [${e.id}]`];
  if (e.zhTw || e.zhHk) lines.push(`  ${e.zhTw ? `Taiwan: ${e.zhTw}  ` : ''}${e.zhHk ? `Hong Kong: ${e.zhHk}` : ''}`.trimEnd());
  const source = e.definitionZhSource;
  lines.push(`  ${e.definitionZh}${source ? `  — ${source.title}, ${source.doc} line ${source.line}` : ''}`);
  lines.push(`  ${e.definitionEn}`);
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

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // help and --version exit 0; every other commander error is a usage error
    process.exit(err.exitCode === 0 ? 0 : 2);
  }
  process.stderr.write(`fintech-glossary: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
