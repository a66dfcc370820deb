import type { PolicySource } from '../../model/nodes.js';
import { isUnknown } from '../../model/unknown.js';
import { declRef, type BuildContext } from './context.js';
import { attr, isSensitive, type Instance } from './instances.js';

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
  const value = attr(inst, name);
  if (typeof value === 'string') return { kind: 'document', text: value, holder, attribute: name, sensitive };
  if (value === undefined) return { kind: 'absent' };
  if (!isUnknown(value)) return { kind: 'unknown', reason: `${inst.address}.${name} is not a string`, holder, attribute: name };
  const expr = ctx.resolver.expressionOf(inst, [name]);
  if (!expr) return { kind: 'absent' };
  const res = ctx.resolver.resolveExpression(inst, expr);
  if (res.hits.length === 1 && res.constants.length === 0) {
    const hit = res.hits[0]!;
    const followed = hit.attribute ? attr(hit.instance, hit.attribute) : undefined;
    if (typeof followed === 'string') {
      return { kind: 'document', text: followed, holder, attribute: name, sensitive: sensitive || isSensitive(hit.instance, hit.attribute!) };
    }
  }
  const from = res.hits.map((h) => h.instance.address);
  const reason = res.unresolved
    ?? (from.length > 0 ? `built from ${[...new Set(from)].join(', ')}, known only after apply` : 'known only after apply');
  return { kind: 'unknown', reason, holder, attribute: name };
}
