import { describe, expect, it } from 'vitest';
import rule from '../../rules/interface-endpoint-open-security-group.js';
import { unknown } from '../../src/model/unknown.js';
import { InventoryBuilder, link } from '../helpers/inventory-builder.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { withRule } from '../helpers/security-group-builders.js';

/** A VPC with two subnets and a function that attaches one group to an interface endpoint. */
function network() {
  const b = new InventoryBuilder();
  const vpc = b.vpc('main');
  const subnets = [b.subnet(vpc, { name: 'a', az: 'eu-west-1a' }), b.subnet(vpc, { name: 'b', az: 'eu-west-1b' })];
  return { b, vpc, subnets };
}

describe('interface-endpoint-open-security-group', () => {
  testRule(rule, {
    valid: [
      {
        name: 'HTTPS from the VPC CIDR only',
        inventory: () => {
          const { b, vpc, subnets } = network();
          const sg = withRule(b.securityGroup(vpc, { name: 'endpoints' }), 'ingress', { ipv4: ['10.0.0.0/16'] });
          b.endpoint(vpc, 'ssm', { subnets, securityGroups: [sg] });
          return b.inv;
        },
      },
      {
        name: 'a source security group and a prefix list are not open, whatever they hold',
        inventory: () => {
          const { b, vpc, subnets } = network();
          const clients = b.securityGroup(vpc, { name: 'clients' });
          const sg = b.securityGroup(vpc, { name: 'endpoints' });
          withRule(sg, 'ingress', { groups: link(clients.ref.key) });
          withRule(sg, 'ingress', { prefixLists: link('aws_ec2_managed_prefix_list.offices') });
          withRule(sg, 'ingress', { protocol: '-1', self: true });
          b.endpoint(vpc, 'ssm', { subnets, securityGroups: [sg] });
          return b.inv;
        },
      },
      {
        name: 'egress to anywhere is not ingress',
        inventory: () => {
          const { b, vpc, subnets } = network();
          const sg = withRule(b.securityGroup(vpc), 'egress', { protocol: '-1', ipv4: ['0.0.0.0/0'] });
          b.endpoint(vpc, 'ssm', { subnets, securityGroups: [sg] });
          return b.inv;
        },
      },
      {
        name: 'an open group on a gateway endpoint or on no endpoint at all',
        inventory: () => {
          const { b, vpc } = network();
          withRule(b.securityGroup(vpc, { name: 'web' }), 'ingress', { ipv4: ['0.0.0.0/0'] });
          b.endpoint(vpc, 's3');
          return b.inv;
        },
      },
      {
        name: 'a destroyed endpoint',
        inventory: () => {
          const { b, vpc, subnets } = network();
          const sg = withRule(b.securityGroup(vpc), 'ingress', { ipv4: ['0.0.0.0/0'] });
          b.endpoint(vpc, 'ssm', { subnets, securityGroups: [sg], destroyed: true });
          return b.inv;
        },
      },
    ],
    invalid: [
      {
        name: 'HTTPS from 0.0.0.0/0 on an AWS service endpoint: a warning on the group',
        inventory: () => {
          const { b, vpc, subnets } = network();
          const sg = withRule(b.securityGroup(vpc, { name: 'endpoints' }), 'ingress', { ipv4: ['0.0.0.0/0'] });
          b.endpoint(vpc, 'ssm', { name: 'ssm', subnets, securityGroups: [sg] });
          return b.inv;
        },
        findings: [
          {
            primary: 'aws_security_group.endpoints',
            severity: 'warning',
            related: ['aws_vpc_endpoint.ssm'],
            messageIncludes: ['aws_vpc_endpoint.ssm (com.amazonaws.eu-west-1.ssm)', '0.0.0.0/0', 'tcp 443', '10.0.0.0/16'],
          },
        ],
      },
      {
        name: '::/0 from a separate rule resource names the rule, the group and every endpoint sharing it',
        inventory: () => {
          const { b, vpc, subnets } = network();
          const sg = b.securityGroup(vpc, { name: 'shared' });
          const declaredBy = b.ref('other', 'aws_vpc_security_group_ingress_rule', 'v6');
          withRule(sg, 'ingress', { ipv6: ['::/0'], declaredBy });
          b.endpoint(vpc, 'ssm', { name: 'ssm', subnets, securityGroups: [sg] });
          b.endpoint(vpc, 'logs', { name: 'logs', subnets, securityGroups: [sg] });
          return b.inv;
        },
        findings: [
          {
            primary: 'aws_vpc_security_group_ingress_rule.v6',
            severity: 'warning',
            related: ['aws_security_group.shared', 'aws_vpc_endpoint.ssm', 'aws_vpc_endpoint.logs'],
            messageIncludes: ['::/0', 'aws_vpc_endpoint.logs', 'aws_vpc_endpoint.ssm', 'aws_security_group.shared'],
          },
        ],
      },
      {
        name: 'all traffic from anywhere covers 443: a warning',
        inventory: () => {
          const { b, vpc, subnets } = network();
          const sg = withRule(b.securityGroup(vpc, { name: 'all' }), 'ingress', { protocol: '-1', fromPort: 0, toPort: 0, ipv4: ['0.0.0.0/0'] });
          b.endpoint(vpc, 'ssm', { subnets, securityGroups: [sg] });
          return b.inv;
        },
        findings: [{ primary: 'aws_security_group.all', severity: 'warning', messageIncludes: ['all traffic'] }],
      },
      {
        name: 'SSH from anywhere on an AWS service endpoint, which listens on 443 only: a note',
        inventory: () => {
          const { b, vpc, subnets } = network();
          const sg = withRule(b.securityGroup(vpc, { name: 'ssh' }), 'ingress', { fromPort: 22, toPort: 22, ipv4: ['0.0.0.0/0'] });
          b.endpoint(vpc, 'ssm', { subnets, securityGroups: [sg] });
          return b.inv;
        },
        findings: [{ primary: 'aws_security_group.ssh', severity: 'note', messageIncludes: ['tcp 22', 'listens only on HTTPS'] }],
      },
      {
        name: 'another port on a partner service endpoint: a warning, its ports are not known',
        inventory: () => {
          const { b, vpc, subnets } = network();
          const sg = withRule(b.securityGroup(vpc, { name: 'partner' }), 'ingress', { fromPort: 8443, toPort: 8443, ipv4: ['0.0.0.0/0'] });
          b.endpoint(vpc, 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0', { subnets, securityGroups: [sg] });
          return b.inv;
        },
        findings: [{ primary: 'aws_security_group.partner', severity: 'warning' }],
      },
      {
        name: 'a known 0.0.0.0/0 beside IPv6 sources known only after apply: the known source is open',
        inventory: () => {
          const { b, vpc, subnets } = network();
          const sg = withRule(b.securityGroup(vpc, { name: 'v4' }), 'ingress', { ipv4: ['0.0.0.0/0'], ipv6: unknown('aws_vpc.main.ipv6_cidr_block is known only after apply') });
          b.endpoint(vpc, 'ssm', { subnets, securityGroups: [sg] });
          return b.inv;
        },
        findings: [{ primary: 'aws_security_group.v4', severity: 'warning', messageIncludes: ['allows ingress from 0.0.0.0/0 on tcp 443'] }],
      },
      {
        name: 'a known ::/0 beside IPv4 sources known only after apply',
        inventory: () => {
          const { b, vpc, subnets } = network();
          const sg = withRule(b.securityGroup(vpc, { name: 'v6' }), 'ingress', { ipv4: unknown('known only after apply'), ipv6: ['::/0'] });
          b.endpoint(vpc, 'ssm', { subnets, securityGroups: [sg] });
          return b.inv;
        },
        findings: [{ primary: 'aws_security_group.v6', messageIncludes: ['allows ingress from ::/0'] }],
      },
    ],
  });

  it('a rule whose known sources are private and whose other sources are unknown is "not evaluated"', () => {
    const { b, vpc, subnets } = network();
    const sg = withRule(b.securityGroup(vpc, { name: 'mixed' }), 'ingress', { ipv4: ['10.0.0.0/16'], ipv6: unknown('aws_vpc.main.ipv6_cidr_block is known only after apply') });
    b.endpoint(vpc, 'ssm', { name: 'ssm', subnets, securityGroups: [sg] });
    const result = runRule(rule, b.inv);
    expect(result.findings).toEqual([]);
    const notes = result.diagnostics.filter((d) => d.code === 'not-evaluated');
    expect(notes.map((d) => d.subject?.key)).toEqual(['aws_security_group.mixed']);
    expect(notes[0]!.message).toContain('aws_vpc.main.ipv6_cidr_block is known only after apply');
  });

  it('a group whose rules are known only after apply gives "not evaluated", not a pass', () => {
    const { b, vpc, subnets } = network();
    const sg = b.securityGroup(vpc, { name: 'later', ingressIncomplete: 'the inline ingress rules are known only after apply' });
    const sg2 = withRule(b.securityGroup(vpc, { name: 'cidr' }), 'ingress', { ipv4: unknown('known only after apply') });
    b.endpoint(vpc, 'ssm', { name: 'ssm', subnets, securityGroups: [sg, sg2] });
    b.endpoint(vpc, 'sts', { name: 'sts', subnets, securityGroups: [] });
    b.inv.vpcEndpoints.get('aws_vpc_endpoint.sts')!.securityGroups = { keys: [], external: [], unresolved: 'the default security group of aws_vpc.main is not in the plan' };
    const result = runRule(rule, b.inv);
    expect(result.findings).toEqual([]);
    const subjects = result.diagnostics.filter((d) => d.code === 'not-evaluated').map((d) => d.subject?.key).sort();
    expect(subjects).toEqual(['aws_security_group.cidr', 'aws_vpc_endpoint.ssm', 'aws_vpc_endpoint.sts']);
  });
});
