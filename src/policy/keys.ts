/**
 * What vpcelint knows about condition keys: which part of a request each key
 * describes (the dimension it varies with), its value type, and which keys
 * make up the perimeters. All names are case-folded.
 */

/** Keys present only on requests that come through a VPC endpoint. */
export const ENDPOINT_KEYS = ['aws:sourcevpce', 'aws:sourcevpc', 'aws:vpceaccount', 'aws:vpceorgid', 'aws:vpceorgpaths', 'aws:vpcsourceip', 'aws:sourcevpcarn'] as const;

/** Keys of a network perimeter Deny in a bucket policy (RULES.md, bucket-missing-endpoint-restriction). */
export const PERIMETER_NETWORK_KEYS = ['aws:sourcevpce', 'aws:sourcevpc', 'aws:vpceorgid', 'aws:vpceaccount', 'aws:vpceorgpaths'] as const;

/** Network keys whose `IfExists` form in an Allow matches internet requests (policy-allow-ifexists-network-key). */
export const NETWORK_CONDITION_KEYS = ['aws:sourcevpce', 'aws:sourcevpc', 'aws:vpceorgid', 'aws:vpceaccount', 'aws:vpceorgpaths', 'aws:sourceip', 'aws:vpcsourceip'] as const;

export const PRINCIPAL_LIMIT_KEYS = ['aws:principalaccount', 'aws:principalorgid', 'aws:principalorgpaths'] as const;
export const RESOURCE_LIMIT_KEYS = ['aws:resourceaccount', 'aws:resourceorgid', 'aws:resourceorgpaths', 's3:resourceaccount'] as const;

export type Dimension = 'action' | 'resource' | 'principal' | 'network' | 'other';

/** Which part of the request a key belongs to; keys of one part vary together. */
export function dimensionOf(keyLower: string): Dimension {
  if ((ENDPOINT_KEYS as readonly string[]).includes(keyLower) || keyLower === 'aws:sourceip') return 'network';
  if (PRINCIPAL_KEYS.has(keyLower) || keyLower.startsWith('aws:principaltag/')) return 'principal';
  if (RESOURCE_KEYS.has(keyLower) || keyLower.startsWith('aws:resourcetag/')) return 'resource';
  return 'other';
}

const PRINCIPAL_KEYS = new Set([
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principaltype',
  'aws:principalisawsservice',
  'aws:principalservicename',
  'aws:principalservicenameslist',
  'aws:userid',
  'aws:username',
]);
const RESOURCE_KEYS = new Set(['aws:resourceaccount', 'aws:resourceorgid', 'aws:resourceorgpaths', 's3:resourceaccount']);

export type KeyType = 'arn' | 'ip' | 'string' | 'bool' | 'date' | 'numeric';

/** The value type of global keys AWS documents; undefined for keys vpcelint does not know (service keys, typos). */
export function keyType(keyLower: string): KeyType | undefined {
  if (ARN_KEYS.has(keyLower)) return 'arn';
  if (keyLower === 'aws:sourceip' || keyLower === 'aws:vpcsourceip') return 'ip';
  if (BOOL_KEYS.has(keyLower)) return 'bool';
  if (keyLower === 'aws:currenttime' || keyLower === 'aws:tokenissuetime') return 'date';
  if (keyLower === 'aws:epochtime' || keyLower === 'aws:multifactorauthage') return 'numeric';
  if (STRING_KEYS.has(keyLower) || /^aws:(principaltag|resourcetag|requesttag)\//.test(keyLower)) return 'string';
  return undefined;
}

const ARN_KEYS = new Set(['aws:principalarn', 'aws:sourcearn', 'aws:sourcevpcarn']);
const BOOL_KEYS = new Set(['aws:securetransport', 'aws:viaawsservice', 'aws:principalisawsservice', 'aws:multifactorauthpresent']);
const STRING_KEYS = new Set([
  'aws:sourcevpce',
  'aws:sourcevpc',
  'aws:vpceaccount',
  'aws:vpceorgid',
  'aws:vpceorgpaths',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principaltype',
  'aws:principalservicename',
  'aws:principalservicenameslist',
  'aws:resourceaccount',
  'aws:resourceorgid',
  'aws:resourceorgpaths',
  'aws:sourceaccount',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:userid',
  'aws:username',
  'aws:requestedregion',
  'aws:calledvia',
  'aws:calledviafirst',
  'aws:calledvialast',
  'aws:tagkeys',
  'aws:useragent',
  'aws:referer',
  'aws:federatedprovider',
  'aws:ec2instancesourcevpc',
  's3:resourceaccount',
]);

/** Keys that can hold several values in one request. */
export const MULTIVALUED_KEYS = new Set(['aws:principalorgpaths', 'aws:resourceorgpaths', 'aws:vpceorgpaths', 'aws:tagkeys', 'aws:calledvia', 'aws:principalservicenameslist']);

/** Keys every signed request carries, so "absent" is not a value worth trying. */
export const ALWAYS_PRESENT = new Set(['aws:securetransport', 'aws:viaawsservice', 'aws:currenttime', 'aws:epochtime', 'aws:requestedregion']);

/** Keys that exempt AWS's own access (RULES.md: they count against neither endpoint-policy-any-resource nor -any-principal). */
export const SERVICE_EXEMPTION_KEYS = ['aws:principalisawsservice', 'aws:viaawsservice'] as const;
