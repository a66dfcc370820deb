import {
  DescribeVpcAttributeCommand,
  DescribeVpcEndpointServicesCommand,
  paginateDescribeInstances,
  paginateDescribeInternetGateways,
  paginateDescribeManagedPrefixLists,
  paginateDescribeNatGateways,
  paginateDescribePrefixLists,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcEndpointServiceConfigurations,
  paginateDescribeVpcEndpointServicePermissions,
  paginateDescribeVpcs,
  paginateGetManagedPrefixListEntries,
  type AllowedPrincipal,
  type EC2Client,
  type Instance,
  type InternetGateway,
  type ManagedPrefixList,
  type NatGateway,
  type PrefixList,
  type PrefixListEntry,
  type RouteTable,
  type SecurityGroup,
  type ServiceConfiguration,
  type ServiceDetail,
  type Subnet,
  type Vpc,
  type VpcEndpoint,
} from '@aws-sdk/client-ec2';
import type { ReadSpec } from './failures.js';
import { allPages, type Read, type Reader } from './reader.js';

export interface VpcAttributes {
  enableDnsSupport: Read<boolean | undefined>;
  enableDnsHostnames: Read<boolean | undefined>;
}

/** What the EC2 API says about one region, call by call; a failed call is a `Read` that is not ok. */
export interface Ec2Region {
  account: string;
  region: string;
  vpcs: Read<Vpc[]>;
  vpcAttributes: Map<string, VpcAttributes>;
  subnets: Read<Subnet[]>;
  routeTables: Read<RouteTable[]>;
  natGateways: Read<NatGateway[]>;
  internetGateways: Read<InternetGateway[]>;
  vpcEndpoints: Read<VpcEndpoint[]>;
  /** Details (VpcEndpointPolicySupported) of the services the region's endpoints use. */
  serviceDetails: Read<ServiceDetail[]>;
  serviceConfigurations: Read<{ config: ServiceConfiguration; principals: Read<AllowedPrincipal[]> }[]>;
  securityGroups: Read<SecurityGroup[]>;
  /** AWS-managed service prefix lists, with their CIDRs. */
  prefixLists: Read<PrefixList[]>;
  /** Customer-managed prefix lists (AWS-owned ones are in `prefixLists`), with their entries. */
  managedPrefixLists: Read<{ list: ManagedPrefixList; entries: Read<PrefixListEntry[]> }[]>;
  instances: Read<Instance[]>;
}

/** Page sizes: each API's maximum, so a region costs as few round trips as possible. */
const PAGE = { large: 1000, routeTables: 100, prefixLists: 100 } as const;

/** The region is unusable: every call would fail the same way, so the others are not made. */
const REGION_WIDE = new Set(['region-disabled', 'auth-failed']);

/**
 * Reads one region's network with list calls only, except where no list call
 * returns the data: VPC DNS attributes, endpoint service permissions and
 * customer prefix list entries are read per resource.
 */
export async function readEc2Region(client: EC2Client, reader: Reader, account: string, region: string): Promise<Ec2Region> {
  const spec = (action: string, what: string): ReadSpec => ({ action: `ec2:${action}`, account, region, what: `${what} of ${region}` });
  // One probe first: in a region that is not enabled, that one call says so and no other is made.
  const vpcs = await reader.read(spec('DescribeVpcs', 'the VPCs'), () => allPages(paginateDescribeVpcs({ client, pageSize: PAGE.large }, {}), (p) => p.Vpcs));
  if (!vpcs.ok && REGION_WIDE.has(vpcs.kind)) return unreadable(account, region, vpcs);

  const [vpcAttributes, subnets, routeTables, natGateways, internetGateways, endpointsAndServices, serviceConfigurations, securityGroups, prefixLists, managedPrefixLists, instances] = await Promise.all([
    readVpcAttributes(client, reader, account, region, vpcs.ok ? vpcs.value : []),
    reader.read(spec('DescribeSubnets', 'the subnets'), () => allPages(paginateDescribeSubnets({ client, pageSize: PAGE.large }, {}), (p) => p.Subnets)),
    reader.read(spec('DescribeRouteTables', 'the route tables'), () => allPages(paginateDescribeRouteTables({ client, pageSize: PAGE.routeTables }, {}), (p) => p.RouteTables)),
    reader.read(spec('DescribeNatGateways', 'the NAT gateways'), () => allPages(paginateDescribeNatGateways({ client, pageSize: PAGE.large }, {}), (p) => p.NatGateways)),
    reader.read(spec('DescribeInternetGateways', 'the internet gateways'), () => allPages(paginateDescribeInternetGateways({ client, pageSize: PAGE.large }, {}), (p) => p.InternetGateways)),
    readEndpoints(client, reader, spec),
    readServiceConfigurations(client, reader, spec),
    reader.read(spec('DescribeSecurityGroups', 'the security groups'), () => allPages(paginateDescribeSecurityGroups({ client, pageSize: PAGE.large }, {}), (p) => p.SecurityGroups)),
    reader.read(spec('DescribePrefixLists', 'the AWS service prefix lists'), () => allPages(paginateDescribePrefixLists({ client, pageSize: PAGE.large }, {}), (p) => p.PrefixLists)),
    readCustomerPrefixLists(client, reader, spec),
    reader.read(spec('DescribeInstances', 'the EC2 instances'), () => allPages(
      paginateDescribeInstances({ client, pageSize: PAGE.large }, { Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] }] }),
      (p) => p.Reservations?.flatMap((r) => r.Instances ?? []),
    )),
  ]);
  return { account, region, vpcs, vpcAttributes, subnets, routeTables, natGateways, internetGateways, ...endpointsAndServices, serviceConfigurations, securityGroups, prefixLists, managedPrefixLists, instances };
}

