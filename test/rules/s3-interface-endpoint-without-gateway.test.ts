import { describe, expect, it } from 'vitest';
import rule from '../../rules/s3-interface-endpoint-without-gateway.js';
import { unknown } from '../../src/model/unknown.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

describe('s3-interface-endpoint-without-gateway', () => {
  testRule(rule, {
    valid: [
      {
        name: 'an S3 gateway endpoint beside the interface endpoint',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc();
          b.endpoint(vpc, 's3', { type: 'Gateway' });
          b.endpoint(vpc, 's3', { type: 'Interface', subnets: [b.subnet(vpc)] });
          return b.inv;
        },
      },
      {
        name: 'interface endpoints of other services, and DynamoDB',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc();
          b.endpoint(vpc, 'ssm');
          b.endpoint(vpc, 'dynamodb', { type: 'Interface' });
          return b.inv;
        },
      },
      {
        name: 'a VPC outside the plan known by id, with the gateway endpoint on the same id',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc();
          const gw = b.endpoint(vpc, 's3', { type: 'Gateway' });
          const ep = b.endpoint(vpc, 's3', { type: 'Interface' });
          gw.vpc = ep.vpc = { keys: [], external: ['vpc-0123456789abcdef0'] };
          return b.inv;
        },
      },
    ],
    invalid: [
      {
        name: 'no S3 gateway endpoint in the VPC (one in another VPC or a destroyed one does not count)',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc('main');
          b.endpoint(b.vpc('other'), 's3', { type: 'Gateway' });
          b.endpoint(vpc, 's3', { type: 'Gateway', destroyed: true });
          b.endpoint(vpc, 's3', { name: 's3_interface', type: 'Interface', subnets: [b.subnet(vpc)] });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.s3_interface', related: ['aws_vpc.main'], messageIncludes: ['aws_vpc_endpoint.s3_interface (com.amazonaws.eu-west-1.s3)', 'aws_vpc.main', 'no S3 gateway endpoint'] }],
      },
      {
        name: 'an S3 gateway endpoint of another region does not serve the VPC',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc('main');
          b.endpoint(vpc, 'com.amazonaws.us-east-1.s3', { type: 'Gateway' });
          b.endpoint(vpc, 's3', { name: 's3_interface', type: 'Interface' });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.s3_interface' }],
      },
    ],
  });

  it('an endpoint of the VPC whose type is unknown makes the answer "not evaluated"', () => {
    const b = new InventoryBuilder();
    const vpc = b.vpc();
    b.endpoint(vpc, 's3', { type: unknown('known only after apply') as never });
    b.endpoint(vpc, 's3', { name: 's3_interface', type: 'Interface' });
    const result = runRule(rule, b.inv);
    expect(result.findings).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.subject?.key])).toEqual([['not-evaluated', 'aws_vpc_endpoint.s3_interface']]);
  });
});
