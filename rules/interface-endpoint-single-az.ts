import type { Rule, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import type { Subnet } from '../src/model/nodes.js';
import { displayName } from '../src/model/ref.js';
import { isUnknown } from '../src/model/unknown.js';
import { endpointLabel, interfaceEndpoints, subnetsInVpc, vpcIdentity, vpcUnclear } from './lib/endpoint-queries.js';
import { notEvaluated } from './lib/security-group-rules.js';
import { SSM_INTERFACE_ENDPOINT, hcl } from './lib/terraform-snippets.js';

const rule: Rule = {
  meta: {
    id: 'interface-endpoint-single-az',
    severity: 'note',
    title: 'Interface endpoint in one Availability Zone of a multi-zone VPC',
    description: [
      'An interface endpoint has network interfaces in a single Availability Zone while its VPC has subnets in several.',
      'Clients in every zone resolve the service to that one zone: if it fails, every zone loses the service, and cross-zone traffic is billed.',
      '',
      'Reported only when the subnets of the VPC in the inventory span more than one zone (a single-zone VPC has nothing better to offer),',
      'and only from known zones: a subnet whose zone is known only after apply gives a "not evaluated" diagnostic instead.',
    ].join('\n'),
    fix: [
      'Give the endpoint one subnet in each zone where its clients run:',
      '',
      ...hcl(SSM_INTERFACE_ENDPOINT),
    ].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/privatelink/interface-endpoints.html#interface-endpoint-availability-zones',
      'https://docs.aws.amazon.com/whitepapers/latest/aws-privatelink/aws-privatelink-high-availability.html',
    ],
    tags: ['availability', 'network', 'privatelink'],
    precision: 'high',
  },
  *check(inv: Inventory): Iterable<RuleOutput> {
    for (const ep of interfaceEndpoints(inv)) {
      const link = ep.subnets;
      if (link.unresolved || link.external.length > 0) {
        const why = link.unresolved ?? `${link.external.join(', ')} is not in the inventory`;
        yield notEvaluated(ep.ref, `the subnets of interface endpoint ${endpointLabel(ep)} are not fully known (${why}), so its Availability Zones were not checked`);
        continue;
      }
      const subnets = link.keys.map((k) => inv.subnets.get(k)).filter((s): s is Subnet => s !== undefined);
      if (subnets.length === 0) continue;
      const zones = zonesOf(subnets);
      if (zones.unknown) {
        yield notEvaluated(ep.ref, `the Availability Zone of subnet ${displayName(zones.unknown.ref)} of ${endpointLabel(ep)} is unknown, so its zones were not checked`);
        continue;
      }
      if (zones.known.size !== 1) continue;
      const zone = [...zones.known][0]!;
      const vpc = vpcIdentity(ep.vpc);
      if (vpc === undefined) {
        yield notEvaluated(ep.ref, `the VPC of interface endpoint ${endpointLabel(ep)} is unknown (${vpcUnclear(ep.vpc)}), so the zones of its VPC were not compared`);
        continue;
      }
      const vpcZones = zonesOf(subnetsInVpc(inv, vpc));
      const others = [...vpcZones.known].filter((z) => z !== zone).sort();
      if (others.length === 0) {
        if (vpcZones.unknown) {
          yield notEvaluated(ep.ref, `interface endpoint ${endpointLabel(ep)} is in ${zone} only, and the zone of subnet ${displayName(vpcZones.unknown.ref)} of its VPC is unknown, so whether the VPC spans several zones was not told`);
        }
        continue;
      }
      const names = subnets.map((s) => displayName(s.ref)).sort();
      yield {
        message: `Interface endpoint ${endpointLabel(ep)} has network interfaces only in ${zone} (${names.join(', ')}), while its VPC also has subnets in ${others.join(', ')}: a failure of ${zone} cuts every zone off the service. Add subnets in other zones (${others.join(', ')}) to subnet_ids.`,
        primary: ep.ref,
        related: subnets.map((s) => s.ref),
        attribute: 'subnet_ids',
        evidence: { endpoint: ep.ref.key, zone, otherZones: others },
      };
    }
  },
};

function zonesOf(subnets: readonly Subnet[]): { known: Set<string>; unknown?: Subnet } {
  const known = new Set<string>();
  let unknownSubnet: Subnet | undefined;
  for (const s of subnets) {
    if (isUnknown(s.availabilityZone)) unknownSubnet ??= s;
    else known.add(s.availabilityZone);
  }
  return unknownSubnet ? { known, unknown: unknownSubnet } : { known };
}

export default rule;
