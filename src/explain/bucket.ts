import type { Inventory } from '../model/inventory.js';
import type { Bucket, PolicySource, VpcEndpoint } from '../model/nodes.js';
import { displayName, type Ref } from '../model/ref.js';
import { single } from '../model/topology.js';
import { isUnknown } from '../model/unknown.js';
import { partitionFor, partitionOfRef, s3Arn } from '../model/partition.js';
import { placeholderName } from '../model/placeholders.js';
import { parsePolicyCached, writtenResources } from '../policy/index.js';
import { judge, NO_EVALUATOR, type PolicyEvaluator, type PolicyRequest, type PolicyStep } from './policy-step.js';
import { PathTracer, type PathClass, type ServicePath } from './trace.js';
import { naturalCompare } from '../util/name-list.js';

/** The S3 requests each path is judged on: read, write and list, the three a data perimeter is about. */
export const BUCKET_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket'] as const;

/** One request on one path: what the endpoint policy and the bucket policy make of it. */
export interface RequestCheck {
  action: string;
  endpoint?: PolicyStep;
  bucket: PolicyStep;
  outcome: 'allowed' | 'identity-policies-decide' | 'blocked-by-endpoint' | 'denied-by-bucket' | 'depends' | 'not-evaluated';
  /** The statement that decides, when the evaluator names one. */
  decidedBy?: string;
}

/** Subnets that reach the bucket the same way. */
export interface BucketPath {
  /** The hops after each subnet's route table. */
  path: ServicePath;
  subnets: Ref[];
  /** The route table of each subnet, in the same order (undefined where it is unknown). */
  routeTables: (Ref | undefined)[];
  /** The endpoint the requests come through, for private paths. */
  endpoint?: Ref;
  checks: RequestCheck[];
}

export interface BucketExplanation {
  name: string;
  /** Undefined when the bucket is not in the inventory (a plan sees only what it manages). */
  bucket?: Ref;
  /** Through an endpoint. */
  privatePaths: BucketPath[];
  /** Through a NAT, an internet gateway or another network. */
  publicPaths: BucketPath[];
  /** No route, or a hop that could not be known. */
  otherPaths: BucketPath[];
}

/** Which subnets reach a bucket, how, and whether the policies on each path let S3 requests through. */
export function explainBucket(inv: Inventory, name: string, evaluator: PolicyEvaluator = NO_EVALUATOR): BucketExplanation {
  const bucket = findBucket(inv, name);
  // A name known only after apply is the placeholder a policy evaluated from the .tf source writes inside the ARN.
  const bucketName = bucket ? (isUnknown(bucket.name) ? placeholderName(bucket.ref.key, 'bucket') : bucket.name) : name;
  const bucketRef: Ref = bucket?.ref ?? { key: `bucket:${name}`, kind: 'bucket', id: name };
  const policy: PolicySource = bucket?.policy ?? {
    kind: 'unknown',
    reason: `bucket ${name} is not in the scanned inventory`,
    holder: bucketRef,
    attribute: 'policy',
  };
  const tracer = new PathTracer(inv, bucket?.ref.region ? { bucketRegion: bucket.ref.region } : {});

  const groups = new Map<string, BucketPath>();
  // Natural order (priv[2] before priv[10]): the list is for people.
  for (const subnet of [...inv.subnets.values()].sort((a, b) => naturalCompare(a.ref.key, b.ref.key))) {
    const start = tracer.subnetStart(subnet);
    const path: ServicePath = start.table
      ? tracer.familyPath(start.table, 's3')
      : { service: 'S3', class: 'unknown', summary: 'route table unknown', hops: start.hops.slice(1) };
    const key = `${path.class}\u0000${path.hops.map((h) => [h.label, ...(h.notes ?? [])].join('\u0001')).join('\u0000')}`;
    let group = groups.get(key);
    if (!group) {
      const endpoint = path.hops.find((h) => h.kind === 'gateway-endpoint' || h.kind === 'interface-endpoint')?.ref;
      const ep = endpoint && inv.vpcEndpoints.get(endpoint.key);
      group = {
        path,
        subnets: [],
        routeTables: [],
        ...(endpoint ? { endpoint } : {}),
        checks: path.class === 'no-route' || path.class === 'unknown' ? [] : checks(inv, evaluator, bucketName, bucketRef, policy, ep),
      };
      groups.set(key, group);
    }
    group.subnets.push(subnet.ref);
    group.routeTables.push(start.table?.ref);
  }
  const all = [...groups.values()];
  const of = (...classes: PathClass[]) => all.filter((g) => classes.includes(g.path.class));
  return {
    name: bucketName,
    ...(bucket ? { bucket: bucket.ref } : {}),
    privatePaths: of('private'),
    publicPaths: of('nat', 'internet', 'other-network'),
    otherPaths: of('no-route', 'unknown'),
  };
}

