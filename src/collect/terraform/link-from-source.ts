import type { Link } from '../../model/nodes.js';
import type { HclExpr, SourceExpression, TraversalStep } from '../../sourcemap/expression.js';
import { formatKey } from './address.js';
import { namesNothing, type BuildContext } from './context.js';
import { sourceLinkKey, type CheckableLink, type SourceLinks } from './source-links.js';
import { SourceNotEvaluable } from './source-errors.js';
import { checkReferences, isResource } from './source-references.js';
import { evaluateSource } from './source-values.js';

/**
 * The links the source tells that the plan's references did not (`found`: each link's source, in order): what
 * it names where it tells that; where it does not, for a link the plan could not follow at all, the same link
 * saying where its source is and why it is not evaluated, which is what a person can change.
 */
export function linksTold(ctx: BuildContext, links: readonly CheckableLink[], found: readonly (SourceExpression | undefined)[]): SourceLinks {
  const out = new Map<string, Link>();
  links.forEach((l, i) => {
    const at = found[i];
    if (!at || readsOwnInstance(ctx, l, at)) return;
    const told = linkFromSource(ctx, l, at);
    const key = sourceLinkKey(l.inst.address, l.attribute);
    if ('link' in told) {
      if (!sameLink(told.link, l.planned)) out.set(key, told.link);
    } else if (!told.afterApply && l.planned.unresolved && namesNothing(l.planned)) {
      out.set(key, { ...l.planned, unresolved: `${l.planned.unresolved}; its source (${at.where}) cannot be evaluated: ${told.why}` });
    }
  });
  return out;
}

/**
 * What the source tells of a link: the nodes and ids it names, or why it cannot tell them (`afterApply`: its
 * value is one known only after apply, which the plan already says).
 */
type Told = { link: Link } | { why: string; afterApply?: true };

/**
 * What an attribute naming other resources by id names, as its `.tf` source
 * gives it, where the plan's references cannot tell: a subnet's `vpc_id =
 * local.vpc_id`, a route's `element(aws_route_table.private[*].id,
 * count.index)`, an endpoint's route tables from each.value of a for_each
 * over a local (terraform-aws-modules' vpc, security-group and vpc-endpoints
 * modules). Evaluated against the plan (source-values.ts): a value known only
 * after apply is the placeholder of the one node it comes from, a known id
 * the node with that id or an id outside the plan. Any kind of node: the
 * resolver keeps the link only where it is of the kinds asked for.
 */
function linkFromSource(ctx: BuildContext, req: CheckableLink, found: SourceExpression): Told {
  let evaluated: ReturnType<typeof evaluateSource>;
  try {
    evaluated = evaluateSource(ctx, req.inst, found, ctx.resolver.expressionOf(req.inst, [req.attribute]));
  } catch (err) {
    if (err instanceof SourceNotEvaluable) return { why: err.message };
    throw err;
  }
  const { value, placeholders } = evaluated;
  // Unset: the attribute names nothing (an interface endpoint's route tables, say).
  if (value === null) return { link: { keys: [], external: [] } };
  // `vpc_id` holds one id, `subnet_ids` a list of them: a value of the other shape is not what the plan was made from.
  const values = req.attribute.endsWith('_ids') ? value : typeof value === 'string' ? [value] : undefined;
  if (!Array.isArray(values)) {
    if (typeof value === 'string' && Object.hasOwn(placeholders, value)) return { why: `${value} is known only after apply`, afterApply: true };
    return { why: `it gives ${Array.isArray(value) ? 'a list' : 'something that is not a list'}, which ${req.attribute} does not hold` };
  }
  const keys = new Set<string>();
  const external = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string') return { why: 'it gives something that is not an id' };
    const named = Object.hasOwn(placeholders, v) ? placeholders[v]! : undefined;
    if (named) {
      // One node, or it is not an id of one (a name, an ARN): not a guess.
      if (named.length !== 1 || !ctx.inv.refByKey(named[0]!)) return { why: `it reads ${v.replace(/^<known after apply: (.*)>$/, '$1')}, known only after apply, which the plan cannot tie to one resource` };
      keys.add(named[0]!);
      continue;
    }
    if (v === '') continue;
    if (Object.keys(placeholders).some((p) => v.includes(p))) return { why: `it builds ${JSON.stringify(v)} from a value known only after apply` };
    // A node of the plan, or an id or ARN outside it. A name (a role's, a bucket's) may be of a resource the plan
    // creates, whose id is not known yet: not told.
    const ref = ctx.inv.refById(v);
    if (ref) keys.add(ref.key);
    else if (AWS_ID.test(v) || v.startsWith('arn:')) external.add(v);
    else return { why: `${JSON.stringify(v)} is no id the plan knows` };
  }
  return { link: { keys: [...keys].sort(), external: [...external].sort() } };
}

