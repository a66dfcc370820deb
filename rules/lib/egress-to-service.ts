import type { Inventory } from '../../src/model/inventory.js';
import type { SecurityGroup, SecurityGroupRule } from '../../src/model/nodes.js';
import { parseServiceName } from '../../src/model/service-name.js';
import { isUnknown } from '../../src/model/unknown.js';
import type { GatewayFamily } from './endpoint-queries.js';
import { coversTcpPort, isAnywhere } from './security-group-rules.js';

/** Whether a set of security groups lets HTTPS out to a gateway endpoint service. */
export type EgressVerdict = { kind: 'allows'; by: SecurityGroupRule } | { kind: 'blocks' } | { kind: 'unknown'; reason: string };

/**
 * Egress of the union of a workload's groups towards a gateway endpoint
 * service (S3 or DynamoDB over HTTPS): allowed by an egress rule covering TCP
 * 443 to 0.0.0.0/0 or to the service's AWS-managed prefix list. `serviceNames`
 * narrows the prefix lists to the services the route tables actually use
 * (`com.amazonaws.eu-west-1.s3`); without it any list of the family counts.
 * Rules whose destination cannot be told (unknown values, a prefix list
 * outside the inventory, a public range that may cover the service's
 * addresses) make the verdict unknown unless another rule allows.
 */
export function egressToService(inv: Inventory, groups: readonly SecurityGroup[], family: GatewayFamily, serviceNames?: ReadonlySet<string>): EgressVerdict {
  let pending: string | undefined;
  for (const group of groups) {
    for (const rule of group.egress) {
      const verdict = ruleVerdict(inv, rule, family, serviceNames);
      if (verdict.kind === 'allows') return verdict;
      if (verdict.kind === 'unknown') pending ??= verdict.reason;
    }
  }
  return pending ? { kind: 'unknown', reason: pending } : { kind: 'blocks' };
}

function ruleVerdict(inv: Inventory, rule: SecurityGroupRule, family: GatewayFamily, serviceNames?: ReadonlySet<string>): EgressVerdict {
  const https = coversTcpPort(rule, 443);
  if (https === false) return { kind: 'blocks' };
  const where = rule.declaredBy.address ?? rule.declaredBy.key;
  if (isUnknown(https)) return { kind: 'unknown', reason: `the ports of an egress rule of ${where} are unknown (${https.reason})` };
  if (isUnknown(rule.ipv4)) return { kind: 'unknown', reason: `the destinations of an egress rule of ${where} are unknown (${rule.ipv4.reason})` };
  if (rule.ipv4.some(isAnywhere)) return { kind: 'allows', by: rule };
  let pending: string | undefined;
  for (const key of rule.prefixLists.keys) {
    const list = inv.prefixLists.get(key);
    const name = list?.prefixListName;
    if (!list || isUnknown(name) || name === undefined) {
      pending ??= `the prefix list ${key} named by an egress rule of ${where} is not identified`;
      continue;
    }
    if (serviceNames ? serviceNames.has(name) : parseServiceName(name)?.family === family) return { kind: 'allows', by: rule };
  }
  if (rule.prefixLists.unresolved) pending ??= `a prefix list of an egress rule of ${where} is unknown (${rule.prefixLists.unresolved})`;
  if (rule.prefixLists.external.length > 0) pending ??= `prefix list ${rule.prefixLists.external.join(', ')} named by an egress rule of ${where} is not in the inventory`;
  const broad = rule.ipv4.find((c) => !isPrivateIpv4(c));
  if (broad) pending ??= `an egress rule of ${where} allows ${broad}, which may cover the service's public addresses`;
  return pending ? { kind: 'unknown', reason: pending } : { kind: 'blocks' };
}

/** RFC 1918, shared address space, loopback and link-local ranges: never an AWS service's public address. */
const PRIVATE: readonly [number, number][] = [
  [ipv4('10.0.0.0')!, 8],
  [ipv4('172.16.0.0')!, 12],
  [ipv4('192.168.0.0')!, 16],
  [ipv4('100.64.0.0')!, 10],
  [ipv4('127.0.0.0')!, 8],
  [ipv4('169.254.0.0')!, 16],
];

export function isPrivateIpv4(cidr: string): boolean {
  const [addr, bits] = cidr.trim().split('/');
  const ip = addr === undefined ? undefined : ipv4(addr);
  const len = bits === undefined ? 32 : Number(bits);
  if (ip === undefined || !Number.isInteger(len) || len < 0 || len > 32) return false;
  return PRIVATE.some(([net, netLen]) => len >= netLen && (ip >>> (32 - netLen)) === (net >>> (32 - netLen)));
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}
