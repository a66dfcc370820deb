import type { Rule, RuleContext, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import { displayName } from '../src/model/ref.js';
import { placeholderKeys } from '../src/model/placeholders.js';
import { conditionFinding, conditionLabel, eachCondition, siteLabel } from './lib/policy-findings.js';
import type { PolicySite } from './lib/policy-sites.js';

const rule: Rule = {
  meta: {
    id: 'policy-unknown-endpoint',
    severity: 'warning',
    title: 'Policy names a VPC endpoint or VPC that does not exist',
    description: [
      'A policy condition names a vpce-... or vpc-... id that does not exist: absent from a closed-world inventory (a live scan of the policy\'s account and region),',
      'or an endpoint that the Terraform plan destroys.',
      'A typo or a stale id: a Deny unless that endpoint locks everyone out, an Allow on it never applies.',
      'A plan is an open world: an id that is merely not in the plan is not reported.',
    ].join('\n'),
    fix: [
      'Name the endpoint by reference, so the id is always the live one:',
      '',
      '```hcl',
      'condition {',
      '  test     = "StringNotEquals"',
      '  variable = "aws:SourceVpce"',
      '  values   = [aws_vpc_endpoint.s3.id]',
      '}',
      '```',
    ].join('\n'),
    docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html'],
    tags: ['correctness', 'policy'],
    precision: 'high',
  },
  *check(inv: Inventory, ctx: RuleContext): Iterable<RuleOutput> {
    yield* eachCondition(inv, ctx, function* ({ site, statement: s, condition: c }) {
      if (c.base === 'Null') return;
      for (const v of c.values) {
        const why = missing(inv, site, v);
        if (!why) continue;
        const effect = s.effect === 'Deny' ? 'a Deny that admits only it locks every request out' : 'the Allow never applies through it';
        yield conditionFinding(site, s, c, `In ${siteLabel(site)}, ${conditionLabel(s, c, [v])} names ${why}: ${effect}. Correct the id, or refer to the endpoint (aws_vpc_endpoint.<name>.id) so that it stays current.`, { value: v });
      }
    });
  },
};

function missing(inv: Inventory, site: PolicySite, value: string): string | undefined {
  for (const key of placeholderKeys(site.placeholders, value) ?? []) {
    if (inv.vpcEndpoints.get(key)?.destroyed) return `${key}, which the plan destroys`;
  }
  const kind = /^vpce-[0-9a-f]{8,17}$/.test(value) ? 'endpoint' : /^vpc-[0-9a-f]{8,17}$/.test(value) ? 'VPC' : undefined;
  if (!kind) return undefined;
  const ref = inv.refById(value);
  if (ref) {
    const ep = inv.vpcEndpoints.get(ref.key);
    return ep?.destroyed ? `${kind} ${value} (${displayName(ref)}), which the plan destroys` : undefined;
  }
  if (inv.isClosedWorld(site.region, site.account)) {
    return `${kind} ${value}, which does not exist in ${site.account ? `account ${site.account}, ` : ''}region ${site.region} (the scan of that region is complete; if it belongs to another account, suppress this finding)`;
  }
  return undefined;
}

export default rule;
