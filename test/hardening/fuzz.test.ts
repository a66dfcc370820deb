import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectPlan } from '../../src/collect/terraform/index.js';
import { render, scan } from '../../src/cli/scan.js';
import { InputError } from '../../src/errors.js';
import { fixtureNames, planPath } from '../helpers/fixtures.js';

/**
 * Property tests over plans derived from the committed fixtures. Bounded: the
 * whole file runs in well under a minute (FUZZ_RUNS raises the count locally).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const plans = fixtureNames().map((name) => ({ name, text: readFileSync(planPath(name), 'utf8') }));
// Counterexamples name the fixture; its text is looked up, so failures print short.
const texts = new Map(plans.map((p) => [p.name, p.text]));
const pick = fc.constantFrom(...plans.map((p) => p.name)).map((name) => ({ name, text: texts.get(name)! }), (v) => v);

function sarifOf(plan: unknown): string {
  return render(scan(collectPlan(plan as never, 'fuzz.json')), 'sarif', { color: false });
}

/** The findings and diagnostics of a scan, independent of output layout. */
function verdict(plan: unknown) {
  const report = scan(collectPlan(plan as never, 'fuzz.json'));
  return {
    findings: report.findings.map((f) => `${f.ruleId} ${f.primary.key} ${f.severity} ${f.message}`),
    diagnostics: report.diagnostics.map((d) => `${d.ruleId ?? ''} ${d.code} ${d.subject?.key ?? ''} ${d.message}`),
  };
}

function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('fuzz: plans', () => {
  it('the same input gives the same SARIF byte for byte', () => {
    fc.assert(
      fc.property(pick, ({ text }) => {
        expect(sarifOf(JSON.parse(text))).toBe(sarifOf(JSON.parse(text)));
      }),
      { numRuns: Math.min(RUNS, plans.length * 2) },
    );
  });

  it('reordering resources and configuration blocks does not change findings or diagnostics', () => {
    fc.assert(
      fc.property(pick, fc.integer({ min: 1, max: 1 << 30 }), ({ text }, seed) => {
        const plan = JSON.parse(text);
        const reordered = JSON.parse(text);
        if (Array.isArray(reordered.resource_changes)) reordered.resource_changes = shuffled(reordered.resource_changes, seed);
        const root = reordered.configuration?.root_module;
        if (Array.isArray(root?.resources)) root.resources = shuffled(root.resources, seed + 1);
        const pv = reordered.planned_values?.root_module;
        if (Array.isArray(pv?.resources)) pv.resources = shuffled(pv.resources, seed + 2);
        expect(verdict(reordered)).toEqual(verdict(plan));
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated plans never crash: a scan or an InputError, within bounds', () => {
    const anyJson = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string(), fc.constant('*'), fc.constant(true), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));
    fc.assert(
      fc.property(pick, fc.array(fc.tuple(fc.nat(), fc.nat(), anyJson, fc.constantFrom('set', 'delete', 'unknown')), { minLength: 1, maxLength: 8 }), ({ text }, mutations) => {
        const plan = JSON.parse(text);
        for (const [i, j, value, op] of mutations) mutate(plan, i, j, value, op);
        const started = Date.now();
        try {
          const report = scan(collectPlan(plan, 'fuzz.json'));
          for (const f of ['text', 'json', 'sarif'] as const) render(report, f, { color: false });
          expect(report.diagnostics.filter((d) => d.code === 'rule-crashed')).toEqual([]);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
        }
        expect(Date.now() - started).toBeLessThan(5000);
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

/** Overwrites, deletes or marks unknown one value somewhere in the plan's resources or configuration. */
function mutate(plan: Record<string, any>, i: number, j: number, value: unknown, op: 'set' | 'delete' | 'unknown'): void {
  const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null;
  const targets: Record<string, any>[] = [];
  const add = (...vs: unknown[]) => targets.push(...vs.filter(isObject));
  for (const rc of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
    add(rc, rc?.change, rc?.change?.after, rc?.change?.after_unknown);
  }
  const root = plan.configuration?.root_module;
  for (const r of Array.isArray(root?.resources) ? root.resources : []) add(r, r?.expressions);
  add(plan);
  const target = targets[i % targets.length]!;
  const keys = Object.keys(target);
  if (keys.length === 0) return;
  const key = keys[j % keys.length]!;
  if (op === 'delete') delete target[key];
  else if (op === 'unknown' && isObject(target.change)) target.change.after_unknown = true;
  else target[key] = value;
}
