import type { Rule } from '../src/engine/rule.js';
import dynamodbViaNat from './dynamodb-via-nat.js';
import gatewayEndpointRegionMismatch from './gateway-endpoint-region-mismatch.js';
import s3ViaNat from './s3-via-nat.js';

/** Every rule vpcelint ships, in catalog order. */
export const allRules: readonly Rule[] = [s3ViaNat, dynamodbViaNat, gatewayEndpointRegionMismatch];
