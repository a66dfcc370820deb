import type { Diagnostic } from './diagnostic.js';
import type {
  Bucket,
  EndpointService,
  IamPolicy,
  IamPrincipal,
  InternetGateway,
  NatGateway,
  NetworkInterface,
  PrefixList,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
  VpcEndpoint,
  Workload,
} from './nodes.js';
import type { Ref } from './ref.js';

/** Where the inventory came from. */
export type InventorySource =
  | { kind: 'plan'; file: string; terraformVersion?: string; formatVersion: string }
  | {
      kind: 'aws';
      accounts: string[];
      regions: string[];
      /**
       * Set when the accounts were the organization's (--accounts-from-org): its id
       * (o-…), or the account that listed them when no account ARN names it.
       */
      organization?: string;
      /** Set when the regions were every region enabled for each account (--all-regions). */
      allRegions?: boolean;
    }
  | { kind: 'snapshot'; file: string; of: InventorySource }
  | { kind: 'test' };

/**
 * The graph every rule reads. A plan is an open world: resources outside it
 * exist but are unseen. A live scan of a region is a closed world for that
 * region: what is not there does not exist.
 */
export class Inventory {
  readonly vpcs = new Map<string, Vpc>();
  readonly subnets = new Map<string, Subnet>();
  readonly routeTables = new Map<string, RouteTable>();
  readonly natGateways = new Map<string, NatGateway>();
  readonly internetGateways = new Map<string, InternetGateway>();
  readonly vpcEndpoints = new Map<string, VpcEndpoint>();
  readonly endpointServices = new Map<string, EndpointService>();
  readonly securityGroups = new Map<string, SecurityGroup>();
  readonly prefixLists = new Map<string, PrefixList>();
  readonly buckets = new Map<string, Bucket>();
  readonly networkInterfaces = new Map<string, NetworkInterface>();
  readonly workloads = new Map<string, Workload>();
  readonly iamPrincipals = new Map<string, IamPrincipal>();
  readonly iamPolicies = new Map<string, IamPolicy>();
  readonly diagnostics: Diagnostic[] = [];
  /** Values the input marks sensitive (Terraform's sensitive_values / after_sensitive): never printed. */
  readonly sensitiveValues = new Set<string>();
  /** Regions (per account, `account/region`, or `*\/region` when the account is unknown) scanned as a closed world. */
  readonly closedWorld = new Set<string>();
  private readonly refsById = new Map<string, Ref>();
  private readonly refsByKey = new Map<string, Ref>();

  constructor(readonly source: InventorySource) {}

  /** True when the inventory holds everything that exists in that account and region. */
  isClosedWorld(region: string | undefined, account?: string): boolean {
    if (!region) return false;
    return this.closedWorld.has(`${account ?? '*'}/${region}`) || this.closedWorld.has(`*/${region}`);
  }

  /** Registers a node's ref so it can be found by key and by AWS id. */
  register(ref: Ref): void {
    if (this.refsByKey.has(ref.key)) throw new Error(`duplicate inventory key ${ref.key}`);
    this.refsByKey.set(ref.key, ref);
    if (ref.id && !this.refsById.has(ref.id)) this.refsById.set(ref.id, ref);
    if (ref.arn && !this.refsById.has(ref.arn)) this.refsById.set(ref.arn, ref);
  }

  /** Indexes an AWS id learned after the node was registered. */
  indexId(id: string, ref: Ref): void {
    if (!this.refsById.has(id)) this.refsById.set(id, ref);
  }

  refByKey(key: string): Ref | undefined {
    return this.refsByKey.get(key);
  }

  refById(id: string): Ref | undefined {
    return this.refsById.get(id);
  }

  refs(): IterableIterator<Ref> {
    return this.refsByKey.values();
  }

  /** Every AWS id and ARN the inventory can look up, with the key of its node (for snapshots). */
  idEntries(): IterableIterator<[string, Ref]> {
    return this.refsById.entries();
  }

  diagnose(diagnostic: Diagnostic): void {
    this.diagnostics.push(diagnostic);
  }
}
