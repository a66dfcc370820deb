import { Inventory } from '../../src/model/inventory.js';
import type {
  Bucket,
  EndpointType,
  Link,
  NatGateway,
  PolicySource,
  Route,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
  VpcEndpoint,
} from '../../src/model/nodes.js';
import type { NodeKind, Ref } from '../../src/model/ref.js';
import { parseServiceName } from '../../src/model/service-name.js';

/**
 * Builds small inventories for rule tests, the way ESLint's RuleTester takes
 * code snippets: each call adds one node with sensible defaults, linked by key.
 */
export class InventoryBuilder {
  readonly inv: Inventory;
  private n = 0;

  constructor(readonly region = 'eu-west-1', closedWorld = false) {
    this.inv = new Inventory({ kind: 'test' });
    if (closedWorld) this.inv.closedWorld.add(`*/${region}`);
  }

  ref(kind: NodeKind, type: string, name?: string, extra: Partial<Ref> = {}): Ref {
    const address = `${type}.${name ?? `${kind.replace(/-/g, '_')}${++this.n}`}`;
    const ref: Ref = { key: address, kind, type, address, region: this.region, ...extra };
    this.inv.register(ref);
    return ref;
  }

  vpc(name?: string, props: Partial<Vpc> = {}): Vpc {
    const vpc: Vpc = {
      ref: this.ref('vpc', 'aws_vpc', name),
      cidrBlocks: ['10.0.0.0/16'],
      ipv6CidrBlocks: [],
      enableDnsSupport: true,
      enableDnsHostnames: true,
      mainRouteTable: undefined,
      ...props,
    };
    this.inv.vpcs.set(vpc.ref.key, vpc);
    return vpc;
  }

  subnet(vpc: Vpc, props: Partial<Subnet> & { name?: string; az?: string } = {}): Subnet {
    const { name, az, ...rest } = props;
    const subnet: Subnet = {
      ref: this.ref('subnet', 'aws_subnet', name),
      vpc: link(vpc.ref.key),
      availabilityZone: az ?? `${this.region}a`,
      cidrBlock: '10.0.1.0/24',
      ipv6CidrBlock: undefined,
      routeTable: link(),
      ...rest,
    };
    this.inv.subnets.set(subnet.ref.key, subnet);
    return subnet;
  }

  routeTable(vpc: Vpc, props: { name?: string; routes?: Route[]; main?: boolean; subnets?: Subnet[]; routesIncomplete?: string } = {}): RouteTable {
    const table: RouteTable = {
      ref: this.ref('route-table', 'aws_route_table', props.name),
      vpc: link(vpc.ref.key),
      routes: [{ destination: { kind: 'ipv4', value: 'local' }, target: { kind: 'local' }, origin: 'inline' }, ...(props.routes ?? [])],
      subnets: [],
      ...(props.routesIncomplete ? { routesIncomplete: props.routesIncomplete } : {}),
    };
    this.inv.routeTables.set(table.ref.key, table);
    if (props.main) vpc.mainRouteTable = table.ref.key;
    for (const s of props.subnets ?? []) this.associate(s, table);
    return table;
  }

  associate(subnet: Subnet, table: RouteTable): void {
    subnet.routeTable = link(table.ref.key);
    table.subnets.push(subnet.ref.key);
  }

  nat(subnet: Subnet, name?: string): NatGateway {
    const nat: NatGateway = { ref: this.ref('nat-gateway', 'aws_nat_gateway', name), subnet: link(subnet.ref.key), connectivityType: 'public' };
    this.inv.natGateways.set(nat.ref.key, nat);
    return nat;
  }

  igw(vpc: Vpc, name?: string) {
    const igw = { ref: this.ref('internet-gateway', 'aws_internet_gateway', name), vpc: link(vpc.ref.key), egressOnly: false };
    this.inv.internetGateways.set(igw.ref.key, igw);
    return igw;
  }

  endpoint(
    vpc: Vpc,
    service: string,
    props: Partial<Omit<VpcEndpoint, 'routeTables' | 'subnets' | 'securityGroups'>> & {
      name?: string;
      routeTables?: RouteTable[];
      subnets?: Subnet[];
      securityGroups?: SecurityGroup[];
      type?: EndpointType;
      policyText?: string;
    } = {},
  ): VpcEndpoint {
    const { name, routeTables, subnets, securityGroups, policyText, ...rest } = props;
    const serviceName = service.includes('.') ? service : `com.amazonaws.${this.region}.${service}`;
    const parsed = parseServiceName(serviceName);
    const ref = this.ref('vpc-endpoint', 'aws_vpc_endpoint', name);
    const policy: PolicySource = policyText !== undefined ? { kind: 'document', text: policyText, holder: ref, attribute: 'policy', sensitive: false } : { kind: 'absent' };
    const ep: VpcEndpoint = {
      ref,
      vpc: link(vpc.ref.key),
      type: props.type ?? (parsed?.family ? 'Gateway' : 'Interface'),
      serviceName,
      ...(parsed ? { service: parsed } : {}),
      policy,
      routeTables: link(...(routeTables ?? []).map((t) => t.ref.key)),
      subnets: link(...(subnets ?? []).map((s) => s.ref.key)),
      securityGroups: link(...(securityGroups ?? []).map((g) => g.ref.key)),
      privateDnsEnabled: (props.type ?? (parsed?.family ? 'Gateway' : 'Interface')) === 'Interface',
      privateDnsOnlyForInboundResolver: undefined,
      ...rest,
    };
    this.inv.vpcEndpoints.set(ref.key, ep);
    return ep;
  }

  bucket(name: string, policyText?: string): Bucket {
    const ref = this.ref('bucket', 'aws_s3_bucket', name.replace(/[^a-zA-Z0-9_]/g, '_'), { id: name });
    const bucket: Bucket = {
      ref,
      name,
      policy: policyText !== undefined ? { kind: 'document', text: policyText, holder: ref, attribute: 'policy', sensitive: false } : { kind: 'absent' },
    };
    this.inv.buckets.set(ref.key, bucket);
    return bucket;
  }

  securityGroup(vpc: Vpc, props: Partial<SecurityGroup> & { name?: string } = {}): SecurityGroup {
    const { name, ...rest } = props;
    const sg: SecurityGroup = { ref: this.ref('security-group', 'aws_security_group', name), vpc: link(vpc.ref.key), ingress: [], egress: [], ...rest };
    this.inv.securityGroups.set(sg.ref.key, sg);
    return sg;
  }
}

export function link(...keys: string[]): Link {
  return { keys, external: [] };
}

/** A route to a NAT gateway (or another target) for 0.0.0.0/0. */
export function defaultRoute(target: { ref: Ref }, kind: 'nat' | 'igw' | 'nat-instance' | 'tgw' = 'nat'): Route {
  return { destination: { kind: 'ipv4', value: '0.0.0.0/0' }, target: { kind, key: target.ref.key }, origin: 'resource' };
}
