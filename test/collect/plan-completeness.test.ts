import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectPlan } from '../../src/collect/terraform/index.js';
import type { PlanJson } from '../../src/collect/terraform/plan-types.js';
import { fixtureNames, planPath } from '../helpers/fixtures.js';

const planOf = (name: string) => JSON.parse(readFileSync(planPath(name), 'utf8')) as PlanJson;
const completeness = (plan: PlanJson, file = 'plan.json') =>
  collectPlan(plan, file).diagnostics.filter((d) => d.code === 'plan-errored' || d.code === 'plan-incomplete');

describe('plans that leave resources out say so', () => {
  it('a plan Terraform saved despite an error: a warning that the scan is incomplete', () => {
    const plan = planOf('plan-errored');
    expect(plan.errored).toBe(true);
    // Also "complete": false; the error is what explains it, so only that is said.
    expect(plan.complete).toBe(false);
    const [d, ...rest] = completeness(plan, 'errored.json');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: 'warning', code: 'plan-errored', file: 'errored.json', jsonPath: '$.errored' });
    expect(d!.message).toMatch(/stopped this plan at an error .* this scan is incomplete/);
  });

  it('a plan made with -target: a note that only part of the configuration was planned', () => {
    const plan = planOf('plan-targeted');
    expect(plan.complete).toBe(false);
    expect(completeness(plan)).toEqual([expect.objectContaining({ level: 'note', code: 'plan-incomplete', jsonPath: '$.complete' })]);
  });

  it('complete plans, and plans from Terraform versions without these fields, say nothing', () => {
    const others = fixtureNames().filter((n) => n !== 'plan-errored' && n !== 'plan-targeted');
    expect(others.length).toBeGreaterThan(20);
    for (const name of others) expect(completeness(planOf(name)), name).toEqual([]);
    const { errored: _e, complete: _c, ...older } = planOf('plan-errored');
    expect(completeness(older)).toEqual([]);
    // Only the JSON value true (false) counts: hostile or odd input is not taken as an error.
    expect(completeness({ ...older, errored: 'yes', complete: 0 })).toEqual([]);
  });
});
