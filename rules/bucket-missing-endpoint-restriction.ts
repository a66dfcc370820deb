import type { Rule, RuleContext, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import { displayName, type Ref } from '../src/model/ref.js';
import { BUCKET_FENCE } from './lib/bucket-snippets.js';
import { agreed } from './lib/bucket-readings.js';
import { endpointIdForFix, fencesOf, judgedPrivateBucket, privateBuckets, type JudgedBucket, type PrivateReason } from './lib/policy-buckets.js';
import { isDiagnostic, notEvaluable, once } from './lib/policy-sites.js';
import { hcl } from './lib/terraform-snippets.js';

const rule: Rule = {
  meta: {
    id: 'bucket-missing-endpoint-restriction',
    severity: 'warning',
    title: 'Private bucket without a network perimeter in its bucket policy',
    description: [
      'A bucket that should be reached only privately has a bucket policy (or none) that does not deny requests coming from outside the expected network.',
      'A bucket is private when an endpoint policy in the same inventory names it in Resource, or when the config selects it (privateBuckets: names, tags).',
      'Any Deny keyed on aws:SourceVpce, aws:SourceVpc, aws:VpceOrgID, aws:VpceAccount or aws:VpceOrgPaths that denies requests from outside counts as a perimeter, whichever endpoint or VPC it admits.',
      'The Deny must stop requests from the internet for the bucket\'s objects, where the data is. It is no fence when its Resource names only the bucket ARN: IAM authorizes s3:GetObject on arn:aws:s3:::bucket/key, never on arn:aws:s3:::bucket, so such a Deny stops ListBucket and PutBucketPolicy from outside at most and leaves every object reachable (the forgotten "/*"). Nor when it only applies to requests through an endpoint (ForAnyValue:StringNotEquals is false on a missing key; a Null "false" test excludes requests without it).',
      'ARNs are those of the bucket\'s partition (arn:aws-us-gov:s3:::bucket in GovCloud, arn:aws-cn:s3:::bucket in China): a Deny whose Resource is written in another partition, copied from a commercial example, names nothing there and is no fence.',
      'Without it, any principal with IAM rights reaches the data from anywhere.',
    ].join('\n'),
    fix: ['Deny every request that does not come through the endpoint (keeping administration and AWS services working):', '', ...hcl(BUCKET_FENCE)].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html',
      'https://docs.aws.amazon.com/whitepapers/latest/building-a-data-perimeter-on-aws/network-perimeter.html',
    ],
    tags: ['security', 'data-perimeter', 'bucket-policy'],
    precision: 'high',
  },
  *check(inv: Inventory, ctx: RuleContext): Iterable<RuleOutput> {
    for (const [key, reasons] of privateBuckets(inv, ctx)) {
      const bucket = inv.buckets.get(key)!;
      const why = describe(reasons);
      const endpoints = reasons.flatMap((r) => (r.kind === 'endpoint' ? [r.endpoint] : []));
      const fence = endpoints.length > 0 ? `a Deny with "StringNotEquals": {"aws:SourceVpce": ${JSON.stringify(endpoints.map(endpointIdForFix))}}` : 'a Deny on requests whose aws:SourceVpce (or aws:SourceVpc) is not yours';
      const related = endpoints.map((e) => e.ref);
      if (bucket.policy.kind === 'absent') {
        yield {
          message: `Bucket ${displayName(bucket.ref)} must be reached only privately (${why}) but has no bucket policy, so requests from anywhere with IAM rights reach it. Add a bucket policy with ${fence}.`,
          primary: bucket.ref,
          related,
          evidence: { bucket: key, policy: 'none' },
        };
        continue;
      }
      const j = judgedPrivateBucket(bucket, ctx);
      if (!j) continue;
      if (isDiagnostic(j)) {
        yield* once(ctx, j);
        continue;
      }
      yield* agreed(ctx, j, (r) => unfenced(ctx, r, { why, fence, related }));
    }
  },
};

/** The finding when no Deny of the bucket's policy fences its data from the internet. */
function* unfenced(ctx: RuleContext, j: JudgedBucket, says: { why: string; fence: string; related: Ref[] }): Iterable<RuleOutput> {
  const bucket = j.bucket;
  let fences;
  let notFences: string[] = [];
  try {
    ({ fences, reasons: notFences } = fencesOf(j));
  } catch (err) {
    yield* once(ctx, notEvaluable(err, bucket.ref, 'the bucket policy'));
    return;
  }
  if (fences.length > 0) return;
  const policy = `its bucket policy${j.primary.key === bucket.ref.key ? '' : ` (${displayName(j.primary)})`}`;
  const { why, fence } = says;
  yield {
    message:
      notFences.length === 0
        ? `Bucket ${displayName(bucket.ref)} must be reached only privately (${why}) but ${policy} denies nothing on aws:SourceVpce, aws:SourceVpc, aws:VpceOrgID, aws:VpceAccount or aws:VpceOrgPaths, so requests from outside the network are not fenced. Add ${fence}.`
        : `Bucket ${displayName(bucket.ref)} must be reached only privately (${why}) but no Deny of ${policy} keyed on a network perimeter key denies requests from outside the network (the internet): ${notFences.join('; ')}. Fix that Deny, or add ${fence}.`,
    primary: j.primary,
    related: [...j.related, ...says.related],
    attribute: 'policy',
    evidence: { bucket: bucket.ref.key, policy: notFences.length === 0 ? 'no-network-deny' : 'network-deny-not-a-fence' },
  };
}

function describe(reasons: PrivateReason[]): string {
  const parts = reasons.map((r) => (r.kind === 'endpoint' ? `named by the policy of ${displayName(r.endpoint.ref)}` : `selected by ${r.what}`));
  return [...new Set(parts)].join('; ');
}

export default rule;
