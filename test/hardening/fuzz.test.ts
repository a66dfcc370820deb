import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectPlan } from '../../src/collect/terraform/index.js';
import { render, scan } from '../../src/cli/scan.js';
import { InputError } from '../../src/errors.js';
import { collectPlanWithSources } from '../../src/cli/plan-sources.js';
import { prepareSources } from '../../src/sourcemap/index.js';
import { REALWORLD, ROOT, fixtureNames, planPath } from '../helpers/fixtures.js';

/**
 * Property tests over plans derived from the committed fixtures. Bounded: the
 * whole file runs in well under a minute (FUZZ_RUNS raises the count locally).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const plans = fixtureNames().map((name) => ({ name, text: readFileSync(planPath(name), 'utf8') }));
// Counterexamples name the fixture; its text is looked up, so failures print short.
const texts = new Map(plans.map((p) => [p.name, p.text]));
const pick = fc.constantFrom(...plans.map((p) => p.name)).map((name) => ({ name, text: texts.get(name)! }));

function sarifOf(plan: unknown): string {
  return render(scan(collectPlan(plan as never, 'fuzz.json')), 'sarif', { color: false });
}

/** The findings and diagnostics of a scan, independent of output layout. */
function verdict(plan: unknown) {
  const report = scan(collectPlan(plan as never, 'fuzz.json'));
  return {
    findings: report.findings.map((f) => `${f.ruleId} ${f.primary.key} ${f.severity} ${f.message}`),
    diagnostics: report.diagnostics.map((d) => `${d.ruleId ?? ''} ${d.code} ${d.subject?.key ?? ''} ${d.message}`),
  };
}

