import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hclParser } from '../../src/sourcemap/hcl.js';
import type { AttributePath, HclExpr } from '../../src/sourcemap/expression.js';
import { parseHcl, type HclBlock } from '../../src/sourcemap/hcl.js';
import { REALWORLD } from '../helpers/fixtures.js';

/** The expression a block holds at a path, as the parse of its file read it. */
function expressionAt(block: HclBlock, path: AttributePath): HclExpr | undefined {
  return block.expressions?.find((p) => JSON.stringify(p.path) === JSON.stringify(path))?.expr;
}

/** A resource's `policy` expression, from a file whose one block starts on line 1. */
async function exprOf(body: string, name = 'policy'): Promise<HclExpr | undefined> {
  const parser = await hclParser();
  return expressionAt(parseHcl(parser, `resource "x" "y" {\n${body}\n}\n`).blocks[0]!, [name]);
}

const ref = (text: string) => expect.objectContaining({ t: 'traversal', text });

describe('attribute expressions from .tf source', () => {
  it('reads jsonencode() of objects, tuples, literals and references, keys bare or quoted', async () => {
    const e = await exprOf(`  policy = jsonencode({
    Version = "2012-10-17"
    "Statement" = [{ Effect = "Deny", Resource = [aws_s3_bucket.b.arn, "\${aws_s3_bucket.b.arn}/*"], N = 12, B = true, Z = null }]
  })`);
    expect(e).toEqual({
      t: 'call',
      name: 'jsonencode',
      args: [{
        t: 'object',
        items: [
          { key: 'Version', value: { t: 'literal', value: '2012-10-17' } },
          { key: 'Statement', value: { t: 'tuple', items: [{ t: 'object', items: [
            { key: 'Effect', value: { t: 'literal', value: 'Deny' } },
            { key: 'Resource', value: { t: 'tuple', items: [ref('aws_s3_bucket.b.arn'), { t: 'template', parts: [ref('aws_s3_bucket.b.arn'), '/*'] }] } },
            { key: 'N', value: { t: 'literal', value: 12 } },
            { key: 'B', value: { t: 'literal', value: true } },
            { key: 'Z', value: { t: 'literal', value: null } },
          ] }] } },
        ],
      }],
    });
  });

  it('reads traversal steps: attributes, literal keys and computed indexes', async () => {
    expect(await exprOf('  policy = aws_vpc_endpoint.s3["a"].id')).toMatchObject({ t: 'traversal', root: 'aws_vpc_endpoint', steps: [{ attr: 's3' }, { index: 'a' }, { attr: 'id' }], text: 'aws_vpc_endpoint.s3["a"].id' });
    expect(await exprOf('  policy = aws_s3_bucket.x[count.index].arn')).toMatchObject({ steps: [{ attr: 'x' }, { index: ref('count.index') }, { attr: 'arn' }] });
  });

  it('unescapes quoted strings as HCL does, and keeps a heredoc\'s text as written', async () => {
    expect(await exprOf('  policy = "a\\"b\\\\c\\u0041 $${x} %%{y}"')).toEqual({ t: 'literal', value: 'a"b\\cA ${x} %{y}' });
    const heredoc = await exprOf('  policy = <<EOT\n{"a": "${aws_s3_bucket.b.arn}/*", "b": "\\n$${x}"}\nEOT');
    expect(heredoc).toEqual({ t: 'template', parts: ['{"a": "', ref('aws_s3_bucket.b.arn'), '/*", "b": "\\n${x}"}\n'] });
  });

  it('strips the common indentation of an indented heredoc (<<-)', async () => {
    const e = await exprOf('  policy = <<-EOT\n    {\n      "a": "${var.x}"\n    }\n    EOT');
    expect(e).toEqual({ t: 'template', parts: ['{\n  "a": "', ref('var.x'), '"\n}\n'] });
  });

  it('reads conditionals and for expressions, with the names they bind', async () => {
    expect(await exprOf('  policy = var.strict ? ["a"] : var.l')).toEqual({ t: 'conditional', cond: ref('var.strict'), then: { t: 'tuple', items: [{ t: 'literal', value: 'a' }] }, else: ref('var.l') });
    expect(await exprOf('  policy = [for n in var.l : "${n}/*" if var.keep]')).toMatchObject({ t: 'for', object: false, value: 'n', collection: ref('var.l'), result: { t: 'template' }, cond: ref('var.keep'), line: 2 });
    expect(await exprOf('  policy = {for k, v in var.m : k => v}')).toMatchObject({ t: 'for', object: true, key: 'k', value: 'v', resultKey: ref('k'), result: ref('v') });
  });

  it('reads unary and binary operations, their operands traversals or terms', async () => {
    expect(await exprOf('  policy = !var.a && length(var.l) > 0 || var.e == "prod"')).toEqual({
      t: 'operation',
      op: '||',
      args: [
        { t: 'operation', op: '&&', args: [{ t: 'operation', op: '!', args: [ref('var.a')] }, { t: 'operation', op: '>', args: [{ t: 'call', name: 'length', args: [ref('var.l')] }, { t: 'literal', value: 0 }] }] },
        { t: 'operation', op: '==', args: [ref('var.e'), { t: 'literal', value: 'prod' }] },
      ],
    });
    expect(await exprOf('  policy = (var.a) != -1')).toEqual({ t: 'operation', op: '!=', args: [ref('var.a'), { t: 'operation', op: '-', args: [{ t: 'literal', value: 1 }] }] });
  });

  it('reads splats, full and legacy: the traversal before, and the steps taken on each element', async () => {
    expect(await exprOf('  policy = aws_s3_bucket.team[*].arn')).toEqual({ t: 'splat', base: ref('aws_s3_bucket.team'), each: [{ attr: 'arn' }], text: 'aws_s3_bucket.team[*].arn' });
    expect(await exprOf('  policy = var.buckets.*.arn')).toEqual({ t: 'splat', base: ref('var.buckets'), each: [{ attr: 'arn' }], text: 'var.buckets.*.arn' });
    expect(await exprOf('  policy = data.aws_s3_bucket.x[*].tags["Team"]')).toMatchObject({ t: 'splat', base: ref('data.aws_s3_bucket.x'), each: [{ attr: 'tags' }, { index: 'Team' }] });
  });

  it('reads template directives as the expressions they amount to: if as a conditional, for as the join of a for expression', async () => {
    const e = await exprOf('  policy = "%{ if var.a }x%{ else }${var.b}%{ endif }%{ for k, v in var.m ~} ${v} %{ endfor }"');
    expect(e).toEqual({
      t: 'template',
      parts: [
        { t: 'conditional', cond: ref('var.a'), then: { t: 'template', parts: ['x'] }, else: { t: 'template', parts: [ref('var.b')] } },
        { t: 'call', name: 'join', args: [{ t: 'literal', value: '' }, expect.objectContaining({ t: 'for', key: 'k', value: 'v', collection: ref('var.m'), result: { t: 'template', parts: [ref('v'), ' '] } })] },
      ],
    });
    // The grammar's literal tokens leave out spaces at a string's ends; the string keeps them.
    expect(await exprOf('  policy = "  c  "')).toEqual({ t: 'literal', value: '  c  ' });
  });

  it('reads splats after a term that is no name: a call, a call indexed', async () => {
    const call = (name: string, ...args: unknown[]) => expect.objectContaining({ t: 'call', name, args });
    expect(await exprOf('  policy = values(module.x.endpoints)[*].id')).toEqual({ t: 'splat', base: call('values', ref('module.x.endpoints')), each: [{ attr: 'id' }], text: 'values(module.x.endpoints)[*].id' });
    expect(await exprOf('  policy = values(var.m).*.tags["Team"]')).toMatchObject({ t: 'splat', base: call('values', ref('var.m')), each: [{ attr: 'tags' }, { index: 'Team' }] });
    expect(await exprOf('  policy = concat(var.a)[0][*].id')).toMatchObject({ t: 'splat', base: { t: 'access', base: call('concat', ref('var.a')), steps: [{ index: 0 }] }, each: [{ attr: 'id' }] });
  });

  it('marks what it does not follow, with its line: grouping for expressions, expanded arguments, a splat within a splat, computed keys', async () => {
    for (const [value, what] of [
      ['{for k, v in var.m : k => v...}', 'a for expression'],
      ['concat(var.l...)', 'an expanded argument (...)'],
      ['concat(var.a, var.b)[*].tags[*].x', 'a splat ([*])'],
      ['{ (var.k) = 1 }', 'a computed object key'],
    ] as const) {
      const e = await exprOf(`\n  policy = jsonencode(${value})`);
      const found = e?.t === 'call' ? e.args[0] : e;
      const unsupported = found?.t === 'object' ? found.items[0] : found;
      expect(JSON.stringify(unsupported), value).toContain(what);
      expect(JSON.stringify(unsupported), value).toContain('"line":3');
    }
  });

  it('finds nothing for an attribute the block does not have, or a block that is not there', async () => {
    expect(await exprOf('  bucket = "b"')).toBeUndefined();
    const parser = await hclParser();
    // Only resources' policies and policy documents' lists: what a plan's policies may need.
    const file = parseHcl(parser, 'module "m" {\n  policy = "{}"\n}\n\nlocals {\n  policy = "{}"\n}\n');
    expect(file.blocks.map((b) => b.expressions)).toEqual([undefined, undefined]);
    expect(file.locals).toEqual([['policy', { t: 'literal', value: '{}' }]]);
  });
});

