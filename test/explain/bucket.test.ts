import { describe, expect, it } from 'vitest';
import { explainBucket, type BucketExplanation, type RequestCheck } from '../../src/explain/bucket.js';
import { policyEvaluator } from '../../src/explain/evaluator.js';
import { NO_EVALUATOR, type PolicyEvaluator } from '../../src/explain/policy-step.js';
import { renderBucketText } from '../../src/explain/render-text.js';
import { join } from 'node:path';
import { FIXTURES, inventoryOf, inventoryWithSources } from '../helpers/fixtures.js';
import { defaultRoute, InventoryBuilder } from '../helpers/inventory-builder.js';

const outcomes = (checks: RequestCheck[]) => Object.fromEntries(checks.map((c) => [c.action, c.outcome]));
const subnetsOf = (e: BucketExplanation, which: 'privatePaths' | 'publicPaths' | 'otherPaths') => e[which].map((p) => p.subnets.map((s) => s.key));

/** Two private subnets (one through the S3 gateway endpoint, one through the NAT) and a public one, in account 111122223333. */
function network(options: { endpointPolicy?: string; bucketPolicy?: string; bucketRegion?: string } = {}) {
  const b = new InventoryBuilder('eu-west-1');
  const vpc = b.vpc('main');
  vpc.ref.id = 'vpc-0aaa';
  const pub = b.subnet(vpc, { name: 'public' });
  const app = b.subnet(vpc, { name: 'app' });
  const batch = b.subnet(vpc, { name: 'batch' });
  const igw = b.igw(vpc, 'igw');
  b.routeTable(vpc, { name: 'public', routes: [defaultRoute(igw, 'igw')], subnets: [pub] });
  const nat = b.nat(pub, 'nat');
  const appTable = b.routeTable(vpc, { name: 'app', routes: [defaultRoute(nat)], subnets: [app] });
  b.routeTable(vpc, { name: 'batch', routes: [defaultRoute(nat)], subnets: [batch] });
  const ep = b.endpoint(vpc, 's3', { name: 's3', routeTables: [appTable], ...(options.endpointPolicy ? { policyText: options.endpointPolicy } : {}) });
  ep.ref.id = 'vpce-0123';
  const bucket = b.bucket('acme-data', options.bucketPolicy);
  bucket.ref.account = '111122223333';
  if (options.bucketRegion) bucket.ref.region = options.bucketRegion;
  return b.inv;
}

const denyOutsideEndpoint = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyOutsideEndpoint',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-data/*'],
      Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-0123' } },
    },
  ],
});

