import type { Rule, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import type { VpcEndpoint } from '../src/model/nodes.js';
import { displayName } from '../src/model/ref.js';
import { noPrivateDnsReason } from '../src/model/endpoint-private-dns-support.js';
import { isUnknown } from '../src/model/unknown.js';
import { GATEWAY_FAMILY_LABEL } from '../src/model/topology.js';
import { endpointLabel, endpointsInVpc, gatewayEndpointsInVpc, interfaceEndpoints, vpcIdentity, vpcUnclear } from './lib/endpoint-queries.js';
import { notEvaluated } from './lib/security-group-rules.js';
import { SSM_INTERFACE_ENDPOINT, VPC_WITH_DNS, hcl } from './lib/terraform-snippets.js';

const rule: Rule = {
  meta: {
    id: 'interface-endpoint-private-dns-disabled',
    severity: 'note',
    title: 'Interface endpoint for an AWS service has private DNS off',
    description: [
      'An interface endpoint for an AWS service (`com.amazonaws.<region>.<service>`) has private DNS off. Clients that call the service by its public name',
      '(`ssm.eu-west-1.amazonaws.com`, which is what the SDKs and the CLI use) do not resolve to the endpoint: they go through the NAT gateway or the internet,',
      'paying for NAT processing and bypassing the endpoint policy, while the endpoint itself is billed per hour and carries nothing.',
      '',
      'The AWS provider creates interface endpoints with private DNS off unless `private_dns_enabled = true` (or an `aws_vpc_endpoint_private_dns` resource) turns it on.',
      'Not reported: endpoints of PrivateLink services of customers and partners (`com.amazonaws.vpce.*`), whose names are their own;',
      'an endpoint whose VPC has another endpoint for the same service with private DNS on (only one can hold the private hosted zone);',
      'S3 and DynamoDB interface endpoints in a VPC that has a gateway endpoint for the service, where in-VPC clients already take the free gateway endpoint',
      'and on-premises clients use the endpoint-specific names; services whose interface endpoints cannot have private DNS (live: DescribeVpcEndpointServices',
      'names no private DNS name; plans: a bundled table of what the services document, e.g. DynamoDB, DynamoDB Streams, IoT Core data), where clients',
      'must call the endpoint-specific names anyway. Centralized endpoints shared through your own Route 53 private hosted zones also keep private DNS off:',
      'suppress the rule for them.',
    ].join('\n'),
    fix: [
      'Turn private DNS on (the VPC needs DNS support and DNS hostnames):',
      '',
      ...hcl(VPC_WITH_DNS, SSM_INTERFACE_ENDPOINT),
    ].join('\n'),
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-dns-hostnames',
      'https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html',
    ],
    tags: ['network', 'cost', 'privatelink'],
    precision: 'medium',
  },
  *check(inv: Inventory): Iterable<RuleOutput> {
    for (const ep of interfaceEndpoints(inv)) {
      if (ep.service?.owner !== 'aws') continue;
      // Where private DNS cannot be had, "turn it on" fixes nothing: clients must use the endpoint's own names.
      if (ep.privateDnsSupported === false || (ep.privateDnsSupported === undefined && noPrivateDnsReason(ep.service))) continue;
      if (isUnknown(ep.privateDnsEnabled)) {
        yield notEvaluated(ep.ref, `whether interface endpoint ${endpointLabel(ep)} has private DNS is unknown (${ep.privateDnsEnabled.reason})`);
        continue;
      }
      if (ep.privateDnsEnabled) continue;
      const vpc = vpcIdentity(ep.vpc);
      if (vpc === undefined) {
        yield notEvaluated(ep.ref, `the VPC of interface endpoint ${endpointLabel(ep)} is unknown (${vpcUnclear(ep.vpc)}), so its private DNS was not judged`);
        continue;
      }
      if (twinWithPrivateDns(inv, ep, vpc)) continue;
      const family = ep.service.family;
      let gatewayNote = '';
      if (family) {
        const gateways = gatewayEndpointsInVpc(inv, vpc, family, ep.ref.region);
        if (gateways.endpoints.length > 0) continue;
        if (gateways.unclear) {
          yield notEvaluated(ep.ref, `interface endpoint ${endpointLabel(ep)} has private DNS off, and whether its VPC has a ${GATEWAY_FAMILY_LABEL[family]} gateway endpoint is unknown (${gateways.unclear})`);
          continue;
        }
        gatewayNote = ` Or add a ${GATEWAY_FAMILY_LABEL[family]} gateway endpoint for the VPC's route tables: it is free, and in-VPC clients then take it while on-premises clients use the interface endpoint's own names.`;
      }
      const holder = ep.privateDnsDeclaredBy ?? ep.ref;
      yield {
        message: `Interface endpoint ${endpointLabel(ep)} has private DNS off${holder === ep.ref ? '' : ` (set by ${displayName(holder)})`}: clients that call the service by its public DNS name bypass the endpoint and go through a NAT or the internet. Set private_dns_enabled = true.${gatewayNote}`,
        primary: holder,
        related: holder === ep.ref ? [] : [ep.ref],
        attribute: 'private_dns_enabled',
        evidence: { endpoint: ep.ref.key, service: ep.serviceName as string },
      };
    }
  },
};

/** Another endpoint for the same service in the same VPC with private DNS on: only one can have it. */
function twinWithPrivateDns(inv: Inventory, ep: VpcEndpoint, vpc: string): boolean {
  return endpointsInVpc(inv, vpc).some((other) => other !== ep && other.type === 'Interface' && other.serviceName === ep.serviceName && other.privateDnsEnabled === true);
}

export default rule;
