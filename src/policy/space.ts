import { aRegionOf, s3Arn } from '../model/partition.js';
import { arnMatch, parseArn } from './arn.js';
import { arnAccount, constantsOf, freshValue, isUniversal, valuesFor, type PolicyConstants } from './constants.js';
import { ALWAYS_PRESENT, dimensionOf, MULTIVALUED_KEYS } from './keys.js';
import type { RequestParts } from './match.js';
import { awsPrincipalOf } from './principals.js';
import { pairwiseMeets } from './meet.js';
import { NotEvaluable } from './not-evaluable.js';
import type { Policy } from './types.js';
import { hasVariables, substitute, variableKeys } from './variables.js';
import { globMatch, hasWildcard, instantiate } from './wildcard.js';

/**
 * The finite set of representative requests for one policy, split into
 * dimensions that vary independently: the action, the resource (with its
 * account, organization and tags), the principal (with its account,
 * organization, tags, service flag), the network origin (internet, or a VPC
 * endpoint with its ids), and each remaining condition key on its own. Every
 * condition key belongs to exactly one dimension, so a statement matches a
 * request exactly when its restriction to each dimension matches that
 * dimension's part: the solver relies on it.
 */
export interface Space {
  dims: Dim[];
  /** Accounts the policy or the question names: anything else is "outside". */
  knownAccounts: ReadonlySet<string>;
  /** The constants the policy compares each key with (case-folded keys). */
  named: ReadonlyMap<string, readonly string[]>;
  /** Resource ARNs that stand for "some resource the policy does not name". */
  freshResources: ReadonlySet<string>;
  freshAccount: string;
}

export interface Dim {
  name: string;
  /** Context keys this dimension assigns (case-folded). */
  keys: ReadonlySet<string>;
  values: RequestParts[];
}

/** What a question adds to the policy's own constants: the endpoint's service, the bucket's ARNs, ... */
export interface Hints {
  actions?: readonly string[];
  resources?: readonly string[];
  accounts?: readonly string[];
  endpoints?: readonly string[];
  vpcs?: readonly string[];
  /** Service prefixes whose "some other action" to try (e.g. `s3`). */
  services?: readonly string[];
  /** Organization ids to try as values of the organization keys. */
  orgIds?: readonly string[];
  /**
   * The partition of the resource asked about (`aws-us-gov` for an endpoint or
   * a bucket in GovCloud): "some other resource" and "some other principal"
   * are of it, as every request there is. Without it, the one partition the
   * policy's ARNs are written in, else the commercial one.
   */
  partition?: string;
}

export { NotEvaluable };

const MAX_DIM_VALUES = 20_000;
const FRESH_ACCOUNT = '000011112222';

const spaces = new WeakMap<Policy, Map<string, Space>>();
const SPACES_PER_POLICY = 8;

/** The representative requests of a policy for some hints; built once per (policy, hints): rules ask many questions. */
export function buildSpace(policy: Policy, hints: Hints = {}): Space {
  let byHints = spaces.get(policy);
  if (!byHints) spaces.set(policy, (byHints = new Map()));
  const key = JSON.stringify(hints);
  let space = byHints.get(key);
  if (!space) {
    space = makeSpace(policy, hints);
    // One policy shared by thousands of buckets is asked with thousands of hints: keep the last few only.
    if (byHints.size >= SPACES_PER_POLICY) byHints.delete(byHints.keys().next().value!);
    byHints.set(key, space);
  }
  return space;
}

