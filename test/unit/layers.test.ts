/**
 * ARCHITECTURE.md's layer table, made executable: each layer imports only what it may know.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
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
    // one exception: the glossary's schema, which user YAML termbases are checked against too
    const bad = importsOf('server/src/engine').filter(
      ([, spec]) => /^vscode|^\.\.\//.test(spec) && spec !== '../../../glossary/schema.json',
    );
    expect(bad).toEqual([]);
  });

  it('the engine imports nothing of Node (it runs in a Web Worker too)', () => {
    const bad = importsOf('server/src/engine').filter(([, spec]) => spec.startsWith('node:') || builtinModules.includes(spec));
    expect(bad).toEqual([]);
  });

  it('features do not touch the connection or another entry point', () => {
    const bad = importsOf('server/src/features').filter(([, spec]) =>
      /vscode-languageserver\/node|^\.\.\/(server|cli|documents)$/.test(spec),
    );
    expect(bad).toEqual([]);
  });

  // the one exception: the engine's leaf modules that define a list both sides need once (the
  // term-QA rules), which themselves import nothing, so the client still gets nothing of the engine
  const PROTOCOL_LEAVES = ['./engine/rules'];
  it('the protocol module imports nothing of ours but the leaf modules it re-exports', () => {
    const ours = importsOf('server/src').filter(([file, spec]) => file === 'server/src/protocol.ts' && spec.startsWith('.'));
    expect(ours.filter(([, spec]) => !PROTOCOL_LEAVES.includes(spec))).toEqual([]);
    for (const leaf of PROTOCOL_LEAVES) {
      const text = readFileSync(join(root, 'server/src', `${leaf}.ts`), 'utf8');
      expect(text, `${leaf}.ts must import nothing`).not.toMatch(/^\s*(?:import|export)\s[^'"]*?from\s+'/m);
    }
  });

  it('the client imports only the protocol module of the server', () => {
    const bad = importsOf('client/src').filter(([, spec]) => spec.includes('server/') && !spec.endsWith('server/src/protocol'));
    expect(bad).toEqual([]);
  });
});

/** Every file reachable through relative imports from `entry`, with the bare module names each imports. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const bare: string[] = [];
    seen.set(file, bare);
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s(?:[^'"]*?\sfrom\s+)?'([^']+)'/gm)) {
      const spec = m[1]!;
      if (!spec.startsWith('.')) {
        bare.push(spec);
        continue;
      }
      // a JSON import (the glossary schema) is data: nothing to follow
      if (spec.endsWith('.json')) continue;
      const base = join(dirname(file), spec);
      const target = [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(join(root, f)));
      if (!target) throw new Error(`${file}: cannot resolve ${spec}`);
      visit(relative(root, join(root, target)));
    }
  };
  visit(entry);
  return seen;
}

describe('the web build (browser entry points) reaches nothing Node-only', () => {
  const nodeOnly = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!) || /\/node$/.test(spec);
  for (const entry of ['server/src/browser/main.ts', 'client/src/browser.ts']) {
    it(`${entry}: no node: modules, Node builtins or /node entry points among its imports`, () => {
      const files = reachable(entry);
      expect(files.size).toBeGreaterThan(entry.startsWith('server') ? 10 : 1);
      const bad = [...files].flatMap(([file, specs]) => specs.filter(nodeOnly).map((spec) => `${file}: ${spec}`));
      expect(bad).toEqual([]);
    });

    it(`${entry}: no require, process, Buffer or __dirname in the files it reaches`, () => {
      const bad = [...reachable(entry).keys()].flatMap((file) =>
        readFileSync(join(root, file), 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\*|\/\/)/.test(line) && /\b(require\(|process\.|Buffer\.|__dirname)/.test(line))
          .map((line) => `${file}: ${line.trim()}`),
      );
      expect(bad).toEqual([]);
    });
  }

  it('the Node server keeps its file access in its own entry point and server/src/node/', () => {
    const shared = [...reachable('server/src/browser/main.ts').keys()];
    expect(shared).toContain('server/src/server.ts');
    expect(shared.filter((f) => f.startsWith('server/src/node/') || f === 'server/src/cli.ts')).toEqual([]);
  });
});
