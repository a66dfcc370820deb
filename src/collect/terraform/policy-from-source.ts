import type { PolicySource } from '../../model/nodes.js';
import type { SourceExpression } from '../../sourcemap/expression.js';
import type { BuildContext } from './context.js';
import { rebuiltDocumentText } from './iam-policy-document.js';
import { isSensitive, type Instance } from './instances.js';
import { placeholdersIn } from './plan-placeholders.js';
import type { Expression } from './plan-types.js';
import { checkReferences } from './source-references.js';
import { SourceEvaluator, SourceNotEvaluable } from './source-values.js';

/**
 * A policy attribute known only after apply because it is written as
 * `jsonencode({...})` (or a JSON template) over values known only after
 * apply: the plan records the expression's references, not its structure.
 * The `.tf` source has the structure; this rebuilds the document from it
 * (source-values.ts), or leaves the policy unknown, saying why.
 */
export interface SourcePolicyRequest {
  inst: Instance;
  attribute: string;
  /** The plan's expression of the attribute: the references the source must agree with. */
  expr: Expression;
  /** The policy as the plan alone gives it. */
  unknown: Extract<PolicySource, { kind: 'unknown' }>;
}

export function policyFromSource(ctx: BuildContext, req: SourcePolicyRequest, found: SourceExpression): PolicySource {
  try {
    const evaluator = new SourceEvaluator(ctx, req.inst, found, rebuiltDocumentText(ctx));
    const text = evaluator.document(found.expr);
    checkReferences(found.expr, req.expr, found.where);
    // Set to null: no policy of its own, as if unset (an endpoint's is then AWS's default).
    if (text === null) return { kind: 'absent' };
    const held = placeholdersIn(text, evaluator.placeholders);
    const placeholders = Object.keys(held).length > 0 ? { placeholders: held } : {};
    const { holder, attribute } = req.unknown;
    return { kind: 'document', text, holder, attribute, sensitive: isSensitive(req.inst, attribute) || evaluator.sensitive, ...placeholders };
  } catch (err) {
    if (!(err instanceof SourceNotEvaluable)) throw err;
    // What it is built from, where the plan tells (not through a local it does not record).
    const from = req.unknown.builtFrom ? `built from ${req.unknown.builtFrom.join(', ')}, known only after apply` : 'known only after apply';
    return { ...req.unknown, reason: `${from}, and its source (${found.where}) cannot be evaluated from the plan: ${err.message}` };
  }
}
