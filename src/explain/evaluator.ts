import type { Inventory } from '../model/inventory.js';
import type { PolicySource } from '../model/nodes.js';
import { placeholderSubject, wholeValuePlaceholders } from '../model/placeholders.js';
import { displayName, type Ref } from '../model/ref.js';
import { partitionOfArn, partitionOfRef } from '../model/partition.js';
import { buildSpace, directOverHttps, evaluate, fullAccessGap, NotEvaluable, parsePolicyCached, writtenResources, type Policy, type Request, type Statement } from '../policy/index.js';
import { allRequests } from '../policy/solve.js';
import type { PolicyEvaluator, PolicyRequest, PolicyRole, Verdict } from './policy-step.js';
import { comparedId } from '../policy/fresh-ids.js';

type Document = Extract<PolicySource, { kind: 'document' }>;

/** Representative requests tried per verdict; past this the answer is "not evaluated", never a guess. */
const MAX_REQUESTS = 20_000;

/**
 * The explain command's evaluator, over the policy engine of src/policy/. A
 * request on a path fixes the action, the resource, and the network (the
 * endpoint and VPC it comes through, or none); what explain cannot know (who
 * the caller is, their tags, the NAT's public address, ...) is varied over the
 * representative values the policy itself mentions. One decision for all of
 * them is the verdict; different decisions make the verdict "depends".
 */
export function policyEvaluator(inv: Inventory): PolicyEvaluator {
  return {
    evaluate: (doc, role, request) => withNotes(evaluateOnPath(inv, doc, role, request)),
    describeEndpointPolicy: (doc, endpoint) => describeEndpointPolicy(inv, doc, endpoint),
  };
}

function parsed(doc: Document): Policy | string {
  const result = parsePolicyCached(doc.text);
  if (result.ok) return result.policy;
  const first = result.problems[0];
  return `the policy of ${displayName(doc.holder)} does not parse${first ? ` (${first.message} at ${first.path})` : ''}`;
}

function evaluateOnPath(inv: Inventory, doc: Document, role: PolicyRole, req: PolicyRequest): Verdict & { notes?: string[] } {
  const policy = parsed(doc);
  if (typeof policy === 'string') return { decision: 'not-evaluated', because: policy };
  const whole = req.bucket ? wholeValuePlaceholders(writtenResources(policy), doc.placeholders ?? {}, req.bucket.key) : [];
  if (whole.length > 0) {
    return { decision: 'not-evaluated', because: `the plan records only that a Resource of the ${role} policy is built from ${whole.map(placeholderSubject).join(' and ')}, known only after apply, not whether it names the bucket or its objects; the .tf files beside the plan say which` };
  }
  const endpoint = req.endpoint ? comparedId(inv, policy, doc.placeholders ?? {}, req.endpoint, 'aws:sourcevpce') : undefined;
  const vpc = req.vpc ? comparedId(inv, policy, doc.placeholders ?? {}, req.vpc, 'aws:sourcevpc') : undefined;
  if (req.endpoint && !endpoint && mentions(policy, 'aws:sourcevpce')) {
    return { decision: 'not-evaluated', because: `the id of ${displayName(req.endpoint)} is known only after apply and the policy does not reference it, so whether its aws:SourceVpce conditions match is unknown` };
  }
  if (req.vpc && !vpc && mentions(policy, 'aws:sourcevpc')) {
    return { decision: 'not-evaluated', because: `the id of ${displayName(req.vpc)} is known only after apply and the policy does not reference it, so whether its aws:SourceVpc conditions match is unknown` };
  }
  const endpointId = endpoint?.id;
  const vpcId = vpc?.id;
  const notes = [endpoint?.note, vpc?.note].filter((n): n is string => n !== undefined);
  const account = req.account;
  const action = req.action.toLowerCase();
  const partition = partitionOfArn(req.resource);
  let space;
  try {
    space = buildSpace(policy, {
      actions: [req.action],
      resources: [req.resource],
      services: [req.action.split(':')[0]!],
      ...(endpointId ? { endpoints: [endpointId] } : {}),
      ...(vpcId ? { vpcs: [vpcId] } : {}),
      ...(account ? { accounts: [account] } : {}),
      ...(partition ? { partition } : {}),
    });
  } catch (err) {
    if (err instanceof NotEvaluable) return { decision: 'not-evaluated', because: `policy not evaluated: ${err.message}` };
    throw err;
  }
  const requests = allRequests(space, {
    action: (v) => v.action === undefined || v.action.toLowerCase() === action,
    resource: (v) => v.resource === undefined || v.resource === req.resource,
    // A request signed by an IAM principal (of the bucket's account, when known): the caller explain asks about.
    principal: (v) => v.principal === undefined || (v.principal.kind === 'aws' && (!account || v.principal.account === account)),
    // Through the endpoint, or not. Ids matter only where the policy compares them (then the space holds ours).
    network: req.endpoint
      ? (v) => {
          const vpce = v.context.get('aws:sourcevpce')?.[0];
          if (vpce === undefined) return false;
          if (endpointId && mentions(policy, 'aws:sourcevpce') && vpce !== endpointId) return false;
          return !(vpcId && mentions(policy, 'aws:sourcevpc') && v.context.get('aws:sourcevpc')?.[0] !== vpcId);
        }
      : (v) => !v.context.has('aws:sourcevpce'),
    any: directOverHttps,
  });
  const outcomes = new Map<string, { request: Request; statement?: Statement }>();
  let n = 0;
  for (const r of requests) {
    if (++n > MAX_REQUESTS) return { decision: 'not-evaluated', because: 'policy not evaluated: too many combinations of unknown values' };
    const e = evaluate(policy, r);
    const deciding = e.decision === 'implicit-deny' ? undefined : policy.statements.find((s) => e.matched.includes(s.index) && s.effect === (e.decision === 'allow' ? 'Allow' : 'Deny'));
    const key = `${e.decision}\u0000${deciding?.index ?? ''}`;
    if (!outcomes.has(key)) outcomes.set(key, { request: r, ...(deciding ? { statement: deciding } : {}) });
  }
  if (outcomes.size === 0) return { decision: 'not-evaluated', because: 'policy not evaluated: no request of this kind fits the policy\'s terms' };
  const decisions = new Set([...outcomes.keys()].map((k) => k.split('\u0000')[0]));
  const [first] = outcomes.values();
  if (decisions.size === 1) {
    const decision = [...decisions][0]!;
    const label = first!.statement ? statementLabel(first!.statement) : undefined;
    const who = role === 'endpoint' ? 'endpoint policy' : 'bucket policy';
    if (decision === 'explicit-deny') return { decision: 'deny', statement: label!, because: `a Deny in the ${who} matches`, notes };
    if (decision === 'allow') return { decision: 'allow', statement: label!, because: `an Allow in the ${who} matches`, notes };
    return { decision: 'no-match', because: `no statement of the ${who} allows it`, notes };
  }
  return { decision: 'depends', because: dependsOn([...outcomes.values()]), notes };
}

