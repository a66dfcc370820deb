import type { Inventory } from '../../src/model/inventory.js';
import type { PrefixList, SecurityGroup, SecurityGroupRule } from '../../src/model/nodes.js';
import { displayName } from '../../src/model/ref.js';
import { parseServiceName } from '../../src/model/service-name.js';
import { isUnknown } from '../../src/model/unknown.js';
import { parseCidr } from '../../src/policy/index.js';
import { nameList } from '../../src/util/name-list.js';
import type { GatewayFamily } from '../../src/model/topology.js';
import { coversTcpPort, isAnywhere, portsLabel } from './security-group-rules.js';

/** Whether a set of security groups lets HTTPS out to a gateway endpoint service. */
export type EgressVerdict = { kind: 'allows'; by: SecurityGroupRule } | { kind: 'blocks' } | { kind: 'unknown'; reason: string };

/** A public IPv4 range that an egress rule lets HTTPS out to, directly or through a customer-managed prefix list. */
interface Range {
  cidr: string;
  rule: SecurityGroupRule;
  /** The customer-managed prefix list that holds the range, for messages. */
  list?: string;
}

/** What one egress rule says about HTTPS to the service. */
interface RuleReading {
  allows?: boolean;
  /** Why part of the rule cannot be told. */
  pending?: string;
  ranges: Range[];
}

/**
 * Egress of the union of a workload's groups towards a gateway endpoint
 * service (S3 or DynamoDB over HTTPS): allowed by an egress rule covering TCP
 * 443 to 0.0.0.0/0, to the service's AWS-managed prefix list, or to a
 * customer-managed prefix list holding 0.0.0.0/0; or by public ranges (rules'
 * CIDRs and customer lists' entries) that together cover every address of the
 * service's AWS-managed list, when the inventory holds those addresses.
 * `serviceNames` narrows the service lists to those the route tables actually
 * use (`com.amazonaws.eu-west-1.s3`); without it any list of the family counts.
 * What cannot be told (unknown values, a prefix list outside the inventory or
 * whose entries are unknown, a public range when the service's addresses are
 * not known, a range covering only part of them) makes the verdict unknown
 * unless another rule allows.
 */
export function egressToService(inv: Inventory, groups: readonly SecurityGroup[], family: GatewayFamily, serviceNames?: ReadonlySet<string>): EgressVerdict {
  let pending: string | undefined;
  const ranges: Range[] = [];
  for (const group of groups) {
    for (const rule of group.egress) {
      const reading = readRule(inv, rule, family, serviceNames);
      if (reading.allows) return { kind: 'allows', by: rule };
      pending ??= reading.pending;
      ranges.push(...reading.ranges);
    }
  }
  if (ranges.length > 0) {
    const reach = reachOf(ranges, serviceAddresses(inv, family, serviceNames));
    if (reach.kind === 'all') return { kind: 'allows', by: ranges[0]!.rule };
    if (reach.kind === 'unknown') pending ??= reach.reason;
  }
  return pending ? { kind: 'unknown', reason: pending } : { kind: 'blocks' };
}

