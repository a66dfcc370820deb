import type { IamPolicy, IamPrincipalKind, Link, PolicySource } from '../../model/nodes.js';
import type { NodeKind, Ref } from '../../model/ref.js';
import { isUnknown, unknown } from '../../model/unknown.js';
import { instancesOf, merge, refOf, str, tagsOf, type BuildContext } from './context.js';
import { attr, field, type Instance, isSensitive } from './instances.js';
import { rebuildPolicyDocument } from './iam-policy-document.js';
import { policyOf } from './policy-source.js';

const PRINCIPALS: [string, IamPrincipalKind][] = [
  ['aws_iam_role', 'iam-role'],
  ['aws_iam_user', 'iam-user'],
  ['aws_iam_group', 'iam-group'],
  ['data.aws_iam_role', 'iam-role'],
  ['data.aws_iam_user', 'iam-user'],
  ['data.aws_iam_group', 'iam-group'],
];

/** Inline policy resources and the attribute naming their principal. */
const INLINE: [string, string, NodeKind][] = [
  ['aws_iam_role_policy', 'role', 'iam-role'],
  ['aws_iam_user_policy', 'user', 'iam-user'],
  ['aws_iam_group_policy', 'group', 'iam-group'],
];

/**
 * IAM principals (roles, users, groups) and identity policies (managed,
 * inline resources, a role's inline_policy blocks), with the principals each
 * policy is attached to; every data.aws_iam_policy_document as a policy of
 * its own, so that the policy-* rules judge it once, where it is written.
 */
export function buildIam(ctx: BuildContext): void {
  for (const [type, kind] of PRINCIPALS) {
    for (const inst of instancesOf(ctx, type)) {
      const ref = refOf(ctx, inst);
      const name = str(inst, 'name');
      const tags = tagsOf(inst);
      ctx.inv.iamPrincipals.set(ref.key, { ref, ...(tags ? { tags } : {}), principalKind: kind, name: name === undefined ? unknown(`${inst.address}: the name is chosen at apply time`) : name });
    }
  }
  for (const inst of instancesOf(ctx, 'aws_iam_policy', 'data.aws_iam_policy')) {
    const ref = refOf(ctx, inst);
    ctx.inv.iamPolicies.set(ref.key, { ref, policy: policyOf(ctx, inst, 'policy'), attachedTo: { keys: [], external: [] } });
  }
  for (const [type, field, kind] of INLINE) {
    for (const inst of instancesOf(ctx, type)) {
      const ref = refOf(ctx, inst);
      ctx.inv.iamPolicies.set(ref.key, { ref, policy: policyOf(ctx, inst, 'policy'), attachedTo: ctx.resolver.link(inst, [field], [kind]) });
    }
  }
  for (const inst of instancesOf(ctx, 'aws_iam_role')) inlinePolicyBlocks(ctx, inst);
  for (const inst of instancesOf(ctx, 'data.aws_iam_policy_document')) {
    const ref = refOf(ctx, inst);
    ctx.inv.iamPolicies.set(ref.key, { ref, policy: documentPolicy(ctx, inst, ref), attachedTo: { keys: [], external: [] } });
  }
  attachments(ctx);
}

function documentPolicy(ctx: BuildContext, inst: Instance, ref: Ref): PolicySource {
  const sensitive = isSensitive(inst, 'json');
  const rebuilt = rebuildPolicyDocument(ctx, inst);
  if (rebuilt.kind === 'unknown') return { kind: 'unknown', reason: rebuilt.reason, holder: ref, attribute: 'json' };
  const placeholders = Object.keys(rebuilt.placeholders).length > 0 ? { placeholders: rebuilt.placeholders } : {};
  return { kind: 'document', text: rebuilt.text, holder: ref, attribute: 'json', sensitive, ...placeholders };
}

/** A role's `inline_policy` blocks: one policy node each, keyed under the role. */
function inlinePolicyBlocks(ctx: BuildContext, inst: Instance): void {
  const blocks = field(inst, 'inline_policy');
  if (!Array.isArray(blocks)) return;
  const role = refOf(ctx, inst);
  blocks.forEach((_, i) => {
    const name = attr(inst, 'inline_policy', i, 'name');
    const key = `${inst.address}#inline_policy[${typeof name === 'string' ? JSON.stringify(name) : i}]`;
    const ref: Ref = { ...role, key, kind: 'iam-policy', ...(typeof name === 'string' ? { name } : {}) };
    delete ref.arn;
    delete ref.id;
    if (ctx.inv.refByKey(key)) return;
    ctx.inv.register(ref);
    const text = attr(inst, 'inline_policy', i, 'policy');
    const policy: PolicySource =
      typeof text === 'string'
        ? { kind: 'document', text, holder: role, attribute: 'inline_policy', sensitive: isSensitive(inst, 'inline_policy') }
        : text === undefined
          ? { kind: 'absent' }
          : { kind: 'unknown', reason: `${inst.address}: inline_policy ${typeof name === 'string' ? name : i} is known only after apply`, holder: role, attribute: 'inline_policy' };
    ctx.inv.iamPolicies.set(key, { ref, policy, attachedTo: { keys: [role.key], external: [] } });
  });
}

/** Managed policy attachments, in every spelling, onto the policies' attachedTo links. */
function attachments(ctx: BuildContext): void {
  const attach = (policyLink: Link, principals: Link) => {
    for (const key of policyLink.keys) {
      const p: IamPolicy | undefined = ctx.inv.iamPolicies.get(key);
      if (p) p.attachedTo = merge(p.attachedTo, principals);
    }
  };
  for (const [type, field, kind] of [
    ['aws_iam_role_policy_attachment', 'role', 'iam-role'],
    ['aws_iam_user_policy_attachment', 'user', 'iam-user'],
    ['aws_iam_group_policy_attachment', 'group', 'iam-group'],
  ] as const) {
    for (const inst of instancesOf(ctx, type)) attach(ctx.resolver.link(inst, ['policy_arn'], ['iam-policy']), ctx.resolver.link(inst, [field], [kind]));
  }
  for (const inst of instancesOf(ctx, 'aws_iam_policy_attachment')) {
    const principals = [
      ctx.resolver.link(inst, ['roles'], ['iam-role']),
      ctx.resolver.link(inst, ['users'], ['iam-user']),
      ctx.resolver.link(inst, ['groups'], ['iam-group']),
    ].reduce(merge);
    attach(ctx.resolver.link(inst, ['policy_arn'], ['iam-policy']), principals);
  }
  for (const inst of instancesOf(ctx, 'aws_iam_role')) {
    const arns = field(inst, 'managed_policy_arns');
    if (arns === undefined || (isUnknown(arns) && !ctx.resolver.expressionOf(inst, ['managed_policy_arns']))) continue;
    attach(ctx.resolver.link(inst, ['managed_policy_arns'], ['iam-policy']), { keys: [inst.address], external: [] });
  }
}
