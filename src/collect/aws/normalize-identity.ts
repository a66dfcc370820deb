import type { PolicyDetail } from '@aws-sdk/client-iam';
import type { Inventory } from '../../model/inventory.js';
import type { IamPrincipalKind, PolicySource } from '../../model/nodes.js';
import type { Ref } from '../../model/ref.js';
import { unknown } from '../../model/unknown.js';
import { decodePolicyDocument, type IamAccount } from './iam.js';
import { nameTag, registerOnce, tagMap } from './refs.js';
import { bucketRef, type S3Account } from './s3.js';

/** Buckets of the scanned regions, with policy, public access block and tags. */
export function buildBuckets(inv: Inventory, s3: S3Account, partition: string): void {
  if (!s3.listed.ok) return;
  for (const b of s3.listed.value) {
    const name = b.tags.ok ? nameTag(b.tags.value) : undefined;
    const ref: Ref = { ...bucketRef(partition, s3.account, b.region, b.name), ...(name ? { name } : {}) };
    const arn = ref.key;
    if (!registerOnce(inv, ref)) continue;
    const policy: PolicySource = !b.policy.ok
      ? { kind: 'unknown', reason: b.policy.reason, holder: ref, attribute: 'policy' }
      : b.policy.value === undefined
        ? { kind: 'absent' }
        : { kind: 'document', text: b.policy.value, holder: ref, attribute: 'policy', sensitive: false };
    const pab = b.publicAccessBlock;
    inv.buckets.set(arn, {
      ref,
      ...(b.tags.ok ? tagMap(b.tags.value) : {}),
      name: b.name,
      policy,
      ...(!pab.ok
        ? { publicAccessBlock: { blockPublicPolicy: unknown(pab.reason), restrictPublicBuckets: unknown(pab.reason) } }
        : pab.value
          ? { publicAccessBlock: { blockPublicPolicy: pab.value.BlockPublicPolicy ?? false, restrictPublicBuckets: pab.value.RestrictPublicBuckets ?? false } }
          : {}),
    });
  }
}

interface Principal {
  kind: IamPrincipalKind;
  arn: string;
  id: string | undefined;
  name: string;
  inline: PolicyDetail[];
  attached: (string | undefined)[];
  tags: { Key?: string | undefined; Value?: string | undefined }[] | undefined;
}

/**
 * Roles, users and groups as principals; customer-managed policies (default
 * version) and inline policies as identity policies attached to them.
 */
export function buildIam(inv: Inventory, iam: IamAccount): void {
  if (!iam.details.ok) return;
  const d = iam.details.value;
  const principals: Principal[] = [
    ...d.roles.map((r) => ({ kind: 'iam-role' as const, arn: r.Arn!, id: r.RoleId, name: r.RoleName!, inline: r.RolePolicyList ?? [], attached: (r.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn), tags: r.Tags })),
    ...d.users.map((u) => ({ kind: 'iam-user' as const, arn: u.Arn!, id: u.UserId, name: u.UserName!, inline: u.UserPolicyList ?? [], attached: (u.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn), tags: u.Tags })),
    ...d.groups.map((g) => ({ kind: 'iam-group' as const, arn: g.Arn!, id: g.GroupId, name: g.GroupName!, inline: g.GroupPolicyList ?? [], attached: (g.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn), tags: undefined })),
  ];
  const attachedTo = new Map<string, string[]>();
  for (const p of principals) {
    const ref: Ref = { key: p.arn, kind: p.kind, type: TYPE[p.kind], ...(p.id ? { id: p.id } : {}), arn: p.arn, account: iam.account, name: p.name };
    if (!registerOnce(inv, ref)) continue;
    inv.iamPrincipals.set(p.arn, { ref, ...tagMap(p.tags), principalKind: p.kind, name: p.name });
    for (const arn of p.attached) if (arn) attachedTo.set(arn, [...(attachedTo.get(arn) ?? []), p.arn]);
    for (const inline of p.inline) {
      const key = `${p.arn}#inline-policy/${inline.PolicyName}`;
      const policyRef: Ref = { key, kind: 'iam-policy', type: INLINE_TYPE[p.kind], account: iam.account, name: inline.PolicyName! };
      if (!registerOnce(inv, policyRef)) continue;
      inv.iamPolicies.set(key, { ref: policyRef, policy: document(inline.PolicyDocument, policyRef), attachedTo: { keys: [p.arn], external: [] } });
    }
  }
  for (const m of d.policies) {
    const arn = m.Arn!;
    const ref: Ref = { key: arn, kind: 'iam-policy', type: 'aws_iam_policy', ...(m.PolicyId ? { id: m.PolicyId } : {}), arn, account: iam.account, name: m.PolicyName! };
    if (!registerOnce(inv, ref)) continue;
    const version = m.PolicyVersionList?.find((v) => v.IsDefaultVersion) ?? m.PolicyVersionList?.find((v) => v.VersionId === m.DefaultVersionId);
    inv.iamPolicies.set(arn, {
      ref,
      policy: version ? document(version.Document, ref) : { kind: 'unknown', reason: `IAM reported no default version of ${arn}`, holder: ref, attribute: 'policy' },
      attachedTo: { keys: (attachedTo.get(arn) ?? []).sort(), external: [] },
    });
  }
}

const TYPE: Record<IamPrincipalKind, string> = { 'iam-role': 'aws_iam_role', 'iam-user': 'aws_iam_user', 'iam-group': 'aws_iam_group' };
const INLINE_TYPE: Record<IamPrincipalKind, string> = { 'iam-role': 'aws_iam_role_policy', 'iam-user': 'aws_iam_user_policy', 'iam-group': 'aws_iam_group_policy' };

function document(text: string | undefined, holder: Ref): PolicySource {
  if (text === undefined) return { kind: 'unknown', reason: `IAM returned no document for ${holder.name ?? holder.key}`, holder, attribute: 'policy' };
  return { kind: 'document', text: decodePolicyDocument(text), holder, attribute: 'policy', sensitive: false };
}
