import type { FakeAccount, FakeRegion, XmlObject } from './account.js';

export interface AccountShape {
  accountId: string;
  regions: string[];
  /** Spread over the regions round-robin. */
  vpcs: number;
  /** Spread evenly over the VPCs; half public, half private. */
  subnets: number;
  buckets: number;
}

const AZS = ['a', 'b', 'c'];

/**
 * A fake account of any size, shaped like real ones: per VPC an internet
 * gateway, a NAT gateway and a private route table per zone, a public table,
 * the main table, an S3 gateway endpoint on some private tables, the default
 * security group; buckets spread over the regions, some with a policy, a
 * public access block or tags.
 */
export function generateAccount(shape: AccountShape): FakeAccount {
  const A = shape.accountId;
  let counter = 0;
  const id = (prefix: string) => `${prefix}-0${A.slice(-5)}${(++counter).toString(16).padStart(12, '0')}`;
  const regions: Record<string, FakeRegion> = {};
  for (const r of shape.regions) regions[r] = { vpcs: [], vpcAttributes: {}, subnets: [], routeTables: [], natGateways: [], internetGateways: [], vpcEndpoints: [], endpointServices: [s3Service(r)], serviceConfigurations: [], securityGroups: [], prefixLists: [s3List(r)], managedPrefixLists: [], reservations: [] };
  const perVpc = Math.max(1, Math.floor(shape.subnets / Math.max(1, shape.vpcs)));
  for (let v = 0; v < shape.vpcs; v++) {
    const R = shape.regions[v % shape.regions.length]!;
    const reg = regions[R]!;
    const vpcId = id('vpc');
    const cidr = `10.${v % 256}.0.0/16`;
    const name = `vpc-${v}`;
    reg.vpcs!.push({ vpcId, ownerId: A, instanceTenancy: 'default', cidrBlockAssociationSet: [{ associationId: id('vpc-cidr-assoc'), cidrBlock: cidr, cidrBlockState: { state: 'associated' } }], isDefault: 'false', tagSet: tag(name), state: 'available', cidrBlock: cidr });
    reg.vpcAttributes![vpcId] = { enableDnsSupport: true, enableDnsHostnames: v % 2 === 0 };
    const igw = id('igw');
    reg.internetGateways!.push({ internetGatewayId: igw, ownerId: A, attachmentSet: [{ vpcId, state: 'available' }], tagSet: tag(`${name}-igw`) });
    const local = { destinationCidrBlock: cidr, gatewayId: 'local', state: 'active', origin: 'CreateRouteTable' };
    const main = id('rtb');
    const pub = id('rtb');
    const priv = AZS.map(() => id('rtb'));
    const subnets = Array.from({ length: v === shape.vpcs - 1 ? shape.subnets - perVpc * (shape.vpcs - 1) : perVpc }, (_, i) => ({ id: id('subnet'), az: AZS[i % 3]!, public: i % 2 === 0, i }));
    const publicIn = (az: string) => subnets.find((s) => s.public && s.az === az) ?? subnets[0]!;
    const nats = AZS.map((az) => ({ id: id('nat'), subnet: publicIn(az).id }));
    for (const n of nats) reg.natGateways!.push({ natGatewayId: n.id, subnetId: n.subnet, vpcId, state: 'available', connectivityType: 'public', tagSet: tag(`${name}-nat`) });
    for (const s of subnets) {
      reg.subnets!.push({ subnetId: s.id, subnetArn: `arn:aws:ec2:${R}:${A}:subnet/${s.id}`, state: 'available', vpcId, cidrBlock: `10.${v % 256}.${Math.floor(s.i / 4)}.${(s.i % 4) * 64}/26`, availabilityZone: `${R}${s.az}`, defaultForAz: 'false', mapPublicIpOnLaunch: String(s.public), ownerId: A, tagSet: tag(`${name}-${s.public ? 'public' : 'private'}-${s.i}`) });
    }
    const assoc = (table: string, subnet?: string, isMain = false) => ({ main: String(isMain), routeTableAssociationId: id('rtbassoc'), routeTableId: table, ...(subnet ? { subnetId: subnet } : {}), associationState: { state: 'associated' } });
    const vpce = id('vpce');
    const withEndpoint = priv.filter((_, i) => (v + i) % 3 !== 0);
    reg.routeTables!.push(
      { routeTableId: main, associationSet: [assoc(main, undefined, true)], routeSet: [local], tagSet: [], vpcId, ownerId: A },
      { routeTableId: pub, associationSet: subnets.filter((s) => s.public).map((s) => assoc(pub, s.id)), routeSet: [local, { destinationCidrBlock: '0.0.0.0/0', gatewayId: igw, state: 'active', origin: 'CreateRoute' }], tagSet: tag(`${name}-public`), vpcId, ownerId: A },
      ...priv.map((rt, i) => ({
        routeTableId: rt,
        associationSet: subnets.filter((s) => !s.public && s.az === AZS[i]).map((s) => assoc(rt, s.id)),
        routeSet: [local, { destinationCidrBlock: '0.0.0.0/0', natGatewayId: nats[i]!.id, state: 'active', origin: 'CreateRoute' }, ...(withEndpoint.includes(rt) ? [{ destinationPrefixListId: s3List(R).prefixListId, gatewayId: vpce, state: 'active', origin: 'CreateRoute' }] : [])],
        tagSet: tag(`${name}-private-${AZS[i]}`),
        vpcId,
        ownerId: A,
      })),
    );
    reg.vpcEndpoints!.push({ vpcEndpointId: vpce, vpcEndpointType: 'Gateway', vpcId, serviceName: `com.amazonaws.${R}.s3`, state: 'available', policyDocument: JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }), routeTableIdSet: withEndpoint, subnetIdSet: [], groupSet: [], privateDnsEnabled: 'false', tagSet: tag(`${name}-s3`), ownerId: A });
    const sg = id('sg');
    reg.securityGroups!.push({ ownerId: A, groupId: sg, groupName: 'default', groupDescription: 'default VPC security group', vpcId, ipPermissions: [{ ipProtocol: '-1', groups: [{ userId: A, groupId: sg }] }], ipPermissionsEgress: [{ ipProtocol: '-1', ipRanges: [{ cidrIp: '0.0.0.0/0' }] }] });
  }
  const buckets = Array.from({ length: shape.buckets }, (_, i) => {
    const region = shape.regions[i % shape.regions.length]!;
    const name = `bench-${A}-${region}-${i}`;
    return {
      name,
      region,
      ...(i % 3 === 0 ? { policy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${name}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] } } : {}),
      ...(i % 2 === 0 ? { publicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } } : {}),
      ...(i % 5 === 0 ? { tags: { team: `team-${i % 7}` } } : {}),
    };
  });
  return { accountId: A, enabledRegions: [...shape.regions], regions, buckets, iam: {} };
}

function tag(name: string): XmlObject[] {
  return [{ key: 'Name', value: name }];
}

function s3List(region: string): { prefixListId: string; prefixListName: string; cidrSet: string[] } {
  const n = [...region].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7).toString(16).slice(0, 8);
  return { prefixListId: `pl-${n}`, prefixListName: `com.amazonaws.${region}.s3`, cidrSet: ['52.216.0.0/15', '3.5.0.0/19'] };
}

function s3Service(region: string): XmlObject {
  return { serviceName: `com.amazonaws.${region}.s3`, serviceId: `vpce-svc-s3${region.replace(/-/g, '')}`, serviceType: [{ serviceType: 'Gateway' }], owner: 'amazon', vpcEndpointPolicySupported: 'true', acceptanceRequired: 'false' };
}
