import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editedIn, FIXTURES, inventoryOf, inventoryWithSources, scratchCopies } from '../helpers/fixtures.js';

/**
 * terraform-aws-modules/s3-bucket's shape (fixtures/policy-replaced-markers): documents that name the bucket by a
 * marker, replaced with the bucket's ARN, known only after apply, in a local the plan does not record.
 */
const BUCKET = 'module.data_bucket.aws_s3_bucket.this[0]';
const FENCED = 'module.fenced_bucket.aws_s3_bucket.this[0]';
const PREFIXED = 'module.prefixed_bucket.aws_s3_bucket.this[0]';

const copyOf = scratchCopies('vpcelint-markers-');

describe('policies whose markers replace() fills with values known only after apply', () => {
  it('the plan alone: not evaluated', () => {
    expect(inventoryOf('policy-replaced-markers').buckets.get(BUCKET)!.policy).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('local.policy, which the plan does not record') });
  });

  it('from the source: the markers replaced with the bucket\'s ARN', async () => {
    const policy = (await inventoryWithSources(join(FIXTURES, 'policy-replaced-markers'))).buckets.get(BUCKET)!.policy;
    if (policy.kind !== 'document') throw new Error(policy.kind === 'unknown' ? policy.reason : policy.kind);
    // In the provider's order of the document's resources, as the plan has its json.
    expect(JSON.parse(policy.text).Statement).toEqual([
      expect.objectContaining({ Sid: 'denyInsecureTransport', Effect: 'Deny', Resource: ['arn:aws:s3:::marker-data/*', 'arn:aws:s3:::marker-data'] }),
    ]);
  });

  it('a fence the caller passes, through an endpoint the plan creates: replace() is exact, as the endpoint\'s id cannot hold the marker', async () => {
    const policy = (await inventoryWithSources(join(FIXTURES, 'policy-replaced-markers'))).buckets.get(FENCED)!.policy;
    if (policy.kind !== 'document') throw new Error(policy.kind === 'unknown' ? policy.reason : policy.kind);
    expect(JSON.parse(policy.text).Statement[1]).toMatchObject({
      Sid: 'DenyOutsideEndpoint',
      Resource: ['arn:aws:s3:::marker-fenced', 'arn:aws:s3:::marker-fenced/*'],
      Condition: { StringNotEquals: { 'aws:SourceVpce': '<known after apply: aws_vpc_endpoint.s3.id>' } },
    });
    // The bucket's id was read for a marker the text does not have: it stands for nothing in the policy, and must not
    // be taken for the bucket's resources (the fence would then apply to no request on it).
    expect(policy.placeholders).toEqual({ '<known after apply: aws_vpc_endpoint.s3.id>': ['aws_vpc_endpoint.s3'] });
  });

  it('a bucket named only after apply: the ARN marker is sought in a text that holds its name, which cannot hold a marker', async () => {
    const policy = (await inventoryWithSources(join(FIXTURES, 'policy-replaced-markers'))).buckets.get(PREFIXED)!.policy;
    if (policy.kind !== 'document') throw new Error(policy.kind === 'unknown' ? policy.reason : policy.kind);
    const name = '<known after apply: module.prefixed_bucket.aws_s3_bucket.this[0].bucket>';
    expect(JSON.parse(policy.text).Statement.map((s: { Resource: string[] }) => [...s.Resource].sort())).toEqual([
      [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
      [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
    ]);
    expect(policy.placeholders?.[name]).toEqual([PREFIXED]);
  });

  it('a marker sought with a regular expression is not evaluated, saying where and why', async () => {
    const dir = editedIn(copyOf(join(FIXTURES, 'policy-replaced-markers')), 'modules/bucket/main.tf', '"_S3_BUCKET_ARN_", local.policy_placeholders', '"/_S3_BUCKET_ARN_/", local.policy_placeholders');
    const policy = (await inventoryWithSources(dir)).buckets.get(BUCKET)!.policy;
    // The plan does not tell what a local is built from: the reason does not pretend to.
    expect(policy).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/^known only after apply, and its source \(modules\/bucket\/main\.tf:\d+\) cannot be evaluated from the plan: it calls replace\(\) in a way vpcelint does not evaluate$/) });
  });
});
