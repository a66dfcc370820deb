import {
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  type PublicAccessBlockConfiguration,
  type Tag,
} from '@aws-sdk/client-s3';
import type { Ref } from '../../model/ref.js';
import type { Clients } from './clients.js';
import { allPages, type Read, type Reader } from './reader.js';

export interface S3Bucket {
  name: string;
  region: string;
  /** undefined: the bucket has no policy (NoSuchBucketPolicy). */
  policy: Read<string | undefined>;
  publicAccessBlock: Read<PublicAccessBlockConfiguration | undefined>;
  tags: Read<Tag[]>;
}

export interface S3Account {
  account: string;
  listed: Read<S3Bucket[]>;
}

/**
 * Lists the account's buckets once (with their regions) and reads each bucket
 * of a scanned region through a client of that region, as S3 requires.
 */
export async function readBuckets(clients: Clients, reader: Reader, account: string, partition: string, homeRegion: string, regions: ReadonlySet<string>, onRegionDone?: (region: string) => void): Promise<S3Account> {
  const listed = await reader.read({ action: 's3:ListAllMyBuckets', account, region: homeRegion, what: 'the S3 buckets' }, () =>
    allPages(paginateListBuckets({ client: clients.s3(homeRegion), pageSize: 1000 }, {}), (p) => p.Buckets));
  if (!listed.ok) {
    for (const region of regions) onRegionDone?.(region);
    return { account, listed };
  }
  const located = await Promise.all(listed.value.map(async (b) => ({ name: b.Name!, region: b.BucketRegion ?? (await locate(clients, reader, account, homeRegion, b.Name!)) })));
  const byRegion = new Map<string, string[]>();
  for (const b of located) if (b.region && regions.has(b.region)) byRegion.set(b.region, [...(byRegion.get(b.region) ?? []), b.name]);
  const perRegion = await Promise.all([...regions].map(async (region) => {
    const buckets = await Promise.all((byRegion.get(region) ?? []).map((name) => readBucket(clients, reader, account, partition, region, name)));
    onRegionDone?.(region);
    return buckets;
  }));
  return { account, listed: { ok: true, value: perRegion.flat() } };
}

/** Older S3-compatible endpoints leave out BucketRegion: ask the bucket. */
async function locate(clients: Clients, reader: Reader, account: string, homeRegion: string, name: string): Promise<string | undefined> {
  const r = await reader.read({ action: 's3:GetBucketLocation', account, region: homeRegion, what: `the region of bucket ${name}` }, async () => {
    const out = await clients.s3(homeRegion).send(new GetBucketLocationCommand({ Bucket: name }));
    const c = out.LocationConstraint as string | undefined;
    return !c ? 'us-east-1' : c === 'EU' ? 'eu-west-1' : c;
  });
  return r.ok ? r.value : undefined;
}

async function readBucket(clients: Clients, reader: Reader, account: string, partition: string, region: string, name: string): Promise<S3Bucket> {
  const client = clients.s3(region);
  const subject = bucketRef(partition, account, region, name);
  const spec = (action: string, what: string) => ({ action: `s3:${action}`, account, region, what: `${what} of bucket ${name}`, subject });
  const [policy, publicAccessBlock, tags] = await Promise.all([
    reader.read(spec('GetBucketPolicy', 'the bucket policy'), async () => (await client.send(new GetBucketPolicyCommand({ Bucket: name }))).Policy, {
      answers: { NoSuchBucketPolicy: undefined },
    }),
    reader.read(spec('GetBucketPublicAccessBlock', 'the public access block'), async () => (await client.send(new GetPublicAccessBlockCommand({ Bucket: name }))).PublicAccessBlockConfiguration, {
      answers: { NoSuchPublicAccessBlockConfiguration: undefined },
    }),
    reader.read(spec('GetBucketTagging', 'the tags'), async () => (await client.send(new GetBucketTaggingCommand({ Bucket: name }))).TagSet ?? [], {
      answers: { NoSuchTagSet: [] },
    }),
  ]);
  return { name, region, policy, publicAccessBlock, tags };
}

/** A bucket's ref: keyed by its ARN, with the name as id. */
export function bucketRef(partition: string, account: string, region: string, name: string): Ref {
  const arn = `arn:${partition}:s3:::${name}`;
  return { key: arn, kind: 'bucket', type: 'aws_s3_bucket', id: name, arn, account, region };
}
