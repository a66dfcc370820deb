import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scan } from '../../src/cli/scan.js';
import { InputError } from '../../src/errors.js';
import type { Inventory } from '../../src/model/inventory.js';
import { isUnknown, Unknown } from '../../src/model/unknown.js';
import { readSnapshot, snapshotText } from '../../src/snapshot/index.js';
import { fixtureNames, inventoryOf } from '../helpers/fixtures.js';
import { twoRegionAccount } from './fake-aws/accounts.js';
import { startFakeAws, type FakeAws } from './fake-aws/server.js';
import { scanFake } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'vpcelint-snapshot-'));
let n = 0;
function roundTrip(inv: Inventory): Inventory {
  const file = join(dir, `s${++n}.json`);
  writeFileSync(file, snapshotText(inv));
  return readSnapshot(file);
}

/** What rules and reports see: findings, diagnostics, and the inventory's contents. */
function summary(inv: Inventory) {
  const r = scan(inv);
  return {
    findings: r.findings.map((f) => [f.ruleId, f.primary.key, f.message, f.related.map((x) => x.key)]),
    diagnostics: r.diagnostics.map((d) => [d.code, d.subject?.key, d.message]),
    inventory: r.inventory,
  };
}

describe('snapshots', () => {
  let fake: FakeAws;
  let live: Inventory;
  beforeAll(async () => {
    fake = await startFakeAws({ accounts: [twoRegionAccount()], faults: [{ kind: 'deny', action: 'GetBucketTagging', bucket: 'audit-logs-us' }] });
    live = await scanFake(fake, { regions: ['eu-west-1', 'us-east-1'] });
  });
  afterAll(() => fake.close());

  it('give back a live inventory whole: nodes, refs, id index, closed world, diagnostics', () => {
    const back = roundTrip(live);
    expect(back.source).toMatchObject({ kind: 'snapshot', of: live.source });
    expect(summary(back)).toEqual(summary(live));
    expect([...back.closedWorld]).toEqual([...live.closedWorld].sort());
    expect(back.diagnostics).toEqual(live.diagnostics);
    for (const name of ['vpcs', 'subnets', 'routeTables', 'vpcEndpoints', 'securityGroups', 'prefixLists', 'buckets', 'workloads', 'networkInterfaces', 'endpointServices', 'iamPrincipals', 'iamPolicies'] as const) {
      expect(JSON.parse(JSON.stringify([...back[name]])), name).toEqual(JSON.parse(JSON.stringify([...live[name]])));
    }
    // One ref object per node, shared by everything that points at it, as in memory.
    const table = back.routeTables.get('rtb-0a9b8c7d6e5f40312')!;
    expect(table.routes[0]!.declaredBy).toBe(table.ref);
    expect(back.refById('rtb-0a9b8c7d6e5f40312')).toBe(table.ref);
    expect(back.refById('arn:aws:s3:::audit-logs-us')?.key).toBe('arn:aws:s3:::audit-logs-us');
    // An unknown comes back an Unknown, never plain data that would read as a value.
    const logs = back.buckets.get('arn:aws:s3:::audit-logs-us')!;
    expect(logs.tags).toBeUndefined();
    expect(back.diagnostics.find((d) => d.code === 'aws-access-denied')!.subject).toBe(logs.ref);
  });

  it('revive {"$unknown": reason} as Unknown, and keep data whose keys start with $ as data', () => {
    const inv = roundTrip(live);
    const vpc = inv.vpcs.get('vpc-0b1c2d3e4f5a6b7c8')!;
    vpc.enableDnsSupport = new Unknown('enableDnsSupport of vpc-0b1c2d3e4f5a6b7c8 was not read');
    vpc.tags = { $unknown: 'a tag, not a marker', $$twice: 'x', Name: 'shared-services' };
    const back = roundTrip(inv);
    const v = back.vpcs.get('vpc-0b1c2d3e4f5a6b7c8')!;
    expect(isUnknown(v.enableDnsSupport)).toBe(true);
    expect((v.enableDnsSupport as Unknown).reason).toBe('enableDnsSupport of vpc-0b1c2d3e4f5a6b7c8 was not read');
    expect(v.tags).toEqual({ $unknown: 'a tag, not a marker', $$twice: 'x', Name: 'shared-services' });
  });

  it('give back plan inventories too, with their unknowns, for every plan fixture', () => {
    for (const name of fixtureNames()) {
      const inv = inventoryOf(name);
      const back = roundTrip(inv);
      expect(summary(back), name).toEqual(summary(inv));
    }
  });

  it('parse a large snapshot once (the plan reader\'s planned_values skipping is for plans only)', () => {
    const inv = inventoryOf('example');
    const file = join(dir, `big${++n}.json`);
    // Indented far past the size where plans are parsed member by member.
    const text = JSON.stringify(JSON.parse(snapshotText(inv)), null, 1).replaceAll('\n', `\n${' '.repeat(2000)}`);
    expect(text.length).toBeGreaterThan(1 << 20);
    writeFileSync(file, text);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const back = readSnapshot(file);
      const parsed = parse.mock.calls.reduce((sum, [arg]) => sum + (typeof arg === 'string' ? arg.length : 0), 0);
      expect(parsed).toBeLessThan(text.length * 1.1);
      expect(summary(back)).toEqual(summary(inv));
    } finally {
      parse.mockRestore();
    }
  });

  it('refuse what is not a snapshot, with the file and the place', () => {
    const bad: [string, RegExp][] = [
      ['', /the file is empty/],
      ['{"format":"vpcelint-inventory-snapshot","version":1,', /not valid JSON/],
      ['{"format":"something-else"}', /not a vpcelint snapshot/],
      ['{"format":"vpcelint-inventory-snapshot","version":1,"source":{"kind":"aws"},"closedWorld":[],"refs":[{"key":"a"}],"ids":[],"nodes":{},"diagnostics":[]}', /not a valid snapshot at \$\.refs\[0\]: must have required property 'kind'/],
      ['{"format":"vpcelint-inventory-snapshot","version":1,"source":{"kind":"aws"},"closedWorld":[],"refs":[],"ids":[],"nodes":{"teleporters":[]},"diagnostics":[]}', /"teleporters" is not a kind of node this version of vpcelint knows/],
      ['{"format":"vpcelint-inventory-snapshot","version":1,"source":{"kind":"aws"},"closedWorld":[],"refs":[{"key":"vpc-1","kind":"vpc"}],"ids":[],"nodes":{"vpcs":[["vpc-1",{"ref":{"$ref":"vpc-1"},"enableDnsSupport":{"$unknown":7}}]]},"diagnostics":[]}', /\$\.nodes\.vpcs\[0\]\[1\]\.enableDnsSupport: "\$unknown" must hold the reason/],
    ];
    for (const [text, message] of bad) {
      const file = join(dir, `bad${++n}.json`);
      writeFileSync(file, text);
      expect(() => readSnapshot(file), text).toThrow(InputError);
      expect(() => readSnapshot(file), text).toThrow(message);
    }
  });
});
