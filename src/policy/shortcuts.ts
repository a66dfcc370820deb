import { parseArn } from './arn.js';
import { evalCondition } from './conditions.js';
import { constantsOf, freshValue, valuesFor } from './constants.js';
import { allows, makeRequest } from './evaluate.js';
import { dimensionOf, ENDPOINT_KEYS } from './keys.js';
import { actionMatches, resourceMatches } from './match.js';
import { awsPrincipalOf } from './principals.js';
import { freshResourcesOf, type Hints } from './space.js';
import type { Policy, Request, RequestPrincipal, Statement } from './types.js';
import { hasVariables } from './variables.js';
import { hasWildcard, instantiate } from './wildcard.js';

/**
 * The parts of the solver's search that settle a question on their own, for
 * the policies rules meet most: checked first, so that the set of
 * representative requests is built only when they do not. Each answers
 * exactly as the search would (test/policy/*-shortcuts.test.ts checks them
 * against it), never approximately.
 */

const NO_CONTEXT: ReadonlyMap<string, readonly string[]> = new Map();
const OUTSIDE_KEYS: ReadonlySet<string> = new Set(ENDPOINT_KEYS);

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
  return allows(policy).some((s) => !s.resource || s.resource.some(hasVariables) || fresh.some((r) => resourceMatches(s, r, NO_CONTEXT, false)));
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
  if (resourcesHaveVariables(d)) return false;
  if (!resources.every((r) => resourceMatches(d, r, NO_CONTEXT, false))) return false;
  return d.conditions.every((c) => OUTSIDE_KEYS.has(c.keyLower) && !c.hasVariables && evalCondition(c, NO_CONTEXT, false));
}

/**
 * Whether a statement applies to no request on these resources, whatever the
 * request: its Resource (or NotResource) decides that alone when it reads no
 * policy variables. A Deny on the bucket ARN alone, asked about an object.
 */
export function appliesToNone(d: Statement, resources: readonly string[]): boolean {
  return !resourcesHaveVariables(d) && !resources.some((r) => resourceMatches(d, r, NO_CONTEXT, false));
}

/** Whether a statement's Resource or NotResource patterns read policy variables (they then depend on the request). */
function resourcesHaveVariables(s: Statement): boolean {
  return [...(s.resource ?? []), ...(s.notResource ?? [])].some(hasVariables);
}

/** Keys every request carries that take only true or false: a request from outside is tried with each. */
const BOOL_KEYS = ['aws:viaawsservice', 'aws:securetransport'];

/**
 * Requests from outside any endpoint for each action on each resource: by an
 * anonymous caller, by an AWS service no statement names, and by each
 * principal ARN the statements name (the usual exemptions: `ArnNotLike
 * aws:PrincipalArn`, `NotPrincipal`), once per choice of the true/false keys
 * the policy reads and, when it reads aws:SourceIp, once per source address
 * the space gives internet requests (an office range's ends, and an address
 * outside every range); every other key absent. The space holds each of them
 * (an anonymous caller has no principal keys, an internet request no endpoint
 * keys, a named ARN is one of the principals it tries), so one that a
 * statement matches, or that no Deny stops, is a witness the search would
 * also find. Undefined when the policy reads a key such a request must carry
 * with another value (resource keys, dates, regions) or compares with a
 * variable.
 */
export function requestsFromOutside(policy: Policy, actions: readonly string[], resources: readonly string[]): Request[] | undefined {
  const read = new Set<string>();
  for (const s of policy.statements) {
    if (resourcesHaveVariables(s)) return undefined;
    for (const c of s.conditions) {
      if (c.hasVariables) return undefined;
      read.add(c.keyLower);
    }
  }
  for (const k of read) if (!OUTSIDE_KEYS.has(k) && dimensionOf(k) !== 'principal' && !BOOL_KEYS.includes(k) && k !== SOURCE_IP) return undefined;
  let contexts: Record<string, string>[] = [{}];
  for (const k of BOOL_KEYS.filter((b) => read.has(b))) contexts = contexts.flatMap((c) => ['false', 'true'].map((v) => ({ ...c, [k]: v })));
  if (read.has(SOURCE_IP)) {
    const ips = internetSourceIps(policy);
    if (ips.length > 0) contexts = contexts.flatMap((c) => ips.map((ip) => ({ ...c, [SOURCE_IP]: ip })));
  }
  const callers = callersOf(policy, read).flatMap((principal) => contexts.map((context) => ({ principal, context })));
  return actions.flatMap((action) => resources.flatMap((resource) => callers.map((caller) => makeRequest({ action, resource, ...caller }))));
}

const SOURCE_IP = 'aws:sourceip';

/**
 * The source addresses the space gives internet requests (space.ts
 * networkValues: the key's representative values, from valuesFor with the
 * policy's own ranges and operators, as KeyReps computes them).
 */
function internetSourceIps(policy: Policy): string[] {
  const e = constantsOf(policy).keys.get(SOURCE_IP);
  return e ? valuesFor(SOURCE_IP, e.values, e.operators) : [];
}

function callersOf(policy: Policy, read: ReadonlySet<string>): RequestPrincipal[] {
  const callers: RequestPrincipal[] = [{ kind: 'anonymous' }];
  // The space's own name for "a service no statement names", when none is named.
  const namesServices = read.has('aws:principalservicename') || read.has('aws:principalservicenameslist') || policy.statements.some((s) => (s.principal?.service.length ?? 0) + (s.notPrincipal?.service.length ?? 0) > 0);
  if (!namesServices) callers.push({ kind: 'service', service: 'vpcelint-other.amazonaws.com' });
  const arns = policy.statements.flatMap((s) => [
    ...(s.principal?.aws ?? []),
    ...(s.notPrincipal?.aws ?? []),
    ...s.conditions.filter((c) => c.keyLower === 'aws:principalarn').flatMap((c) => c.values),
  ]);
  for (const pattern of new Set(arns)) {
    const parsed = parseArn(pattern);
    if (!parsed || !/^\d{12}$/.test(parsed.account)) continue;
    // As the space builds them: a session ARN is that session of its role (principals.ts).
    callers.push(awsPrincipalOf(parsed.account, hasWildcard(pattern) ? instantiate(pattern, '') : pattern, arns));
  }
  return callers;
}
