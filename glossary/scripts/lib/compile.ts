// Cross-entry checks and compilation of the validated entries into the CompiledGlossary
// (server/src/engine/entry.ts). Pure: entries and corpus in, { glossary, diagnostics, keyHits,
// litLines } out.
import { COMPILED_FORMAT, type Citation, type CompiledGlossary, type GlossaryEntry } from '../../../server/src/engine/entry';
import { Glossary, engineLineScanner, entryKeysOf, normalizeKey, type EntryKey } from './engine';
import { buildTerms, termTexts } from '../../../server/src/engine/terms';
import { aliasFormsOf } from '../../../server/src/engine/convertText';
import { trimBlank } from './chars';
import { formsOf, glyphOnlyHk, toSimplified, type Forms } from './forms';
import { diag, type Diagnostic, type LoadedEntry, type YamlPath } from './load';
import { locateQuote, pickExamples, scanCorpus, type Corpus, type Hit } from './sources';
import { checkWords, findCrossings, type AllowedCrossing, type Crossing, type Word } from './words';

export const FORMAT: CompiledGlossary['format'] = COMPILED_FORMAT;

/** A regional form OpenCC suggests that differs from the traditional form and awaits review. */
export interface RegionalCandidate {
  id: string;
  zh: string;
  hant: string;
  form: 'tw' | 'hk';
  candidate: string;
}

/** Fold a key for comparison exactly as the matcher does, so a clash here is a clash at hover time. */
export const foldKey = normalizeKey;

/**
 * Check and compile. `loaded` is [{ value, file, pos(path) }] of schema-valid entries.
 * Returns the compiled glossary, the diagnostics, the forms each entry matched by (keyHits) and
 * the `doc:line` of every source line where some entry occurs (litLines).
 */
