import type { PolicySource } from '../../model/nodes.js';
import { isUnknown } from '../../model/unknown.js';
import { declRef, type BuildContext } from './context.js';
import { isPolicyDocument, rebuildPolicyDocument } from './iam-policy-document.js';
import { attr, field, isSensitive, type Instance } from './instances.js';
import type { Ref } from '../../model/ref.js';
import { naturalCompare } from '../../util/name-list.js';

/**
 * The policy document an attribute holds. Unknown at plan time either because
 * the provider computes it (no expression: the AWS default applies, `absent`),
 * or because it is built from values known only after apply (`unknown`, unless
 * the reference leads to a document that is already known, such as a
 * `data.aws_iam_policy_document` read at plan time).
 */
export function policyOf(ctx: BuildContext, inst: Instance, name: string): PolicySource {
  const holder = declRef(ctx, inst);
  const sensitive = isSensitive(inst, name);
  const value = field(inst, name);
  if (typeof value === 'string') return { kind: 'document', text: value, holder, attribute: name, sensitive, ...originOf(ctx, inst, name) };
  if (value === undefined) return { kind: 'absent' };
  if (!isUnknown(value)) return { kind: 'unknown', reason: `${inst.address}.${name} is not a string`, holder, attribute: name };
  const expr = ctx.resolver.expressionOf(inst, [name]);
  if (!expr) return { kind: 'absent' };
  const res = ctx.resolver.resolveExpression(inst, expr);
  if (res.hits.length === 1 && res.constants.length === 0) {
    const hit = res.hits[0]!;
    // After a computed index (`data.aws_iam_policy_document.x[count.index].json`) Terraform records the
    // references without the attribute. Of a policy document's attributes only `json` and `minified_json`
    // hold a policy, and they hold the same one.
    const read = hit.attribute ?? (isPolicyDocument(hit.instance) ? 'json' : undefined);
    const followed = read ? attr(hit.instance, read) : undefined;
    const origin = isPolicyDocument(hit.instance) ? { origin: declRef(ctx, hit.instance) } : {};
    if (typeof followed === 'string') {
      return { kind: 'document', text: followed, holder, attribute: name, sensitive: sensitive || isSensitive(hit.instance, read!), ...origin };
    }
    // A policy document whose inputs are known only after apply: rebuilt from its configuration, with placeholders.
    if (isPolicyDocument(hit.instance) && isUnknown(followed)) {
      const rebuilt = rebuildPolicyDocument(ctx, hit.instance);
      if (rebuilt.kind === 'unknown') return { kind: 'unknown', reason: rebuilt.reason, holder, attribute: name, builtFrom: [hit.instance.address] };
      const placeholders = Object.keys(rebuilt.placeholders).length > 0 ? { placeholders: rebuilt.placeholders } : {};
      return { kind: 'document', text: rebuilt.text, holder, attribute: name, sensitive: sensitive || isSensitive(hit.instance, read!), ...placeholders, ...origin };
    }
  }
  // By address, not plan order: the message must not change with the plan's order (a splat's instances).
  const from = [...new Set(res.hits.map((h) => h.instance.address))].sort(naturalCompare);
  const reason = res.unresolved
    ?? (from.length > 0
      ? `built from ${from.join(', ')}, known only after apply (a function such as jsonencode() keeps only its references in the plan; the structure is in the .tf source, which was not found)`
      : 'known only after apply');
  const unknown: PolicySource = { kind: 'unknown', reason, holder, attribute: name, ...(from.length > 0 ? { builtFrom: from } : {}) };
  // The .tf source may have the structure: looked up once the source is read (policy-from-source.ts).
  ctx.sourcePolicies.push({ inst, attribute: name, expr, unknown });
  return unknown;
}

/** The data.aws_iam_policy_document a known policy text comes from, if its expression is a reference to one. */
function originOf(ctx: BuildContext, inst: Instance, name: string): { origin?: Ref } {
  const expr = ctx.resolver.expressionOf(inst, [name]);
  if (!expr || !('references' in expr)) return {};
  const hits = ctx.resolver.resolveExpression(inst, expr).hits;
  return hits.length === 1 && isPolicyDocument(hits[0]!.instance) ? { origin: declRef(ctx, hits[0]!.instance) } : {};
}