function makeSpace(policy: Policy, hints: Hints): Space {
  const c = constantsOf(policy);
  const accounts = accountsOf(c, hints);
  const freshAccount = freshValue([...accounts], FRESH_ACCOUNT);
  accounts.add(freshAccount);
  // Variables that read the principal's account take the accounts principals are built with.
  const reps = new KeyReps(c, hints, new Map([['aws:principalaccount', [...accounts]]]));
  const freshResources = new Set<string>();
  const partition = partitionOf(c, hints);

  const groups = new Map<string, Dim>();
  const dimFor = (key: string) => {
    const d = dimensionOf(key);
    return d === 'other' ? `key:${key}` : d;
  };
  groups.set('action', { name: 'action', keys: new Set(), values: actionValues(c, hints) });
  groups.set('resource', { name: 'resource', keys: keysIn(c, 'resource'), values: resourceValues(c, hints, reps, accounts, freshAccount, freshResources, partition) });
  groups.set('principal', { name: 'principal', keys: new Set([...keysIn(c, 'principal'), 'aws:principalarn', 'aws:principalaccount', 'aws:principalisawsservice', 'aws:principalservicename']), values: principalValues(c, reps, accounts, partition) });
  groups.set('network', { name: 'network', keys: new Set([...keysIn(c, 'network'), 'aws:sourcevpce', 'aws:sourcevpc']), values: networkValues(c, reps) });
  for (const key of c.keys.keys()) {
    if (dimensionOf(key) !== 'other') continue;
    groups.set(`key:${key}`, { name: `key:${key}`, keys: new Set([key]), values: reps.contexts(key).map((context) => ({ context })) });
  }

  // Policy variables tie a key to the key they read: those dimensions vary together.
  const uf = new UnionFind();
  for (const [key, linked] of c.variableLinks) for (const l of linked) uf.union(dimFor(key), dimFor(l));
  for (const l of c.resourceVariables) uf.union('resource', dimFor(l));
  const merged = new Map<string, Dim[]>();
  for (const [name, dim] of groups) {
    const root = uf.find(name);
    merged.set(root, [...(merged.get(root) ?? []), dim]);
  }
  const dims = [...merged.values()].map((list) => (list.length === 1 ? list[0]! : product(list)));
  for (const d of dims) if (d.values.length > MAX_DIM_VALUES) throw new NotEvaluable(`the policy has too many combinations of ${d.name} values to evaluate (${d.values.length})`);

  const named = new Map([...c.keys].map(([k, e]) => [k, e.values]));
  return { dims, knownAccounts: accounts, named, freshResources, freshAccount };
}

/** Representative values of every key the policy mentions, with variables substituted by their keys' values. */
class KeyReps {
  private readonly base = new Map<string, string[]>();
  constructor(c: PolicyConstants, private readonly hints: Hints, fixed: Map<string, string[]>) {
    for (const [key, e] of c.keys) this.base.set(key, valuesFor(key, e.values, e.operators, this.extra(key)));
    for (const [key, values] of fixed) this.base.set(key, [...new Set([...(this.base.get(key) ?? []), ...values])]);
    for (const [key, e] of c.keys) {
      const substituted = e.values.filter(hasVariables).flatMap((v) => this.expand(v));
      if (substituted.length > 0) this.base.set(key, [...new Set([...this.base.get(key)!, ...substituted])]);
    }
  }

  private extra(key: string): string[] {
    if (key === 'aws:sourcevpce') return [...(this.hints.endpoints ?? [])];
    if (key === 'aws:sourcevpc') return [...(this.hints.vpcs ?? [])];
    if (key.endsWith('account')) return [...(this.hints.accounts ?? [])];
    if (key.endsWith('orgid')) return [...(this.hints.orgIds ?? [])];
    return [];
  }

  /** A value with variables, once per combination of its keys' representative values (bounded). */
  expand(value: string): string[] {
    let out: { text: string; ctx: Map<string, string[]> }[] = [{ text: value, ctx: new Map() }];
    for (const k of variableKeys(value)) {
      const vals = this.base.get(k) ?? ['vpcelint-other'];
      out = out.flatMap((o) => vals.map((v) => ({ text: o.text, ctx: new Map([...o.ctx, [k, [v]]]) }))).slice(0, 200);
    }
    return out.map((o) => substitute(o.text, o.ctx)).filter((v): v is string => v !== undefined);
  }

  values(key: string): string[] {
    return this.base.get(key) ?? [];
  }

