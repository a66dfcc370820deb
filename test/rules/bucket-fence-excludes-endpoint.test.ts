import { describe, expect, it } from 'vitest';
import rule from '../../rules/bucket-fence-excludes-endpoint.js';
import { placeholderName } from '../../src/model/placeholders.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { bucketWithPolicyResource, doc, denyOutsideEndpoint } from '../policy/rule-helpers.js';

const ADMIN = 'arn:aws:iam::111122223333:role/platform-admin';

/** An endpoint policy that lets the account read and write one bucket (or what a pattern names). */
function endpointPolicy(resource: string): string {
  return doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${resource}`, `arn:aws:s3:::${resource}/*`] });
}

/**
 * Two VPCs with an S3 gateway endpoint each, vpce-0core (known) and a second one (`newId`: its id, known or
 * undefined for one the plan creates); both endpoint policies name `acme-data` (or `named` for the second), and
 * the bucket policy is `bucketPolicy`.
 */
function network(bucketPolicy: (ids: { core: string; other: string }) => string, options: { newId?: string; named?: string; placeholders?: boolean } = {}) {
  const b = new InventoryBuilder('eu-west-1');
  const coreVpc = b.vpc('core');
  coreVpc.ref.id = 'vpc-0core';
  const otherVpc = b.vpc('other');
  if (options.newId) otherVpc.ref.id = 'vpc-0other';
  const core = b.endpoint(coreVpc, 's3', { name: 'core', policyText: endpointPolicy('acme-data') });
  core.ref.id = 'vpce-0core';
  const other = b.endpoint(otherVpc, 's3', { name: 'other', policyText: endpointPolicy(options.named ?? 'acme-data') });
  if (options.newId) other.ref.id = options.newId;
  const otherId = options.newId ?? placeholderName(other.ref.key, 'id');
  const placeholders = options.placeholders ? { [placeholderName(other.ref.key, 'id')]: [other.ref.key] } : undefined;
  const bucket = bucketWithPolicyResource(b, 'acme-data', bucketPolicy({ core: 'vpce-0core', other: otherId }), undefined, placeholders);
  bucket.ref.account = '111122223333';
  return b.inv;
}

const fence = (endpoints: string[], extra: object = {}) => doc(denyOutsideEndpoint('acme-data', endpoints as unknown as string, extra));
const exempt = { ArnNotLike: { 'aws:PrincipalArn': ADMIN } };

describe('bucket-fence-excludes-endpoint', () => {
  testRule(rule, {
    valid: [
      { name: 'the fence lists both endpoints', inventory: () => network((ids) => fence([ids.core, 'vpce-0other'], exempt), { newId: 'vpce-0other' }) },
      { name: 'the fence references the endpoint the plan creates', inventory: () => network((ids) => fence([ids.core, ids.other], exempt), { placeholders: true }) },
      { name: 'the fence is on the VPC, and lists both', inventory: () => network(() => doc({ ...denyOutsideEndpoint('acme-data', 'x'), Condition: { StringNotEquals: { 'aws:SourceVpc': ['vpc-0core', 'vpc-0other'] } } }), { newId: 'vpce-0other' }) },
      { name: 'the other endpoint names the bucket by a pattern only (acme-*): not an endpoint for this bucket in particular', inventory: () => network((ids) => fence([ids.core]), { newId: 'vpce-0other', named: 'acme-*' }) },
      { name: 'the other endpoint names another bucket', inventory: () => network((ids) => fence([ids.core]), { newId: 'vpce-0other', named: 'acme-logs' }) },
      {
        name: 'an endpoint of another service, whose policy names the bucket: S3 requests do not go through it',
        inventory: () => {
          const inv = network((ids) => fence([ids.core]), { newId: 'vpce-0other' });
          const other = inv.vpcEndpoints.get('aws_vpc_endpoint.other')!;
          other.service = { ...other.service!, service: 'sts', family: undefined };
          other.type = 'Interface';
          return inv;
        },
      },
      {
        name: 'a gateway endpoint of another region: it does not carry requests for this bucket',
        inventory: () => {
          const inv = network((ids) => fence([ids.core]), { newId: 'vpce-0other' });
          inv.buckets.get('aws_s3_bucket.acme_data')!.ref.region = 'eu-west-1';
          inv.vpcEndpoints.get('aws_vpc_endpoint.other')!.service!.region = 'us-east-1';
          return inv;
        },
      },
      { name: 'no fence: another rule\'s question', inventory: () => network(() => doc({ Effect: 'Allow', Principal: { AWS: ADMIN }, Action: 's3:*', Resource: 'arn:aws:s3:::acme-data/*' }), { newId: 'vpce-0other' }) },
      { name: 'the fence exempts every role of the account by pattern: the endpoint\'s users get through', inventory: () => network((ids) => fence([ids.core], { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/*' } }), { newId: 'vpce-0other' }) },
      { name: 'the fence exempts the organization\'s principals: the plain request is denied, the search finds one of the organization that is not', inventory: () => network((ids) => fence([ids.core], { StringNotEquals: { 'aws:SourceVpce': ids.core, 'aws:PrincipalOrgID': 'o-123example' } }), { newId: 'vpce-0other' }) },
      { name: 'the fence denies only deletes: reads and writes get through', inventory: () => network((ids) => doc({ ...denyOutsideEndpoint('acme-data', ids.core), Action: 's3:DeleteObject' }), { newId: 'vpce-0other' }) },
    ],
    invalid: [
      {
        name: 'an existing endpoint left out of the fence (known ids)',
        inventory: () => network((ids) => fence([ids.core], exempt), { newId: 'vpce-0other' }),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', related: ['aws_s3_bucket.acme_data', 'aws_vpc_endpoint.other', 'aws_vpc.other'], messageIncludes: ['denies every request through aws_vpc_endpoint.other (VPC aws_vpc.other)', 'statement "Access-to-specific-VPCE-only" (#1)', 'Add "vpce-0other" to the aws:SourceVpce values of the fence'] }],
      },
      {
        name: 'an endpoint the plan creates, left out of a fence of known ids: a new id is none of them',
        inventory: () => network((ids) => fence([ids.core], exempt)),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['is new: none of the ids the policy names', 'Add "${aws_vpc_endpoint.other.id}"'] }],
      },
      {
        name: 'a fence on aws:SourceVpc that lists the other VPC only',
        inventory: () => network(() => doc({ ...denyOutsideEndpoint('acme-data', 'x'), Condition: { StringNotEquals: { 'aws:SourceVpc': ['vpc-0core'] } } }), { newId: 'vpce-0other' }),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['Add "vpc-0other" to the aws:SourceVpc values of the fence'] }],
      },
      {
        name: 'a fence on aws:SourceVpc beside an Allow on aws:SourceVpce: the fix names the key the fence compares',
        inventory: () =>
          network(
            (ids) =>
              doc(
                { Effect: 'Allow', Principal: { AWS: ADMIN }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/*', Condition: { StringEquals: { 'aws:SourceVpce': ids.core } } },
                { ...denyOutsideEndpoint('acme-data', 'x'), Condition: { StringNotEquals: { 'aws:SourceVpc': ['vpc-0core'] } } },
              ),
            { newId: 'vpce-0other' },
          ),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['(statement "Access-to-specific-VPCE-only" (#2))', 'Add "vpc-0other" to the aws:SourceVpc values of the fence'] }],
      },
    ],
  });

  it('an endpoint the plan creates, against a fence with a pattern: not evaluated, said once', () => {
    const result = runRule(rule, network((ids) => fence([ids.core], { StringNotLike: { 'aws:SourceVpce': 'vpce-0a*' } })));
    expect(result.findings).toEqual([]);
    expect(result.diagnostics.filter((d) => d.code === 'not-evaluated').map((d) => d.message)).toEqual([
      expect.stringContaining('whether the bucket policy of aws_s3_bucket.acme_data admits aws_vpc_endpoint.other, whose policy names the bucket, was not evaluated'),
    ]);
  });
});
