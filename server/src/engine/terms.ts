/**
 * The terms of a concept, each with its status and notes: the one place that says which forms an
 * entry's terms are and what they default to (the glossary build writes them; older compiled
 * files and user glossaries without them get the same defaults here).
 *
 * Defaults: the concept's headword in each script and its first English term are `preferred`;
 * other Chinese variants (aliases), other English terms and abbreviations are `admitted`. A
 * deprecated concept's terms are all `deprecated`; an admitted concept's headwords are `admitted`.
 */
import {
  CHINESE_SCRIPTS,
  type ChineseScript,
  type Geo,
  type GlossaryEntry,
  type PartOfSpeech,
  type Register,
  type Term,
  type TermStatus,
  chineseIn,
} from './entry';

/** What a glossary source may say about one term (the YAML `terms:` map). */
export interface TermNotes {
  status?: TermStatus;
  usage?: string;
  sense?: string;
  pos?: PartOfSpeech;
  register?: Register;
  geo?: Geo[];
  /** Another own term of the entry to use instead (for deprecated, superseded, forbidden terms). */
  replacedBy?: string;
}

/** Regional forms a person decided, with the reason (the YAML `forms:` override). */
export interface ReviewedForms {
  hant?: string;
  tw?: string;
  hk?: string;
  reason?: string;
}

type Forms = Pick<GlossaryEntry, 'zhHans' | 'zhHant' | 'zhTw' | 'zhHk' | 'zhAliases' | 'en' | 'abbr' | 'status' | 'pos'>;

/**
 * The terms of an entry, with `notes` (keyed by the term as written) applied over the defaults.
 * `reviewed` marks which generated forms a person decided; without it, forms are not marked.
 */
export function buildTerms(entry: Forms, notes?: Record<string, TermNotes>, reviewed?: ReviewedForms): Term[] {
  const headword: TermStatus = entry.status === 'deprecated' ? 'deprecated' : entry.status === 'admitted' ? 'admitted' : 'preferred';
  const other: TermStatus = entry.status === 'deprecated' ? 'deprecated' : 'admitted';
  const terms: Term[] = [];
  // each term is a fresh object: notes are set on it in place (in this order), not spread into a copy
  const add = (term: Term) => {
    const note = notes?.[term.text];
    const pos = note?.pos ?? entry.pos;
    if (note) {
      if (note.status) term.status = note.status;
      if (note.usage) term.usage = note.usage;
      if (note.sense) term.sense = note.sense;
    }
    if (pos) term.pos = pos;
    if (note) {
      if (note.register) term.register = note.register;
      if (note.geo?.length) term.geo = [...note.geo];
      if (note.replacedBy) term.replacedBy = note.replacedBy;
    }
    terms.push(term);
  };

  // the headword: one term per distinct form, with the scripts it is the form in
  const forms = new Map<string, ChineseScript[]>();
  for (const script of CHINESE_SCRIPTS) {
    const form = chineseIn(entry, script);
    if (form) forms.set(form, [...(forms.get(form) ?? []), script]);
  }
  for (const [text, scripts] of forms) {
    const term: Term = { text, lang: 'zh', role: 'headword', scripts, status: headword };
    if (reviewed && !scripts.includes('zh-Hans')) {
      const decided =
        (scripts.includes('zh-Hant') && reviewed.hant === text) ||
        (scripts.includes('zh-TW') && reviewed.tw === text) ||
        (scripts.includes('zh-HK') && reviewed.hk === text);
      term.review = decided ? { state: 'reviewed', ...(reviewed.reason ? { reason: reviewed.reason } : {}) } : { state: 'generated' };
    }
    add(term);
  }
  for (const text of entry.zhAliases) if (!forms.has(text)) add({ text, lang: 'zh', role: 'variant', status: other });
  for (const [i, text] of entry.en.entries())
    add({ text, lang: 'en', role: i === 0 ? 'headword' : 'variant', status: i === 0 ? headword : other });
  for (const text of entry.abbr) add({ text, lang: 'en', role: 'abbreviation', status: other });
  return terms;
}

const defaults = new WeakMap<GlossaryEntry, Term[]>();

/** The terms of an entry: those the glossary gives, else the defaults (made once per entry). */
export function termsOf(entry: GlossaryEntry): Term[] {
  if (entry.terms) return entry.terms;
  let terms = defaults.get(entry);
  if (!terms) defaults.set(entry, (terms = buildTerms(entry)));
  return terms;
}

/** The term of `entry` written as `form` (a form as the glossary writes it), if there is one. */
export function termFor(entry: GlossaryEntry, form: string): Term | undefined {
  return termsOf(entry).find((t) => t.text === form);
}

/** Every form an entry's terms may be given under in a glossary source (for checking the `terms:` keys). */
export function termTexts(entry: Forms): Set<string> {
  return new Set(buildTerms(entry).map((t) => t.text));
}
