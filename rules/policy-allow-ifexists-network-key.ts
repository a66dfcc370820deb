import type { Rule, RuleContext, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import { allowMatchesWithoutKey, NETWORK_CONDITION_KEYS } from '../src/policy/index.js';
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
    ].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists',
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
      const plain = c.operator.replace(/^ForAllValues:/i, c.set === 'ForAllValues' ? 'ForAnyValue:' : '').replace(/IfExists$/i, '');
      yield conditionFinding(
        site,
        s,
        c,
        `In ${siteLabel(site)}, the Allow ${conditionLabel(s, c)} also matches ${absentFrom}: ${c.key} is absent from them and ${c.ifExists ? 'IfExists' : 'ForAllValues'} is then true. Use "${plain}" in the Allow, and fence other sources with a Deny.`,
      );
    });
  },
};

export default rule;
