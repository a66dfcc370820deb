import { describe } from 'vitest';
import rule from '../../rules/policy-sourceip-private-range.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { testRule } from '../helpers/rule-tester.js';
import { bucketWithPolicyResource, doc, documentRef, iamPolicy } from '../policy/rule-helpers.js';

const ipStatement = (Effect: string, operator: string, cidrs: string[], Sid?: string) => ({ ...(Sid ? { Sid } : {}), Effect, Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-data/*', Condition: { [operator]: { 'aws:SourceIp': cidrs } } });

describe('policy-sourceip-private-range', () => {
  testRule(rule, {
    valid: [
      {
        name: 'IAM User Guide: deny unless from public office ranges',
        inventory: () => {
          const b = new InventoryBuilder();
          iamPolicy(b, 'office', doc({ Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] }, Bool: { 'aws:ViaAWSService': 'false' } } }));
          return b.inv;
        },
      },
      {
        name: 'private ranges with aws:VpcSourceIp',
        inventory: () => {
          const b = new InventoryBuilder();
          b.bucket('acme-data', doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-data/*', Condition: { NotIpAddressIfExists: { 'aws:VpcSourceIp': '10.0.0.0/16' } } }));
          return b.inv;
        },
      },
      {
        name: '0.0.0.0/0 covers private ranges but is not one',
        inventory: () => {
          const b = new InventoryBuilder();
          b.bucket('acme-data', doc(ipStatement('Allow', 'IpAddress', ['0.0.0.0/0'])));
          return b.inv;
        },
      },
    ],
    invalid: [
      {
        name: 'a bucket policy allowing a VPC range by aws:SourceIp',
        inventory: () => {
          const b = new InventoryBuilder();
          b.bucket('acme-data', doc(ipStatement('Allow', 'IpAddress', ['10.0.0.0/16'], 'FromVpc')));
          return b.inv;
        },
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['statement "FromVpc" (#1)', '10.0.0.0/16 is in 10.0.0.0/8 (RFC 1918)', 'the Allow never applies', 'aws:VpcSourceIp'], severity: 'error' }],
      },
      {
        name: 'an identity policy denying everything outside 192.168/16',
        inventory: () => {
          const b = new InventoryBuilder();
          iamPolicy(b, 'onprem', doc({ Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['192.168.0.0/16', '203.0.113.0/24'] } } }));
          return b.inv;
        },
        findings: [{ primary: 'aws_iam_policy.onprem', messageIncludes: ['the Deny applies to every request that comes through a VPC endpoint'] }],
      },
      {
        name: 'an endpoint policy with an IPv6 unique local range and 100.64/10',
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc(), 's3', { name: 's3', policyText: doc(ipStatement('Allow', 'IpAddressIfExists', ['fd12:3456::/48', '100.64.0.0/16'])) });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.s3', messageIncludes: ['IPv6 unique local', 'RFC 6598'] }],
      },
      {
        name: 'one document used by two bucket policies: one finding, on the document',
        inventory: () => {
          const b = new InventoryBuilder();
          const origin = documentRef(b, 'shared');
          const text = doc(ipStatement('Allow', 'IpAddress', ['172.16.0.0/12']));
          bucketWithPolicyResource(b, 'one', text, origin);
          bucketWithPolicyResource(b, 'two', text, origin);
          return b.inv;
        },
        findings: [{ primary: 'data.aws_iam_policy_document.shared', related: ['aws_s3_bucket.one', 'aws_s3_bucket.two'], messageIncludes: ['of aws_s3_bucket.one and 1 more (written in data.aws_iam_policy_document.shared)'] }],
      },
    ],
  });
});