  /** Contexts for one key on its own: each value (sets for multivalued keys), and absent when that can happen. */
  contexts(key: string): Map<string, string[]>[] {
    const out = this.valueSets(key).map((v) => new Map([[key, v]]));
    if (!ALWAYS_PRESENT.has(key)) out.push(new Map());
    return out;
  }

  /** The request values a key can take: one value each, or small sets for multivalued keys. */
  valueSets(key: string): string[][] {
    const vals = this.values(key);
    if (!MULTIVALUED_KEYS.has(key)) return vals.map((v) => [v]);
    const sets = vals.map((v) => [v]);
    if (vals.length <= 6) for (let i = 0; i < vals.length; i++) for (let j = i + 1; j < vals.length; j++) sets.push([vals[i]!, vals[j]!]);
    return sets;
  }
}

function keysIn(c: PolicyConstants, dim: 'resource' | 'principal' | 'network'): Set<string> {
  return new Set([...c.keys.keys()].filter((k) => dimensionOf(k) === dim));
}

function accountsOf(c: PolicyConstants, hints: Hints): Set<string> {
  const out = new Set<string>(hints.accounts ?? []);
  for (const p of c.awsPrincipals) {
    const a = p.startsWith('arn:') ? arnAccount(p) : p;
    if (a) out.add(a);
  }
  for (const key of ['aws:principalaccount', 'aws:resourceaccount', 's3:resourceaccount', 'aws:vpceaccount']) {
    for (const v of c.keys.get(key)?.values ?? []) if (!hasWildcard(v) && !hasVariables(v)) out.add(v);
  }
  for (const v of c.keys.get('aws:principalarn')?.values ?? []) {
    const a = arnAccount(v);
    if (a) out.add(a);
  }
  for (const r of c.resources) {
    const a = arnAccount(r);
    if (a) out.add(a);
  }
  return out;
}

function actionValues(c: PolicyConstants, hints: Hints): RequestParts[] {
  const out = new Set<string>(hints.actions ?? []);
  const services = new Set<string>(hints.services ?? []);
  for (const a of [...c.actions, ...(hints.actions ?? [])]) {
    const colon = a.indexOf(':');
    if (colon > 0 && !hasWildcard(a.slice(0, colon))) services.add(a.slice(0, colon).toLowerCase());
    if (hasWildcard(a)) {
      out.add(instantiate(a, ''));
      out.add(instantiate(a, 'Vpcelintq'));
    } else out.add(a);
  }
  // Actions are matched without case: `s3:Get*` and `s3:*Acl` meet in `s3:get…acl`.
  for (const m of pairwiseMeets([...c.actions, ...(hints.actions ?? [])], 'glob', true)) {
    out.add(instantiate(m, ''));
    out.add(instantiate(m, 'Vpcelintq'));
  }
  for (const s of services) out.add(freshValue(c.actions, `${s}:VpcelintOtherAction`));
  out.add(freshValue(c.actions, 'vpcelint-other:OtherAction'));
  return [...out].map((action) => ({ action, context: new Map() }));
}

function resourceValues(c: PolicyConstants, hints: Hints, reps: KeyReps, accounts: Set<string>, freshAccount: string, fresh: Set<string>, partition: string): RequestParts[] {
  const arns = new Set<string>(hints.resources ?? []);
  const patterns = c.resources.flatMap((r) => (hasVariables(r) ? reps.expand(r) : [r]));
  for (const f of [...patterns, ...pairwiseMeets(patterns, 'arn')]) {
    if (f === '*') continue;
    if (hasWildcard(f)) {
      arns.add(instantiate(f, ''));
      arns.add(instantiate(f, 'Vpcelintq'));
    } else arns.add(f);
  }
  for (const f of freshResourceArns(c, hints, freshAccount, partition)) {
    fresh.add(f);
    arns.add(f);
  }
  const keys = keysIn(c, 'resource');
  const accountReps = [...new Set([...accounts, ...reps.values('aws:resourceaccount'), ...reps.values('s3:resourceaccount')])];
  const others = [...keys].filter((k) => k !== 'aws:resourceaccount' && k !== 's3:resourceaccount');
  const out: RequestParts[] = [];
  for (const arn of arns) {
    const own = parseArn(arn)?.account;
    const accountChoices = own ? [own] : accountReps;
    for (const account of accountChoices) {
      const base = new Map<string, string[]>();
      if (keys.has('aws:resourceaccount')) base.set('aws:resourceaccount', [account]);
      if (keys.has('s3:resourceaccount')) base.set('s3:resourceaccount', [account]);
      for (const ctx of combine(base, others, reps)) out.push({ resource: arn, context: ctx });
      if (out.length > MAX_DIM_VALUES) throw new NotEvaluable('the policy has too many combinations of resource values to evaluate');
    }
  }
  return out;
}

