import { describe, expect, it } from 'vitest';
import { buildInstances } from '../../src/collect/terraform/instances.js';
import type { PlanJson } from '../../src/collect/terraform/plan-types.js';

const vpc = (id: string) => ({ address: 'aws_vpc.main', mode: 'managed', type: 'aws_vpc', name: 'main', values: { id, cidr_block: '10.0.0.0/16' } });
const module = (...resources: unknown[]) => ({ root_module: { resources } });

describe('which section of a plan an instance comes from', () => {
  it('with resource_changes, planned_values adds nothing (it is not read at all in large plans)', () => {
    const plan = { resource_changes: [], planned_values: module(vpc('vpc-1')) } as unknown as PlanJson;
    expect([...buildInstances(plan, 'p.json').byAddress.keys()]).toEqual([]);
  });

  it('without resource_changes, what prior_state holds exists already; planned_values adds the rest as created', () => {
    const subnet = { address: 'aws_subnet.a', mode: 'managed', type: 'aws_subnet', name: 'a', values: { vpc_id: 'vpc-1' } };
    const plan = { prior_state: { values: module(vpc('vpc-1')) }, planned_values: module(vpc('vpc-planned'), subnet) } as unknown as PlanJson;
    const table = buildInstances(plan, 'p.json');
    expect(table.byAddress.get('aws_vpc.main')).toMatchObject({ action: 'no-op', values: { id: 'vpc-1' } });
    expect(table.byAddress.get('aws_subnet.a')).toMatchObject({ action: 'create', values: { vpc_id: 'vpc-1' } });
  });

  it('a forgotten object is there as its change describes it, not as planned_values (null) or prior_state', () => {
    const plan = {
      resource_changes: [{ address: 'aws_vpc.main', type: 'aws_vpc', name: 'main', change: { actions: ['forget'], before: { id: 'vpc-1' }, after: null } }],
      planned_values: module({ ...vpc('vpc-1'), values: null }),
      prior_state: { values: module(vpc('vpc-old')) },
    } as unknown as PlanJson;
    expect(buildInstances(plan, 'p.json').byAddress.get('aws_vpc.main')).toMatchObject({ action: 'no-op', values: { id: 'vpc-1' } });
  });
});
