import type { FakeAccount, FakeBucket } from './account.js';
import { ApiError, type Answer } from './protocol.js';
import { escapeXml, XML_DECL } from './xml.js';
import { paginate } from './ec2-api.js';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** The S3 REST action of a path-style request: `GET /` lists buckets, `GET /bucket?policy` reads its policy, ... */
export function s3Action(method: string, url: URL): { action: string; bucket?: string } {
  const bucket = decodeURIComponent(url.pathname.split('/')[1] ?? '') || undefined;
  if (!bucket) return { action: method === 'GET' ? 'ListBuckets' : `${method} /` };
  const q = url.searchParams;
  const sub = ['policy', 'publicAccessBlock', 'tagging', 'location'].find((k) => q.has(k));
  const names: Record<string, string> = { policy: 'GetBucketPolicy', publicAccessBlock: 'GetPublicAccessBlock', tagging: 'GetBucketTagging', location: 'GetBucketLocation' };
  if (method === 'GET' && sub) return { action: names[sub]!, bucket };
  return { action: `${method} ${sub ?? 'object'}`, bucket };
}

export function s3Answer(account: FakeAccount, region: string, action: string, bucketName: string | undefined, url: URL, requestId: string, opts: { pageSize?: Record<string, number>; omitBucketRegion?: boolean }): Answer {
  const buckets = account.buckets ?? [];
  if (action === 'ListBuckets') {
    const q = url.searchParams;
    const filtered = q.get('bucket-region') ? buckets.filter((b) => b.region === q.get('bucket-region')) : buckets;
    const max = q.get('max-buckets');
    const token = q.get('continuation-token');
    const { page, next } = paginate(filtered, 'ListBuckets', token, max === null ? undefined : Number(max), opts.pageSize?.ListBuckets);
    const items = page.map((b) => `<Bucket><Name>${escapeXml(b.name)}</Name><CreationDate>${b.creationDate ?? '2024-03-01T09:30:00.000Z'}</CreationDate>${opts.omitBucketRegion ? '' : `<BucketRegion>${b.region}</BucketRegion>`}</Bucket>`).join('');
    return xml(`<ListAllMyBucketsResult xmlns="${NS}"><Owner><ID>${'c0ffee'.repeat(10)}aabb</ID></Owner><Buckets>${items}</Buckets>${next ? `<ContinuationToken>${next}</ContinuationToken>` : ''}</ListAllMyBucketsResult>`, requestId);
  }
  const bucket = buckets.find((b) => b.name === bucketName);
  if (!bucket) throw new ApiError(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucketName ?? '' });
  if (action === 'GetBucketLocation') {
    const c = bucket.region === 'us-east-1' ? '' : bucket.region;
    return xml(`<LocationConstraint xmlns="${NS}">${c}</LocationConstraint>`, requestId);
  }
  // S3 answers only in the bucket's own region; a request signed for another one is refused.
  if (region !== bucket.region) {
    throw new ApiError(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed; the region '${region}' is wrong; expecting '${bucket.region}'`, { Region: bucket.region });
  }
  switch (action) {
    case 'GetBucketPolicy':
      if (bucket.policy === undefined) throw new ApiError(404, 'NoSuchBucketPolicy', 'The bucket policy does not exist', { BucketName: bucket.name });
      return { status: 200, headers: { 'content-type': 'application/json', 'x-amz-request-id': requestId }, body: policyText(bucket) };
    case 'GetPublicAccessBlock': {
      const p = bucket.publicAccessBlock;
      if (!p) throw new ApiError(404, 'NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', { BucketName: bucket.name });
      return xml(`<PublicAccessBlockConfiguration xmlns="${NS}"><BlockPublicAcls>${p.BlockPublicAcls}</BlockPublicAcls><IgnorePublicAcls>${p.IgnorePublicAcls}</IgnorePublicAcls><BlockPublicPolicy>${p.BlockPublicPolicy}</BlockPublicPolicy><RestrictPublicBuckets>${p.RestrictPublicBuckets}</RestrictPublicBuckets></PublicAccessBlockConfiguration>`, requestId);
    }
    case 'GetBucketTagging': {
      const tags = Object.entries(bucket.tags ?? {});
      if (tags.length === 0) throw new ApiError(404, 'NoSuchTagSet', 'The TagSet does not exist', { BucketName: bucket.name });
      return xml(`<Tagging xmlns="${NS}"><TagSet>${tags.map(([k, v]) => `<Tag><Key>${escapeXml(k)}</Key><Value>${escapeXml(v)}</Value></Tag>`).join('')}</TagSet></Tagging>`, requestId);
    }
    default:
      throw new ApiError(405, 'MethodNotAllowed', `The fake endpoint is read-only and does not answer ${action}`);
  }
}

function policyText(bucket: FakeBucket): string {
  return typeof bucket.policy === 'string' ? bucket.policy : JSON.stringify(bucket.policy);
}

function xml(body: string, requestId: string): Answer {
  return { status: 200, headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId }, body: `${XML_DECL}${body}` };
}
