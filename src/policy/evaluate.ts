import { partMatches } from './match.js';
import { roleOfSession } from './principals.js';
import type { Decision, Policy, Request, RequestPrincipal, Statement } from './types.js';

export interface Evaluation {
  decision: Decision;
  /** Statements that match the request (Allow and Deny), by index. */
  matched: number[];
}

/** IAM's logic for one policy: an explicit Deny wins, else an Allow allows, else the request is implicitly denied. */
export function evaluate(policy: Policy, req: Request): Evaluation {
  const matched = policy.statements.filter((s) => statementMatches(policy, s, req)).map((s) => s.index);
  const byIndex = (i: number) => policy.statements.find((s) => s.index === i)!;
  if (matched.some((i) => byIndex(i).effect === 'Deny')) return { decision: 'explicit-deny', matched };
  if (matched.some((i) => byIndex(i).effect === 'Allow')) return { decision: 'allow', matched };
  return { decision: 'implicit-deny', matched };
}

/** The policy's Allow statements. */
export const allows = (p: Policy): Statement[] => p.statements.filter((s) => s.effect === 'Allow');

/** The policy's Deny statements. */
export const denies = (p: Policy): Statement[] => p.statements.filter((s) => s.effect === 'Deny');

export function statementMatches(policy: Policy, stmt: Statement, req: Request): boolean {
  return partMatches(policy, stmt, req, 'all');
}

export interface RequestInput {
  action: string;
  resource: string;
  principal?: RequestPrincipal;
  /** Context keys (any case); a string or a list of strings each. */
  context?: Record<string, string | string[]>;
}

/**
 * A request with the principal's own keys filled in the way AWS does
 * (aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalIsAWSService,
 * aws:PrincipalServiceName), unless the caller gives them.
 */
export function makeRequest(input: RequestInput): Request {
  const context = new Map<string, string[]>();
  const principal = input.principal ?? { kind: 'anonymous' };
  if (principal.kind === 'aws') {
    // A role session's aws:PrincipalArn is its role's ARN, not the session's.
    context.set('aws:principalarn', [roleOfSession(principal.arn) ?? principal.arn]);
    context.set('aws:principalaccount', [principal.account]);
    context.set('aws:principalisawsservice', ['false']);
  } else if (principal.kind === 'service') {
    context.set('aws:principalisawsservice', ['true']);
    context.set('aws:principalservicename', [principal.service]);
  }
  for (const [k, v] of Object.entries(input.context ?? {})) context.set(k.toLowerCase(), Array.isArray(v) ? v : [v]);
  return { action: input.action, resource: input.resource, principal, context };
}
