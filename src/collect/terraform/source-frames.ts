import type { CallSite, HclExpr, ModuleValues, TraversalStep } from '../../sourcemap/expression.js';
import type { BuildContext } from './context.js';
import type { Expression } from './plan-types.js';
import type { Scope } from './resolve.js';
import { SourceNotEvaluable } from './source-errors.js';

/**
 * Where a source expression is evaluated, and how the evaluation moves
 * between modules: up to the call that sets a module's input variable, down
 * into the module whose output is read. Each move pairs the resolver's scope
 * (the plan's side) with what the source writes there (locals, calls,
 * outputs), and gives the plan's expression the source must agree with.
 */
export interface Frame {
  scope: Scope;
  locals: ReadonlyMap<string, HclExpr> | undefined;
  /** One per module step of the scope, when the source has them (the root's call first). */
  callers: readonly CallSite[] | undefined;
  /** The `for_each` of the block (resource or module call) the expression is in, from the source, and where it is. */
  forEach: { expr: HclExpr; where: string } | undefined;
  /** The modules from the root to this one, with what they write, when the source has them (module outputs). */
  path: readonly ModuleValues[] | undefined;
}

/** A move to another module: the frame there, the source expression to evaluate, the plan's, and where it is written. */
export interface Move {
  frame: Frame;
  expr: HclExpr;
  planned: Expression;
  where: string;
  /** What the traversal reads inside the value. */
  rest: TraversalStep[];
  sensitive: boolean;
}

/**
 * `var.name` of a module whose call sets it to something the plan knows only
 * by its references: that argument, in the frame of the module the call is
 * written in. Undefined where the plan has the value (a known argument, a
 * default) or the source has no such call.
 */
export function toCaller(ctx: BuildContext, frame: Frame, steps: readonly TraversalStep[]): Move | undefined {
  const [first, ...rest] = steps;
  const { scope, callers } = frame;
  const depth = scope.modules.length;
  if (!first || !('attr' in first) || depth === 0 || callers?.length !== depth) return undefined;
  const site = callers[depth - 1]!;
  const expr = site.arguments.get(first.attr);
  const caller = ctx.resolver.callerOf(scope.modules);
  const planned = caller.argument(first.attr);
  if (!expr || planned === undefined || 'constant_value' in planned) return undefined;
  const forEach = site.arguments.get('for_each');
  const path = frame.path?.length === depth + 1 ? frame.path.slice(0, -1) : undefined;
  return {
    frame: { scope: caller.scope, locals: site.locals, callers: callers.slice(0, depth - 1), forEach: forEach ? { expr: forEach, where: site.where } : undefined, path },
    expr,
    planned,
    where: site.where,
    rest,
    sensitive: ctx.resolver.isSensitiveVariableIn(scope.modules, first.attr),
  };
}

/**
 * `module.<call>.<output>` (or `module.<call>[key].<output>`): the output's
 * value, in the frame of the called module's instance. Undefined where the
 * source does not have that module or output, or the plan has no expression
 * for it, or the call has instances and the reference names none.
 */
export function toOutput(ctx: BuildContext, frame: Frame, steps: readonly TraversalStep[]): Move | undefined {
  const here = frame.path?.[frame.path.length - 1];
  const [call, ...after] = steps;
  if (!here || !call || !('attr' in call) || frame.path!.length !== frame.scope.modules.length + 1) return undefined;
  const keyed = after[0] && 'index' in after[0] && typeof after[0].index !== 'object' ? after[0].index : undefined;
  const [output, ...rest] = keyed === undefined ? after : after.slice(1);
  const child = here.calls.get(call.attr);
  if (!output || !('attr' in output) || !child?.module) return undefined;
  // A call with count or for_each is a list or map of instances: only one of them has outputs.
  if ((child.site.arguments.has('count') || child.site.arguments.has('for_each')) !== (keyed !== undefined)) return undefined;
  const expr = child.module.outputs.get(output.attr);
  const inside = ctx.resolver.childOf(frame.scope, call.attr, keyed);
  const declared = inside.output(output.attr);
  if (!expr || !declared?.expression) return undefined;
  return {
    frame: { scope: inside.scope, locals: child.module.locals, callers: [...(frame.callers ?? []), child.site], forEach: undefined, path: [...frame.path!, child.module] },
    expr,
    planned: declared.expression,
    where: `the output ${output.attr} of module.${call.attr}`,
    rest,
    sensitive: declared.sensitive,
  };
}

/**
 * The instance keys of a module call from the value of its count (indexes, a list) or for_each (names), as the
 * source evaluates it; checked against the instances the plan holds resources of, which must all be among them
 * (the plan lists only instances with resources, so it cannot give the keys itself).
 */
export function callKeys(ctx: BuildContext, scope: Scope, call: string, site: CallSite, value: unknown, isPlaceholder: (v: unknown) => boolean): number[] | { names: string[] } {
  const counted = site.arguments.has('count');
  const subject = `the ${counted ? 'count' : 'for_each'} of module.${call} (${site.where})`;
  const unknown = isPlaceholder(value) ? 'known only after apply' : undefined;
  let keys: number[] | { names: string[] };
  if (counted) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new SourceNotEvaluable(`${subject} is ${unknown ?? 'not a whole number'}`);
    // A count is a number in the source: a (hostile) source must not make a list of a billion instances.
    if (value > MAX_INSTANCES) throw new SourceNotEvaluable(`${subject} is ${value}, more instances than vpcelint reads a module call as a whole with`);
    keys = Array.from({ length: value }, (_, i) => i);
  } else if (Array.isArray(value) && value.every((v) => typeof v === 'string' && !isPlaceholder(v))) {
    keys = { names: [...new Set(value as string[])].sort() };
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    keys = { names: Object.keys(value).sort() };
  } else {
    throw new SourceNotEvaluable(`${subject} is ${unknown ?? 'neither a map nor a set of strings vpcelint can tell'}`);
  }
  const given = new Set<unknown>(Array.isArray(keys) ? keys : keys.names);
  if (ctx.resolver.moduleKeysOf(scope, call).some((k) => k === undefined || !given.has(k))) {
    throw new SourceNotEvaluable(`the plan has instances of module.${call} that ${subject} does not give: the source is not the plan's configuration`);
  }
  return keys;
}

/** The most instances of one module call read as a whole: far beyond any configuration, well within memory. */
const MAX_INSTANCES = 10_000;
