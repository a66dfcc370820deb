import { describe } from 'vitest';
import rule from '../../rules/policy-condition-value-mismatch.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { testRule } from '../helpers/rule-tester.js';
import { bucketWithPolicyResource, doc, iamPolicy, realworld } from '../policy/rule-helpers.js';

const cond = (Effect: string, Condition: object, Sid?: string) => ({ ...(Sid ? { Sid } : {}), Effect, Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-data/*', Condition });

function bucket(text: string, placeholders?: Record<string, string[]>) {
  const b = new InventoryBuilder();
  b.vpc('main');
  b.endpoint(b.inv.vpcs.get('aws_vpc.main')!, 's3', { name: 's3' });
  bucketWithPolicyResource(b, 'acme-data', text, undefined, placeholders);
  return b.inv;
}

describe('policy-condition-value-mismatch', () => {
  testRule(rule, {
    valid: [
      { name: 'S3 guide: aws:SourceVpce with an endpoint id', inventory: () => bucket(realworld('awsdocs_s3guide_restrict_to_vpce-1a2b3c4d.json')) },
      { name: 'S3 guide: aws:SourceVpc with a VPC id', inventory: () => bucket(realworld('awsdocs_s3guide_restrict_to_vpc-111bbb22.json')) },
      { name: 'ArnLike on aws:PrincipalArn, StringLike on aws:SourceArn', inventory: () => bucket(doc(cond('Deny', { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin' }, StringLike: { 'aws:SourceArn': 'arn:aws:s3:::*' } }))) },
      { name: 'a key vpcelint does not know is not judged', inventory: () => bucket(doc(cond('Allow', { ArnLike: { 'ec2:Vpc': 'arn:aws:ec2:*:*:vpc/vpc-1' } }))) },
      { name: 'a reference to the endpoint for aws:SourceVpce (plan placeholder)', inventory: () => bucket(doc(cond('Deny', { StringNotEquals: { 'aws:SourceVpce': '<known after apply: aws_vpc_endpoint.s3.id>' } })), { '<known after apply: aws_vpc_endpoint.s3.id>': ['aws_vpc_endpoint.s3'] }) },
    ],
    invalid: [
      {
        name: 'aws:SourceVpce compared with a VPC id in a Deny: denies everything',
        inventory: () => bucket(doc(cond('Deny', { StringNotEquals: { 'aws:SourceVpce': 'vpc-111bbb22' } }, 'Fence'))),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['statement "Fence" (#1)', 'compares the endpoint key with a VPC id (vpc-111bbb22)', 'the Deny applies to everything'], severity: 'error' }],
      },
      {
        name: 'aws:SourceVpc compared with an endpoint id in an Allow: never applies',
        inventory: () => bucket(doc(cond('Allow', { StringEquals: { 'aws:SourceVpc': ['vpce-1a2b3c4d'] } }))),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['compares the VPC key with an endpoint id', 'the Allow never applies'] }],
      },
      {
        name: 'a reference to the VPC for aws:SourceVpce (plan placeholder)',
        inventory: () => bucket(doc(cond('Deny', { StringNotEquals: { 'aws:SourceVpce': '<known after apply: aws_vpc.main.id>' } })), { '<known after apply: aws_vpc.main.id>': ['aws_vpc.main'] }),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['<known after apply: aws_vpc.main.id>'] }],
      },
      {
        name: 'an ARN operator on aws:PrincipalAccount, an IP operator on aws:SourceVpc',
        inventory: () => {
          const b = new InventoryBuilder();
          iamPolicy(b, 'p', doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { ArnEquals: { 'aws:PrincipalAccount': '111122223333' } } }, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceVpc': '10.0.0.0/16' } } }));
          return b.inv;
        },
        findings: [{ primary: 'aws_iam_policy.p' }, { primary: 'aws_iam_policy.p' }],
      },
    ],
  });
});
