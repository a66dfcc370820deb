import type { EndpointType, Link, VpcEndpoint } from '../../model/nodes.js';
import { isUnknown, unknown, type Maybe } from '../../model/unknown.js';
import { parseServiceName } from '../../model/service-name.js';
import { bool, declRef, instancesOf, isNone, linkAttr, merge, refOf, str, tagsOf, type BuildContext } from './context.js';
import { attr, field, type Instance } from './instances.js';
import { policyOf } from './policy-source.js';
import { defaultGroupOf, linkGroups } from './security-groups.js';
import { keepUnattached, markSuspectedOwners, ownership, ownershipIn, soleVpc, suspectsText, type Unattached } from './unattached.js';

const TYPES: EndpointType[] = ['Gateway', 'Interface', 'GatewayLoadBalancer', 'Resource', 'ServiceNetwork'];

/** VPC endpoints with their route tables, subnets, security groups and policy, from every Terraform spelling. */
export function buildEndpoints(ctx: BuildContext): void {
  // The groups each managed endpoint names itself, before associations add theirs: the default-group check needs them.
  const named = new Map<string, Link>();
  for (const inst of instancesOf(ctx, 'aws_vpc_endpoint', 'data.aws_vpc_endpoint')) {
    const ref = refOf(ctx, inst);
    const ep = endpointOf(ctx, inst);
    if (inst.mode === 'managed') named.set(ref.key, ep.securityGroups);
    ctx.inv.vpcEndpoints.set(ref.key, ep);
  }
  for (const inst of ctx.table.destroyed.values()) {
    if (inst.type !== 'aws_vpc_endpoint' || inst.mode !== 'managed') continue;
    const ep = endpointOf(ctx, inst);
    ep.destroyed = true;
    ctx.inv.vpcEndpoints.set(ep.ref.key, ep);
  }
  const unattached: Unattached[] = [];
  attach(ctx, unattached, 'aws_vpc_endpoint_route_table_association', 'route_table_id', ['route-table'], (ep, link) => (ep.routeTables = merge(ep.routeTables, link)));
  attach(ctx, unattached, 'aws_vpc_endpoint_subnet_association', 'subnet_id', ['subnet'], (ep, link) => (ep.subnets = merge(ep.subnets, link)));
  const replacedDefault = new Set<string>();
  attach(ctx, unattached, 'aws_vpc_endpoint_security_group_association', 'security_group_id', ['security-group'], (ep, link, inst) => {
    ep.securityGroups = merge(ep.securityGroups, link);
    if (field(inst, 'replace_default_association') === true) replacedDefault.add(ep.ref.key);
  });
  for (const [key, groups] of named) {
    const ep = ctx.inv.vpcEndpoints.get(key);
    // An association removes the default group only with replace_default_association.
    const byDefault = ep && !replacedDefault.has(key) ? defaultGroups(ctx, ep, groups) : undefined;
    if (ep && byDefault) ep.securityGroups = merge(ep.securityGroups, byDefault);
  }
  for (const inst of instancesOf(ctx, 'aws_vpc_endpoint_private_dns')) {
    const enabled = bool(inst, 'private_dns_enabled', undefined);
    for (const key of endpointsOf(ctx, inst, unattached, 'private-dns', 'set private DNS of')) {
      const ep = ctx.inv.vpcEndpoints.get(key);
      const epInst = ctx.table.byAddress.get(key);
      if (!ep || !epInst) continue;
      ep.privateDnsEnabled = enabled ?? unknown(`${inst.address} does not say whether private DNS is on`);
      ep.privateDnsDeclaredBy = declRef(ctx, inst);
      ep.privateDnsOnlyForInboundResolver = inboundResolverOnly(epInst, ep.type, ep.privateDnsEnabled);
    }
  }
  for (const inst of instancesOf(ctx, 'aws_vpc_endpoint_policy')) {
    for (const key of endpointsOf(ctx, inst, unattached, 'policy', 'set the policy of')) {
      const ep = ctx.inv.vpcEndpoints.get(key);
      if (ep) ep.policy = policyOf(ctx, inst, 'policy');
    }
  }
  markUnattached(ctx, unattached);
}