function unreadable(account: string, region: string, failed: Read<never>): Ec2Region {
  return {
    account, region, vpcs: failed, vpcAttributes: new Map(), subnets: failed, routeTables: failed, natGateways: failed, internetGateways: failed,
    vpcEndpoints: failed, serviceDetails: failed, serviceConfigurations: failed, securityGroups: failed, prefixLists: failed, managedPrefixLists: failed, instances: failed,
  };
}

/** DNS support and hostnames: DescribeVpcs does not return them, DescribeVpcAttribute reads one per call. */
async function readVpcAttributes(client: EC2Client, reader: Reader, account: string, region: string, vpcs: Vpc[]): Promise<Map<string, VpcAttributes>> {
  const out = new Map<string, VpcAttributes>();
  await Promise.all(vpcs.map(async (vpc) => {
    const id = vpc.VpcId!;
    const one = (attribute: 'enableDnsSupport' | 'enableDnsHostnames') => reader.read(
      { action: 'ec2:DescribeVpcAttribute', account, region, what: `${attribute} of ${id}` },
      async () => {
        const r = await client.send(new DescribeVpcAttributeCommand({ VpcId: id, Attribute: attribute }));
        return (attribute === 'enableDnsSupport' ? r.EnableDnsSupport : r.EnableDnsHostnames)?.Value;
      },
    );
    const [enableDnsSupport, enableDnsHostnames] = await Promise.all([one('enableDnsSupport'), one('enableDnsHostnames')]);
    out.set(id, { enableDnsSupport, enableDnsHostnames });
  }));
  return out;
}

/** Endpoints, then whether their services support endpoint policies (only the services in use are asked about). */
async function readEndpoints(client: EC2Client, reader: Reader, spec: (action: string, what: string) => ReadSpec): Promise<Pick<Ec2Region, 'vpcEndpoints' | 'serviceDetails'>> {
  const vpcEndpoints = await reader.read(spec('DescribeVpcEndpoints', 'the VPC endpoints'), () => allPages(paginateDescribeVpcEndpoints({ client, pageSize: PAGE.large }, {}), (p) => p.VpcEndpoints));
  const names = vpcEndpoints.ok ? [...new Set(vpcEndpoints.value.map((e) => e.ServiceName).filter((n): n is string => !!n))].sort() : [];
  if (names.length === 0) return { vpcEndpoints, serviceDetails: vpcEndpoints.ok ? { ok: true, value: [] } : vpcEndpoints };
  // A filter, not ServiceNames: one name no longer offered must not fail the whole call.
  const serviceDetails = await reader.read(spec('DescribeVpcEndpointServices', 'the endpoint services in use'), async () => {
    const out: ServiceDetail[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new DescribeVpcEndpointServicesCommand({ Filters: [{ Name: 'service-name', Values: names }], MaxResults: PAGE.large, ...(token ? { NextToken: token } : {}) }));
      out.push(...(page.ServiceDetails ?? []));
      token = page.NextToken;
    } while (token);
    return out;
  });
  return { vpcEndpoints, serviceDetails };
}

async function readServiceConfigurations(client: EC2Client, reader: Reader, spec: (action: string, what: string) => ReadSpec): Promise<Ec2Region['serviceConfigurations']> {
  const configs = await reader.read(spec('DescribeVpcEndpointServiceConfigurations', 'the endpoint services this account provides'), () =>
    allPages(paginateDescribeVpcEndpointServiceConfigurations({ client, pageSize: PAGE.large }, {}), (p) => p.ServiceConfigurations));
  if (!configs.ok) return configs;
  const value = await Promise.all(configs.value.map(async (config) => ({
    config,
    principals: await reader.read({ ...spec('DescribeVpcEndpointServicePermissions', `the allowed principals of ${config.ServiceId}`) }, () =>
      allPages(paginateDescribeVpcEndpointServicePermissions({ client, pageSize: PAGE.large }, { ServiceId: config.ServiceId! }), (p) => p.AllowedPrincipals)),
  })));
  return { ok: true, value };
}

async function readCustomerPrefixLists(client: EC2Client, reader: Reader, spec: (action: string, what: string) => ReadSpec): Promise<Ec2Region['managedPrefixLists']> {
  const lists = await reader.read(spec('DescribeManagedPrefixLists', 'the managed prefix lists'), () =>
    allPages(paginateDescribeManagedPrefixLists({ client, pageSize: PAGE.prefixLists }, {}), (p) => p.PrefixLists));
  if (!lists.ok) return lists;
  const customer = lists.value.filter((l) => l.OwnerId !== 'AWS');
  const value = await Promise.all(customer.map(async (list) => ({
    list,
    entries: await reader.read(spec('GetManagedPrefixListEntries', `the entries of ${list.PrefixListId}`), () =>
      allPages(paginateGetManagedPrefixListEntries({ client, pageSize: PAGE.prefixLists }, { PrefixListId: list.PrefixListId! }), (p) => p.Entries)),
  })));
  return { ok: true, value };
}
