import type { Ref } from './ref.js';

/**
 * The partition of a region, as the AWS SDK's partition table has it
 * (`regionRegex` of each partition): `arn:aws-us-gov:s3:::b` is a bucket in
 * GovCloud, and a policy there that writes `arn:aws:s3:::b` names nothing.
 */
export function partitionOfRegion(region: string): string {
  const r = region.toLowerCase();
  if (r.startsWith('us-gov-')) return 'aws-us-gov';
  if (r.startsWith('cn-')) return 'aws-cn';
  if (r.startsWith('us-iso-')) return 'aws-iso';
  if (r.startsWith('us-isob-')) return 'aws-iso-b';
  if (r.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (r.startsWith('us-isof-')) return 'aws-iso-f';
  if (r.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

/** A region of each partition: the region of a stand-in resource, which must be one of the partition's. */
const A_REGION: Readonly<Record<string, string>> = {
  aws: 'us-east-1',
  'aws-us-gov': 'us-gov-west-1',
  'aws-cn': 'cn-north-1',
  'aws-iso': 'us-iso-east-1',
  'aws-iso-b': 'us-isob-east-1',
  'aws-iso-e': 'eu-isoe-west-1',
  'aws-iso-f': 'us-isof-south-1',
  'aws-eusc': 'eusc-de-east-1',
};

/** A region of a partition (us-east-1 for one this table does not know). */
export function aRegionOf(partition: string): string {
  return A_REGION[partition] ?? 'us-east-1';
}

/** The partition an ARN is in; undefined for what is no ARN. */
export function partitionOfArn(arn: string): string | undefined {
  const m = /^arn:([^:*?$]+):/.exec(arn);
  return m?.[1];
}

/** The partition a node is in: its ARN's (live scans), else its region's; undefined when neither is known. */
export function partitionOfRef(ref: Pick<Ref, 'arn' | 'region'>): string | undefined {
  return (ref.arn !== undefined ? partitionOfArn(ref.arn) : undefined) ?? (ref.region !== undefined ? partitionOfRegion(ref.region) : undefined);
}

/**
 * The one partition a set of ARNs is written in (a policy's Resource values),
 * when they agree; undefined when they name none or several.
 */
export function writtenPartition(values: Iterable<string>): string | undefined {
  let found: string | undefined;
  for (const v of values) {
    const p = partitionOfArn(v);
    if (p === undefined) continue;
    if (found !== undefined && found !== p) return undefined;
    found = p;
  }
  return found;
}

/**
 * The partition of a resource a policy is about: the node's own, else the
 * one the policy's ARNs are written in (a provider whose region comes from
 * the environment leaves the plan without one), else the commercial one.
 */
export function partitionFor(ref: Pick<Ref, 'arn' | 'region'>, written: Iterable<string>): string {
  return partitionOfRef(ref) ?? writtenPartition(written) ?? 'aws';
}

/** `arn:<partition>:s3:::<name>`, the ARN of a bucket; with a key, of an object in it. */
export function s3Arn(partition: string, name: string, key?: string): string {
  return `arn:${partition}:s3:::${name}${key !== undefined ? `/${key}` : ''}`;
}