/** One resource per service the policy or the hints name that no resource pattern of the policy names: "some other resource". */
function freshResourceArns(c: PolicyConstants, hints: Hints, freshAccount: string, partition: string): string[] {
  const services = new Set<string>(['s3', ...(hints.services ?? [])]);
  for (const a of c.actions) {
    const colon = a.indexOf(':');
    if (colon > 0 && !hasWildcard(a.slice(0, colon))) services.add(a.slice(0, colon).toLowerCase());
  }
  const generic = [...services].map((s) =>
    freshValue(c.resources, s === 's3' ? s3Arn(partition, 'vpcelint-other-bucket', 'vpcelint-other-object') : `arn:${partition}:${s}:${aRegionOf(partition)}:${freshAccount}:vpcelint-other`),
  );
  const foreign = c.resources.map((r) => foreignInstance(r, freshAccount, partition)).filter((r): r is string => r !== undefined);
  return foreign.length === 0 ? generic : [...new Set([...generic, ...foreign])];
}

/**
 * A resource of an account the policy does not name that a pattern with a
 * wildcard account matches (`arn:aws:dynamodb:*:*:table/*`: some other
 * account's table). The generic stand-in has no resource type, so typed
 * patterns never match it; this one has the pattern's own type. Not for
 * services whose resources no account can open to another's principals
 * (no resource-based policy, no sharing): there such a pattern reaches the
 * owner's resources and AWS's own (AWS IoT's managed job templates, which
 * AWS's data-perimeter endpoint policy allows as `arn:aws:iot:*:*:jobtemplate/*`).
 */
function foreignInstance(pattern: string, freshAccount: string, partition: string): string | undefined {
  // Most patterns are S3 ARNs (no account part) or have no wildcard: told without parsing.
  if (!hasWildcard(pattern) || S3_ARN_PREFIX.test(pattern) || hasVariables(pattern)) return undefined;
  const p = parseArn(pattern);
  if (!p || !hasWildcard(p.account) || !globMatch(p.account, freshAccount) || NOT_SHARED_ACROSS_ACCOUNTS.has(p.service)) return undefined;
  const home = aRegionOf(partition);
  const region = globMatch(p.region, home) ? home : instantiate(p.region, 'vpcelint-other');
  const arn = `arn:${globMatch(p.partition, partition) ? partition : instantiate(p.partition, 'aws')}:${instantiate(p.service, 'vpcelint-other')}:${region}:${freshAccount}:${instantiate(p.resource, 'vpcelint-other')}`;
  return arnMatch(pattern, arn) ? arn : undefined;
}

const S3_ARN_PREFIX = /^arn:[^:]*:s3:::/;

/** The partition the stand-ins are of (Hints.partition). */
function partitionOf(c: PolicyConstants, hints: Hints): string {
  return hints.partition ?? c.partition ?? 'aws';
}

/** IAM prefixes of services without resource-based policies or cross-account sharing. */
const NOT_SHARED_ACROSS_ACCOUNTS: ReadonlySet<string> = new Set(['iot']);

