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

  it('orders as splitting into runs of digits and of other characters would, on 20,000 random pairs', () => {
    // The plain statement of the order: compare run by run, digits as numbers; fewer runs first; then code units.
    const reference = (a: string, b: string): number => {
      const x = a.match(/\d+|\D+/g) ?? [];
      const y = b.match(/\d+|\D+/g) ?? [];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const [p, q] = [x[i]!, y[i]!];
        if (p === q) continue;
        if (/^\d/.test(p) && /^\d/.test(q)) {
          const [m, n] = [p.replace(/^0+(?=\d)/, ''), q.replace(/^0+(?=\d)/, '')];
          if (m.length !== n.length) return m.length - n.length;
          if (m !== n) return m < n ? -1 : 1;
          continue;
        }
        return p < q ? -1 : 1;
      }
      return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
    };
    const alphabet = ['a', 'b', '0', '1', '9', '[', ']', '"', '.', '_', ' '];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const word = () => Array.from({ length: Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let n = 0; n < 20_000; n++) {
      const [a, b] = [word(), word()];
      expect(Math.sign(naturalCompare(a, b)), `${JSON.stringify(a)} ${JSON.stringify(b)}`).toBe(Math.sign(reference(a, b)));
    }
  });
});
