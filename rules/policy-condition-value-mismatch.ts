import type { Rule, RuleContext, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import type { NodeKind } from '../src/model/ref.js';
import { ALWAYS_PRESENT, isNegated, keyType, type ConditionEntry, type Statement } from '../src/policy/index.js';
import { placeholderKeys } from '../src/model/placeholders.js';
import { conditionFinding, conditionLabel, eachCondition, siteLabel } from './lib/policy-findings.js';
import type { PolicySite } from './lib/policy-sites.js';

const rule: Rule = {
  meta: {
    id: 'policy-condition-value-mismatch',
    severity: 'error',
    title: 'Condition that can never match its key',
    description: [
      'A condition compares a key with values of the wrong kind, so it can never match:',
      'aws:SourceVpce with a VPC id (vpc-...), aws:SourceVpc with an endpoint id (vpce-...), an ARN operator (ArnEquals, ArnLike, ...) on a key that is not an ARN, an IP operator (IpAddress, NotIpAddress) on a key that is not an IP address.',
      'In plans, values known only after apply count by what they reference: aws:SourceVpce compared with aws_vpc.main.id is the same mistake.',
      'What the condition then does depends on the operator and qualifier, and the message says which: a positive operator never matches (the statement silently does nothing),',
      'except that IfExists and ForAllValues: make it match exactly the requests without the key (for aws:SourceVpce and aws:SourceVpc: those not through a VPC endpoint);',
      'a negated operator (StringNotEquals, NotIpAddress, ...) matches every request (a Deny then denies everything), except under ForAnyValue:, which is false on a missing key,',
      'so it matches exactly the requests that carry the key. A wrong value beside right ones is only dead weight: the condition rests on the others.',
    ].join('\n'),
    fix: [
      'Compare each key with values of its own kind:',
      '',
      '```hcl',
      'condition {',
      '  test     = "StringNotEquals"',
      '  variable = "aws:SourceVpce"        # an endpoint id: vpce-...',
      '  values   = [aws_vpc_endpoint.s3.id]',
      '}',
      'condition {',
      '  test     = "StringNotEquals"',
      '  variable = "aws:SourceVpc"         # a VPC id: vpc-...',
      '  values   = [aws_vpc.main.id]',
      '}',
      '```',
    ].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
    ],
    tags: ['correctness', 'policy'],
    precision: 'very-high',
  },
  *check(inv: Inventory, ctx: RuleContext): Iterable<RuleOutput> {
    yield* eachCondition(inv, ctx, function* ({ site, statement: s, condition: c }) {
      const problem = mismatch(inv, site, c);
      if (!problem) return;
      const good = c.values.filter((v) => !problem.bad.includes(v));
      const result = good.length > 0
        ? `that value can never match, so the condition rests on its other values (${good.join(', ')}) alone`
        : outcome(s, c);
      yield conditionFinding(site, s, c, `In ${siteLabel(site)}, ${conditionLabel(s, c)} ${problem.what}: ${result}. ${problem.fix}`, { problem: problem.code });
    });
  },
};

interface Mismatch {
  code: string;
  what: string;
  fix: string;
  /** The values that can never match (all of them for an operator of the wrong kind). */
  bad: string[];
}

/**
 * What a condition none of whose values can match does, by IAM's rules for a
 * key that is present (a negated operator is then true, a positive one false,
 * under any qualifier) and for a missing key (a negated operator, IfExists and
 * ForAllValues are true, ForAnyValue and a plain positive operator false).
 */
