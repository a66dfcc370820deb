import type { Rule } from '../src/engine/rule.js';
import bucketEndpointAllowOnly from './bucket-endpoint-allow-only.js';
import bucketEndpointDenyWithoutExemption from './bucket-endpoint-deny-without-exemption.js';
import bucketFenceExcludesEndpoint from './bucket-fence-excludes-endpoint.js';
import bucketMissingEndpointRestriction from './bucket-missing-endpoint-restriction.js';
import dynamodbViaNat from './dynamodb-via-nat.js';
import egressBlocksGatewayEndpoint from './egress-blocks-gateway-endpoint.js';
import endpointPolicyAnyPrincipal from './endpoint-policy-any-principal.js';
import endpointPolicyAnyResource from './endpoint-policy-any-resource.js';
import endpointPolicyFullAccess from './endpoint-policy-full-access.js';
import endpointServiceOpenAcceptance from './endpoint-service-open-acceptance.js';
import gatewayEndpointRegionMismatch from './gateway-endpoint-region-mismatch.js';
import interfaceEndpointDnsMisconfigured from './interface-endpoint-dns-misconfigured.js';
import interfaceEndpointOpenSecurityGroup from './interface-endpoint-open-security-group.js';
import interfaceEndpointPrivateDnsDisabled from './interface-endpoint-private-dns-disabled.js';
import interfaceEndpointSingleAz from './interface-endpoint-single-az.js';
import policyAllowIfexistsNetworkKey from './policy-allow-ifexists-network-key.js';
import policyConditionValueMismatch from './policy-condition-value-mismatch.js';
import policySourceipPrivateRange from './policy-sourceip-private-range.js';
import policyUnknownEndpoint from './policy-unknown-endpoint.js';
import s3InterfaceEndpointWithoutGateway from './s3-interface-endpoint-without-gateway.js';
import s3ViaNat from './s3-via-nat.js';

/** Every rule vpcelint ships, in catalog order. */
export const allRules: readonly Rule[] = [
  s3ViaNat,
  dynamodbViaNat,
  gatewayEndpointRegionMismatch,
  // Endpoint policies
  endpointPolicyFullAccess,
  endpointPolicyAnyResource,
  endpointPolicyAnyPrincipal,
  // Bucket policies
  bucketMissingEndpointRestriction,
  bucketEndpointAllowOnly,
  policySourceipPrivateRange,
  policyConditionValueMismatch,
  policyAllowIfexistsNetworkKey,
  policyUnknownEndpoint,
  bucketEndpointDenyWithoutExemption,
  bucketFenceExcludesEndpoint,
  // Interface endpoints and endpoint services
  interfaceEndpointOpenSecurityGroup,
  interfaceEndpointPrivateDnsDisabled,
  interfaceEndpointDnsMisconfigured,
  interfaceEndpointSingleAz,
  s3InterfaceEndpointWithoutGateway,
  endpointServiceOpenAcceptance,
  // Security groups and gateway endpoints
  egressBlocksGatewayEndpoint,
];
