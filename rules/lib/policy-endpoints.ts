import type { Inventory } from '../../src/model/inventory.js';
import type { PolicySource, VpcEndpoint } from '../../src/model/nodes.js';
import { endpointPolicySupport, iamPrefixOf } from '../../src/model/endpoint-policy-support.js';
import { displayName, type Ref } from '../../src/model/ref.js';
import { partitionOfRef, s3Arn, writtenPartition } from '../../src/model/partition.js';
import { isUnknown } from '../../src/model/unknown.js';
import { evaluate, isNotFullAccess, makeRequest, originCompared, writtenResources, type EndpointInput, type EndpointOrigin, type Policy, type Request, type Statement } from '../../src/policy/index.js';
import { endpointLabel, vpcIdentity } from './endpoint-queries.js';
import type { RuleContext, RuleOutput } from '../../src/engine/rule.js';
import { idPlaceholder } from '../../src/model/placeholders.js';
import { isDiagnostic, notEvaluable, once, parsedPolicy, statementLabel, type Diagnostic } from './policy-sites.js';

/** An endpoint whose policy the endpoint-policy-* rules judge. */
export interface JudgedEndpoint {
  ep: VpcEndpoint;
  /** Where the fix goes: the document, the aws_vpc_endpoint_policy, or the endpoint. */
  primary: Ref;
  related: Ref[];
  /** IAM action prefix of the service (`s3`), undefined when vpcelint cannot tell it. */
  service?: string;
  owners: string[];
  /** Absent: the AWS default policy (full access). */
  policy?: Policy;
  /** The endpoint's id and VPC id as its policy may name them; unknown ones left out. */
  origin: EndpointOrigin;
  /** Whether endpoint-policy-full-access fires (one problem, one finding). */
  fullAccess: boolean;
  /** The endpoint's partition, from its region; undefined when the region is unknown. */
  partition?: string;
}

/**
 * Endpoints whose policy matters: alive, Gateway or Interface, for an AWS
 * service that supports endpoint policies (live: VpcEndpointPolicySupported;
 * plans: the bundled table). Everything a rule cannot judge comes out as a
 * diagnostic; services without endpoint policies are skipped, since a finding
 * there is one nobody can fix. Worked out once per run: three rules walk it.
 */
export function judgedEndpoints(inv: Inventory, ctx: Pick<RuleContext, 'shared'>): readonly (JudgedEndpoint | Diagnostic)[] {
  return ctx.shared.get('judged-endpoints', () => [...judge(inv)]);
}

function* judge(inv: Inventory): Iterable<JudgedEndpoint | Diagnostic> {
  for (const ep of inv.vpcEndpoints.values()) {
    if (ep.destroyed) continue;
    const skip = (why: string): Diagnostic => ({ diagnostic: { level: 'note', code: 'not-evaluated', subject: ep.ref, message: `the endpoint policy of ${endpointLabel(ep)} was not evaluated: ${why}` } });
    if (isUnknown(ep.type)) {
      yield skip(`its endpoint type is unknown (${ep.type.reason})`);
      continue;
    }
    if (ep.type !== 'Gateway' && ep.type !== 'Interface') continue;
    if (!ep.service) {
      yield skip(isUnknown(ep.serviceName) ? `its service name is unknown (${ep.serviceName.reason})` : `its service name ${ep.serviceName} is not one vpcelint recognizes`);
      continue;
    }
    const support = ep.policySupported !== undefined ? { supported: ep.policySupported } : endpointPolicySupport(ep.service);
    if (support.supported === false) continue;
    if (support.supported === 'unknown') {
      yield skip(`vpcelint's table does not say whether ${ep.service.service} supports endpoint policies (a live scan reads it from DescribeVpcEndpointServices)`);
      continue;
    }
    const service = iamPrefixOf(ep.service);
    const owners = ep.ref.account ? [ep.ref.account] : [];
    const partition = partitionOfRef(ep.ref);
    const inPartition = partition !== undefined ? { partition } : {};
    if (ep.policy.kind === 'absent') {
      yield { ep, service, owners, primary: ep.ref, related: [], origin: {}, fullAccess: true, ...inPartition };
      continue;
    }
    const parsed = parsedPolicy(ep.policy, ep.ref, 'the endpoint policy');
    if (!parsed) continue;
    if (isDiagnostic(parsed)) {
      yield parsed;
      continue;
    }
    const primary = holderOf(ep.policy) ?? ep.ref;
    const related = primary.key === ep.ref.key ? [] : [ep.ref];
    const origin = originOf(inv, ep, parsed.source.placeholders ?? {}, originCompared(parsed.policy));
    try {
      yield { ep, service, owners, primary, related, policy: parsed.policy, origin, fullAccess: isFullAccess(parsed.policy, service, origin, partition), ...inPartition };
    } catch (err) {
      yield notEvaluable(err, ep.ref, 'the endpoint policy');
    }
  }
}

/**
 * The endpoint's id and its VPC's, as its policy would write them: the AWS
 * id when known; in a plan, the placeholder that stands for that resource's
 * id (an aws_vpc_endpoint_policy naming `aws_vpc_endpoint.this.id`). Left out
 * when not known (the questions then do not guess) or when the policy does
 * not compare it (then it makes no difference).
 */
