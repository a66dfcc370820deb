import { describe, expect, it } from 'vitest';
import rule from '../../rules/interface-endpoint-dns-misconfigured.js';
import { unknown } from '../../src/model/unknown.js';
import { InventoryBuilder, link } from '../helpers/inventory-builder.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

/** A VPC with a private route table and subnet, with the given DNS attributes. */
function network(dns: { support?: boolean; hostnames?: boolean } = {}) {
  const b = new InventoryBuilder();
  const vpc = b.vpc('main', { enableDnsSupport: dns.support ?? true, enableDnsHostnames: dns.hostnames ?? true });
  const subnet = b.subnet(vpc, { name: 'private' });
  const table = b.routeTable(vpc, { name: 'private', subnets: [subnet] });
  return { b, vpc, subnet, table };
}

describe('interface-endpoint-dns-misconfigured', () => {
  testRule(rule, {
    valid: [
      {
        name: 'private DNS on in a VPC with DNS support and DNS hostnames',
        inventory: () => {
          const { b, vpc, subnet } = network();
          b.endpoint(vpc, 'ssm', { subnets: [subnet], privateDnsEnabled: true });
          return b.inv;
        },
      },
      {
        name: 'DNS hostnames off, but no endpoint uses private DNS',
        inventory: () => {
          const { b, vpc, subnet } = network({ hostnames: false });
          b.endpoint(vpc, 'ssm', { subnets: [subnet], privateDnsEnabled: false });
          return b.inv;
        },
      },
      {
        name: 'S3 private DNS only for the inbound resolver, with a gateway endpoint on the route table',
        inventory: () => {
          const { b, vpc, subnet, table } = network();
          b.endpoint(vpc, 's3', { type: 'Gateway', routeTables: [table] });
          b.endpoint(vpc, 's3', { type: 'Interface', subnets: [subnet], privateDnsEnabled: true, privateDnsOnlyForInboundResolver: true });
          return b.inv;
        },
      },
      {
        name: 'S3 private DNS for all resolvers needs no gateway endpoint',
        inventory: () => {
          const { b, vpc, subnet } = network();
          b.endpoint(vpc, 's3', { type: 'Interface', subnets: [subnet], privateDnsEnabled: true, privateDnsOnlyForInboundResolver: false });
          return b.inv;
        },
      },
      {
        name: 'a gateway endpoint associated with route tables outside the inventory (known ids) serves the VPC',
        inventory: () => {
          const { b, vpc, subnet } = network();
          b.endpoint(vpc, 's3', { type: 'Gateway', routeTables: [] }).routeTables = { keys: [], external: ['rtb-0123456789abcdef0'] };
          b.endpoint(vpc, 's3', { type: 'Interface', subnets: [subnet], privateDnsEnabled: true, privateDnsOnlyForInboundResolver: true });
          return b.inv;
        },
      },
    ],
    invalid: [
      {
        name: 'DNS hostnames off: one finding on the VPC, naming every endpoint with private DNS',
        inventory: () => {
          const { b, vpc, subnet } = network({ hostnames: false });
          b.endpoint(vpc, 'ssm', { name: 'ssm', subnets: [subnet], privateDnsEnabled: true });
          b.endpoint(vpc, 'ssmmessages', { name: 'ssmmessages', subnets: [subnet], privateDnsEnabled: true });
          return b.inv;
        },
        findings: [
          {
            primary: 'aws_vpc.main',
            related: ['aws_vpc_endpoint.ssm', 'aws_vpc_endpoint.ssmmessages'],
            messageIncludes: ['enable_dns_hostnames off', 'aws_vpc_endpoint.ssm (com.amazonaws.eu-west-1.ssm)', 'aws_vpc_endpoint.ssmmessages', 'enable_dns_hostnames = true'],
          },
        ],
      },
      {
        name: 'DNS support and hostnames both off',
        inventory: () => {
          const { b, vpc, subnet } = network({ support: false, hostnames: false });
          b.endpoint(vpc, 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0', { subnets: [subnet], privateDnsEnabled: true });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc.main', messageIncludes: ['enable_dns_support and enable_dns_hostnames off'] }],
      },
      {
        name: 'S3 private DNS only for the inbound resolver and no S3 gateway endpoint in the VPC',
        inventory: () => {
          const { b, vpc, subnet } = network();
          b.endpoint(b.vpc('other'), 's3', { type: 'Gateway' });
          b.endpoint(vpc, 's3', { name: 's3_interface', type: 'Interface', subnets: [subnet], privateDnsEnabled: true, privateDnsOnlyForInboundResolver: true });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.s3_interface', related: [], messageIncludes: ['no S3 gateway endpoint', 'AWS rejects'] }],
      },
      {
        name: 'S3 private DNS only for the inbound resolver and a gateway endpoint associated with no route table',
        inventory: () => {
          const { b, vpc, subnet } = network();
          b.endpoint(vpc, 's3', { name: 's3_gateway', type: 'Gateway' });
          b.endpoint(vpc, 's3', { name: 's3_interface', type: 'Interface', subnets: [subnet], privateDnsEnabled: true, privateDnsOnlyForInboundResolver: true });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.s3_interface', related: ['aws_vpc_endpoint.s3_gateway'], messageIncludes: ['aws_vpc_endpoint.s3_gateway is associated with no route table'] }],
      },
    ],
  });

  it('unknown VPC attributes, option or gateway endpoints are "not evaluated"', () => {
    const { b, vpc, subnet } = network();
    vpc.enableDnsHostnames = unknown('known only after apply');
    b.endpoint(vpc, 'ssm', { name: 'ssm', subnets: [subnet], privateDnsEnabled: true });
    b.endpoint(vpc, 's3', { name: 'option', type: 'Interface', subnets: [subnet], privateDnsEnabled: true, privateDnsOnlyForInboundResolver: unknown('x') });
    const other = b.vpc('other');
    b.endpoint(other, 's3', { name: 'pending', type: 'Gateway' }).routeTables = { ...link(), unresolved: 'built from local.tables' };
    b.endpoint(other, 's3', { name: 'pending_interface', type: 'Interface', subnets: [], privateDnsEnabled: true, privateDnsOnlyForInboundResolver: true });
    const result = runRule(rule, b.inv);
    expect(result.findings).toEqual([]);
    const subjects = result.diagnostics.filter((d) => d.code === 'not-evaluated').map((d) => d.subject?.key).sort();
    expect(subjects).toEqual(['aws_vpc.main', 'aws_vpc_endpoint.option', 'aws_vpc_endpoint.pending_interface']);
  });
});