export function compileGlossary(
  loaded: LoadedEntry[],
  corpus: Corpus,
  words: Word[] = [],
  wordsFile = 'glossary/words.yaml',
  boundaries: { known?: (w: string) => boolean; allowed?: AllowedCrossing[] } = {},
): {
  glossary: CompiledGlossary;
  diagnostics: Diagnostic[];
  keyHits: Map<string, Map<string, number>>;
  litLines: Set<string>;
  candidates: RegionalCandidate[];
  crossings: Crossing[];
} {
  const diagnostics: Diagnostic[] = [];
  const err = (e: LoadedEntry, path: YamlPath, msg: string) => diagnostics.push(diag('error', e.file, e.pos(path), msg, e.value.id));
  const warn = (e: LoadedEntry, path: YamlPath, msg: string) => diagnostics.push(diag('warning', e.file, e.pos(path), msg, e.value.id));

  // OpenCC's Taiwan vocabulary that nobody has reviewed: neither shown nor matched, only reported
  const candidates: RegionalCandidate[] = [];
  // unique ids
  const byId = new Map<string, LoadedEntry>();
  for (const e of loaded) {
    const prev = byId.get(e.value.id);
    if (prev) {
      err(e, ['id'], `duplicate id "${e.value.id}" (first at ${prev.file}:${prev.pos(['id']).line})`);
      continue;
    }
    byId.set(e.value.id, e);
  }
  const entries = [...byId.values()];

  // forms
  const formsById = new Map<string, Forms>();
  for (const e of entries) {
    const v = e.value;
    const { reason: _reason, ...overrides }: Partial<Forms> & { reason?: string } = v.forms ?? {};
    const f = formsOf(v.zh, overrides);
    formsById.set(v.id, f);
    for (const r of f.review) {
      warn(e, ['zh'], `generated ${r.form} form ${r.value}: ${r.why}. Decide, and record it under forms: (${r.form}: …, reason: …)`);
    }
    for (const n of f.noop) warn(e, ['forms', n], `forms.${n} ${overrides[n]!} is what OpenCC generates anyway; drop it`);
    if (f.candidates.tw !== undefined) candidates.push({ id: v.id, zh: v.zh, hant: f.hant, form: 'tw', candidate: f.candidates.tw });
    if (overrides.hk !== undefined && glyphOnlyHk(overrides.hk, f.hant))
      warn(
        e,
        ['forms', 'hk'],
        `forms.hk ${overrides.hk} differs from the traditional form ${f.hant} only by glyph; Hong Kong forms differ in vocabulary (REGIONAL.md)`,
      );
    for (const a of v.aliases ?? []) {
      if (a === v.zh) warn(e, ['aliases'], `alias ${a} repeats zh`);
      else if (a === f.hant || a === f.tw || a === f.hk)
        warn(e, ['aliases'], `alias ${a} is the generated traditional/regional form; aliases hold other forms (README)`);
    }
    if ((v.en ?? []).some((x) => (v.abbr ?? []).includes(x))) warn(e, ['abbr'], 'an abbreviation is also listed under en');
    // per-term notes name one of the entry's own terms
    const own = termTexts({
      zhHans: v.zh,
      zhHant: f.hant,
      zhTw: f.tw,
      zhHk: f.hk,
      zhAliases: v.aliases ?? [],
      en: v.en,
      abbr: v.abbr ?? [],
      status: v.status ?? 'preferred',
    });
    for (const [text, note] of Object.entries(v.terms ?? {})) {
      if (!own.has(text)) err(e, ['terms', text], `terms: "${text}" is not a term of this entry (its forms: ${[...own].join(', ')})`);
      if (note.replacedBy !== undefined) {
        if (note.replacedBy === text) err(e, ['terms', text, 'replacedBy'], `terms: "${text}" cannot be replaced by itself`);
        else if (!own.has(note.replacedBy))
          err(e, ['terms', text, 'replacedBy'], `terms: "${text}" replacedBy "${note.replacedBy}" is not a term of this entry`);
        if (note.status !== 'deprecated' && note.status !== 'superseded' && note.status !== 'forbidden')
          warn(e, ['terms', text, 'replacedBy'], 'replacedBy is meant for a deprecated, superseded or forbidden term: give it that status');
      }
      if (note.geo && !isChineseTerm(v, f, text))
        warn(e, ['terms', text, 'geo'], 'geo says where a Chinese term is used; this term is English');
    }
    // a defunct body is historical, not deprecated
    if (v.historical) {
      const { from, until } = v.historical;
      if (from !== undefined && String(from) > String(until))
        err(e, ['historical', 'from'], `historical: from ${from} is after until ${until}`);
      if (v.status === 'deprecated')
        warn(e, ['status'], 'a historical concept is not deprecated (its name is still the right term for its time): drop status');
    }
  }

  // references
  for (const e of entries) {
    const v = e.value;
    (v.related ?? []).forEach((r, i) => {
      if (r === v.id) warn(e, ['related', i], 'an entry is not related to itself');
      else if (!byId.has(r)) warn(e, ['related', i], `related id "${r}" does not exist (dropped from the compiled glossary)`);
    });
    if (v.replacedBy !== undefined) {
      const target = byId.get(v.replacedBy);
      if (!target) err(e, ['replacedBy'], `replacedBy id "${v.replacedBy}" does not exist`);
      else if (target.value.status === 'deprecated') warn(e, ['replacedBy'], `replacedBy "${v.replacedBy}" is itself deprecated`);
      if (v.status !== 'deprecated' && v.status !== 'admitted')
        warn(e, ['replacedBy'], 'replacedBy is meant for deprecated (or admitted) entries');
    }
  }

  // quotations
  const quoteCite = new Map<string, Citation>();
  // passages kept as citations (`quote:`): verbatim, like quoted definitions
  const keptCite = new Map<string, Citation>();
  for (const e of entries) {
    const q = e.value.quote;
    if (!q) continue;
    const r = locateQuote(corpus, q.source, q.text, 'quote.text');
    if (r.cite) keptCite.set(e.value.id, r.cite);
    else err(e, ['quote', 'text'], r.error + (r.hint ? `: ${r.hint}` : ''));
  }
  for (const e of entries) {
    const v = e.value;
    if (!v.def?.source) continue;
    const r = locateQuote(corpus, v.def.source, v.def.zh);
    if (r.cite) quoteCite.set(v.id, r.cite);
    else err(e, ['def', 'zh'], r.error + (r.hint ? `: ${r.hint}` : ''));
    // a quotation that never names the concept is often a description of something near it
    const f = formsById.get(v.id)!;
    const quote = toSimplified(v.def.zh);
    const names = [v.zh, f.hant, f.tw, f.hk, ...(v.aliases ?? [])].map(toSimplified);
    const latin = [...(v.en ?? []), ...(v.abbr ?? [])].map((x) => x.toLowerCase());
    if (r.cite && !names.some((n) => quote.includes(n)) && !latin.some((x) => quote.toLowerCase().includes(x))) {
      warn(e, ['def', 'zh'], `the quoted definition does not name the term (${v.zh} or an alias): check that it defines this concept`);
    }
  }

  // the compiled entries, then occurrences and examples found by the server's own matcher, so a
  // count or an example never comes from inside a longer term (货币基金 in 国际货币基金组织)
  const compiled: GlossaryEntry[] = [];
  for (const e of [...entries].sort((a, b) => (a.value.id < b.value.id ? -1 : 1))) {
    const v = e.value;
    const f = formsById.get(v.id)!;
    const cite = quoteCite.get(v.id);
    const kept = keptCite.get(v.id);
    const { historical, provenance } = v;
    compiled.push({
      id: v.id,
      zhHans: v.zh,
      zhHant: f.hant,
      ...(f.tw !== f.hant ? { zhTw: f.tw } : {}),
      ...(f.hk !== f.hant ? { zhHk: f.hk } : {}),
      zhAliases: [...(v.aliases ?? [])],
      en: [...v.en],
      abbr: [...(v.abbr ?? [])],
      definitionEn: trimBlank(v.def.en),
      definitionZh: trimBlank(v.def.zh),
      ...(cite ? { definitionZhSource: cite } : {}),
      domain: v.domain,
      related: (v.related ?? []).filter((r) => byId.has(r) && r !== v.id),
      status: v.status ?? 'preferred',
      ...(v.replacedBy !== undefined && byId.has(v.replacedBy) ? { replacedBy: v.replacedBy } : {}),
      ...(v.pos ? { pos: v.pos } : {}),
      ...(historical
        ? {
            historical: {
              note: trimBlank(historical.note),
              ...(historical.from !== undefined ? { from: String(historical.from) } : {}),
              until: String(historical.until),
            },
          }
        : {}),
      ...(provenance
        ? {
            provenance: {
              en: [...provenance.en],
              ...(provenance.reviewedBy !== undefined ? { reviewedBy: provenance.reviewedBy, reviewed: provenance.reviewed } : {}),
            },
          }
        : {}),
      ...(v.quote && kept ? { quote: { text: v.quote.text.trim(), cite: kept } } : {}),
      terms: buildTerms(
        {
          zhHans: v.zh,
          zhHant: f.hant,
          ...(f.tw !== f.hant ? { zhTw: f.tw } : {}),
          ...(f.hk !== f.hant ? { zhHk: f.hk } : {}),
          zhAliases: v.aliases ?? [],
          en: v.en,
          abbr: v.abbr ?? [],
          status: v.status ?? 'preferred',
          ...(v.pos ? { pos: v.pos } : {}),
        },
        v.terms ?? {},
        v.forms ?? {},
      ),
      examples: [],
      occurrences: 0,
      origin: 'bundled',
    });
  }
  // the non-term words take part in the longest match, so a term inside one is neither counted nor
  // an example (通证 in 海通证券)
  const wordTexts = [...new Set(words.map((w) => w.text))].sort();
  const glossary = new Glossary(compiled, wordTexts);
  diagnostics.push(...keyClashes(glossary, byId));
  diagnostics.push(...checkWords(wordsFile, words, glossary));
  const scan = scanCorpus(corpus, engineLineScanner(glossary));
  // the word-boundary check (with known words): its occurrences are no examples either
  const crossings = boundaries.known ? findCrossings(corpus, engineLineScanner(glossary), boundaries.known, boundaries.allowed) : [];
  const crossed = new Set(crossings.map((c) => `${c.doc}:${c.line}:${c.col}`));
  const crossesWord = (h: Hit) => crossed.has(`${h.line.doc}:${h.line.line}:${h.span.start + 1}`);
  for (const out of compiled) {
    const hits = scan.get(out.id);
    out.examples = hits ? pickExamples(hits.hits, { avoidLine: quoteCite.get(out.id), crossesWord }) : [];
    out.occurrences = hits?.count ?? 0;
  }

  const keyHits = new Map([...scan].map(([id, r]) => [id, r.keys]));
  const litLines = new Set<string>();
  for (const r of scan.values()) for (const h of r.hits) litLines.add(`${h.line.doc}:${h.line.line}`);
  candidates.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // the aliases' Taiwan and Hong Kong forms as conversion writes them, so that a converted text keeps its terms
  const aliasForms = aliasFormsOf(glossary);
  return {
    glossary: {
      format: FORMAT,
      entries: compiled,
      ...(wordTexts.length ? { words: wordTexts } : {}),
      ...(aliasForms.length ? { aliasForms } : {}),
    },
    diagnostics,
    keyHits,
    litLines,
    candidates,
    crossings,
  };
}

