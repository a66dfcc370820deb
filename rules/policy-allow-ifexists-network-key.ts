import type { Rule, RuleContext, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import { allowMatchesWithoutKey, isNegated, NETWORK_CONDITION_KEYS, type ConditionEntry } from '../src/policy/index.js';
import { conditionFinding, conditionLabel, eachCondition, siteLabel } from './lib/policy-findings.js';
import { notEvaluable, once } from './lib/policy-sites.js';

const rule: Rule = {
  meta: {
    id: 'policy-allow-ifexists-network-key',
    severity: 'warning',
    title: '"VPC-only" Allow that also matches requests from the internet',
    description: [
      'An Allow statement conditions on a network key (aws:SourceVpce, aws:SourceVpc, aws:VpceOrgID, aws:VpceAccount, aws:VpceOrgPaths, aws:SourceIp, aws:VpcSourceIp) with an ...IfExists operator or a ForAllValues: qualifier.',
      'The endpoint keys are absent from every request that does not come through a VPC endpoint (and aws:SourceIp from every request that does); IfExists and ForAllValues are true when the key is absent, so the "VPC-only" Allow matches internet requests too.',
      'The rule is effect-aware: in a Deny, IfExists is the intended pattern (deny unless the request comes through the expected network). It fires only when the statement does match some request lacking the key (another condition, such as Null, may rule that out).',
    ].join('\n'),
    fix: [
      'Use the plain operator in the Allow (and fence with a Deny):',
      '',
      '```hcl',
      'condition {',
      '  test     = "StringEquals"        # not StringEqualsIfExists',
      '  variable = "aws:SourceVpce"',
      '  values   = [aws_vpc_endpoint.s3.id]',
      '}',
      '```',
      '',
      'A negated operator (StringNotEqualsIfExists, NotIpAddressIfExists) is true on a missing key with or without IfExists, so dropping IfExists changes nothing.',
      'Require the key with a Null condition in the same statement (or state what to keep out as a Deny with the positive operator):',
      '',
      '```hcl',
      'condition {',
      '  test     = "Null"',
      '  variable = "aws:SourceVpce"',
      '  values   = ["false"]',
      '}',
      '```',
    ].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
    ],
    tags: ['security', 'policy'],
    precision: 'high',
  },
  *check(inv: Inventory, ctx: RuleContext): Iterable<RuleOutput> {
    yield* eachCondition(inv, ctx, function* ({ site, statement: s, condition: c }) {
      if (s.effect !== 'Allow' || !(NETWORK_CONDITION_KEYS as readonly string[]).includes(c.keyLower) || !(c.ifExists || c.set === 'ForAllValues')) return;
      let witness;
      try {
        witness = allowMatchesWithoutKey(site.policy, s, c.keyLower);
      } catch (err) {
        yield* once(ctx, notEvaluable(err, site.primary, 'the policy'));
        return;
      }
      if (!witness) return;
      const absentFrom = c.keyLower === 'aws:sourceip' ? 'requests that come through a VPC endpoint' : 'requests that do not come through a VPC endpoint (the internet, on-premises over public endpoints)';
      yield conditionFinding(site, s, c, `In ${siteLabel(site)}, the Allow ${conditionLabel(s, c)} also matches ${absentFrom}: ${advice(c)}`);
    });
  },
};

/**
 * Why the condition holds without the key, and a change that makes it fail
 * then. Dropping IfExists works for a positive operator (false on a missing
 * key) and ForAnyValue for ForAllValues (false on a missing key); a negated
 * operator without a qualifier is true on a missing key with or without
 * IfExists, so only a Null condition (or a Deny) requires the key.
 */
function advice(c: ConditionEntry): string {
  if (c.ifExists && !c.set && isNegated(c.base)) {
    const positive = c.base.replace('Not', '');
    return `${c.key} is absent from them, and ${c.base} is true when the key is missing, with or without IfExists. To match only requests that carry ${c.key}, add "Null": {"${c.key}": "false"} to the statement; or, to keep out what the values name, write a Deny with "${positive}" instead.`;
  }
  const plain = c.operator.replace(/^ForAllValues:/i, c.set === 'ForAllValues' ? 'ForAnyValue:' : '').replace(/IfExists$/i, '');
  return `${c.key} is absent from them and ${c.ifExists ? 'IfExists' : 'ForAllValues'} is then true. Use "${plain}" in the Allow, and fence other sources with a Deny.`;
}

export default rule;
