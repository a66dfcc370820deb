import type { Rule, RuleOutput, Severity } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import type { SecurityGroup, SecurityGroupRule, VpcEndpoint } from '../src/model/nodes.js';
import { displayName } from '../src/model/ref.js';
import { single } from '../src/model/topology.js';
import { isUnknown } from '../src/model/unknown.js';
import { endpointLabel, interfaceEndpoints } from './lib/endpoint-queries.js';
import { cidrsOf, coversTcpPort, groupsOf, isAnywhere, notEvaluated, plural, portsLabel, ruleAttribute, ruleOrigin } from './lib/security-group-rules.js';
import { SSM_INTERFACE_ENDPOINT, hcl } from './lib/terraform-snippets.js';
import { nameList } from '../src/util/name-list.js';

/** An ingress rule open to every address, and the endpoints whose groups carry it. */
interface OpenRule {
  rule: SecurityGroupRule;
  group: SecurityGroup;
  cidrs: string[];
  endpoints: VpcEndpoint[];
}

const rule: Rule = {
  meta: {
    id: 'interface-endpoint-open-security-group',
    severity: 'warning',
    title: 'Interface endpoint security group allows ingress from anywhere',
    description: [
      'A security group of an interface endpoint allows ingress from 0.0.0.0/0 or ::/0. The endpoint then accepts traffic from any network that can route to it:',
      'peered VPCs, transit gateway attachments, on-premises networks. Limit the sources to the VPC\'s CIDRs or to the security groups of the clients.',
      '',
      'Precision: a rule that names another security group, the group itself or a prefix list is not open, whatever those hold.',
      'IPv4 and IPv6 sources are judged apart: a known 0.0.0.0/0 is reported even when the same rule\'s IPv6 sources are known only after apply (and a known ::/0 likewise);',
      'a rule none of whose known sources is open while others are unknown is "not evaluated".',
      'Interface endpoints of AWS services listen on HTTPS (TCP 443) only, so an open rule whose ports exclude 443 exposes nothing through the endpoint:',
      'it is reported as a note, not a warning, because the group is broader than its purpose and usually shared with something that does listen.',
      'For endpoints of PrivateLink services of customers and partners (`com.amazonaws.vpce.*`) the listener ports are the provider\'s, unknown here, so every open rule is a warning.',
      'The VPC\'s default security group, which AWS attaches when an endpoint names no group, admits only its own members unless Terraform manages it otherwise.',
    ].join('\n'),
    fix: [
      'Admit HTTPS from the VPC (or from the client security groups) only:',
      '',
      ...hcl([
      'resource "aws_security_group" "endpoints" {',
      '  name   = "vpc-endpoints"',
      '  vpc_id = aws_vpc.main.id',
      '',
      '  ingress {',
      '    description = "HTTPS from the VPC"',
      '    protocol    = "tcp"',
      '    from_port   = 443',
      '    to_port     = 443',
      '    cidr_blocks = [aws_vpc.main.cidr_block]',
      '  }',
      '}',
      ], SSM_INTERFACE_ENDPOINT),
    ].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/privatelink/interface-endpoints.html#vpce-interface-limitations',
      'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html',
      'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html',
    ],
    tags: ['security', 'network', 'privatelink'],
    precision: 'high',
  },
  *check(inv: Inventory): Iterable<RuleOutput> {
    const open = new Map<SecurityGroupRule, OpenRule>();
    for (const ep of interfaceEndpoints(inv)) {
      const { groups, unclear } = groupsOf(inv, ep.securityGroups, 'ingress');
      if (unclear) yield notEvaluated(ep.ref, `the security groups of interface endpoint ${endpointLabel(ep)} are not fully known (${unclear}), so their ingress was not checked for 0.0.0.0/0`);
      for (const group of groups) {
        for (const r of group.ingress) {
          const { cidrs, unknown } = cidrsOf(r);
          const anywhere = cidrs.filter(isAnywhere);
          if (anywhere.length === 0) {
            if (unknown) yield notEvaluated(r.declaredBy, `the sources of ${ruleOrigin(r, group)} are unknown (${unknown}), so interface endpoint ${endpointLabel(ep)} was not checked for ingress from anywhere`);
            continue;
          }
          const entry = open.get(r) ?? { rule: r, group, cidrs: anywhere, endpoints: [] };
          entry.endpoints.push(ep);
          open.set(r, entry);
        }
      }
    }
    for (const entry of open.values()) yield finding(inv, entry);
  },
};

function finding(inv: Inventory, { rule: r, group, cidrs, endpoints }: OpenRule): RuleOutput {
  const https = coversTcpPort(r, 443);
  const ports = portsLabel(r);
  // Only endpoints of AWS services are known to listen on 443 alone.
  const exposesEndpoint = https !== false || endpoints.some((ep) => ep.service?.owner !== 'aws');
  const severity: Severity | undefined = exposesEndpoint ? undefined : 'note';
  const names = endpoints.map(endpointLabel).sort();
  const vpcCidrs = vpcCidrsOf(inv, endpoints);
  const sources = vpcCidrs.length > 0 ? `the VPC's CIDR (${vpcCidrs.join(', ')})` : "the VPC's CIDRs";
  const what = `Security group ${displayName(group.ref)} of interface ${plural(names.length, 'endpoint')} ${nameList(names)} allows ingress from ${cidrs.join(' and ')} on ${ports} (${ruleOrigin(r, group)})`;
  const impact = exposesEndpoint
    ? 'the endpoint accepts traffic from any network that can route to it (peered VPCs, transit gateways, on-premises)'
    : 'the endpoint listens only on HTTPS (443), so this exposes nothing through it, but the group is broader than it needs to be';
  return {
    message: `${what}: ${impact}. Restrict the source to ${sources} or to the client security groups.`,
    primary: r.declaredBy,
    related: [...(r.declaredBy.key === group.ref.key ? [] : [group.ref]), ...endpoints.map((ep) => ep.ref)],
    attribute: ruleAttribute(r, cidrs[0]),
    evidence: {
      securityGroup: group.ref.key,
      rule: r.declaredBy.key,
      cidrs: [...cidrs].sort(),
      ports,
      endpoints: endpoints.map((ep) => ep.ref.key).sort(),
    },
    ...(severity ? { severity } : {}),
  };
}

function vpcCidrsOf(inv: Inventory, endpoints: VpcEndpoint[]): string[] {
  const out = new Set<string>();
  for (const ep of endpoints) {
    const vpc = single(ep.vpc, inv.vpcs);
    if (vpc && !isUnknown(vpc) && !isUnknown(vpc.cidrBlocks)) vpc.cidrBlocks.forEach((c) => out.add(c));
  }
  return [...out].sort();
}

export default rule;
