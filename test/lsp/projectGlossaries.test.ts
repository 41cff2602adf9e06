// The project file's `glossaries` say which files are the repository's termbases, in place of the
// default search (`**/*.tbx`, `**/glossary.csv`, …), and `[]` turns the search off, so that sample
// and test termbases in a repository are not read as its own. A user's own
// `fintechGlossary.glossaries` still wins. The server over LSP here; `check` in cliDiscovery.test.ts.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startOnFolder, stopServersAfterEach } from './folderServer';
import { waitFor } from './waitFor';

stopServersAfterEach();

/** A sample termbase (what the default search finds): 风控小助手 forbidden. */
const SAMPLE_TBX = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<conceptEntry id="risk-bot">
  <langSec xml:lang="zh-CN">
    <termSec><term>风控机器人</term></termSec>
    <termSec><term>风控小助手</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote><note>forbidden</note></termSec>
  </langSec>
  <langSec xml:lang="en"><termSec><term>risk bot</term></termSec></langSec>
</conceptEntry>
</body></text>
</tbx>
`;
/** The team's own sheet (a name the default search does not look for): 合规小助手 forbidden. */
const TEAM_CSV = 'zh-CN,en,status\n合规小助手,compliance bot,forbidden\n';
const DOC = '风控小助手和合规小助手。\n';

interface Diag {
  range: { start: { line: number; character: number } };
  code?: string;
  message: string;
}

/**
 * A repository (`.git`) with these files, the server started on `folder` (a folder in it) with the
 * user's settings; the term QA findings of `folder/a.md`, as [character, code].
 */
async function findings(files: Record<string, string>, folder = '', settings: Record<string, unknown> = {}) {
  const repo = mkdtempSync(join(tmpdir(), 'fg-project-glossaries-'));
  mkdirSync(join(repo, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, name)), { recursive: true });
    writeFileSync(join(repo, name), text);
  }
  const uri = pathToFileURL(join(repo, folder)).href;
  const { s, published, logs } = await startOnFolder<Diag>(uri, { settings });
  await waitFor(() => logs.some((l) => l.includes('termbase file(s)')));
  const docUri = `${uri}/a.md`;
  await s.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: docUri, languageId: 'markdown', version: 1, text: DOC },
  });
  await waitFor(() => published.has(docUri));
  return published
    .get(docUri)!
    .at(-1)!
    .map((d) => [d.range.start.character, d.code]);
}

const SAMPLE = ['samples/sample.tbx', SAMPLE_TBX] as const;
const TEAM = ['terms/team.csv', TEAM_CSV] as const;

describe('the project file’s glossaries, in the editor', () => {
  it('without the key, the default search reads the sample termbase', async () => {
    expect(await findings(Object.fromEntries([SAMPLE, TEAM, ['a.md', DOC]]))).toEqual([[0, 'forbidden-term']]);
  });

  it('glossaries: [terms/*.csv] reads the team’s sheet and not the sample the default search would find', async () => {
    const files = Object.fromEntries([SAMPLE, TEAM, ['a.md', DOC], ['.fintech-glossary.yaml', "glossaries: ['terms/*.csv']\n"]]);
    expect(await findings(files)).toEqual([[6, 'forbidden-term']]);
  });

  it('glossaries: [] reads no termbase; termbases still add theirs', async () => {
    const off = Object.fromEntries([SAMPLE, TEAM, ['a.md', DOC], ['.fintech-glossary.yaml', 'glossaries: []\n']]);
    expect(await findings(off)).toEqual([]);
    const named = { ...off, '.fintech-glossary.yaml': 'glossaries: []\ntermbases: [terms/team.csv]\n' };
    expect(await findings(named)).toEqual([[6, 'forbidden-term']]);
  });

  it('a project file above the workspace folder: its glossaries, relative to its folder, replace the folder’s search', async () => {
    const files = {
      '.fintech-glossary.yaml': "glossaries: ['terms/*.csv']\n",
      'terms/team.csv': TEAM_CSV,
      'docs/samples/sample.tbx': SAMPLE_TBX,
      'docs/a.md': DOC,
    };
    expect(await findings(files, 'docs')).toEqual([[6, 'forbidden-term']]);
  });

  it('the user’s own fintechGlossary.glossaries setting wins over the project file’s', async () => {
    const files = Object.fromEntries([SAMPLE, TEAM, ['a.md', DOC], ['.fintech-glossary.yaml', 'glossaries: []\n']]);
    expect(await findings(files, '', { glossaries: ['samples/*.tbx'] })).toEqual([[0, 'forbidden-term']]);
  });
});