/** Whether a resource is one of the stand-ins for "a resource the policy does not name" (for messages). */
export function isStandInResource(resource: string): boolean {
  return resource.includes('vpcelint-other') || (parseArn(resource)?.account.startsWith(FRESH_ACCOUNT) ?? false);
}

/** The resources a space built with these hints would stand "resources the policy does not name" with, without building it. */
export function freshResourcesOf(policy: Policy, hints: Hints = {}): string[] {
  const c = constantsOf(policy);
  return freshResourceArns(c, hints, freshValue([...accountsOf(c, hints)], FRESH_ACCOUNT), partitionOf(c, hints));
}

function principalValues(c: PolicyConstants, reps: KeyReps, accounts: Set<string>, partition: string): RequestParts[] {
  const keys = keysIn(c, 'principal');
  const out: RequestParts[] = [{ principal: { kind: 'anonymous' }, context: new Map() }];
  const written = c.keys.get('aws:principalarn')?.values ?? [];
  // With the ARNs two patterns both match (`role/app-*` and `role/*-prod`), each still of any account the patterns allow.
  const arnPatterns = [...reps.values('aws:principalarn'), ...written, ...pairwiseMeets(written.filter((v) => !hasVariables(v)), 'arn')];
  const named = c.awsPrincipals.filter((p) => p.startsWith('arn:'));
  const subKeys = [...keys].filter((k) => !['aws:principalarn', 'aws:principalaccount', 'aws:principalisawsservice', 'aws:principalservicename'].includes(k));
  for (const account of accounts) {
    const arnsHere = new Set<string>();
    for (const p of [...named, ...arnPatterns]) {
      const parsed = parseArn(p);
      if (!parsed || hasVariables(p)) continue;
      if (hasWildcard(parsed.account)) arnsHere.add(instantiate(`arn:${parsed.partition}:${parsed.service}:${parsed.region}:${account}:${parsed.resource}`, ''));
      else if (parsed.account === account) arnsHere.add(hasWildcard(p) ? instantiate(p, '') : p);
    }
    arnsHere.add(freshValue(arnPatterns.concat(named), `arn:${partition}:iam::${account}:role/vpcelint-other`));
    for (const arn of arnsHere) {
      // An assumed-role session ARN is that session of its role: aws:PrincipalArn carries the role's ARN.
      const principal = awsPrincipalOf(account, arn, named);
      const base = new Map<string, string[]>([
        ['aws:principalarn', [principal.arn]],
        ['aws:principalaccount', [account]],
        ['aws:principalisawsservice', ['false']],
      ]);
      for (const ctx of combine(base, subKeys, reps)) out.push({ principal, context: ctx });
      if (out.length > MAX_DIM_VALUES) throw new NotEvaluable('the policy has too many combinations of principal values to evaluate');
    }
  }
  // Plans: a principal ARN known only after apply (a placeholder) is a principal of its own, in an account of its own.
  for (const v of c.keys.get('aws:principalarn')?.values ?? []) {
    if (v.startsWith('arn:') || hasWildcard(v) || hasVariables(v)) continue;
    const account = `<account of ${v}>`;
    accounts.add(account);
    out.push({ principal: { kind: 'aws', account, arn: v }, context: new Map([['aws:principalarn', [v]], ['aws:principalaccount', [account]], ['aws:principalisawsservice', ['false']]]) });
  }
  const services = new Set([...c.services, ...reps.values('aws:principalservicename')]);
  services.add(freshValue([...services], 'vpcelint-other.amazonaws.com'));
  for (const service of services) {
    out.push({
      principal: { kind: 'service', service },
      context: new Map([
        ['aws:principalisawsservice', ['true']],
        ['aws:principalservicename', [service]],
      ]),
    });
  }
  for (const provider of c.federated) out.push({ principal: { kind: 'federated', provider }, context: new Map() });
  for (const id of c.canonicalUsers) out.push({ principal: { kind: 'canonical-user', id }, context: new Map() });
  return out;
}

