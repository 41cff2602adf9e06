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

  // the headword: one term per distinct form, with the scripts it is the form in (four scripts at
  // most: short lists searched in place, as this runs for every entry of a large termbase)
  const forms: string[] = [],
    formScripts: number[] = [];
  for (let k = 0; k < CHINESE_SCRIPTS.length; k++) {
    const form = chineseIn(entry, CHINESE_SCRIPTS[k]!);
    if (!form) continue;
    const i = forms.indexOf(form);
    if (i < 0) {
      forms.push(form);
      formScripts.push(1 << k);
    } else formScripts[i]! |= 1 << k;
  }
  for (let f = 0; f < forms.length; f++) {
    const text = forms[f]!,
      scripts = scriptList(formScripts[f]!);
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
  for (const text of entry.zhAliases) if (!forms.includes(text)) add({ text, lang: 'zh', role: 'variant', status: other });
  const en = entry.en;
  for (let i = 0; i < en.length; i++)
    add({ text: en[i]!, lang: 'en', role: i === 0 ? 'headword' : 'variant', status: i === 0 ? headword : other });
  for (const text of entry.abbr) add({ text, lang: 'en', role: 'abbreviation', status: other });
  return exactList(terms);
}

/**
 * The scripts of a set (bit k for `CHINESE_SCRIPTS[k]`), as one shared, frozen list per set: an
 * entry's headword terms name theirs, and a termbase has 100,000s of entries but 15 such sets.
 */
const SCRIPT_LISTS: (readonly ChineseScript[] | undefined)[] = [];
function scriptList(set: number): ChineseScript[] {
  let list = SCRIPT_LISTS[set];
  if (!list) SCRIPT_LISTS[set] = list = Object.freeze(CHINESE_SCRIPTS.filter((_, k) => set & (1 << k)));
  return list as ChineseScript[];
}

/**
 * A list grown by `push` as one of its own length. V8 gives a list that grows from empty room for
 * 17 items and never takes it back: an entry keeps its lists as long as the glossary is loaded.
 */
export function exactList<T>(list: T[]): T[] {
  return list.length ? list.slice() : list;
}

const defaults = new WeakMap<GlossaryEntry, Term[]>();

/** The terms of an entry: those the glossary gives, else the defaults (made once per entry). */
export function termsOf(entry: GlossaryEntry): Term[] {
  if (entry.terms) return entry.terms;
  let terms = defaults.get(entry);
  if (!terms) defaults.set(entry, (terms = buildTerms(entry)));
  return terms;
}

/** Whether two terms say the same (every field; `scripts` and `geo` by their items). */
function sameTerm(a: Term, b: Term): boolean {
  const ka = Object.keys(a) as (keyof Term)[];
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = a[k],
      y = b[k];
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (k === 'review' && x && y) {
      const rx = x as NonNullable<Term['review']>,
        ry = y as NonNullable<Term['review']>;
      if (rx.state !== ry.state || rx.reason !== ry.reason) return false;
    } else return false;
  }
  return true;
}

/**
 * Whether `terms` are exactly the defaults `termsOf` gives `entry` without them: then an entry need
 * not carry them (a termbase of 100,000 plain rows keeps no term objects until one is asked for).
 */
export function areDefaultTerms(entry: GlossaryEntry, terms: Term[]): boolean {
  // what only a source's notes give a term (most terms that have notes have one of these)
  for (const t of terms) if (t.usage || t.sense || t.review || t.register || t.geo || t.replacedBy || t.pos !== entry.pos) return false;
  const defaults = buildTerms(entry);
  if (defaults.length !== terms.length) return false;
  for (let i = 0; i < terms.length; i++) if (!sameTerm(terms[i]!, defaults[i]!)) return false;
  return true;
}

/** The regions whose readers a script serves (plain traditional: every traditional-script region). */
const REGIONS_OF: Record<ChineseScript, readonly Geo[]> = { 'zh-Hans': ['cn'], 'zh-Hant': ['tw', 'hk'], 'zh-TW': ['tw'], 'zh-HK': ['hk'] };

/** The one region a script is written for (zh-Hans: cn, zh-TW: tw, zh-HK: hk); plain traditional has none. */
export function regionOf(script: ChineseScript): Geo | undefined {
  const regions = REGIONS_OF[script];
  return regions.length === 1 ? regions[0] : undefined;
}

/**
 * Does the glossary say `term` is current where `script` is read (its `geo` names every region the
 * script serves)? Then it is no other region's word there, whichever script's form it is: term QA
 * does not call it another region's usage, and conversion to that script leaves it as written
 * (投資人, Taiwan's form, is current in Hong Kong too; 衡量, Taiwan's word for accounting
 * measurement, is an ordinary word everywhere).
 */
export function currentIn(term: Term, script: ChineseScript): boolean {
  const geo = term.geo;
  if (!geo?.length) return false;
  for (const g of REGIONS_OF[script]) if (!geo.includes(g)) return false;
  return true;
}

/** The term of `entry` written as `form` (a form as the glossary writes it), if there is one. */
export function termFor(entry: GlossaryEntry, form: string): Term | undefined {
  for (const t of termsOf(entry)) if (t.text === form) return t;
  return undefined;
}

/** Every form an entry's terms may be given under in a glossary source (for checking the `terms:` keys). */
export function termTexts(entry: Forms): Set<string> {
  return new Set(buildTerms(entry).map((t) => t.text));
}
