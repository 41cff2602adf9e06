// The project file's parser: what it keeps, and every problem at the line and column of the key or
// value it is about (the server shows them as diagnostics on the file, the CLI prints them).
import { describe, expect, it } from 'vitest';
import { type ProjectProblem, formatProjectProblem, parseProjectConfig } from '../../server/src/projectConfig';

const parse = (text: string) => {
  const problems: ProjectProblem[] = [];
  const config = parseProjectConfig(text, (p) => problems.push(p));
  return { config, problems: problems.map(formatProjectProblem) };
};

describe('parseProjectConfig', () => {
  it('reads every key', () => {
    const { config, problems } = parse(
      'variant: zh-TW\ntermbases: [terms/a.tbx, b.csv]\nseverity:\n  inconsistent-term: off\nignore: ["vendor/**"]\n',
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({
      variant: 'zh-TW',
      termbases: ['terms/a.tbx', 'b.csv'],
      // where each termbase is written (1-based, end exclusive), for a diagnostic on a missing one
      termbaseRanges: [
        { line: 2, column: 13, endLine: 2, endColumn: 24 },
        { line: 2, column: 26, endLine: 2, endColumn: 31 },
      ],
      severity: { 'inconsistent-term': 'off' },
      ignore: ['vendor/**'],
    });
  });

  it('reports each bad key or value at its line and column, and keeps the rest', () => {
    const { config, problems } = parse(
      [
        '# team settings',
        'variant: zh-XX',
        'colour: blue',
        'severity:',
        '  mixed-script: loud',
        '  no-such-rule: error',
        '  forbidden-term: error',
        'termbases: terms.tbx',
        'ignore: ["*.min.md"]',
        '',
      ].join('\n'),
    );
    expect(problems).toEqual([
      '.fintech-glossary.yaml:3:1: unknown key "colour" (ignored)',
      '.fintech-glossary.yaml:2:10: variant must be one of auto, zh-Hans, zh-Hant, zh-TW, zh-HK',
      '.fintech-glossary.yaml:8:12: termbases must be a list of paths',
      '.fintech-glossary.yaml:5:17: severity.mixed-script: "loud" is not error, warning, information, hint or off',
      // a misspelt rule: said at its name, not as if its (valid) severity were wrong
      '.fintech-glossary.yaml:6:3: severity: no rule "no-such-rule" (the rules: forbidden-term, deprecated-term, regional-variant, mixed-script, script-mismatch, inconsistent-term); ignored',
    ]);
    expect(config).toEqual({ termbases: [], severity: { 'forbidden-term': 'error' }, ignore: ['*.min.md'] });
  });

  it('invalid YAML is one problem at its line; nothing is kept', () => {
    const { config, problems } = parse('variant: zh-TW\nseverity:\n  mixed-script: [off\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\.fintech-glossary\.yaml:[34]:\d+: not valid YAML: /);
    expect(config).toEqual({ termbases: [], severity: {}, ignore: [] });
  });

  it('a list or a scalar instead of a mapping is reported at line 1', () => {
    expect(parse('- a\n- b\n').problems).toEqual([
      '.fintech-glossary.yaml:1:1: expected a mapping (variant, glossaries, termbases, severity, ignore)',
    ]);
    expect(parse('').problems).toEqual([]);
  });

  it('glossaries: the files the project says are its termbases, kept apart from absent', () => {
    // present, it replaces the default search: a list, or empty to search for none
    expect(parse("glossaries: ['terms/*.tbx', shared/client.csv]\n")).toEqual({
      config: {
        glossaries: ['terms/*.tbx', 'shared/client.csv'],
        glossaryRanges: [
          { line: 1, column: 14, endLine: 1, endColumn: 27 },
          { line: 1, column: 29, endLine: 1, endColumn: 46 },
        ],
        termbases: [],
        severity: {},
        ignore: [],
      },
      problems: [],
    });
    expect(parse('glossaries: []\n').config).toEqual({ glossaries: [], termbases: [], severity: {}, ignore: [] });
    expect(parse('glossaries:\n').config).toEqual({ glossaries: [], termbases: [], severity: {}, ignore: [] });
    // absent: the default search
    expect(parse('variant: zh-TW\n').config).toEqual({ variant: 'zh-TW', termbases: [], severity: {}, ignore: [] });
    // a bad value is said, and leaves the default search on (it turns nothing off)
    expect(parse('glossaries: terms\n')).toEqual({
      config: { termbases: [], severity: {}, ignore: [] },
      problems: ['.fintech-glossary.yaml:1:13: glossaries must be a list of paths'],
    });
  });
});
