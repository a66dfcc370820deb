#!/usr/bin/env node
// Measures the policy engine and the ten policy rules (needs `npm run build`):
//  1. per-rule time over a generated plan (bench/.plans/plan-N.json from bench/run.mjs or gen-plan.mjs);
//  2. parse + representative requests + the three endpoint questions on each AWS data perimeter
//     endpoint policy (the largest documented ones), cold and warm (cached by text);
//  3. N buckets sharing one bucket policy text vs N buckets with distinct texts.
// Prints medians of five runs. Usage: node bench/policy-rules.mjs [vpcs] [buckets]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = new URL('..', import.meta.url).pathname;
const B = (p) => import(join(ROOT, 'build', p));
const { collectPlanFile } = await B('src/collect/terraform/index.js');
const { allRules } = await B('rules/index.js');
const { runRules } = await B('src/engine/run.js');
const { Inventory } = await B('src/model/inventory.js');
const policy = await B('src/policy/index.js');

const vpcs = Number(process.argv[2] ?? 1000);
const buckets = Number(process.argv[3] ?? 2000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn, runs = 5) => median(Array.from({ length: runs }, () => { const t = performance.now(); fn(); return performance.now() - t; }));
const POLICY_RULES = new Set(['endpoint-policy-full-access', 'endpoint-policy-any-resource', 'endpoint-policy-any-principal', 'bucket-missing-endpoint-restriction', 'bucket-endpoint-allow-only', 'policy-sourceip-private-range', 'policy-condition-value-mismatch', 'policy-allow-ifexists-network-key', 'policy-unknown-endpoint', 'bucket-endpoint-deny-without-exemption']);

const plan = join(ROOT, 'bench', '.plans', `plan-${vpcs}.json`);
if (existsSync(plan)) {
  const inv = collectPlanFile(plan);
  console.log(`1. plan of ${vpcs} VPCs: ${inv.vpcEndpoints.size} endpoints, ${inv.buckets.size} buckets`);
  for (const rule of allRules.filter((r) => POLICY_RULES.has(r.meta.id))) {
    console.log(`   ${rule.meta.id.padEnd(40)} ${time(() => runRules(inv, { rules: [rule] })).toFixed(1)} ms`);
  }
  // First runs on fresh inventories: what one CLI scan pays (caches cold).
  const fresh = (rules) => { const i = collectPlanFile(plan); const t = performance.now(); runRules(i, { rules }); return performance.now() - t; };
  const firstAll = median([0, 1, 2].map(() => fresh(allRules)));
  const firstOthers = median([0, 1, 2].map(() => fresh(allRules.filter((r) => !POLICY_RULES.has(r.meta.id)))));
  console.log(`   first run on a fresh inventory: all rules ${firstAll.toFixed(0)} ms, without the policy rules ${firstOthers.toFixed(0)} ms`);
  const all = time(() => runRules(inv, { rules: allRules }), 3);
  const others = time(() => runRules(inv, { rules: allRules.filter((r) => !POLICY_RULES.has(r.meta.id)) }), 3);
  console.log(`   repeated runs: all rules ${all.toFixed(0)} ms, without the policy rules ${others.toFixed(0)} ms`);
} else console.log(`1. skipped: no ${plan} (run node bench/gen-plan.mjs or bench/run.mjs ${vpcs} first)`);

console.log('2. AWS data perimeter endpoint policies: cold (parse, requests, three questions) / warm (cached)');
const dir = join(ROOT, 'fixtures', 'realworld', 'policies');
for (const f of readdirSync(dir).filter((x) => x.startsWith('dpe_vpc_endpoint_policies__'))) {
  const text = readFileSync(dir + '/' + f, 'utf8');
  const service = f.includes('__s3') ? 's3' : undefined;
  const ask = () => {
    const p = policy.parsePolicyCached(text).policy;
    policy.fullAccessGap(p, { service });
    policy.outsideResourceAllowed(p, { service });
    policy.outsidePrincipalAllowed(p, { service });
  };
  const t0 = performance.now(); ask(); const cold = performance.now() - t0;
  console.log(`   ${f.replace('dpe_vpc_endpoint_policies__', '').padEnd(40)} ${cold.toFixed(1)} ms / ${time(ask).toFixed(2)} ms`);
}

console.log(`3. ${buckets} buckets, every rule that reads bucket policies`);
const fence = (name) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`], Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Admin' } } }] });
for (const shared of [true, false]) {
  const inv = new Inventory({ kind: 'test' });
  for (let i = 0; i < buckets; i++) {
    const name = `bucket-${i}`;
    const ref = { key: `aws_s3_bucket.b${i}`, kind: 'bucket', address: `aws_s3_bucket.b${i}`, region: 'eu-west-1' };
    inv.register(ref);
    inv.buckets.set(ref.key, { ref, name, policy: { kind: 'document', text: fence(shared ? 'shared-*' : name), holder: ref, attribute: 'policy', sensitive: false } });
  }
  const rules = allRules.filter((r) => POLICY_RULES.has(r.meta.id));
  const t0 = performance.now(); runRules(inv, { rules }); const first = performance.now() - t0;
  console.log(`   ${shared ? 'one shared text ' : 'distinct texts  '} first run ${first.toFixed(0)} ms, again ${time(() => runRules(inv, { rules }), 3).toFixed(0)} ms, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
}
