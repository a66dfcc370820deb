import type { Bucket } from '../../model/nodes.js';
import { unknown } from '../../model/unknown.js';
import { bool, declRef, instancesOf, refOf, str, tagsOf, type BuildContext } from './context.js';
import type { Instance } from './instances.js';
import { policyOf } from './policy-source.js';
import { keepUnattached, markSuspectedOwners, ownershipIn, suspectsText, type Unattached } from './unattached.js';

/** S3 buckets with their policy (inline or aws_s3_bucket_policy) and public access block. */
export function buildBuckets(ctx: BuildContext): void {
  for (const inst of instancesOf(ctx, 'aws_s3_bucket', 'data.aws_s3_bucket')) {
    const ref = refOf(ctx, inst);
    const name = str(inst, 'bucket');
    const tags = tagsOf(inst);
    const bucket: Bucket = {
      ref,
      ...(tags ? { tags } : {}),
      name: name === undefined ? unknown(`${inst.address}: the bucket name is chosen by AWS at apply time`) : name,
      // A data source does not read the bucket policy: unknown, never "none".
      policy: inst.mode === 'data'
        ? { kind: 'unknown', reason: `${inst.address} is a data source; its bucket policy is not in the plan`, holder: ref, attribute: 'policy' }
        : policyOf(ctx, inst, 'policy'),
    };
    ctx.inv.buckets.set(ref.key, bucket);
  }
  const unattached: Unattached[] = [];
  for (const inst of instancesOf(ctx, 'aws_s3_bucket_policy')) {
    const link = ctx.resolver.link(inst, ['bucket'], ['bucket']);
    const owner = ownershipIn(ctx, link, 'bucket');
    const bucket = owner.kind === 'one' ? ctx.inv.buckets.get(owner.key) : undefined;
    if (bucket) {
      bucket.policy = policyOf(ctx, inst, 'policy');
      continue;
    }
    if (owner.kind === 'one') continue; // a resource of another kind: the plan is not valid Terraform
    if (owner.kind === 'unclear') {
      const consequence = 'the policies of the buckets it may belong to count as unknown, and this policy is judged on its own';
      keepUnattached(ctx, unattached, inst, owner, { noun: 'bucket', consequence, part: 'policy', action: 'set the policy of' });
    } else {
      ctx.inv.diagnose({ level: 'note', code: 'unresolved-reference', subject: declRef(ctx, inst), message: `${inst.address}: its bucket is not in the plan (${link.external.join(', ') || 'no bucket'}); the policy is judged on its own` });
    }
    externalBucket(ctx, inst);
  }
  // Not the buckets standing for policies of buckets outside the plan, nor data sources, whose policy is unknown already.
  markSuspectedOwners(ctx, unattached, [...ctx.inv.buckets.values()].filter((b) => !b.external && b.ref.type === 'aws_s3_bucket'), {
    kinds: ['bucket'],
    vpcOf: () => undefined,
    mark: (b, _part, suspects) => {
      b.policy = { kind: 'unknown', reason: suspectsText(suspects, b.ref), holder: declRef(ctx, suspects.first.inst), attribute: 'policy' };
    },
  });
  for (const inst of instancesOf(ctx, 'aws_s3_bucket_public_access_block')) {
    for (const key of ctx.resolver.link(inst, ['bucket'], ['bucket']).keys) {
      const bucket = ctx.inv.buckets.get(key);
      if (!bucket) continue;
      bucket.publicAccessBlock = {
        blockPublicPolicy: bool(inst, 'block_public_policy', false) ?? false,
        restrictPublicBuckets: bool(inst, 'restrict_public_buckets', false) ?? false,
      };
    }
  }
}

/**
 * A bucket outside the plan, named by an aws_s3_bucket_policy: a Bucket node
 * (`external`, its ref is the policy resource) stands for it, so that the
 * policy is judged like any other bucket policy.
 */
function externalBucket(ctx: BuildContext, inst: Instance): void {
  const name = str(inst, 'bucket');
  const ref = { ...declRef(ctx, inst), kind: 'bucket' as const, ...(typeof name === 'string' ? { id: name } : {}) };
  if (ctx.inv.refByKey(ref.key)) return;
  ctx.inv.register(ref);
  const bucket: Bucket = {
    ref,
    name: typeof name === 'string' ? name : unknown(`${inst.address}: the bucket name is known only after apply`),
    policy: policyOf(ctx, inst, 'policy'),
    external: true,
  };
  ctx.inv.buckets.set(ref.key, bucket);
}
