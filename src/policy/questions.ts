import { parseArn } from './arn.js';
import { actsOn, bucketPartOf, bucketVocabulary, partsMismatch, requestExists, writtenActions, type BucketPart } from './bucket-parts.js';
import { evalCondition } from './conditions.js';
import { ENDPOINT_KEYS, PERIMETER_NETWORK_KEYS } from './keys.js';
import type { RequestParts } from './match.js';
import { allows, denies, evaluate, makeRequest, statementMatches } from './evaluate.js';
import { allowsOnlyAccounts, allowsOtherAction, allowsUnnamedResource, appliesToNone, deniesEveryRequestFromOutside, requestsFromOutside } from './shortcuts.js';
import { findRequest, type Filters } from './solve.js';
import { buildSpace, isNamed, type Hints, type Space } from './space.js';
import { NotEvaluable } from './not-evaluable.js';
import { originHints, throughEndpoint, type EndpointOrigin } from './through-endpoint.js';
import type { ConditionEntry, Policy, Request, Statement } from './types.js';

/**
 * The semantic questions rules ask. Each is answered over the policy's
 * representative requests (see space.ts), so the answer follows IAM's
 * evaluation, not the text; each returns a witness request when the answer is
 * "yes, some request ...". All may throw NotEvaluable for policies too large
 * to enumerate.
 */

/** A request the policy allows: some Allow matches and no Deny does. */
export function someAllowed(policy: Policy, space: Space, filters: Filters = {}): Request | undefined {
  for (const a of allows(policy)) {
    const r = findRequest(policy, space, [a], denies(policy), filters);
    if (r) return r;
  }
  return undefined;
}

/** A request no Deny matches (an identity policy could still allow it). */
export function someNotDenied(policy: Policy, space: Space, filters: Filters = {}): Request | undefined {
  return findRequest(policy, space, [], denies(policy), filters);
}

/** A request the policy does not allow: no Allow matches, or a Deny does. */
export function someNotAllowed(policy: Policy, space: Space, filters: Filters = {}): Request | undefined {
  const r = findRequest(policy, space, [], allows(policy), filters);
  if (r) return r;
  for (const d of denies(policy)) {
    const x = findRequest(policy, space, [d], [], filters);
    if (x) return x;
  }
  return undefined;
}

/** A request one statement matches (whatever the others say). */
export function statementMatchesSome(policy: Policy, space: Space, stmt: Statement, filters: Filters = {}): Request | undefined {
  return findRequest(policy, space, [stmt], [], filters);
}

// ---- filters ---------------------------------------------------------------

const KEY_DIM_PREFIX = 'key:';

/** A direct call over HTTPS, as the SDKs make it, not one an AWS service makes on the caller's behalf. */
export const directOverHttps = (v: RequestParts) => (v.context.get('aws:viaawsservice') ?? ['false'])[0] === 'false' && (v.context.get('aws:securetransport') ?? ['true'])[0] === 'true';

/** Requests that come through no VPC endpoint (internet, on-premises over the public endpoint, AWS services). */
export const fromInternet = (v: RequestParts) => !v.context.has('aws:sourcevpce');

/** Requests whose endpoint is not in E and whose VPC is not in V (internet requests included). */
export function outsideNetwork(endpoints: ReadonlySet<string>, vpcs: ReadonlySet<string>) {
  return (v: RequestParts) => {
    const vpce = v.context.get('aws:sourcevpce')?.[0];
    if (vpce === undefined) return true;
    return !endpoints.has(vpce) && !vpcs.has(v.context.get('aws:sourcevpc')?.[0] ?? '');
  };
}

/** AWS's own access (service principals, requests services make on a principal's behalf): RULES.md exempts it. */
function notAwsOwnAccess(v: RequestParts, dim: string): boolean {
  if (v.principal?.kind === 'service') return false;
  if (dim.startsWith(KEY_DIM_PREFIX) || dim.includes('+') || dim === 'principal') {
    if (v.context.get('aws:viaawsservice')?.[0]?.toLowerCase() === 'true') return false;
    if (v.context.get('aws:principalisawsservice')?.[0]?.toLowerCase() === 'true') return false;
  }
  return true;
}

