/**
 * Endpoint service names: `com.amazonaws.<region>.<service>` for AWS services
 * (`cn.com.amazonaws.` in China), `com.amazonaws.vpce.<region>.vpce-svc-…` for
 * PrivateLink services of customers and partners, `aws.sagemaker.<region>.…`
 * and a few other AWS-owned prefixes.
 */
export interface EndpointServiceName {
  /** The name as written. */
  name: string;
  /** AWS-owned service (private DNS and endpoint policies apply) vs a PrivateLink service of someone else. */
  owner: 'aws' | 'vpce';
  region?: string;
  /** What follows the region: `s3`, `dynamodb`, `ecr.dkr`, `vpce-svc-0abc…`. */
  service: string;
  /** `s3` or `dynamodb` for their plain and FIPS variants, else undefined. */
  family?: 's3' | 'dynamodb';
}

const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?|-isob)?-[a-z]+-\d+$/;

export function isRegionName(value: string): boolean {
  return REGION.test(value);
}

export function parseServiceName(name: string): EndpointServiceName | undefined {
  const parts = name.split('.');
  let rest: string[];
  if (parts[0] === 'cn' && parts[1] === 'com' && parts[2] === 'amazonaws') rest = parts.slice(3);
  else if (parts[0] === 'com' && parts[1] === 'amazonaws') rest = parts.slice(2);
  else if (parts[0] === 'aws' && parts.length >= 3 && isRegionName(parts[2]!)) {
    // aws.sagemaker.<region>.notebook, aws.api.<region>.… : AWS-owned, region third.
    return { name, owner: 'aws', region: parts[2]!, service: [parts[1]!, ...parts.slice(3)].join('.') };
  } else return undefined;

  if (rest[0] === 'vpce' && rest.length >= 3) {
    return { name, owner: 'vpce', region: rest[1], service: rest.slice(2).join('.') };
  }
  if (rest.length >= 2 && isRegionName(rest[0]!)) {
    const service = rest.slice(1).join('.');
    return { name, owner: 'aws', region: rest[0], service, family: familyOf(service) };
  }
  // Global services without a region segment, e.g. com.amazonaws.s3-global.accesspoint.
  return rest.length >= 1 ? { name, owner: 'aws', service: rest.join('.') } : undefined;
}

function familyOf(service: string): 's3' | 'dynamodb' | undefined {
  if (service === 's3' || service === 's3-fips') return 's3';
  if (service === 'dynamodb' || service === 'dynamodb-fips') return 'dynamodb';
  return undefined;
}
