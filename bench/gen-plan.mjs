#!/usr/bin/env node
// Writes a realistic synthetic plan with N VPCs: the module instance
// module.vpc["t0"] of bench/template/plan.json (real Terraform output: nested
// modules with count and for_each, per-AZ NATs and route tables, gateway and
// interface endpoints, security groups with separate rule resources, a bucket
// whose policy references the S3 endpoint) cloned N times. Even clones are new
// (values known only after apply, linked by configuration references), odd
// clones already exist (known ids in prior_state, linked by id) — so both
// linking paths of the collector do real work.
//
// With --solver, every bucket's Deny also exempts an office range
// (NotIpAddress aws:SourceIp) and requests Athena makes for a caller
// (ForAllValues:StringNotEquals aws:CalledVia), a fence the policy shortcuts
// cannot decide: each bucket policy then costs the rules a representative
// request space, as real policies with conditions on other keys do.
//
// Usage: node bench/gen-plan.mjs [--solver] <vpcs> <out.json>     (needs `npm run build` first)
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { ConfigIndex } from '../build/src/collect/terraform/config.js';
import { buildInstances } from '../build/src/collect/terraform/instances.js';
import { Resolver } from '../build/src/collect/terraform/resolve.js';

const solver = process.argv[2] === '--solver';
const [count, out] = [Number(process.argv[solver ? 3 : 2]), process.argv[solver ? 4 : 3]];
if (!Number.isInteger(count) || count < 1 || !out) {
  console.error('usage: node bench/gen-plan.mjs [--solver] <vpcs> <out.json>');
  process.exit(2);
}
const template = JSON.parse(readFileSync(new URL('./template/plan.json', import.meta.url), 'utf8'));
const PROTO = 'module.vpc["t0"]';
const ACCOUNT = '111122223333';
const OFFICE = '203.0.113.0/24';
const VIA = 'athena.amazonaws.com';
const REGION = 'eu-west-1';

const protoChanges = template.resource_changes.filter((rc) => rc.address.startsWith(`${PROTO}.`));
const protoPrior = template.prior_state.values.root_module.child_modules.find((m) => m.address === PROTO);

// For existing clones, every value Terraform marked unknown is filled the way AWS
// would: ids and ARNs invented, links copied from the referenced resource. Which
// resource an attribute refers to comes from the collector's own resolver.
const table = buildInstances(template, 'template');
const resolver = new Resolver(table, new ConfigIndex(template), () => undefined);

const PREFIX = {
  aws_vpc: 'vpc', aws_subnet: 'subnet', aws_route_table: 'rtb', aws_internet_gateway: 'igw', aws_nat_gateway: 'nat',
  aws_eip: 'eipalloc', aws_vpc_endpoint: 'vpce', aws_security_group: 'sg', aws_instance: 'i', aws_route: 'r',
  aws_route_table_association: 'rtbassoc', aws_vpc_security_group_ingress_rule: 'sgr', aws_security_group_rule: 'sgrule',
  aws_vpc_endpoint_route_table_association: 'a', aws_vpc_endpoint_policy: 'vpce', aws_s3_bucket_policy: 'bp',
};

const keyOf = (i) => `v${String(i).padStart(5, '0')}`;
const rename = (text, key) => text.replaceAll(PROTO, `module.vpc["${key}"]`).replaceAll('bench-t0-', `bench-${key}-`).replaceAll('"t0', `"${key}`);

let serial = 0;
function fakeId(type, key) {
  serial++;
  if (type === 'aws_s3_bucket') return `bench-${key}-data`;
  return `${PREFIX[type] ?? 'x'}-${serial.toString(16).padStart(17, '0')}`;
}

function existingValues(rc, key, ids) {
  const inst = table.byAddress.get(rc.address);
  const after = structuredClone(rc.change.after ?? {});
  const fill = (path, unk, target) => {
    for (const [name, flag] of Object.entries(unk)) {
      if (flag === true) target[name] = valueFor(inst, [...path, name], rc, key, ids);
      else if (flag && typeof flag === 'object') {
        target[name] ??= Array.isArray(flag) ? [] : {};
        fill([...path, name], flag, target[name]);
      }
    }
  };
  fill([], rc.change.after_unknown ?? {}, after);
  return JSON.parse(rename(JSON.stringify(after), key));
}

function valueFor(inst, path, rc, key, ids) {
  const self = ids.get(rc.address);
  const name = path[path.length - 1];
  if (path.length === 1 && name === 'id') return self;
  if (path.length === 1 && name === 'arn') return `arn:aws:ec2:${REGION}:${ACCOUNT}:${rc.type}/${self}`;
  if (name === 'owner_id') return ACCOUNT;
  if ((name === 'policy' || name === 'json') && rc.address.includes('aws_s3_bucket_policy.data')) return bucketPolicy(key, ids);
  if (name === 'json') return bucketPolicy(key, ids);
  const res = inst ? resolver.resolveAttribute(inst, path) : { hits: [], constants: [] };
  const found = res.hits.map((h) => {
    const target = ids.get(h.instance.address);
    return h.attribute === 'arn' ? `arn:aws:ec2:${REGION}:${ACCOUNT}:${h.instance.type}/${target}` : target;
  }).filter(Boolean);
  for (const c of res.choices ?? []) {
    for (const o of c.options) if (o.output.includes(name.includes('route_table') ? 'route_table' : 'subnet')) for (const h of o.res.hits) found.push(ids.get(h.instance.address));
  }
  const list = Array.isArray(rc.change.after_sensitive?.[name]);
  if (found.length === 0) return list ? [] : null;
  return list ? found : found[0];
}

