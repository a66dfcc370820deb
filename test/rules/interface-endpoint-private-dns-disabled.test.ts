import { describe, expect, it } from 'vitest';
import rule from '../../rules/interface-endpoint-private-dns-disabled.js';
import { unknown } from '../../src/model/unknown.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

function vpcWithSubnet() {
  const b = new InventoryBuilder();
  const vpc = b.vpc('main');
  const subnet = b.subnet(vpc);
  return { b, vpc, subnet };
}

describe('interface-endpoint-private-dns-disabled', () => {
  testRule(rule, {
    valid: [
      {
        name: 'private DNS on',
        inventory: () => {
          const { b, vpc, subnet } = vpcWithSubnet();
          b.endpoint(vpc, 'ssm', { subnets: [subnet], privateDnsEnabled: true });
          return b.inv;
        },
      },
      {
        name: 'a partner or customer PrivateLink service (com.amazonaws.vpce.*)',
        inventory: () => {
          const { b, vpc, subnet } = vpcWithSubnet();
          b.endpoint(vpc, 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0', { subnets: [subnet], privateDnsEnabled: false });
          return b.inv;
        },
      },
      {
        name: 'a second endpoint for the same service in the VPC, where the first holds private DNS',
        inventory: () => {
          const { b, vpc, subnet } = vpcWithSubnet();
          b.endpoint(vpc, 'ssm', { subnets: [subnet], privateDnsEnabled: true });
          b.endpoint(vpc, 'ssm', { subnets: [subnet], privateDnsEnabled: false });
          return b.inv;
        },
      },
      {
        name: 'an S3 interface endpoint beside an S3 gateway endpoint: in-VPC clients take the gateway',
        inventory: () => {
          const { b, vpc, subnet } = vpcWithSubnet();
          b.endpoint(vpc, 's3', { type: 'Gateway' });
          b.endpoint(vpc, 's3', { type: 'Interface', subnets: [subnet], privateDnsEnabled: false });
          return b.inv;
        },
      },
      {
        name: 'DynamoDB, DynamoDB Streams and IoT Core data interface endpoints, which do not support private DNS (nothing to fix)',
        inventory: () => {
          const { b, vpc, subnet } = vpcWithSubnet();
          b.endpoint(vpc, 'dynamodb-streams', { subnets: [subnet], privateDnsEnabled: false });
          b.endpoint(vpc, 'dynamodb', { type: 'Interface', subnets: [subnet], privateDnsEnabled: false });
          b.endpoint(vpc, 'iot.data', { subnets: [subnet], privateDnsEnabled: false });
          return b.inv;
        },
      },
      {
        name: 'live: the service offers no private DNS name (DescribeVpcEndpointServices)',
        inventory: () => {
          const { b, vpc, subnet } = vpcWithSubnet();
          b.endpoint(vpc, 'newservice', { subnets: [subnet], privateDnsEnabled: false, privateDnsSupported: false });
          return b.inv;
        },
      },
      {
        name: 'gateway endpoints have no private DNS to turn on',
        inventory: () => {
          const { b, vpc } = vpcWithSubnet();
          b.endpoint(vpc, 'dynamodb', { type: 'Gateway', privateDnsEnabled: false });
          return b.inv;
        },
      },
    ],
    invalid: [
      {
        name: 'an AWS service endpoint with private DNS off',
        inventory: () => {
          const { b, vpc, subnet } = vpcWithSubnet();
          b.endpoint(vpc, 'com.amazonaws.eu-west-1.ecr.api', { name: 'ecr_api', subnets: [subnet], privateDnsEnabled: false });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.ecr_api', messageIncludes: ['aws_vpc_endpoint.ecr_api (com.amazonaws.eu-west-1.ecr.api)', 'private_dns_enabled = true'] }],
      },
      {
        name: 'live: the service offers private DNS, whatever the bundled table says',
        inventory: () => {
          const { b, vpc, subnet } = vpcWithSubnet();
          b.endpoint(vpc, 'dynamodb-streams', { name: 'streams', subnets: [subnet], privateDnsEnabled: false, privateDnsSupported: true });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.streams' }],
      },
      {
        name: 'private DNS turned off by aws_vpc_endpoint_private_dns: the finding goes where the fix goes',
        inventory: () => {
          const { b, vpc, subnet } = vpcWithSubnet();
          const holder = b.ref('other', 'aws_vpc_endpoint_private_dns', 'sns');
          b.endpoint(vpc, 'sns', { name: 'sns', subnets: [subnet], privateDnsEnabled: false, privateDnsDeclaredBy: holder });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint_private_dns.sns', related: ['aws_vpc_endpoint.sns'], messageIncludes: ['aws_vpc_endpoint.sns', 'set by aws_vpc_endpoint_private_dns.sns'] }],
      },
      {
        name: 'an S3 interface endpoint without private DNS and without a gateway endpoint: in-VPC clients go through the NAT',
        inventory: () => {
          const { b, vpc, subnet } = vpcWithSubnet();
          b.endpoint(vpc, 's3', { name: 's3', type: 'Interface', subnets: [subnet], privateDnsEnabled: false });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.s3', messageIncludes: ['S3 gateway endpoint'] }],
      },
      {
        name: 'an S3 gateway endpoint in another VPC does not count',
        inventory: () => {
          const { b, vpc, subnet } = vpcWithSubnet();
          b.endpoint(b.vpc('other'), 's3', { type: 'Gateway' });
          b.endpoint(vpc, 's3', { name: 's3', type: 'Interface', subnets: [subnet], privateDnsEnabled: false });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.s3' }],
      },
    ],
  });

  it('private DNS known only after apply is "not evaluated"', () => {
    const { b, vpc, subnet } = vpcWithSubnet();
    b.endpoint(vpc, 'ssm', { name: 'ssm', subnets: [subnet], privateDnsEnabled: unknown('known only after apply') });
    const result = runRule(rule, b.inv);
    expect(result.findings).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.subject?.key])).toEqual([['not-evaluated', 'aws_vpc_endpoint.ssm']]);
  });
});
