import type { Rule, RuleContext, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import { privateRangeOf } from '../src/policy/index.js';
import { conditionFinding, conditionLabel, eachCondition, siteLabel } from './lib/policy-findings.js';
import { BUCKET_FENCE } from './lib/bucket-snippets.js';
import { hcl } from './lib/terraform-snippets.js';

const rule: Rule = {
  meta: {
    id: 'policy-sourceip-private-range',
    severity: 'error',
    title: 'aws:SourceIp compared with a private address range',
    description: [
      'An aws:SourceIp condition (IpAddress or NotIpAddress) names a private range (RFC 1918, 100.64.0.0/10, fd00::/8), in any policy: endpoint, bucket or identity.',
      'Requests that come through a VPC endpoint carry no aws:SourceIp at all, and requests over the internet carry public addresses, so a private range never matches:',
      'an Allow on it never applies, and a Deny on NotIpAddress denies every request, those from the VPC included. The private address of a caller in a VPC is aws:VpcSourceIp.',
    ].join('\n'),
    fix: [
      'Compare the endpoint (or the private address with `aws:VpcSourceIp`) instead of `aws:SourceIp`:',
      '',
      ...hcl(BUCKET_FENCE),
      '',
      'or, to keep a range: `test = "NotIpAddressIfExists"`, `variable = "aws:VpcSourceIp"`, `values = ["10.0.0.0/16"]`.',
    ].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-vpcsourceip',
    ],
    tags: ['correctness', 'policy'],
    precision: 'very-high',
  },
  *check(inv: Inventory, ctx: RuleContext): Iterable<RuleOutput> {
    yield* eachCondition(inv, ctx, function* ({ site, statement: s, condition: c }) {
      if (c.keyLower !== 'aws:sourceip' || (c.base !== 'IpAddress' && c.base !== 'NotIpAddress')) return;
      const privs = c.values.map((v) => ({ v, why: privateRangeOf(v) })).filter((p): p is { v: string; why: string } => p.why !== undefined);
      if (privs.length === 0) return;
      const negated = c.base === 'NotIpAddress';
      const effect = s.effect === 'Allow'
        ? negated
          ? 'the Allow applies to every request from anywhere else, those through VPC endpoints included'
          : 'the Allow never applies to those addresses'
        : negated
          ? 'the Deny applies to every request that comes through a VPC endpoint (no aws:SourceIp there) and to every public address'
          : 'the Deny never applies to those addresses';
      yield conditionFinding(
        site,
        s,
        c,
        `In ${siteLabel(site)}, ${conditionLabel(s, c)} compares aws:SourceIp with a private range (${privs.map((p) => p.why).join('; ')}): requests through a VPC endpoint carry no aws:SourceIp and internet requests carry public addresses, so ${effect}. Use aws:VpcSourceIp for private addresses, or aws:SourceVpce / aws:SourceVpc for the network.`,
        { values: privs.map((p) => p.v) },
      );
    });
  },
};

export default rule;