function originOf(inv: Inventory, ep: VpcEndpoint, placeholders: Record<string, string[]>, wanted: { endpointId: boolean; vpcId: boolean }): EndpointOrigin {
  if (!wanted.endpointId && !wanted.vpcId) return {};
  const standsFor = (key: string) => idPlaceholder(placeholders, key);
  const endpointId = wanted.endpointId ? (ep.ref.id ?? standsFor(ep.ref.key)) : undefined;
  // A VPC in the inventory by its key; one outside it by its AWS id.
  const vpc = wanted.vpcId ? vpcIdentity(ep.vpc) : undefined;
  const vpcId = vpc === undefined ? undefined : ep.vpc.keys.includes(vpc) ? (inv.vpcs.get(vpc)?.ref.id ?? standsFor(vpc)) : vpc;
  return { ...(endpointId !== undefined ? { endpointId } : {}), ...(vpcId !== undefined ? { vpcId } : {}) };
}

function holderOf(source: PolicySource): Ref | undefined {
  return source.kind === 'document' ? (source.origin ?? source.holder) : undefined;
}

const fullCache = new WeakMap<Policy, Map<string, boolean>>();

/** "Allows every principal every action of the service on every resource" (through this endpoint): cached, three rules ask it. */
export function isFullAccess(policy: Policy, service: string | undefined, origin: EndpointOrigin = {}, partition?: string): boolean {
  let m = fullCache.get(policy);
  if (!m) fullCache.set(policy, (m = new Map()));
  // The origin holds only the ids the policy compares (originOf): endpoints whose ids it does not compare share one answer.
  const key = `${service ?? '*'}\u0000${origin.endpointId ?? ''}\u0000${origin.vpcId ?? ''}\u0000${partition ?? ''}`;
  let v = m.get(key);
  if (v === undefined) m.set(key, (v = !isNotFullAccess(policy, { ...(service ? { service } : {}), ...(partition ? { partition } : {}), ...origin })));
  return v;
}

/** The Allow statements that let a request through, for messages. */
export function allowingStatements(policy: Policy, req: Request): Statement[] {
  const matched = new Set(evaluate(policy, req).matched);
  return policy.statements.filter((s) => s.effect === 'Allow' && matched.has(s.index));
}

/** The statements that allow a request no statement names, through the endpoint: the full-access ones. */
export function fullAccessStatements(policy: Policy, service: string | undefined, origin: EndpointOrigin, partition?: string): Statement[] {
  // Full access holds whatever an unknown id is (else it is not evaluated): any value then does.
  const context = { 'aws:SourceVpce': origin.endpointId ?? 'vpce-0vpcelint0any0', 'aws:SourceVpc': origin.vpcId ?? 'vpc-0vpcelint0any0' };
  const req = makeRequest({ action: `${service ?? 'vpcelint'}:VpcelintAnyAction`, resource: s3Arn(partition ?? writtenPartition(writtenResources(policy)) ?? 'aws', 'vpcelint-any-bucket', 'any-object'), context });
  return allowingStatements(policy, req);
}

export function labels(statements: Statement[]): string {
  if (statements.length === 0) return 'its statements together';
  return statements.map(statementLabel).join(', ');
}

export function endpointName(j: JudgedEndpoint): string {
  return endpointLabel(j.ep);
}

export function where(j: JudgedEndpoint): string {
  return j.primary.key === j.ep.ref.key ? '' : ` (written in ${displayName(j.primary)})`;
}

/** What the allowing statements allow, as written: `"sqs:*"`, `every action except "s3:Delete*"`. */
export function actionsAllowed(statements: Statement[]): string {
  const s = statements[0];
  if (!s) return 'actions';
  if (s.action) return s.action.map((a) => JSON.stringify(a)).join(', ');
  return `every action except ${(s.notAction ?? []).map((a) => JSON.stringify(a)).join(', ')}`;
}

/**
 * The loop of endpoint-policy-any-resource and -any-principal: endpoints with
 * a policy that is not full access (that rule reports those), one semantic
 * question each, and a finding naming the statements that let the witness
 * request through.
 */
export function* endpointQuestion(
  inv: Inventory,
  ctx: Pick<RuleContext, 'shared'>,
  ask: (policy: Policy, input: EndpointInput) => Request | undefined,
  message: (j: JudgedEndpoint, witness: Request, statements: Statement[]) => string,
): Iterable<RuleOutput> {
  // Endpoints that share a policy, service, owner and origin share the answer (thousands of endpoints, a few policies).
  const answers = new Map<Policy, Map<string, { witness?: Request; err?: unknown }>>();
  for (const j of judgedEndpoints(inv, ctx)) {
    if (isDiagnostic(j)) {
      yield* once(ctx, j);
      continue;
    }
    if (j.fullAccess || !j.policy) continue;
    let byInput = answers.get(j.policy);
    if (!byInput) answers.set(j.policy, (byInput = new Map()));
    const key = `${j.service ?? ''}\u0000${j.owners.join(',')}\u0000${j.origin.endpointId ?? ''}\u0000${j.origin.vpcId ?? ''}\u0000${j.partition ?? ''}`;
    let answer = byInput.get(key);
    if (!answer) {
      try {
        answer = { witness: ask(j.policy, { ...(j.service ? { service: j.service } : {}), ownerAccounts: j.owners, ...(j.partition ? { partition: j.partition } : {}), ...j.origin }) };
      } catch (err) {
        answer = { err };
      }
      byInput.set(key, answer);
    }
    if (answer.err !== undefined) {
      yield* once(ctx, notEvaluable(answer.err, j.ep.ref, 'the endpoint policy'));
      continue;
    }
    const witness = answer.witness;
    if (!witness) continue;
    const statements = allowingStatements(j.policy, witness);
    yield {
      message: message(j, witness, statements),
      primary: j.primary,
      related: j.related,
      attribute: 'policy',
      evidence: { endpoint: j.ep.ref.key, statements: statements.map((s) => s.sid ?? `#${s.index + 1}`) },
    };
  }
}
