import type { Rule, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import { single } from '../src/model/topology.js';
import { isUnknown } from '../src/model/unknown.js';
import { endpointLabel, gatewayEndpointsInVpc, interfaceEndpoints, vpcIdentity, vpcUnclear } from './lib/endpoint-queries.js';
import { notEvaluated } from './lib/security-group-rules.js';
import { S3_GATEWAY_AND_INTERFACE, hcl } from './lib/terraform-snippets.js';

const rule: Rule = {
  meta: {
    id: 's3-interface-endpoint-without-gateway',
    severity: 'note',
    title: 'S3 interface endpoint in a VPC without an S3 gateway endpoint',
    description: [
      'An S3 interface endpoint is billed per hour and per GB; an S3 gateway endpoint is free. In a VPC with only the interface endpoint, the',
      'VPC\'s own S3 traffic pays for the interface endpoint (or, with private DNS off, for the NAT). Keep the interface endpoint for clients',
      'that need it, on-premises networks and other regions, and add a gateway endpoint for the VPC\'s route tables: with private DNS',
      '"only for inbound resolver endpoints" each client then takes the cheapest private path.',
      '',
      'A plan is an open world: a gateway endpoint created outside this configuration is not seen. An endpoint of the VPC whose type or',
      'service is known only after apply gives a "not evaluated" diagnostic instead of a finding.',
    ].join('\n'),
    fix: [
      'Add an S3 gateway endpoint beside the interface endpoint:',
      '',
      ...hcl(S3_GATEWAY_AND_INTERFACE),
    ].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#types-of-vpc-endpoints-for-s3',
      'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html',
      'https://aws.amazon.com/privatelink/pricing/',
    ],
    tags: ['cost', 'network', 's3', 'privatelink'],
    precision: 'medium',
  },
  *check(inv: Inventory): Iterable<RuleOutput> {
    for (const ep of interfaceEndpoints(inv)) {
      if (ep.service?.owner !== 'aws' || ep.service.family !== 's3') continue;
      const vpc = vpcIdentity(ep.vpc);
      if (vpc === undefined) {
        yield notEvaluated(ep.ref, `the VPC of S3 interface endpoint ${endpointLabel(ep)} is unknown (${vpcUnclear(ep.vpc)}), so its S3 gateway endpoint was not looked for`);
        continue;
      }
      const { endpoints, unclear } = gatewayEndpointsInVpc(inv, vpc, 's3', ep.ref.region);
      if (endpoints.length > 0) continue;
      if (unclear) {
        yield notEvaluated(ep.ref, `whether the VPC of S3 interface endpoint ${endpointLabel(ep)} has an S3 gateway endpoint is unknown (${unclear})`);
        continue;
      }
      const vpcNode = single(ep.vpc, inv.vpcs);
      const vpcRef = vpcNode && !isUnknown(vpcNode) ? vpcNode.ref : undefined;
      yield {
        message: `S3 interface endpoint ${endpointLabel(ep)} is in VPC ${vpcRef ? vpcRef.address ?? vpcRef.key : vpc}, which has no S3 gateway endpoint: the VPC's own S3 traffic pays per GB for the interface endpoint where a gateway endpoint is free. Add an S3 gateway endpoint for the VPC's route tables and keep the interface endpoint for on-premises and cross-region clients.`,
        primary: ep.ref,
        related: vpcRef ? [vpcRef] : [],
        evidence: { endpoint: ep.ref.key, vpc },
      };
    }
  },
};

export default rule;
