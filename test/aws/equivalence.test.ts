import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/cli/scan.js';
import type { Inventory } from '../../src/model/inventory.js';
import { topologyOf } from '../../src/model/topology.js';
import { isUnknown } from '../../src/model/unknown.js';
import { FIXTURES, inventoryOf } from '../helpers/fixtures.js';
import { startFakeAws, type FakeAws } from './fake-aws/server.js';
import { loadAccount, scanFake } from './helpers.js';

/**
 * fixtures/live-example is the network of fixtures/example as AWS would
 * describe it once applied; address-map.json says which live id each
 * Terraform address became. The same rules must find the same things in both.
 */
const map = JSON.parse(readFileSync(join(FIXTURES, 'live-example', 'address-map.json'), 'utf8')) as Record<string, string>;
const live = (address: string) => map[address] ?? `<unmapped ${address}>`;

describe('a live account and the plan of the same network give the same graph and the same findings', () => {
  let fake: FakeAws;
  let plan: Inventory;
  let aws: Inventory;
  beforeAll(async () => {
    fake = await startFakeAws({ accounts: [loadAccount('example')] });
    plan = inventoryOf('example');
    aws = await scanFake(fake);
  });
  afterAll(() => fake.close());

  it('finds the same findings on the same resources, with the same related resources', () => {
    const key = (inv: Inventory, mapKey: (k: string) => string) => scan(inv).findings.map((f) => `${f.ruleId} ${mapKey(f.primary.key)} <- ${f.related.map((r) => mapKey(r.key)).sort().join(',')}`).sort();
    const fromPlan = key(plan, live);
    expect(fromPlan.length).toBeGreaterThan(0);
    expect(key(aws, (k) => k)).toEqual(fromPlan);
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'live-example', 'expected.json'), 'utf8')) as { findings: { ruleId: string; primary: string }[] };
    expect(scan(aws).findings.map((f) => `${f.ruleId} ${f.primary.key}`).sort()).toEqual(expected.findings.map((f) => `${f.ruleId} ${f.primary}`).sort());
  });

  it('gives every subnet the same effective route table, explicit or main', () => {
    const pt = topologyOf(plan);
    const lt = topologyOf(aws);
    for (const subnet of plan.subnets.values()) {
      const p = pt.effectiveRouteTable(subnet);
      const l = lt.effectiveRouteTable(aws.subnets.get(live(subnet.ref.key))!);
      expect(isUnknown(p) || isUnknown(l) || !p || !l, subnet.ref.key).toBe(false);
      if (isUnknown(p) || isUnknown(l) || !p || !l) continue;
      expect(l.table.ref.key, subnet.ref.key).toBe(live(p.table.ref.key));
      expect(l.explicit).toBe(p.explicit);
    }
    for (const vpc of plan.vpcs.values()) expect(aws.vpcs.get(live(vpc.ref.key))!.mainRouteTable).toBe(live(vpc.mainRouteTable as string));
  });

  it('has the same routes to NATs, gateways and endpoints, and the same endpoint associations', () => {
    const targets = (inv: Inventory, table: string, mapKey: (k: string) => string) =>
      inv.routeTables.get(table)!.routes
        .filter((r) => !isUnknown(r.target) && r.target.kind !== 'local')
        .map((r) => (isUnknown(r.target) ? '' : `${r.target.kind}:${r.target.key ? mapKey(r.target.key) : r.target.id}`))
        .sort();
    for (const table of plan.routeTables.values()) {
      const liveKey = live(table.ref.key);
      const fromPlan = targets(plan, table.ref.key, live);
      // A gateway endpoint's prefix-list route is implied in a plan (the association) and explicit live.
      const implied = topologyOf(plan).endpointsOn(table).map((e) => `vpce:${live(e.ref.key)}`);
      expect(targets(aws, liveKey, (k) => k), table.ref.key).toEqual([...fromPlan, ...implied].sort());
    }
    for (const ep of plan.vpcEndpoints.values()) {
      expect(aws.vpcEndpoints.get(live(ep.ref.key))!.routeTables.keys).toEqual(ep.routeTables.keys.map(live).sort());
    }
  });
});