/**
 * Whether a request's organization keys (an org id, or org paths) name no
 * organization the policy names or the owner belongs to (`o-x` and every
 * path under `o-x/`).
 */
function outsideOrgs(v: RequestParts, space: Space, orgs: ReadonlySet<string>, keys: readonly string[]): boolean {
  return keys.every((k) => (v.context.get(k) ?? []).every((x) => !isNamed(space, k, x) && !orgs.has(x) && ![...orgs].some((o) => x.startsWith(`${o}/`))));
}

function actionsOf(service: string | undefined) {
  if (!service) return undefined;
  const prefix = `${service.toLowerCase()}:`;
  return (v: RequestParts) => v.action === undefined || v.action.toLowerCase().startsWith(prefix);
}

// ---- endpoint policies -----------------------------------------------------

/** The endpoint whose policy is asked about; its id and VPC (EndpointOrigin) say which requests pass through it. */
export interface EndpointInput extends EndpointOrigin {
  /** The IAM prefix of the endpoint's service (`s3`, `ecr`, `logs`); undefined when unknown: every action counts. */
  service?: string;
  /** Accounts that own the endpoint (and so count as "inside"). */
  ownerAccounts?: readonly string[];
  /** The owner's organization ids (o-…), inside too. */
  ownerOrgIds?: readonly string[];
  /** The endpoint's partition (`aws-us-gov` in GovCloud): the resources and principals it can reach are of it. */
  partition?: string;
}

function endpointHints(policy: Policy, input: EndpointInput): Hints {
  return {
    ...(input.service ? { services: [input.service] } : {}),
    ...(input.ownerAccounts ? { accounts: input.ownerAccounts } : {}),
    ...(input.ownerOrgIds ? { orgIds: input.ownerOrgIds } : {}),
    ...(input.partition ? { partition: input.partition } : {}),
    ...originHints(policy, input),
  };
}

function endpointSpace(policy: Policy, input: EndpointInput): Space {
  return buildSpace(policy, endpointHints(policy, input));
}

/**
 * "Does this endpoint policy allow every principal every action of the
 * service on every resource?" Undefined when it does; else a request it
 * does not allow (the limit that makes it not full access).
 */
export function fullAccessGap(policy: Policy, input: EndpointInput): Request | undefined {
  const space = endpointSpace(policy, input);
  const act = actionsOf(input.service);
  return throughEndpoint(policy, space, input, (network) => someNotAllowed(policy, space, { ...(act ? { action: act } : {}), network }));
}

/**
 * `fullAccessGap(...) !== undefined`, often without building the space: when
 * the action that stands for "some other action of the service" (the one the
 * space would try) is in no Allow statement, a request for it is not allowed,
 * whatever the rest of the policy says. Endpoint policies that list the
 * actions they allow are the common case, and they are told this way.
 */
export function isNotFullAccess(policy: Policy, input: EndpointInput): boolean {
  if (input.service && !allowsOtherAction(policy, input.service)) return true;
  return fullAccessGap(policy, input) !== undefined;
}

/**
 * "Does the endpoint policy let a request reach a resource outside the
 * owner's accounts and organization?": a resource the policy does not name,
 * in an account and organization it does not name (or, when the owner's
 * account is known, a resource it names in a foreign account), asked by any
 * principal except AWS's own access, without principal tags (administrator
 * exceptions, docs/policy-semantics.md).
 */
export function outsideResourceAllowed(policy: Policy, input: EndpointInput): Request | undefined {
  // No resource the policy does not name is reachable; and when the owner is known, no named one in another account.
  const owners = input.ownerAccounts ?? [];
  if (!allowsUnnamedResource(policy, endpointHints(policy, input)) && (owners.length === 0 || allowsOnlyAccounts(policy, owners))) return undefined;
  return outsideResourceAllowedBySolver(policy, input);
}

