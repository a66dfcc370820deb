import { Inventory } from '../../model/inventory.js';
import { UsageError } from '../../errors.js';
import { baseCredentials, defaultRegion, enabledRegions, memberCredentials, memberIdentity, organizationAccounts, whoAmI, type CredentialOptions, type Identity } from './accounts.js';
import { Clients, connectionPool, type ClientSettings } from './clients.js';
import { readEc2Region, type Ec2Region } from './ec2.js';
import { readIam, type IamAccount } from './iam.js';
import { buildEndpoints, registerEndpoints } from './normalize-endpoints.js';
import { buildBuckets, buildIam } from './normalize-identity.js';
import { buildNetwork, registerNetwork } from './normalize-network.js';
import { Progress, type ProgressSink } from './progress.js';
import { Reader } from './reader.js';
import { readBuckets, type S3Account } from './s3.js';

export interface AwsScanOptions extends CredentialOptions {
  /** Regions to scan; default: the SDK's default region. */
  regions?: string[];
  /** Every region enabled for the account (DescribeRegions). */
  allRegions?: boolean;
  /** Scan every active account of the organization through this role. */
  accountsFromOrg?: boolean;
  orgRoleName?: string;
  /** Calls in flight at once, per service, account and region (and 16 times that across the scan). */
  concurrency?: number;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  progress?: ProgressSink;
}

export const DEFAULTS = { concurrency: 8, maxAttempts: 6, requestTimeoutMs: 30_000 } as const;

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

interface AccountScan {
  identity: Identity;
  regions: string[];
  ec2: Ec2Region[];
  s3: S3Account;
  iam: IamAccount;
}

/**
 * Reads live AWS accounts into an inventory, read-only. Regions are read in
 * parallel; a call that fails is a diagnostic in the inventory and the rest of
 * the scan goes on. Each region whose network was read whole is closed-world.
 */
export async function collectAws(opts: AwsScanOptions): Promise<Inventory> {
  for (const r of opts.regions ?? []) if (!REGION.test(r)) throw new UsageError(`--region ${JSON.stringify(r)} is not an AWS region name (e.g. eu-west-1)`);
  if (opts.accountsFromOrg && !opts.orgRoleName) throw new UsageError('--accounts-from-org needs --org-role-name: the role to assume in each member account');
  // Global reads (STS, IAM, the bucket list, the region list) go to the default region when there is one:
  // it is enabled for the account, which a region named on the command line may not be.
  const home = (await defaultRegion(opts.profile)) ?? opts.regions?.[0] ?? (opts.allRegions ? 'us-east-1' : undefined);
  if (!home) throw new UsageError('no region: pass --region or --all-regions, or set AWS_REGION');

  const reader = new Reader(opts.concurrency ?? DEFAULTS.concurrency);
  const settings: ClientSettings = {
    maxAttempts: opts.maxAttempts ?? DEFAULTS.maxAttempts,
    requestTimeoutMs: opts.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
    // As many connections to one host as calls may be in flight: the pool never makes a call wait.
    connections: connectionPool(reader.maxInFlight),
  };
  const progress = new Progress(opts.progress);
  const credentials = baseCredentials(opts, home, settings);
  const root = new Clients(credentials, settings);
  const all: Clients[] = [root];
  try {
    const me = await whoAmI(root, home);
    const targets: { clients: Clients; identity?: Identity; account: string }[] = [];
    let organization: string | undefined;
    if (opts.accountsFromOrg) {
      const org = await organizationAccounts(root, home, me.account);
      organization = org.id;
      for (const a of org.accounts) {
        if (a.Id === me.account) targets.push({ clients: root, identity: me, account: me.account });
        else {
          const clients = new Clients(memberCredentials(credentials, me.partition, a.Id!, opts.orgRoleName!, opts.externalId, home, settings), settings);
          all.push(clients);
          targets.push({ clients, account: a.Id! });
        }
      }
    } else {
      targets.push({ clients: root, identity: me, account: me.account });
    }
    const scans = await Promise.all(targets.map(async (t) => {
      let identity = t.identity;
      if (!identity) {
        const id = await memberIdentity(t.clients, reader, t.account, opts.orgRoleName!, home);
        if (!id.ok) return undefined;
        identity = id.value;
      }
      return scanAccount(t.clients, reader, progress, identity, home, opts);
    }));
    const done = scans.filter((s): s is AccountScan => s !== undefined);
    const scope = { ...(organization ? { organization } : {}), ...(opts.allRegions ? { allRegions: true } : {}) };
    return normalize(done, reader, targets.map((t) => t.account), scope);
  } finally {
    progress.end();
    for (const c of all) c.destroy();
  }
}

async function scanAccount(clients: Clients, reader: Reader, progress: Progress, identity: Identity, home: string, opts: AwsScanOptions): Promise<AccountScan | undefined> {
  const account = identity.account;
  let regions = opts.regions && opts.regions.length > 0 ? [...new Set(opts.regions)] : [home];
  if (opts.allRegions) {
    const enabled = await enabledRegions(clients, reader, account, home);
    if (!enabled.ok) return undefined;
    regions = enabled.value;
  }
  progress.plan(account, regions);
  const [ec2, s3, iam] = await Promise.all([
    Promise.all(regions.map(async (region) => {
      const r = await readEc2Region(clients.ec2(region), reader, account, region);
      progress.done(account, region);
      return r;
    })),
    readBuckets(clients, reader, account, identity.partition, home, new Set(regions), (region) => progress.done(account, region)),
    readIam(clients.iam(home), reader, account).then((r) => {
      progress.done(account);
      return r;
    }),
  ]);
  return { identity, regions, ec2, s3, iam };
}

/** Two passes: every ref first, so that links between nodes resolve whatever the order. */
function normalize(scans: AccountScan[], reader: Reader, accounts: string[], scope: { organization?: string; allRegions?: boolean }): Inventory {
  const regions = [...new Set(scans.flatMap((s) => s.regions))].sort();
  const inv = new Inventory({ kind: 'aws', accounts: [...new Set(accounts)].sort(), regions, ...scope });
  for (const s of scans) {
    for (const r of s.ec2) {
      const place = { account: s.identity.account, region: r.region, partition: s.identity.partition };
      registerNetwork(inv, r, place);
      registerEndpoints(inv, r, place);
    }
  }
  for (const s of scans) {
    for (const r of s.ec2) {
      buildNetwork(inv, r);
      buildEndpoints(inv, r);
      markClosedWorld(inv, r);
    }
    buildBuckets(inv, s.s3, s.identity.partition);
    buildIam(inv, s.iam);
  }
  // A failed read's subject becomes the node's own ref, when the node was built after all.
  for (const d of reader.diagnostics) inv.diagnose(d.subject ? { ...d, subject: inv.refByKey(d.subject.key) ?? d.subject } : d);
  return inv;
}

/** A region is a closed world only when everything a rule could look for there was read. */
function markClosedWorld(inv: Inventory, r: Ec2Region): void {
  const reads = [r.vpcs, r.subnets, r.routeTables, r.natGateways, r.internetGateways, r.vpcEndpoints, r.securityGroups, r.prefixLists, r.managedPrefixLists, r.serviceConfigurations];
  if (reads.every((x) => x.ok)) {
    inv.closedWorld.add(`${r.account}/${r.region}`);
    return;
  }
  inv.diagnose({
    level: 'note',
    code: 'open-world',
    message: `${r.account}/${r.region} is not treated as a complete picture of the region, since some of its reads failed: checks that rely on "it does not exist" were not made there`,
  });
}
