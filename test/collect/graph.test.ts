import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/inventory.js';
import { topologyOf } from '../../src/model/topology.js';
import { isUnknown } from '../../src/model/unknown.js';
import { join } from 'node:path';
import { collectPlanFile } from '../../src/collect/terraform/index.js';
import { ROOT, inventoryOf } from '../helpers/fixtures.js';

/** A spelling-independent picture of the routing graph: what each subnet reaches and through what. */
function routingPicture(inv: Inventory) {
  const topo = topologyOf(inv);
  const subnets: Record<string, unknown> = {};
  for (const s of inv.subnets.values()) {
    const eff = topo.effectiveRouteTable(s);
    if (!eff || isUnknown(eff)) {
      subnets[s.ref.key] = eff ? 'unknown' : 'none';
      continue;
    }
    subnets[s.ref.key] = {
      table: eff.table.ref.key,
      explicit: eff.explicit,
      routes: eff.table.routes
        .map((r) => `${String(r.destination.value)} -> ${isUnknown(r.target) ? '?' : `${r.target.kind}:${r.target.key ?? r.target.id ?? ''}`}`)
        .sort(),
      endpoints: topo.endpointsOn(eff.table).map((e) => e.ref.key).sort(),
    };
  }
  return subnets;
}

describe('every Terraform spelling of a network gives the same graph', () => {
  it('inline routes and route_table_ids == aws_route and aws_vpc_endpoint_route_table_association', () => {
    const inline = routingPicture(inventoryOf('spelling-inline'));
    const separate = routingPicture(inventoryOf('spelling-separate'));
    expect(separate).toEqual(inline);
    expect(inline['aws_subnet.private_a']).toEqual({
      table: 'aws_route_table.private',
      explicit: true,
      routes: ['0.0.0.0/0 -> nat:aws_nat_gateway.main', 'local -> local:'],
      endpoints: ['aws_vpc_endpoint.s3'],
    });
    expect(inline['aws_subnet.public']).toMatchObject({ routes: ['0.0.0.0/0 -> igw:aws_internet_gateway.main', 'local -> local:'] });
  });
});

describe('main route tables', () => {
  const inv = inventoryOf('main-route-table');
  const picture = routingPicture(inv);

  it('aws_default_route_table becomes the main table of the VPC it names', () => {
    expect(picture['aws_subnet.managed_default_private']).toMatchObject({ table: 'aws_default_route_table.managed_default', explicit: false });
  });

  it('aws_main_route_table_association makes its table main', () => {
    expect(picture['aws_subnet.custom_main_private']).toMatchObject({
      table: 'aws_route_table.custom_main_private',
      explicit: false,
      endpoints: ['aws_vpc_endpoint.custom_main_dynamodb'],
    });
  });

  it('a new VPC without a main-table resource gets the implicit table with only the local route', () => {
    expect(picture['aws_subnet.untouched_isolated']).toEqual({
      table: 'aws_vpc.untouched#main_route_table',
      explicit: false,
      routes: ['local -> local:'],
      endpoints: [],
    });
    expect(inv.routeTables.get('aws_vpc.untouched#main_route_table')?.ref.implicit).toBe(true);
  });
});

describe('modules with for_each and count', () => {
  const inv = inventoryOf('modules-count-foreach');
  const picture = routingPicture(inv);

  it('follows a module input variable to the caller instance with the same key', () => {
    for (const color of ['blue', 'green']) {
      for (const i of [0, 1]) {
        expect(picture[`module.vpc["${color}"].module.subnet[${i}].aws_subnet.this`]).toMatchObject({
          table: `module.vpc["${color}"].aws_route_table.private`,
          explicit: true,
        });
      }
    }
  });

  it('links a root endpoint through keyed module outputs', () => {
    const ep = inv.vpcEndpoints.get('aws_vpc_endpoint.s3_blue')!;
    expect(ep.vpc.keys).toEqual(['module.vpc["blue"].aws_vpc.this']);
    expect(ep.routeTables.keys).toEqual(['module.vpc["blue"].aws_route_table.private']);
  });
});

describe('regions', () => {
  it('come from the provider configuration, aliases included', () => {
    const inv = inventoryOf('region-mismatch');
    expect(inv.vpcs.get('aws_vpc.ireland')?.ref.region).toBe('eu-west-1');
    expect(inv.vpcs.get('aws_vpc.virginia')?.ref.region).toBe('us-east-1');
  });

  it('follow a root variable into the provider block', () => {
    const inv = inventoryOf('example');
    expect(inv.vpcs.get('module.network.aws_vpc.this')?.ref.region).toBe('eu-west-1');
  });
});

