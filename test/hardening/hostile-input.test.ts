import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectPlan } from '../../src/collect/terraform/index.js';
import { scan, render, FORMATS } from '../../src/cli/scan.js';
import { ROOT, planPath } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'vpcelint-hostile-'));

function cli(file: string, extra: string[] = []) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.sarif`);
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', file, '--format', 'sarif', '--output', out, '--fail-on', 'none', ...extra], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stderr: r.stderr, signal: r.signal, out };
}

function write(name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** A minimal plan around the given resource_changes and configuration. */
function plan(resourceChanges: unknown[], rootModule: unknown = { resources: [] }) {
  return { format_version: '1.2', terraform_version: '1.11.4', resource_changes: resourceChanges, configuration: { root_module: rootModule } };
}

function rc(address: string, type: string, after: Record<string, unknown>, afterUnknown: Record<string, unknown> = {}) {
  const name = address.split('.')[1]!.replace(/\[.*$/, '');
  return { address, mode: 'managed', type, name, change: { actions: ['create'], before: null, after, after_unknown: afterUnknown } };
}

describe('bad input: exit 2, one line naming what and where, no stack trace, no output file', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['empty.json', '', /the file is empty/],
    ['not-json.json', 'resource "aws_vpc" "a" {}', /not valid JSON: expected a value at line 1, column 1/],
    ['truncated.json', readFileSync(planPath('example'), 'utf8').slice(0, 5000), /ends too early .*truncated/],
    ['state.json', JSON.stringify({ format_version: '1.0', terraform_version: '1.11.4', values: { root_module: {} } }), /this is Terraform state/],
    ['tfstate.json', JSON.stringify({ version: 4, serial: 3, lineage: 'x', resources: [] }), /raw terraform\.tfstate/],
    ['future.json', JSON.stringify({ format_version: '2.0', planned_values: {} }), /format_version 2\.0 is not supported/],
    ['array.json', '[]', /expected a JSON object .* at \$/],
    ['wrong-section.json', JSON.stringify({ format_version: '1.2', resource_changes: 'all of them' }), /expected an array at \$\.resource_changes, found the string/],
    ['wrong-resource.json', JSON.stringify({ format_version: '1.2', resource_changes: [42] }), /expected an object at \$\.resource_changes\[0\], found a number/],
    ['bad-address.json', JSON.stringify(plan([rc('aws_vpc.a', 'aws_vpc', {})].map((r) => ({ ...r, address: 'aws_vpc..a[' })))), /cannot parse resource address "aws_vpc\.\.a\[" at \$\.resource_changes\[0\]\.address/],
    ['binary.json', Buffer.from('PK\u0003\u0004\u0014\u0000'), /binary Terraform plan file/],
  ];
  for (const [name, content, message] of cases) {
    it(name, () => {
      const r = cli(write(name, content));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(name);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(dir).filter((f) => f.startsWith('out-') || f.includes('.tmp'))).toEqual([]);
    });
  }
});

describe('hostile but well-formed input: the scan completes, bounded, and stays honest', () => {
  it('__proto__, constructor and prototype keys anywhere do not pollute prototypes', () => {
    const poison = '"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}';
    // Own "__proto__" keys exist only through JSON text: an object literal would set the prototype instead.
    const text = readFileSync(planPath('example'), 'utf8')
      .replace(/"tags": \{\}/g, '"tags": {"x": "y"}')
      .replace(/"tags": \{/g, `"tags": {${poison},`)
      .replace(/"after_unknown": \{/g, `"after_unknown": {${poison},`)
      .replace('"module_calls": {', `"module_calls": {${poison},`)
      .replace('"variables": {', `"variables": {${poison},`);
    const evil = JSON.parse(text);
    const report = scan(collectPlan(evil, 'evil.json'));
    for (const format of FORMATS) render(report, format, { color: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('100,000-deep nesting in values and in child modules', () => {
    const d = 100_000;
    const deepValue = `{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"aws_vpc.a","type":"aws_vpc","name":"a","values":{"tags":${'{"a":'.repeat(d)}1${'}'.repeat(d)}}}]}}}`;
    const deepModules = `{"format_version":"1.2","planned_values":{"root_module":{"child_modules":[${'{"child_modules":['.repeat(d)}{}${']}'.repeat(d)}]}},"configuration":{"root_module":{"module_calls":${'{"m":{"module":{"module_calls":'.repeat(2000)}{}${'}}}'.repeat(2000)}}}}`;
    for (const [name, text] of [['deep-value.json', deepValue], ['deep-modules.json', deepModules]] as const) {
      const r = cli(write(name, text));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('a 50 MB string value', () => {
    const big = 'x'.repeat(50 * 1024 * 1024);
    const p = plan([rc('aws_vpc.big', 'aws_vpc', { cidr_block: '10.0.0.0/16', tags: { Name: big } })]);
    const r = cli(write('big-string.json', JSON.stringify(p)));
    expect(r.code).toBe(0);
    expect(readFileSync(r.out, 'utf8').length).toBeLessThan(1024 * 1024);
  });

  it('addresses with odd characters in instance keys survive into every format', () => {
    const key = 'a.b[c]"d\\e 😀 <script>';
    const address = `aws_subnet.odd[${JSON.stringify(key)}]`;
    const p = plan([rc(address, 'aws_subnet', { cidr_block: '10.0.0.0/24', vpc_id: 'vpc-0123456789abcdef0' })]);
    const report = scan(collectPlan(p as never, 'odd.json'));
    expect(report.findings).toEqual([]);
    expect(JSON.parse(render(report, 'json', { color: false })).inventory.subnets).toBe(1);
  });

  it('references to resources that do not exist leave the link unresolved, never the main table', () => {
    const p = plan(
      [
        rc('aws_vpc.v', 'aws_vpc', { cidr_block: '10.0.0.0/16' }, { id: true }),
        rc('aws_subnet.s', 'aws_subnet', { cidr_block: '10.0.1.0/24' }, { id: true, vpc_id: true }),
        rc('aws_route_table_association.a', 'aws_route_table_association', {}, { id: true, subnet_id: true, route_table_id: true }),
      ],
      {
        resources: [
          { address: 'aws_subnet.s', mode: 'managed', type: 'aws_subnet', name: 's', expressions: { vpc_id: { references: ['aws_vpc.v.id', 'aws_vpc.v'] } } },
          {
            address: 'aws_route_table_association.a',
            mode: 'managed',
            type: 'aws_route_table_association',
            name: 'a',
            expressions: { subnet_id: { references: ['aws_subnet.s.id', 'aws_subnet.s'] }, route_table_id: { references: ['aws_route_table.ghost.id', 'aws_route_table.ghost'] } },
          },
        ],
      },
    );
    const report = scan(collectPlan(p as never, 'ghost.json'));
    expect(report.diagnostics.some((d) => d.code === 'not-evaluated' && d.subject?.key === 'aws_subnet.s')).toBe(true);
  });

  it('cycles through module outputs and input variables end, unresolved', () => {
    const p = plan(
      [
        rc('aws_subnet.s', 'aws_subnet', { cidr_block: '10.0.1.0/24', vpc_id: 'vpc-0123456789abcdef0' }, { id: true }),
        rc('aws_route_table_association.a', 'aws_route_table_association', { subnet_id: 'subnet-1' }, { id: true, route_table_id: true }),
      ],
      {
        resources: [
          { address: 'aws_route_table_association.a', mode: 'managed', type: 'aws_route_table_association', name: 'a', expressions: { route_table_id: { references: ['module.a.out', 'module.a'] } } },
        ],
        module_calls: {
          a: {
            source: './a',
            module: {
              outputs: { out: { expression: { references: ['module.inner.out', 'module.inner'] } } },
              module_calls: {
                inner: {
                  source: './inner',
                  expressions: { loop: { references: ['module.inner.out', 'module.inner'] } },
                  module: { outputs: { out: { expression: { references: ['var.loop'] } } } },
                },
              },
            },
          },
        },
      },
    );
    const started = Date.now();
    const report = scan(collectPlan(p as never, 'cycle.json'));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report.findings).toEqual([]);
  });

  it('hostile policies: not JSON, not a policy, unknown operators, wildcards crafted to explode naive matching', () => {
    const crafted = `${'*a'.repeat(5000)}b`;
    const policies: Record<string, string> = {
      notjson: 'not json {',
      array: '[1, 2, 3]',
      operator: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringFrobnicate: { 'aws:SourceVpce': 'vpce-1' } } }] }),
      effect: JSON.stringify({ Statement: [{ Effect: 'Maybe', Principal: '*', Action: 's3:*', Resource: '*' }] }),
      wildcard: JSON.stringify({
        Statement: [
          { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${crafted}`], Condition: { StringNotLike: { 'aws:SourceVpce': [crafted], 'aws:PrincipalArn': [crafted] } } },
          { Effect: 'Allow', Principal: '*', Action: ['s3:*'], Resource: `arn:aws:s3:::${'a'.repeat(20000)}/*` },
        ],
      }),
    };
    const changes: unknown[] = [];
    for (const [name, text] of Object.entries(policies)) {
      const bucket = `hostile-${name}`;
      changes.push(rc(`aws_s3_bucket.${name}`, 'aws_s3_bucket', { bucket, id: bucket }));
      changes.push(rc(`aws_s3_bucket_policy.${name}`, 'aws_s3_bucket_policy', { bucket, policy: text }));
    }
    changes.push(rc('aws_vpc_endpoint.s3', 'aws_vpc_endpoint', { service_name: 'com.amazonaws.eu-west-1.s3', vpc_endpoint_type: 'Gateway', policy: policies.wildcard }));
    const started = Date.now();
    const report = scan(collectPlan(plan(changes) as never, 'hostile-policies.json'));
    for (const format of FORMATS) render(report, format, { color: false });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(report.diagnostics.filter((d) => d.code === 'rule-crashed')).toEqual([]);
    // Each document that cannot be read is named, with where it broke; nothing is silently passed.
    for (const name of ['notjson', 'array', 'operator', 'effect']) {
      const about = report.diagnostics.filter((d) => d.subject?.key === `aws_s3_bucket_policy.${name}` || d.message.includes(`aws_s3_bucket_policy.${name}`));
      expect(about.length, name).toBeGreaterThan(0);
    }
  });

  it('"__proto__" as a principal type or condition operator of a rebuilt policy document, or a policy value "toString", pollutes nothing', () => {
    const evilDoc = {
      address: 'data.aws_iam_policy_document.p', mode: 'data', type: 'aws_iam_policy_document', name: 'p',
      change: {
        actions: ['read'], before: null,
        after: { statement: [{ effect: 'Allow', actions: ['s3:*'], resources: ['*'], principals: [{ type: '__proto__', identifiers: ['polluted'] }], condition: [{ test: '__proto__', variable: 'polluted', values: ['yes'] }, { test: 'StringEquals', variable: 'aws:SourceVpce' }] }] },
        after_unknown: { json: true, statement: [{ condition: [{}, { values: true }] }] },
      },
    };
    const p = plan(
      [
        evilDoc,
        rc('aws_vpc_endpoint.e', 'aws_vpc_endpoint', { service_name: 'com.amazonaws.eu-west-1.s3', vpc_endpoint_type: 'Gateway' }, { id: true, policy: true }),
        rc('aws_s3_bucket.b', 'aws_s3_bucket', { bucket: 'evil-b', id: 'evil-b' }),
        rc('aws_s3_bucket_policy.b', 'aws_s3_bucket_policy', { bucket: 'evil-b', policy: JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': ['toString', '__proto__', 'constructor'] } } }] }) }),
      ],
      {
        resources: [
          { address: 'aws_vpc_endpoint.e', mode: 'managed', type: 'aws_vpc_endpoint', name: 'e', expressions: { policy: { references: ['data.aws_iam_policy_document.p.json', 'data.aws_iam_policy_document.p'] } } },
          {
            address: 'data.aws_iam_policy_document.p', mode: 'data', type: 'aws_iam_policy_document', name: 'p',
            expressions: {
              statement: [{
                principals: [{ type: { constant_value: '__proto__' }, identifiers: { constant_value: ['polluted'] } }],
                condition: [
                  { test: { constant_value: '__proto__' }, variable: { constant_value: 'polluted' }, values: { constant_value: ['yes'] } },
                  { test: { constant_value: 'StringEquals' }, variable: { constant_value: 'aws:SourceVpce' }, values: { references: ['aws_vpc_endpoint.e.id', 'aws_vpc_endpoint.e'] } },
                ],
              }],
            },
          },
        ],
      },
    );
    const inv = collectPlan(p as never, 'evil-doc.json');
    // The document really is rebuilt (with "__proto__" as plain keys), so the test reaches the code it guards.
    const policy = inv.vpcEndpoints.get('aws_vpc_endpoint.e')!.policy;
    expect(policy.kind === 'document' && policy.text).toContain('"__proto__":["polluted"]');
    const report = scan(inv);
    for (const format of FORMATS) render(report, format, { color: false });
    expect(report.diagnostics.filter((d) => d.code === 'rule-crashed')).toEqual([]);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('service names and ids named like Object.prototype members are just names', () => {
    const names = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];
    const p = plan([
      rc('aws_vpc.v', 'aws_vpc', { cidr_block: '10.0.0.0/16', id: 'vpc-0123456789abcdef0' }),
      ...names.map((n, i) => rc(`aws_vpc_endpoint.e${i}`, 'aws_vpc_endpoint', { service_name: `com.amazonaws.eu-west-1.${n}`, vpc_endpoint_type: 'Interface', vpc_id: 'vpc-0123456789abcdef0', id: n })),
    ]);
    const report = scan(collectPlan(p as never, 'proto-names.json'));
    for (const format of FORMATS) render(report, format, { color: false });
    expect(report.diagnostics.filter((d) => d.code === 'rule-crashed')).toEqual([]);
    // Not in the table of endpoint policy support: said, not guessed.
    expect(report.diagnostics.filter((d) => d.message.includes('does not say whether toString supports endpoint policies'))).toHaveLength(1);
  });
});

