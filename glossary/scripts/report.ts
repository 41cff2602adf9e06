#!/usr/bin/env node
// Coverage report of the glossary against the sources, and mining of candidate terms.
//   node --import tsx glossary/scripts/report.ts [--json] [--limit N] [--no-write] [--validation]   (npm run glossary:report)
// Prints entries per domain, how many have a quoted definition, examples, regional forms, both
// scripts and an English definition, the "done" targets, and the most frequent candidate terms
// in the sources that the glossary does not have. Writes the candidates to glossary/candidates.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditEntries } from './lib/audit';
import { buildGlossary } from './lib/build';
import { entryKeysOf, normalizeKey as foldKey } from './lib/engine';
import { doneChecks, glossaryFigures, regionalFigures, termbaseFigures, validationReport } from './lib/figures';
import { mineCandidates } from './lib/mine';
import { countHan } from './lib/chars';
import { REPO } from './lib/seeds';
import { corpusLineAt } from './lib/sources';
import { crossingSummary } from './lib/words';

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');

const args = process.argv.slice(2);
const limitArg = args.indexOf('--limit');
const limit = limitArg >= 0 ? Number(args[limitArg + 1]) : 100;
const { glossary, diagnostics, corpus, litLines, candidates: regionalCandidates, crossings } = buildGlossary();
// paragraphs (lines with 30+ Han characters) in which at least one glossary term occurs
const paragraphs = corpus.docs.map((d) => {
  const long = d.lines.filter((l) => countHan(l.text) >= 30);
  return { doc: d.doc, total: long.length, lit: long.filter((l) => litLines.has(`${d.doc}:${l.line}`)).length };
});
const entries = glossary.entries;
const f = glossaryFigures(entries);
const regional = regionalFigures(entries, regionalCandidates);
const termbase = termbaseFigures(entries);

// every key the server knows (the engine's own enumeration and folding), and the Chinese keys of
// the entries that already have a quoted definition
const keys = new Set(entries.flatMap((e) => entryKeysOf(e).map((k) => k.folded)));
const quotedByKey = new Set(
  entries
    .filter((e) => e.definitionZhSource)
    .flatMap((e) =>
      entryKeysOf(e)
        .filter((k) => k.kind === 'zh')
        .map((k) => k.folded),
    ),
);
// mine on the simplified shadow so that 000 (traditional) and 001 count together
const texts = corpus.docs.map((d) => d.lines.map((l) => l.shadow).join('\n'));
const mined = mineCandidates(texts, { isKnown: (t) => keys.has(t), fold: foldKey, limit });

const candidates = {
  note: 'Mined by glossary/scripts/report.ts from glossary/sources (000 folded to simplified for counting). top: terms the glossary lacks, most frequent first. definitions: definitional sentences (是指/指的是/是一种/称为/简称/即) for terms that lack a quoted definition, with the line as written in the cleaned source, to quote from. darkParagraphs: source paragraphs (30+ Han characters) in which no glossary term occurs yet.',
  top: mined.top,
  pairs: mined.pairs.filter((p) => !p.known),
  definitions: mined.definitions
    .map((d) => ({ d, line: corpusLineAt(corpus.docs[d.doc]!, d.index) }))
    .filter(({ d }) => !d.known || !quotedByKey.has(foldKey(d.term)))
    .map(({ d, line }) => ({
      term: d.term,
      marker: d.marker,
      inGlossary: d.known,
      cite: { doc: corpus.docs[d.doc]!.doc, title: line.title, line: line.line },
      line: line.text,
    })),
  ngrams: mined.ngrams.filter((g) => !keys.has(foldKey(g.term))).slice(0, 500),
  darkParagraphs: corpus.docs.flatMap((d) =>
    d.lines
      .filter((l) => countHan(l.text) >= 30 && !litLines.has(`${d.doc}:${l.line}`))
      .map((l) => ({ cite: { doc: d.doc, title: l.title, line: l.line }, text: l.text })),
  ),
};
if (!args.includes('--no-write')) writeFileSync(join(REPO, 'glossary', 'candidates.json'), JSON.stringify(candidates, null, 1) + '\n');

if (args.includes('--validation')) {
  const path = join(REPO, 'glossary', 'VALIDATION.md');
  writeFileSync(path, validationReport(diagnostics, auditEntries(entries), f, existsSync(path) ? readFileSync(path, 'utf8') : ''));
  console.error(`wrote ${path}`);
}

