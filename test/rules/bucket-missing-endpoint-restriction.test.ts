import { describe, expect, it } from 'vitest';
import allowOnly from '../../rules/bucket-endpoint-allow-only.js';
import rule from '../../rules/bucket-missing-endpoint-restriction.js';
import type { ScanSettings } from '../../src/engine/rule.js';
import { judgedBucket } from '../../rules/lib/policy-buckets.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { doc, denyOutsideEndpoint, realworld } from '../policy/rule-helpers.js';

/** An S3 endpoint whose policy names the bucket (so the bucket must be private), and the bucket with a policy. */
function namedByEndpoint(bucketPolicy?: string, name = 'acme-data') {
  const b = new InventoryBuilder();
  b.endpoint(b.vpc(), 's3', { name: 's3', policyText: doc({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`] }) });
  b.bucket(name, bucketPolicy);
  return b;
}

const byName: ScanSettings = { privateBuckets: { names: ['acme-*-private'], tags: {} } };
const byTag: ScanSettings = { privateBuckets: { names: [], tags: { classification: 'confidential*' } } };

describe('bucket-missing-endpoint-restriction', () => {
  testRule(rule, {
    valid: [
      { name: 'S3 guide: Deny unless aws:SourceVpce', inventory: () => namedByEndpoint(realworld('awsdocs_s3guide_restrict_to_vpce-1a2b3c4d.json').replace(/DOC-EXAMPLE-BUCKET/g, 'acme-data')).inv },
      { name: 'VPC guide: Deny unless aws:sourceVpc (any network key counts)', inventory: () => namedByEndpoint(realworld('awsdocs_vpcguide_bucket_policy_restrict_to_vpc-111bbb22.json').replace(/my_secure_bucket/g, 'acme-data')).inv },
      { name: 'data perimeter bucket policy (IfExists forms, tagged principals)', inventory: () => namedByEndpoint(realworld('dpe_legacy_resource_based_policies__s3_bucket_policy.json').replace(/<my-data-bucket>/g, 'acme-data')).inv },
      { name: 'a Deny on aws:VpceOrgID', inventory: () => namedByEndpoint(doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::acme-data/*'], Condition: { StringNotEqualsIfExists: { 'aws:VpceOrgID': 'o-abc123' } } })).inv },
      {
        name: 'a bucket no endpoint policy names and no config selects: not asked to be private',
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc(), 's3', { policyText: doc({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }) });
          b.bucket('public-assets');
          return b.inv;
        },
      },
      {
        name: 'a Deny of s3:* on the objects alone fences the data (ListBucket from outside stays open, the objects do not)',
        inventory: () => namedByEndpoint(doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-data/*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })).inv,
      },
      {
        name: 'the fence admits another endpoint: still a fence (which endpoint it admits is another question)',
        inventory: () => namedByEndpoint(doc(denyOutsideEndpoint('acme-data', 'vpce-0somewhereelse0'))).inv,
      },
    ],
    invalid: [
      {
        name: 'a Deny of s3:* on the bucket ARN alone (the "/*" forgotten) stops ListBucket and PutBucketPolicy from outside, but every object stays reachable: no fence',
        inventory: () => namedByEndpoint(doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-data', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })).inv,
        findings: [{
          primary: 'aws_s3_bucket.acme_data',
          messageIncludes: ['statement #1 denies only requests on the bucket itself (such as s3:ListBucket and s3:PutBucketPolicy), not on its objects: its Resource names "arn:aws:s3:::acme-data" but not "arn:aws:s3:::acme-data/*"', 'add "arn:aws:s3:::acme-data/*" to its Resource'],
        }],
      },
      {
        name: 'named by the endpoint policy, no bucket policy',
        inventory: () => namedByEndpoint().inv,
        findings: [{ primary: 'aws_s3_bucket.acme_data', related: ['aws_vpc_endpoint.s3'], messageIncludes: ['named by the policy of aws_vpc_endpoint.s3', 'has no bucket policy', '"aws:SourceVpce": ["${aws_vpc_endpoint.s3.id}"]'] }],
      },
      {
        name: 'named by the endpoint policy; the bucket policy denies only plain HTTP',
        inventory: () => namedByEndpoint(doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-data/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })).inv,
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['denies nothing on aws:SourceVpce'] }],
      },
      {
        name: 'a Deny keyed on aws:SourceVpce that denies only requests FROM an endpoint is no fence',
        inventory: () => namedByEndpoint(doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-data/*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0bad' } } })).inv,
        findings: [{ primary: 'aws_s3_bucket.acme_data' }],
      },
      {
        name: 'object actions denied on the bucket ARN alone (the "/*" forgotten): IAM authorizes them on object ARNs, so the Deny never applies',
        inventory: () => namedByEndpoint(doc({ Effect: 'Deny', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::acme-data', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })).inv,
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['no Deny of its bucket policy keyed on a network perimeter key denies requests from outside the network', 'statement #1 denies nothing: its actions are authorized on objects', 'add "arn:aws:s3:::acme-data/*" to its Resource'] }],
      },
      {
        name: 'bucket actions denied on the objects alone: never applies either',
        inventory: () => namedByEndpoint(doc({ Effect: 'Deny', Principal: '*', Action: ['s3:ListBucket', 's3:PutBucketPolicy'], Resource: 'arn:aws:s3:::acme-data/*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })).inv,
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['its actions are authorized on the bucket ARN', 'add "arn:aws:s3:::acme-data" to its Resource'] }],
      },
      {
        name: 'ForAnyValue:StringNotEquals on aws:SourceVpce: false on a missing key, so internet requests are never denied',
        inventory: () => namedByEndpoint(doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-data/*'], Condition: { 'ForAnyValue:StringNotEquals': { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })).inv,
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['statement #1 applies only to requests through a VPC endpoint', 'carries no aws:SourceVpce', '"ForAnyValue:StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"} is then false'] }],
      },
      {
        name: 'StringNotEquals with Null "false": denies other endpoints only, never the internet',
        inventory: () => namedByEndpoint(doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-data/*'], Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, Null: { 'aws:SourceVpce': 'false' } } })).inv,
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['"Null": {"aws:SourceVpce": "false"} is then false'] }],
      },
      {
        name: 'an endpoint policy naming buckets by pattern',
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc(), 's3', { name: 's3', policyText: doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-*/*' }) });
          b.bucket('acme-logs');
          b.bucket('other-team');
          return b.inv;
        },
        findings: [{ primary: 'aws_s3_bucket.acme_logs' }],
      },
      {
        name: 'selected by a name pattern in the config',
        inventory: () => {
          const b = new InventoryBuilder();
          b.bucket('acme-hr-private');
          b.bucket('acme-www');
          return b.inv;
        },
        settings: byName,
        findings: [{ primary: 'aws_s3_bucket.acme_hr_private', messageIncludes: ['selected by the name pattern "acme-*-private" of privateBuckets'] }],
      },
      {
        name: 'selected by a tag in the config',
        inventory: () => {
          const b = new InventoryBuilder();
          b.bucket('ledger').tags = { classification: 'confidential-finance' };
          b.bucket('www').tags = { classification: 'public' };
          return b.inv;
        },
        settings: byTag,
        findings: [{ primary: 'aws_s3_bucket.ledger', messageIncludes: ['the tag classification=confidential*'] }],
      },
    ],
  });
});

describe('bucket-missing-endpoint-restriction: buckets the plan only reads', () => {
  function dataBucket() {
    const b = namedByEndpoint();
    const bucket = b.inv.buckets.get('aws_s3_bucket.acme_data')!;
    bucket.ref.type = 'data.aws_s3_bucket';
    bucket.policy = { kind: 'unknown', reason: 'data.aws_s3_bucket.acme_data is a data source; its bucket policy is not in the plan', holder: bucket.ref, attribute: 'policy' };
    return b.inv;
  }
  it('a private bucket read by a data source: its policy is not in the plan, so not evaluated', () => {
    const r = runRule(rule, dataBucket());
    expect(r.findings).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.subject?.key])).toEqual([['not-evaluated', 'aws_s3_bucket.acme_data']]);
  });
  it('the other policy rules leave buckets the plan does not manage alone', () => {
    const r = runRule(allowOnly, dataBucket());
    expect(r.diagnostics).toEqual([]);
  });
});

describe('bucket-missing-endpoint-restriction: a plan\'s placeholder for the bucket\'s ARN, written whole', () => {
  // The plan alone writes `aws_s3_bucket.x.arn` and `"${aws_s3_bucket.x.arn}/*"` both as the ARN's placeholder.
  const ARN = '<known after apply: aws_s3_bucket.acme_data.arn>';
  function withPlaceholder(statement: object) {
    const b = namedByEndpoint(doc(statement));
    const bucket = b.inv.buckets.get('aws_s3_bucket.acme_data')!;
    if (bucket.policy.kind === 'document') bucket.policy.placeholders = { [ARN]: ['aws_s3_bucket.acme_data'] };
    return b.inv;
  }
  const fence = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ARN, Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } };

  it('a fence through it is one if it names the objects, none if the bucket ARN: not evaluated, saying why', () => {
    const r = runRule(rule, withPlaceholder(fence));
    expect(r.findings).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.subject?.key, d.message])).toEqual([
      ['not-evaluated', 'aws_s3_bucket.acme_data', 'the bucket policy of aws_s3_bucket.acme_data was not evaluated: the plan records only that a Resource of it is built from aws_s3_bucket.acme_data.arn, known only after apply, not whether it names the bucket or its objects ("/*" after the ARN), and the two give different verdicts; the .tf files beside the plan say which (--source-root)'],
    ]);
  });

  it('a verdict both readings give stands: a Deny of plain HTTP fences neither part', () => {
    const r = runRule(rule, withPlaceholder({ ...fence, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    expect(r.findings.map((f) => f.primary.key)).toEqual(['aws_s3_bucket.acme_data']);
    expect(r.diagnostics).toEqual([]);
  });

  it('each reading writes the ARN, or its objects, wherever the placeholder was written (a condition too)', () => {
    const inv = withPlaceholder({ ...fence, Condition: { ...fence.Condition, ArnEquals: { 'aws:ResourceArn': ARN } } });
    const j = judgedBucket(inv.buckets.get('aws_s3_bucket.acme_data')!);
    if (!j || 'diagnostic' in j) throw new Error('not judged');
    expect(j.readings!.map((r) => [r.policy.statements[0]!.resource, r.policy.statements[0]!.conditions.find((c) => c.keyLower === 'aws:resourcearn')!.values, r.resources])).toEqual([
      [['arn:aws:s3:::acme-data'], ['arn:aws:s3:::acme-data'], ['arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-data/vpcelint-object']],
      [['arn:aws:s3:::acme-data/*'], ['arn:aws:s3:::acme-data/*'], ['arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-data/vpcelint-object']],
    ]);
  });
});

describe('bucket-missing-endpoint-restriction in GovCloud (partition aws-us-gov)', () => {
  /** A GovCloud bucket an endpoint policy names; `region` undefined: a provider whose region the plan does not record. */
  function inGovCloud(bucketPolicy: string, region: string | undefined = 'us-gov-west-1') {
    const b = new InventoryBuilder('us-gov-west-1');
    b.endpoint(b.vpc(), 's3', { name: 's3', policyText: doc({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: ['arn:aws-us-gov:s3:::acme-data', 'arn:aws-us-gov:s3:::acme-data/*'] }) });
    const bucket = b.bucket('acme-data', bucketPolicy);
    if (region === undefined) delete bucket.ref.region;
    return b.inv;
  }
  const fence = (...resource: string[]) => doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: resource, Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } });

  testRule(rule, {
    valid: [
      { name: 'a fence written in the partition', inventory: () => inGovCloud(fence('arn:aws-us-gov:s3:::acme-data', 'arn:aws-us-gov:s3:::acme-data/*')) },
      { name: 'the region unknown: the partition the policy writes', inventory: () => inGovCloud(fence('arn:aws-us-gov:s3:::acme-data/*'), undefined) },
    ],
    invalid: [
      {
        name: 'a fence copied from a commercial example names no bucket here: no fence, and the message says why',
        inventory: () => inGovCloud(fence('arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-data/*')),
        findings: [{
          primary: 'aws_s3_bucket.acme_data',
          messageIncludes: ['statement #1 applies to no S3 request on this bucket: its Resource "arn:aws:s3:::acme-data" is an ARN of the aws partition, and the bucket is in aws-us-gov; write "arn:aws-us-gov:s3:::acme-data" and "arn:aws-us-gov:s3:::acme-data/*"'],
        }],
      },
      {
        name: 'the "/*" forgotten: the fix is written in the partition',
        inventory: () => inGovCloud(fence('arn:aws-us-gov:s3:::acme-data')),
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['add "arn:aws-us-gov:s3:::acme-data/*" to its Resource'] }],
      },
    ],
  });
});
