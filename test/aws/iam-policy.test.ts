import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { isReadFailure } from '../../src/collect/aws/failures.js';
import { twoRegionAccount } from './fake-aws/accounts.js';
import { generateAccount } from './fake-aws/generate.js';
import { startFakeAws, type FakeAws } from './fake-aws/server.js';
import { scanFake } from './helpers.js';

const MANAGEMENT = '111122223333';
const MEMBER = '444455556666';
const LOCKED = '777788889999';

/** Every action docs/iam-policy.json allows. */
function policyActions(): Set<string> {
  const policy = JSON.parse(readFileSync(join(ROOT, 'docs/iam-policy.json'), 'utf8')) as { Statement: { Effect: string; Action: string[] }[] };
  return new Set(policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => s.Action));
}

/** S3 operations whose IAM action has another name (Service Authorization Reference). */
const S3_ACTION: Record<string, string> = { ListBuckets: 'ListAllMyBuckets', GetPublicAccessBlock: 'GetBucketPublicAccessBlock' };
const SERVICE_OF_PACKAGE: Record<string, string> = { 'client-ec2': 'ec2', 'client-s3': 's3', 'client-iam': 'iam', 'client-sts': 'sts', 'client-organizations': 'organizations' };

/** The API operations the collector's code can call: every Command class and paginator it imports, by SDK package. */
function staticActions(): Set<string> {
  const dir = join(ROOT, 'src/collect/aws');
  const out = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@aws-sdk\/(client-[a-z0-9]+)'/g)) {
      const service = SERVICE_OF_PACKAGE[m[2]!];
      if (!service) throw new Error(`${file}: unexpected SDK package ${m[2]}`);
      for (const name of m[1]!.split(',').map((s) => s.trim().replace(/^type\s+/, ''))) {
        const op = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1];
        if (op) out.add(`${service}:${service === 's3' ? S3_ACTION[op] ?? op : op}`);
      }
    }
    // Assumed roles go through the credential provider, which calls sts:AssumeRole.
    if (/fromTemporaryCredentials\(/.test(text)) out.add('sts:AssumeRole');
  }
  return out;
}

describe('docs/iam-policy.json is what the scanner needs, no more', () => {
  let fake: FakeAws;
  beforeAll(async () => {
    const management = twoRegionAccount();
    management.organizationAccounts = [MANAGEMENT, MEMBER, LOCKED];
    const member = generateAccount({ accountId: MEMBER, regions: ['eu-west-1', 'us-east-1'], vpcs: 2, subnets: 8, buckets: 4 });
    member.auditRoleName = 'vpcelint-audit';
    const locked = generateAccount({ accountId: LOCKED, regions: ['eu-west-1'], vpcs: 1, subnets: 2, buckets: 1 });
    locked.auditRoleName = 'someone-elses-role';
    fake = await startFakeAws({ accounts: [management, member, locked], omitBucketRegion: true });
    // Every code path that calls AWS: all regions, the organization's accounts through the audit role, buckets located one by one.
    const inv = await scanFake(fake, { regions: undefined, allRegions: true, accountsFromOrg: true, orgRoleName: 'vpcelint-audit' });
    expect(inv.source).toEqual({ kind: 'aws', accounts: [MANAGEMENT, MEMBER, LOCKED], regions: ['eu-west-1', 'us-east-1', 'us-west-2'], organization: 'o-exampleorgid', allRegions: true });
    expect(inv.vpcs.size).toBe(4);
    const failures = inv.diagnostics.filter(isReadFailure);
    expect(failures.map((d) => d.code)).toEqual(['aws-access-denied']);
    expect(failures[0]!.message).toContain(`account ${LOCKED} through role vpcelint-audit (sts:AssumeRole`);
    expect([...inv.closedWorld].sort()).toEqual([`${MANAGEMENT}/eu-west-1`, `${MANAGEMENT}/us-east-1`, `${MANAGEMENT}/us-west-2`, `${MEMBER}/eu-west-1`, `${MEMBER}/us-east-1`]);
  });
  afterAll(() => fake.close());

  it('allows every action the scanner called on the fake endpoint', () => {
    const allowed = policyActions();
    const called = new Set(fake.calls.map((c) => c.iamAction));
    expect(called.size).toBeGreaterThan(15);
    expect([...called].filter((a) => !allowed.has(a))).toEqual([]);
  });

  it('allows every API operation the collector code can call, and nothing it never calls', () => {
    const allowed = policyActions();
    const used = new Set([...staticActions(), ...fake.calls.map((c) => c.iamAction)]);
    expect([...used].filter((a) => !allowed.has(a)).sort()).toEqual([]);
    expect([...allowed].filter((a) => !used.has(a)).sort()).toEqual([]);
  });

  it('is read-only: no action that writes', () => {
    for (const action of policyActions()) expect(action).toMatch(/^(ec2:(Describe|Get)|s3:(Get|List)|iam:Get|sts:(GetCallerIdentity|AssumeRole)$|organizations:List)/);
  });
});