function networkValues(c: PolicyConstants, reps: KeyReps): RequestParts[] {
  const keys = keysIn(c, 'network');
  const out: RequestParts[] = [];
  // Internet (or any path that is not a VPC endpoint): no endpoint key, a source IP.
  const ipReps = keys.has('aws:sourceip') ? reps.values('aws:sourceip') : [];
  if (ipReps.length === 0) out.push({ context: new Map() });
  for (const ip of ipReps) out.push({ context: new Map([['aws:sourceip', [ip]]]) });
  // Through a VPC endpoint: endpoint keys present, aws:SourceIp absent.
  const vpces = withFresh(reps.values('aws:sourcevpce'), 'vpce-0vpcelint0other0');
  const vpcs = withFresh(reps.values('aws:sourcevpc'), 'vpc-0vpcelint0other0');
  const others = [...keys].filter((k) => k !== 'aws:sourceip' && k !== 'aws:sourcevpce' && k !== 'aws:sourcevpc');
  for (const vpce of vpces) {
    for (const vpc of vpcs) {
      const base = new Map<string, string[]>([
        ['aws:sourcevpce', [vpce]],
        ['aws:sourcevpc', [vpc]],
      ]);
      for (const ctx of combine(base, others, reps, ['aws:vpceaccount', 'aws:vpceorgid', 'aws:vpceorgpaths', 'aws:sourcevpcarn'])) out.push({ context: ctx });
      if (out.length > MAX_DIM_VALUES) throw new NotEvaluable('the policy has too many combinations of network values to evaluate');
    }
  }
  return out;
}

function withFresh(values: string[], fresh: string): string[] {
  return values.length > 0 ? values : [fresh];
}

/**
 * Every combination of the keys' values on top of a base context. Keys in
 * `mayBeAbsent` (or not always present) are also tried absent.
 */
function combine(base: Map<string, string[]>, keys: string[], reps: KeyReps, mayBeAbsent?: string[]): Map<string, string[]>[] {
  let out: Map<string, string[]>[] = [base];
  for (const k of keys) {
    const choices: (string[] | undefined)[] = reps.valueSets(k);
    if (mayBeAbsent ? mayBeAbsent.includes(k) || !ALWAYS_PRESENT.has(k) : !ALWAYS_PRESENT.has(k)) choices.push(undefined);
    const next: Map<string, string[]>[] = [];
    for (const ctx of out) {
      for (const v of choices) {
        const m = new Map(ctx);
        if (v) m.set(k, v);
        next.push(m);
      }
    }
    out = next;
    if (out.length > MAX_DIM_VALUES) throw new NotEvaluable(`the policy has too many combinations of ${k} values to evaluate`);
  }
  return out;
}

/** The cartesian product of dimensions, as one dimension. */
function product(list: Dim[]): Dim {
  let values: RequestParts[] = [{ context: new Map() }];
  for (const d of list) {
    const next: RequestParts[] = [];
    for (const a of values) {
      for (const b of d.values) {
        next.push({ ...a, ...b, context: new Map([...a.context, ...b.context]) });
        if (next.length > MAX_DIM_VALUES) throw new NotEvaluable(`the policy ties ${list.map((x) => x.name).join(' and ')} together through policy variables in too many combinations to evaluate`);
      }
    }
    values = next;
  }
  return { name: list.map((d) => d.name).join('+'), keys: new Set(list.flatMap((d) => [...d.keys])), values };
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    while (p !== (this.parent.get(p) ?? p)) p = this.parent.get(p)!;
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/**
 * Whether a request value is one the policy names for that key: equal to a
 * constant, matched by a pattern that does not match every value the key can
 * take (`o-*` names no organization), or compared with a policy
 * variable (`aws:ResourceAccount` = `${aws:PrincipalAccount}` ties the
 * resource to the caller's own account: a limit, not an open door).
 */
export function isNamed(space: Space, key: string, value: string): boolean {
  return (space.named.get(key) ?? []).some((c) => c === value || hasVariables(c) || (hasWildcard(c) && !isUniversal(c, key) && globMatch(c, value)));
}