/** outsideResourceAllowed over the representative requests alone, without its shortcut (which must agree with it). */
export function outsideResourceAllowedBySolver(policy: Policy, input: EndpointInput): Request | undefined {
  const space = endpointSpace(policy, input);
  const owners = new Set(input.ownerAccounts ?? []);
  const orgs = new Set(input.ownerOrgIds ?? []);
  const act = actionsOf(input.service);
  const noTags = (v: RequestParts) => ![...v.context.keys()].some((k) => k.startsWith('aws:principaltag/'));
  const orgOutside = (v: RequestParts) => outsideOrgs(v, space, orgs, ['aws:resourceorgid', 'aws:resourceorgpaths']);
  const accountOutside = (v: RequestParts) =>
    ['aws:resourceaccount', 's3:resourceaccount'].every((k) => (v.context.get(k) ?? []).every((x) => !isNamed(space, k, x) && !owners.has(x)));
  const arbitrary = (v: RequestParts) => v.resource !== undefined && space.freshResources.has(v.resource) && accountOutside(v) && orgOutside(v);
  const foreign = (v: RequestParts) => {
    const account = v.resource ? parseArn(v.resource)?.account : undefined;
    return account !== undefined && /^\d{12}$/.test(account) && !owners.has(account) && !space.freshResources.has(v.resource!) && orgOutside(v);
  };
  return throughEndpoint(policy, space, input, (network) => {
    const base = { ...(act ? { action: act } : {}), principal: noTags, network, any: notAwsOwnAccess };
    const open = someAllowed(policy, space, { ...base, resource: arbitrary });
    if (open || owners.size === 0) return open;
    return someAllowed(policy, space, { ...base, resource: foreign });
  });
}

/**
 * "Does the endpoint policy let a principal outside the owner's accounts and
 * organization through?": an anonymous principal, or one in an account and
 * organization the policy does not name, not AWS's own access, for a resource
 * the policy does not name (grants on named resources, such as AWS's own
 * repository buckets, are deliberate).
 */
export function outsidePrincipalAllowed(policy: Policy, input: EndpointInput): Request | undefined {
  // The question is about resources the policy does not name: when none is reachable, nobody reaches one.
  if (!allowsUnnamedResource(policy, endpointHints(policy, input))) return undefined;
  return outsidePrincipalAllowedBySolver(policy, input);
}

/** outsidePrincipalAllowed over the representative requests alone, without its shortcut (which must agree with it). */
export function outsidePrincipalAllowedBySolver(policy: Policy, input: EndpointInput): Request | undefined {
  const space = endpointSpace(policy, input);
  const owners = new Set(input.ownerAccounts ?? []);
  const orgs = new Set(input.ownerOrgIds ?? []);
  const act = actionsOf(input.service);
  const outside = (v: RequestParts) => {
    const p = v.principal;
    if (!p || p.kind === 'service') return false;
    if (p.kind !== 'aws') return true;
    if (owners.has(p.account) || isNamed(space, 'aws:principalaccount', p.account) || space.knownAccounts.has(p.account) && p.account !== space.freshAccount) return false;
    return outsideOrgs(v, space, orgs, ['aws:principalorgid', 'aws:principalorgpaths']);
  };
  const arbitrary = (v: RequestParts) => v.resource !== undefined && space.freshResources.has(v.resource);
  return throughEndpoint(policy, space, input, (network) => someAllowed(policy, space, { ...(act ? { action: act } : {}), principal: outside, resource: arbitrary, network, any: notAwsOwnAccess }));
}

// ---- bucket policies -------------------------------------------------------

export interface BucketInput {
  /** The bucket's resources to probe: its ARN and an object ARN, or placeholders standing for them. */
  resources: readonly string[];
  /** Ask about these actions only (e.g. `s3:GetObject`); else every S3 action on the bucket or its objects. */
  onlyActions?: readonly string[];
}

/** The actions the shortcuts try first: a bucket's and an object's most common ones. */
export const BUCKET_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:DeleteObject', 's3:PutBucketPolicy'];

function bucketSpace(policy: Policy, input: BucketInput, extra: Hints = {}): Space {
  // Every S3 action is in the set (as itself or one alike), so each is tried on the part of the bucket it acts on
  // (bucket-parts.ts); the common ones, s3:PutBucketPolicy among them, always as themselves.
  return buildSpace(policy, { resources: input.resources, actions: [...BUCKET_ACTIONS, ...bucketVocabulary(policy), ...(input.onlyActions ?? [])], services: ['s3'], ...extra });
}

