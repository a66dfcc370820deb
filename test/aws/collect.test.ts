import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../../src/cli/scan.js';
import { isReadFailure } from '../../src/collect/aws/failures.js';
import { IN_FLIGHT_PER_CONCURRENCY } from '../../src/collect/aws/reader.js';
import { topologyOf } from '../../src/model/topology.js';
import { isUnknown } from '../../src/model/unknown.js';
import type { FakeAccount } from './fake-aws/account.js';
import { twoRegionAccount } from './fake-aws/accounts.js';
import { generateAccount } from './fake-aws/generate.js';
import { startFakeAws, type FakeAws, type FakeAwsOptions } from './fake-aws/server.js';
import { loadAccount, scanFake } from './helpers.js';

const ACCOUNT = '111122223333';
const PRIVATE = ['rtb-0a9b8c7d6e5f40312', 'rtb-0b8c7d6e5f4031223', 'rtb-0c7d6e5f403122334'];
const S3_ENDPOINT = 'vpce-0e1d2c3b4a5968778';

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: Partial<FakeAwsOptions> & { accounts?: FakeAccount[] } = {}): Promise<FakeAws> {
  fake = await startFakeAws({ accounts: [loadAccount('example')], ...options });
  return fake;
}

const callsOf = (f: FakeAws, action: string) => f.calls.filter((c) => c.action === action);