/** The endpoint types an association or setting applies to. */
const ACCEPTS: Record<string, readonly EndpointType[]> = {
  'route-table': ['Gateway'],
  subnet: ['Interface', 'GatewayLoadBalancer'],
  'security-group': ['Interface'],
  'private-dns': ['Interface'],
  policy: ['Gateway', 'Interface'],
};

/** Associations and settings whose endpoint cannot be told leave every endpoint they may belong to partly unknown. */
function markUnattached(ctx: BuildContext, unattached: Unattached[]): void {
  markSuspectedOwners(ctx, unattached, ctx.inv.vpcEndpoints.values(), {
    kinds: ['vpc-endpoint'],
    vpcOf: (ep) => soleVpc(ep.vpc),
    accepts: (ep, part) => !ep.destroyed && (isUnknown(ep.type) || ACCEPTS[part]!.includes(ep.type)),
    mark: (ep, part, suspects) => {
      const text = suspectsText(suspects, ep.ref);
      const unclear: Link = { keys: [], external: [], unresolved: text };
      if (part === 'route-table') ep.routeTables = merge(ep.routeTables, unclear);
      else if (part === 'subnet') ep.subnets = merge(ep.subnets, unclear);
      else if (part === 'security-group') ep.securityGroups = merge(ep.securityGroups, unclear);
      else if (part === 'private-dns') ep.privateDnsEnabled = unknown(text);
      else if (part === 'policy' && ep.policy.kind !== 'unknown') {
        ep.policy = { kind: 'unknown', reason: text, holder: declRef(ctx, suspects.first.inst), attribute: 'policy' };
      }
    },
  });
}

function endpointOf(ctx: BuildContext, inst: Instance): VpcEndpoint {
  const ref = refOf(ctx, inst);
  const serviceName = str(inst, 'service_name');
  const type = endpointType(inst);
  const service = typeof serviceName === 'string' ? parseServiceName(serviceName) : undefined;
  const tags = tagsOf(inst);
  const privateDnsEnabled = privateDns(inst, type);
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
    securityGroups: ownGroups(ctx, inst),
    privateDnsEnabled,
    privateDnsOnlyForInboundResolver: inboundResolverOnly(inst, type, privateDnsEnabled),
  };
}

/** `security_group_ids` is optional and computed: unset means none named here (not unknown). */
function ownGroups(ctx: BuildContext, inst: Instance): Link {
  const v = field(inst, 'security_group_ids');
  const named = isUnknown(v)
    ? inst.mode === 'data' || ctx.resolver.expressionOf(inst, ['security_group_ids']) !== undefined
    : Array.isArray(v) && v.length > 0;
  return named ? linkGroups(ctx, inst, ['security_group_ids']) : { keys: [], external: [] };
}

/** AWS attaches the VPC's default group to an interface endpoint created without groups: that group, where it does. */
function defaultGroups(ctx: BuildContext, ep: VpcEndpoint, own: Link): Link | undefined {
  return ep.type === 'Interface' && isNone(own) ? defaultGroupOf(ctx, ep.vpc) : undefined;
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
  // Gateway endpoints have no DNS names of their own: private DNS does not apply (AWS reports false).
  if (isUnknown(v) && (type === 'Gateway' || type === 'GatewayLoadBalancer')) return false;
  if (isUnknown(v)) {
    if (inst.mode === 'managed' && type === 'Interface' && (inst.action === 'create' || inst.action === 'replace')) return false;
    return v;
  }
  return v ?? false;
}

/**
 * S3 interface endpoints with private DNS: "private DNS only for the inbound
 * resolver endpoint". The provider sends the option only for
 * `com.amazonaws.<region>.s3` interface endpoints and only when `dns_options`
 * is written (then an omitted option is sent as false). When it is not sent,
 * AWS defaults it to true, and refuses it unless the VPC has an S3 gateway
 * endpoint (Amazon S3 User Guide, "AWS PrivateLink for Amazon S3", Private DNS).
 * Undefined where the option does not apply.
 */
