import type { Rule, RuleContext, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import type { SecurityGroup, VpcEndpoint, Workload } from '../src/model/nodes.js';
import { displayName, type Ref } from '../src/model/ref.js';
import { isUnknown } from '../src/model/unknown.js';
import { egressAllowed, egressToService } from './lib/egress-to-service.js';
import { GATEWAY_FAMILY_LABEL, isGatewayOf, type GatewayFamily } from '../src/model/topology.js';
import { endpointLabel } from './lib/endpoint-queries.js';
import { groupsOf, notEvaluated, plural } from './lib/security-group-rules.js';
import { nameList } from '../src/util/name-list.js';

/** Where a workload's subnets send a service through gateway endpoints, and why that cannot be told for a service. */
interface Routing {
  byFamily: Map<GatewayFamily, { gateways: Set<VpcEndpoint>; tables: Set<Ref> }>;
  unclear: Map<GatewayFamily, string>;
}

/** One security group that blocks one service for some workloads. */
interface Blocked {
  group: SecurityGroup;
  family: GatewayFamily;
  workloads: Workload[];
  gateways: Set<VpcEndpoint>;
  tables: Set<Ref>;
}

const FAMILIES: readonly GatewayFamily[] = ['s3', 'dynamodb'];
/** Why a Terraform-managed group ends up with no egress when none is written. */
const NO_EGRESS_WHY: Record<string, string> = {
  aws_security_group: ": the AWS provider revokes AWS's default allow-all egress of a new group when egress is not written",
  aws_default_security_group: ': the AWS provider removes every rule of the default group it adopts and adds only the ones written',
};
const KIND_LABEL: Record<Workload['workloadKind'], string> = {
  instance: 'instance',
  'launch-template': 'launch template',
  lambda: 'Lambda function',
  'ecs-service': 'ECS service',
};

const rule: Rule = {
  meta: {
    id: 'egress-blocks-gateway-endpoint',
    severity: 'note',
    title: 'Restricted egress blocks the gateway endpoint its subnets route to',
    description: [
      'A workload (EC2 instance, launch template, Lambda function in a VPC, ECS service in awsvpc mode) runs in a subnet whose route table sends S3',
      '(or DynamoDB) to a gateway endpoint, but its security groups allow no HTTPS egress to that service: no rule to 0.0.0.0/0, none to the',
      'service\'s prefix list. Traffic through a gateway endpoint still goes to the service\'s public addresses, so the security groups must allow them;',
      'otherwise every S3 call times out, and someone "fixes" it with 0.0.0.0/0 egress.',
      '',
      'Egress is the union of all the workload\'s groups. Remember what the AWS provider does: a new `aws_security_group` without `egress` has no egress',
      'at all (the provider revokes AWS\'s default allow-all rule), and so does an `aws_default_security_group` without `egress`. A workload that names no',
      'group gets the VPC\'s default group, whose AWS default is all egress. A customer-managed prefix list counts by its entries: one holding 0.0.0.0/0',
      'is open egress, one of private ranges only is not. Public ranges (in rules or customer lists) are judged against the addresses of the service\'s',
      'AWS-managed prefix list when the inventory holds them (live scans, `data "aws_prefix_list"`): covering all of them allows, none blocks. A public range',
      'whose reach cannot be told that way or covers only part of them, a prefix list outside the inventory or whose entries are unknown: such workloads are',
      '"not evaluated", never passed silently.',
    ].join('\n'),
    fix: [
      'Allow HTTPS to the service\'s prefix list:',
      '',
      '```hcl',
      'resource "aws_vpc_security_group_egress_rule" "app_s3" {',
      '  security_group_id = aws_security_group.app.id',
      '  description       = "HTTPS to S3 through the gateway endpoint"',
      '  ip_protocol       = "tcp"',
      '  from_port         = 443',
      '  to_port           = 443',
      '  prefix_list_id    = aws_vpc_endpoint.s3.prefix_list_id',
      '}',
      '```',
    ].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html#vpc-endpoints-policies-s3',
      'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html#gateway-endpoint-security',
      'https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html',
    ],
    tags: ['network', 'correctness', 's3', 'dynamodb'],
    precision: 'high',
  },
  *check(inv: Inventory, ctx: RuleContext): Iterable<RuleOutput> {
    const blocked = new Map<string, Blocked>();
    for (const workload of inv.workloads.values()) {
      const label = `${KIND_LABEL[workload.workloadKind]} ${displayName(workload.ref)}`;
      const groups = groupsOf(inv, workload.securityGroups, 'egress');
      const routing = routingOf(inv, ctx, workload);
      for (const family of FAMILIES) {
        const routed = routing.byFamily.get(family);
        const routingUnclear = routing.unclear.get(family);
        if (!routed && !routingUnclear) continue;
        const names = routed ? new Set([...routed.gateways].map((g) => g.serviceName).filter((n): n is string => typeof n === 'string')) : undefined;
        const verdict = egressToService(inv, groups.groups, family, names);
        if (verdict.kind === 'allows') continue;
        const service = GATEWAY_FAMILY_LABEL[family];
        if (!routed) {
          const egress = groups.unclear ? `are not fully known (${groups.unclear})` : `allow no known HTTPS egress to ${service}`;
          yield notEvaluated(workload.ref, `the security groups of ${label} ${egress}, and whether its subnets route ${service} through a gateway endpoint is unknown (${routingUnclear})`);
          continue;
        }
        const unclear = verdict.kind === 'unknown' ? verdict.reason : groups.unclear;
        if (unclear) {
          yield notEvaluated(workload.ref, `${label} runs in subnets that route ${service} through a gateway endpoint, and whether its security groups let HTTPS out to ${service} is unknown (${unclear})`);
          continue;
        }
        for (const group of groups.groups) {
          const key = `${group.ref.key}\u0000${family}`;
          const entry = blocked.get(key) ?? { group, family, workloads: [], gateways: new Set(), tables: new Set() };
          entry.workloads.push(workload);
          routed.gateways.forEach((g) => entry.gateways.add(g));
          routed.tables.forEach((t) => entry.tables.add(t));
          blocked.set(key, entry);
        }
      }
    }
    for (const entry of blocked.values()) yield finding(inv, entry);
  },
};