describe('live collection over HTTP with real SDK clients', () => {
  it('reads the example account into the same kinds of node a plan gives, closed-world, without diagnostics', async () => {
    const f = await start();
    const inv = await scanFake(f);
    expect(inv.diagnostics).toEqual([]);
    expect(inv.source).toEqual({ kind: 'aws', accounts: [ACCOUNT], regions: ['eu-west-1'] });
    expect([...inv.closedWorld]).toEqual([`${ACCOUNT}/eu-west-1`]);
    expect({ vpcs: inv.vpcs.size, subnets: inv.subnets.size, tables: inv.routeTables.size, nats: inv.natGateways.size, igws: inv.internetGateways.size, endpoints: inv.vpcEndpoints.size, buckets: inv.buckets.size })
      .toEqual({ vpcs: 1, subnets: 6, tables: 5, nats: 3, igws: 1, endpoints: 1, buckets: 1 });
    const vpc = inv.vpcs.get('vpc-0e7c3f5a9b1d24680')!;
    expect(vpc.ref).toMatchObject({ key: 'vpc-0e7c3f5a9b1d24680', id: 'vpc-0e7c3f5a9b1d24680', account: ACCOUNT, region: 'eu-west-1', name: 'prod', arn: `arn:aws:ec2:eu-west-1:${ACCOUNT}:vpc/vpc-0e7c3f5a9b1d24680` });
    expect(vpc.ref.address).toBeUndefined();
    expect(vpc.ref.location).toBeUndefined();
    expect(vpc).toMatchObject({ cidrBlocks: ['10.20.0.0/16'], enableDnsSupport: true, enableDnsHostnames: true });
    expect(inv.refById('subnet-04da6b8c2e5a7394a')?.key).toBe('subnet-04da6b8c2e5a7394a');
  });

  it('takes the main route table from the association flag, and uses it for subnets without an explicit association', async () => {
    const account = loadAccount('example');
    // Drop the public subnets' explicit associations: they fall back to the main table.
    const pub = account.regions['eu-west-1']!.routeTables!.find((t) => t.routeTableId === 'rtb-01f2e3d4c5b6a7988')!;
    pub.associationSet = [];
    const f = await start({ accounts: [account] });
    const inv = await scanFake(f);
    expect(inv.vpcs.get('vpc-0e7c3f5a9b1d24680')!.mainRouteTable).toBe('rtb-0d9e8f7a6b5c4d3e2');
    const topo = topologyOf(inv);
    const eff = topo.effectiveRouteTable(inv.subnets.get('subnet-01a7c3e5f9b2d4061')!);
    expect(eff).toMatchObject({ table: { ref: { key: 'rtb-0d9e8f7a6b5c4d3e2' } }, explicit: false });
    const priv = topo.effectiveRouteTable(inv.subnets.get('subnet-04da6b8c2e5a7394a')!);
    expect(priv).toMatchObject({ table: { ref: { key: PRIVATE[0] } }, explicit: true });
  });

  it('reads a gateway endpoint route as a prefix-list destination with the endpoint as target, and fills the endpoint\'s route tables', async () => {
    const f = await start();
    const inv = await scanFake(f);
    const route = inv.routeTables.get(PRIVATE[0]!)!.routes.find((r) => r.destination.kind === 'prefix-list');
    expect(route).toMatchObject({ destination: { kind: 'prefix-list', value: 'pl-6da54004' }, target: { kind: 'vpce', id: S3_ENDPOINT, key: S3_ENDPOINT }, origin: 'live' });
    const ep = inv.vpcEndpoints.get(S3_ENDPOINT)!;
    expect(ep.routeTables).toEqual({ keys: [PRIVATE[0], PRIVATE[1]], external: [] });
    expect(ep).toMatchObject({ type: 'Gateway', serviceName: 'com.amazonaws.eu-west-1.s3', policySupported: true, service: { family: 's3', region: 'eu-west-1' } });
    expect(ep.policy).toMatchObject({ kind: 'document', attribute: 'policy' });
    expect(inv.prefixLists.get('pl-6da54004')).toMatchObject({ prefixListName: 'com.amazonaws.eu-west-1.s3' });
    // Only the services in use are asked about.
    expect(callsOf(f, 'DescribeVpcEndpointServices')).toHaveLength(1);
  });

  it('follows several pages of route tables (and of every other list)', async () => {
    const f = await start({ pageSize: { DescribeRouteTables: 2, DescribeSubnets: 4, GetAccountAuthorizationDetails: 1, ListBuckets: 1 }, accounts: [twoRegionAccount()] });
    const inv = await scanFake(f);
    expect(callsOf(f, 'DescribeRouteTables').filter((c) => c.region === 'eu-west-1')).toHaveLength(3);
    expect(inv.routeTables.size).toBe(5);
    expect(callsOf(f, 'DescribeSubnets')).toHaveLength(2);
    expect(inv.subnets.size).toBe(6);
    expect(callsOf(f, 'GetAccountAuthorizationDetails').length).toBeGreaterThan(3);
    expect(inv.iamPrincipals.size).toBe(3);
    expect(inv.diagnostics).toEqual([]);
  });

  it('retries a throttled call and uses its answer', async () => {
    const f = await start({ faults: [{ kind: 'throttle', action: 'DescribeSubnets', times: 1 }] });
    const inv = await scanFake(f);
    expect(callsOf(f, 'DescribeSubnets').map((c) => c.status)).toEqual([503, 200]);
    expect(inv.subnets.size).toBe(6);
    expect(inv.diagnostics).toEqual([]);
  });

  it('reports throttling that outlasts the retries, names the call, and judges nothing that depended on it', async () => {
    const f = await start({ faults: [{ kind: 'throttle', action: 'DescribeRouteTables' }] });
    const inv = await scanFake(f, { maxAttempts: 2 });
    const failures = inv.diagnostics.filter(isReadFailure);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: 'error', code: 'aws-throttled' });
    expect(failures[0]!.message).toContain('ec2:DescribeRouteTables');
    expect(failures[0]!.message).toContain(`${ACCOUNT}/eu-west-1`);
    expect(failures[0]!.message).toContain('RequestLimitExceeded');
    expect(inv.closedWorld.size).toBe(0);
    expect(inv.subnets.size).toBe(6);
    expect(isUnknown(topologyOf(inv).effectiveRouteTable(inv.subnets.get('subnet-04da6b8c2e5a7394a')!))).toBe(true);
    const report = scan(inv);
    // Only what does not depend on the route tables is judged: the S3 endpoint's policy was read.
    expect(report.findings.map((f) => `${f.ruleId} ${f.primary.key}`)).toEqual(['endpoint-policy-full-access vpce-0e1d2c3b4a5968778']);
    expect(report.diagnostics.some((d) => d.code === 'not-evaluated')).toBe(true);
  });

  it('reads NoSuchBucketPolicy as "no policy", and a denied bucket policy as unknown with a diagnostic naming call and bucket', async () => {
    const account = loadAccount('example');
    account.buckets!.push({ name: 'secrets-vault', region: 'eu-west-1', policy: { Version: '2012-10-17', Statement: [] } });
    const f = await start({ accounts: [account], faults: [{ kind: 'deny', action: 'GetBucketPolicy', bucket: 'secrets-vault' }] });
    const inv = await scanFake(f);
    expect(inv.buckets.get('arn:aws:s3:::example-prod-data-lake')!.policy).toEqual({ kind: 'absent' });
    const denied = inv.buckets.get('arn:aws:s3:::secrets-vault')!;
    expect(denied.policy).toMatchObject({ kind: 'unknown', attribute: 'policy' });
    expect(denied.ref).toMatchObject({ id: 'secrets-vault', arn: 'arn:aws:s3:::secrets-vault', region: 'eu-west-1', account: ACCOUNT });
    const failures = inv.diagnostics.filter(isReadFailure);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ code: 'aws-access-denied', subject: { key: 'arn:aws:s3:::secrets-vault' } });
    expect(failures[0]!.message).toMatch(/bucket policy of bucket secrets-vault \(s3:GetBucketPolicy in 111122223333\/eu-west-1\): AccessDenied/);
    // The rest of the scan went on.
    expect(inv.routeTables.size).toBe(5);
    expect(inv.closedWorld.has(`${ACCOUNT}/eu-west-1`)).toBe(true);
  });

  it('scans two regions in parallel, routes each bucket call to the bucket\'s region, and reads interface endpoints with their security groups', async () => {
    const f = await start({ accounts: [twoRegionAccount()] });
    const inv = await scanFake(f, { regions: ['eu-west-1', 'us-east-1'] });
    expect(inv.diagnostics).toEqual([]);
    expect([...inv.closedWorld].sort()).toEqual([`${ACCOUNT}/eu-west-1`, `${ACCOUNT}/us-east-1`]);
    for (const c of f.calls.filter((c) => c.bucket)) expect(c.region, `${c.action} ${c.bucket}`).toBe(c.bucket === 'audit-logs-us' ? 'us-east-1' : 'eu-west-1');
    // The us-west-2 bucket is outside the scanned regions: listed, never read.
    expect(f.calls.some((c) => c.bucket === 'static-assets-oregon')).toBe(false);
    expect(inv.buckets.size).toBe(2);
    const logs = inv.buckets.get('arn:aws:s3:::audit-logs-us')!;
    expect(logs).toMatchObject({ policy: { kind: 'document' }, publicAccessBlock: { blockPublicPolicy: true, restrictPublicBuckets: true }, tags: { team: 'security' }, ref: { name: 'audit logs', region: 'us-east-1' } });

    const ep = inv.vpcEndpoints.get('vpce-0aa1bb2cc3dd4ee55')!;
    expect(ep).toMatchObject({ type: 'Interface', privateDnsEnabled: true, policySupported: true, ref: { region: 'us-east-1' } });
    expect(ep.subnets.keys).toEqual(['subnet-0aa11bb22cc33dd44', 'subnet-0bb22cc33dd44ee55']);
    expect(ep.securityGroups).toEqual({ keys: ['sg-0f0e0d0c0b0a09080'], external: [] });
    const sg = inv.securityGroups.get('sg-0f0e0d0c0b0a09080')!;
    expect(sg.ingress).toEqual([expect.objectContaining({ direction: 'ingress', protocol: 'tcp', fromPort: 443, toPort: 443, ipv4: ['0.0.0.0/0'], self: false, description: 'anyone' })]);
    expect(sg.egress[0]!.prefixLists).toEqual({ keys: ['pl-0c0ffee0c0ffee000'], external: [] });
    expect(inv.prefixLists.get('pl-0c0ffee0c0ffee000')).toMatchObject({ prefixListName: 'corp-ranges', cidrs: ['192.0.2.0/24', '198.51.100.0/24'] });
    expect(inv.vpcs.get('vpc-0b1c2d3e4f5a6b7c8')).toMatchObject({ enableDnsHostnames: false, mainRouteTable: 'rtb-0e0e0e0e0e0e0e0e1' });
    expect(inv.routeTables.get('rtb-0e0e0e0e0e0e0e0e1')!.routes[1]!.target).toEqual({ kind: 'tgw', id: 'tgw-0123456789abcdef0' });
    expect(inv.endpointServices.get('vpce-svc-0a1b2c3d4e5f60718')).toMatchObject({ acceptanceRequired: false, allowedPrincipals: ['*'] });
    expect(inv.workloads.get('i-0123456789abcdef0')).toMatchObject({ workloadKind: 'instance', subnets: { keys: ['subnet-0aa11bb22cc33dd44'] }, securityGroups: { keys: ['sg-0f0e0d0c0b0a09080'] } });
    expect(inv.networkInterfaces.get('eni-0ccc')).toMatchObject({ subnet: { keys: ['subnet-0aa11bb22cc33dd44'] }, instance: { keys: ['i-0123456789abcdef0'] } });
  });

  it('an organization scan keeps a bounded number of calls in flight, on connections every account shares', async () => {
    // 12 accounts of 3 regions: about 80 calls each, which the scan used to start all at once, each client on its own sockets.
    const ids = Array.from({ length: 12 }, (_, i) => String(300000000000 + i));
    const accounts = ids.map((accountId) => ({ ...generateAccount({ accountId, regions: ['eu-west-1', 'us-east-1', 'us-west-2'], vpcs: 3, subnets: 12, buckets: 4 }), auditRoleName: 'audit' }));
    accounts[0]!.organizationAccounts = ids;
    const f = await start({ accounts, latencyMs: 20 });
    const inv = await scanFake(f, { regions: ['eu-west-1', 'us-east-1', 'us-west-2'], accountsFromOrg: true, orgRoleName: 'audit', concurrency: 1 });
    expect(inv.diagnostics.filter(isReadFailure)).toEqual([]);
    expect(inv.vpcs.size).toBe(36);
    const cap = 1 * IN_FLIGHT_PER_CONCURRENCY;
    expect(f.calls.length).toBeGreaterThan(10 * cap);
    expect(f.peak.requests).toBe(cap);
    // One pool: no more connections than calls in flight, whatever the number of accounts and regions.
    expect(f.peak.connections).toBeLessThanOrEqual(cap);
  });

  it('takes from DescribeVpcEndpointServices whether an interface endpoint can have private DNS', async () => {
    const privateDnsFindings = async (serviceHasDnsName: boolean) => {
      const account = twoRegionAccount();
      const region = account.regions['us-east-1']!;
      region.vpcEndpoints![0]!.privateDnsEnabled = 'false';
      if (!serviceHasDnsName) delete region.endpointServices![0]!.privateDnsName;
      const f = await start({ accounts: [account] });
      const inv = await scanFake(f, { regions: ['us-east-1'] });
      await f.close();
      fake = undefined;
      const ep = inv.vpcEndpoints.get('vpce-0aa1bb2cc3dd4ee55')!;
      return { supported: ep.privateDnsSupported, findings: scan(inv).findings.filter((x) => x.ruleId === 'interface-endpoint-private-dns-disabled').length };
    };
    expect(await privateDnsFindings(true)).toEqual({ supported: true, findings: 1 });
    // A service without a private DNS name (as DynamoDB's interface endpoints): private DNS cannot be turned on, so nothing to report.
    expect(await privateDnsFindings(false)).toEqual({ supported: false, findings: 0 });
  });

  it('says once that a region is not enabled, and scans the others', async () => {
    const f = await start();
    const inv = await scanFake(f, { regions: ['ap-southeast-4', 'eu-west-1'] });
    const failures = inv.diagnostics.filter(isReadFailure);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ code: 'aws-region-disabled' });
    expect(failures[0]!.message).toContain('OptInRequired');
    expect(f.calls.filter((c) => c.service === 'ec2' && c.region === 'ap-southeast-4')).toHaveLength(1);
    expect(inv.routeTables.size).toBe(5);
    expect([...inv.closedWorld]).toEqual([`${ACCOUNT}/eu-west-1`]);
  });

  it('turns a call that never answers into a timeout diagnostic', async () => {
    const f = await start({ faults: [{ kind: 'hang', action: 'DescribeNatGateways', ms: 2_000 }] });
    const inv = await scanFake(f, { requestTimeoutMs: 300, maxAttempts: 1 });
    const failures = inv.diagnostics.filter(isReadFailure);
    expect(failures.map((d) => d.code)).toEqual(['aws-timeout']);
    expect(failures[0]!.message).toContain('ec2:DescribeNatGateways');
    expect(inv.natGateways.size).toBe(0);
    // The routes still say a NAT is the target: the rule judges them, naming the NAT by id.
    expect(inv.routeTables.get(PRIVATE[2]!)!.routes.find((r) => r.destination.value === '0.0.0.0/0')!.target).toEqual({ kind: 'nat', id: 'nat-0c3d4e5f607182930' });
  });

  it('keeps a routed endpoint it could not read as an unknown node, so its tables are not judged as having no endpoint', async () => {
    const f = await start({ faults: [{ kind: 'deny', action: 'DescribeVpcEndpoints' }] });
    const inv = await scanFake(f);
    expect(inv.diagnostics.filter(isReadFailure).map((d) => d.code)).toEqual(['aws-access-denied']);
    const ep = inv.vpcEndpoints.get(S3_ENDPOINT)!;
    expect(isUnknown(ep.serviceName)).toBe(true);
    expect(ep.policy.kind).toBe('unknown');
    const s3 = scan(inv).findings.filter((x) => x.ruleId === 's3-via-nat').map((x) => x.primary.key);
    // Table c has no endpoint route at all; tables a and b route to the unread endpoint: not evaluated, not flagged.
    expect(s3).toEqual([PRIVATE[2]]);
  });

  it('reads IAM once per account: principals, inline and customer-managed policies, documents URL-decoded', async () => {
    const f = await start({ accounts: [twoRegionAccount()] });
    const inv = await scanFake(f, { regions: ['eu-west-1', 'us-east-1'] });
    expect(callsOf(f, 'GetAccountAuthorizationDetails')).toHaveLength(1);
    const role = inv.iamPrincipals.get(`arn:aws:iam::${ACCOUNT}:role/app-server`)!;
    expect(role).toMatchObject({ principalKind: 'iam-role', name: 'app-server', ref: { kind: 'iam-role', id: 'AROAEXAMPLEAPPSERVER', account: ACCOUNT }, tags: { Name: 'app server role' } });
    const inline = inv.iamPolicies.get(`arn:aws:iam::${ACCOUNT}:role/app-server#inline-policy/data-lake-access`)!;
    expect(inline.attachedTo).toEqual({ keys: [`arn:aws:iam::${ACCOUNT}:role/app-server`], external: [] });
    expect(inline.policy.kind === 'document' && JSON.parse(inline.policy.text).Statement[0].Condition.StringEquals['aws:SourceVpce']).toBe(S3_ENDPOINT);
    const managed = inv.iamPolicies.get(`arn:aws:iam::${ACCOUNT}:policy/vpcelint-scan`)!;
    expect(managed.attachedTo.keys).toEqual([`arn:aws:iam::${ACCOUNT}:role/app-server`, `arn:aws:iam::${ACCOUNT}:user/auditor`]);
    // The default version, not the newest listed first or the oldest.
    expect(managed.policy.kind === 'document' && managed.policy.text).toContain('aws:SourceIp');
    expect(inv.iamPolicies.has('arn:aws:iam::aws:policy/ReadOnlyAccess')).toBe(false);
  });

  it('asks each bucket its region when ListBuckets does not give it', async () => {
    const f = await start({ accounts: [twoRegionAccount()], omitBucketRegion: true });
    const inv = await scanFake(f, { regions: ['eu-west-1', 'us-east-1'] });
    expect(callsOf(f, 'GetBucketLocation')).toHaveLength(3);
    expect(inv.buckets.get('arn:aws:s3:::audit-logs-us')!.ref.region).toBe('us-east-1');
    expect(inv.diagnostics).toEqual([]);
  });
});
