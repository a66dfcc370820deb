import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/cli/scan.js';
import { emptyConfig } from '../../src/config/load.js';
import { FIXTURES, inventoryOf, inventoryWithSources } from '../helpers/fixtures.js';
import type { Inventory } from '../../src/model/inventory.js';

/**
 * Buckets whose name is known only after apply (fixtures/policy-bucket-prefix): with the .tf source, a policy names
 * the bucket and its objects apart, as `arn:aws:s3:::<name>` and `arn:aws:s3:::<name>/*`.
 */
const name = (bucket: string) => `<known after apply: aws_s3_bucket.${bucket}.bucket>`;

function resources(inv: Inventory, bucket: string): unknown {
  const policy = inv.buckets.get(`aws_s3_bucket.${bucket}`)!.policy;
  if (policy.kind !== 'document') throw new Error(policy.kind === 'unknown' ? policy.reason : policy.kind);
  return (JSON.parse(policy.text) as { Statement: { Resource: unknown }[] }).Statement.map((s) => s.Resource);
}

describe('bucket policies of buckets named only after apply', () => {
  it('from the source: the ARN is the name in the partition, and id, bucket and arn read one name', async () => {
    const inv = await inventoryWithSources(join(FIXTURES, 'policy-bucket-prefix'));
    expect(resources(inv, 'fenced')).toEqual([[`arn:aws:s3:::${name('fenced')}`, `arn:aws:s3:::${name('fenced')}/*`]]);
    expect(resources(inv, 'objects_only')).toEqual([`arn:aws:s3:::${name('objects_only')}/*`]);
    expect(resources(inv, 'mixed_forms')).toEqual([[`arn:aws:s3:::${name('mixed_forms')}`, `arn:aws:s3:::${name('mixed_forms')}/*`]]);
    const mixed = inv.buckets.get('aws_s3_bucket.mixed_forms')!.policy;
    expect(mixed.kind === 'document' && mixed.placeholders).toEqual({ [name('mixed_forms')]: ['aws_s3_bucket.mixed_forms'], '<known after apply: aws_vpc_endpoint.s3.id>': ['aws_vpc_endpoint.s3'] });
    // A name known while planning is the id the provider reports only after apply.
    expect(resources(inv, 'named_by_id')).toEqual([['arn:aws:s3:::prefix-fixture-named-by-id', 'arn:aws:s3:::prefix-fixture-named-by-id/*']]);
  });

  it('from the source: a fence on the bucket ARN alone is found out, a fence on the objects alone is one', async () => {
    const report = scan(await inventoryWithSources(join(FIXTURES, 'policy-bucket-prefix')));
    const missing = report.findings.filter((f) => f.ruleId === 'bucket-missing-endpoint-restriction');
    expect(missing.map((f) => f.primary.key).sort()).toEqual(['aws_s3_bucket_policy.allow_only', 'data.aws_iam_policy_document.bucket_only', 'data.aws_iam_policy_document.tls_only']);
    expect(missing.find((f) => f.primary.key === 'data.aws_iam_policy_document.bucket_only')!.message).toContain('denies only requests on the bucket itself (such as s3:ListBucket and s3:PutBucketPolicy), not on its objects: its Resource names the bucket ARN but not the bucket ARN followed by "/*"');
    expect(report.diagnostics.filter((d) => d.code === 'not-evaluated')).toEqual([]);
  });

  it('an endpoint policy names such a bucket by the name inside its ARN', async () => {
    const inv = await inventoryWithSources(join(FIXTURES, 'policy-bucket-prefix'));
    const ep = inv.vpcEndpoints.get('aws_vpc_endpoint.s3')!.policy;
    if (ep.kind !== 'document') throw new Error(ep.kind);
    expect(JSON.parse(ep.text).Statement[0].Resource).toContain(`arn:aws:s3:::${name('bucket_only')}/*`);
    // Each bucket it names must be fenced: the allow-only one is reported as unfenced, so it was found private.
    const report = scan(inv);
    expect(report.findings.some((f) => f.ruleId === 'bucket-missing-endpoint-restriction' && f.message.includes('named by the policy of aws_vpc_endpoint.s3') && f.primary.key === 'aws_s3_bucket_policy.allow_only')).toBe(true);
  });
});

describe('the plan alone: a Resource built from the bucket\'s ARN may name the bucket or its objects', () => {
  const inv = inventoryOf('policy-bucket-prefix');
  const notes = scan(inv).diagnostics.filter((d) => d.code === 'not-evaluated');

  it('a verdict that depends on which is not evaluated, saying why and what tells', () => {
    for (const bucket of ['bucket_only', 'fenced']) {
      expect(notes.find((d) => d.subject?.key === `aws_s3_bucket.${bucket}`)?.message).toBe(
        `the bucket policy of aws_s3_bucket.${bucket} was not evaluated: the plan records only that a Resource of it is built from aws_s3_bucket.${bucket}.arn, known only after apply, not whether it names the bucket or its objects ("/*" after the ARN), and the two give different verdicts; the .tf files beside the plan say which (--source-root)`,
      );
    }
  });

  it('a verdict every reading gives stands: a TLS-only policy fences neither part', () => {
    const config = emptyConfig();
    config.settings.privateBuckets = { names: [], tags: { Reach: 'private' } };
    const report = scan(inv, config);
    expect(report.findings.filter((f) => f.ruleId === 'bucket-missing-endpoint-restriction').map((f) => f.primary.key)).toEqual(['data.aws_iam_policy_document.tls_only']);
    expect(report.diagnostics.some((d) => d.subject?.key === 'aws_s3_bucket.tls_only')).toBe(false);
  });
});
