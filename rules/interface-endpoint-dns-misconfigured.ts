import type { Rule, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import type { Vpc, VpcEndpoint } from '../src/model/nodes.js';
import { displayName } from '../src/model/ref.js';
import { single } from '../src/model/topology.js';
import { isUnknown } from '../src/model/unknown.js';
import { endpointLabel, gatewayEndpointsInVpc, interfaceEndpoints, vpcIdentity, vpcUnclear } from './lib/endpoint-queries.js';
import { notEvaluated, plural } from './lib/security-group-rules.js';
import { S3_GATEWAY_AND_INTERFACE, VPC_WITH_DNS, hcl } from './lib/terraform-snippets.js';
import { nameList } from '../src/util/name-list.js';

const rule: Rule = {
  meta: {
    id: 'interface-endpoint-dns-misconfigured',
    severity: 'warning',
    title: 'Interface endpoint private DNS cannot work as configured',
    description: [
      'Two ways private DNS of an interface endpoint fails:',
      '',
      '1. Private DNS is on, but the VPC has `enableDnsSupport` or `enableDnsHostnames` off. The endpoint\'s private hosted zone needs both:',
      '   AWS refuses private DNS in such a VPC, or names keep resolving to the public service. The AWS provider creates VPCs with DNS hostnames off',
      '   unless `enable_dns_hostnames = true`. One finding per VPC, naming every endpoint concerned.',
      '2. An S3 interface endpoint with private DNS "only for inbound resolver endpoints" in a VPC where no S3 gateway endpoint is associated with any route table.',
      '   With that option the VPC\'s own clients resolve S3 to its public addresses and are meant to take the gateway endpoint; only on-premises queries',
      '   (through a Route 53 Resolver inbound endpoint) get the interface endpoint. AWS makes the option the default whenever private DNS is turned on',
      '   for S3 and `dns_options` does not say otherwise, and refuses it outright when the VPC has no S3 gateway endpoint',
      '   ("To set PrivateDnsOnlyForInboundResolverEndpoint to true, the VPC must have a gateway endpoint for the service").',
      '   A gateway endpoint associated with no route table passes that check but carries nothing.',
      '',
      'A plan is an open world: a gateway endpoint created outside this configuration is not seen.',
    ].join('\n'),
    fix: [
      'Enable DNS support and DNS hostnames on the VPC, and keep an S3 gateway endpoint beside an S3 interface endpoint that uses the inbound-resolver option:',
      '',
      ...hcl(VPC_WITH_DNS, S3_GATEWAY_AND_INTERFACE),
      '',
      'Without a gateway endpoint, set `private_dns_only_for_inbound_resolver_endpoint = false` so that every client uses the interface endpoint.',
    ].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-dns-hostnames',
      'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html#vpc-dns-support',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#private-dns',
    ],
    tags: ['network', 'dns', 'privatelink', 's3'],
    precision: 'high',
  },
  *check(inv: Inventory): Iterable<RuleOutput> {
    const byVpc = new Map<Vpc, VpcEndpoint[]>();
    for (const ep of interfaceEndpoints(inv)) {
      if (isUnknown(ep.privateDnsEnabled)) {
        yield notEvaluated(ep.ref, `whether interface endpoint ${endpointLabel(ep)} has private DNS is unknown (${ep.privateDnsEnabled.reason}), so its DNS setup was not checked`);
        continue;
      }
      if (!ep.privateDnsEnabled) continue;
      const vpc = single(ep.vpc, inv.vpcs);
      if (!vpc || isUnknown(vpc)) {
        yield notEvaluated(ep.ref, `the VPC of interface endpoint ${endpointLabel(ep)} is not in the inventory (${isUnknown(vpc) ? vpc.reason : vpcUnclear(ep.vpc)}), so its DNS attributes were not checked`);
      } else {
        byVpc.set(vpc, [...(byVpc.get(vpc) ?? []), ep]);
      }
      yield* inboundResolverWithoutGateway(inv, ep);
    }
    for (const [vpc, endpoints] of byVpc) yield* vpcDnsOff(vpc, endpoints);
  },
};

