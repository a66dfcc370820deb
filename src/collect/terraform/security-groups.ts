import type { Link, SecurityGroup, SecurityGroupRule, Vpc } from '../../model/nodes.js';
import type { NodeKind, Ref } from '../../model/ref.js';
import { parseServiceName } from '../../model/service-name.js';
import { isUnknown, unknown, type Maybe } from '../../model/unknown.js';
import { declRef, instancesOf, merge, refOf, str, tagsOf, type BuildContext } from './context.js';
import { attr, field, type Instance } from './instances.js';
import { kindOf } from './resource-kinds.js';
import { also, markSuspectedOwners, ownerUnclear, ownershipIn, soleVpc, suspectsText, type Unattached } from './unattached.js';

/**
 * Security groups and their rules, from every spelling: inline `ingress` /
 * `egress` blocks, `aws_security_group_rule`, `aws_vpc_security_group_{ingress,egress}_rule`.
 *
 * What the AWS provider does, and so what the model says:
 * - A new `aws_security_group` loses AWS's allow-all egress: the provider revokes
 *   it right after CreateSecurityGroup, then adds only the configured rules. A
 *   group without `egress` (inline or separate) has no egress at all.
 * - `aws_default_security_group` revokes every rule of the default group, then
 *   adds the configured ones.
 * - A VPC created by the plan with no `aws_default_security_group` keeps AWS's
 *   default group as AWS makes it: all traffic in from members of the group, all
 *   traffic out. The collector adds that group as an implicit node, because
 *   interface endpoints and workloads that name no group get it.
 */
export function buildSecurityGroups(ctx: BuildContext): void {
  const prefixLists = buildServicePrefixLists(ctx);
  for (const inst of instancesOf(ctx, 'aws_security_group', 'aws_default_security_group', 'data.aws_security_group')) {
    const ref = refOf(ctx, inst);
    const tags = tagsOf(inst);
    const sg: SecurityGroup = {
      ref,
      ...(tags ? { tags } : {}),
      vpc: ctx.resolver.link(inst, ['vpc_id'], ['vpc']),
      groupName: str(inst, 'name') ?? unknown('no name'),
      ingress: [],
      egress: [],
    };
    if (inst.mode === 'managed') {
      for (const direction of ['ingress', 'egress'] as const) inlineRules(ctx, inst, sg, direction, prefixLists);
    } else {
      sg.ingressIncomplete = sg.egressIncomplete = `${inst.address} is a data source: its rules are not in the plan`;
    }
    ctx.inv.securityGroups.set(ref.key, sg);
  }
  buildImplicitDefaultGroups(ctx);
  const unattached: Unattached[] = [];
  for (const inst of instancesOf(ctx, 'aws_security_group_rule')) {
    const type = str(inst, 'type');
    // Known only after apply: the rule adds to one direction or the other, and either may be missing a rule.
    const direction = type === 'ingress' || type === 'egress' ? type : 'egress';
    addTo(ctx, unattached, inst, type === direction ? undefined : `its type is ${isUnknown(type) ? 'known only after apply' : JSON.stringify(type)}`, {
      direction,
      protocol: str(inst, 'protocol') ?? '-1',
      fromPort: num(inst, ['from_port']),
      toPort: num(inst, ['to_port']),
      ipv4: list(inst, ['cidr_blocks']),
      ipv6: list(inst, ['ipv6_cidr_blocks']),
      prefixLists: linkPrefixLists(ctx, inst, ['prefix_list_ids'], prefixLists),
      groups: linkGroups(ctx, inst, ['source_security_group_id']),
      self: field(inst, 'self') === true,
      declaredBy: declRef(ctx, inst),
    });
  }
  for (const [type, direction] of [['aws_vpc_security_group_ingress_rule', 'ingress'], ['aws_vpc_security_group_egress_rule', 'egress']] as const) {
    for (const inst of instancesOf(ctx, type)) {
      const v4 = str(inst, 'cidr_ipv4');
      const v6 = str(inst, 'cidr_ipv6');
      addTo(ctx, unattached, inst, undefined, {
        direction,
        protocol: str(inst, 'ip_protocol') ?? '-1',
        fromPort: num(inst, ['from_port']),
        toPort: num(inst, ['to_port']),
        ipv4: isUnknown(v4) ? v4 : v4 ? [v4] : [],
        ipv6: isUnknown(v6) ? v6 : v6 ? [v6] : [],
        prefixLists: linkPrefixLists(ctx, inst, ['prefix_list_id'], prefixLists),
        groups: linkGroups(ctx, inst, ['referenced_security_group_id']),
        self: false,
        declaredBy: declRef(ctx, inst),
      });
    }
  }
  markSuspectedOwners(ctx, unattached, ctx.inv.securityGroups.values(), {
    kinds: ['security-group'],
    vpcOf: (sg) => soleVpc(sg.vpc),
    mark: (sg, part, suspects) => {
      const text = suspectsText(suspects, sg.ref);
      if (part !== 'egress') sg.ingressIncomplete = also(sg.ingressIncomplete, text);
      if (part !== 'ingress') sg.egressIncomplete = also(sg.egressIncomplete, text);
    },
  });
}