describe('NAT instances', () => {
  it('a route to an instance network interface is a NAT-instance route', () => {
    const inv = inventoryOf('nat-instance');
    const table = inv.routeTables.get('aws_route_table.private')!;
    const route = table.routes.find((r) => r.destination.value === '0.0.0.0/0')!;
    expect(route.target).toMatchObject({ kind: 'nat-instance' });
  });
});

describe('a NAT gateway in gateway_id (AWS accepts its id there)', () => {
  const inv = inventoryOf('nat-in-gateway-id');
  const target = (table: string) => inv.routeTables.get(`aws_route_table.${table}`)!.routes.find((r) => r.destination.value === '0.0.0.0/0')!.target;

  it('is a NAT target in an inline route, an aws_route, by literal id and through a data source', () => {
    expect(target('inline')).toEqual({ kind: 'nat', key: 'aws_nat_gateway.main' });
    expect(target('separate')).toEqual({ kind: 'nat', key: 'aws_nat_gateway.main' });
    expect(target('literal')).toEqual({ kind: 'nat', id: 'nat-0123456789abcdef0' });
    expect(target('looked_up')).toEqual({ kind: 'nat', key: 'data.aws_nat_gateway.found' });
    expect(target('public')).toEqual({ kind: 'igw', key: 'aws_internet_gateway.main' });
  });

  it('what stays unknown says why: a reference that cannot be followed may be a NAT; an id of no known kind', () => {
    const listed = target('listed');
    expect(isUnknown(listed) && listed.reason).toMatch(/gateway_id is known only after apply and its reference cannot be followed \(data\.aws_nat_gateways\.all\.ids .*\), so whether it is a NAT gateway cannot be told/);
    const typo = target('typo');
    expect(isUnknown(typo) && typo.reason).toMatch(/gateway_id is "nat0123456789abcdef0", which is not the id of an internet, virtual private or NAT gateway or of an endpoint/);
  });
});

describe('unresolvable references', () => {
  it('a subnet whose association goes through a local has an unknown route table', () => {
    const inv = inventoryOf('unresolvable-reference');
    const eff = topologyOf(inv).effectiveRouteTable(inv.subnets.get('aws_subnet.private')!);
    expect(isUnknown(eff)).toBe(true);
  });
});

describe('bare module references (splats and computed indices record no output name)', () => {
  const inv = collectPlanFile(join(ROOT, 'bench/template/plan.json'));
  const vpc = 'module.vpc["t0"]';

  it('module.az[*].private_route_table_id links every instance through the only output that yields route tables', () => {
    expect(inv.vpcEndpoints.get(`${vpc}.aws_vpc_endpoint.s3`)!.routeTables.keys).toEqual([0, 1, 2].map((i) => `${vpc}.module.az[${i}].aws_route_table.private`));
  });

  it('the same reference linked to subnets picks the subnet output', () => {
    expect(inv.vpcEndpoints.get(`${vpc}.aws_vpc_endpoint.interface["ssm"]`)!.subnets.keys).toEqual([0, 1, 2].map((i) => `${vpc}.module.az[${i}].aws_subnet.private`));
  });

  it('module.az[count.index] follows the caller instance with the same key', () => {
    const ddb = inv.vpcEndpoints.get(`${vpc}.aws_vpc_endpoint.dynamodb`)!;
    expect(ddb.routeTables.keys).toEqual([0, 1].map((i) => `${vpc}.module.az[${i}].aws_route_table.private`));
  });
});

describe('an attribute read after a computed index (not recorded in the plan)', () => {
  const inv = inventoryOf('attribute-after-computed-index');

  it('leaves the link unresolved and says why, instead of "nothing is named"', () => {
    const vpc = inv.vpcEndpoints.get('aws_vpc_endpoint.sts[0]')!.vpc;
    expect(vpc.keys).toEqual([]);
    expect(vpc.unresolved).toMatch(/comes from aws_subnet\.private\[0\], but the plan does not say which of its attributes/);
    expect(inv.securityGroups.get('aws_security_group.endpoints[1]')!.vpc.unresolved).toMatch(/aws_subnet\.private\[1\]/);
  });

  it('reports the association it cannot place, naming where the value comes from', () => {
    const d = inv.diagnostics.find((x) => x.subject?.key === 'aws_route_table_association.private[0]');
    expect(d?.message).toMatch(/comes from aws_network_interface\.app\[0\], but the plan does not say which of its attributes/);
  });

  it('still links a reference whose computed index names the resource itself (no attribute needed)', () => {
    expect(inv.vpcEndpoints.get('aws_vpc_endpoint.sts[1]')!.subnets.keys).toEqual(['aws_subnet.private[1]']);
  });
});
