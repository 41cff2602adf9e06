/**
 * No regular expression in the server or the client may backtrack super-linearly (a completion
 * regex once froze the server for 100 s on a table-of-contents line). Every regex literal and
 * `new RegExp` with a literal pattern under server/src and client/src is checked with recheck, a
 * ReDoS checker that decides the matching complexity of a pattern (with an attack string when it
 * is not linear).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

function regexesIn(dir: string): { where: string; source: string; flags: string }[] {
  const out: { where: string; source: string; flags: string }[] = [];
  for (const name of readdirSync(join(root, dir), { recursive: true }) as string[]) {
    if (!name.endsWith('.ts')) continue;
    const file = join(root, dir, name);
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      const where = `${dir}/${name}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text;
        const end = text.lastIndexOf('/');
        out.push({ where, source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        if (!pattern || !ts.isStringLiteralLike(pattern)) throw new Error(`${where}: new RegExp with a computed pattern cannot be checked`);
        out.push({ where, source: pattern.text, flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '' });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

const all = [...regexesIn('server/src'), ...regexesIn('client/src')];

describe('regular expressions cannot backtrack super-linearly', () => {
  it('finds the regexes (the check is not vacuous)', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  it('the checker catches the pattern that froze completion in 0.1', () => {
    const old = "[A-Za-z\\uFF21-\\uFF3A\\uFF41-\\uFF5A][\\w\\uFF10-\\uFF5A'’-]*(?:[ \\t-]+[\\w\\uFF10-\\uFF5A'’-]+)*$";
    expect(checkSync(old, 'u').status).toBe('vulnerable');
  });

  it.each(all.map((r) => [r.where, r] as const))('%s', (_where, { source, flags }) => {
    const result = checkSync(source, flags);
    expect(result.status, `/${source}/${flags}: ${JSON.stringify((result as { attack?: unknown }).attack ?? '')}`).toBe('safe');
  });
});
