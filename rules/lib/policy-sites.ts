import type { RuleContext, RuleOutput } from '../../src/engine/rule.js';
import type { Inventory } from '../../src/model/inventory.js';
import type { PolicySource } from '../../src/model/nodes.js';
import { displayName, isDataSource, type Ref } from '../../src/model/ref.js';
import { NotEvaluable, parsePolicyCached, type Policy, type Statement } from '../../src/policy/index.js';

export type Diagnostic = Extract<RuleOutput, { diagnostic: unknown }>;

/** Where a policy lives and what it is, for rules that judge every policy in the inventory. */
export interface PolicySite {
  /** Where the fix goes: the block that writes the text (a data.aws_iam_policy_document) or the resource that holds it. */
  primary: Ref;
  /** The endpoints, buckets and IAM policies that use this text. */
  users: Ref[];
  role: 'endpoint' | 'bucket' | 'identity';
  attribute: string;
  policy: Policy;
  /** Placeholder values (plans: known after apply) and the node keys they stand for. */
  placeholders: Record<string, string[]>;
  region?: string;
  account?: string;
}

/** A document that parses, or the diagnostic saying why a rule could not judge it. */
export function parsedPolicy(source: PolicySource, subject: Ref, what: string): { policy: Policy; source: Extract<PolicySource, { kind: 'document' }> } | Diagnostic | undefined {
  if (source.kind === 'absent') return undefined;
  if (source.kind === 'unknown') {
    return { diagnostic: { level: 'note', code: 'not-evaluated', subject, message: `${what} of ${displayName(subject)} was not evaluated: ${source.reason}` } };
  }
  const r = parsePolicyCached(source.text);
  if (r.ok) return { policy: r.policy, source };
  const first = r.problems[0]!;
  const more = r.problems.length > 1 ? ` (and ${r.problems.length - 1} more problem${r.problems.length > 2 ? 's' : ''})` : '';
  const where = displayName(source.origin ?? source.holder);
  return {
    diagnostic: {
      level: 'warning',
      code: 'policy-invalid',
      subject: source.origin ?? source.holder,
      jsonPath: first.path,
      message: `${what} of ${displayName(subject)} (${where}, ${source.attribute}) is not a valid IAM policy and was not evaluated: ${first.message} at ${first.path}${more}`,
    },
  };
}

/**
 * A policy that cannot be judged is reported once per run, by the first
 * policy rule that meets it: one fact, one line, rather than the same "not
 * evaluated" from every rule that reads policies. The run's shared values
 * hold what was reported, so a new run reports everything again.
 */
export function once(ctx: Pick<RuleContext, 'shared'>, d: Diagnostic): Diagnostic[] {
  const reported = ctx.shared.get('reported-policy-diagnostics', () => new Set<string>());
  const key = `${d.diagnostic.subject?.key ?? ''}\u0000${d.diagnostic.code}\u0000${d.diagnostic.message}`;
  if (reported.has(key)) return [];
  reported.add(key);
  return [d];
}

export function isDiagnostic(x: unknown): x is Diagnostic {
  return typeof x === 'object' && x !== null && 'diagnostic' in x;
}

/**
 * Every policy of the inventory once: endpoint policies, bucket policies and
 * identity policies (with policy documents), deduplicated by where the text
 * is written, so a document shared by many resources is judged once. Policies
 * that cannot be judged come out as diagnostics.
 */
export function policySites(inv: Inventory, ctx: Pick<RuleContext, 'shared'>): readonly (PolicySite | Diagnostic)[] {
  // Four rules read every site: found once per run.
  return ctx.shared.get('policy-sites', () => [...findSites(inv)]);
}

function* findSites(inv: Inventory): Iterable<PolicySite | Diagnostic> {
  const sites = new Map<string, PolicySite>();
  const candidates: { source: PolicySource; user: Ref; role: PolicySite['role']; what: string }[] = [];
  for (const ep of inv.vpcEndpoints.values()) if (!ep.destroyed) candidates.push({ source: ep.policy, user: ep.ref, role: 'endpoint', what: 'the endpoint policy' });
  for (const b of inv.buckets.values()) candidates.push({ source: b.policy, user: b.ref, role: 'bucket', what: 'the bucket policy' });
  for (const p of inv.iamPolicies.values()) candidates.push({ source: p.policy, user: p.ref, role: 'identity', what: 'the policy' });
  // A document known only after apply is reported through the policies built from it, not once more on its own.
  const reportedThroughUsers = new Set(candidates.flatMap((c) => (c.source.kind === 'unknown' && c.user.type !== 'data.aws_iam_policy_document' ? (c.source.builtFrom ?? []) : [])));
  const seenUnknown = new Set<string>();
  for (const c of candidates) {
    if (c.source.kind === 'unknown' && c.user.type === 'data.aws_iam_policy_document' && reportedThroughUsers.has(c.user.key)) continue;
    // A data source's policy (data.aws_s3_bucket) is outside the plan, like every resource the plan does not manage.
    if (c.source.kind === 'unknown' && isReadOnly(c.user)) continue;
    const parsed = parsedPolicy(c.source, c.user, c.what);
    if (!parsed) continue;
    if (isDiagnostic(parsed)) {
      const key = `${parsed.diagnostic.subject?.key}\u0000${parsed.diagnostic.code}`;
      if (!seenUnknown.has(key)) yield parsed;
      seenUnknown.add(key);
      continue;
    }
    const { source, policy } = parsed;
    const primary = source.origin ?? source.holder;
    const key = primary.type === 'data.aws_iam_policy_document' ? primary.key : `${primary.key}#${source.attribute}`;
    const existing = sites.get(key);
    if (existing) {
      if (!existing.users.some((u) => u.key === c.user.key)) existing.users.push(c.user);
      // A document used as a resource policy is judged as one (effects such as IfExists matter the same way).
      if (existing.role === 'identity' && c.role !== 'identity') existing.role = c.role;
      continue;
    }
    sites.set(key, {
      primary,
      users: [c.user],
      role: c.role,
      attribute: source.origin ? 'statement' : source.attribute,
      policy,
      placeholders: source.placeholders ?? {},
      ...(c.user.region ? { region: c.user.region } : {}),
      ...(c.user.account ? { account: c.user.account } : {}),
    });
  }
  yield* sites.values();
}

/** `statement "DenyOutside" (#1)` or `statement #2`: how messages name a statement. */
export function statementLabel(s: Statement): string {
  return s.sid ? `statement "${s.sid}" (#${s.index + 1})` : `statement #${s.index + 1}`;
}

/** Related refs of a site: its users other than the primary. */
export function relatedOf(site: PolicySite): Ref[] {
  return site.users.filter((u) => u.key !== site.primary.key);
}

/** The diagnostic for a policy too large to enumerate. */
export function notEvaluable(err: unknown, subject: Ref, what: string): Diagnostic {
  if (!(err instanceof NotEvaluable)) throw err;
  return { diagnostic: { level: 'note', code: 'not-evaluated', subject, message: `${what} of ${displayName(subject)} was not evaluated: ${err.message}` } };
}

/** A resource the plan reads but does not manage (a data source other than a policy document). */
export function isReadOnly(ref: Ref): boolean {
  return isDataSource(ref) && ref.type !== 'data.aws_iam_policy_document';
}
