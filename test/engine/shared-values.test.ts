import { describe, expect, it } from 'vitest';
import { sharedValues, type Rule } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/run.js';
import { Inventory } from '../../src/model/inventory.js';

/** A rule that asks the shared value "count" and reports what it got. */
function asker(id: string, calls: { n: number }): Rule {
  return {
    meta: { id, severity: 'note', title: id, description: id, fix: '', docs: [], tags: [], precision: 'high' },
    *check(_inv, ctx) {
      const value = ctx.shared.get('count', () => ++calls.n);
      yield { message: `${id} saw ${value}`, primary: { key: 'x', kind: 'vpc' }, related: [], evidence: {} };
    },
  };
}

describe('shared values of a rules run', () => {
  it('computes a key once and hands every later caller the same value', () => {
    const shared = sharedValues();
    let n = 0;
    expect(shared.get('a', () => ++n)).toBe(1);
    expect(shared.get('a', () => ++n)).toBe(1);
    expect(shared.get('b', () => ++n)).toBe(2);
  });

  it('is shared by the rules of one run and fresh for the next run', () => {
    const calls = { n: 0 };
    const rules = [asker('first', calls), asker('second', calls)];
    const inv = new Inventory({ kind: 'test' });
    const one = runRules(inv, { rules }).findings.map((f) => f.message);
    expect(one).toEqual(['first saw 1', 'second saw 1']);
    const two = runRules(inv, { rules }).findings.map((f) => f.message);
    expect(two).toEqual(['first saw 2', 'second saw 2']);
  });
});
