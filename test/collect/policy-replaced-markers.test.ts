import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, inventoryOf, inventoryWithSources } from '../helpers/fixtures.js';

/**
 * terraform-aws-modules/s3-bucket's shape (fixtures/policy-replaced-markers): documents that name the bucket by a
 * marker, replaced with the bucket's ARN, known only after apply, in a local the plan does not record.
 */
const BUCKET = 'module.data_bucket.aws_s3_bucket.this[0]';

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
});
