/**
 * A Taiwan or Hong Kong form (one the entry has in no simplified or traditional headword) is
 * matched only where the text writes it as that region does: the index folds scripts, and folded,
 * Taiwan's 權益 (owners' equity) would be every simplified 权益 (rights, benefits).
 */
import { describe, expect, it } from 'vitest';
import { Glossary } from '../../server/src/engine/glossary';
import { type UserTermbase, mergeLayers } from '../../server/src/engine/userLayer';
import { entry } from './helpers';

const equity = entry('owners-equity', '所有者权益', ['owners’ equity'], { zhTw: '權益', zhHk: '權益' });
const investor = entry('investor', '投资者', ['investor'], { zhTw: '投資人', zhAliases: ['投资人'] });
const downtime = entry('server-downtime', '宕机', ['downtime'], { zhTw: '當機' });
const interest = entry('interest', '利益', ['interest']);
const glossary = new Glossary([equity, investor, downtime, interest]);

/** What each match of the text stands for, as written: what hovering it shows. */
function found(g: Glossary, text: string): string[] {
  return g.index.scan(text).map((m) => `${text.slice(m.start, m.end)} ${m.entries.map((e) => g.entries[e]!.id).join(' ')}`);
}

describe('a Taiwan or Hong Kong form counts only as written', () => {
  it('權益 in a traditional text is owners’ equity; 权益 in a simplified one is nothing', () => {
    expect(found(glossary, '股東權益變動')).toEqual(['權益 owners-equity']);
    expect(found(glossary, '保护消费者权益')).toEqual([]);
    // half folded is not as written either
    expect(found(glossary, '权益與權利')).toEqual([]);
  });

  it('the headwords still match in every script', () => {
    expect(found(glossary, '所有者权益和所有者權益')).toEqual(['所有者权益 owners-equity', '所有者權益 owners-equity']);
  });

  it('a Taiwan form that folds to an alias is found through the alias, in either spelling', () => {
    expect(found(glossary, '投资人和投資人')).toEqual(['投资人 investor', '投資人 investor']);
  });

  it('a folded Taiwan form no longer crosses a word boundary: 当|机构', () => {
    expect(found(glossary, '当机构属性变化时')).toEqual([]);
    expect(found(glossary, '系統當機了')).toEqual(['當機 server-downtime']);
  });

  it('hover agrees with the scan', () => {
    expect(glossary.index.matchAt('保护消费者权益', 5)).toBeNull();
    expect(glossary.index.matchAt('股東權益變動', 2)?.match.entries.map((e) => glossary.entries[e]!.id)).toEqual(['owners-equity']);
  });

  it('lookup of the folded spelling finds nothing, of the regional one the concept', () => {
    expect(glossary.index.lookup('权益')).toEqual([]);
    expect(glossary.index.lookup('權益')).toEqual([0]);
  });

  it('the same over a user layer on top of the bundled index', () => {
    const user: UserTermbase = { uri: 'file:///ws/terms.csv', label: 'terms.csv', entries: [interest], lines: [2] };
    const bundled = new Glossary([equity, investor, downtime]);
    const merged = mergeLayers([user], bundled.entries, bundled.words, bundled.index);
    expect(merged.index.layered).toBe(true);
    expect(found(merged, '保护消费者权益和利益')).toEqual(['利益 interest']);
    expect(found(merged, '股東權益')).toEqual(['權益 owners-equity']);
  });
});