function outcome(s: Statement, c: ConditionEntry): string {
  const negated = isNegated(c.base);
  const always = ALWAYS_PRESENT.has(c.keyLower);
  const whenMissing = c.set === 'ForAnyValue' ? c.ifExists : c.set === 'ForAllValues' || c.ifExists || negated;
  const why = c.ifExists
    ? `IfExists is true when ${c.key} is missing`
    : c.set
      ? `${c.set} is ${whenMissing} when ${c.key} is missing`
      : `${c.base} is ${whenMissing} when ${c.key} is missing`;
  const { present, absent } = requestsWithKey(c);
  const others = s.conditions.length > 1 ? ' wherever its other conditions hold' : '';
  if (negated && (whenMissing || always)) {
    return `it matches every request (${c.base} is true for any value of ${c.key}${always ? '' : `, and ${why}`}), so it limits nothing: the ${s.effect} applies to everything the statement names${others}`;
  }
  if (!negated && (!whenMissing || always)) return `it never matches (no value can match ${c.key}${always ? '' : `, and ${why}`}), so the ${s.effect} never applies`;
  if (negated) {
    return `it matches only requests that carry ${c.key} (${present}), whatever its value: ${c.base} is true for any value of ${c.key}, and ${why}. So the ${s.effect} applies to every ${present.replace(/^requests/, 'request')} and never to ${absent}`;
  }
  return `it matches only requests without ${c.key} (${absent}): no value can match ${c.key} when it is there, and ${why}. So the ${s.effect} applies only to ${absent} and never to ${present}`;
}

/** Which requests carry the key and which lack it, in words. */
function requestsWithKey(c: ConditionEntry): { present: string; absent: string } {
  if (c.keyLower === 'aws:sourcevpce' || c.keyLower === 'aws:sourcevpc') {
    return { present: 'requests through any VPC endpoint', absent: 'requests that do not come through a VPC endpoint' };
  }
  return { present: `requests with ${c.key}`, absent: `requests without ${c.key}` };
}

function mismatch(inv: Inventory, site: PolicySite, c: ConditionEntry): Mismatch | undefined {
  const kindOf = (v: string): NodeKind | 'vpc-id' | 'vpce-id' | undefined => {
    const keys = placeholderKeys(site.placeholders, v);
    if (keys) {
      const kinds = new Set(keys.map((k) => inv.refByKey(k)?.kind));
      return kinds.size === 1 ? [...kinds][0] : undefined;
    }
    if (/^vpce-[0-9a-f]+$/.test(v)) return 'vpce-id';
    if (/^vpc-[0-9a-f]+$/.test(v)) return 'vpc-id';
    return undefined;
  };
  if (c.base !== 'Null') {
    if (c.keyLower === 'aws:sourcevpce') {
      const bad = c.values.filter((v) => ['vpc-id', 'vpc'].includes(kindOf(v) ?? ''));
      if (bad.length > 0) return { code: 'vpc-for-vpce', what: `compares the endpoint key with a VPC id (${bad.join(', ')})`, fix: 'Use the endpoint id (vpce-...) here, or aws:SourceVpc for the VPC.', bad };
    }
    if (c.keyLower === 'aws:sourcevpc') {
      const bad = c.values.filter((v) => ['vpce-id', 'vpc-endpoint'].includes(kindOf(v) ?? ''));
      if (bad.length > 0) return { code: 'vpce-for-vpc', what: `compares the VPC key with an endpoint id (${bad.join(', ')})`, fix: 'Use the VPC id (vpc-...) here, or aws:SourceVpce for the endpoint.', bad };
    }
  }
  const type = keyType(c.keyLower);
  if (type === undefined) return undefined;
  if (c.base.startsWith('Arn') && type !== 'arn') {
    return { code: 'arn-operator', what: `uses an ARN operator on ${c.key}, whose values are not ARNs`, fix: `Use a String operator (StringEquals, StringLike) for ${c.key}.`, bad: c.values };
  }
  if ((c.base === 'IpAddress' || c.base === 'NotIpAddress') && type !== 'ip') {
    return { code: 'ip-operator', what: `uses an IP operator on ${c.key}, whose values are not IP addresses`, fix: `Use a String operator for ${c.key}, or an IP key (aws:SourceIp, aws:VpcSourceIp).`, bad: c.values };
  }
  return undefined;
}

export default rule;
