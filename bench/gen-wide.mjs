#!/usr/bin/env node
// Writes a "wide" synthetic plan: the single VPC of bench/wide-template/plan.json
// (real Terraform output) with each of its count resources cloned to N
// instances: N private subnets associated with one route table, N routes in
// that table, N ingress rules on one security group, N buckets each fenced to
// the one S3 endpoint by its own policy document. gen-plan.mjs grows the number
// of VPCs; this grows what hangs off one VPC, where a lookup that scans
// siblings would show up as time per instance rising with N.
//
// Usage: node bench/gen-wide.mjs <n> <out.json>
import { readFileSync, writeFileSync } from 'node:fs';

const [n, out] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(n) || n < 1 || !out) {
  console.error('usage: node bench/gen-wide.mjs <n> <out.json>');
  process.exit(2);
}
const template = JSON.parse(readFileSync(new URL('./wide-template/plan.json', import.meta.url), 'utf8'));

// Values that must differ between instances, the way count.index makes them differ in main.tf.
const cidr = (base, i) => `${base}.${(i >> 8) & 255}.${i & 255}.0/28`;
const VARY = {
  aws_subnet: (v, i) => ({ ...v, cidr_block: cidr('10', i), availability_zone: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'][i % 3] }),
  aws_route: (v, i) => ({ ...v, destination_cidr_block: `172.${16 + ((i >> 16) & 15)}.${(i >> 8) & 255}.${i & 255}/32` }),
  aws_vpc_security_group_ingress_rule: (v, i) => ({ ...v, cidr_ipv4: cidr('10', i) }),
  aws_s3_bucket: (v, i) => ({ ...v, bucket: `stress-bucket-${i}` }),
  // Each document names its own bucket (by name: known while planning).
  aws_iam_policy_document: (v, i) => JSON.parse(JSON.stringify(v).replace(/arn:aws:s3:::stress-bucket-0\b/g, `arn:aws:s3:::stress-bucket-${i}`)),
};

function clone(rc, i) {
  const vary = VARY[rc.type] ?? ((v) => v);
  const after = rc.change.after ? vary(rc.change.after, i) : rc.change.after;
  return { ...rc, address: rc.address.replace(/\[0\]$/, `[${i}]`), index: i, change: { ...rc.change, after } };
}

const changes = [];
for (const rc of template.resource_changes) {
  if (rc.index === undefined) changes.push(rc);
  else if (rc.index === 0) for (let i = 0; i < n; i++) changes.push(clone(rc, i));
}

const plan = {
  ...template,
  variables: { ...template.variables, n: { value: n } },
  planned_values: {
    root_module: {
      resources: changes.filter((rc) => rc.mode === 'managed').map((rc) => ({
        address: rc.address, mode: rc.mode, type: rc.type, name: rc.name,
        ...(rc.index !== undefined ? { index: rc.index } : {}),
        provider_name: rc.provider_name, schema_version: 0, values: rc.change.after ?? {}, sensitive_values: rc.change.after_sensitive || {},
      })),
    },
  },
  resource_changes: changes,
};
writeFileSync(out, JSON.stringify(plan));
console.error(`${out}: ${changes.length} resource instances`);
