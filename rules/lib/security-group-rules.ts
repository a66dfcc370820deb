import type { RuleOutput } from '../../src/engine/rule.js';
import type { Inventory } from '../../src/model/inventory.js';
import type { Link, SecurityGroup, SecurityGroupRule } from '../../src/model/nodes.js';
import { displayName, type Ref } from '../../src/model/ref.js';
import { isUnknown, unknown, type Maybe } from '../../src/model/unknown.js';
import { nameList } from '../../src/util/name-list.js';

/** A "not evaluated" diagnostic: unknown is never a pass. */
export function notEvaluated(subject: Ref, message: string): RuleOutput {
  return { diagnostic: { level: 'note', code: 'not-evaluated', message, subject } };
}

const ALL_PROTOCOLS = new Set(['-1', 'all']);
const TCP = new Set(['tcp', '6']);

/** Whether a rule admits TCP traffic to a port: all protocols, or TCP with the port in range. */
export function coversTcpPort(rule: SecurityGroupRule, port: number): Maybe<boolean> {
  if (isUnknown(rule.protocol)) return rule.protocol;
  const protocol = rule.protocol.toLowerCase();
  if (ALL_PROTOCOLS.has(protocol)) return true;
  if (!TCP.has(protocol)) return false;
  if (isUnknown(rule.fromPort) || isUnknown(rule.toPort)) return unknown('the port range is known only after apply');
  // A TCP rule without ports (aws_vpc_security_group_*_rule allows it) covers every port.
  const from = rule.fromPort ?? 0;
  const to = rule.toPort ?? 65535;
  return from <= port && port <= to;
}

/** "tcp 443", "tcp 0-65535", "all traffic", for messages. */
export function portsLabel(rule: SecurityGroupRule): string {
  if (isUnknown(rule.protocol)) return 'a protocol known only after apply';
  const protocol = rule.protocol.toLowerCase();
  if (ALL_PROTOCOLS.has(protocol)) return 'all traffic';
  const from = isUnknown(rule.fromPort) ? '?' : rule.fromPort;
  const to = isUnknown(rule.toPort) ? '?' : rule.toPort;
  if (from === undefined && to === undefined) return `${protocol} (all ports)`;
  return from === to ? `${protocol} ${from}` : `${protocol} ${from ?? 0}-${to ?? 65535}`;
}

/** A CIDR of every address: 0.0.0.0/0, ::/0 (and any other spelling with prefix length 0). */
export function isAnywhere(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

/**
 * The known CIDRs of a rule, IPv4 and IPv6, and why the others are unknown:
 * IPv4 and IPv6 sources are separate attributes, so a known 0.0.0.0/0 stays
 * open whatever the IPv6 sources turn out to be (and the other way round).
 */
export function cidrsOf(rule: SecurityGroupRule): { cidrs: string[]; unknown?: string } {
  const cidrs = [...(isUnknown(rule.ipv4) ? [] : rule.ipv4), ...(isUnknown(rule.ipv6) ? [] : rule.ipv6)];
  const reasons = [rule.ipv4, rule.ipv6].filter(isUnknown).map((u) => u.reason);
  return reasons.length > 0 ? { cidrs, unknown: [...new Set(reasons)].join('; ') } : { cidrs };
}

/** Where a rule is declared, in words: the inline block of a group, or the rule resource. */
export function ruleOrigin(rule: SecurityGroupRule, group: SecurityGroup): string {
  if (rule.declaredBy.key === group.ref.key) return `an inline ${rule.direction} rule of ${displayName(group.ref)}`;
  if (group.ref.implicit) return `AWS's default ${rule.direction} rule of the default security group of ${displayName(rule.declaredBy)}`;
  return `${displayName(rule.declaredBy)}, an ${rule.direction} rule of ${displayName(group.ref)}`;
}

/** The Terraform attribute that holds a rule's sources, for the source line of a finding. */
export function ruleAttribute(rule: SecurityGroupRule, cidr?: string): string {
  const ipv6 = cidr?.includes(':') ?? false;
  switch (rule.declaredBy.type) {
    case 'aws_vpc_security_group_ingress_rule':
    case 'aws_vpc_security_group_egress_rule':
      return ipv6 ? 'cidr_ipv6' : 'cidr_ipv4';
    case 'aws_security_group_rule':
      return ipv6 ? 'ipv6_cidr_blocks' : 'cidr_blocks';
    default:
      return rule.direction;
  }
}

export interface GroupLookup {
  groups: SecurityGroup[];
  /** Why some groups could not be read: a reference not followed, a group outside the inventory, rules not known. */
  unclear?: string;
}

/** The security groups a link names, and what is unclear about them and their rules of one direction. */
export function groupsOf(inv: Inventory, link: Link, direction: 'ingress' | 'egress'): GroupLookup {
  const groups: SecurityGroup[] = [];
  const unclear: string[] = [];
  if (link.unresolved) unclear.push(link.unresolved);
  if (link.external.length > 0) unclear.push(`security group ${nameList(link.external)} is not in the inventory`);
  for (const key of link.keys) {
    const group = inv.securityGroups.get(key);
    if (!group) {
      unclear.push(`${key} is not a security group of the inventory`);
      continue;
    }
    const incomplete = direction === 'ingress' ? group.ingressIncomplete : group.egressIncomplete;
    if (incomplete) unclear.push(incomplete);
    groups.push(group);
  }
  return unclear.length > 0 ? { groups, unclear: unclear.join('; ') } : { groups };
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return n === 1 ? word : many;
}
