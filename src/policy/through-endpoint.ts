import { evalCondition } from './conditions.js';
import { NotEvaluable, type Hints, type Space } from './space.js';
import type { RequestParts } from './match.js';
import type { Policy, Request } from './types.js';

/**
 * Every request an endpoint policy filters came through that endpoint: its
 * aws:SourceVpce is the endpoint's id, its aws:SourceVpc the endpoint's VPC,
 * and it carries no aws:SourceIp (RULES.md, policy semantics). The endpoint
 * questions ask about those requests only.
 */
export interface EndpointOrigin {
  /** The endpoint's id (`vpce-…`, or a plan's placeholder for it); left out: unknown. */
  endpointId?: string;
  /** Its VPC's id (`vpc-…`, or a plan's placeholder); left out: unknown. */
  vpcId?: string;
}

const ORIGIN_KEYS = [
  { key: 'aws:sourcevpce', known: (o: EndpointOrigin) => o.endpointId, what: 'id (aws:SourceVpce)' },
  { key: 'aws:sourcevpc', known: (o: EndpointOrigin) => o.vpcId, what: 'VPC id (aws:SourceVpc)' },
] as const;

/** Condition keys the policy's statements compare (once per policy: every endpoint that shares it asks). */
function keysCompared(policy: Policy): ReadonlySet<string> {
  let keys = compared.get(policy);
  if (!keys) compared.set(policy, (keys = new Set(policy.statements.flatMap((s) => s.conditions.map((c) => c.keyLower)))));
  return keys;
}

const compared = new WeakMap<Policy, ReadonlySet<string>>();

/**
 * The part of the origin the policy can tell apart: the ids whose keys it
 * compares. Where it compares neither, every endpoint's requests look alike
 * to it, and answers (and the set of representative requests) are shared.
 */
function relevantOrigin(policy: Policy, origin: EndpointOrigin): EndpointOrigin {
  const compared = keysCompared(policy);
  return {
    ...(origin.endpointId !== undefined && compared.has('aws:sourcevpce') ? { endpointId: origin.endpointId } : {}),
    ...(origin.vpcId !== undefined && compared.has('aws:sourcevpc') ? { vpcId: origin.vpcId } : {}),
  };
}

/** Which of the endpoint's ids the policy compares: the others need not be looked up. */
export function originCompared(policy: Policy): { readonly endpointId: boolean; readonly vpcId: boolean } {
  const compared = keysCompared(policy);
  const endpointId = compared.has('aws:sourcevpce');
  const vpcId = compared.has('aws:sourcevpc');
  return endpointId ? (vpcId ? BOTH : ENDPOINT_ONLY) : vpcId ? VPC_ONLY : NEITHER;
}

const BOTH = { endpointId: true, vpcId: true } as const;
const ENDPOINT_ONLY = { endpointId: true, vpcId: false } as const;
const VPC_ONLY = { endpointId: false, vpcId: true } as const;
const NEITHER = { endpointId: false, vpcId: false } as const;

/** The endpoint's known id and VPC as values the representative requests must hold, when the policy compares them. */
export function originHints(policy: Policy, origin: EndpointOrigin): Pick<Hints, 'endpoints' | 'vpcs'> {
  const { endpointId, vpcId } = relevantOrigin(policy, origin);
  return { ...(endpointId !== undefined ? { endpoints: [endpointId] } : {}), ...(vpcId !== undefined ? { vpcs: [vpcId] } : {}) };
}

type Admit = (value: string | undefined) => boolean;

/**
 * Asks an endpoint question of the requests that came through the endpoint,
 * with a filter on the network part of the request. When the endpoint's id
 * or VPC is unknown and the policy compares it, the question is asked once
 * per class of values the policy's conditions treat alike (the values it
 * names, and any other): the answer stands when all classes agree; else it
 * depends on a value known only after apply, and NotEvaluable says so rather
 * than guess.
 */
export function throughEndpoint(policy: Policy, space: Space, origin: EndpointOrigin, ask: (network: (v: RequestParts) => boolean) => Request | undefined): Request | undefined {
  const compared = keysCompared(policy);
  const [vpces, vpcs] = ORIGIN_KEYS.map(({ key, known }): Admit[] => {
    if (!compared.has(key)) return [() => true];
    const value = known(origin);
    return value !== undefined ? [(x) => x === value] : classesOf(policy, space, key);
  }) as [Admit[], Admit[]];
  let answer: Request | undefined;
  let asked = false;
  for (const vpce of vpces) {
    for (const vpc of vpcs) {
      const r = ask((v) => v.context.has('aws:sourcevpce') && !v.context.has('aws:sourceip') && vpce(v.context.get('aws:sourcevpce')?.[0]) && vpc(v.context.get('aws:sourcevpc')?.[0]));
      if (asked && (r === undefined) !== (answer === undefined)) {
        const unknown = ORIGIN_KEYS.filter(({ key, known }) => compared.has(key) && known(origin) === undefined).map(({ what }) => what);
        throw new NotEvaluable(`the answer depends on the endpoint's ${unknown.join(' and ')}, which is not known (a plan knows it only after apply)`);
      }
      answer ??= r;
      asked = true;
    }
  }
  return answer;
}

/** The key's representative values in the space, grouped by which of the policy's conditions on the key they satisfy. */
function classesOf(policy: Policy, space: Space, key: string): Admit[] {
  const entries = policy.statements.flatMap((s) => s.conditions.filter((e) => e.keyLower === key));
  // A value compared with a policy variable depends on other keys too: each value is then a class of its own.
  const exact = entries.some((e) => e.hasVariables);
  // Remembered: the filters ask again for every representative request of every question.
  const signatures = new Map<string, string>();
  const signature = (x: string) => {
    let sig = signatures.get(x);
    if (sig === undefined) signatures.set(x, (sig = exact ? x : entries.map((e) => (evalCondition(e, new Map([[key, [x]]]), false) ? '1' : '0')).join('')));
    return sig;
  };
  const values = new Set<string>();
  for (const d of space.dims) {
    if (!d.keys.has(key)) continue;
    for (const v of d.values) {
      const x = v.context.get(key)?.[0];
      if (x !== undefined) values.add(x);
    }
  }
  return [...new Set([...values].map(signature))].map((sig) => (x) => x !== undefined && signature(x) === sig);
}