if (args.includes('--json')) {
  console.log(
    JSON.stringify(
      {
        figures: f,
        termbase,
        regional,
        regionalCandidates,
        crossings: crossings.length,
        paragraphs,
        done: doneChecks(f),
        candidates: mined.top,
      },
      null,
      2,
    ),
  );
} else {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const out = [];
  out.push(`Fintech Glossary — coverage report (${f.total} concepts; build: ${errors} errors, ${warnings} warnings)`);
  out.push('');
  out.push('Entries per domain:');
  for (const [d, n] of Object.entries(f.perDomain)) out.push(`  ${d.padEnd(14)} ${String(n).padStart(4)}`);
  out.push('');
  const row = (label: string, n: number) => out.push(`  ${label.padEnd(44)} ${String(n).padStart(4)}  ${pct(n, f.total)}`);
  row('quoted Chinese definition (with citation)', f.quotedDefinition);
  row('at least one example sentence', f.withExample);
  row('Taiwan form differing from zhHant', f.withTaiwanForm);
  row('Hong Kong form differing from zhHant', f.withHongKongForm);
  row('Taiwan or Hong Kong form', f.withTaiwanOrHongKongForm);
  row('both scripts (zhHans and zhHant)', f.bothScripts);
  row('  of which a Latin name in both (PayPal)', f.latinOnlyChinese);
  row('English definition', f.englishDefinition);
  row('abbreviation', f.withAbbreviation);
  row('Chinese aliases', f.withAliases);
  row('never occurs in the sources', f.neverOccurs);
  out.push('');
  for (const p of paragraphs) {
    out.push(
      `  ${`paragraphs of ${p.doc} with a glossary term (of ${p.total})`.padEnd(44)} ${String(p.lit).padStart(4)}  ${pct(p.lit, p.total)}`,
    );
  }
  out.push('');
  out.push(`Terms (${termbase.terms}) per status:`);
  for (const [s, n] of Object.entries(termbase.perStatus)) out.push(`  ${s.padEnd(14)} ${String(n).padStart(6)}`);
  out.push('Term fields (terms that have one):');
  for (const [k, n] of Object.entries(termbase.termFields))
    out.push(`  ${k.padEnd(14)} ${String(n).padStart(6)}  ${pct(n, termbase.terms)}`);
  out.push('Entry fields:');
  for (const [k, n] of Object.entries(termbase.entries)) row(k, n);
  out.push('Below the bar:');
  const below = termbase.belowBar;
  out.push(
    `  quoted definitions not ending a sentence: ${below.quotationsNotEndingASentence.length}${below.quotationsNotEndingASentence.length ? ` (${below.quotationsNotEndingASentence.join(', ')})` : ''}`,
  );
  out.push(
    `  entries missing provenance: ${below.missingProvenance.length}${below.missingProvenance.length ? ` (${below.missingProvenance.slice(0, 30).join(', ')}${below.missingProvenance.length > 30 ? ', …' : ''})` : ''}`,
  );
  out.push(`  entries without a usable example: ${below.withoutExample}`);
  out.push('');
  out.push('Regional forms (policy: glossary/REGIONAL.md):');
  out.push(`  ${'reviewed Taiwan forms (differing from traditional)'.padEnd(52)} ${String(regional.reviewedTaiwan).padStart(5)}`);
  out.push(`  ${'reviewed Hong Kong forms (differing from traditional)'.padEnd(52)} ${String(regional.reviewedHongKong).padStart(5)}`);
  out.push(`  ${'unreviewed regional forms shown to users (must be 0)'.padEnd(52)} ${String(regional.unreviewedShown).padStart(5)}`);
  out.push(`  ${'candidates awaiting review (OpenCC twp, not shown)'.padEnd(52)} ${String(regional.candidatesAwaitingReview).padStart(5)}`);
  for (const c of regionalCandidates) out.push(`    ${c.id}: ${c.zh} · ${c.hant} → ${c.form} ${c.candidate}?`);
  out.push('');
  out.push(`Non-term words (glossary/words.yaml): ${glossary.words?.length ?? 0}`);
  out.push(crossingSummary(crossings, 20).replace(/^glossary: /, ''));
  out.push('');
  out.push('Done means:');
  for (const c of doneChecks(f)) out.push(`  [${c.ok ? 'x' : ' '}] ${c.what} (${c.value})`);
  out.push('');
  out.push(`Top ${mined.top.length} candidate terms in the sources not in the glossary (count, evidence):`);
  mined.top.forEach((c, i) => {
    const sample = c.samples[0] ? `  e.g. ${c.samples[0].replace(/\s+/g, ' ').slice(0, 60)}` : '';
    out.push(`  ${String(i + 1).padStart(3)}. ${c.term.padEnd(12, '　')} ${String(c.count).padStart(5)}  ${c.evidence.join('+')}${sample}`);
  });
  out.push('');
  out.push(
    `Candidates written to glossary/candidates.json (${candidates.pairs.length} unknown bilingual pairs, ${candidates.definitions.length} definitional sentences).`,
  );
  console.log(out.join('\n'));
}
