/**
 * Auto-detection of a traditional document's region, Taiwan or Hong Kong, from the glossary's own
 * regional forms (bundled and user termbases alike) that the document uses. Script detection
 * (script.ts) tells simplified from traditional by characters; characters cannot tell Taiwan from
 * Hong Kong, words can: 軟體, 網路, 資料治理 are Taiwan's, 數碼貨幣, 流動支付, 按揭 Hong Kong's.
 *
 * The counts come from term QA's own pass over the document's occurrences (DocumentChecker keeps
 * a RegionCounts and adds or removes each occurrence's judgement as it counts its terms), so
 * detection adds no scan of the text and costs one test an occurrence. What a written term says
 * depends only on the term, never on the variant the document is checked in: a check in any
 * variant counts the same, and the decision of an incremental check is a fresh check's.
 */
import type { ChineseScript, Term } from './entry';
import { regionsOf } from './terms';

/** What a written term says about the region (an index into RegionCounts' counts; 0: nothing). */
export const NO_REGION = 0;
/** A form only Taiwan writes (軟體), one Taiwan shares with plain traditional only (資產負債表; Hong Kong writes another). */
const TW_ONLY = 1,
  TW_SHARED = 2;
/** A form only Hong Kong writes (流動支付), one Hong Kong shares with plain traditional only (軟件, 網絡; Taiwan writes another). */
const HK_ONLY = 3,
  HK_SHARED = 4;

/**
 * The rule (documented in the README): a traditional document is Taiwan's (Hong Kong's) when it
 * uses at least `MIN_REGIONAL` distinct forms that only that region writes, and at least
 * `REGIONAL_SHARE` of all the distinct regional forms it uses (those only one region writes, and
 * those one region shares with plain traditional only) are that region's. Otherwise it declines
 * and the document stays plain traditional.
 *
 * Why "only that region writes" for the threshold: Hong Kong often writes the mainland word in
 * traditional characters (軟件, 網絡, 賬戶), which is also what any simplified text converted to
 * traditional (OpenCC `t`) writes; such forms say "not Taiwan", not "Hong Kong". The numbers come
 * from a small experiment (30 Nov 2026) on the glossary's source reports, cut into pieces and
 * converted, and on hand-written paragraphs of about 100 characters (the rows of
 * test/unit/regionDetect.test.ts):
 * - converted to plain traditional (OpenCC `t`), pieces of 500 to 10,000 characters: never
 *   decided, with a threshold of 2, 3 or 4 (they have no form only one region writes; counting
 *   every regional form instead, most pieces of 1,000 characters came out as Hong Kong's);
 * - hand-written Taiwan paragraphs: 3 of 4 decided alone, and the fourth with another; Hong Kong
 *   ones, whose writers share more words with the mainland: 1 of 4 alone, one of two pairs; a
 *   Taiwan paragraph comparing Hong Kong's words (5 Taiwan forms against 2) declines: no clear case;
 * - converted with OpenCC `twp` (Taiwan phrases, which leaves many mainland words such as 賬戶 and
 *   算法 as they are, so the pieces are mixed): 8 of 40 pieces of 3,000 characters decided as
 *   Taiwan's, none as Hong Kong's. A threshold of 2 decides 100-character paragraphs on two words,
 *   too little to go by; a share of 0.9 declined most `twp` pieces that a share of 0.8 decided.
 */
export const MIN_REGIONAL = 3;
export const REGIONAL_SHARE = 0.8;

/** What one written term says about the region: NO_REGION or one of the kinds above. */
export function regionalEvidence(term: Term | undefined, written: string): number {
  // written exactly as the region writes it (a simplified 软体 is no Taiwan writer's), a Chinese
  // term of one region only (not 投資人, which the glossary says is current in Hong Kong too)
  if (term?.lang !== 'zh' || term.text !== written) return NO_REGION;
  const regions = regionsOf(term);
  if (regions.length !== 1 || term.scripts?.includes('zh-Hans')) return NO_REGION;
  const shared = !!term.scripts?.includes('zh-Hant');
  if (regions[0] === 'tw') return shared ? TW_SHARED : TW_ONLY;
  if (regions[0] === 'hk') return shared ? HK_SHARED : HK_ONLY;
  return NO_REGION;
}

