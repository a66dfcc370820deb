import { describe, expect, it } from 'vitest';
import rule from '../../rules/gateway-endpoint-region-mismatch.js';
import type { VpcEndpoint } from '../../src/model/nodes.js';
import { unknown } from '../../src/model/unknown.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

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
      {
        name: 'a China service name keeps its cn. prefix in the fix',
        inventory: () => {
          const b = new InventoryBuilder('cn-northwest-1');
          b.endpoint(b.vpc(), 'cn.com.amazonaws.cn-north-1.s3', { name: 's3' });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.s3', messageIncludes: ['(region cn-north-1)', 'Use cn.com.amazonaws.cn-northwest-1.s3.'] }],
      },
    ],
  });

  describe('what the verdict rests on is unknown: not evaluated, naming the endpoint', () => {
    /** The rule's notes for one endpoint in an eu-west-1 VPC, after `change` makes part of it unknown. */
    function notes(service: string, change: (ep: VpcEndpoint) => void) {
      const b = new InventoryBuilder('eu-west-1');
      change(b.endpoint(b.vpc('main'), service, { name: 'ep' }));
      const result = runRule(rule, b.inv);
      expect(result.findings).toEqual([]);
      return result.diagnostics.filter((d) => d.code === 'not-evaluated');
    }
    const unknownType = (ep: VpcEndpoint) => (ep.type = unknown('var.endpoint_type is known only after apply'));
    const unknownName = (ep: VpcEndpoint) => {
      ep.serviceName = unknown('local.service is known only after apply');
      delete ep.service;
    };

    it('type unknown, the S3 service of another region: a gateway endpoint would be wrong, an interface one may be cross-region', () => {
      const found = notes('com.amazonaws.us-east-1.s3', unknownType);
      expect(found.map((d) => d.subject?.key)).toEqual(['aws_vpc_endpoint.ep']);
      expect(found[0]!.message).toContain('var.endpoint_type is known only after apply');
      expect(found[0]!.message).toContain('com.amazonaws.us-east-1.s3');
      expect(found[0]!.message).toContain('eu-west-1');
    });

    it('a gateway endpoint whose service name is unknown', () => {
      const found = notes('com.amazonaws.eu-west-1.s3', unknownName);
      expect(found.map((d) => d.subject?.key)).toEqual(['aws_vpc_endpoint.ep']);
      expect(found[0]!.message).toContain('local.service is known only after apply');
    });

    it('type and service name both unknown: one note', () => {
      expect(notes('com.amazonaws.eu-west-1.s3', (ep) => (unknownType(ep), unknownName(ep))).map((d) => d.subject?.key)).toEqual(['aws_vpc_endpoint.ep']);
    });

    it('nothing rests on the unknown: type unknown with the VPC region\'s own service, or with a service that has no gateway endpoints; an interface endpoint of unknown service', () => {
      expect(notes('com.amazonaws.eu-west-1.s3', unknownType)).toEqual([]);
      expect(notes('com.amazonaws.us-east-1.ssm', unknownType)).toEqual([]);
      expect(notes('com.amazonaws.eu-west-1.ssm', (ep) => (ep.type = 'Interface', unknownName(ep)))).toEqual([]);
    });
  });
});
