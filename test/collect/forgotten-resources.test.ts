import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectPlan } from '../../src/collect/terraform/index.js';
import type { PlanJson } from '../../src/collect/terraform/plan-types.js';
import type { Inventory } from '../../src/model/inventory.js';
import { topologyOf } from '../../src/model/topology.js';
import { isUnknown } from '../../src/model/unknown.js';
import { ROOT } from '../helpers/fixtures.js';

// `removed { lifecycle { destroy = false } }`: resource_changes say "forget", planned_values lists the
// objects with null values, prior_state holds them as they are.
const file = join(ROOT, 'fixtures/forgotten-resources/plan.json');
const plan = (): PlanJson => JSON.parse(readFileSync(file, 'utf8')) as PlanJson;

function routing(inv: Inventory) {
  const subnet = inv.subnets.get('aws_subnet.private')!;
  const eff = topologyOf(inv).effectiveRouteTable(subnet);
  if (!eff || isUnknown(eff)) return eff;
  return { table: eff.table.ref.key, explicit: eff.explicit, routes: eff.table.routes.map((r) => `${String(r.destination.value)} -> ${isUnknown(r.target) ? '?' : r.target.kind}`).sort() };
}

describe('resources a plan forgets', () => {
  it('are in the graph as they are in AWS: the subnet keeps its route table and its NAT route', () => {
    expect(plan().resource_changes!.filter((rc) => rc.change?.actions?.includes('forget')).map((rc) => rc.address)).toEqual([
      'aws_route_table.private',
      'aws_route_table_association.private',
    ]);
    const inv = collectPlan(plan(), file);
    expect(routing(inv)).toEqual({ table: 'aws_route_table.private', explicit: true, routes: ['0.0.0.0/0 -> nat', 'local -> local'] });
    expect(inv.diagnostics).toEqual([]);
  });

  it('give the same graph whichever sections of the plan are read (large plans are read without planned_values)', () => {
    const full = collectPlan(plan(), file);
    const withoutPlanned = collectPlan({ ...plan(), planned_values: {} } as PlanJson, file);
    const withoutPrior = collectPlan({ ...plan(), prior_state: undefined } as PlanJson, file);
    for (const inv of [withoutPlanned, withoutPrior]) {
      expect(routing(inv)).toEqual(routing(full));
      expect([...inv.routeTables.keys()]).toEqual([...full.routeTables.keys()]);
      expect(inv.diagnostics).toEqual(full.diagnostics);
    }
  });
});
