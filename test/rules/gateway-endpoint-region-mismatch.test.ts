import { describe } from 'vitest';
import rule from '../../rules/gateway-endpoint-region-mismatch.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { testRule } from '../helpers/rule-tester.js';

describe('gateway-endpoint-region-mismatch', () => {
  testRule(rule, {
    valid: [
      {
        name: 'service name in the VPC region',
        inventory: () => {
          const b = new InventoryBuilder('eu-west-1');
          b.endpoint(b.vpc(), 'com.amazonaws.eu-west-1.s3');
          return b.inv;
        },
      },
      {
        name: 'an interface endpoint of another region is not a gateway endpoint (cross-region PrivateLink exists)',
        inventory: () => {
          const b = new InventoryBuilder('eu-west-1');
          b.endpoint(b.vpc(), 'com.amazonaws.us-east-1.s3', { type: 'Interface' });
          return b.inv;
        },
      },
      {
        name: 'a destroyed endpoint',
        inventory: () => {
          const b = new InventoryBuilder('eu-west-1');
          b.endpoint(b.vpc(), 'com.amazonaws.us-east-1.s3', { destroyed: true });
          return b.inv;
        },
      },
    ],
    invalid: [
      {
        name: 'S3 gateway endpoint for us-east-1 in an eu-west-1 VPC',
        inventory: () => {
          const b = new InventoryBuilder('eu-west-1');
          b.endpoint(b.vpc('main'), 'com.amazonaws.us-east-1.s3', { name: 's3' });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.s3', related: ['aws_vpc.main'], severity: 'error', messageIncludes: ['Use com.amazonaws.eu-west-1.s3'] }],
      },
      {
        name: 'DynamoDB gateway endpoint for another region',
        inventory: () => {
          const b = new InventoryBuilder('ap-southeast-2');
          b.endpoint(b.vpc(), 'com.amazonaws.ap-southeast-1.dynamodb', { name: 'ddb' });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.ddb', messageIncludes: ['(region ap-southeast-1)', 'is in ap-southeast-2'] }],
      },
    ],
  });
});
