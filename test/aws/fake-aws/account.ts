/**
 * A fake AWS account, as the fake endpoint serves it. EC2 and IAM resources
 * are written with the element names of the XML AWS returns (lowerCamel
 * `vpcId`, `routeSet`, `tagSet` for EC2; PascalCase for IAM), so the server
 * sends them as they are; lists are arrays. Policy documents may be objects:
 * the server writes them as JSON text (URL-encoded for IAM, as IAM does).
 */
export type XmlObject = Record<string, unknown>;

export interface FakeRegion {
  vpcs?: XmlObject[];
  /** DescribeVpcAttribute answers by VPC id; absent VPCs answer true/false as AWS's defaults for non-default VPCs. */
  vpcAttributes?: Record<string, { enableDnsSupport: boolean; enableDnsHostnames: boolean }>;
  subnets?: XmlObject[];
  routeTables?: XmlObject[];
  natGateways?: XmlObject[];
  internetGateways?: XmlObject[];
  vpcEndpoints?: XmlObject[];
  /** DescribeVpcEndpointServices serviceDetailSet entries. */
  endpointServices?: XmlObject[];
  serviceConfigurations?: XmlObject[];
  servicePermissions?: Record<string, XmlObject[]>;
  securityGroups?: XmlObject[];
  /** AWS-managed service prefix lists (DescribePrefixLists). */
  prefixLists?: XmlObject[];
  /** DescribeManagedPrefixLists (AWS-owned and customer lists). */
  managedPrefixLists?: XmlObject[];
  prefixListEntries?: Record<string, XmlObject[]>;
  /** DescribeInstances reservationSet entries. */
  reservations?: XmlObject[];
}

export interface FakeBucket {
  name: string;
  region: string;
  creationDate?: string;
  /** Absent: NoSuchBucketPolicy. */
  policy?: unknown;
  /** Absent: NoSuchPublicAccessBlockConfiguration. */
  publicAccessBlock?: { BlockPublicAcls: boolean; IgnorePublicAcls: boolean; BlockPublicPolicy: boolean; RestrictPublicBuckets: boolean };
  /** Absent or empty: NoSuchTagSet. */
  tags?: Record<string, string>;
}

export interface FakeAccount {
  accountId: string;
  /** The identity GetCallerIdentity reports for the account's own keys. */
  callerArn?: string;
  /** DescribeRegions (enabled regions); a region not listed answers OptInRequired. */
  enabledRegions: string[];
  regions: Record<string, FakeRegion>;
  buckets?: FakeBucket[];
  iam?: { UserDetailList?: XmlObject[]; GroupDetailList?: XmlObject[]; RoleDetailList?: XmlObject[]; Policies?: XmlObject[] };
  /** Organizations: the accounts ListAccounts reports (this account is the management account). */
  organizationAccounts?: string[];
  /** The role name member accounts trust for the audit (AssumeRole into this account). */
  auditRoleName?: string;
}
