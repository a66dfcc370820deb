import type { SecurityGroup, SecurityGroupRule } from '../../model/nodes.js';
import { isUnknown, unknown, type Maybe } from '../../model/unknown.js';
import { declRef, instancesOf, refOf, str, tagsOf, type BuildContext } from './context.js';
import { attr, type Instance } from './instances.js';


/** Security groups and their rules: inline blocks, aws_security_group_rule, aws_vpc_security_group_{ingress,egress}_rule. */
export function buildSecurityGroups(ctx: BuildContext): void {
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
      for (const direction of ['ingress', 'egress'] as const) inlineRules(ctx, inst, sg, direction);
    } else {
      sg.rulesIncomplete = `${inst.address} is a data source: its rules are not in the plan`;
    }
    ctx.inv.securityGroups.set(ref.key, sg);
  }
  for (const inst of instancesOf(ctx, 'aws_security_group_rule')) {
    const direction = str(inst, 'type');
    if (direction !== 'ingress' && direction !== 'egress') continue;
    const source = ctx.resolver.link(inst, ['source_security_group_id'], ['security-group']);
    addTo(ctx, inst, {
      direction,
      protocol: str(inst, 'protocol') ?? '-1',
      fromPort: num(inst, ['from_port']),
      toPort: num(inst, ['to_port']),
      ipv4: list(inst, ['cidr_blocks']),
      ipv6: list(inst, ['ipv6_cidr_blocks']),
      prefixLists: ctx.resolver.link(inst, ['prefix_list_ids'], ['prefix-list']),
      groups: source,
      self: attr(inst, 'self') === true,
      declaredBy: declRef(ctx, inst),
    });
  }
  for (const [type, direction] of [['aws_vpc_security_group_ingress_rule', 'ingress'], ['aws_vpc_security_group_egress_rule', 'egress']] as const) {
    for (const inst of instancesOf(ctx, type)) {
      const v4 = str(inst, 'cidr_ipv4');
      const v6 = str(inst, 'cidr_ipv6');
      addTo(ctx, inst, {
        direction,
        protocol: str(inst, 'ip_protocol') ?? '-1',
        fromPort: num(inst, ['from_port']),
        toPort: num(inst, ['to_port']),
        ipv4: isUnknown(v4) ? v4 : v4 ? [v4] : [],
        ipv6: isUnknown(v6) ? v6 : v6 ? [v6] : [],
        prefixLists: ctx.resolver.link(inst, ['prefix_list_id'], ['prefix-list']),
        groups: ctx.resolver.link(inst, ['referenced_security_group_id'], ['security-group']),
        self: false,
        declaredBy: declRef(ctx, inst),
      });
    }
  }
}

function inlineRules(ctx: BuildContext, inst: Instance, sg: SecurityGroup, direction: 'ingress' | 'egress'): void {
  const blocks = attr(inst, direction);
  if (isUnknown(blocks)) {
    // Optional and computed: unset in the configuration means the rules come from separate resources.
    if (ctx.resolver.expressionOf(inst, [direction])) sg.rulesIncomplete = `the inline ${direction} rules of ${inst.address} are known only after apply`;
    return;
  }
  if (!Array.isArray(blocks)) return;
  blocks.forEach((_, i) => {
    const at = (name: string) => [direction, i, name];
    sg[direction].push({
      direction,
      protocol: str(inst, direction, i, 'protocol') ?? '-1',
      fromPort: num(inst, at('from_port')),
      toPort: num(inst, at('to_port')),
      ipv4: list(inst, at('cidr_blocks')),
      ipv6: list(inst, at('ipv6_cidr_blocks')),
      prefixLists: ctx.resolver.link(inst, at('prefix_list_ids'), ['prefix-list']),
      groups: ctx.resolver.link(inst, at('security_groups'), ['security-group']),
      self: attr(inst, ...at('self')) === true,
      ...(typeof attr(inst, ...at('description')) === 'string' ? { description: attr(inst, ...at('description')) as string } : {}),
      declaredBy: refOf(ctx, inst),
    });
  });
}

function addTo(ctx: BuildContext, inst: Instance, rule: SecurityGroupRule): void {
  const groups = ctx.resolver.link(inst, ['security_group_id'], ['security-group']);
  if (groups.keys.length === 0) {
    ctx.inv.diagnose({
      level: 'note',
      code: 'unresolved-reference',
      subject: declRef(ctx, inst),
      message: `${inst.address}: cannot tell which security group the rule belongs to (${groups.unresolved ?? (groups.external.join(', ') || 'no security_group_id')})`,
    });
  }
  for (const key of groups.keys) ctx.inv.securityGroups.get(key)?.[rule.direction].push(rule);
}

function num(inst: Instance, path: (string | number)[]): Maybe<number | undefined> {
  const v = attr(inst, ...path);
  if (isUnknown(v) || v === undefined) return v as Maybe<undefined>;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : unknown(`${inst.address}.${path.join('.')} is not a number`);
}

function list(inst: Instance, path: (string | number)[]): Maybe<string[]> {
  const v = attr(inst, ...path);
  if (isUnknown(v)) return v;
  if (!Array.isArray(v)) return [];
  if (v.some((x) => isUnknown(x))) return unknown(`${inst.address}.${path.join('.')} is known only after apply`);
  return v.filter((x): x is string => typeof x === 'string' && x !== '');
}



