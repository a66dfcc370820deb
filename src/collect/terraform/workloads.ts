import type { Link, Workload, WorkloadKind } from '../../model/nodes.js';
import { isUnknown } from '../../model/unknown.js';
import { instancesOf, isNone, merge, refOf, tagsOf, type BuildContext } from './context.js';
import { attr, field, type Instance } from './instances.js';
import { defaultGroupOf, linkGroups } from './security-groups.js';
import { keepUnattached, markSuspectedOwners, suspectsText, type Unattached } from './unattached.js';
import { naturalCompare } from '../../util/name-list.js';

type Path = (string | number)[];
const NONE: Link = Object.freeze({ keys: [], external: [] }) as Link;

/**
 * What runs in subnets behind security groups: EC2 instances, launch templates
 * (placed by the Auto Scaling groups and instances that use them), Lambda
 * functions with a VPC config, ECS services in awsvpc mode. Each gets its
 * effective groups: the ones it names, else the VPC's default group, which is
 * what AWS attaches.
 */
export function buildWorkloads(ctx: BuildContext): void {
  const placements = templatePlacements(ctx);
  const unattached: Unattached[] = [];
  const attached = attachedGroups(ctx, unattached);
  for (const inst of instancesOf(ctx, 'aws_launch_template')) {
    const interfaces = blockCount(inst, 'network_interfaces');
    let subnets = placements.get(inst.address) ?? NONE;
    for (let i = 0; i < interfaces; i++) subnets = merge(subnets, linkIfSet(ctx, inst, ['network_interfaces', i, 'subnet_id'], 'subnet'));
    if (isNone(subnets)) {
      subnets = { ...subnets, unresolved: `no Auto Scaling group or instance in the plan uses ${inst.address}, so where it runs is unknown` };
    }
    add(ctx, inst, 'launch-template', subnets, withDefault(ctx, templateGroups(ctx, inst), subnets));
  }
  for (const inst of instancesOf(ctx, 'aws_instance')) {
    let subnets = set(ctx, inst, ['subnet_id'])
      ? ctx.resolver.link(inst, ['subnet_id'], ['subnet'])
      : NONE;
    let groups = merge(linkIfSet(ctx, inst, ['vpc_security_group_ids'], 'group'), linkIfSet(ctx, inst, ['security_groups'], 'group'));
    let extra = attached.get(inst.address) ?? NONE;
    for (let i = 0; i < blockCount(inst, 'network_interface'); i++) {
      for (const eni of hitsOf(ctx, inst, ['network_interface', i, 'network_interface_id'], 'aws_network_interface')) {
        subnets = merge(subnets, ctx.resolver.link(eni, ['subnet_id'], ['subnet']));
        groups = merge(groups, linkIfSet(ctx, eni, ['security_groups'], 'group'));
        extra = merge(extra, attached.get(eni.address) ?? NONE);
      }
    }
    const templates = hitsOf(ctx, inst, ['launch_template', 0, 'id'], 'aws_launch_template')
      .concat(hitsOf(ctx, inst, ['launch_template', 0, 'name'], 'aws_launch_template'));
    if (isNone(groups)) for (const t of templates) groups = merge(groups, templateGroups(ctx, t));
    if (isNone(subnets)) {
      subnets = { keys: [], external: [], unresolved: `${inst.address} names no subnet: it runs in a default subnet of the default VPC, which is not in the plan` };
    }
    // Groups attached to its interfaces afterwards join those it launched with (or the default group, which stays).
    add(ctx, inst, 'instance', subnets, merge(withDefault(ctx, groups, subnets), extra));
  }
  markSuspectedOwners(ctx, unattached, [...ctx.inv.workloads.values()].filter((w) => w.workloadKind === 'instance'), {
    kinds: ['instance'],
    vpcOf: () => undefined,
    mark: (w, _part, suspects) => {
      w.securityGroups = merge(w.securityGroups, { keys: [], external: [], unresolved: suspectsText(suspects, w.ref) });
    },
  });
  for (const inst of instancesOf(ctx, 'aws_lambda_function')) {
    // Without a VPC config (or with no subnets in it) the function runs outside any VPC.
    if (!set(ctx, inst, ['vpc_config', 0, 'subnet_ids'])) continue;
    const subnets = ctx.resolver.link(inst, ['vpc_config', 0, 'subnet_ids'], ['subnet']);
    add(ctx, inst, 'lambda', subnets, linkIfSet(ctx, inst, ['vpc_config', 0, 'security_group_ids'], 'group'));
  }
  for (const inst of instancesOf(ctx, 'aws_ecs_service')) {
    // Only awsvpc services have their own interfaces; the others use their container instances'.
    if (blockCount(inst, 'network_configuration') === 0) continue;
    const subnets = ctx.resolver.link(inst, ['network_configuration', 0, 'subnets'], ['subnet']);
    add(ctx, inst, 'ecs-service', subnets, withDefault(ctx, linkIfSet(ctx, inst, ['network_configuration', 0, 'security_groups'], 'group'), subnets));
  }
}

