import type { EndpointType, Link, VpcEndpoint } from '../../model/nodes.js';
import { isUnknown, unknown, type Maybe } from '../../model/unknown.js';
import { parseServiceName } from '../../model/service-name.js';
import { bool, declRef, instancesOf, linkAttr, merge, refOf, str, tagsOf, type BuildContext } from './context.js';
import { attr, type Instance } from './instances.js';
import { policyOf } from './policy-source.js';

const TYPES: EndpointType[] = ['Gateway', 'Interface', 'GatewayLoadBalancer', 'Resource', 'ServiceNetwork'];

/** VPC endpoints with their route tables, subnets, security groups and policy, from every Terraform spelling. */
export function buildEndpoints(ctx: BuildContext): void {
  for (const inst of instancesOf(ctx, 'aws_vpc_endpoint', 'data.aws_vpc_endpoint')) {
    const ref = refOf(ctx, inst);
    ctx.inv.vpcEndpoints.set(ref.key, endpointOf(ctx, inst));
  }
  for (const inst of ctx.table.destroyed.values()) {
    if (inst.type !== 'aws_vpc_endpoint' || inst.mode !== 'managed') continue;
    const ep = endpointOf(ctx, inst);
    ep.destroyed = true;
    ctx.inv.vpcEndpoints.set(ep.ref.key, ep);
  }
  attach(ctx, 'aws_vpc_endpoint_route_table_association', 'route_table_id', ['route-table'], (ep, link) => (ep.routeTables = merge(ep.routeTables, link)));
  attach(ctx, 'aws_vpc_endpoint_subnet_association', 'subnet_id', ['subnet'], (ep, link) => (ep.subnets = merge(ep.subnets, link)));
  attach(ctx, 'aws_vpc_endpoint_security_group_association', 'security_group_id', ['security-group'], (ep, link) => (ep.securityGroups = merge(ep.securityGroups, link)));
  for (const inst of instancesOf(ctx, 'aws_vpc_endpoint_policy')) {
    for (const key of endpointsOf(ctx, inst)) {
      const ep = ctx.inv.vpcEndpoints.get(key);
      if (ep) ep.policy = policyOf(ctx, inst, 'policy');
    }
  }
}

function endpointOf(ctx: BuildContext, inst: Instance): VpcEndpoint {
  const ref = refOf(ctx, inst);
  const serviceName = str(inst, 'service_name');
  const type = endpointType(inst);
  const service = typeof serviceName === 'string' ? parseServiceName(serviceName) : undefined;
  const tags = tagsOf(inst);
  return {
    ref,
    ...(tags ? { tags } : {}),
    vpc: ctx.resolver.link(inst, ['vpc_id'], ['vpc']),
    type,
    serviceName: serviceName === undefined ? unknown(`${inst.address} has no service name`) : serviceName,
    ...(service ? { service } : {}),
    // Data sources report the policy in force; a managed endpoint without one gets the AWS default.
    policy: policyOf(ctx, inst, 'policy'),
    routeTables: linkAttr(ctx, inst, 'route_table_ids', ['route-table'], true),
    subnets: linkAttr(ctx, inst, 'subnet_ids', ['subnet'], true),
    securityGroups: linkAttr(ctx, inst, 'security_group_ids', ['security-group'], true),
    privateDnsEnabled: privateDns(inst, type),
    privateDnsOnlyForInboundResolver: inboundResolverOnly(inst),
  };
}

function endpointType(inst: Instance): Maybe<EndpointType> {
  const t = str(inst, 'vpc_endpoint_type');
  if (isUnknown(t)) return t;
  // The provider's default when the argument is omitted.
  if (t === undefined) return 'Gateway';
  return (TYPES as string[]).includes(t) ? (t as EndpointType) : unknown(`${inst.address}: unknown endpoint type ${JSON.stringify(t)}`);
}

/**
 * The AWS provider sends `private_dns_enabled = false` for interface endpoints
 * that do not set it, so in a plan "not set" is "off", even though the
 * attribute shows as unknown (it is optional and computed).
 */
function privateDns(inst: Instance, type: Maybe<EndpointType>): Maybe<boolean> {
  const v = bool(inst, 'private_dns_enabled', false);
  if (isUnknown(v)) {
    if (inst.mode === 'managed' && type === 'Interface' && inst.action === 'create') return false;
    return v;
  }
  return v ?? false;
}

function inboundResolverOnly(inst: Instance): Maybe<boolean | undefined> {
  const opts = attr(inst, 'dns_options');
  if (isUnknown(opts)) return opts;
  if (!Array.isArray(opts) || opts.length === 0) return undefined;
  const v = attr(inst, 'dns_options', 0, 'private_dns_only_for_inbound_resolver_endpoint');
  if (isUnknown(v)) return v;
  return typeof v === 'boolean' ? v : undefined;
}

function endpointsOf(ctx: BuildContext, inst: Instance): string[] {
  const link = ctx.resolver.link(inst, ['vpc_endpoint_id'], ['vpc-endpoint']);
  if (link.keys.length === 0) {
    ctx.inv.diagnose({
      level: 'note',
      code: 'unresolved-reference',
      subject: declRef(ctx, inst),
      message: `${inst.address}: cannot tell which VPC endpoint it belongs to (${link.unresolved ?? (link.external.length > 0 ? `${link.external.join(', ')} is not in the plan` : 'no vpc_endpoint_id')})`,
    });
  }
  return link.keys;
}

function attach(ctx: BuildContext, type: string, field: string, kinds: Parameters<BuildContext['resolver']['link']>[2], apply: (ep: VpcEndpoint, link: Link) => void): void {
  for (const inst of instancesOf(ctx, type)) {
    const link = ctx.resolver.link(inst, [field], kinds);
    for (const key of endpointsOf(ctx, inst)) {
      const ep = ctx.inv.vpcEndpoints.get(key);
      if (ep) apply(ep, link);
    }
  }
}