/**
 * Links an attribute that names security groups. Besides group resources it
 * understands `aws_vpc.x.default_security_group_id`, the default group of a VPC.
 */
export function linkGroups(ctx: BuildContext, inst: Instance, path: (string | number)[]): Link {
  const link = linkField(ctx, inst, path, ['security-group']);
  const viaVpc = ctx.resolver
    .resolveAttribute(inst, path)
    .hits.filter((h) => (h.instance.type === 'aws_vpc' || h.instance.type === 'aws_default_vpc') && h.attribute === 'default_security_group_id');
  if (viaVpc.length === 0) return link;
  // The resolver gives up on the computed attribute; the default group stands in for it.
  const computed = new Set(viaVpc.map((h) => `${h.instance.address}.default_security_group_id is computed by the provider`));
  const { unresolved, ...rest } = link;
  const base: Link = unresolved && !computed.has(unresolved) ? { ...rest, unresolved } : rest;
  return viaVpc.reduce((acc, h) => merge(acc, defaultGroupOf(ctx, { keys: [h.instance.address], external: [] })), base);
}

/** The default security group of the VPC a link names: what AWS attaches when no group is given. */
export function defaultGroupOf(ctx: BuildContext, vpc: Link): Link {
  if (vpc.keys.length === 1) {
    const key = vpc.keys[0]!;
    const found = defaultGroups(ctx).get(key);
    if (found) return found;
    return { keys: [], external: [], unresolved: `the default security group of ${key} is not in the plan` };
  }
  if (vpc.keys.length > 1) return { keys: [], external: [], unresolved: `the VPC is ambiguous (${vpc.keys.join(', ')}), so its default security group is unknown` };
  const why = vpc.unresolved ?? (vpc.external.length > 0 ? `${vpc.external.join(', ')} is not in the plan` : 'no VPC is known');
  return { keys: [], external: [], unresolved: `the default security group applies, but its VPC is unknown (${why})` };
}

const DEFAULT_GROUPS = new WeakMap<BuildContext, Map<string, Link>>();

function defaultGroups(ctx: BuildContext): Map<string, Link> {
  let map = DEFAULT_GROUPS.get(ctx);
  if (map) return map;
  map = new Map();
  DEFAULT_GROUPS.set(ctx, map);
  for (const inst of instancesOf(ctx, 'aws_default_security_group')) {
    for (const vpcKey of ctx.resolver.link(inst, ['vpc_id'], ['vpc']).keys) map.set(vpcKey, { keys: [inst.address], external: [] });
  }
  for (const vpc of ctx.inv.vpcs.values()) {
    if (map.has(vpc.ref.key)) continue;
    const inst = ctx.table.byAddress.get(vpc.ref.key);
    const id = inst ? str(inst, 'default_security_group_id') : undefined;
    if (typeof id === 'string') {
      const ref = ctx.inv.refById(id);
      map.set(vpc.ref.key, ref?.kind === 'security-group' ? { keys: [ref.key], external: [] } : { keys: [], external: [id] });
    }
  }
  return map;
}

/** AWS's default group of each VPC the plan creates and whose default group it does not manage. */
function buildImplicitDefaultGroups(ctx: BuildContext): void {
  const known = defaultGroups(ctx);
  for (const vpc of ctx.inv.vpcs.values()) {
    const inst = ctx.table.byAddress.get(vpc.ref.key);
    if (known.has(vpc.ref.key) || !inst || inst.type !== 'aws_vpc' || inst.action !== 'create') continue;
    const key = `${vpc.ref.key}#default_security_group`;
    const ref: Ref = { key, kind: 'security-group', ...(vpc.ref.address ? { address: vpc.ref.address } : {}), ...(vpc.ref.region ? { region: vpc.ref.region } : {}), implicit: true, name: 'default security group' };
    ctx.inv.register(ref);
    ctx.inv.securityGroups.set(key, awsDefaultGroup(ref, vpc));
    known.set(vpc.ref.key, { keys: [key], external: [] });
  }
}