/** Is `text` one of the entry's Chinese forms (headword, generated form, alias)? */
function isChineseTerm(v: LoadedEntry['value'], f: Forms, text: string): boolean {
  return text === v.zh || text === f.hant || text === f.tw || text === f.hk || (v.aliases ?? []).includes(text);
}

/**
 * Key clashes: a key may belong to two concepts only if both are marked homonym. The keys are the
 * engine's own (every form, alias and generated form; Latin/Han spacing variants such as AI 芯片;
 * hyphen-joined e-CNY → eCNY; currency → currencies), and which concepts a key reaches is the
 * engine's own look-up, so a plural or possessive ending counts too (fund and funds clash: the
 * server gives both cards for "funds").
 */
function keyClashes(glossary: Glossary, byId: Map<string, LoadedEntry>): Diagnostic[] {
  const entries = glossary.entries;
  const keysOf = entries.map(entryKeysOf);
  // folded key → the entries it reaches, each with its own key that reaches it
  const claims = new Map<string, Map<number, EntryKey>>();
  keysOf.forEach((keys, i) => {
    for (const k of keys) {
      let owners = claims.get(k.folded);
      if (!owners) claims.set(k.folded, (owners = new Map()));
      if (!owners.has(i)) owners.set(i, k);
    }
  });
  for (const [folded, owners] of claims) {
    const text = owners.values().next().value!.text;
    for (const j of glossary.index.lookup(text, { acronymsCaseInsensitive: true })) {
      if (owners.has(j)) continue;
      // reached through a shorter key and an ending (fund + s): that key, the longest that fits
      const own = keysOf[j]!.filter((k) => folded.startsWith(k.folded)).sort((a, b) => b.folded.length - a.folded.length)[0];
      if (own) owners.set(j, own);
    }
  }
  const out: Diagnostic[] = [];
  // AI芯片 ≡ AI 芯片 are two keys of the same forms: one clash, reported once
  const reported = new Set<string>();
  for (const [folded, owners] of [...claims].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (owners.size < 2) continue;
    const list = [...owners].map(([i, k]) => ({ e: byId.get(entries[i]!.id)!, k })).sort((a, b) => (a.e.value.id < b.e.value.id ? -1 : 1));
    const unmarked = list.filter((x) => x.e.value.homonym !== true);
    const clash = list.map((x) => `${x.e.value.id}=${x.k.form}`).join(' ');
    if (!unmarked.length || reported.has(clash)) continue;
    reported.add(clash);
    const where = list.map((x) => `${x.e.value.id} (${x.e.file}:${x.e.pos([]).line})`).join(', ');
    for (const { e, k } of unmarked) {
      const v = e.value;
      const field: YamlPath = k.kind !== 'zh' ? [k.kind] : (v.aliases ?? []).includes(k.form) ? ['aliases'] : ['zh'];
      const how = k.folded === folded ? `folded "${folded}"` : `which also matches "${folded}"`;
      out.push(
        diag(
          'error',
          e.file,
          e.pos(field),
          `key "${k.form}" (${how}) is claimed by ${where}; merge them, or mark every one homonym: true`,
          v.id,
        ),
      );
    }
  }
  return out;
}
