import { parseArn } from './arn.js';
import { evalCondition } from './conditions.js';
import { freshValue } from './constants.js';
import { ENDPOINT_KEYS } from './keys.js';
import { actionMatches, resourceMatches } from './match.js';
import { freshResourcesOf, type Hints } from './space.js';
import type { Policy, Statement } from './types.js';

/**
 * The parts of the solver's search that settle a question on their own, for
 * the policies rules meet most: checked first, so that the set of
 * representative requests is built only when they do not. Each answers
 * exactly as the search would (test/policy/*-shortcuts.test.ts checks them
 * against it), never approximately.
 */

const NO_CONTEXT: ReadonlyMap<string, readonly string[]> = new Map();
const OUTSIDE_KEYS: ReadonlySet<string> = new Set(ENDPOINT_KEYS);

const allows = (p: Policy) => p.statements.filter((s) => s.effect === 'Allow');

/**
 * Whether some Allow statement matches the action that stands for "some other
 * action of the service" in the set (the one no statement names). When none
 * does, a request for it is not allowed, whatever else the policy says.
 */
export function allowsOtherAction(policy: Policy, service: string): boolean {
  const named = policy.statements.flatMap((s) => [...(s.action ?? []), ...(s.notAction ?? [])]);
  const other = freshValue(named, `${service}:VpcelintOtherAction`);
  return allows(policy).some((s) => actionMatches(s, other));
}

/**
 * Whether an Allow statement can match a resource the policy does not name
 * (the set's own stand-ins for one, for these hints). When none can, no
 * request for such a resource is allowed. Patterns with variables depend on
 * the request, and a statement without Resource matches what it does not
 * exclude: both count as matching.
 */
export function allowsUnnamedResource(policy: Policy, hints: Hints): boolean {
  const fresh = freshResourcesOf(policy, hints);
  return allows(policy).some((s) => !s.resource || s.resource.some((r) => r.includes('${')) || fresh.some((r) => resourceMatches(s, r, NO_CONTEXT, false)));
}

/** Whether every resource an Allow statement can match is in one of these accounts or in none (S3 bucket ARNs). */
export function allowsOnlyAccounts(policy: Policy, owners: readonly string[]): boolean {
  return allows(policy).every(
    (s) =>
      s.resource?.every((r) => {
        const account = parseArn(r)?.account;
        return account !== undefined && (account === '' || owners.includes(account));
      }) === true,
  );
}

/**
 * Whether a Deny statement applies to every request that comes through no VPC
 * endpoint, for this action on each of these resources: it names every
 * principal, and its conditions read only endpoint keys, which such requests
 * lack, so one evaluation decides them for all. The bucket fence "deny unless
 * aws:SourceVpce is mine" is the common case.
 */
export function deniesEveryRequestFromOutside(d: Statement, action: string, resources: readonly string[]): boolean {
  if (d.effect !== 'Deny' || d.notPrincipal || (d.principal && !d.principal.any)) return false;
  if (!actionMatches(d, action)) return false;
  if ([...(d.resource ?? []), ...(d.notResource ?? [])].some((r) => r.includes('${'))) return false;
  if (!resources.every((r) => resourceMatches(d, r, NO_CONTEXT, false))) return false;
  return d.conditions.every((c) => OUTSIDE_KEYS.has(c.keyLower) && !c.values.some((v) => v.includes('${')) && evalCondition(c, NO_CONTEXT, false));
}
