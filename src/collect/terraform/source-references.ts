import type { HclExpr, TraversalStep } from '../../sourcemap/expression.js';
import { referenceStrings } from './expression-references.js';
import type { BuildContext } from './context.js';
import type { Expression } from './plan-types.js';
import type { Scope } from './resolve.js';
import { SourceNotEvaluable } from './source-errors.js';

/**
 * The references Terraform records for source expressions: what the source
 * evaluator checks the `.tf` files against, so that a value is built only from
 * the configuration the plan was made from.
 */

/**
 * The source must name what the plan records for the expression, and
 * nothing else: otherwise it is not the configuration this plan was made
 * from (a stale checkout, another --source-root), and a value built from it
 * would be a guess.
 */
export function checkReferences(expr: HclExpr, planned: Expression | undefined, where: string): void {
  const recorded = new Set(referenceStrings(planned));
  const traversals = traversalsOfWhole(expr);
  const mismatch = () => new SourceNotEvaluable(`its references differ from the ones the plan records (${[...recorded].join(', ') || 'none'}), so the source at ${where} is not the configuration this plan was made from`);
  for (const t of traversals) if (!t.planned.some((r) => recorded.has(r))) throw mismatch();
  for (const r of recorded) {
    if (!traversals.some((t) => t.text === r || t.text.startsWith(`${r}.`) || t.text.startsWith(`${r}[`) || t.planned.includes(r))) throw mismatch();
  }
}

interface Traversal {
  text: string;
  /** The references the plan records for it (one of which it must list). */
  planned: string[];
}

/** A whole expression's traversals, once: a module argument is checked for every instance of the module. */
const wholeTraversals = new WeakMap<HclExpr, Traversal[]>();

function traversalsOfWhole(expr: HclExpr): Traversal[] {
  let found = wholeTraversals.get(expr);
  if (!found) wholeTraversals.set(expr, (found = traversalsOf(expr)));
  return found;
}

/**
 * Every reference an expression makes, as Terraform records them: in every
 * branch, evaluated or not, and not the names its `for` expressions bind.
 */
export function traversalsOf(e: HclExpr, bound: ReadonlySet<string> = new Set()): Traversal[] {
  switch (e.t) {
    case 'traversal': {
      const inIndexes = e.steps.flatMap((s) => ('index' in s && typeof s.index === 'object' ? traversalsOf(s.index, bound) : []));
      if (bound.has(e.root)) return inIndexes;
      // Up to an index it cannot compute, Terraform records the traversal before it.
      const computed = computedIndexAt(e);
      const recorded = computed === -1 ? e : { ...e, steps: e.steps.slice(0, computed), text: traversalText(e.root, e.steps.slice(0, computed)) };
      let planned: string[];
      try {
        planned = referencesOf(recorded).references;
      } catch {
        planned = [recorded.text];
      }
      return [{ text: recorded.text, planned }, ...inIndexes];
    }
    case 'splat': {
      const inEach = e.each.flatMap((s) => ('index' in s && typeof s.index === 'object' ? traversalsOf(s.index, bound) : []));
      // After a term that is no name (`values(x)[*].id`), the references are the term's.
      if (e.base.t !== 'traversal') return [...traversalsOf(e.base, bound), ...inEach];
      // Terraform records the reference before the splat (`aws_s3_bucket.team` for `aws_s3_bucket.team[*].arn`).
      const [base, ...inIndexes] = traversalsOf(e.base, bound);
      return [...(base && !bound.has(e.base.root) ? [{ text: e.text, planned: base.planned }] : []), ...inIndexes, ...inEach];
    }
    case 'access':
      return [...traversalsOf(e.base, bound), ...e.steps.flatMap((s) => ('index' in s && typeof s.index === 'object' ? traversalsOf(s.index, bound) : []))];
    case 'template':
      return e.parts.flatMap((p) => (typeof p === 'string' ? [] : traversalsOf(p, bound)));
    case 'tuple':
      return e.items.flatMap((i) => traversalsOf(i, bound));
    case 'object':
      return e.items.flatMap((i) => traversalsOf(i.value, bound));
    case 'call':
      return e.args.flatMap((a) => traversalsOf(a, bound));
    case 'conditional':
      return [e.cond, e.then, e.else].flatMap((x) => traversalsOf(x, bound));
    case 'operation':
      return e.args.flatMap((a) => traversalsOf(a, bound));
    case 'for': {
      const inner = new Set([...bound, e.value, ...(e.key !== undefined ? [e.key] : [])]);
      return [...traversalsOf(e.collection, bound), ...[e.result, e.resultKey, e.cond].flatMap((x) => (x ? traversalsOf(x, inner) : []))];
    }
    default:
      return [];
  }
}

