import { describe, expect, it } from 'vitest';
import { hclParser, parseHcl } from '../../src/sourcemap/hcl.js';

const parse = async (text: string) => parseHcl(await hclParser(), text);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('HCL blocks and their lines', () => {
  it('finds real blocks, not the ones in comments, strings or heredocs', async () => {
    const text = [
      '# resource "aws_route_table" "private" {',
      '// resource "aws_route_table" "private" {',
      '/* resource "aws_route_table" "private" {',
      '} */',
      'resource "aws_vpc_endpoint" "s3" {',
      '  tags = { Note = "resource \\"aws_route_table\\" \\"private\\" {" }',
      '  policy = <<EOF',
      'resource "aws_route_table" "private" {',
      '}',
      'EOF',
      '}',
      '',
      'resource "aws_route_table" "private" {',
      '  route {',
      '    cidr_block = "0.0.0.0/0"',
      '  }',
      '}',
    ].join('\n');
    const file = await parse(text);
    expect(file.errorLines).toEqual([]);
    expect(file.blocks.map((b) => [b.type, ...b.labels, b.startLine, b.endLine])).toEqual([
      ['resource', 'aws_vpc_endpoint', 's3', 5, 11],
      ['resource', 'aws_route_table', 'private', 13, 17],
    ]);
    const ep = file.blocks[0]!;
    expect(ep.children.map((c) => [c.name, c.kind, c.startLine, c.endLine])).toEqual([
      ['tags', 'attribute', 6, 6],
      ['policy', 'attribute', 7, 10],
    ]);
    expect(file.blocks[1]!.children).toEqual([{ name: 'route', kind: 'block', startLine: 14, endLine: 16 }]);
  });

  it('indented heredocs (<<-) and one-line blocks', async () => {
    const text = 'variable "x" { type = string }\nlocals {\n  p = <<-EOT\n    {\n    }\n  EOT\n}\n';
    const file = await parse(text);
    expect(file.blocks.map((b) => [b.type, b.startLine, b.endLine])).toEqual([
      ['variable', 1, 1],
      ['locals', 2, 7],
    ]);
    expect(file.blocks[1]!.children[0]).toMatchObject({ name: 'p', startLine: 3, endLine: 6 });
  });

  it('reads a module source only when it is one plain string', async () => {
    const file = await parse('module "a" {\n  source = "./modules/a"\n}\nmodule "b" {\n  source = "${path.module}/b"\n}\nmodule "c" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n}\n');
    expect(file.blocks.map((b) => b.source)).toEqual(['./modules/a', undefined, 'terraform-aws-modules/vpc/aws']);
  });

  it('reports the line of a syntax error and keeps the blocks before it', async () => {
    const text = 'resource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_vpc" "b" {\n  cidr_block = = \n}\n';
    const file = await parse(text);
    expect(file.errorLines[0]).toBeGreaterThanOrEqual(5);
    expect(file.blocks[0]).toMatchObject({ labels: ['aws_vpc', 'a'], startLine: 1, endLine: 3 });
  });
});

describe('vpcelint comments', () => {
  it('belong to the block they are in, or to the block right below them', async () => {
    const text = [
      '# About this table.',
      '# vpcelint:ignore s3-via-nat above the block',
      'resource "aws_route_table" "a" {',
      '  vpc_id = "x" # vpcelint:ignore dynamodb-via-nat at the end of a line',
      '  route {',
      '    // vpcelint:ignore s3-via-nat in a nested block',
      '  }',
      '}',
      '',
      '# vpcelint:ignore s3-via-nat a blank line separates this from the block',
      '',
      'resource "aws_route_table" "b" {',
      '  tags = { Note = "# vpcelint:ignore s3-via-nat in a string" }',
      '  policy = <<EOF',
      '# vpcelint:ignore s3-via-nat in a heredoc',
      'EOF',
      '}',
    ].join('\n');
    const file = await parse(text);
    const [a, b] = file.blocks;
    expect(a!.directives.map((d) => d.line)).toEqual([2, 4, 6]);
    expect(b!.directives).toEqual([]);
    expect(file.orphanDirectives.map((d) => d.line)).toEqual([lineOf(text, 'a blank line separates')]);
  });

  it('a comment after code on the line above is not a leading comment', async () => {
    const file = await parse('locals { x = 1 } # vpcelint:ignore s3-via-nat trailing\nresource "aws_route_table" "a" {\n}\n');
    expect(file.blocks[1]!.directives).toEqual([]);
    expect(file.blocks[0]!.directives.map((d) => d.line)).toEqual([1]);
  });
});
