import { arnMatch } from './arn.js';
import { evalCondition } from './conditions.js';
import { awsSpecExempts, awsSpecMatches } from './principals.js';
import type { ConditionEntry, Policy, PrincipalSpec, RequestPrincipal, Statement } from './types.js';
import { substitute } from './variables.js';
import { globMatch } from './wildcard.js';

type Context = ReadonlyMap<string, readonly string[]>;

/** Action names are case-insensitive; `*` and `?` wildcards. */
export function actionMatches(stmt: Statement, action: string): boolean {
  if (stmt.action) return stmt.action.some((p) => globMatch(p, action, true));
  if (stmt.notAction) return !stmt.notAction.some((p) => globMatch(p, action, true));
  return false;
}

/** Resource matches of statements without policy variables depend on the resource alone: remembered per statement. */
const resourceMemo = new WeakMap<Statement, Map<string, boolean>>();

export function resourceMatches(stmt: Statement, resource: string, context: Context, variables: boolean): boolean {
  const usesVariables = variables && [...(stmt.resource ?? []), ...(stmt.notResource ?? [])].some((p) => p.includes('${'));
  if (usesVariables) return resourceMatchesNow(stmt, resource, context, variables);
  let memo = resourceMemo.get(stmt);
  if (!memo) resourceMemo.set(stmt, (memo = new Map()));
  let hit = memo.get(resource);
  if (hit === undefined) {
    hit = resourceMatchesNow(stmt, resource, context, variables);
    if (memo.size < 10_000) memo.set(resource, hit);
  }
  return hit;
}

function resourceMatchesNow(stmt: Statement, resource: string, context: Context, variables: boolean): boolean {
  const any = (patterns: string[]) =>
    patterns.some((p) => {
      const v = variables ? substitute(p, context) : p;
      return v !== undefined && arnMatch(v, resource);
    });
  if (stmt.resource) return any(stmt.resource);
  if (stmt.notResource) return !any(stmt.notResource);
  // No Resource element (a trust policy): the resource is the one the policy is attached to.
  return true;
}

/** A statement with neither Principal nor NotPrincipal applies to every principal (identity policies; endpoint policies written that way). */
export function principalMatches(stmt: Statement, principal: RequestPrincipal): boolean {
  if (stmt.principal) return specMatches(stmt.principal, principal);
  if (stmt.notPrincipal) return !(stmt.notPrincipal.any || (principal.kind === 'aws' ? awsSpecExempts(stmt.notPrincipal, principal) : specMatches(stmt.notPrincipal, principal)));
  return true;
}

function specMatches(spec: PrincipalSpec, p: RequestPrincipal): boolean {
  if (spec.any) return true;
  switch (p.kind) {
    case 'aws':
      // An account id stands for every principal of that account; a role's ARN for its sessions too (principals.ts).
      return awsSpecMatches(spec, p);
    case 'service':
      return spec.service.includes(p.service);
    case 'federated':
      return spec.federated.includes(p.provider);
    case 'canonical-user':
      return spec.canonicalUser.includes(p.id);
    case 'anonymous':
      return false;
  }
}

export function conditionsHold(entries: readonly ConditionEntry[], context: Context, variables: boolean): boolean {
  return entries.every((e) => evalCondition(e, context, variables));
}

export interface RequestParts {
  action?: string;
  resource?: string;
  principal?: RequestPrincipal;
  context: Context;
}

/**
 * Whether the parts of a statement that a partial request covers all hold:
 * the elements the request names, and the condition entries whose keys are in
 * `keys`. With every part given it is the full statement match.
 */
export function partMatches(policy: Policy, stmt: Statement, req: RequestParts, keys: ReadonlySet<string> | 'all'): boolean {
  if (req.principal !== undefined && !principalMatches(stmt, req.principal)) return false;
  if (req.action !== undefined && !actionMatches(stmt, req.action)) return false;
  if (req.resource !== undefined && !resourceMatches(stmt, req.resource, req.context, policy.variablesEnabled)) return false;
  for (const e of stmt.conditions) {
    if (keys !== 'all' && !keys.has(e.keyLower)) continue;
    if (!evalCondition(e, req.context, policy.variablesEnabled)) return false;
  }
  return true;
}
