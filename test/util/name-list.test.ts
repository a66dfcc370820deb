import { describe, expect, it } from 'vitest';
import { MAX_NAMES, nameList, naturalCompare } from '../../src/util/name-list.js';

describe('nameList', () => {
  it('names up to the limit, then counts the rest', () => {
    const names = Array.from({ length: 16_000 }, (_, i) => `aws_subnet.priv[${i}]`);
    const first = names.slice(0, MAX_NAMES).join(', ');
    expect(nameList([])).toBe('');
    expect(nameList(names.slice(0, 1))).toBe('aws_subnet.priv[0]');
    expect(nameList(names.slice(0, MAX_NAMES))).toBe(first);
    expect(nameList(names.slice(0, MAX_NAMES + 1))).toBe(`${first} and 1 more`);
    // In any order given, the first ten by number: not priv[0], priv[10000], priv[10001], ... as strings sort.
    expect(nameList([...names].sort())).toBe(`${first} and 15,990 more`);
    expect(nameList(['c', 'a', 'b'], 2)).toBe('a, b and 1 more');
  });
});

describe('naturalCompare', () => {
  it('orders runs of digits by number and the rest by code unit', () => {
    const sorted = ['aws_subnet.priv[10]', 'aws_subnet.priv[9]', 'aws_subnet.priv[100]', 'aws_subnet.priv[09]', 'aws_subnet.pri', 'aws_subnet.priv["b"]', 'aws_subnet.priv["a10"]', 'aws_subnet.priv["a9"]', 'x2', 'x12', 'x2y', '2', '10'].sort(naturalCompare);
    expect(sorted).toEqual(['2', '10', 'aws_subnet.pri', 'aws_subnet.priv[09]', 'aws_subnet.priv[9]', 'aws_subnet.priv[10]', 'aws_subnet.priv[100]', 'aws_subnet.priv["a9"]', 'aws_subnet.priv["a10"]', 'aws_subnet.priv["b"]', 'x2', 'x2y', 'x12']);
  });

  it('is a total order: antisymmetric, and 0 only for equal strings', () => {
    const all = ['a1', 'a01', 'a001', 'a1b', 'a01b', 'a', 'b', '1', '01', '', 'a99999999999999999999', 'a100000000000000000000'];
    for (const p of all) {
      for (const q of all) {
        expect(Math.sign(naturalCompare(p, q)) + Math.sign(naturalCompare(q, p)), `${p} ${q}`).toBe(0);
        if (p !== q) expect(naturalCompare(p, q), `${p} ${q}`).not.toBe(0);
      }
    }
    expect(naturalCompare('a99999999999999999999', 'a100000000000000000000')).toBeLessThan(0);
  });
});