function readRule(inv: Inventory, rule: SecurityGroupRule, family: GatewayFamily, serviceNames?: ReadonlySet<string>): RuleReading {
  const https = coversTcpPort(rule, 443);
  if (https === false) return { ranges: [] };
  const where = ruleName(rule);
  if (isUnknown(https)) return { pending: `the ports of an egress rule of ${where} are unknown (${https.reason})`, ranges: [] };
  const out: RuleReading = { ranges: [] };
  const note = (reason: string) => {
    out.pending ??= reason;
  };
  if (isUnknown(rule.ipv4)) note(`the destinations of an egress rule of ${where} are unknown (${rule.ipv4.reason})`);
  else if (rule.ipv4.some(isAnywhere)) return { allows: true, ranges: [] };
  else out.ranges.push(...publicRanges(rule.ipv4, rule, note));
  for (const key of rule.prefixLists.keys) {
    const list = inv.prefixLists.get(key);
    const name = list?.prefixListName;
    if (!list) {
      note(`the prefix list ${key} named by an egress rule of ${where} is not identified`);
      continue;
    }
    if (typeof name === 'string' && isAwsManaged(name)) {
      if (isServiceList(name, family, serviceNames)) return { allows: true, ranges: [] };
      continue; // Another service's or region's list: none of this service's addresses.
    }
    // A customer-managed list (AWS reserves com.amazonaws. names): judged by its entries.
    const label = listLabel(list);
    if (isUnknown(list.cidrs) || list.cidrs === undefined) {
      note(`the entries of ${label}, named by an egress rule of ${where}, are ${isUnknown(list.cidrs) ? `unknown (${list.cidrs.reason})` : 'not in the inventory'}`);
      continue;
    }
    if (list.cidrs.some((c) => !c.includes(':') && isAnywhere(c))) return { allows: true, ranges: [] };
    if (typeof name !== 'string') {
      note(`the prefix list ${key} named by an egress rule of ${where} is not identified`);
      continue;
    }
    out.ranges.push(...publicRanges(list.cidrs, rule, note, label));
  }
  if (rule.prefixLists.unresolved) note(`a prefix list of an egress rule of ${where} is unknown (${rule.prefixLists.unresolved})`);
  if (rule.prefixLists.external.length > 0) note(`prefix list ${rule.prefixLists.external.join(', ')} named by an egress rule of ${where} is not in the inventory`);
  return out;
}

/** The public IPv4 ranges among CIDRs (IPv6 never reaches a gateway endpoint; private ranges never hold a service's address). */
function publicRanges(cidrs: readonly string[], rule: SecurityGroupRule, note: (reason: string) => void, list?: string): Range[] {
  const out: Range[] = [];
  for (const cidr of cidrs) {
    if (cidr.includes(':') || isPrivateIpv4(cidr)) continue;
    if (parseCidr(cidr.trim())?.version !== 4) {
      note(`${list ? `${list}, named by an egress rule of ${ruleName(rule)}, holds` : `an egress rule of ${ruleName(rule)} names`} ${cidr}, which is not a CIDR block`);
      continue;
    }
    out.push({ cidr: cidr.trim(), rule, ...(list ? { list } : {}) });
  }
  return out;
}

/** The IPv4 addresses of the service's AWS-managed prefix lists, when the inventory holds them (live scans; plans with data.aws_prefix_list). */
function serviceAddresses(inv: Inventory, family: GatewayFamily, serviceNames?: ReadonlySet<string>): string[] | undefined {
  const out = new Set<string>();
  for (const list of inv.prefixLists.values()) {
    const name = list.prefixListName;
    if (typeof name !== 'string' || !isAwsManaged(name) || !isServiceList(name, family, serviceNames)) continue;
    if (Array.isArray(list.cidrs)) list.cidrs.filter((c) => parseCidr(c.trim())?.version === 4).forEach((c) => out.add(c.trim()));
  }
  return out.size > 0 ? [...out] : undefined;
}

type Reach = { kind: 'all' } | { kind: 'none' } | { kind: 'unknown'; reason: string };

/** Whether public ranges cover all, none or part of the service's addresses. */
function reachOf(ranges: readonly Range[], service: readonly string[] | undefined): Reach {
  if (!service) {
    const first = ranges[0]!;
    const says = first.list ? `${first.list}, named by an egress rule of ${ruleName(first.rule)}, holds` : `an egress rule of ${ruleName(first.rule)} allows`;
    return { kind: 'unknown', reason: `${says} ${first.cidr}, and the service's public addresses, which it may cover, are not in the inventory` };
  }
  const allowed = merge(ranges.map((r) => interval(r.cidr)!));
  const targets = service.map((c) => interval(c)!);
  const covered = targets.filter(([from, to]) => allowed.some(([a, b]) => a <= from && to <= b)).length;
  if (covered === targets.length) return { kind: 'all' };
  if (!targets.some(([from, to]) => allowed.some(([a, b]) => a <= to && from <= b))) return { kind: 'none' };
  const cidrs = [...new Set(ranges.map((r) => r.cidr))];
  return { kind: 'unknown', reason: `HTTPS egress to ${nameList(cidrs)} covers only part of the service's addresses (${nameList(service)}): some requests may get through, others time out` };
}

