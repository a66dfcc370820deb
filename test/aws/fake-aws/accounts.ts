import type { FakeAccount, FakeRegion } from './account.js';
import { loadAccount } from '../helpers.js';

const ACCOUNT = '111122223333';
const tags = (name: string) => [{ key: 'Name', value: name }];

/**
 * The example account (a mirror of fixtures/example) plus a second region,
 * us-east-1, with an interface endpoint guarded by a security group open to
 * the world, a customer prefix list, an endpoint service this account
 * provides, an instance, and identity: IAM roles, users, groups and policies.
 */
export function twoRegionAccount(): FakeAccount {
  const account = loadAccount('example');
  account.regions['us-east-1'] = usEast1();
  account.buckets!.push(
    { name: 'audit-logs-us', region: 'us-east-1', policy: bucketPolicy('audit-logs-us', 'vpce-0aa1bb2cc3dd4ee55'), publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }, tags: { team: 'security', Name: 'audit logs' } },
    { name: 'static-assets-oregon', region: 'us-west-2' },
  );
  account.iam = {
    UserDetailList: [{
      Path: '/', UserName: 'auditor', UserId: 'AIDAEXAMPLEAUDITOR01', Arn: `arn:aws:iam::${ACCOUNT}:user/auditor`, CreateDate: '2024-01-10T10:00:00Z',
      UserPolicyList: [{ PolicyName: 'read-network', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] } }],
      GroupList: ['auditors'], AttachedManagedPolicies: [{ PolicyName: 'vpcelint-scan', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/vpcelint-scan` }], Tags: [],
    }],
    GroupDetailList: [{ Path: '/', GroupName: 'auditors', GroupId: 'AGPAEXAMPLEAUDITORS1', Arn: `arn:aws:iam::${ACCOUNT}:group/auditors`, CreateDate: '2024-01-10T10:00:00Z', GroupPolicyList: [], AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }],
    RoleDetailList: [{
      Path: '/', RoleName: 'app-server', RoleId: 'AROAEXAMPLEAPPSERVER', Arn: `arn:aws:iam::${ACCOUNT}:role/app-server`, CreateDate: '2024-02-01T10:00:00Z',
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      InstanceProfileList: [], RolePolicyList: [{ PolicyName: 'data-lake-access', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::example-prod-data-lake/*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0e1d2c3b4a5968778' } } }] } }],
      AttachedManagedPolicies: [{ PolicyName: 'vpcelint-scan', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/vpcelint-scan` }], Tags: [{ Key: 'Name', Value: 'app server role' }],
    }],
    Policies: [{
      PolicyName: 'vpcelint-scan', PolicyId: 'ANPAEXAMPLEVPCELINT1', Arn: `arn:aws:iam::${ACCOUNT}:policy/vpcelint-scan`, Path: '/', DefaultVersionId: 'v2', AttachmentCount: 2, IsAttachable: true,
      PolicyVersionList: [
        { Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:Describe*', 's3:GetBucketPolicy'], Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }] }, VersionId: 'v2', IsDefaultVersion: true, CreateDate: '2024-05-01T10:00:00Z' },
        { Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] }, VersionId: 'v1', IsDefaultVersion: false, CreateDate: '2024-04-01T10:00:00Z' },
      ],
    }],
  };
  return account;
}

export function bucketPolicy(bucket: string, vpce: string): unknown {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'OnlyThroughEndpoint', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: { StringNotEquals: { 'aws:SourceVpce': vpce } } }],
  };
}