/**
 * The bucket's requests, one filter per probed resource: each admits the S3
 * actions that act on that part of the bucket (an object action on the
 * object ARN, a bucket action on the bucket ARN), as IAM authorizes them.
 */
function onBucket(policy: Policy, input: BucketInput): Filters[] {
  const only = input.onlyActions ? new Set(input.onlyActions.map((a) => a.toLowerCase())) : undefined;
  const written = writtenActions(policy);
  return input.resources.map((r) => {
    const part = bucketPartOf(r);
    return {
      resource: (v) => v.resource === r,
      action: (v) => v.action === undefined || ((!only || only.has(v.action.toLowerCase())) && actsOn(v.action, part, written)),
    };
  });
}

/** The first request a question finds on one of the bucket's resources. */
function onSomePart(policy: Policy, input: BucketInput, ask: (filters: Filters) => Request | undefined): Request | undefined {
  for (const f of onBucket(policy, input)) {
    const r = ask(f);
    if (r) return r;
  }
  return undefined;
}

/** The (action, resource) pairs of these actions on these resources that are requests IAM can see. */
function bucketPairs(policy: Policy, actions: readonly string[], resources: readonly string[]): [string, string][] {
  const written = writtenActions(policy);
  return actions.flatMap((a) => resources.filter((r) => requestExists(a, r, written)).map((r): [string, string] => [a, r]));
}

/** Requests from outside any endpoint for these actions on these resources (the shortcut's witnesses), real pairs only. */
function witnessesFromOutside(policy: Policy, actions: readonly string[], resources: readonly string[]): Request[] | undefined {
  const written = writtenActions(policy);
  return requestsFromOutside(policy, actions, resources)?.filter((req) => requestExists(req.action, req.resource, written));
}

/**
 * "Does this bucket policy restrict bucket B to endpoints E (and VPCs V)?":
 * undefined when every S3 request on B from outside E and V is explicitly
 * denied; else such a request that no Deny stops (an identity policy can then
 * allow it).
 */
export function outsideRequestNotDenied(policy: Policy, input: BucketInput & { endpoints: readonly string[]; vpcs: readonly string[] }): Request | undefined {
  const space = bucketSpace(policy, input, { endpoints: input.endpoints, vpcs: input.vpcs });
  const network = outsideNetwork(new Set(input.endpoints), new Set(input.vpcs));
  return onSomePart(policy, input, (f) => someNotDenied(policy, space, { ...f, network }));
}

/**
 * "Does this bucket policy shut endpoint E out?": undefined when every S3
 * request on B (of the actions asked about) that comes through E, from E's
 * VPC, made directly over HTTPS by an untagged IAM principal of the bucket's
 * account that the policy does not name, is explicitly denied; else such a
 * request that no Deny stops. The ids are those the policy compares (known,
 * a plan's placeholder, or a new id's stand-in); one left out is a value the
 * policy does not compare.
 */
export function throughEndpointNotDenied(policy: Policy, input: BucketInput & { endpoint?: string; vpc?: string; account?: string }): Request | undefined {
  const named = namedPrincipals(policy);
  // Mostly the fence admits the endpoint: one plain request that no Deny stops says so without the search.
  const plain = plainRequests(policy, input, named).find((r) => evaluate(policy, r).decision !== 'explicit-deny');
  if (plain) return plain;
  const space = bucketSpace(policy, input, { ...(input.endpoint ? { endpoints: [input.endpoint] } : {}), ...(input.vpc ? { vpcs: [input.vpc] } : {}), ...(input.account ? { accounts: [input.account] } : {}) });
  const filters: Filters = {
    network: (v) => {
      const vpce = v.context.get('aws:sourcevpce')?.[0];
      if (vpce === undefined || (input.endpoint !== undefined && vpce !== input.endpoint)) return false;
      return input.vpc === undefined || v.context.get('aws:sourcevpc')?.[0] === input.vpc;
    },
    principal: (v) => v.principal === undefined || (v.principal.kind === 'aws' && (!input.account || v.principal.account === input.account) && !named.has(v.principal.arn)),
    any: (v) => directOverHttps(v) && ![...v.context.keys()].some((k) => k.startsWith('aws:principaltag/')),
  };
  // "Every such request is denied" must not hold only because the representative requests hold none of them.
  if (!onSomePart(policy, input, (f) => findRequest(policy, space, [], [], { ...filters, ...f }))) {
    throw new NotEvaluable('no representative request comes through the endpoint from a principal the policy does not name');
  }
  return onSomePart(policy, input, (f) => someNotDenied(policy, space, { ...filters, ...f }));
}

