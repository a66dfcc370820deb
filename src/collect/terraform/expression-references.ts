import { parseReference, type Reference } from './address.js';
import type { Expression } from './plan-types.js';

/** An expression's references as Terraform writes them: strings (anything else in a malformed plan is left out). */
export function referenceStrings(expr: Expression | undefined): string[] {
  const refs: unknown = expr?.references;
  return Array.isArray(refs) ? refs.filter((r): r is string => typeof r === 'string') : [];
}

/**
 * The parsed, most specific references of an expression. Configuration
 * expressions are shared by every instance of a module or resource, so this is
 * computed once per expression, not once per instance.
 */
const parsedExpressions = new WeakMap<Expression, { refs: Reference[]; iterates: boolean }>();
export function referencesOf(expr: Expression): { refs: Reference[]; iterates: boolean } {
  let parsed = parsedExpressions.get(expr);
  if (!parsed) {
    const all = referenceStrings(expr).map(parseReference);
    parsed = { refs: mostSpecific(all), iterates: all.some((p) => p.kind === 'iteration') };
    parsedExpressions.set(expr, parsed);
  }
  return parsed;
}

/**
 * References come "unwrapped": `a.b[0].id`, `a.b[0]`, `a.b`. Keep, per
 * resource or module, the most specific forms: keyed ones when there are any,
 * and the ones that name an attribute or output.
 */
function mostSpecific(refs: Reference[]): Reference[] {
  const groups = new Map<string, Reference[]>();
  const others: Reference[] = [];
  for (const r of refs) {
    const base = r.kind === 'resource' ? `${r.mode}.${r.type}.${r.name}` : r.kind === 'module' ? `module.${r.call}` : r.kind === 'iteration' ? r.name : undefined;
    if (base === undefined) {
      others.push(r);
      continue;
    }
    const list = groups.get(base);
    if (list) list.push(r);
    else groups.set(base, [r]);
  }
  const out: Reference[] = [...others];
  for (const list of groups.values()) {
    const keyed = list.filter((r) => 'key' in r && r.key !== undefined);
    const pool = keyed.length > 0 ? keyed : list;
    const byKey = new Map<string, Reference>();
    for (const r of pool) {
      const k = 'key' in r && r.key !== undefined ? JSON.stringify(r.key) : '';
      const prev = byKey.get(k);
      if (!prev || detail(r) > detail(prev)) byKey.set(k, r);
    }
    out.push(...byKey.values());
  }
  return out;
}

function detail(r: Reference): number {
  return (r.kind === 'resource' && r.attribute) || (r.kind === 'module' && r.output) || (r.kind === 'iteration' && r.attribute) ? 1 : 0;
}
