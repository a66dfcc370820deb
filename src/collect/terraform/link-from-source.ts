import type { Link } from '../../model/nodes.js';
import type { NodeKind } from '../../model/ref.js';
import type { SourceExpression } from '../../sourcemap/expression.js';
import type { BuildContext } from './context.js';
import type { Instance } from './instances.js';
import { SourceNotEvaluable } from './source-errors.js';
import { looksLikeId } from './resolve.js';
import { evaluateSource } from './source-values.js';

/**
 * A link the plan knows only by references the resolver cannot follow: an
 * endpoint's route tables written as `lookup(each.value, "route_table_ids",
 * null)` in a module whose for_each is a local (terraform-aws-modules'
 * vpc-endpoints). The `.tf` source has the expression; evaluated against the
 * plan (source-values.ts), it names the nodes: a value known only after apply
 * is the placeholder of the one node it comes from, a known id the node with
 * that id or an id outside the plan.
 */
export interface SourceLinkRequest {
  inst: Instance;
  attribute: string;
  kinds: readonly NodeKind[];
  /** Puts the link in place of the one the plan gave. */
  apply(link: Link): void;
}

/** The link the source gives, or undefined where it gives none for sure (the plan's unresolved link stays). */
export function linkFromSource(ctx: BuildContext, req: SourceLinkRequest, found: SourceExpression): Link | undefined {
  let evaluated: ReturnType<typeof evaluateSource>;
  try {
    evaluated = evaluateSource(ctx, req.inst, found, ctx.resolver.expressionOf(req.inst, [req.attribute]));
  } catch (err) {
    if (err instanceof SourceNotEvaluable) return undefined;
    throw err;
  }
  const { value, placeholders } = evaluated;
  // Unset: the attribute names nothing (an interface endpoint's route tables, say).
  if (value === null) return { keys: [], external: [] };
  if (!Array.isArray(value)) return undefined;
  const keys = new Set<string>();
  const external = new Set<string>();
  for (const v of value) {
    if (typeof v !== 'string') return undefined;
    const named = Object.hasOwn(placeholders, v) ? placeholders[v]! : undefined;
    if (named) {
      // One node of the kind asked for, or it is not an id of one (a name, an ARN): not a guess.
      if (named.length !== 1 || !req.kinds.includes(ctx.inv.refByKey(named[0]!)?.kind as NodeKind)) return undefined;
      keys.add(named[0]!);
      continue;
    }
    if (v === '') continue;
    if (Object.keys(placeholders).some((p) => v.includes(p))) return undefined;
    const ref = ctx.inv.refById(v);
    if (ref && !req.kinds.includes(ref.kind)) return undefined;
    // As the resolver links known values: a node of the plan, or an id outside it; anything else is no id.
    if (ref) keys.add(ref.key);
    else if (looksLikeId(v, req.kinds)) external.add(v);
    else return undefined;
  }
  return { keys: [...keys].sort(), external: [...external].sort() };
}