/** The requests throughEndpointNotDenied asks about, each with one plain value where the policy leaves it open. */
function plainRequests(policy: Policy, input: BucketInput & { endpoint?: string; vpc?: string; account?: string }, named: ReadonlySet<string>): Request[] {
  const account = input.account ?? '000000000000';
  const arn = [`arn:aws:iam::${account}:role/vpcelint-plain-caller`, `arn:aws:iam::${account}:role/vpcelint-plain-caller-2`].find((a) => !named.has(a))!;
  const context = { 'aws:SourceVpce': input.endpoint ?? 'vpce-0vpcelint0plain', 'aws:SourceVpc': input.vpc ?? 'vpc-0vpcelint0plain', 'aws:SecureTransport': 'true', 'aws:ViaAWSService': 'false' };
  const actions = (input.onlyActions ?? BUCKET_ACTIONS).filter((a) => a.toLowerCase().startsWith('s3:'));
  return bucketPairs(policy, actions, input.resources).map(([action, resource]) => makeRequest({ action, resource, principal: { kind: 'aws', account, arn }, context }));
}

/** The principal ARNs a policy writes (Principal, NotPrincipal, conditions): principals it singles out. */
function namedPrincipals(policy: Policy): ReadonlySet<string> {
  return new Set(policy.statements.flatMap((s) => [...(s.principal?.aws ?? []), ...(s.notPrincipal?.aws ?? []), ...s.conditions.flatMap((c) => c.values)]));
}

/**
 * Deny statements keyed on a network perimeter key (aws:SourceVpce,
 * aws:SourceVpc, aws:VpceOrgID, aws:VpceAccount, aws:VpceOrgPaths) that deny
 * some S3 request on the bucket coming through no VPC endpoint: a network
 * fence, whichever network it admits. A Deny that only ever applies to
 * requests through an endpoint (`ForAnyValue:StringNotEquals`, which is false
 * on a missing key; a `Null` "false" test) leaves the internet open, and one
 * that names actions only on a part of the bucket they do not act on (object
 * actions on the bucket ARN) denies nothing: neither is a fence.
 */
export function networkFences(policy: Policy, input: BucketInput): Statement[] {
  // A candidate that denies some bucket action to every request from outside any endpoint is a fence: those
  // requests are outside whatever the policy admits. When every candidate is one, the space is not needed.
  const actions = (input.onlyActions ?? BUCKET_ACTIONS).filter((a) => a.toLowerCase().startsWith('s3:'));
  const candidates = perimeterDenies(policy);
  const pairs = bucketPairs(policy, actions, input.resources);
  // Built only when the one-evaluation check does not decide (the plain fence needs none).
  let witnesses: Request[] | undefined;
  const outside = () => (witnesses ??= witnessesFromOutside(policy, actions, input.resources) ?? []);
  const fence = (d: Statement) => pairs.some(([a, r]) => deniesEveryRequestFromOutside(d, a, [r])) || outside().some((req) => statementMatches(policy, d, req));
  // A candidate whose Resource names none of the resources is no fence for them, without a search.
  const decided = candidates.filter((d) => !appliesToNone(d, input.resources));
  if (decided.every(fence)) return decided;
  return networkFencesBySolver(policy, input);
}

/** networkFences over the representative requests alone, without its shortcut (which must agree with it). */
export function networkFencesBySolver(policy: Policy, input: BucketInput): Statement[] {
  const space = bucketSpace(policy, input);
  return perimeterDenies(policy).filter((d) => onSomePart(policy, input, (f) => statementMatchesSome(policy, space, d, { ...f, network: fromInternet })) !== undefined);
}

