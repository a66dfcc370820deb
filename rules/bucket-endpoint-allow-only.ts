import type { Rule, RuleContext, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import { displayName } from '../src/model/ref.js';
import { BUCKET_FENCE } from './lib/bucket-snippets.js';
import { eachJudgedBucket, networkAllows, fencesOf } from './lib/policy-buckets.js';
import { notEvaluable, once, statementLabel } from './lib/policy-sites.js';
import { hcl } from './lib/terraform-snippets.js';

const rule: Rule = {
  meta: {
    id: 'bucket-endpoint-allow-only',
    severity: 'warning',
    title: 'Bucket policy "restricts" to a VPC endpoint with an Allow only',
    description: [
      'The bucket policy grants access on the condition aws:SourceVpce or aws:SourceVpc in an Allow statement, but no Deny keyed on a network perimeter key stops requests from other sources.',
      'An Allow only adds access: principals whose identity policies allow S3 still reach the bucket from the internet. Only a Deny fences.',
      'A Deny keyed on a network key fences only if it stops requests from the internet for the bucket\'s objects: not a Deny on the bucket ARN alone (IAM authorizes object actions on the object ARN, so the objects stay reachable), nor one that only applies to requests through an endpoint (ForAnyValue:StringNotEquals, or a Null "false" test on the key).',
    ].join('\n'),
    fix: ['Turn the restriction into a Deny for every other source:', '', ...hcl(BUCKET_FENCE)].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
    ],
    tags: ['security', 'data-perimeter', 'bucket-policy'],
    precision: 'high',
  },
  *check(inv: Inventory, ctx: RuleContext): Iterable<RuleOutput> {
    yield* eachJudgedBucket(inv, ctx, function* (bucket, j) {
      const allows = networkAllows(j.policy);
      if (allows.length === 0) return;
      let fences;
      let reasons: string[] = [];
      try {
        ({ fences, reasons } = fencesOf(j));
      } catch (err) {
        yield* once(ctx, notEvaluable(err, bucket.ref, 'the bucket policy'));
        return;
      }
      if (fences.length > 0) return;
      const a = allows[0]!;
      const values = a.values.map((v) => JSON.stringify(v)).join(', ');
      const denies =
        reasons.length === 0
          ? 'denies nothing to other sources'
          : `no Deny of it keyed on a network perimeter key denies requests from the internet (${reasons.join('; ')})`;
      yield {
        message: `The bucket policy of ${displayName(bucket.ref)}${j.primary.key === bucket.ref.key ? '' : ` (${displayName(j.primary)})`} allows access on the condition ${a.key} = ${values} (${statementLabel(a.statement)}) but ${denies}: an Allow only adds access, and principals whose identity policies allow S3 still reach the bucket from the internet. Replace it with a Deny statement using "StringNotEquals": {"${a.key}": [${values}]}.`,
        primary: j.primary,
        related: j.related,
        attribute: 'policy',
        evidence: { bucket: bucket.ref.key, statement: a.statement.sid ?? `#${a.statement.index + 1}`, key: a.key.toLowerCase() },
      };
    });
  },
};

export default rule;
