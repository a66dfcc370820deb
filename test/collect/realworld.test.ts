import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectPlanFile } from '../../src/collect/terraform/index.js';
import { scan } from '../../src/cli/scan.js';
import { InputError } from '../../src/errors.js';
import { REALWORLD } from '../helpers/fixtures.js';

const dir = join(REALWORLD, 'tfplan');
/** Files in the collection that are not plans, and what we must say about each. */
const NOT_PLANS: Record<string, RegExp> = {
  'bankole874_vpc_setup__tfplan.jsonl_ui_stream.json': /JSON Lines stream of "terraform plan -json"/,
  'ck_plan__corrupted-tfplan.json': /this is Terraform state/,
  'tfjson_invalid__plan.json': /not valid JSON: expected the end of the document at line 676, column 29/,
};

describe('real plans from public repositories', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    it(file, () => {
      const path = join(dir, file);
      if (NOT_PLANS[file]) {
        expect(() => collectPlanFile(path)).toThrow(InputError);
        expect(() => collectPlanFile(path)).toThrow(NOT_PLANS[file]!);
        return;
      }
      const report = scan(collectPlanFile(path));
      expect(report.diagnostics.filter((d) => d.code === 'rule-crashed')).toEqual([]);
    });
  }

  it('terraform-aws-vpc with one NAT per AZ and no endpoints (TF 0.12, format 0.1): every private route table goes through its NAT', () => {
    const report = scan(collectPlanFile(join(dir, 'tc_test_issue-158__plan.out.json')));
    const s3 = report.findings.filter((f) => f.ruleId === 's3-via-nat');
    expect(s3.map((f) => f.primary.key)).toEqual([0, 1, 2].map((i) => `module.vpc.aws_route_table.private[${i}]`));
    expect(s3[1]!.related.map((r) => r.key)).toEqual(['module.vpc.aws_nat_gateway.this[1]', 'module.vpc.aws_subnet.private[1]']);
    // The public table routes to the internet gateway: never a NAT finding.
    expect(report.findings.some((f) => f.primary.key.includes('public'))).toBe(false);
  });

  it('a route table whose gateway_id is known only after apply, with no expression recorded (TF 0.12): AWS accepts a NAT gateway there, so not evaluated, never a finding', () => {
    const report = scan(collectPlanFile(join(dir, 'tc_test_issue-171__plan.out.json')));
    expect(report.findings).toEqual([]);
    expect(report.diagnostics.map((d) => `${d.code} ${d.ruleId} ${d.subject?.key}`).sort()).toEqual([
      'not-evaluated dynamodb-via-nat aws_route_table.test-pub-rtb',
      'not-evaluated s3-via-nat aws_route_table.test-pub-rtb',
    ]);
    expect(report.diagnostics[0]!.message).toContain('gateway_id is known only after apply and the plan records no expression for it, so whether it is a NAT gateway cannot be told');
  });

  it('existing subnets read by data sources whose VPC main table is not in the plan are not evaluated', () => {
    const report = scan(collectPlanFile(join(dir, 'ck_plan_with_for_each_for_enrichment__tf_plan.json')));
    expect(report.findings).toEqual([]);
    expect(report.diagnostics.some((d) => d.code === 'not-evaluated' && d.subject?.key === 'data.aws_subnet.private')).toBe(true);
  });

  it('an endpoint with no service name at all is "unknown", not "known only after apply" (checkov, a trimmed plan)', () => {
    const report = scan(collectPlanFile(join(dir, 'ck_plan_vpc_endpoint__tfplan.json')));
    const d = report.diagnostics.find((x) => x.subject?.key === 'aws_vpc_endpoint.test');
    expect(d?.message).toBe('the endpoint policy of aws_vpc_endpoint.test (service unknown) was not evaluated: its service name is unknown (aws_vpc_endpoint.test has no service name)');
  });
});
