import { writtenPartition } from '../model/partition.js';
import { parseArn } from './arn.js';
import { parseDate } from './conditions.js';
import { parseCidr, firstAddress, lastAddress, cidrContains, parseIp } from './ip.js';
import { keyType } from './keys.js';
import { pairwiseMeets } from './meet.js';
import type { BaseOperator, Policy } from './types.js';
import { hasVariables, variableKeys } from './variables.js';
import { globMatch, hasWildcard, instantiate } from './wildcard.js';

/** Everything a policy mentions, gathered once: the raw material of representative requests. */
export interface PolicyConstants {
  actions: string[];
  resources: string[];
  /** Condition values per case-folded key, with the operators that use them. */
  keys: Map<string, { values: string[]; operators: Set<BaseOperator> }>;
  awsPrincipals: string[];
  services: string[];
  federated: string[];
  canonicalUsers: string[];
  /** Which keys each key's values read through policy variables (for merging dimensions). */
  variableLinks: Map<string, Set<string>>;
  /** Keys read by variables in Resource / NotResource patterns. */
  resourceVariables: Set<string>;
  actionVariables: Set<string>;
  /** The one partition the policy's ARNs (resources, principals) are written in, if they agree on one. */
  partition?: string;
}

export function constantsOf(policy: Policy): PolicyConstants {
  const out: PolicyConstants = {
    actions: [],
    resources: [],
    keys: new Map(),
    awsPrincipals: [],
    services: [],
    federated: [],
    canonicalUsers: [],
    variableLinks: new Map(),
    resourceVariables: new Set(),
    actionVariables: new Set(),
  };
  for (const s of policy.statements) {
    out.actions.push(...(s.action ?? []), ...(s.notAction ?? []));
    for (const r of [...(s.resource ?? []), ...(s.notResource ?? [])]) {
      out.resources.push(r);
      if (policy.variablesEnabled) for (const k of variableKeys(r)) out.resourceVariables.add(k);
    }
    for (const spec of [s.principal, s.notPrincipal]) {
      if (!spec) continue;
      out.awsPrincipals.push(...spec.aws);
      out.services.push(...spec.service);
      out.federated.push(...spec.federated);
      out.canonicalUsers.push(...spec.canonicalUser);
    }
    for (const c of s.conditions) {
      let entry = out.keys.get(c.keyLower);
      if (!entry) out.keys.set(c.keyLower, (entry = { values: [], operators: new Set() }));
      entry.operators.add(c.base);
      if (c.base === 'Null') continue;
      entry.values.push(...c.values);
      if (!policy.variablesEnabled) continue;
      for (const v of c.values) {
        for (const k of variableKeys(v)) {
          let links = out.variableLinks.get(c.keyLower);
          if (!links) out.variableLinks.set(c.keyLower, (links = new Set()));
          links.add(k);
        }
      }
    }
  }
  const partition = writtenPartition([...out.resources, ...out.awsPrincipals]);
  if (partition !== undefined) out.partition = partition;
  return out;
}

const FILL = 'Vpcelintq';

/**
 * Representative values of a string-like key: each constant (patterns
 * instantiated with an empty and a non-empty fill, case variants when an
 * IgnoreCase operator is used, neighbours of numbers and dates, ends of
 * CIDR blocks) and one value that equals and matches none of them.
 */