function findBucket(inv: Inventory, name: string): Bucket | undefined {
  for (const b of inv.buckets.values()) if (!isUnknown(b.name) && b.name === name) return b;
  const ref = inv.refByKey(name);
  return ref ? inv.buckets.get(ref.key) : undefined;
}

function checks(inv: Inventory, evaluator: PolicyEvaluator, name: string, bucketRef: Ref, policy: PolicySource, ep: VpcEndpoint | undefined): RequestCheck[] {
  const vpc = ep ? single(ep.vpc, inv.vpcs) : undefined;
  const partition = partitionOfBucket(bucketRef, policy, ep);
  return BUCKET_ACTIONS.map((action) => {
    const request: PolicyRequest = {
      action,
      resource: action === 's3:ListBucket' ? s3Arn(partition, name) : s3Arn(partition, name, '*'),
      ...(ep ? { endpoint: ep.ref } : {}),
      ...(vpc && !isUnknown(vpc) ? { vpc: vpc.ref } : {}),
      ...(bucketRef.account ? { account: bucketRef.account } : {}),
      ...(bucketRef.kind === 'bucket' && inv.buckets.has(bucketRef.key) ? { bucket: bucketRef } : {}),
    };
    const endpoint = ep && ep.policySupported !== false ? judge(evaluator, 'endpoint', ep.ref, ep.policy, request) : undefined;
    const bucket = judge(evaluator, 'bucket', bucketRef, policy, request);
    return { action, ...(endpoint ? { endpoint } : {}), bucket, ...outcome(endpoint, bucket) };
  });
}

/** The bucket's partition (GovCloud's buckets are `arn:aws-us-gov:s3:::`): its own, the endpoint's, or the one its policy writes. */
function partitionOfBucket(bucketRef: Ref, policy: PolicySource, ep: VpcEndpoint | undefined): string {
  const own = partitionOfRef(bucketRef) ?? (ep ? partitionOfRef(ep.ref) : undefined);
  if (own !== undefined) return own;
  const parsed = policy.kind === 'document' ? parsePolicyCached(policy.text) : undefined;
  return partitionFor({}, parsed?.ok ? writtenResources(parsed.policy) : []);
}

/** IAM's order on one path: the endpoint policy filters first; a bucket Deny wins; a bucket Allow grants. */
function outcome(endpoint: PolicyStep | undefined, bucket: PolicyStep): Pick<RequestCheck, 'outcome' | 'decidedBy'> {
  const ev = endpoint?.verdict;
  const bv = bucket.verdict;
  const by = (step: PolicyStep, statement: string | undefined) => (statement ? { decidedBy: `${step.role} policy of ${displayName(step.owner)}, statement ${statement}` } : {});
  if (ev && (ev.decision === 'deny' || ev.decision === 'no-match')) return { outcome: 'blocked-by-endpoint', ...by(endpoint!, ev.statement) };
  if (bv && bv.decision === 'deny') return { outcome: 'denied-by-bucket', ...by(bucket, bv.statement) };
  if (!bv || bv.decision === 'not-evaluated' || (ev && ev.decision === 'not-evaluated')) return { outcome: 'not-evaluated' };
  if (bv.decision === 'depends' || (ev && ev.decision === 'depends')) return { outcome: 'depends' };
  if (bv.decision === 'allow') return { outcome: 'allowed', ...by(bucket, bv.statement) };
  return { outcome: 'identity-policies-decide' };
}