function usEast1(): FakeRegion {
  const R = 'us-east-1';
  const vpc = 'vpc-0b1c2d3e4f5a6b7c8';
  const subnets = ['subnet-0aa11bb22cc33dd44', 'subnet-0bb22cc33dd44ee55'];
  const sg = 'sg-0f0e0d0c0b0a09080';
  const local = { destinationCidrBlock: '10.30.0.0/16', gatewayId: 'local', state: 'active', origin: 'CreateRouteTable' };
  return {
    vpcs: [{ vpcId: vpc, ownerId: ACCOUNT, instanceTenancy: 'default', cidrBlockAssociationSet: [{ associationId: 'vpc-cidr-assoc-0bbb', cidrBlock: '10.30.0.0/16', cidrBlockState: { state: 'associated' } }], isDefault: 'false', tagSet: tags('shared-services'), state: 'available', cidrBlock: '10.30.0.0/16', dhcpOptionsId: 'dopt-0b1c' }],
    vpcAttributes: { [vpc]: { enableDnsSupport: true, enableDnsHostnames: false } },
    subnets: subnets.map((id, i) => ({ subnetId: id, subnetArn: `arn:aws:ec2:${R}:${ACCOUNT}:subnet/${id}`, state: 'available', vpcId: vpc, cidrBlock: `10.30.${i}.0/24`, availabilityZone: `${R}${'ab'[i]}`, availabilityZoneId: `use1-az${i + 1}`, defaultForAz: 'false', mapPublicIpOnLaunch: 'false', ownerId: ACCOUNT, tagSet: tags(`shared-${'ab'[i]}`) })),
    routeTables: [{ routeTableId: 'rtb-0e0e0e0e0e0e0e0e1', associationSet: [{ main: 'true', routeTableAssociationId: 'rtbassoc-0e1', routeTableId: 'rtb-0e0e0e0e0e0e0e0e1', associationState: { state: 'associated' } }], routeSet: [local, { destinationCidrBlock: '0.0.0.0/0', transitGatewayId: 'tgw-0123456789abcdef0', state: 'active', origin: 'CreateRoute' }], tagSet: [], vpcId: vpc, ownerId: ACCOUNT }],
    natGateways: [],
    internetGateways: [],
    vpcEndpoints: [{
      vpcEndpointId: 'vpce-0aa1bb2cc3dd4ee55', vpcEndpointType: 'Interface', vpcId: vpc, serviceName: `com.amazonaws.${R}.ssm`, state: 'available',
      policyDocument: JSON.stringify({ Statement: [{ Action: '*', Effect: 'Allow', Principal: '*', Resource: '*' }] }),
      routeTableIdSet: [], subnetIdSet: subnets, groupSet: [{ groupId: sg, groupName: 'ssm-endpoint' }], ipAddressType: 'ipv4',
      dnsOptions: { dnsRecordIpType: 'ipv4' }, privateDnsEnabled: 'true', requesterManaged: 'false', networkInterfaceIdSet: ['eni-0aaa', 'eni-0bbb'],
      dnsEntrySet: [{ dnsName: `vpce-0aa1bb2cc3dd4ee55-abcdefgh.ssm.${R}.vpce.amazonaws.com`, hostedZoneId: 'Z7HUB22UULQXV' }], creationTimestamp: '2024-06-01T12:00:00.000Z', tagSet: tags('ssm'), ownerId: ACCOUNT,
    }],
    endpointServices: [{ serviceName: `com.amazonaws.${R}.ssm`, serviceId: 'vpce-svc-0ssm', serviceType: [{ serviceType: 'Interface' }], availabilityZoneSet: [`${R}a`, `${R}b`], owner: 'amazon', baseEndpointDnsNameSet: [`ssm.${R}.vpce.amazonaws.com`], privateDnsName: `ssm.${R}.amazonaws.com`, vpcEndpointPolicySupported: 'true', acceptanceRequired: 'false', managesVpcEndpoints: 'false' }],
    serviceConfigurations: [{ serviceType: [{ serviceType: 'Interface' }], serviceId: 'vpce-svc-0a1b2c3d4e5f60718', serviceName: `com.amazonaws.vpce.${R}.vpce-svc-0a1b2c3d4e5f60718`, serviceState: 'Available', availabilityZoneSet: [`${R}a`], acceptanceRequired: 'false', managesVpcEndpoints: 'false', networkLoadBalancerArnSet: [`arn:aws:elasticloadbalancing:${R}:${ACCOUNT}:loadbalancer/net/api/0123456789abcdef`], tagSet: tags('partner-api') }],
    servicePermissions: { 'vpce-svc-0a1b2c3d4e5f60718': [{ principalType: 'All', principal: '*', servicePermissionId: 'sp-0123456789abcdef0', serviceId: 'vpce-svc-0a1b2c3d4e5f60718' }] },
    securityGroups: [{
      ownerId: ACCOUNT, groupId: sg, groupName: 'ssm-endpoint', groupDescription: 'SSM endpoint', vpcId: vpc, securityGroupArn: `arn:aws:ec2:${R}:${ACCOUNT}:security-group/${sg}`,
      ipPermissions: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, groups: [], ipRanges: [{ cidrIp: '0.0.0.0/0', description: 'anyone' }], ipv6Ranges: [], prefixListIds: [] }],
      ipPermissionsEgress: [{ ipProtocol: '-1', groups: [], ipRanges: [], ipv6Ranges: [], prefixListIds: [{ prefixListId: 'pl-0c0ffee0c0ffee000' }] }], tagSet: [],
    }],
    prefixLists: [{ prefixListId: 'pl-63a5400a', prefixListName: `com.amazonaws.${R}.s3`, cidrSet: ['3.5.0.0/19', '16.182.0.0/16'] }],
    managedPrefixLists: [
      { prefixListId: 'pl-63a5400a', addressFamily: 'IPv4', state: 'create-complete', prefixListArn: `arn:aws:ec2:${R}:aws:prefix-list/pl-63a5400a`, prefixListName: `com.amazonaws.${R}.s3`, ownerId: 'AWS' },
      { prefixListId: 'pl-0c0ffee0c0ffee000', addressFamily: 'IPv4', state: 'create-complete', prefixListArn: `arn:aws:ec2:${R}:${ACCOUNT}:prefix-list/pl-0c0ffee0c0ffee000`, prefixListName: 'corp-ranges', maxEntries: 10, version: 3, tagSet: tags('corp'), ownerId: ACCOUNT },
    ],
    prefixListEntries: { 'pl-0c0ffee0c0ffee000': [{ cidr: '192.0.2.0/24', description: 'office' }, { cidr: '198.51.100.0/24', description: 'vpn' }] },
    reservations: [{
      reservationId: 'r-0123456789abcdef0', ownerId: ACCOUNT, groupSet: [],
      instancesSet: [{ instanceId: 'i-0123456789abcdef0', imageId: 'ami-0abcdef1234567890', instanceState: { code: 16, name: 'running' }, instanceType: 't3.micro', subnetId: subnets[0], vpcId: vpc, privateIpAddress: '10.30.0.10',
        groupSet: [{ groupId: sg, groupName: 'ssm-endpoint' }], networkInterfaceSet: [{ networkInterfaceId: 'eni-0ccc', subnetId: subnets[0], vpcId: vpc, ownerId: ACCOUNT, status: 'in-use', privateIpAddress: '10.30.0.10', groupSet: [{ groupId: sg, groupName: 'ssm-endpoint' }] }], tagSet: tags('bastion') }],
    }],
  };
}
