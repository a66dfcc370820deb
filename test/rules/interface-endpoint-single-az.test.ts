import { describe, expect, it } from 'vitest';
import rule from '../../rules/interface-endpoint-single-az.js';
import { unknown } from '../../src/model/unknown.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

function threeZones() {
  const b = new InventoryBuilder();
  const vpc = b.vpc('main');
  const [a, bb, c] = ['a', 'b', 'c'].map((z) => b.subnet(vpc, { name: z, az: `eu-west-1${z}` }));
  return { b, vpc, a: a!, bb: bb!, c: c! };
}

describe('interface-endpoint-single-az', () => {
  testRule(rule, {
    valid: [
      {
        name: 'subnets in two of three zones',
        inventory: () => {
          const { b, vpc, a, bb } = threeZones();
          b.endpoint(vpc, 'ssm', { subnets: [a, bb] });
          return b.inv;
        },
      },
      {
        name: 'a VPC with subnets in one zone only',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc();
          const s1 = b.subnet(vpc, { az: 'eu-west-1a' });
          b.subnet(vpc, { az: 'eu-west-1a' });
          b.endpoint(vpc, 'ssm', { subnets: [s1] });
          return b.inv;
        },
      },
      {
        name: 'subnets of other VPCs do not count',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc('main');
          const s1 = b.subnet(vpc, { az: 'eu-west-1a' });
          b.subnet(b.vpc('other'), { az: 'eu-west-1b' });
          b.endpoint(vpc, 'ssm', { subnets: [s1] });
          return b.inv;
        },
      },
      {
        name: 'gateway endpoints have no subnets',
        inventory: () => {
          const { b, vpc } = threeZones();
          b.endpoint(vpc, 's3');
          return b.inv;
        },
      },
    ],
    invalid: [
      {
        name: 'one zone of three',
        inventory: () => {
          const { b, vpc, a } = threeZones();
          b.endpoint(vpc, 'kms', { name: 'kms', subnets: [a] });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.kms', related: ['aws_subnet.a'], messageIncludes: ['only in eu-west-1a', 'eu-west-1b, eu-west-1c', 'com.amazonaws.eu-west-1.kms'] }],
      },
      {
        name: 'two subnets, same zone',
        inventory: () => {
          const { b, vpc, a } = threeZones();
          const a2 = b.subnet(vpc, { name: 'a2', az: 'eu-west-1a' });
          b.endpoint(vpc, 'kms', { name: 'kms', subnets: [a, a2] });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.kms', related: ['aws_subnet.a', 'aws_subnet.a2'] }],
      },
    ],
  });

  it('a zone or subnet known only after apply is "not evaluated"', () => {
    const { b, vpc, a } = threeZones();
    const later = b.subnet(vpc, { name: 'later', availabilityZone: unknown('known only after apply') });
    b.endpoint(vpc, 'ssm', { name: 'zone_unknown', subnets: [later] });
    b.endpoint(vpc, 'kms', { name: 'subnets_unknown', subnets: [a] }).subnets = { keys: [], external: [], unresolved: 'built from local.subnets' };
    const result = runRule(rule, b.inv);
    expect(result.findings).toEqual([]);
    expect(result.diagnostics.map((d) => d.subject?.key).sort()).toEqual(['aws_vpc_endpoint.subnets_unknown', 'aws_vpc_endpoint.zone_unknown']);
  });
});
