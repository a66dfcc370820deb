import type { EndpointServiceName } from './service-name.js';

/**
 * AWS services whose interface endpoints cannot have private DNS, for plans
 * (a live scan can tell from DescribeVpcEndpointServices, which names no
 * private DNS name for them). Turning private DNS on is then no fix at all:
 * clients must call the endpoint-specific name (vpce-….vpce.amazonaws.com), so
 * a "private DNS off" finding there is one nobody can fix. Like the endpoint
 * policy table (endpoint-policy-support.ts), it lists only what the services'
 * own documentation states; every other AWS service is taken to offer private
 * DNS, which almost all do.
 */
const NO_PRIVATE_DNS: Record<string, string> = {
  dynamodb: 'Amazon DynamoDB Developer Guide, "AWS PrivateLink for DynamoDB": private DNS is not supported; clients use the endpoint URL',
  'dynamodb-streams': 'Amazon DynamoDB Developer Guide, "AWS PrivateLink for DynamoDB Streams": private DNS is not supported; clients use the endpoint URL',
  'iot.data': 'AWS IoT Core Developer Guide, "Using AWS IoT Core with interface VPC endpoints": the data endpoints get no automatic private DNS records',
};

/** Why the service's interface endpoints cannot have private DNS, or undefined when they can (as far as the table knows). */
export function noPrivateDnsReason(service: EndpointServiceName): string | undefined {
  if (service.owner !== 'aws') return undefined;
  // Service names come from input: own entries only ("toString" is no service).
  return Object.hasOwn(NO_PRIVATE_DNS, service.service) ? NO_PRIVATE_DNS[service.service] : undefined;
}
