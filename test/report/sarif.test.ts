import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { collectPlanFile } from '../../src/collect/terraform/index.js';
import { InputError } from '../../src/errors.js';
import { Inventory } from '../../src/model/inventory.js';
import { FINGERPRINT_KEY, renderSarif } from '../../src/report/sarif.js';
import { FIXTURES, fixtureNames, planPath, REALWORLD } from '../helpers/fixtures.js';
import { defaultRoute, InventoryBuilder } from '../helpers/inventory-builder.js';
import { startFakeAws, type FakeAws } from '../aws/fake-aws/server.js';
import { loadAccount, scanFake } from '../aws/helpers.js';
import { sarifOf, sarifValidator, scanPipeline, scanPlan } from './pipeline.js';

/** Every fixture, and every real-world plan the collector accepts: the SARIF must pass the schema and GitHub's rules. */
function plansToCheck(): string[] {
  const realworld = readdirSync(join(REALWORLD, 'tfplan')).map((f) => join(REALWORLD, 'tfplan', f));
  const readable = realworld.filter((p) => {
    try {
      collectPlanFile(p);
      return true;
    } catch (err) {
      if (err instanceof InputError) return false;
      throw err;
    }
  });
  return [...fixtureNames().map(planPath), ...readable];
}

/** GitHub code scanning's rules for an upload, beyond the schema. */
function expectGitHubAcceptable(log: Sarif.Log): void {
  expect(log.runs).toHaveLength(1);
  const run = log.runs[0]!;
  expect(run.automationDetails?.id).toMatch(/^vpcelint\/.+\/$/);
  const rules = run.tool.driver.rules ?? [];
  for (const rule of rules) {
    expect(rule.shortDescription!.text.length).toBeLessThanOrEqual(1024);
    expect(rule.fullDescription!.text.length).toBeLessThanOrEqual(1024);
    expect(rule.help!.text.length).toBeGreaterThan(0);
    expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
    expect((rule.properties!.tags as string[]).length).toBeLessThanOrEqual(20);
    expect(rule.properties!['security-severity']).toMatch(/^\d+\.\d$/);
    expect(['very-high', 'high', 'medium', 'low']).toContain(rule.properties!.precision);
    expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration!.level);
  }
  for (const result of run.results ?? []) {
    expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
    expect(result.partialFingerprints?.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}$/);
    expect(result.partialFingerprints?.[FINGERPRINT_KEY]).toBe(result.partialFingerprints?.primaryLocationLineHash);
    for (const loc of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
      // GitHub rejects the whole upload when one result lacks a file.
      expect(loc.physicalLocation?.artifactLocation?.uri, JSON.stringify(loc)).toBeTruthy();
      expect(loc.physicalLocation?.region?.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.logicalLocations?.[0]?.fullyQualifiedName).toBeTruthy();
    }
    expect(result.locations).toHaveLength(1);
  }
}

describe('SARIF of every plan is valid and acceptable to GitHub', () => {
  const validate = sarifValidator();
  for (const plan of plansToCheck()) {
    it(plan.replace(/.*\/fixtures\//, ''), async () => {
      const log = sarifOf(await scanPlan(plan));
      const ok = validate(log);
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
      expect(ok).toBe(true);
      expectGitHubAcceptable(log);
    });
  }

  it('the validator is not a rubber stamp', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    const bad = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b"c' } } }] }] }] };
    expect(validate(bad)).toBe(false);
  });
});

describe('characters', () => {
  it('are ASCII in the log of a plan that is, rule texts, clipped texts and all', async () => {
    // One character above Latin-1 would make V8 hold the whole log at two bytes a character (sarif.ts, clip).
    for (const name of fixtureNames()) {
      const text = renderSarif(await scanPlan(planPath(name)), {});
      if (!/^[\x00-\x7f]*$/.test(readFileSync(planPath(name), 'utf8'))) continue;
      expect(text.match(/[^\x00-\x7f]/g) ?? [], name).toEqual([]);
    }
  });
});

describe('rule descriptors', () => {
  it('list every enabled rule with GitHub fields, texts clipped to 1024 characters', async () => {
    const log = sarifOf(await scanPlan(planPath('example')));
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(allRules.map((r) => r.meta.id));
    for (const [i, meta] of allRules.map((r) => r.meta).entries()) {
      const rule = rules[i]!;
      expect(rule.shortDescription!.text).toBe(meta.title.length <= 1024 ? meta.title : rule.shortDescription!.text);
      if (meta.description.length > 1024) expect(rule.fullDescription!.text.endsWith('...')).toBe(true);
      else expect(rule.fullDescription!.text).toBe(meta.description);
      expect(rule.help!.markdown).toContain(meta.fix);
      expect(rule.help!.markdown).toContain(`vpcelint:ignore ${meta.id}`);
      expect(rule.defaultConfiguration!.level).toBe(meta.severity);
    }
  });

  it('security-severity follows the configured level: a rule raised to error scores high', async () => {
    const inv = collectPlanFile(planPath('example'));
    const { emptyConfig } = await import('../../src/config/load.js');
    const config = { ...emptyConfig(), ruleSettings: { 's3-via-nat': { severity: 'error' as const } } };
    const rule = sarifOf(await scanPipeline(inv, { config })).runs[0]!.tool.driver.rules!.find((r) => r.id === 's3-via-nat')!;
    expect(rule.defaultConfiguration!.level).toBe('error');
    expect(Number(rule.properties!['security-severity'])).toBeGreaterThanOrEqual(7);
  });
});