function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('fuzz: plans', () => {
  it('the same input gives the same SARIF byte for byte', () => {
    fc.assert(
      fc.property(pick, ({ text }) => {
        expect(sarifOf(JSON.parse(text))).toBe(sarifOf(JSON.parse(text)));
      }),
      { numRuns: Math.min(RUNS, plans.length * 2) },
    );
  });

  it('reordering resources and configuration blocks does not change findings or diagnostics', () => {
    fc.assert(
      fc.property(pick, fc.integer({ min: 1, max: 1 << 30 }), ({ text }, seed) => {
        const plan = JSON.parse(text);
        const reordered = JSON.parse(text);
        if (Array.isArray(reordered.resource_changes)) reordered.resource_changes = shuffled(reordered.resource_changes, seed);
        const root = reordered.configuration?.root_module;
        if (Array.isArray(root?.resources)) root.resources = shuffled(root.resources, seed + 1);
        const pv = reordered.planned_values?.root_module;
        if (Array.isArray(pv?.resources)) pv.resources = shuffled(pv.resources, seed + 2);
        expect(verdict(reordered)).toEqual(verdict(plan));
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated plans never crash: a scan or an InputError, within bounds', () => {
    const anyJson = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string(), fc.constant('*'), fc.constant(true), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));
    fc.assert(
      fc.property(pick, fc.array(fc.tuple(fc.nat(), fc.nat(), anyJson, fc.constantFrom('set', 'delete', 'unknown')), { minLength: 1, maxLength: 8 }), ({ text }, mutations) => {
        const plan = JSON.parse(text);
        for (const [i, j, value, op] of mutations) mutate(plan, i, j, value, op);
        const started = Date.now();
        expectScanOrInputError(plan);
        // A hang check, not a timing assertion: generous enough for a loaded CI machine.
        expect(Date.now() - started).toBeLessThan(30_000);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('plans mutated anywhere (nested expressions and values too) never crash: a scan or an InputError', () => {
    const anyJson = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string(), fc.constant('*'), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }), fc.array(fc.constant(null), { maxLength: 2 }));
    fc.assert(
      fc.property(pick, fc.array(fc.tuple(fc.nat(), anyJson, fc.boolean()), { minLength: 1, maxLength: 6 }), ({ text }, mutations) => {
        const plan = JSON.parse(text);
        for (const [n, value, drop] of mutations) mutateDeep(plan, n, value, drop);
        expectScanOrInputError(plan);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('mutated plans beside their .tf files never crash reading policies and links from the source', async () => {
    // The fixtures whose policies and links come from their .tf files: the plan no longer matches them once mutated.
    const withSources = ['policy-jsonencode', 'policy-buckets', 'placeholder-attributes', 'installed-modules', 'policy-documents-per-instance', 'module-outputs', 'vpc-module-shapes', 'unattached-in-modules', 'policy-dynamic-statements', 'policy-templatefile', 'policy-replaced-markers', 'policy-bucket-prefix', 'explain-bucket-prefix', 'partition-govcloud', 'module-instances-as-values'].map((name) => ({ name, text: texts.get(name)! }));
    const reference = fc.constantFrom('aws_s3_bucket.data.arn', 'local.org_id', 'var.strict', 'count.index', 'aws_s3_bucket.team', 'each.value', 'each.value.policy', 'local.endpoints', 'var.endpoints', 'module.data_bucket.s3_bucket_arn', 'module.vpc.private_route_table_ids', 'module.vpc', 'local.vpc_id', 'aws_route_table.private', 'aws_vpc.this[0]', 'local.this_sg_id', 'aws_security_group.this', 'var.admin_roles', 'aws_vpc_endpoint.s3.id');
    const anyJson = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string(), fc.constant('*'), fc.array(fc.string(), { maxLength: 3 }), fc.array(reference, { maxLength: 3 }), fc.record({ references: fc.array(reference, { maxLength: 3 }) }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withSources), fc.array(fc.tuple(fc.nat(), anyJson, fc.boolean()), { minLength: 1, maxLength: 6 }), async ({ name, text }, mutations) => {
        const plan = JSON.parse(text);
        for (const [n, value, drop] of mutations) mutateDeep(plan, n, value, drop);
        const file = planPath(name);
        try {
          const inv = await collectPlanWithSources(plan, file, prepareSources({ planFile: file, cwd: ROOT }));
          const report = scan(inv);
          expect(report.diagnostics.filter((d) => d.code === 'rule-crashed')).toEqual([]);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

/** A plan scans and renders in every format without a rule crashing, or is refused with an InputError. */
function expectScanOrInputError(plan: unknown): void {
  try {
    const report = scan(collectPlan(plan as never, 'fuzz.json'));
    for (const f of ['text', 'json', 'sarif'] as const) render(report, f, { color: false });
    expect(report.diagnostics.filter((d) => d.code === 'rule-crashed')).toEqual([]);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
  }
}

/** Overwrites, deletes or marks unknown one value somewhere in the plan's resources or configuration. */
function mutate(plan: Record<string, any>, i: number, j: number, value: unknown, op: 'set' | 'delete' | 'unknown'): void {
  const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null;
  const targets: Record<string, any>[] = [];
  const add = (...vs: unknown[]) => targets.push(...vs.filter(isObject));
  for (const rc of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
    add(rc, rc?.change, rc?.change?.after, rc?.change?.after_unknown);
  }
  const root = plan.configuration?.root_module;
  for (const r of Array.isArray(root?.resources) ? root.resources : []) add(r, r?.expressions);
  add(plan);
  const target = targets[i % targets.length]!;
  const keys = Object.keys(target);
  if (keys.length === 0) return;
  const key = keys[j % keys.length]!;
  if (op === 'delete') delete target[key];
  else if (op === 'unknown' && isObject(target.change)) target.change.after_unknown = true;
  else target[key] = value;
}

describe('fuzz: policies', () => {
  const policyDir = join(REALWORLD, 'policies');
  const docs = readdirSync(policyDir).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(policyDir, f), 'utf8'));
  const pickDoc = fc.nat({ max: docs.length - 1 });

  /** A plan with one bucket and one S3 gateway endpoint carrying the given policies. */
  function planWith(bucketPolicy: string, endpointPolicy: string) {
    const rc = (address: string, type: string, after: Record<string, unknown>) => ({
      address, mode: 'managed', type, name: address.split('.')[1], change: { actions: ['create'], before: null, after, after_unknown: {} },
    });
    return {
      format_version: '1.2',
      resource_changes: [
        rc('aws_s3_bucket.data', 'aws_s3_bucket', { bucket: 'fuzz-data', id: 'fuzz-data' }),
        rc('aws_s3_bucket_policy.data', 'aws_s3_bucket_policy', { bucket: 'fuzz-data', policy: bucketPolicy }),
        rc('aws_vpc_endpoint.s3', 'aws_vpc_endpoint', { service_name: 'com.amazonaws.eu-west-1.s3', vpc_endpoint_type: 'Gateway', policy: endpointPolicy }),
      ],
      configuration: { root_module: {} },
    };
  }

  const findingsOf = (plan: unknown) => scan(collectPlan(plan as never, 'fuzz.json')).findings.map((f) => `${f.ruleId} ${f.primary.key}`).sort();

  it('reordering statements does not change which findings a policy gets', () => {
    fc.assert(
      fc.property(pickDoc, pickDoc, fc.integer({ min: 1, max: 1 << 30 }), (i, j, seed) => {
        const reorder = (text: string) => {
          const doc = JSON.parse(text);
          if (Array.isArray(doc.Statement)) doc.Statement = shuffled(doc.Statement, seed);
          return JSON.stringify(doc);
        };
        expect(findingsOf(planWith(reorder(docs[i]!), reorder(docs[j]!)))).toEqual(findingsOf(planWith(docs[i]!, docs[j]!)));
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated policies never crash a rule and give the same report twice', () => {
    const anyJson = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string(), fc.constantFrom('*', '?*', 'vpce-*', 'arn:aws:s3:::*', '${aws:PrincipalAccount}', 'ForAnyValue:StringLike'), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
    fc.assert(
      fc.property(pickDoc, fc.array(fc.tuple(fc.nat(), anyJson, fc.boolean()), { minLength: 1, maxLength: 6 }), (i, mutations) => {
        const doc = JSON.parse(docs[i]!);
        for (const [n, value, drop] of mutations) mutateDeep(doc, n, value, drop);
        const text = JSON.stringify(doc);
        const plan = planWith(text, text);
        const first = scan(collectPlan(plan as never, 'fuzz.json'));
        expect(first.diagnostics.filter((d) => d.code === 'rule-crashed')).toEqual([]);
        expect(render(first, 'sarif', { color: false })).toBe(render(scan(collectPlan(planWith(text, text) as never, 'fuzz.json')), 'sarif', { color: false }));
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

/** Replaces or deletes the n-th value (depth-first) anywhere in a JSON document. */
function mutateDeep(doc: unknown, n: number, value: unknown, drop: boolean): void {
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) v.forEach((x, k) => (slots.push([v, k]), stack.push(x)));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) slots.push([v as Record<string, unknown>, k]), stack.push(x);
  }
  if (slots.length === 0) return;
  const [holder, key] = slots[n % slots.length]!;
  if (drop && !Array.isArray(holder)) delete holder[key as string];
  else (holder as Record<string | number, unknown>)[key] = value;
}
