import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { releaseBuild, type BuildContext } from '../../src/collect/terraform/context.js';
import { buildContext, buildNodes } from '../../src/collect/terraform/index.js';
import type { PlanJson } from '../../src/collect/terraform/plan-types.js';
import { releaseMemory } from '../../src/util/release-memory.js';
import { planPath } from '../helpers/fixtures.js';

/** Builds a fixture's inventory and returns the context with weak references to parts of the plan only instances point at. */
function build(name: string, release: boolean): { ctx: BuildContext; planParts: WeakRef<object>[] } {
  const plan = JSON.parse(readFileSync(planPath(name), 'utf8')) as PlanJson;
  const ctx = buildContext(plan, `${name}.json`);
  buildNodes(ctx);
  if (release) releaseBuild(ctx);
  // after_unknown objects are read into instances and never copied into nodes.
  const planParts = (plan.resource_changes ?? [])
    .map((rc) => rc.change?.after_unknown)
    .filter((u): u is object => typeof u === 'object' && u !== null && Object.keys(u).length > 0)
    .map((u) => new WeakRef(u));
  return { ctx, planParts };
}

async function alive(refs: WeakRef<object>[]): Promise<number> {
  // A WeakRef keeps its target until the job that made it ends.
  await new Promise((resolve) => setTimeout(resolve, 0));
  releaseMemory(0); // a full collection, whatever the heap's size
  return refs.filter((r) => r.deref() !== undefined).length;
}

describe('releaseBuild', () => {
  it('lets the parsed plan go even while something still holds the build context', async () => {
    const held = build('example', true);
    expect(held.planParts.length).toBeGreaterThan(5);
    expect(await alive(held.planParts)).toBe(0);
    expect(held.ctx.inv.vpcs.size).toBeGreaterThan(0); // the inventory stays whole
  });

  it('is what makes the difference: an unreleased context keeps the plan', async () => {
    const held = build('example', false);
    expect(await alive(held.planParts)).toBe(held.planParts.length);
    expect(held.ctx.table.byAddress.size).toBeGreaterThan(0);
  });
});
