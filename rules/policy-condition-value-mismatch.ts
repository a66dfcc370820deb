import type { Rule, RuleContext, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import type { NodeKind } from '../src/model/ref.js';
import { isNegated, keyType, type ConditionEntry } from '../src/policy/index.js';
import { conditionFinding, conditionLabel, eachCondition, siteLabel } from './lib/policy-findings.js';
import { placeholderKeys, type PolicySite } from './lib/policy-sites.js';

const rule: Rule = {
  meta: {
    id: 'policy-condition-value-mismatch',
    severity: 'error',
    title: 'Condition that can never match its key',
    description: [
      'A condition compares a key with values of the wrong kind, so it can never match:',
      'aws:SourceVpce with a VPC id (vpc-…), aws:SourceVpc with an endpoint id (vpce-…), an ARN operator (ArnEquals, ArnLike, ...) on a key that is not an ARN, an IP operator (IpAddress, NotIpAddress) on a key that is not an IP address.',
      'In plans, values known only after apply count by what they reference: aws:SourceVpce compared with aws_vpc.main.id is the same mistake.',
      'The statement silently does nothing; with a negated operator (StringNotEquals, NotIpAddress, ...) it matches every request instead, and a Deny then denies everything.',
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
      const outcome = isNegated(c.base)
        ? `it matches every request, so the ${s.effect === 'Deny' ? 'Deny applies to everything' : 'Allow applies to everything'}`
        : `it never matches, so the ${s.effect} never applies`;
      yield conditionFinding(site, s, c, `In ${siteLabel(site)}, ${conditionLabel(s, c)} ${problem.what}: ${outcome}. ${problem.fix}`, { problem: problem.code });
    });
  },
};

interface Mismatch {
  code: string;
  what: string;
  fix: string;
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
      if (bad.length > 0) return { code: 'vpc-for-vpce', what: `compares the endpoint key with a VPC id (${bad.join(', ')})`, fix: 'Use the endpoint id (vpce-…) here, or aws:SourceVpc for the VPC.' };
    }
    if (c.keyLower === 'aws:sourcevpc') {
      const bad = c.values.filter((v) => ['vpce-id', 'vpc-endpoint'].includes(kindOf(v) ?? ''));
      if (bad.length > 0) return { code: 'vpce-for-vpc', what: `compares the VPC key with an endpoint id (${bad.join(', ')})`, fix: 'Use the VPC id (vpc-…) here, or aws:SourceVpce for the endpoint.' };
    }
  }
  const type = keyType(c.keyLower);
  if (type === undefined) return undefined;
  if (c.base.startsWith('Arn') && type !== 'arn') {
    return { code: 'arn-operator', what: `uses an ARN operator on ${c.key}, whose values are not ARNs`, fix: `Use a String operator (StringEquals, StringLike) for ${c.key}.` };
  }
  if ((c.base === 'IpAddress' || c.base === 'NotIpAddress') && type !== 'ip') {
    return { code: 'ip-operator', what: `uses an IP operator on ${c.key}, whose values are not IP addresses`, fix: `Use a String operator for ${c.key}, or an IP key (aws:SourceIp, aws:VpcSourceIp).` };
  }
  return undefined;
}

export default rule;
