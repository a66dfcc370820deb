import type { Rule, RuleOutput } from '../src/engine/rule.js';
import type { Inventory } from '../src/model/inventory.js';
import type { VpcEndpoint } from '../src/model/nodes.js';
import { displayName } from '../src/model/ref.js';
import { single } from '../src/model/topology.js';
import { isUnknown } from '../src/model/unknown.js';

const rule: Rule = {
  meta: {
    id: 'gateway-endpoint-region-mismatch',
    severity: 'error',
    title: 'Gateway endpoint names a service in another region than its VPC',
    description:
      'Gateway endpoints (S3, DynamoDB) serve only their own region: the service name `com.amazonaws.<region>.s3` must name the region of the VPC. ' +
      'An endpoint for another region either fails to create or carries no traffic, and the subnets keep using the NAT or the internet. ' +
      'Interface endpoints are not flagged (cross-region PrivateLink lets some serve another region); an endpoint whose type or service name is known only after apply, when the verdict rests on it, is "not evaluated".',
    fix: [
      'Build the service name from the region the VPC is in:',
      '',
      '```hcl',
      'data "aws_region" "current" {}',
      '',
      'resource "aws_vpc_endpoint" "s3" {',
      '  vpc_id       = aws_vpc.main.id',
      '  service_name = "com.amazonaws.${data.aws_region.current.name}.s3"',
      '}',
      '```',
    ].join('\n'),
    docs: ['https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html'],
    tags: ['network', 'correctness'],
    precision: 'very-high',
  },
  *check(inv: Inventory): Iterable<RuleOutput> {
    for (const ep of inv.vpcEndpoints.values()) {
      if (ep.destroyed) continue;
      if (!mayBeGateway(ep)) continue;
      const name = displayName(ep.ref);
      if (isUnknown(ep.serviceName)) {
        yield notEvaluated(ep, `the service name of ${name} is unknown (${ep.serviceName.reason})${isUnknown(ep.type) ? ', and so is its type' : ''}, so whether it is a gateway endpoint for another region than its VPC's was not checked`);
        continue;
      }
      if (!ep.service?.region) continue;
      const region = regionOf(inv, ep);
      if (region === undefined) {
        yield notEvaluated(ep, `the region of ${name} is unknown (no region in its provider configuration), so its service name ${ep.service.name} was not checked against it`);
        continue;
      }
      if (region === ep.service.region) continue;
      if (isUnknown(ep.type)) {
        // An interface endpoint may serve another region's service (cross-region PrivateLink): only a gateway endpoint is wrong here.
        yield notEvaluated(ep, `the type of ${name} is unknown (${ep.type.reason}): as a gateway endpoint its service ${ep.service.name} (region ${ep.service.region}) would not work in its VPC's region ${region}, while an interface endpoint may serve another region (cross-region PrivateLink), so it was not evaluated`);
        continue;
      }
      const vpc = single(ep.vpc, inv.vpcs);
      const vpcRef = vpc && !isUnknown(vpc) ? vpc.ref : undefined;
      yield {
        message: `Gateway endpoint ${name} uses service ${ep.service.name} (region ${ep.service.region}) but its VPC${vpcRef ? ` ${displayName(vpcRef)}` : ''} is in ${region}: gateway endpoints work only in their own region. Use ${inRegion(ep.service.name, ep.service.region, region)}.`,
        primary: ep.ref,
        related: vpcRef ? [vpcRef] : [],
        attribute: 'service_name',
        evidence: { endpoint: ep.ref.key, serviceRegion: ep.service.region, vpcRegion: region },
      };
    }
  },
};

/** The service name with its region swapped, its prefix kept: `com.amazonaws.`, or `cn.com.amazonaws.` in China. */
function inRegion(serviceName: string, from: string, to: string): string {
  const at = serviceName.indexOf(`.${from}.`);
  if (at < 0) return serviceName.replace(from, to);
  return `${serviceName.slice(0, at)}.${to}.${serviceName.slice(at + from.length + 2)}`;
}

/** Only S3 and DynamoDB offer gateway endpoints: an endpoint of unknown type is one only if its service may be theirs. */
function mayBeGateway(ep: VpcEndpoint): boolean {
  if (!isUnknown(ep.type)) return ep.type === 'Gateway';
  return isUnknown(ep.serviceName) || ep.service?.family !== undefined;
}

function notEvaluated(ep: VpcEndpoint, message: string): RuleOutput {
  return { diagnostic: { level: 'note', code: 'not-evaluated', subject: ep.ref, message } };
}

/** The VPC's region if the VPC is known, else the endpoint's own (they are always the same). */
function regionOf(inv: Inventory, ep: VpcEndpoint): string | undefined {
  const vpc = single(ep.vpc, inv.vpcs);
  if (vpc && !isUnknown(vpc) && vpc.ref.region) return vpc.ref.region;
  return ep.ref.region;
}

export default rule;