/** First and last address of an IPv4 CIDR. */
function interval(cidr: string): [bigint, bigint] | undefined {
  const c = parseCidr(cidr.trim());
  if (!c || c.version !== 4) return undefined;
  return [c.base, c.base + (1n << BigInt(32 - c.prefix)) - 1n];
}

/** Sorted, disjoint intervals: touching or overlapping ones joined. */
function merge(intervals: [bigint, bigint][]): [bigint, bigint][] {
  const out: [bigint, bigint][] = [];
  for (const [from, to] of [...intervals].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1n) last[1] = to > last[1] ? to : last[1];
    else out.push([from, to]);
  }
  return out;
}

/** AWS-managed prefix lists are named com.amazonaws.…; customers cannot use that prefix. */
function isAwsManaged(name: string): boolean {
  return /^(cn\.)?com\.amazonaws\./.test(name);
}

function isServiceList(name: string, family: GatewayFamily, serviceNames?: ReadonlySet<string>): boolean {
  return serviceNames ? serviceNames.has(name) : parseServiceName(name)?.family === family;
}

function ruleName(rule: SecurityGroupRule): string {
  return rule.declaredBy.address ?? rule.declaredBy.key;
}

function listLabel(list: PrefixList): string {
  const shown = displayName(list.ref);
  const name = list.prefixListName;
  if (typeof name !== 'string' || shown === name || shown.endsWith(`(${name})`)) return `prefix list ${shown}`;
  return `prefix list ${name} (${shown})`;
}

/**
 * What a group's egress rules allow, for a finding that says they allow no
 * HTTPS to the service: "its egress rules allow only tcp 80 to 0.0.0.0/0: none
 * is TCP 443 to 0.0.0.0/0 or to the … prefix list".
 */
export function egressAllowed(inv: Inventory, group: SecurityGroup, serviceLists: readonly string[]): string {
  const lists = `the ${nameList(serviceLists)} prefix list`;
  if (group.egress.length === 0) return `no 0.0.0.0/0 rule, no rule to ${lists}`;
  const rules = [...new Set(group.egress.map((r) => `${portsLabel(r)} to ${destinations(inv, r)}`))];
  return `its egress rules allow only ${nameList(rules)}: none is TCP 443 to 0.0.0.0/0 or to ${lists}`;
}

function destinations(inv: Inventory, rule: SecurityGroupRule): string {
  const out: string[] = [];
  for (const cidrs of [rule.ipv4, rule.ipv6]) {
    if (isUnknown(cidrs)) out.push('addresses known only after apply');
    else out.push(...cidrs);
  }
  for (const key of rule.prefixLists.keys) {
    const list = inv.prefixLists.get(key);
    out.push(list ? listLabel(list) : `prefix list ${key}`);
  }
  out.push(...rule.prefixLists.external.map((id) => `prefix list ${id}`));
  if (rule.prefixLists.unresolved) out.push('a prefix list not known');
  for (const key of rule.groups.keys) {
    const ref = inv.refByKey(key);
    out.push(`security group ${ref ? displayName(ref) : key}`);
  }
  out.push(...rule.groups.external.map((id) => `security group ${id}`));
  if (rule.groups.unresolved) out.push('a security group not known');
  if (rule.self) out.push('the group\'s own members');
  return out.length > 0 ? [...new Set(out)].join(' and ') : 'nowhere';
}

/** RFC 1918, shared address space, loopback and link-local ranges: never an AWS service's public address. */
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'].map((c) => interval(c)!);

export function isPrivateIpv4(cidr: string): boolean {
  const range = interval(cidr);
  return range !== undefined && PRIVATE.some(([a, b]) => a <= range[0] && range[1] <= b);
}