/**
 * The gateway endpoints that the route tables of a workload's subnets use, by service family. An
 * endpoint on a table whose service or type is unknown, or one that may be on it but whose route
 * tables are unknown, makes that service's routing unclear.
 */
function routingOf(inv: Inventory, ctx: RuleContext, workload: Workload): Routing {
  const byFamily: Routing['byFamily'] = new Map();
  const unclear = new Map<GatewayFamily | 'any', Set<string>>();
  const note = (family: GatewayFamily | 'any', why: string) => unclear.set(family, (unclear.get(family) ?? new Set()).add(why));
  const link = workload.subnets;
  if (link.unresolved) note('any', link.unresolved);
  if (link.external.length > 0) note('any', `subnet ${nameList(link.external)} is not in the inventory`);
  for (const key of link.keys) {
    const subnet = inv.subnets.get(key);
    if (!subnet) continue;
    const eff = ctx.topology.effectiveRouteTable(subnet);
    if (isUnknown(eff)) {
      note('any', `the route table of ${displayName(subnet.ref)} is unknown (${eff.reason})`);
      continue;
    }
    if (!eff) continue;
    const table = eff.table;
    for (const ep of ctx.topology.endpointsRouting(table)) {
      for (const family of FAMILIES) {
        const gateway = isGatewayOf(ep, family);
        if (gateway === false) continue;
        if (gateway !== true) {
          note(family, `${displayName(table.ref)} has endpoint ${displayName(ep.ref)}, whose ${gateway}`);
          continue;
        }
        const entry = byFamily.get(family) ?? { gateways: new Set(), tables: new Set() };
        entry.gateways.add(ep);
        entry.tables.add(table.ref);
        byFamily.set(family, entry);
      }
    }
    for (const ep of ctx.topology.endpointsPerhapsOn(table)) {
      for (const family of FAMILIES) {
        if (isGatewayOf(ep, family) !== false) note(family, `${displayName(table.ref)} may be served by endpoint ${endpointLabel(ep)}, whose route tables are unknown (${ep.routeTables.unresolved})`);
      }
    }
  }
  const reasons = new Map<GatewayFamily, string>();
  for (const family of FAMILIES) {
    const all = [...(unclear.get('any') ?? []), ...(unclear.get(family) ?? [])];
    if (all.length > 0) reasons.set(family, all.join('; '));
  }
  return { byFamily, unclear: reasons };
}

function finding(inv: Inventory, { group, family, workloads, gateways, tables }: Blocked): RuleOutput {
  const service = GATEWAY_FAMILY_LABEL[family];
  const gatewayList = [...gateways].sort((a, b) => (a.ref.key < b.ref.key ? -1 : 1));
  const listNames = [...new Set(gatewayList.map((g) => g.serviceName as string))].sort();
  const workloadNames = workloads.map((w) => `${KIND_LABEL[w.workloadKind]} ${displayName(w.ref)}`).sort();
  const tableNames = [...tables].map(displayName).sort();
  const gatewayNames = gatewayList.map((g) => displayName(g.ref));
  const noEgress = group.egress.length === 0 ? ` It has no egress rule at all${NO_EGRESS_WHY[group.ref.type ?? ''] ?? ''}.` : '';
  const plRef = gatewayList[0]?.ref.address ? `${gatewayList[0].ref.address}.prefix_list_id` : `the ${service} prefix list`;
  return {
    message: `Security group ${displayName(group.ref)} allows no HTTPS egress to ${service} (${egressAllowed(inv, group, listNames)}), yet ${nameList(workloadNames)} ${workloads.length === 1 ? 'runs' : 'run'} in subnets whose route ${plural(tableNames.length, 'table')} ${nameList(tableNames)} ${tableNames.length === 1 ? 'sends' : 'send'} ${service} through gateway ${plural(gatewayNames.length, 'endpoint')} ${nameList(gatewayNames)}: gateway endpoint traffic still goes to ${service}'s public addresses, so ${service} requests will time out.${noEgress} Add an egress rule for TCP 443 to ${plRef}.`,
    primary: group.ref,
    // The endpoints before the workloads, which can be thousands: SARIF keeps the first 1,000.
    related: [...gatewayList.map((g) => g.ref), ...workloads.map((w) => w.ref)],
    attribute: 'egress',
    evidence: { securityGroup: group.ref.key, service: family, workloads: workloads.map((w) => w.ref.key).sort() },
  };
}

export default rule;
