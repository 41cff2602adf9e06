/**
 * What package.json contributes, read as VS Code reads it: our menu items and palette entries show
 * only in editors of documents the server serves (the client sets SERVED_LANGUAGES_CONTEXT to their
 * language ids), so the Convert submenu is not offered in a JSON or Python file, where the server
 * has no document to convert.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVED_LANGUAGES_CONTEXT } from '../../server/src/protocol';

const manifest = JSON.parse(readFileSync(join(__dirname, '../..', 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command?: string; submenu?: string; when?: string }[]>;
  };
};
const menus = manifest.contributes.menus;
const SERVED = 'editorLangId in fintechGlossary.languages';

describe('package.json menus', () => {
  it('the context key the menus name is the one the client sets', () => {
    expect(SERVED).toBe(`editorLangId in ${SERVED_LANGUAGES_CONTEXT}`);
  });

  it('every editor context menu and submenu item has a when that requires a served language', () => {
    const items = Object.entries(menus).filter(([menu]) => menu !== 'commandPalette');
    expect(items.map(([menu]) => menu)).toEqual(expect.arrayContaining(['editor/context', 'fintechGlossary.convert']));
    const unguarded = items.flatMap(([menu, list]) =>
      list.filter((item) => !item.when?.includes(SERVED)).map((item) => `${menu}: ${item.command ?? item.submenu}`),
    );
    expect(unguarded).toEqual([]);
  });

  it('the commands that act on the active document are in the palette only for served languages', () => {
    const documentCommands = manifest.contributes.commands
      .map((c) => c.command)
      .filter((c) => c.startsWith('fintechGlossary.convert') || c === 'fintechGlossary.chooseVariant');
    expect(documentCommands).toHaveLength(9);
    const palette = new Map(menus.commandPalette!.map((item) => [item.command, item.when ?? '']));
    const unguarded = documentCommands.filter((c) => !palette.get(c)?.includes(SERVED));
    expect(unguarded).toEqual([]);
  });
});

describe('.vscode: F5 runs the extension from this repository', () => {
  const read = (file: string) => JSON.parse(readFileSync(join(__dirname, '../..', file), 'utf8'));
  const launch = read('.vscode/launch.json') as {
    configurations: { name: string; type: string; args?: string[]; port?: number; preLaunchTask?: string }[];
  };
  const tasks = read('.vscode/tasks.json') as { tasks: { label: string; type: string; script?: string }[] };
  const pkg = read('package.json') as { main: string; scripts: Record<string, string> };

  it('launches an extension host on this folder after `npm run build`, which writes the manifest’s main', () => {
    const host = launch.configurations.find((c) => c.type === 'extensionHost');
    // VS Code's own variable, not a template
    expect(host?.args).toContain(['--extensionDevelopmentPath=$', '{workspaceFolder}'].join(''));
    const task = tasks.tasks.find((t) => t.label === host?.preLaunchTask);
    expect(task).toMatchObject({ type: 'npm', script: 'build' });
    expect(pkg.scripts.build).toBe('node build.mjs');
    expect(readFileSync(join(__dirname, '../..', 'build.mjs'), 'utf8')).toContain(`outfile: '${pkg.main.replace(/^\.\//, '')}'`);
  });

  it('attaches to the server on the inspector port the client starts it with in debug mode', () => {
    const attach = launch.configurations.find((c) => c.type === 'node' && c.port !== undefined);
    const node = readFileSync(join(__dirname, '../..', 'client/src/node.ts'), 'utf8');
    expect(node).toContain(`--inspect=${attach?.port}`);
  });
});
