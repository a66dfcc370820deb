import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { parseInstanceAddress } from '../../src/collect/terraform/address.js';
import type { Ref } from '../../src/model/ref.js';
import { FIXTURES, fixtureNames, planPath, ROOT } from '../helpers/fixtures.js';
import { sarifOf, scanPlan } from '../report/pipeline.js';

const source = (file: string) => readFileSync(join(ROOT, file), 'utf8').split('\n');

/** The first line of the block a ref names, as Terraform spells it. */
function blockHeader(ref: Ref): RegExp {
  if (ref.location?.moduleCall) return new RegExp(`^module "${ref.location.moduleCall.split('.').pop()}" \\{`);
  const a = parseInstanceAddress(ref.address!)!;
  return new RegExp(`^${a.mode === 'data' ? 'data' : 'resource'} "${a.type}" "${a.name}" \\{`);
}

describe('every located resource of every fixture points at its own block', () => {
  const withSources = fixtureNames().filter((n) => readdirSync(join(FIXTURES, n)).some((f) => f.endsWith('.tf')));
  for (const name of withSources) {
    it(name, async () => {
      const report = await scanPlan(planPath(name));
      const refs = [...report.findings, ...report.suppressed].flatMap((f) => [f.primary, ...f.related]);
      for (const ref of refs.filter((r) => r.location)) {
        const lines = source(ref.location!.file);
        const line = lines[ref.location!.startLine - 1]!;
        if (line === 'removed {') {
          // A resource the configuration removes: its removed block names it.
          const a = parseInstanceAddress(ref.address!)!;
          expect(lines.slice(ref.location!.startLine, ref.location!.endLine).join('\n')).toMatch(new RegExp(`^\\s+from\\s*=\\s*${a.type}\\.${a.name}$`, 'm'));
        } else expect(line, `${ref.address} -> ${ref.location!.file}:${ref.location!.startLine}`).toMatch(blockHeader(ref));
        expect(source(ref.location!.file)[ref.location!.endLine - 1]).toMatch(/\}\s*$/);
      }
      // Every plan resource named in a finding is found in the fixture's .tf files.
      expect(report.diagnostics.filter((d) => d.code.startsWith('source-')).map((d) => d.message)).toEqual([]);
    });
  }
});

describe('fixture sourcemap-base: results on the right lines', () => {
  const primaryLine = (r: Sarif.Result) => {
    const p = r.locations![0]!.physicalLocation!;
    return { file: p.artifactLocation!.uri!, line: source(p.artifactLocation!.uri!)[p.region!.startLine! - 1]!, region: p.region!, context: p.contextRegion };
  };

  it('s3-via-nat points at the route block of the route table in the local module called with for_each', async () => {
    const log = sarifOf(await scanPlan(planPath('sourcemap-base')));
    const results = log.runs[0]!.results!.filter((r) => r.ruleId === 's3-via-nat');
    expect(results.map((r) => r.locations![0]!.logicalLocations![0]!.fullyQualifiedName).sort()).toEqual([
      'module.network["data"].aws_route_table.private["a"]',
      'module.network["data"].aws_route_table.private["b"]',
    ]);
    for (const r of results) {
      const at = primaryLine(r);
      expect(at.file).toBe('fixtures/sourcemap-base/modules/network/main.tf');
      expect(at.line).toMatch(/^\s+route \{$/);
      // The block is the real one, below the commented-out copy that a line scanner would take.
      expect(source(at.file)[at.context!.startLine! - 1]).toBe('resource "aws_route_table" "private" {');
      expect(r.locations![0]!.physicalLocation!.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      // Related: the subnet (for_each), the NAT gateway (count), the idle S3 endpoint (count, heredoc policy).
      const related = r.relatedLocations!.map((l) => source(l.physicalLocation!.artifactLocation!.uri!)[l.physicalLocation!.region!.startLine! - 1]);
      expect(related.sort()).toEqual(['resource "aws_nat_gateway" "this" {', 'resource "aws_subnet" "private" {', 'resource "aws_vpc_endpoint" "s3" {']);
    }
    expect(log.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri).toBe(`file://${ROOT.endsWith('/') ? ROOT : `${ROOT}/`}`);
  });

  it('gateway-endpoint-region-mismatch points at service_name, below a commented-out block of the same name', async () => {
    const log = sarifOf(await scanPlan(planPath('sourcemap-base')));
    const r = log.runs[0]!.results!.find((x) => x.ruleId === 'gateway-endpoint-region-mismatch')!;
    const at = primaryLine(r);
    expect(at.file).toBe('fixtures/sourcemap-base/main.tf');
    expect(at.line).toMatch(/^\s+service_name\s+= "com\.amazonaws\.us-east-1\.dynamodb"$/);
    expect(at.region.endLine).toBe(at.region.startLine);
  });

  it('the NAT path rules do not suggest associating the endpoint of another region', async () => {
    const report = await scanPlan(planPath('sourcemap-base'));
    const dynamodb = report.suppressed.filter((f) => f.ruleId === 'dynamodb-via-nat');
    expect(dynamodb.length).toBeGreaterThan(0);
    for (const f of dynamodb) {
      expect(f.message).not.toContain('aws_vpc_endpoint.dynamodb exists in this VPC');
      expect(f.related.map((r) => r.address)).not.toContain('aws_vpc_endpoint.dynamodb');
    }
  });

  it('the heredoc policy of the S3 endpoint maps to its whole heredoc', async () => {
    const report = await scanPlan(planPath('sourcemap-base'));
    const endpoint = report.findings.flatMap((f) => f.related).find((r) => r.address === 'module.network["app"].aws_vpc_endpoint.s3[0]')!;
    const policy = endpoint.location!.attributes!.policy!;
    const lines = source(endpoint.location!.file);
    expect(lines[policy.startLine - 1]).toMatch(/^\s+policy = <<-POLICY$/);
    expect(lines[policy.endLine - 1]).toMatch(/^\s+POLICY$/);
    expect(lines[endpoint.location!.endLine - 1]).toBe('}');
  });

  it('the inline comment above the route table suppresses dynamodb-via-nat for every instance, as inSource', async () => {
    const log = sarifOf(await scanPlan(planPath('sourcemap-base')));
    const suppressed = log.runs[0]!.results!.filter((r) => r.suppressions);
    expect(suppressed.map((r) => r.ruleId)).toEqual(['dynamodb-via-nat', 'dynamodb-via-nat', 'dynamodb-via-nat', 'dynamodb-via-nat']);
    for (const r of suppressed) {
      const s = r.suppressions![0]!;
      expect(s).toMatchObject({ kind: 'inSource', status: 'accepted', justification: 'no DynamoDB client runs in these subnets' });
      const where = s.location!.physicalLocation!;
      expect(source(where.artifactLocation!.uri!)[where.region!.startLine! - 1]).toContain('# vpcelint:ignore dynamodb-via-nat');
    }
    // The string that looks like a suppression comment suppresses nothing.
    expect(log.runs[0]!.results!.filter((r) => r.ruleId === 's3-via-nat' && !r.suppressions)).toHaveLength(2);
  });
});

it('the sourcemap fixtures exist (they are generated by scripts/gen-fixtures.sh)', () => {
  for (const n of ['sourcemap-base', 'sourcemap-shifted', 'sourcemap-added']) expect(existsSync(planPath(n))).toBe(true);
});