function* vpcDnsOff(vpc: Vpc, endpoints: VpcEndpoint[]): Iterable<RuleOutput> {
  const names = endpoints.map(endpointLabel).sort();
  const off: string[] = [];
  for (const [attribute, value] of [['enable_dns_support', vpc.enableDnsSupport], ['enable_dns_hostnames', vpc.enableDnsHostnames]] as const) {
    if (isUnknown(value)) {
      yield notEvaluated(vpc.ref, `${attribute} of ${displayName(vpc.ref)} is unknown (${value.reason}), so private DNS of ${nameList(names)} was not checked against it`);
    } else if (!value) off.push(attribute);
  }
  if (off.length === 0) return;
  yield {
    message: `VPC ${displayName(vpc.ref)} has ${off.join(' and ')} off, yet interface ${plural(names.length, 'endpoint')} ${nameList(names)} ${names.length === 1 ? 'has' : 'have'} private DNS on: the private hosted zone needs both attributes, so AWS rejects private DNS or the service names keep resolving to public addresses. Set ${off.map((a) => `${a} = true`).join(' and ')} on the VPC.`,
    primary: vpc.ref,
    related: endpoints.map((ep) => ep.ref),
    attribute: off[0]!,
    evidence: { vpc: vpc.ref.key, off, endpoints: endpoints.map((ep) => ep.ref.key).sort() },
  };
}

function* inboundResolverWithoutGateway(inv: Inventory, ep: VpcEndpoint): Iterable<RuleOutput> {
  if (ep.service?.family !== 's3') return;
  const option = ep.privateDnsOnlyForInboundResolver;
  if (isUnknown(option)) {
    yield notEvaluated(ep.ref, `whether private DNS of ${endpointLabel(ep)} answers only the inbound resolver endpoint is unknown (${option.reason})`);
    return;
  }
  if (option !== true) return;
  const vpc = vpcIdentity(ep.vpc);
  if (vpc === undefined) {
    yield notEvaluated(ep.ref, `the VPC of ${endpointLabel(ep)} is unknown (${vpcUnclear(ep.vpc)}), so its S3 gateway endpoint was not looked for`);
    return;
  }
  const { endpoints: gateways, unclear } = gatewayEndpointsInVpc(inv, vpc, 's3', ep.ref.region);
  // Associated with route tables in the inventory or outside it (known ids): it serves the VPC.
  const serving = gateways.filter((g) => g.routeTables.keys.length > 0 || g.routeTables.external.length > 0);
  if (serving.length > 0) return;
  const pending = gateways.find((g) => g.routeTables.unresolved);
  if (unclear || pending) {
    yield notEvaluated(ep.ref, `${endpointLabel(ep)} answers private DNS only for the inbound resolver endpoint, and whether its VPC has an S3 gateway endpoint is unknown (${unclear ?? `the route tables of ${displayName(pending!.ref)}: ${pending!.routeTables.unresolved}`})`);
    return;
  }
  const idle = gateways.map((g) => displayName(g.ref)).sort();
  const problem = idle.length > 0
    ? `its VPC's S3 gateway ${plural(idle.length, 'endpoint')} ${nameList(idle)} ${idle.length === 1 ? 'is' : 'are'} associated with no route table, so in-VPC S3 traffic has no private path`
    : 'its VPC has no S3 gateway endpoint: AWS rejects the setting ("the VPC must have a gateway endpoint for the service"), and in-VPC S3 traffic would have no private path';
  yield {
    message: `S3 interface endpoint ${endpointLabel(ep)} has private DNS only for inbound resolver endpoints (private_dns_only_for_inbound_resolver_endpoint, which AWS turns on for S3 when dns_options does not set it), but ${problem}. Add an S3 gateway endpoint associated with the VPC's private route tables, or set private_dns_only_for_inbound_resolver_endpoint = false in dns_options.`,
    primary: ep.ref,
    related: gateways.map((g) => g.ref),
    attribute: 'dns_options',
    evidence: { endpoint: ep.ref.key, gatewayEndpoints: gateways.map((g) => g.ref.key).sort() },
  };
}

export default rule;