describe('real .tf files from public repositories, as they are', () => {
  const file = (name: string) => readFileSync(join(REALWORLD, 'hcl', name), 'utf8');

  it('reads Terraformer\'s escaped JSON policies as the strings they are', async () => {
    const parser = await hclParser();
    const text = file('terraformer_idx33523405074_eu-west-2_vpc_endpoint.tf');
    const blocks = parseHcl(parser, text).blocks.filter((b) => b.type === 'resource' && b.labels[0] === 'aws_vpc_endpoint');
    expect(blocks.length).toBeGreaterThan(2);
    const policies = blocks.map((b) => expressionAt(b, ['policy']));
    for (const p of policies) {
      expect(p?.t).toBe('literal');
      const doc = JSON.parse((p as { value: string }).value) as { Statement: { Effect: string }[] };
      expect(doc.Statement[0]!.Effect).toBe('Allow');
    }
  });

  it('reads every attribute naming resources by id of terraform-aws-vpc\'s vpc-endpoints, and nothing it does not evaluate', async () => {
    const parser = await hclParser();
    const blocks = parseHcl(parser, file('tfawsvpc_modules__vpc-endpoints__main.tf')).blocks;
    const endpoint = blocks.find((b) => b.type === 'resource' && b.labels.join('.') === 'aws_vpc_endpoint.this')!;
    expect(endpoint.expressions?.map((e) => e.path.join('.'))).toEqual(['for_each', 'vpc_id', 'security_group_ids', 'subnet_ids', 'route_table_ids', 'policy']);
    const unsupported = (e: unknown): boolean => typeof e === 'object' && e !== null && ((e as { t?: string }).t === 'unsupported' || Object.values(e).some(unsupported));
    expect(endpoint.expressions!.filter((e) => unsupported(e.expr)).map((e) => e.path)).toEqual([]);
    const group = blocks.find((b) => b.type === 'resource' && b.labels.join('.') === 'aws_security_group.this')!;
    expect(group.expressions?.map((e) => e.path.join('.'))).toEqual(['vpc_id']);
  });

  it('reads the arguments of nested blocks of terraform-aws-vpc\'s policy documents', async () => {
    const parser = await hclParser();
    const text = file('tfawsvpc_examples__complete__main.tf');
    const block = parseHcl(parser, text).blocks.find((b) => b.type === 'data' && b.labels[1] === 'dynamodb_endpoint_policy')!;
    const [values, resources, identifiers, missing] = [
      ['statement', 0, 'condition', 0, 'values'],
      ['statement', 0, 'resources'],
      ['statement', 0, 'principals', 0, 'identifiers'],
      ['statement', 1, 'resources'],
    ].map((path) => expressionAt(block, path));
    expect(values).toEqual({ t: 'tuple', items: [expect.objectContaining({ t: 'traversal', text: 'module.vpc.vpc_id' })] });
    expect(resources).toEqual({ t: 'tuple', items: [{ t: 'literal', value: '*' }] });
    expect(identifiers).toEqual({ t: 'tuple', items: [{ t: 'literal', value: '*' }] });
    expect(missing).toBeUndefined();
    // No dynamic block: the plan's configuration has every statement, so no expansion is kept.
    expect(expressionAt(block, ['statement'])).toBeUndefined();
  });

  it('expands a policy document\'s dynamic blocks, nested ones too, in the order written, with their iterators', async () => {
    const parser = await hclParser();
    const [document] = parseHcl(
      parser,
      `data "aws_iam_policy_document" "x" {
  statement {
    actions = ["s3:GetObject"]
    dynamic "condition" {
      for_each = var.roles
      iterator = role
      content {
        test     = "ArnNotLike"
        variable = "aws:PrincipalArn"
        values   = [role.value]
      }
    }
  }
  dynamic "statement" {
    for_each = var.on ? [1] : []
    content {
      effect = "Deny"
    }
  }
  dynamic "statement" {
    for_each = var.x
    iterator = each.value
    content {}
  }
}
`,
    ).blocks;
    const expanded = expressionAt(document!, ['statement']);
    const object = (...keys: string[]) => ({ t: 'object', items: keys.map((key) => ({ key, value: expect.anything() })) });
    const nested = ['principals', 'not_principals', 'condition'];
    expect(expanded).toEqual({
      t: 'call',
      name: 'concat',
      args: [
        { t: 'tuple', items: [object('actions', ...nested)] },
        expect.objectContaining({ t: 'for', value: 'statement', iterator: true, collection: expect.objectContaining({ t: 'conditional' }), result: object('effect', ...nested), line: 14 }),
        { t: 'unsupported', what: 'a dynamic "statement" block whose iterator is not a name', line: 20 },
      ],
    });
    const condition = (expanded as Extract<HclExpr, { t: 'call' }>).args[0] as Extract<HclExpr, { t: 'tuple' }>;
    const conditions = (condition.items[0] as Extract<HclExpr, { t: 'object' }>).items.find((i) => i.key === 'condition')!.value;
    expect(conditions).toEqual({ t: 'call', name: 'concat', args: [expect.objectContaining({ t: 'for', value: 'role', iterator: true, collection: ref('var.roles') })] });
  });
});