describe('explain --bucket', () => {
  it('splits the subnets into private paths (by endpoint) and paths through the NAT or the internet', () => {
    const e = explainBucket(network(), 'acme-data', policyEvaluator(network()));
    expect(e.bucket?.key).toBe('aws_s3_bucket.acme_data');
    expect(subnetsOf(e, 'privatePaths')).toEqual([['aws_subnet.app']]);
    expect(e.privatePaths[0]!.endpoint?.key).toBe('aws_vpc_endpoint.s3');
    expect(subnetsOf(e, 'publicPaths')).toEqual([['aws_subnet.batch'], ['aws_subnet.public']]);
    expect(e.publicPaths.map((p) => p.path.class)).toEqual(['nat', 'internet']);
    // No endpoint policy (AWS default: allow) and no bucket policy: the caller's identity policies decide, on every path.
    for (const p of [...e.privatePaths, ...e.publicPaths]) expect(new Set(p.checks.map((c) => c.outcome))).toEqual(new Set(['identity-policies-decide']));
  });

  it('lists the subnets of a path in natural order: priv[2] before priv[10]', () => {
    const b = new InventoryBuilder('eu-west-1');
    const vpc = b.vpc('main');
    const subnets = [10, 2, 1, 100].map((i) => b.subnet(vpc, { name: `priv[${i}]` }));
    const table = b.routeTable(vpc, { name: 'priv', subnets });
    b.endpoint(vpc, 's3', { name: 's3', routeTables: [table] });
    b.bucket('acme-data');
    expect(subnetsOf(explainBucket(b.inv, 'acme-data'), 'privatePaths')).toEqual([['aws_subnet.priv[1]', 'aws_subnet.priv[2]', 'aws_subnet.priv[10]', 'aws_subnet.priv[100]']]);
  });

  it('a bucket policy that denies everything not coming through the endpoint: the statement that decides, path by path', () => {
    const inv = network({ bucketPolicy: denyOutsideEndpoint });
    const e = explainBucket(inv, 'acme-data', policyEvaluator(inv));
    expect(outcomes(e.privatePaths[0]!.checks)).toEqual({ 's3:GetObject': 'identity-policies-decide', 's3:PutObject': 'identity-policies-decide', 's3:ListBucket': 'identity-policies-decide' });
    for (const p of e.publicPaths) {
      for (const c of p.checks) {
        expect(c.outcome).toBe('denied-by-bucket');
        expect(c.decidedBy).toBe('bucket policy of aws_s3_bucket.acme_data, statement "DenyOutsideEndpoint"');
      }
    }
    expect(renderBucketText(e)).toContain('s3:GetObject, s3:PutObject, s3:ListBucket: denied by the bucket policy (bucket policy of aws_s3_bucket.acme_data, statement "DenyOutsideEndpoint")');
  });

  it('an endpoint policy that admits other buckets only blocks the request before the bucket policy', () => {
    const endpointPolicy = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::other-bucket/*' }] });
    const inv = network({ endpointPolicy, bucketPolicy: denyOutsideEndpoint });
    const e = explainBucket(inv, 'acme-data', policyEvaluator(inv));
    const check = e.privatePaths[0]!.checks[0]!;
    expect(check.outcome).toBe('blocked-by-endpoint');
    expect(check.endpoint?.verdict).toMatchObject({ decision: 'no-match' });
  });

  it('an Allow only through the endpoint, for one principal: allowed there with its statement, identity policies decide elsewhere; who the caller is matters', () => {
    const bucketPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'AppRoleViaEndpoint', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0123' } } }],
    });
    const inv = network({ bucketPolicy });
    const e = explainBucket(inv, 'acme-data', policyEvaluator(inv));
    const get = e.privatePaths[0]!.checks.find((c) => c.action === 's3:GetObject')!;
    expect(get.outcome).toBe('depends');
    expect(get.bucket.verdict!.because).toMatch(/^depends on who the caller is; e\.g\. /);
    expect(get.bucket.verdict!.because).toContain('arn:aws:iam::111122223333:role/app: statement "AppRoleViaEndpoint" (Allow)');
    expect(e.privatePaths[0]!.checks.find((c) => c.action === 's3:PutObject')!.outcome).toBe('identity-policies-decide');
    expect(e.publicPaths[0]!.checks.find((c) => c.action === 's3:GetObject')!.outcome).toBe('identity-policies-decide');
  });

  it('a policy that cannot be read, or is unknown, is not evaluated, and says why', () => {
    let inv = network({ bucketPolicy: '{"Statement": [{"Effect": "Perhaps"}]}' });
    let check = explainBucket(inv, 'acme-data', policyEvaluator(inv)).publicPaths[0]!.checks[0]!;
    expect(check.outcome).toBe('not-evaluated');
    expect(check.bucket.verdict!.because).toMatch(/^the policy of aws_s3_bucket.acme_data does not parse/);

    inv = network();
    const bucket = [...inv.buckets.values()][0]!;
    bucket.policy = { kind: 'unknown', reason: 'built from aws_vpc_endpoint.s3, known only after apply', holder: bucket.ref, attribute: 'policy' };
    check = explainBucket(inv, 'acme-data', policyEvaluator(inv)).privatePaths[0]!.checks[0]!;
    expect(check.outcome).toBe('not-evaluated');
    expect(check.bucket.verdict!.because).toBe('the bucket policy of aws_s3_bucket.acme_data is unknown (built from aws_vpc_endpoint.s3, known only after apply)');
  });

  it('an endpoint id known only after apply: matched through the placeholder the plan put in the policy, else not evaluated', () => {
    const inv = network({ bucketPolicy: denyOutsideEndpoint.replace('vpce-0123', '<known after apply: aws_vpc_endpoint.s3.id>') });
    const ep = inv.vpcEndpoints.get('aws_vpc_endpoint.s3')!;
    delete ep.ref.id;
    const bucket = inv.buckets.get('aws_s3_bucket.acme_data')!;
    if (bucket.policy.kind !== 'document') throw new Error('fixture');
    bucket.policy.placeholders = { '<known after apply: aws_vpc_endpoint.s3.id>': ['aws_vpc_endpoint.s3'] };
    let e = explainBucket(inv, 'acme-data', policyEvaluator(inv));
    expect(e.privatePaths[0]!.checks[0]!.outcome).toBe('identity-policies-decide');
    expect(e.publicPaths[0]!.checks[0]!.outcome).toBe('denied-by-bucket');

    bucket.policy.placeholders = {};
    e = explainBucket(inv, 'acme-data', policyEvaluator(inv));
    expect(e.privatePaths[0]!.checks[0]!.outcome).toBe('not-evaluated');
    expect(e.privatePaths[0]!.checks[0]!.bucket.verdict!.because).toMatch(/the id of aws_vpc_endpoint.s3 is known only after apply and the policy does not reference it/);
  });

  it('a bucket in another region is not reached through the gateway endpoint', () => {
    const e = explainBucket(network({ bucketRegion: 'us-east-1' }), 'acme-data');
    expect(e.privatePaths).toEqual([]);
    expect(subnetsOf(e, 'publicPaths')[0]).toEqual(['aws_subnet.app']);
    expect(e.publicPaths[0]!.path.hops[0]!.notes).toContain('gateway endpoint aws_vpc_endpoint.s3 serves eu-west-1 only; the bucket is in us-east-1');
  });

  it('a bucket outside the inventory: the paths still, its policy unknown', () => {
    const e = explainBucket(network(), 'someone-elses-bucket', policyEvaluator(network()));
    expect(e.bucket).toBeUndefined();
    expect(e.privatePaths[0]!.checks[0]!.outcome).toBe('not-evaluated');
    expect(renderBucketText(e)).toContain('(not in the scanned inventory: its policy is unknown)');
  });

  it('the evaluator is pluggable; without one, documents are "policy not evaluated"', () => {
    const inv = network({ bucketPolicy: denyOutsideEndpoint });
    const fake: PolicyEvaluator = { evaluate: (_doc, role) => (role === 'bucket' ? { decision: 'deny', statement: '#7', because: 'the fake says so' } : { decision: 'allow', because: 'ok' }) };
    const check = explainBucket(inv, 'acme-data', fake).privatePaths[0]!.checks[0]!;
    expect(check).toMatchObject({ outcome: 'denied-by-bucket', decidedBy: 'bucket policy of aws_s3_bucket.acme_data, statement #7' });
    const none = explainBucket(inv, 'acme-data', NO_EVALUATOR).publicPaths[0]!.checks[0]!;
    expect(none.outcome).toBe('not-evaluated');
    expect(none.bucket.verdict!.because).toBe('policy not evaluated: this build of vpcelint has no policy evaluator');
  });
});

describe('explain --bucket on a plan (fixture explain-bucket)', () => {
  it('reads the bucket policy rebuilt from data.aws_iam_policy_document, with the endpoint id linked through the plan', () => {
    const inv = inventoryOf('explain-bucket');
    const e = explainBucket(inv, 'acme-reports', policyEvaluator(inv));
    expect(subnetsOf(e, 'privatePaths')).toEqual([['aws_subnet.app[0]', 'aws_subnet.app[1]']]);
    expect(subnetsOf(e, 'publicPaths')).toEqual([['aws_subnet.batch'], ['aws_subnet.public']]);
    const privately = e.privatePaths[0]!.checks;
    expect(privately.map((c) => c.endpoint?.verdict)).toEqual(privately.map(() => ({ decision: 'allow', statement: '"OnlyTheReportsBucket"', because: 'an Allow in the endpoint policy matches' })));
    expect(new Set(privately.map((c) => c.outcome))).toEqual(new Set(['identity-policies-decide']));
    // Outside the endpoint, only the admin role escapes the Deny: the answer depends on the caller.
    for (const p of e.publicPaths) {
      for (const c of p.checks) {
        expect(c.outcome).toBe('depends');
        expect(c.bucket.verdict!.because).toContain('statement "OnlyThroughTheEndpoint" (Deny)');
        expect(c.bucket.verdict!.because).toContain('arn:aws:iam::111122223333:role/reports-admin: no statement');
      }
    }
  });

  it('a bucket named only after apply (bucket_prefix, fixture explain-bucket-prefix): the same answers from the .tf source', async () => {
    const inv = await inventoryWithSources(join(FIXTURES, 'explain-bucket-prefix'));
    const e = explainBucket(inv, 'aws_s3_bucket.reports', policyEvaluator(inv));
    const privately = e.privatePaths[0]!.checks;
    expect(privately.map((c) => c.endpoint?.verdict?.decision)).toEqual(['allow', 'allow', 'allow']);
    expect(new Set(privately.map((c) => c.outcome))).toEqual(new Set(['identity-policies-decide']));
    for (const p of e.publicPaths) for (const c of p.checks) expect(c.outcome).toBe('depends');
  });

  it('the plan alone: a Resource built from the bucket\'s ARN may be the bucket or its objects, so the bucket policy is not evaluated', () => {
    const inv = inventoryOf('explain-bucket-prefix');
    const e = explainBucket(inv, 'aws_s3_bucket.reports', policyEvaluator(inv));
    for (const p of e.publicPaths) {
      for (const c of p.checks) {
        expect(c.outcome).toBe('not-evaluated');
        expect(c.bucket.verdict!.because).toBe('the plan records only that a Resource of the bucket policy is built from aws_s3_bucket.reports.arn, known only after apply, not whether it names the bucket or its objects; the .tf files beside the plan say which');
      }
    }
  });

  it('matches the endpoint VPC id of a policy that names it through the endpoint (aws_vpc_endpoint.s3.vpc_id)', async () => {
    // With the .tf source: the plan alone does not say whether the Deny's Resource is the bucket or its objects.
    const inv = await inventoryWithSources(join(FIXTURES, 'placeholder-attributes'));
    const e = explainBucket(inv, 'acme-placeholder-attributes-data', policyEvaluator(inv));
    expect(subnetsOf(e, 'privatePaths')).toEqual([['aws_subnet.app']]);
    const checks = e.privatePaths[0]!.checks;
    expect(checks.length).toBeGreaterThan(0);
    // The Deny outside the VPC does not apply within it: the VPC's id stands in for aws:SourceVpc.
    for (const c of checks) {
      expect(c.outcome).toBe('identity-policies-decide');
      expect(c.bucket.verdict).toMatchObject({ decision: 'no-match' });
    }
  });

  it('in GovCloud (fixture partition-govcloud): the requests are on arn:aws-us-gov:s3:::, as the policies there name them', async () => {
    const inv = await inventoryWithSources(join(FIXTURES, 'partition-govcloud'));
    const e = explainBucket(inv, 'gov-fenced', policyEvaluator(inv));
    const privately = e.privatePaths[0]!.checks;
    expect(privately.map((c) => c.endpoint?.verdict)).toEqual(privately.map(() => ({ decision: 'allow', statement: '#1', because: 'an Allow in the endpoint policy matches' })));
    expect(new Set(privately.map((c) => c.outcome))).toEqual(new Set(['identity-policies-decide']));
    expect(subnetsOf(e, 'publicPaths')).toEqual([['aws_subnet.batch'], ['aws_subnet.public']]);
    for (const p of e.publicPaths) {
      for (const c of p.checks) {
        expect(c.outcome).toBe('depends');
        expect(c.bucket.verdict!.because).toContain('arn:aws-us-gov:iam::111122223333:role/bucket-admin: no statement');
        expect(c.bucket.verdict!.because).toContain('statement "OnlyThroughEndpoint" (Deny)');
      }
    }
  });
  it('a new VPC\'s endpoint that a fence of other new endpoints leaves out (fixture module-instances-as-values): denied but for the exempt admin', async () => {
    const inv = await inventoryWithSources(join(FIXTURES, 'module-instances-as-values'));
    const e = explainBucket(inv, 'acme-shared-reports', policyEvaluator(inv));
    const through = (key: string) => e.privatePaths.find((p) => p.endpoint?.key === key)!.checks;
    for (const c of through('module.sandbox.aws_vpc_endpoint.s3')) {
      expect(c.bucket.verdict).toMatchObject({ decision: 'depends' });
      expect(c.bucket.verdict!.because).toContain('arn:aws:iam::111122223333:role/platform-admin: no statement');
      expect(c.bucket.verdict!.because).toContain('statement "DenyOutsideCoreEndpoints" (Deny)');
      expect(c.bucket.verdict!.because).toContain('the id of module.sandbox.aws_vpc_endpoint.s3, known only after apply, is new: none of the ids the policy names');
    }
    // The fence names the core VPCs' endpoints: nobody is denied through them.
    for (const c of through('module.vpc[0].aws_vpc_endpoint.s3')) expect(c.bucket.verdict).toMatchObject({ decision: 'no-match' });
  });
});