/**
 * `aws_network_interface_sg_attachment`: a group attached to a network
 * interface, by the address of what owns the interface (an instance, for its
 * primary interface; an `aws_network_interface`). One whose interface cannot
 * be told is noted, and goes to `unattached`: the instances it may belong to
 * have groups that are partly unknown, naming it.
 */
function attachedGroups(ctx: BuildContext, unattached: Unattached[]): Map<string, Link> {
  const out = new Map<string, Link>();
  // By address, not plan order: an instance's groups must not change with the plan's order.
  const attachments = [...instancesOf(ctx, 'aws_network_interface_sg_attachment')].sort((a, b) => naturalCompare(a.address, b.address));
  if (attachments.length === 0) return out;
  // Known interface ids: an existing instance's primary interface, an existing aws_network_interface.
  const byEniId = new Map<string, string>();
  for (const inst of instancesOf(ctx, 'aws_instance')) {
    const id = field(inst, 'primary_network_interface_id');
    if (typeof id === 'string') byEniId.set(id, inst.address);
  }
  for (const eni of instancesOf(ctx, 'aws_network_interface')) {
    const id = field(eni, 'id');
    if (typeof id === 'string') byEniId.set(id, eni.address);
  }
  for (const att of attachments) {
    const res = ctx.resolver.resolveAttribute(att, ['network_interface_id']);
    const owners = new Set<string>();
    let other = res.unresolved !== undefined;
    for (const h of res.hits) {
      const primary = h.instance.type === 'aws_instance' && h.attribute === 'primary_network_interface_id';
      const eni = h.instance.type === 'aws_network_interface' && (h.attribute === undefined || h.attribute === 'id');
      if (primary || eni) owners.add(h.instance.address);
      else other = true;
    }
    for (const c of res.constants) {
      const owner = typeof c === 'string' ? byEniId.get(c) : undefined;
      // An interface outside the plan changes nothing the plan holds.
      if (owner) owners.add(owner);
    }
    if (other || owners.size > 1) {
      // The instances it may belong to: those named (an interface's instance is found through the interface), or any.
      const named = [...owners].map((o) => instancesUsing(ctx, o)).flat();
      const why = res.unresolved ?? `the reference may mean any of ${[...owners].join(', ')}`;
      const consequence = 'the instances it may attach to count as having partly unknown security groups';
      keepUnattached(ctx, unattached, att, { kind: 'unclear', why, named, open: other }, { noun: 'network interface', verb: 'attaches to', consequence, part: 'groups', action: 'attach a security group to' });
      continue;
    }
    const [owner] = owners;
    if (owner !== undefined) out.set(owner, merge(out.get(owner) ?? NONE, linkGroups(ctx, att, ['security_group_id'])));
  }
  return out;
}

/** The instances that use a network interface's owner: the instance itself, or those naming the aws_network_interface. */
function instancesUsing(ctx: BuildContext, owner: string): string[] {
  const inst = ctx.table.byAddress.get(owner);
  if (inst?.type !== 'aws_network_interface') return [owner];
  return [...instancesOf(ctx, 'aws_instance')]
    .filter((i) => Array.from({ length: blockCount(i, 'network_interface') }, (_, n) => hitsOf(ctx, i, ['network_interface', n, 'network_interface_id'], 'aws_network_interface')).flat().includes(inst))
    .map((i) => i.address);
}

function add(ctx: BuildContext, inst: Instance, workloadKind: WorkloadKind, subnets: Link, securityGroups: Link): void {
  const ref = refOf(ctx, inst);
  const tags = tagsOf(inst);
  const workload: Workload = { ref, ...(tags ? { tags } : {}), workloadKind, subnets, securityGroups };
  ctx.inv.workloads.set(ref.key, workload);
}

