import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectPlan } from '../../src/collect/terraform/index.js';
import { parsePlanJson } from '../../src/collect/terraform/read-plan.js';
import { scan, render } from '../../src/cli/scan.js';
import { parseWithout } from '../../src/util/json-top-level.js';
import { planPath } from '../helpers/fixtures.js';

describe('parseWithout', () => {
  it('drops one member and parses the others, wherever the member is', () => {
    const doc = { a: 1, skip: { x: ['}', '"', '\\', { y: '[' }] }, b: { c: [1, 2, 'q"}'] }, d: 'z' };
    expect(parseWithout(JSON.stringify(doc), 'skip')).toEqual({ a: 1, b: doc.b, d: 'z' });
    expect(parseWithout(JSON.stringify({ skip: [1], a: 2 }), 'skip')).toEqual({ a: 2 });
    expect(parseWithout(JSON.stringify({ a: 2, skip: [1] }), 'skip')).toEqual({ a: 2 });
    expect(parseWithout(' {\n "a" : 1 ,\n "skip" : "s\\"}" , "b":[]}\n', 'skip')).toEqual({ a: 1, b: [] });
  });

  it('keeps __proto__ members as own data, never as a prototype', () => {
    const out = parseWithout('{"__proto__": {"polluted": 1}, "skip": 0, "x": 1}', 'skip')!;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives up (undefined or a throw) on what is not a well-formed object, so the caller parses it fully', () => {
    expect(parseWithout('[1]', 'skip')).toBeUndefined();
    expect(parseWithout('{"a": 1}', 'skip')).toBeUndefined();
    expect(parseWithout('{"skip": [1, "a": 2}', 'skip')).toBeUndefined();
    expect(() => parseWithout('{"skip": 1, "a": }', 'skip')).toThrow();
  });
});

describe('large plans skip planned_values and give the same scan', () => {
  const text = readFileSync(planPath('example'), 'utf8');
  // Over the size where the skipping parse starts; the padding sits in planned_values.
  const big = text.replace('"planned_values": {', `"planned_values": {"padding": ${JSON.stringify('x'.repeat(2 << 20))},`);

  it('same SARIF as a full JSON.parse', () => {
    const fast = parsePlanJson(big, 'big.json');
    expect((fast as { planned_values: object }).planned_values).toEqual({});
    const sarif = (plan: unknown) => render(scan(collectPlan(plan as never, 'big.json')), 'sarif', { color: false });
    expect(sarif(fast)).toBe(sarif(JSON.parse(big)));
  });

  it('a syntax error anywhere still gets its precise message', () => {
    expect(() => parsePlanJson(`${big.slice(0, -3)},}`, 'big.json')).toThrow(/not valid JSON: expected a property name in double quotes at line/);
  });
});
