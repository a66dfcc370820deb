import type { RuleContext, RuleOutput } from '../../src/engine/rule.js';
import type { ConditionEntry, Statement } from '../../src/policy/index.js';
import type { Inventory } from '../../src/model/inventory.js';
import { isDiagnostic, once, policySites, relatedOf, statementLabel, type Diagnostic, type PolicySite } from './policy-sites.js';

/** "the bucket policy of aws_s3_bucket.data (data.aws_iam_policy_document.x)": what a message calls a site. */
export function siteLabel(site: PolicySite): string {
  const kind = site.role === 'endpoint' ? 'endpoint policy' : site.role === 'bucket' ? 'bucket policy' : 'policy';
  // A policy document is a user of its own text too (an IAM policy node): not one of the "more".
  const others = relatedOf(site);
  const where = site.primary.address ?? site.primary.key;
  if (others.length === 0) return `the ${kind} ${where}`;
  const first = others[0]!;
  const users = others.length > 1 ? `${first.address ?? first.key} and ${others.length - 1} more` : (first.address ?? first.key);
  return `the ${kind} of ${users} (written in ${where})`;
}

/** A finding about one condition of one statement of a policy site. */
export function conditionFinding(site: PolicySite, s: Statement, c: ConditionEntry, message: string, extra: Record<string, string | string[]> = {}): Exclude<RuleOutput, { diagnostic: unknown }> {
  return {
    message,
    primary: site.primary,
    related: relatedOf(site),
    attribute: site.attribute,
    evidence: { policy: site.primary.key, statement: s.sid ?? `#${s.index + 1}`, operator: c.operator, key: c.keyLower, ...extra },
  };
}

/** `statement "S" (#1): "StringEquals": {"aws:SourceVpce": ["vpc-1"]}` */
export function conditionLabel(s: Statement, c: ConditionEntry, values = c.values): string {
  return `${statementLabel(s)}, "${c.operator}": {"${c.key}": ${JSON.stringify(values.length === 1 ? values[0] : values)}}`;
}

/** One condition of one statement of one policy site. */
export type ConditionSite = { site: PolicySite; statement: Statement; condition: ConditionEntry };

/**
 * The loop of the rules that judge conditions one by one: policies that cannot
 * be judged pass through as diagnostics (once per run), every condition of
 * every other policy goes to `judge`.
 */
export function* eachCondition(inv: Inventory, ctx: Pick<RuleContext, 'shared'>, judge: (x: ConditionSite) => Iterable<RuleOutput>): Iterable<RuleOutput> {
  for (const x of everyCondition(inv, ctx)) {
    if (isDiagnostic(x)) yield x;
    else yield* judge(x);
  }
}

/** Every condition of every statement of every policy of the inventory, or the diagnostic for a policy that cannot be judged. */
function* everyCondition(inv: Inventory, ctx: Pick<RuleContext, 'shared'>): Iterable<Diagnostic | ConditionSite> {
  for (const site of policySites(inv, ctx)) {
    if (isDiagnostic(site)) {
      yield* once(ctx, site);
      continue;
    }
    for (const statement of site.policy.statements) for (const condition of statement.conditions) yield { site, statement, condition };
  }
}
