import type { Rule } from '../src/engine/rule.js';
import dynamodbViaNat from './dynamodb-via-nat.js';
import egressBlocksGatewayEndpoint from './egress-blocks-gateway-endpoint.js';
import endpointServiceOpenAcceptance from './endpoint-service-open-acceptance.js';
import gatewayEndpointRegionMismatch from './gateway-endpoint-region-mismatch.js';
import interfaceEndpointDnsMisconfigured from './interface-endpoint-dns-misconfigured.js';
import interfaceEndpointOpenSecurityGroup from './interface-endpoint-open-security-group.js';
import interfaceEndpointPrivateDnsDisabled from './interface-endpoint-private-dns-disabled.js';
import interfaceEndpointSingleAz from './interface-endpoint-single-az.js';
import s3InterfaceEndpointWithoutGateway from './s3-interface-endpoint-without-gateway.js';
import s3ViaNat from './s3-via-nat.js';

/** Every rule vpcelint ships, in catalog order. */
export const allRules: readonly Rule[] = [
  s3ViaNat,
  dynamodbViaNat,
  gatewayEndpointRegionMismatch,
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