/** A verdict that went by a new node's id says so. */
function withNotes(v: Verdict & { notes?: string[] }): Verdict {
  const { notes, ...verdict } = v;
  return notes && notes.length > 0 ? { ...verdict, because: `${verdict.because} (${notes.join('; ')})` } : verdict;
}

function mentions(policy: Policy, keyLower: string): boolean {
  return policy.statements.some((s) => s.conditions.some((c) => c.keyLower === keyLower));
}

function statementLabel(s: Statement): string {
  return s.sid ? `"${s.sid}"` : `#${s.index + 1}`;
}

/** What tells the outcomes apart: the caller, or the values of some condition keys. */
function dependsOn(outcomes: { request: Request; statement?: Statement }[]): string {
  const callers = new Set(outcomes.map((o) => (o.request.principal.kind === 'aws' ? o.request.principal.arn : o.request.principal.kind)));
  const keys = new Set<string>();
  const [a, ...rest] = outcomes;
  for (const b of rest) {
    for (const k of new Set([...a!.request.context.keys(), ...b.request.context.keys()])) {
      if (k.startsWith('aws:principal')) continue;
      if (JSON.stringify(a!.request.context.get(k)) !== JSON.stringify(b.request.context.get(k))) keys.add(k);
    }
  }
  const parts = [];
  if (callers.size > 1) parts.push('who the caller is');
  if (keys.size > 0) parts.push(`the request's ${[...keys].sort().join(', ')}`);
  const examples = outcomes.slice(0, 3).map((o) => `${o.request.principal.kind === 'aws' ? o.request.principal.arn : o.request.principal.kind}: ${o.statement ? `statement ${statementLabel(o.statement)} (${o.statement.effect})` : 'no statement'}`);
  return `depends on ${parts.join(' and ') || 'values not known here'}; e.g. ${examples.join('; ')}`;
}

/** The subnet view has no single request: it says whether the endpoint policy is full access, or names a request it blocks. */
function describeEndpointPolicy(inv: Inventory, doc: Document, endpoint: Ref): string {
  const policy = parsed(doc);
  if (typeof policy === 'string') return policy;
  const ep = inv.vpcEndpoints.get(endpoint.key);
  const service = ep?.service?.family ?? ep?.service?.service.split('.')[0];
  try {
    const partition = partitionOfRef(endpoint);
    const gap = fullAccessGap(policy, {
      ...(service ? { service } : {}),
      ...(endpoint.account ? { ownerAccounts: [endpoint.account] } : {}),
      ...(endpoint.id ? { endpointId: endpoint.id } : {}),
      ...(partition ? { partition } : {}),
    });
    if (!gap) return 'allows every principal every action on every resource (full access)';
    const allows = policy.statements.filter((st) => st.effect === 'Allow').map(statementSummary);
    const denies = policy.statements.filter((st) => st.effect === 'Deny').length;
    return `limits access: it lets through only ${allows.length > 0 ? allows.join('; ') : 'nothing (no Allow statement)'}${denies > 0 ? `, less what its ${denies} Deny statement${denies === 1 ? '' : 's'} take away` : ''}`;
  } catch (err) {
    if (err instanceof NotEvaluable) return `policy not evaluated: ${err.message}`;
    throw err;
  }
}

/** `"Sid": s3:GetObject, s3:PutObject on arn:aws:s3:::b/*` (a few of each; `NotAction`/`NotResource` said as such). */
function statementSummary(st: Statement): string {
  const few = (list: string[]) => (list.length > 3 ? `${list.slice(0, 3).join(', ')}, ...` : list.join(', '));
  const actions = st.action ? few(st.action) : st.notAction ? `every action but ${few(st.notAction)}` : 'no action';
  const resources = st.resource ? few(st.resource) : st.notResource ? `every resource but ${few(st.notResource)}` : 'no resource';
  return `${statementLabel(st)} (${actions} on ${resources}${st.conditions.length > 0 ? ', with conditions' : ''})`;
}