function bucketPolicy(key, ids) {
  const vpce = ids.get(`${PROTO}.aws_vpc_endpoint.s3`);
  const arn = `arn:aws:s3:::bench-${key}-data`;
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'DenyOutsideEndpoint', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [arn, `${arn}/*`], Condition: { StringNotEquals: { 'aws:SourceVpce': vpce }, ...(solver ? { NotIpAddress: { 'aws:SourceIp': OFFICE }, 'ForAllValues:StringNotEquals': { 'aws:CalledVia': VIA } } : {}) } }],
  });
}

/** The exemptions of --solver, as a policy document's condition blocks (their expressions when `expressions`). */
function exemptions(expressions) {
  const block = (test, values, variable) => (expressions ? { test: { constant_value: test }, values: { constant_value: values }, variable: { constant_value: variable } } : { test, values, variable });
  return [block('NotIpAddress', [OFFICE], 'aws:SourceIp'), block('ForAllValues:StringNotEquals', [VIA], 'aws:CalledVia')];
}

/** The exemptions of --solver, in the statements of a policy document's values (its json is bucketPolicy's). */
function withExemptions(rc, after) {
  if (solver && rc.type === 'aws_iam_policy_document') for (const st of after?.statement ?? []) st.condition.push(...exemptions(false));
  return after;
}

const file = createWriteStream(out);
async function write(text) {
  if (!file.write(text)) await once(file, 'drain');
}

function moduleTree(key, resources) {
  // Group resources by module instance: the VPC module and its az[i] children.
  const top = `module.vpc["${key}"]`;
  const byModule = new Map();
  for (const r of resources) {
    const mod = r.address.includes('.module.az[') ? r.address.slice(0, r.address.indexOf('].', r.address.indexOf('.module.az[')) + 1) : top;
    if (!byModule.has(mod)) byModule.set(mod, []);
    byModule.get(mod).push(r);
  }
  return {
    address: top,
    resources: byModule.get(top) ?? [],
    child_modules: [...byModule.entries()].filter(([m]) => m !== top).map(([address, rs]) => ({ address, resources: rs })),
  };
}

function cloneSet(i) {
  const key = keyOf(i);
  const existing = i % 2 === 1;
  const ids = new Map(protoChanges.map((rc) => [rc.address, fakeId(rc.type, key)]));
  const changes = [];
  const values = [];
  for (const rc of protoChanges) {
    const base = {
      address: rename(rc.address, key), module_address: rename(rc.module_address ?? '', key), mode: rc.mode, type: rc.type, name: rc.name,
      ...(rc.index !== undefined ? { index: rc.index } : {}), provider_name: rc.provider_name,
    };
    if (!existing) {
      const change = JSON.parse(rename(JSON.stringify(rc.change), key));
      withExemptions(rc, change.after);
      changes.push({ ...base, change });
      values.push({ ...base, schema_version: 0, values: change.after ?? {}, sensitive_values: change.after_sensitive || {} });
      continue;
    }
    const after = withExemptions(rc, existingValues(rc, key, ids));
    const action = rc.mode === 'data' ? 'read' : 'no-op';
    changes.push({ ...base, change: { actions: [action], before: rc.mode === 'data' ? null : after, after, after_unknown: {}, before_sensitive: {}, after_sensitive: {} } });
    values.push({ ...base, schema_version: 0, values: after, sensitive_values: {} });
  }
  const region = JSON.parse(rename(JSON.stringify(protoPrior.resources), key));
  return { key, existing, changes, values, region };
}

await write(`{"format_version":"${template.format_version}","terraform_version":"${template.terraform_version}","planned_values":{"root_module":{"child_modules":[`);
for (let i = 0; i < count; i++) {
  const set = cloneSet(i);
  await write(`${i ? ',' : ''}${JSON.stringify(moduleTree(set.key, set.values))}`);
}
await write(']}},"resource_changes":[');
serial = 0;
for (let i = 0; i < count; i++) {
  const set = cloneSet(i);
  for (const [j, rc] of set.changes.entries()) await write(`${i || j ? ',' : ''}${JSON.stringify(rc)}`);
}
await write(`],"prior_state":{"format_version":"1.0","terraform_version":"${template.terraform_version}","values":{"root_module":{"child_modules":[`);
serial = 0;
for (let i = 0; i < count; i++) {
  const set = cloneSet(i);
  const resources = set.existing ? [...set.region, ...set.values.filter((v) => v.mode === 'managed')] : set.region;
  await write(`${i ? ',' : ''}${JSON.stringify(moduleTree(set.key, resources))}`);
}
if (solver) {
  // The configuration is shared by every module instance: the condition blocks go in once, as Terraform would record them.
  const doc = template.configuration.root_module.module_calls.vpc.module.resources.find((r) => r.type === 'aws_iam_policy_document');
  for (const st of doc.expressions.statement) st.condition.push(...exemptions(true));
}
const config = JSON.stringify(template.configuration).replace('{"t0":"10.0.0.0/16","t1":"10.1.0.0/16"}', '{}');
await write(`]}}},"configuration":${config}}\n`);
file.end();
await once(file, 'finish');