function awsDefaultGroup(ref: Ref, vpc: Vpc): SecurityGroup {
  const none: Link = { keys: [], external: [] };
  const all = { protocol: '-1', fromPort: undefined, toPort: undefined, prefixLists: none, declaredBy: vpc.ref };
  const ipv6Out = Array.isArray(vpc.ipv6CidrBlocks) && vpc.ipv6CidrBlocks.length > 0 ? ['::/0'] : [];
  return {
    ref,
    vpc: { keys: [vpc.ref.key], external: [] },
    groupName: 'default',
    ingress: [{ direction: 'ingress', ...all, ipv4: [], ipv6: [], groups: none, self: true, description: 'AWS default: all traffic from members of the group' }],
    egress: [{ direction: 'egress', ...all, ipv4: ['0.0.0.0/0'], ipv6: ipv6Out, groups: none, self: false, description: 'AWS default: all traffic out' }],
  };
}

/**
 * The AWS-managed prefix list of an endpoint's service (S3, DynamoDB), as a
 * node that security group rules can name through `aws_vpc_endpoint.x.prefix_list_id`.
 * Returns the prefix list key of each such endpoint.
 */
function buildServicePrefixLists(ctx: BuildContext): Map<string, string> {
  const byEndpoint = new Map<string, string>();
  for (const inst of instancesOf(ctx, 'aws_vpc_endpoint', 'data.aws_vpc_endpoint')) {
    const name = str(inst, 'service_name');
    const service = typeof name === 'string' ? parseServiceName(name) : undefined;
    if (!service?.family) continue;
    const endpoint = refOf(ctx, inst);
    const id = str(inst, 'prefix_list_id');
    const key = `${endpoint.key}#prefix_list`;
    const ref: Ref = {
      key,
      kind: 'prefix-list',
      ...(typeof id === 'string' ? { id } : {}),
      ...(endpoint.address ? { address: endpoint.address } : {}),
      ...(endpoint.region ? { region: endpoint.region } : {}),
      implicit: true,
      name: `prefix list ${service.name}`,
    };
    ctx.inv.register(ref);
    ctx.inv.prefixLists.set(key, { ref, prefixListName: service.name, cidrs: unknown(`the addresses of ${service.name} are not in the plan`) });
    byEndpoint.set(endpoint.key, key);
  }
  return byEndpoint;
}

/** Prefix lists of a rule; a reference to an endpoint's `prefix_list_id` means that endpoint's service list. */
function linkPrefixLists(ctx: BuildContext, inst: Instance, path: (string | number)[], byEndpoint: Map<string, string>): Link {
  const link = linkField(ctx, inst, path, ['prefix-list', 'vpc-endpoint']);
  const isList = (k: string) => ctx.inv.refByKey(k)?.kind === 'prefix-list';
  const keys = link.keys.flatMap((k) => (isList(k) ? [k] : byEndpoint.has(k) ? [byEndpoint.get(k)!] : []));
  const strays = link.keys.filter((k) => !isList(k) && !byEndpoint.has(k));
  const unresolved = link.unresolved ?? (strays.length > 0 ? `${strays.join(', ')} has no AWS-managed prefix list` : undefined);
  return { keys: [...new Set(keys)].sort(), external: link.external, ...(unresolved ? { unresolved } : {}) };
}

/**
 * Links a field of a rule. An inline rule's field known only after apply has
 * only the flat expression of all the blocks to go by: keep the references to
 * resources of the wanted kinds, and ignore the others (a block's CIDR from
 * `aws_vpc.main.cidr_block`, another block's group), which say nothing about
 * this field.
 */
function linkField(ctx: BuildContext, inst: Instance, path: (string | number)[], kinds: readonly NodeKind[]): Link {
  const expr = isUnknown(attr(inst, ...path)) ? ctx.resolver.expressionOf(inst, path) : undefined;
  const flat = expr !== undefined && path.length > 1 && expr === ctx.resolver.expressionOf(inst, [path[0]!]);
  if (!flat) return ctx.resolver.link(inst, path, kinds);
  const res = ctx.resolver.resolveExpression(inst, expr);
  const keys = res.hits.filter((h) => kinds.includes(kindOf(h.instance.mode, h.instance.type) ?? 'other')).map((h) => h.instance.address);
  return { keys: [...new Set(keys)].sort(), external: [], ...(res.unresolved ? { unresolved: res.unresolved } : {}) };
}

