import { partitionOfRegion, s3Arn } from '../../model/partition.js';
import type { BuildContext } from './context.js';
import { attr, type Instance } from './instances.js';
import { placeholderFor } from './plan-placeholders.js';

/**
 * What a bucket's name and ARN are while planning, although the provider
 * reports `id` and `arn` only after apply: the id is the name, and the ARN
 * is the name in the partition. Written out, the ARN tells the bucket from
 * its objects (`"${aws_s3_bucket.x.arn}/*"`), which a placeholder for the
 * whole ARN cannot. The partition is the region's (GovCloud's buckets are
 * `arn:aws-us-gov:s3:::<name>`); with the region unknown, undefined.
 *
 * In a policy (`inPolicy`), a name known only after apply (`bucket_prefix`,
 * a random suffix) is one placeholder, whichever attribute reads it, so that
 * `aws_s3_bucket.x.arn` and `"arn:aws:s3:::${aws_s3_bucket.x.id}/*"` are one
 * bucket, as they are in AWS. A link reads ids as ids: a name is not one.
 */
export function bucketValue(ctx: BuildContext, inst: Instance, attribute: string, inPolicy: boolean): { value: string; placeholders: Record<string, string[]> } | undefined {
  if (inst.type !== 'aws_s3_bucket' || !(attribute === 'arn' || (inPolicy && (attribute === 'id' || attribute === 'bucket')))) return undefined;
  const known = attr(inst, 'bucket');
  const name = typeof known === 'string' && known !== '' ? { value: known, placeholders: {} } : inPolicy ? nameAfterApply(ctx, inst) : undefined;
  if (!name || attribute !== 'arn') return name;
  const region = ctx.regions.regionOf(inst);
  if (region === undefined) return undefined;
  return { value: s3Arn(partitionOfRegion(region), name.value), placeholders: name.placeholders };
}

function nameAfterApply(ctx: BuildContext, inst: Instance): { value: string; placeholders: Record<string, string[]> } {
  const { name, keys } = placeholderFor(ctx, inst, 'bucket');
  return { value: name, placeholders: { [name]: keys } };
}
