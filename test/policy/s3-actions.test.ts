import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { OUT, s3ActionsCode } from '../../scripts/gen-s3-actions.mjs';
import { BUCKET_VOCABULARY, bucketPartOf, bucketVocabulary, partsOf, requestExists } from '../../src/policy/bucket-parts.js';
import { mustParse } from './helpers.js';
import { ROOT } from '../helpers/fixtures.js';

describe('which part of a bucket each S3 action acts on (scripts/gen-s3-actions.mjs)', () => {
  it('the committed table is what the script makes of the Service Authorization Reference data: run it after updating the package', async () => {
    expect(readFileSync(join(ROOT, OUT as string), 'utf8')).toBe(await (s3ActionsCode as () => Promise<string>)());
  });

  it('object actions on object ARNs, bucket actions on the bucket ARN, account actions on neither', () => {
    expect(partsOf('s3:GetObject')).toEqual(['object']);
    expect(partsOf('S3:getobject')).toEqual(['object']);
    expect(partsOf('s3:AbortMultipartUpload')).toEqual(['object']);
    expect(partsOf('s3:ListBucket')).toEqual(['bucket']);
    expect(partsOf('s3:PutBucketPolicy')).toEqual(['bucket']);
    expect(partsOf('s3:ListAllMyBuckets')).toEqual([]);
    expect(partsOf('s3:VpcelintOtherAction')).toBeUndefined();
    expect(BUCKET_VOCABULARY).toContain('s3:GetObject');
    expect(BUCKET_VOCABULARY).not.toContain('s3:ListAllMyBuckets');
  });

  it('a request exists only where IAM authorizes the action; a placeholder is either part; unknown names only when written out', () => {
    expect(bucketPartOf('arn:aws:s3:::b')).toBe('bucket');
    expect(bucketPartOf('arn:aws:s3:::b/k/l')).toBe('object');
    expect(bucketPartOf('<known after apply: aws_s3_bucket.b.arn>')).toBeUndefined();
    // A name known only after apply, inside the ARN: read whole, a "/" in its for_each key included.
    expect(bucketPartOf('arn:aws:s3:::<known after apply: aws_s3_bucket.b["x/y"].bucket>')).toBe('bucket');
    expect(bucketPartOf('arn:aws:s3:::<known after apply: aws_s3_bucket.b["x/y"].bucket>/*')).toBe('object');
    const none = new Set<string>();
    expect(requestExists('s3:GetObject', 'arn:aws:s3:::b/k', none)).toBe(true);
    expect(requestExists('s3:GetObject', 'arn:aws:s3:::b', none)).toBe(false);
    expect(requestExists('s3:PutBucketPolicy', 'arn:aws:s3:::b/k', none)).toBe(false);
    expect(requestExists('s3:GetObject', '<known after apply: aws_s3_bucket.b.arn>', none)).toBe(true);
    expect(requestExists('s3:ListAllMyBuckets', '<known after apply: aws_s3_bucket.b.arn>', none)).toBe(false);
    expect(requestExists('ec2:RunInstances', 'arn:aws:s3:::b', none)).toBe(false);
    expect(requestExists('s3:GetObjectVpcelintq', 'arn:aws:s3:::b', none)).toBe(false);
    expect(requestExists('s3:FutureAction', 'arn:aws:s3:::b', new Set(['s3:futureaction']))).toBe(true);
  });

  it("a policy's bucket questions need one action per part and per set of statements matching it", () => {
    const policy = mustParse({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }, { Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:List*'], Resource: '*' }] });
    const v = bucketVocabulary(policy);
    // Per part: matched by both statements (ListBucket; GetObject, or ListMultipartUploadParts alike) or by the Deny alone.
    expect(v).toHaveLength(4);
    expect(v).toContain('s3:GetObject');
    expect(new Set(v.map((a) => partsOf(a)![0]))).toEqual(new Set(['bucket', 'object']));
  });
});