/** Deny statements with a condition on a network perimeter key: the candidates for a fence. */
export function perimeterDenies(policy: Policy): Statement[] {
  return denies(policy).filter((d) => d.conditions.some((c) => (PERIMETER_NETWORK_KEYS as readonly string[]).includes(c.keyLower)));
}

/**
 * Why a perimeter Deny that networkFences leaves out is no fence:
 * `no-request`, it applies to no S3 request on the bucket at all (with
 * `parts` when that is because its actions act only on a part of the bucket
 * its Resource does not name); `endpoint-only`, it applies only to requests
 * that come through an endpoint, with the conditions that are false when the
 * endpoint keys are missing.
 */
export type NotAFence =
  | { statement: Statement; why: 'no-request'; parts?: { actions: BucketPart[]; resources: BucketPart[] } }
  | { statement: Statement; why: 'endpoint-only'; conditions: ConditionEntry[] };

export function whyNotFence(policy: Policy, input: BucketInput, d: Statement): NotAFence {
  const space = bucketSpace(policy, input);
  if (onSomePart(policy, input, (f) => statementMatchesSome(policy, space, d, f)) === undefined) {
    const parts = partsMismatch(policy, d, input.resources);
    return { statement: d, why: 'no-request', ...(parts ? { parts } : {}) };
  }
  const conditions = d.conditions.filter((c) => (ENDPOINT_KEYS as readonly string[]).includes(c.keyLower) && !c.hasVariables && !evalCondition(c, new Map(), false));
  return { statement: d, why: 'endpoint-only', conditions };
}

/**
 * "Can anyone still change this bucket's policy from outside the VPC?": a
 * request for `s3:PutBucketPolicy` on the bucket, from the internet, that no
 * Deny stops; `principalAllowed` drops principals that cannot exist (roles
 * absent from a closed-world inventory). Undefined means locked out.
 */
export function adminEscape(policy: Policy, input: BucketInput, principalAllowed: (v: RequestParts) => boolean = () => true): Request | undefined {
  // s3:PutBucketPolicy acts on the bucket ARN (or a placeholder for it), never on an object.
  const written = writtenActions(policy);
  const onBucketArn = input.resources.filter((r) => requestExists(PUT_POLICY, r, written));
  if (onBucketArn.length === 0) return undefined;
  // One Deny that stops every PutBucketPolicy on the bucket from outside any endpoint leaves no escape;
  // a request from outside that no Deny stops (an exempted administrator or AWS service, say) is one.
  if (denies(policy).some((d) => deniesEveryRequestFromOutside(d, PUT_POLICY, onBucketArn))) return undefined;
  const free = requestsFromOutside(policy, [PUT_POLICY], onBucketArn)?.find((req) => evaluate(policy, req).decision !== 'explicit-deny' && principalAllowed(req));
  return free ?? adminEscapeBySolver(policy, input, principalAllowed);
}

const PUT_POLICY = 's3:PutBucketPolicy';

/** adminEscape over the representative requests alone, without its shortcut (which must agree with it). */
export function adminEscapeBySolver(policy: Policy, input: BucketInput, principalAllowed: (v: RequestParts) => boolean = () => true): Request | undefined {
  // The space holds s3:PutBucketPolicy (BUCKET_ACTIONS): the one other bucket questions built already serves.
  const space = bucketSpace(policy, { resources: input.resources });
  return onSomePart(policy, { resources: input.resources, onlyActions: [PUT_POLICY] }, (f) => someNotDenied(policy, space, { ...f, network: fromInternet, principal: principalAllowed }));
}

// ---- any policy ------------------------------------------------------------

/**
 * "Does this Allow statement match a request that lacks the key?" — for a
 * network key in an `IfExists` or `ForAllValues` condition, the key is absent
 * from every request that does not come through an endpoint (aws:SourceIp:
 * from every request that does).
 */
export function allowMatchesWithoutKey(policy: Policy, stmt: Statement, keyLower: string): Request | undefined {
  const space = buildSpace(policy);
  return statementMatchesSome(policy, space, stmt, {
    network: (v) => !v.context.has(keyLower) && (keyLower === 'aws:sourceip' ? v.context.has('aws:sourcevpce') : true),
  });
}