/**
 * The references Terraform records for a traversal: the traversal and its
 * shorter forms, except after a computed index (`x[count.index].arn`), where
 * it records the resource and the index (TFPLAN-NOTES), and the attribute
 * comes from the source.
 */
export function referencesOf(t: Extract<HclExpr, { t: 'traversal' }>): { references: string[]; attribute?: string } {
  const computed = t.steps.findIndex((s) => 'index' in s && typeof s.index === 'object');
  if (computed === -1) {
    // The traversal and its shorter forms down to the root and its first name: `a.b[0].id`, `a.b[0]`, `a.b`.
    const forms: string[] = [];
    let text = t.root;
    for (const step of t.steps) forms.push((text += stepText(step)));
    return { references: forms.reverse() };
  }
  const index = (t.steps[computed] as { index: HclExpr }).index;
  if (index.t !== 'traversal' || !['count', 'each'].includes(index.root)) throw new SourceNotEvaluable(`${t.text} has an index vpcelint does not evaluate`);
  const rest = t.steps.slice(computed + 1);
  if (rest.length > 1 || (rest[0] !== undefined && !('attr' in rest[0]))) throw new SourceNotEvaluable(`${t.text} reads inside an attribute`);
  const base = t.root + t.steps.slice(0, computed).map(stepText).join('');
  const attribute = rest[0] && 'attr' in rest[0] ? rest[0].attr : undefined;
  return { references: [base, index.text], ...(attribute !== undefined ? { attribute } : {}) };
}

/**
 * Where a traversal has an index that is neither `count.index` nor `each.key` (`var.m[local.k]`,
 * `var.m[statement.value]`): the plan records the traversal before it, and the source evaluates the index. -1 where
 * there is none.
 */
export function computedIndexAt(t: Extract<HclExpr, { t: 'traversal' }>): number {
  return t.steps.findIndex((s) => 'index' in s && typeof s.index === 'object' && !(s.index.t === 'traversal' && ['count', 'each'].includes(s.index.root)));
}

/** A traversal written out, as the plan writes references (`aws_s3_bucket.team[0]`). */
export function traversalText(root: string, steps: readonly TraversalStep[]): string {
  return root + steps.map(stepText).join('');
}

function stepText(s: { attr: string } | { index: string | number | HclExpr }): string {
  if ('attr' in s) return `.${s.attr}`;
  return typeof s.index === 'object' ? `[${s.index.t === 'traversal' ? s.index.text : '?'}]` : `[${JSON.stringify(s.index)}]`;
}

/** Roots that are no resource type. */
const NOT_RESOURCES = new Set(['var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self']);

/** A traversal's references as the plan records them, once per traversal of the source (shared by every instance of its block). */
const planned = new WeakMap<HclExpr, { references: string[]; attribute?: string }>();
export function plannedOf(t: Extract<HclExpr, { t: 'traversal' }>): { references: string[]; attribute?: string } {
  let found = planned.get(t);
  if (!found) planned.set(t, (found = referencesOf(t)));
  return found;
}

/** The resource a traversal starts with (`aws_s3_bucket.team`, `data.aws_subnet.x`), and the steps after its name. */
function resourceOf(t: Extract<HclExpr, { t: 'traversal' }>): { address: string; rest: readonly TraversalStep[] } | undefined {
  if (NOT_RESOURCES.has(t.root)) return undefined;
  const named = t.root === 'data' ? 2 : 1;
  const steps = t.steps.slice(0, named);
  if (steps.length !== named || !steps.every((s) => 'attr' in s)) return undefined;
  return { address: [t.root, ...steps.map((s) => (s as { attr: string }).attr)].join('.'), rest: t.steps.slice(named) };
}

/** A bare resource reference (`aws_s3_bucket.team`, `data.aws_subnet.x`): the resource, not an attribute of it. */
export function isResource(t: Extract<HclExpr, { t: 'traversal' }>): boolean {
  return resourceOf(t)?.rest.length === 0;
}

/**
 * Whether a traversal names a resource the module of a scope declares (followed by `indexed` index steps), in
 * a plan that holds every instance (not errored, not partial): one the plan does not hold does not exist.
 */
export function declaresResource(ctx: BuildContext, scope: Scope, t: Extract<HclExpr, { t: 'traversal' }>, indexed: number): boolean {
  const resource = ctx.complete ? resourceOf(t) : undefined;
  if (!resource) return false;
  const index = resource.rest.slice(0, indexed);
  if (index.length !== indexed || !index.every((s) => 'index' in s && typeof s.index !== 'object')) return false;
  return ctx.resolver.declares(scope, resource.address);
}