/** A way of writing a term in one document (term QA's judgement of it): its evidence and its uses there. */
export interface RegionalForm {
  readonly written: string;
  readonly evidence: number;
  uses: number;
}

/** The evidence as the user is told it: how many distinct regional forms of each region, and a few of them. */
export interface RegionEvidence {
  /** Distinct Taiwan forms the document uses, and how many of them only Taiwan writes. */
  tw: number;
  twOnly: number;
  hk: number;
  hkOnly: number;
  /** A few of each region's forms, the most used first. */
  twForms: string[];
  hkForms: string[];
}

/** How many examples of each region the evidence names. */
const EXAMPLES = 5;

/** The distinct regional forms a document uses, kept as its occurrences come and go. */
export class RegionCounts {
  private readonly counts = new Int32Array(5);
  private readonly inUse = new Set<RegionalForm>();

  /** One more occurrence of `f` (whose evidence is not NO_REGION). */
  add(f: RegionalForm): void {
    if (f.uses++ === 0) {
      this.counts[f.evidence]!++;
      this.inUse.add(f);
    }
  }

  /** One occurrence of `f` fewer. */
  remove(f: RegionalForm): void {
    if (--f.uses === 0) {
      this.counts[f.evidence]!--;
      this.inUse.delete(f);
    }
  }

  /** The region the rule above decides, or undefined when it declines. */
  decide(): 'zh-TW' | 'zh-HK' | undefined {
    const c = this.counts;
    const tw = c[TW_ONLY]! + c[TW_SHARED]!,
      hk = c[HK_ONLY]! + c[HK_SHARED]!;
    const all = tw + hk;
    if (c[TW_ONLY]! >= MIN_REGIONAL && tw >= REGIONAL_SHARE * all) return 'zh-TW';
    if (c[HK_ONLY]! >= MIN_REGIONAL && hk >= REGIONAL_SHARE * all) return 'zh-HK';
    return undefined;
  }

  evidence(): RegionEvidence {
    const c = this.counts;
    const forms = (kinds: number[]) =>
      [...this.inUse]
        .filter((f) => kinds.includes(f.evidence))
        .sort((a, b) => b.uses - a.uses || (a.written < b.written ? -1 : a.written > b.written ? 1 : 0))
        .slice(0, EXAMPLES)
        .map((f) => f.written);
    return {
      tw: c[TW_ONLY]! + c[TW_SHARED]!,
      twOnly: c[TW_ONLY]!,
      hk: c[HK_ONLY]! + c[HK_SHARED]!,
      hkOnly: c[HK_ONLY]!,
      twForms: forms([TW_ONLY, TW_SHARED]),
      hkForms: forms([HK_ONLY, HK_SHARED]),
    };
  }
}

/**
 * Term QA of a document detected as traditional, in the region its words tell: `check(variant)`
 * checks it in that variant (plain traditional, Taiwan or Hong Kong) and gives the region counts of
 * that check. Checked first in `first` (the variant the last check decided, to keep its work);
 * when the counts decide otherwise, checked again, whole, in the variant they decide, which counts
 * the same and so decides the same.
 */
export function checkInDetectedRegion(
  first: ChineseScript,
  check: (variant: ChineseScript) => RegionCounts,
): { variant: 'zh-Hant' | 'zh-TW' | 'zh-HK'; counts: RegionCounts } {
  let counts = check(first);
  const variant = counts.decide() ?? 'zh-Hant';
  if (variant !== first) counts = check(variant);
  return { variant, counts };
}