export function valuesFor(keyLower: string, values: readonly string[], operators: ReadonlySet<BaseOperator>, extra: readonly string[] = []): string[] {
  const plain = [...values, ...extra].filter((v) => !hasVariables(v));
  const out = new Set<string>();
  const type = keyType(keyLower);
  const numeric = [...operators].some((o) => o.startsWith('Numeric')) || type === 'numeric';
  const date = [...operators].some((o) => o.startsWith('Date')) || type === 'date';
  const ip = operators.has('IpAddress') || operators.has('NotIpAddress') || type === 'ip';
  const bool = operators.has('Bool') || type === 'bool';
  if (bool) return ['true', 'false'];
  for (const v of plain) {
    if (ip) {
      const c = parseCidr(v);
      if (c) {
        out.add(firstAddress(c));
        out.add(lastAddress(c));
      }
      continue;
    }
    if (numeric) {
      const n = Number(v);
      if (Number.isFinite(n)) for (const d of [-1, 0, 1]) out.add(String(n + d));
      continue;
    }
    if (date) {
      const ms = parseDate(v);
      if (ms !== undefined) for (const d of [-1000, 0, 1000]) out.add(new Date(ms + d).toISOString());
      continue;
    }
    if (hasWildcard(v)) {
      out.add(instantiate(v, ''));
      out.add(instantiate(v, FILL));
    } else out.add(v);
    if (operators.has('StringEqualsIgnoreCase') || operators.has('StringNotEqualsIgnoreCase')) out.add(swapCase(v));
  }
  if (!ip && !numeric && !date) {
    // A value two patterns both match (an Allow's `app-*`, a Deny's exception `*-prod`).
    const arn = type === 'arn' || [...operators].some((o) => o.startsWith('Arn'));
    for (const m of pairwiseMeets(plain, arn ? 'arn' : 'glob')) {
      out.add(instantiate(m, ''));
      out.add(instantiate(m, FILL));
    }
  }
  if (ip) {
    for (const candidate of ['203.0.113.77', '198.51.100.77', '192.0.2.77', '2001:db8:ffff::77', '8.8.4.4']) {
      const a = parseIp(candidate)!;
      if (!plain.some((v) => { const c = parseCidr(v); return c !== undefined && cidrContains(c, a); })) {
        out.add(candidate);
        break;
      }
    }
    return [...out];
  }
  if (numeric) {
    if (out.size === 0) out.add('0');
    return [...out];
  }
  if (date) {
    if (out.size === 0) out.add('2020-01-01T00:00:00.000Z');
    return [...out];
  }
  const arnKey = keyLower.startsWith('aws:principalarn') || type === 'arn';
  out.add(freshValue(plain, arnKey ? `arn:${writtenPartition(plain) ?? 'aws'}:iam::000000000000:role/vpcelint-other` : 'vpcelint-other'));
  return [...out];
}

/** A value that equals no constant and matches no pattern except those matching everything. */
export function freshValue(constants: readonly string[], base: string): string {
  const fallback = `${base}-${constants.length}`;
  const clashes = (c: string, candidate: string) => c === candidate || (hasWildcard(c) && !isUniversal(c) && globMatch(c, candidate));
  // A pattern ending in `*` that matches the base matches every `<base>-<i>` too (its last star takes the
  // suffix): no candidate can avoid it, so the search below would end at the fallback after 100 tries.
  // `s3:*` against `s3:VpcelintOtherAction` is the common case.
  if (constants.some((c) => c.endsWith('*') && clashes(c, base))) return fallback;
  for (let i = 0; i < 100; i++) {
    const candidate = i === 0 ? base : `${base}-${i}`;
    if (!constants.some((c) => clashes(c, candidate))) return candidate;
  }
  return fallback;
}

/**
 * A pattern that matches every string (`*`, `**`): a fresh value may match
 * it. With a key whose values have a fixed form (account ids, organization
 * ids and paths), also a pattern that matches every well-formed value:
 * `????????????` for an account and `o-*` for an organization limit nothing.
 * Judged by matching: a pattern with any literal character beyond the fixed
 * ones misses one of the samples, which vary every free character and length.
 */
export function isUniversal(pattern: string, keyLower?: string): boolean {
  if (/^\*+$/.test(pattern)) return true;
  const samples = keyLower === undefined ? undefined : domainSamples(keyLower);
  return samples !== undefined && samples.every((s) => globMatch(pattern, s));
}

const ACCOUNT_SAMPLES = ['000000000000', '111111111111'];
const ORG_SAMPLES = ['o-aaaaaaaaaa', 'o-0000000000', `o-${'a'.repeat(32)}`, `o-${'0'.repeat(32)}`];
const PATH_SAMPLES = ['o-aaaaaaaaaa/r-aaaa/', 'o-0000000000/r-0000/', 'o-aaaaaaaaaa/r-aaaa/ou-aaaa-aaaaaaaa/', 'o-0000000000/r-0000/ou-0000-00000000/'];

function domainSamples(keyLower: string): readonly string[] | undefined {
  if (/^(aws:(principal|resource|vpce|source)account|s3:resourceaccount)$/.test(keyLower)) return ACCOUNT_SAMPLES;
  if (/^aws:(principal|resource|vpce|source)orgid$/.test(keyLower)) return ORG_SAMPLES;
  if (/^aws:(principal|resource|vpce|source)orgpaths$/.test(keyLower)) return PATH_SAMPLES;
  return undefined;
}

function swapCase(v: string): string {
  let out = '';
  for (const ch of v) out += ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase();
  return out;
}

/** The account field of an ARN pattern, when it is a plain value (no wildcard, not empty). */
export function arnAccount(value: string): string | undefined {
  const a = parseArn(value)?.account;
  return a && !hasWildcard(a) ? a : undefined;
}