function inboundResolverOnly(inst: Instance, type: Maybe<EndpointType>, privateDnsOn: Maybe<boolean>): Maybe<boolean | undefined> {
  const name = str(inst, 'service_name');
  if (type !== 'Interface' || typeof name !== 'string' || parseServiceName(name)?.service !== 's3') return undefined;
  if (isUnknown(privateDnsOn)) return privateDnsOn;
  if (!privateDnsOn) return undefined;
  const opts = field(inst, 'dns_options');
  const v = attr(inst, 'dns_options', 0, 'private_dns_only_for_inbound_resolver_endpoint');
  if (typeof v === 'boolean') return v;
  // A block that is written (plainly or by a dynamic block) shows in the planned values, even with unknown leaves.
  const written = Array.isArray(opts) && opts.length > 0;
  if (written && v === undefined) return false;
  if (!written && isUnknown(opts) && inst.mode === 'managed') return true;
  return unknown(`${inst.address}: whether private DNS answers only the inbound resolver endpoint is known only after apply`);
}

/**
 * The endpoint a resource belongs to (`vpc_endpoint_id`), when the plan tells it.
 * One that cannot be told goes to `unattached`, with what it would do (`action`) to the endpoint.
 */
function endpointsOf(ctx: BuildContext, inst: Instance, unattached: Unattached[], part: string, action: string, vpc?: string): string[] {
  const link = ctx.resolver.link(inst, ['vpc_endpoint_id'], ['vpc-endpoint']);
  const owner = ownershipIn(ctx, link, 'VPC endpoint');
  if (owner.kind === 'one') return [owner.key];
  if (owner.kind === 'unclear') {
    keepUnattached(ctx, unattached, inst, owner, { noun: 'VPC endpoint', consequence: 'the endpoints it may belong to count as partly unknown', part, action, ...(vpc ? { vpc } : {}) });
    return [];
  }
  const why = link.external.length > 0 ? `${link.external.join(', ')} is not in the plan` : 'no vpc_endpoint_id';
  ctx.inv.diagnose({ level: 'note', code: 'unresolved-reference', subject: declRef(ctx, inst), message: `${inst.address}: cannot tell which VPC endpoint it belongs to (${why})` });
  return [];
}

/** Associations of route tables, subnets and security groups with endpoints. */
function attach(ctx: BuildContext, unattached: Unattached[], type: string, field: string, kinds: Parameters<BuildContext['resolver']['link']>[2], apply: (ep: VpcEndpoint, link: Link, inst: Instance) => void): void {
  const part = kinds[0]!;
  const noun = part.replace('-', ' ');
  for (const inst of instancesOf(ctx, type)) {
    const found = kinds.includes('security-group') ? linkGroups(ctx, inst, [field]) : ctx.resolver.link(inst, [field], kinds);
    const other = ownership(found);
    // The associated resource is in the endpoint's VPC: it narrows the endpoints an unclear reference may mean.
    const vpc = other.kind === 'one' ? soleVpc(nodeVpc(ctx, part, other.key)) : undefined;
    const action = `associate ${other.kind === 'one' ? other.key : `a ${noun}`} with`;
    const link: Link = found.unresolved ? { ...found, unresolved: `${inst.address} names a ${noun} that cannot be told (${found.unresolved})` } : found;
    for (const key of endpointsOf(ctx, inst, unattached, part, action, vpc)) {
      const ep = ctx.inv.vpcEndpoints.get(key);
      if (ep) apply(ep, link, inst);
    }
  }
}

function nodeVpc(ctx: BuildContext, kind: string, key: string): Link | undefined {
  if (kind === 'route-table') return ctx.inv.routeTables.get(key)?.vpc;
  if (kind === 'subnet') return ctx.inv.subnets.get(key)?.vpc;
  return ctx.inv.securityGroups.get(key)?.vpc;
}
