import { describe, expect, it } from 'vitest';
import type { SecurityGroupRule } from '../../src/model/nodes.js';
import { inventoryOf } from '../helpers/fixtures.js';

/** A rule as plain facts, for comparisons. */
function facts(r: SecurityGroupRule) {
  return { protocol: r.protocol, from: r.fromPort, to: r.toPort, ipv4: r.ipv4, ipv6: r.ipv6, prefixLists: r.prefixLists.keys, groups: r.groups.keys, self: r.self, by: r.declaredBy.key };
}

describe('security groups from a plan', () => {
  const doneRight = inventoryOf('interface-done-right');

  it('a new aws_security_group without egress has none: the provider revokes AWS\'s allow-all rule', () => {
    const sg = doneRight.securityGroups.get('aws_security_group.endpoints')!;
    expect(sg.ingressIncomplete).toBeUndefined();
    expect(sg.egressIncomplete).toBeUndefined();
    expect(sg.egress).toEqual([]);
    expect(sg.ingress.map(facts)).toEqual([
      { protocol: 'tcp', from: 443, to: 443, ipv4: ['10.50.0.0/16'], ipv6: [], prefixLists: [], groups: [], self: false, by: 'aws_security_group.endpoints' },
    ]);
  });

  it('a VPC created without aws_default_security_group keeps AWS\'s default group: members in, everything out', () => {
    const sg = doneRight.securityGroups.get('aws_vpc.main#default_security_group')!;
    expect(sg.ref.implicit).toBe(true);
    expect(sg.ingress.map(facts)).toEqual([{ protocol: '-1', from: undefined, to: undefined, ipv4: [], ipv6: [], prefixLists: [], groups: [], self: true, by: 'aws_vpc.main' }]);
    expect(sg.egress.map((r) => r.ipv4)).toEqual([['0.0.0.0/0']]);
  });

  it('aws_vpc_endpoint.x.prefix_list_id means the AWS-managed prefix list of the endpoint\'s service, inline or in a rule resource', () => {
    const app = doneRight.securityGroups.get('aws_security_group.app')!;
    const worker = doneRight.securityGroups.get('aws_security_group.worker')!;
    const lists = [...app.egress, ...worker.egress].flatMap((r) => r.prefixLists.keys);
    expect(lists).toEqual(['aws_vpc_endpoint.s3_gateway#prefix_list', 'aws_vpc_endpoint.s3_gateway#prefix_list']);
    expect(doneRight.prefixLists.get('aws_vpc_endpoint.s3_gateway#prefix_list')!.prefixListName).toBe('com.amazonaws.eu-west-1.s3');
    expect(worker.egress[0]!.declaredBy.key).toBe('aws_vpc_security_group_egress_rule.worker_s3');
  });

  it('rules in every spelling join their group: inline, aws_security_group_rule, aws_vpc_security_group_ingress_rule', () => {
    const inv = inventoryOf('interface-open-security-group');
    expect(inv.securityGroups.get('aws_security_group.ipv6')!.ingress.map(facts)).toEqual([
      { protocol: 'tcp', from: 443, to: 443, ipv4: [], ipv6: ['::/0'], prefixLists: [], groups: [], self: false, by: 'aws_security_group_rule.ipv6_open' },
    ]);
    expect(inv.securityGroups.get('aws_security_group.shared')!.ingress.map((r) => [r.declaredBy.key, r.ipv4, r.fromPort]).sort()).toEqual([
      ['aws_vpc_security_group_ingress_rule.shared_https_vpc', ['10.70.0.0/16'], 443],
      ['aws_vpc_security_group_ingress_rule.ssh_anywhere', ['0.0.0.0/0'], 22],
    ]);
    // The provider's "attributes as blocks" come as one flat expression; a field known only after apply keeps
    // the references of its own kind, and nothing is left unresolved by the other blocks' references.
    const restricted = inv.securityGroups.get('aws_security_group.restricted')!.ingress;
    expect(restricted.map((r) => ({ ipv4: r.ipv4, groups: r.groups, prefixLists: r.prefixLists })).sort((a, b) => a.groups.keys.length - b.groups.keys.length)).toEqual([
      { ipv4: [], groups: { keys: [], external: [] }, prefixLists: { keys: ['aws_ec2_managed_prefix_list.offices'], external: [] } },
      { ipv4: [], groups: { keys: ['aws_security_group.clients'], external: [] }, prefixLists: { keys: [], external: [] } },
    ]);
  });

  it('aws_default_security_group replaces the implicit default group, with only its written rules', () => {
    const inv = inventoryOf('sg-egress-blocks-gateway');
    expect(inv.securityGroups.has('aws_vpc.managed_default#default_security_group')).toBe(false);
    const managed = inv.securityGroups.get('aws_default_security_group.managed_default')!;
    expect(managed.egress).toEqual([]);
    expect(managed.ingress.map((r) => r.self)).toEqual([true]);
    expect(inv.securityGroups.has('aws_vpc.aws_default#default_security_group')).toBe(true);
  });
});

describe('security groups of interface endpoints', () => {
  const inv = inventoryOf('interface-open-security-group');

  it('an endpoint that names no group gets the VPC\'s default group', () => {
    expect(inv.vpcEndpoints.get('aws_vpc_endpoint.ec2')!.securityGroups).toEqual({ keys: ['aws_vpc.main#default_security_group'], external: [] });
  });

  it('an endpoint whose groups come to an empty list (a module variable\'s default) gets the default group too', () => {
    expect(inv.vpcEndpoints.get('module.ec2messages.aws_vpc_endpoint.this')!.securityGroups).toEqual({ keys: ['aws_vpc.main#default_security_group'], external: [] });
  });

  it('an association with replace_default_association replaces the default group', () => {
    expect(inv.vpcEndpoints.get('aws_vpc_endpoint.sts')!.securityGroups).toEqual({ keys: ['aws_security_group.ipv6'], external: [] });
  });

  it('named groups are the endpoint\'s groups', () => {
    expect(inv.vpcEndpoints.get('aws_vpc_endpoint.ssm')!.securityGroups.keys).toEqual(['aws_security_group.open_https']);
  });
});
