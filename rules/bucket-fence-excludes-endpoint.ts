import type { Rule, RuleContext, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import type { VpcEndpoint } from '../src/model/nodes.js';
import { displayName, type Ref } from '../src/model/ref.js';
import { comparedId, originCompared, throughEndpointNotDenied } from '../src/policy/index.js';
import { agreed } from './lib/bucket-readings.js';
import { endpointIdForFix, fencesOf, judgedPrivateBucket, privateBuckets, type JudgedBucket } from './lib/policy-buckets.js';
import { isDiagnostic, notEvaluable, once, statementLabel, type Diagnostic } from './lib/policy-sites.js';
import { hcl } from './lib/terraform-snippets.js';

/** The requests an endpoint that names a bucket is there for. */
const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket'];

const rule: Rule = {
  meta: {
    id: 'bucket-fence-excludes-endpoint',
    severity: 'warning',
    title: 'Bucket policy fences out a VPC endpoint whose policy names the bucket',
    description: [
      'An S3 VPC endpoint whose policy names a bucket (by name or reference, not by a pattern) is there to reach it (a gateway endpoint only in the bucket\'s region, the only one it serves); the bucket policy denies every request through that endpoint (s3:GetObject, s3:PutObject and s3:ListBucket alike) from a principal of the bucket\'s account that the policy does not single out.',
      'Typically a VPC was added and the fence\'s list of endpoints (aws:SourceVpce) or VPCs (aws:SourceVpc) was not: the workloads behind the new endpoint get AccessDenied. Exemptions by principal (an administrator role) and by tag are not counted: the request judged is a direct HTTPS call by an untagged role the policy does not name.',
      'The id of an endpoint or VPC the plan creates is known only after apply: it is judged when the policy references it, or when the policy compares only with ids written out and ids of other endpoints (VPCs) the plan manages, none of which a new id can be; otherwise the pair is not evaluated.',
      'Whether the bucket is fenced at all is bucket-missing-endpoint-restriction\'s question; this rule asks whether the fence admits the endpoints that serve the bucket.',
    ].join('\n'),
    fix: [
      'Add the endpoint (or its VPC) to the fence:',
      '',
      ...hcl([
        'condition {',
        '  test     = "StringNotEquals"',
        '  variable = "aws:SourceVpce"',
        '  values   = [aws_vpc_endpoint.s3_core.id, aws_vpc_endpoint.s3_new.id]',
        '}',
      ]),
      '',
      'or, if the endpoint is not meant to reach the bucket, take the bucket out of the endpoint policy.',
    ].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html',
      'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html',
    ],
    tags: ['availability', 'bucket-policy'],
    precision: 'high',
  },
  *check(inv: Inventory, ctx: RuleContext): Iterable<RuleOutput> {
    for (const [key, reasons] of privateBuckets(inv, ctx)) {
      const bucket = inv.buckets.get(key)!;
      const endpoints = reasons.flatMap((r) => (r.kind === 'endpoint' && r.byName && carriesS3To(r.endpoint, bucket.ref.region) ? [r.endpoint] : []));
      if (endpoints.length === 0) continue;
      const j = judgedPrivateBucket(bucket, ctx);
      if (!j) continue;
      if (isDiagnostic(j)) {
        yield* once(ctx, j);
        continue;
      }
      yield* agreed(ctx, j, (r) => shutOut(inv, ctx, r, endpoints));
    }
  },
};

/**
 * Whether the endpoint carries S3 requests to the bucket: an S3 endpoint, and a gateway endpoint only in the
 * bucket's region (its route serves that region's S3 alone; requests for another region's bucket go elsewhere).
 */
function carriesS3To(ep: VpcEndpoint, bucketRegion: string | undefined): boolean {
  if (ep.service?.family !== 's3') return false;
  const region = ep.service.region ?? ep.ref.region;
  return ep.type !== 'Gateway' || bucketRegion === undefined || region === undefined || region === bucketRegion;
}

