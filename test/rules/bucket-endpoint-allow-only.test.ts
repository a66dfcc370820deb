import { describe } from 'vitest';
import rule from '../../rules/bucket-endpoint-allow-only.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { testRule } from '../helpers/rule-tester.js';
import { bucketWithPolicyResource, doc, denyOutsideEndpoint, realworld } from '../policy/rule-helpers.js';

const allowFromEndpoint = { Sid: 'VpceOnly', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } };

function bucket(text: string) {
  const b = new InventoryBuilder();
  bucketWithPolicyResource(b, 'acme-data', text);
  return b.inv;
}

describe('bucket-endpoint-allow-only', () => {
  testRule(rule, {
    valid: [
      { name: 'S3 guide: the restriction is a Deny', inventory: () => bucket(realworld('awsdocs_s3guide_restrict_to_vpce-1a2b3c4d.json')) },
      { name: 'Allow from the endpoint, and Deny from everywhere else', inventory: () => bucket(doc(allowFromEndpoint, denyOutsideEndpoint('acme-data', 'vpce-1a2b3c4d'))) },
      { name: 'no Allow on a network key', inventory: () => bucket(doc({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/*' })) },
      { name: 'a Deny fence with an exemption still fences', inventory: () => bucket(doc(allowFromEndpoint, denyOutsideEndpoint('acme-data', 'vpce-1a2b3c4d', { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Admin' } }))) },
    ],
    invalid: [
      {
        name: 'Allow on aws:SourceVpce and nothing else',
        inventory: () => bucket(doc(allowFromEndpoint)),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', related: ['aws_s3_bucket.acme_data'], messageIncludes: ['aws:SourceVpce = "vpce-1a2b3c4d"', 'statement "VpceOnly" (#1)', 'denies nothing to other sources', '"StringNotEquals": {"aws:SourceVpce"'] }],
      },
      {
        name: 'the Deny names object actions on the bucket ARN alone: it never applies',
        inventory: () => bucket(doc(allowFromEndpoint, { Effect: 'Deny', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::acme-data', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['no Deny of it keyed on a network perimeter key denies requests from the internet', 'statement #2 denies nothing: its actions are authorized on objects'] }],
      },
      {
        name: 'the Deny covers the bucket ARN alone (the "/*" forgotten): the objects stay reachable from the internet',
        inventory: () => bucket(doc(allowFromEndpoint, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-data', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['statement #2 denies only requests on the bucket itself', 'add "arn:aws:s3:::acme-data/*" to its Resource'] }],
      },
      {
        name: 'the Deny applies only to requests through other endpoints (Null "false"): the internet stays open',
        inventory: () => bucket(doc(allowFromEndpoint, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-data/*'], Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, Null: { 'aws:SourceVpce': 'false' } } })),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['statement #2 applies only to requests through a VPC endpoint'] }],
      },
      {
        name: 'the Deny uses ForAnyValue:StringNotEquals: false on a missing key',
        inventory: () => bucket(doc(allowFromEndpoint, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-data/*'], Condition: { 'ForAnyValue:StringNotEquals': { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['"ForAnyValue:StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"} is then false'] }],
      },
      {
        name: 'Allow on aws:SourceVpc with a Deny on plain HTTP only',
        inventory: () =>
          bucket(doc({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-data/*', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-111bbb22' } } }, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-data/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['aws:SourceVpc = "vpc-111bbb22"', 'statement #1'] }],
      },
    ],
  });
});