/**
 * Whether the source reads, in so many words, the instance the plan's references gave by the instance's own key:
 * `aws_subnet.private[count.index].id`, `aws_vpc.main[each.key].id`, `element(aws_route_table.private[*].id,
 * count.index)` (over a counted resource that has that instance, element() does not wrap). The link is then what
 * the plan gave, and evaluating it would only say so (most links of terraform-aws-modules are written so).
 */
function readsOwnInstance(ctx: BuildContext, l: CheckableLink, found: SourceExpression): boolean {
  if (!l.byOwnKey || l.attribute.endsWith('_ids') || l.planned.keys.length !== 1 || l.planned.external.length > 0) return false;
  const e = found.expr;
  // The resource's name steps, and the steps taken on its instance.
  let named: readonly TraversalStep[];
  let after: readonly TraversalStep[];
  let root: string;
  if (e.t === 'traversal') {
    const index = e.steps[e.steps.length - 2];
    if (!index || !('index' in index) || !isOwnKey(index.index)) return false;
    [root, named, after] = [e.root, e.steps.slice(0, -2), e.steps.slice(-1)];
  } else if (e.t === 'call' && e.name === 'element' && e.args.length === 2 && e.args[0]!.t === 'splat' && e.args[0].base.t === 'traversal' && isOwnKey(e.args[1]!, 'count')) {
    [root, named, after] = [e.args[0].base.root, e.args[0].base.steps, e.args[0].each];
  } else return false;
  const [step] = after;
  if (after.length !== 1 || !('attr' in step!) || step.attr !== 'id' || !named.every((s) => 'attr' in s)) return false;
  const name = [root, ...named.map((s) => (s as { attr: string }).attr)].join('.');
  if (!isResource({ t: 'traversal', root, steps: [...named], text: name })) return false;
  const own = `${l.inst.moduleInstance}${l.inst.moduleInstance ? '.' : ''}${name}${formatKey(l.inst.key)}`;
  if (l.planned.keys[0] !== own) return false;
  try {
    // A source that is not the plan's configuration is left to the evaluation, which says so.
    checkReferences(e, ctx.resolver.expressionOf(l.inst, [l.attribute]), found.where);
    return true;
  } catch (err) {
    if (err instanceof SourceNotEvaluable) return false;
    throw err;
  }
}

/** `count.index` or `each.key` (or only the one named): the instance's own key. */
function isOwnKey(e: string | number | HclExpr, only?: 'count' | 'each'): boolean {
  if (typeof e !== 'object' || e.t !== 'traversal' || e.steps.length !== 1) return false;
  const [step] = e.steps;
  return (e.root === 'count' && (only ?? 'count') === 'count' && 'attr' in step! && step.attr === 'index') || (e.root === 'each' && (only ?? 'each') === 'each' && 'attr' in step! && step.attr === 'key');
}

/** An EC2 resource id: its prefix and 8 or 17 hexadecimal digits (vpc-0a1b2c3d, subnet-0123456789abcdef0). */
const AWS_ID = /^[a-z]+(-[a-z]+)*-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** Whether two links name the same nodes and ids, and hide nothing: the source told nothing the plan did not. */
function sameLink(a: Link, b: Link): boolean {
  return !a.unresolved && !b.unresolved && a.keys.join('\u0000') === b.keys.join('\u0000') && a.external.join('\u0000') === b.external.join('\u0000');
}