/** A finding for each endpoint that names the bucket and whose requests the bucket's fence denies. */
function* shutOut(inv: Inventory, ctx: RuleContext, j: JudgedBucket, endpoints: VpcEndpoint[]): Iterable<RuleOutput> {
  let fences;
  try {
    ({ fences } = fencesOf(j));
  } catch (err) {
    yield* once(ctx, notEvaluable(err, j.bucket.ref, 'the bucket policy'));
    return;
  }
  if (fences.length === 0) return;
  const compared = originCompared(j.policy);
  for (const ep of endpoints) {
    const vpc = ep.vpc.keys[0] ? inv.refByKey(ep.vpc.keys[0]) : undefined;
    const origin = originOf(inv, j, ep, vpc, compared);
    if ('diagnostic' in origin) {
      yield* once(ctx, origin);
      continue;
    }
    let open;
    try {
      open = throughEndpointNotDenied(j.policy, { resources: j.resources, onlyActions: ACTIONS, ...origin.ids, ...(j.bucket.ref.account ? { account: j.bucket.ref.account } : {}) });
    } catch (err) {
      yield* once(ctx, notEvaluable(err, j.bucket.ref, 'the bucket policy'));
      return;
    }
    if (open) continue;
    const where = j.primary.key === j.bucket.ref.key ? '' : ` (${displayName(j.primary)})`;
    // The key the fence itself compares: an Allow elsewhere may compare the other.
    const byEndpoint = fences.some((f) => f.conditions.some((c) => c.keyLower === 'aws:sourcevpce'));
    const key = byEndpoint ? 'aws:SourceVpce' : 'aws:SourceVpc';
    const value = byEndpoint ? endpointIdForFix(ep) : (vpc?.id ?? (vpc?.address ? `\${${vpc.address}.id}` : 'the VPC\'s id'));
    yield {
      message:
        `The bucket policy of ${displayName(j.bucket.ref)}${where} denies every request through ${displayName(ep.ref)}${vpc ? ` (VPC ${displayName(vpc)})` : ''} (${fences.map(statementLabel).join(', ')}), ` +
        `but that endpoint's policy names the bucket: s3:GetObject, s3:PutObject and s3:ListBucket from the workloads it serves get AccessDenied${origin.note ? ` (${origin.note})` : ''}. ` +
        `Add ${JSON.stringify(value)} to the ${key} values of the fence, or take the bucket out of the endpoint's policy.`,
      primary: j.primary,
      related: [...j.related, ep.ref, ...(vpc ? [vpc] : [])],
      attribute: 'policy',
      evidence: { bucket: j.bucket.ref.key, endpoint: ep.ref.key },
    };
  }
}

/** The endpoint's and its VPC's ids as the policy compares them, or why they cannot be told. */
function originOf(inv: Inventory, j: JudgedBucket, ep: VpcEndpoint, vpcRef: Ref | undefined, compared: { endpointId: boolean; vpcId: boolean }): { ids: { endpoint?: string; vpc?: string }; note?: string } | Diagnostic {
  const ids: { endpoint?: string; vpc?: string } = {};
  const notes: string[] = [];
  for (const [which, ref, keyLower, asked] of [
    ['endpoint', ep.ref, 'aws:sourcevpce', compared.endpointId],
    ['vpc', vpcRef, 'aws:sourcevpc', compared.vpcId],
  ] as const) {
    if (!asked) continue;
    const got = ref ? comparedId(inv, j.policy, j.placeholders, ref, keyLower) : undefined;
    if (!got) {
      const subject = which === 'endpoint' ? displayName(ep.ref) : vpcRef ? displayName(vpcRef) : `the VPC of ${displayName(ep.ref)}`;
      return {
        diagnostic: {
          level: 'note',
          code: 'not-evaluated',
          subject: j.bucket.ref,
          message: `whether the bucket policy of ${displayName(j.bucket.ref)} admits ${displayName(ep.ref)}, whose policy names the bucket, was not evaluated: the id of ${subject} is known only after apply and the policy compares ${keyLower === 'aws:sourcevpce' ? 'aws:SourceVpce' : 'aws:SourceVpc'} with values that may be it`,
        },
      };
    }
    ids[which] = got.id;
    if (got.note) notes.push(got.note);
  }
  return { ids, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) };
}

export default rule;
