import { describe, expect, it } from 'vitest';
import { topologyOf } from '../../src/model/topology.js';
import { isUnknown } from '../../src/model/unknown.js';
import { inventoryOf } from '../helpers/fixtures.js';

/**
 * Rules, routes and associations whose owner is named through a local value
 * (the plan does not record locals): kept out of every owner, and every owner
 * they may belong to is marked incomplete, naming them.
 */
describe('resources whose owner cannot be told, in the root module', () => {
  const inv = inventoryOf('unattached-via-locals');
  const sg = (name: string) => inv.securityGroups.get(`aws_security_group.${name}`)!;

  it('a rule resource joins no group, and makes every group it may belong to incomplete in its direction only', () => {
    expect(sg('app').egress).toEqual([]);
    expect(sg('endpoints').ingress).toEqual([]);
    for (const name of ['app', 'endpoints']) {
      expect(sg(name).egressIncomplete).toMatch(/^aws_security_group_rule\.app_egress may add an egress rule to aws_security_group\.\w+: which security group it belongs to cannot be told \(the value is built from local\.app_sg/);
      expect(sg(name).ingressIncomplete).toMatch(/^aws_vpc_security_group_ingress_rule\.endpoints_https may add an ingress rule to/);
      // That rule alone: nothing else about the group's rules is unclear.
      expect(sg(name).ingressIncomplete).not.toContain('; ');
      expect(sg(name).egressIncomplete).not.toContain('; ');
    }
  });

  it('a route makes the tables of its NAT gateway\'s VPC incomplete, which a known default route still decides', () => {
    const table = inv.routeTables.get('aws_route_table.private')!;
    expect(table.routes.map((r) => r.destination.value)).toEqual(['local']);
    expect(table.routesIncomplete).toMatch(/^aws_route\.private_default may add its 0\.0\.0\.0\/0 route to aws_route_table\.private: which route table it belongs to cannot be told \(.*local\.private_rt/);
    expect(inv.routeTables.get('aws_default_route_table.main')!.routesIncomplete).toContain('aws_route.private_default');
  });

  it('an association leaves the subnets without one of their own with an unknown route table, not the main table', () => {
    const topo = topologyOf(inv);
    const b = topo.effectiveRouteTable(inv.subnets.get('aws_subnet.b')!);
    expect(isUnknown(b) && b.reason).toMatch(/^aws_route_table_association\.b may associate aws_route_table\.served with aws_subnet\.b: which subnet it associates cannot be told/);
    expect(topo.subnetsUsing(inv.routeTables.get('aws_default_route_table.main')!)).toEqual([]);
    // Subnets with their own association cannot take a second one.
    for (const name of ['a', 'app', 'public']) {
      const eff = topo.effectiveRouteTable(inv.subnets.get(`aws_subnet.${name}`)!);
      expect(isUnknown(eff) ? eff.reason : eff?.explicit).toBe(true);
    }
  });
});

describe('resources whose owner cannot be told, in a module', () => {
  const inv = inventoryOf('unattached-in-modules');

  it('may belong to the owners of their module and to those its input variables name, not to others', () => {
    const egress = (key: string) => inv.securityGroups.get(key)!.egressIncomplete;
    expect(egress('module.app.aws_security_group.app')).toContain('module.app.aws_vpc_security_group_egress_rule.https');
    expect(egress('aws_security_group.shared')).toContain('module.app.aws_vpc_security_group_egress_rule.https');
    expect(egress('aws_security_group.legacy')).toBeUndefined();
    expect(egress('module.team.aws_security_group.team')).not.toContain('module.app.');
  });

  it('an input built from the caller\'s local does not open the module to every owner of the plan', () => {
    expect(inv.routeTables.get('module.team.aws_route_table.team')!.routesIncomplete).toContain('module.team.aws_route.blackhole');
    expect(inv.routeTables.get('aws_route_table.private')!.routesIncomplete).toBeUndefined();
  });

  it('endpoint associations: the endpoints of the module, or named by its inputs, of a type that takes them', () => {
    const ep = (key: string) => inv.vpcEndpoints.get(key)!;
    expect(ep('module.endpoints.aws_vpc_endpoint.logs').securityGroups.unresolved).toMatch(
      /^module\.endpoints\.aws_vpc_endpoint_security_group_association\.open may associate aws_security_group\.open with module\.endpoints\.aws_vpc_endpoint\.logs: which VPC endpoint it belongs to cannot be told/,
    );
    expect(ep('aws_vpc_endpoint.ssm').securityGroups.unresolved).toBeUndefined();
    expect(ep('aws_vpc_endpoint.s3').routeTables).toMatchObject({ keys: ['aws_route_table.private'], unresolved: expect.stringContaining('module.team.aws_vpc_endpoint_route_table_association.s3 may associate module.team.aws_route_table.team with aws_vpc_endpoint.s3') });
  });

  it('a main route table association makes the main table of the VPC its input names unknown', () => {
    const main = inv.vpcs.get('aws_vpc.main')!.mainRouteTable;
    expect(isUnknown(main) && main.reason).toMatch(/^module\.team\.aws_main_route_table_association\.team may make module\.team\.aws_route_table\.team the main route table of aws_vpc\.main: which VPC it belongs to cannot be told/);
  });

  it('a rule named through a data source read only after apply may be on a group this plan creates', () => {
    const db = inv.securityGroups.get('module.lookup.aws_security_group.db')!;
    expect(db.egress).toEqual([]);
    expect(db.egressIncomplete).toMatch(/^module\.lookup\.aws_vpc_security_group_egress_rule\.all may add an egress rule to module\.lookup\.aws_security_group\.db: which security group it belongs to cannot be told \(module\.lookup\.data\.aws_security_group\.db is read only after apply/);
    expect(inv.securityGroups.get('module.lookup.data.aws_security_group.db')!.egressIncomplete).toContain('module.lookup.aws_vpc_security_group_egress_rule.all');
  });

  it('a rule resource whose direction is known only after apply leaves its group incomplete both ways', () => {
    const team = inv.securityGroups.get('module.team.aws_security_group.team')!;
    expect(team.ingress).toEqual([]);
    expect(team.ingressIncomplete).toMatch(/^module\.team\.aws_security_group_rule\.either may add a rule to module\.team\.aws_security_group\.team: its type is known only after apply/);
    expect(team.egressIncomplete).toBe(team.ingressIncomplete);
  });
});

describe('a bucket policy whose bucket cannot be told', () => {
  const inv = inventoryOf('unattached-bucket-policy');

  it('leaves the policy of every bucket it may belong to unknown, naming it, never "no bucket policy"', () => {
    const policy = inv.buckets.get('aws_s3_bucket.data')!.policy;
    expect(policy.kind).toBe('unknown');
    expect(policy.kind === 'unknown' && policy.reason).toMatch(/^aws_s3_bucket_policy\.data may set the policy of aws_s3_bucket\.data: which bucket it belongs to cannot be told \(.*local\.data_bucket/);
  });

  it('is still judged on its own, as the policy of a bucket outside the plan', () => {
    expect(inv.buckets.get('aws_s3_bucket_policy.data')).toMatchObject({ external: true, policy: { kind: 'document' } });
  });
});

describe('an allowed principal whose endpoint service cannot be told', () => {
  const inv = inventoryOf('unattached-endpoint-service-principal');

  it('leaves the principals of the services of its module unknown, naming it, and not those outside it', () => {
    const shared = inv.endpointServices.get('module.shared.aws_vpc_endpoint_service.this')!.allowedPrincipals;
    expect(isUnknown(shared) && shared.reason).toMatch(/^module\.shared\.aws_vpc_endpoint_service_allowed_principal\.everyone may allow a principal to connect to module\.shared\.aws_vpc_endpoint_service\.this: which endpoint service it opens cannot be told \(.*local\.service_id/);
    expect(inv.endpointServices.get('aws_vpc_endpoint_service.named')!.allowedPrincipals).toEqual(['arn:aws:iam::123456789012:root']);
  });
});
