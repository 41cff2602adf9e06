/**
 * ARCHITECTURE.md's layer table, made executable: each layer imports only what it may know.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
function importsOf(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const name of readdirSync(join(root, dir), { recursive: true }) as string[]) {
    if (!name.endsWith('.ts')) continue;
    const text = readFileSync(join(root, dir, name), 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) out.push([`${dir}/${name}`, m[1]!]);
  }
  return out;
}

describe('layers', () => {
  it('the engine knows nothing of LSP, VS Code or the server', () => {
    const bad = importsOf('server/src/engine').filter(([, spec]) => /^vscode|^\.\.\//.test(spec));
    expect(bad).toEqual([]);
  });

  it('the engine reads no files, except the compiled glossary loader', () => {
    const bad = importsOf('server/src/engine').filter(
      ([file, spec]) => spec.startsWith('node:') && file !== 'server/src/engine/glossary.ts',
    );
    expect(bad).toEqual([]);
  });

  it('features do not touch the connection or another entry point', () => {
    const bad = importsOf('server/src/features').filter(([, spec]) =>
      /vscode-languageserver\/node|^\.\.\/(server|cli|documents)$/.test(spec),
    );
    expect(bad).toEqual([]);
  });

  it('the protocol module imports nothing of ours', () => {
    expect(importsOf('server/src').filter(([file, spec]) => file === 'server/src/protocol.ts' && spec.startsWith('.'))).toEqual([]);
  });

  it('the client imports only the protocol module of the server', () => {
    const bad = importsOf('client/src').filter(([, spec]) => spec.includes('server/') && !spec.endsWith('server/src/protocol'));
    expect(bad).toEqual([]);
  });
});
