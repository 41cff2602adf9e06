/**
 * The command line: `lsp` runs the language server (stdio, IPC or socket, as vscode-languageserver
 * reads from argv), `lookup` prints entries for a term. The VS Code client runs this same file.
 */
import { Command } from 'commander';
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { GlossaryEntry } from './engine/entry';
import { Glossary } from './engine/glossary';
import { lookupEntries } from './features/lookup';
import { startServer } from './server';

const DEFAULT_GLOSSARY = join(__dirname, 'glossary.json');

const program = new Command()
  .name('fintech-glossary')
  .description('Bilingual Chinese ⇄ English fintech glossary: language server and look-up')
  .showHelpAfterError();

program
  .command('lsp')
  .description('run the language server (pass --stdio, --node-ipc or --socket=PORT)')
  .option('--glossary <file>', 'compiled glossary to load', DEFAULT_GLOSSARY)
  // the transport flags (--stdio, --node-ipc, --clientProcessId=…) are read by vscode-languageserver
  .allowUnknownOption(true)
  .allowExcessArguments(true)
  .helpOption('-h, --help')
  .action((opts: { glossary: string }) => {
    startServer(createConnection(ProposedFeatures.all), { glossaryPath: opts.glossary });
  });

program
  .command('lookup')
  .description('print the entries matching TERM (any script, English, abbreviation); exit code 1 when none')
  .argument('<term...>', 'the term to look up')
  .option('--json', 'print a JSON array of entries')
  .option('--glossary <file>', 'compiled glossary to load', DEFAULT_GLOSSARY)
  .action((words: string[], opts: { json?: boolean; glossary: string }) => {
    const glossary = Glossary.fromFile(opts.glossary);
    const found = lookupEntries(glossary, words.join(' '));
    if (opts.json) process.stdout.write(JSON.stringify(found, null, 2) + '\n');
    else if (found.length) process.stdout.write(found.map(formatEntry).join('\n') + '\n');
    else process.stderr.write(`no glossary entry for "${words.join(' ')}"\n`);
    process.exitCode = found.length ? 0 : 1;
  });

function formatEntry(e: GlossaryEntry): string {
  const lines = [`${e.zhHans} · ${e.zhHant} · ${e.en.join(', ')}${e.abbr.length ? ` (${e.abbr.join(', ')})` : ''}  [${e.id}]`];
  if (e.zhTw || e.zhHk) lines.push(`  ${e.zhTw ? `Taiwan: ${e.zhTw}  ` : ''}${e.zhHk ? `Hong Kong: ${e.zhHk}` : ''}`.trimEnd());
  lines.push(`  ${e.definitionZh}${e.definitionZhSource ? `  — ${e.definitionZhSource.title}, ${e.definitionZhSource.doc} line ${e.definitionZhSource.line}` : ''}`);
  lines.push(`  ${e.definitionEn}`);
  return lines.join('\n');
}

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`fintech-glossary: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
