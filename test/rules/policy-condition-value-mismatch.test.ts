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
      {
        name: 'ForAnyValue:StringNotEquals is false on a missing key: the Deny hits every request through an endpoint, none from the internet',
        inventory: () => bucket(doc(cond('Deny', { 'ForAnyValue:StringNotEquals': { 'aws:SourceVpc': ['vpce-1a2b3c4d'] } }))),
        findings: [
          {
            primary: 'aws_s3_bucket_policy.acme_data',
            messageIncludes: ['it matches only requests that carry aws:SourceVpc (requests through any VPC endpoint)', 'ForAnyValue is false when aws:SourceVpc is missing', 'the Deny applies to every request through any VPC endpoint and never to requests that do not come through a VPC endpoint'],
          },
        ],
      },
      {
        name: 'StringEqualsIfExists: true only when the key is missing, so the Allow applies to internet requests alone',
        inventory: () => bucket(doc(cond('Allow', { StringEqualsIfExists: { 'aws:SourceVpce': 'vpc-111bbb22' } }))),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['it matches only requests without aws:SourceVpce', 'IfExists is true when aws:SourceVpce is missing', 'the Allow applies only to requests that do not come through a VPC endpoint'] }],
      },
      {
        name: 'ForAllValues:StringEquals: true only when the key is missing',
        inventory: () => bucket(doc(cond('Deny', { 'ForAllValues:StringEquals': { 'aws:SourceVpc': 'vpce-1a2b3c4d' } }))),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['it matches only requests without aws:SourceVpc', 'ForAllValues is true when aws:SourceVpc is missing'] }],
      },
      {
        name: 'ForAnyValue:StringEquals: never matches',
        inventory: () => bucket(doc(cond('Allow', { 'ForAnyValue:StringEquals': { 'aws:SourceVpc': 'vpce-1a2b3c4d' } }))),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['it never matches', 'the Allow never applies'] }],
      },
      {
        name: 'StringNotEqualsIfExists: every request',
        inventory: () => bucket(doc(cond('Deny', { StringNotEqualsIfExists: { 'aws:SourceVpce': 'vpc-111bbb22' } }))),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['it matches every request', 'IfExists is true when aws:SourceVpce is missing', 'the Deny applies to everything the statement names.'] }],
      },
      {
        name: 'ForAllValues:StringNotEquals beside another condition: every request, wherever the other condition holds',
        inventory: () => bucket(doc(cond('Deny', { 'ForAllValues:StringNotEquals': { 'aws:SourceVpce': 'vpc-111bbb22' }, Bool: { 'aws:SecureTransport': 'true' } }))),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['it matches every request', 'ForAllValues is true when aws:SourceVpce is missing', 'wherever its other conditions hold'] }],
      },
      {
        name: 'a VPC id beside an endpoint id: that value is dead, the condition rests on the other',
        inventory: () => bucket(doc(cond('Deny', { StringNotEquals: { 'aws:SourceVpce': ['vpce-1a2b3c4d', 'vpc-111bbb22'] } }))),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['(vpc-111bbb22)', 'that value can never match, so the condition rests on its other values (vpce-1a2b3c4d) alone'] }],
      },
    ],
  });
});