describe('live findings (no Terraform address) still give GitHub a file', () => {
  function liveInventory(): Inventory {
    const b = new InventoryBuilder('eu-west-1');
    // Live refs: id and ARN, account and region, no address.
    const live = (ref: { key: string; address?: string; id?: string; arn?: string; account?: string }, id: string, arn?: string) => {
      delete ref.address;
      ref.id = id;
      if (arn) ref.arn = arn;
      ref.account = '111122223333';
    };
    const vpc = b.vpc('main');
    live(vpc.ref, 'vpc-0abc');
    const pub = b.subnet(vpc, { name: 'pub' });
    live(pub.ref, 'subnet-0pub');
    const priv = b.subnet(vpc, { name: 'priv' });
    live(priv.ref, 'subnet-0priv', 'arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-0priv');
    const nat = b.nat(pub, 'nat');
    live(nat.ref, 'nat-0123');
    const table = b.routeTable(vpc, { name: 'private', routes: [defaultRoute(nat)], subnets: [priv] });
    live(table.ref, 'rtb-0123', 'arn:aws:ec2:eu-west-1:111122223333:route-table/rtb-0123');
    const inv = b.inv;
    (inv as { source: unknown }).source = { kind: 'aws', accounts: ['111122223333'], regions: ['eu-west-1'] };
    return inv;
  }

  it('a stable pseudo-path aws/<account>/<region>/<type>/<id> and the ARN as logical location', async () => {
    const report = await scanPipeline(liveInventory());
    expect(report.findings.length).toBeGreaterThan(0);
    const log = sarifOf(report);
    expect(sarifValidator()(log)).toBe(true);
    expectGitHubAcceptable(log);
    const run = log.runs[0]!;
    expect(run.automationDetails!.id).toBe('vpcelint/aws:111122223333:eu-west-1/');
    const s3 = run.results!.find((r) => r.ruleId === 's3-via-nat')!;
    const loc = s3.locations![0]!;
    expect(loc.physicalLocation!.artifactLocation!.uri).toBe('aws/111122223333/eu-west-1/aws_route_table/rtb-0123');
    expect(loc.physicalLocation!.artifactLocation!.uriBaseId).toBeUndefined();
    expect(loc.logicalLocations![0]).toMatchObject({
      fullyQualifiedName: 'arn:aws:ec2:eu-west-1:111122223333:route-table/rtb-0123',
      properties: { account: '111122223333', region: 'eu-west-1' },
    });
  });

  it('the fingerprint comes from account, region, ARN and rule: the same across audits, different in another account', async () => {
    const fp = async (account: string) => {
      const inv = liveInventory();
      for (const table of inv.routeTables.values()) table.ref.account = account;
      const log = sarifOf(await scanPipeline(inv));
      return log.runs[0]!.results!.find((r) => r.ruleId === 's3-via-nat')!.partialFingerprints![FINGERPRINT_KEY];
    };
    expect(await fp('111122223333')).toBe(await fp('111122223333'));
    expect(await fp('111122223333')).not.toBe(await fp('444455556666'));
  });

  it('the category names what was asked for: an organization or all regions, not the accounts and regions found', async () => {
    const category = async (source: object) => {
      const inv = liveInventory();
      (inv as { source: unknown }).source = { kind: 'aws', ...source };
      return sarifOf(await scanPipeline(inv)).runs[0]!.automationDetails!.id;
    };
    expect(await category({ accounts: ['111122223333'], regions: ['eu-west-1', 'us-east-1'] })).toBe('vpcelint/aws:111122223333:eu-west-1,us-east-1/');
    // A new member account or a newly enabled region keeps the category, so code scanning closes the old alerts.
    const org = { organization: 'o-exampleorgid', allRegions: true };
    const before = await category({ ...org, accounts: ['111122223333', '444455556666'], regions: ['eu-west-1'] });
    expect(before).toBe('vpcelint/aws:org:o-exampleorgid:all-regions/');
    expect(await category({ ...org, accounts: ['111122223333', '444455556666', '777788889999'], regions: ['eu-west-1', 'eu-north-1'] })).toBe(before);
    expect(await category({ accounts: ['111122223333'], regions: ['eu-west-1', 'us-east-1'], allRegions: true })).toBe('vpcelint/aws:111122223333:all-regions/');
  });
});

/** Every recorded account under fixtures/live-<name>/, scanned through the fake AWS endpoint. */
const liveAccounts = readdirSync(FIXTURES).filter((d) => d.startsWith('live-') && existsSync(join(FIXTURES, d, 'account.json'))).map((d) => d.slice('live-'.length));

describe.each(liveAccounts)('a live scan of fixtures/live-%s (fake AWS): every result has a file', (name) => {
  let fake: FakeAws;
  beforeAll(async () => {
    fake = await startFakeAws({ accounts: [loadAccount(name)] });
  });
  afterAll(() => fake.close());

  it('valid SARIF whose results and related locations all carry aws/<account>/<region>/<type>/<id>', async () => {
    const report = await scanPipeline(await scanFake(fake));
    const log = sarifOf(report);
    expect(sarifValidator()(log)).toBe(true);
    expectGitHubAcceptable(log);
    const results = log.runs[0]!.results!;
    expect(results.length).toBe(report.findings.length + report.suppressed.length);
    for (const r of results) {
      for (const loc of [...r.locations!, ...(r.relatedLocations ?? [])]) {
        expect(loc.physicalLocation!.artifactLocation!.uri).toMatch(/^aws\/\d{12}\/[a-z]+-[a-z]+-\d\/aws_[a-z0-9_]+\/[^/]+$/);
      }
    }
  });
});