function templateGroups(ctx: BuildContext, inst: Instance): Link {
  let groups = merge(linkIfSet(ctx, inst, ['vpc_security_group_ids'], 'group'), linkIfSet(ctx, inst, ['security_group_names'], 'group'));
  for (let i = 0; i < blockCount(inst, 'network_interfaces'); i++) groups = merge(groups, linkIfSet(ctx, inst, ['network_interfaces', i, 'security_groups'], 'group'));
  return groups;
}

/** Subnets of each launch template, from the Auto Scaling groups that launch it. */
function templatePlacements(ctx: BuildContext): Map<string, Link> {
  const out = new Map<string, Link>();
  const spec: Path = ['mixed_instances_policy', 0, 'launch_template', 0, 'launch_template_specification', 0];
  for (const asg of instancesOf(ctx, 'aws_autoscaling_group')) {
    const templates = [
      ...hitsOf(ctx, asg, ['launch_template', 0, 'id'], 'aws_launch_template'),
      ...hitsOf(ctx, asg, ['launch_template', 0, 'name'], 'aws_launch_template'),
      ...hitsOf(ctx, asg, [...spec, 'launch_template_id'], 'aws_launch_template'),
      ...hitsOf(ctx, asg, [...spec, 'launch_template_name'], 'aws_launch_template'),
    ];
    const subnets = set(ctx, asg, ['vpc_zone_identifier'])
      ? ctx.resolver.link(asg, ['vpc_zone_identifier'], ['subnet'])
      : { keys: [], external: [], unresolved: `${asg.address} names no subnets (vpc_zone_identifier): it launches into the default VPC` };
    for (const t of templates) out.set(t.address, merge(out.get(t.address) ?? NONE, subnets));
  }
  return out;
}

/** No group named: AWS attaches the default group of the subnets' VPC. */
function withDefault(ctx: BuildContext, groups: Link, subnets: Link): Link {
  if (!isNone(groups)) return groups;
  const vpcKeys = new Set<string>();
  let vpc: Link = NONE;
  for (const key of subnets.keys) {
    const subnet = ctx.inv.subnets.get(key);
    if (!subnet) continue;
    for (const v of subnet.vpc.keys) vpcKeys.add(v);
    vpc = merge(vpc, subnet.vpc);
  }
  if (vpcKeys.size === 0 && subnets.unresolved) return { keys: [], external: [], unresolved: `no security group is named and the subnet is unknown (${subnets.unresolved})` };
  return defaultGroupOf(ctx, vpc);
}

/** Links an optional (often computed) attribute only when the configuration or a known value sets it. */
function linkIfSet(ctx: BuildContext, inst: Instance, path: Path, what: 'group' | 'subnet'): Link {
  if (!set(ctx, inst, path)) return NONE;
  const link = what === 'group' ? linkGroups(ctx, inst, path) : ctx.resolver.link(inst, path, ['subnet']);
  // Set, yet nothing found: names (not ids) of resources outside the plan. Never read as "none".
  return isNone(link) ? { ...link, unresolved: `${inst.address}.${path.join('.')} names ${what === 'group' ? 'security groups' : 'subnets'} that are not in the plan` } : link;
}

function set(ctx: BuildContext, inst: Instance, path: Path): boolean {
  const v = attr(inst, ...path);
  if (isUnknown(v)) return ctx.resolver.expressionOf(inst, path) !== undefined;
  return Array.isArray(v) ? v.length > 0 : v !== undefined;
}

function blockCount(inst: Instance, name: string): number {
  const v = field(inst, name);
  return Array.isArray(v) ? v.length : 0;
}

/** Resource instances of a type that an attribute refers to (`aws_launch_template.x.id`, an ENI id, ...). */
function hitsOf(ctx: BuildContext, inst: Instance, path: Path, type: string): Instance[] {
  const res = ctx.resolver.resolveAttribute(inst, path);
  const out = res.hits.filter((h) => h.instance.type === type).map((h) => h.instance);
  for (const c of res.constants) {
    const ref = typeof c === 'string' ? ctx.inv.refById(c) : undefined;
    const found = ref ? ctx.table.byAddress.get(ref.key) : undefined;
    if (found?.type === type) out.push(found);
  }
  return [...new Set(out)];
}