/**
 * Inline rules. In the configuration the provider's "attributes as blocks"
 * come as one flat expression naming every reference of every block, so a
 * field known only after apply is linked to all of them: a rule may then name
 * more groups or prefix lists than it has, never fewer.
 */
function inlineRules(ctx: BuildContext, inst: Instance, sg: SecurityGroup, direction: 'ingress' | 'egress', prefixLists: Map<string, string>): void {
  const blocks = attr(inst, direction);
  if (isUnknown(blocks)) {
    // Optional and computed: unset in the configuration means the rules come from separate resources.
    if (ctx.resolver.expressionOf(inst, [direction])) sg.ingressIncomplete = sg.egressIncomplete = `the inline ${direction} rules of ${inst.address} are known only after apply`;
    return;
  }
  if (!Array.isArray(blocks)) return;
  blocks.forEach((_, i) => {
    const at = (name: string) => [direction, i, name];
    const description = attr(inst, ...at('description'));
    sg[direction].push({
      direction,
      protocol: str(inst, direction, i, 'protocol') ?? '-1',
      fromPort: num(inst, at('from_port')),
      toPort: num(inst, at('to_port')),
      ipv4: list(inst, at('cidr_blocks')),
      ipv6: list(inst, at('ipv6_cidr_blocks')),
      prefixLists: linkPrefixLists(ctx, inst, at('prefix_list_ids'), prefixLists),
      groups: linkGroups(ctx, inst, at('security_groups')),
      self: attr(inst, ...at('self')) === true,
      ...(typeof description === 'string' ? { description } : {}),
      declaredBy: refOf(ctx, inst),
    });
  });
}

/**
 * Adds a rule resource to its group. A rule whose group cannot be told, or
 * whose direction cannot (`unclearDirection`), is kept out of every group and
 * makes the groups it may belong to incomplete instead.
 */
function addTo(ctx: BuildContext, unattached: Unattached[], inst: Instance, unclearDirection: string | undefined, rule: SecurityGroupRule): void {
  const groups = linkGroups(ctx, inst, ['security_group_id']);
  const owner = ownershipIn(ctx, groups, 'security group');
  if (owner.kind !== 'one') {
    ctx.inv.diagnose({
      level: 'note',
      code: 'unresolved-reference',
      subject: declRef(ctx, inst),
      message: `${inst.address}: cannot tell which security group the rule belongs to (${owner.kind === 'unclear' ? owner.why : groups.external.join(', ') || 'no security_group_id'})${owner.kind === 'unclear' ? '; the groups it may belong to count as incomplete' : ''}`,
    });
  }
  if (owner.kind === 'one' && !unclearDirection) {
    ctx.inv.securityGroups.get(owner.key)?.[rule.direction].push(rule);
    return;
  }
  const [named, open, why] = owner.kind === 'one'
    ? [[owner.key], false, unclearDirection!]
    : owner.kind === 'unclear' ? [owner.named, owner.open, ownerUnclear('security group', owner.why)] : [[], false, ''];
  if (named.length === 0 && !open) return;
  const part = unclearDirection ? 'both' : rule.direction;
  unattached.push({ inst, part, action: `add ${part === 'both' ? 'a' : `an ${part}`} rule to`, why, named, open });
}

function num(inst: Instance, path: (string | number)[]): Maybe<number | undefined> {
  const v = attr(inst, ...path);
  if (isUnknown(v) || v === undefined) return v as Maybe<undefined>;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : unknown(`${inst.address}.${path.join('.')} is not a number`);
}

function list(inst: Instance, path: (string | number)[]): Maybe<string[]> {
  const v = attr(inst, ...path);
  if (isUnknown(v)) return unknown(`${inst.address}.${path.join('.')} is known only after apply`);
  if (!Array.isArray(v)) return [];
  // Unknown elements are marked in after_unknown, element by element.
  if (v.some((_, i) => isUnknown(attr(inst, ...path, i)))) return unknown(`${inst.address}.${path.join('.')} is known only after apply`);
  return v.filter((x): x is string => typeof x === 'string' && x !== '');
}
