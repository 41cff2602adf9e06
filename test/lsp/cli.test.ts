import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve(__dirname, '../../bin/fintech-glossary.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('fintech-glossary lookup (the CLI contract other tools rely on)', () => {
  it.each([['区块链'], ['區塊鏈'], ['blockchain'], ['Blockchains']])('--json %s prints the entry with the stable fields', (term) => {
    const run = cli('lookup', '--json', term);
    expect(run.status).toBe(0);
    const entries = JSON.parse(run.stdout) as Record<string, unknown>[];
    const e = entries.find((x) => x.id === 'blockchain')!;
    expect(e).toMatchObject({ zhHans: '区块链', zhHant: '區塊鏈' });
    expect(e.en).toEqual(expect.arrayContaining(['blockchain']));
    expect((e.en as string[])[0]).toBe('blockchain');
    expect(typeof e.definitionEn).toBe('string');
    expect(typeof e.definitionZh).toBe('string');
  });

  it('finds an acronym and a multi-word English term given as several arguments', () => {
    expect(JSON.parse(cli('lookup', '--json', 'KYC').stdout)[0].abbr).toContain('KYC');
    expect(JSON.parse(cli('lookup', '--json', 'smart', 'contract').stdout)[0].zhHans).toBe('智能合约');
  });

  it.each([['網路', 'network'], ['記憶體', 'memory'], ['軟體', 'software']])('Taiwan vocabulary %s finds %s', (term, id) => {
    expect(JSON.parse(cli('lookup', '--json', term).stdout).map((e: { id: string }) => e.id)).toContain(id);
  });

  it('exits 1 with a message and an empty array when nothing matches', () => {
    const run = cli('lookup', '--json', 'zzqqxx');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([]);
    const plain = cli('lookup', 'zzqqxx');
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain('no glossary entry');
  });

  it('prints a readable card without --json', () => {
    const run = cli('lookup', 'KYC');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/了解你的客户 · 了解你的客戶 · know your customer/);
  });

  it('reports a usage error, with a non-zero exit, when the term is missing', () => {
    const run = cli('lookup');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/missing required argument/);
  });
});
