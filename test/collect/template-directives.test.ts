import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instancesOf } from '../../src/collect/terraform/context.js';
import { buildContext } from '../../src/collect/terraform/index.js';
import { readPlanFile } from '../../src/collect/terraform/read-plan.js';
import { SourceEvaluator } from '../../src/collect/terraform/source-values.js';
import type { HclExpr } from '../../src/sourcemap/expression.js';
import { hclParser, parseHcl } from '../../src/sourcemap/hcl.js';
import { TemplateReader } from '../../src/sourcemap/templates.js';
import { planPath } from '../helpers/fixtures.js';

/**
 * Template directives and strip markers, rendered as Terraform renders them. The expected texts are Terraform's
 * own: `terraform console` (1.x) given `templatefile("t.tftpl", {xs = ["a", "b"], flag = true})` over the same
 * template.
 */
const TEMPLATE = `[
%{ for i, x in xs ~}
  "\${x}"%{ if i < length(xs) - 1 },%{ endif }
%{ endfor ~}
]
A %{~ if flag ~}  yes  %{~ else ~}  no  %{~ endif ~} B
\${~ "  c  " ~}   d
`;

const dir = mkdtempSync(join(tmpdir(), 'vpcelint-template-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `templatefile()` of a template written to a file, with the vars given in HCL, evaluated as a plan's source is. */
async function rendered(template: string, vars: string): Promise<unknown> {
  writeFileSync(join(dir, 't.tftpl'), template);
  const parser = await hclParser();
  const [call] = parseHcl(parser, `locals {\n  t = templatefile("t.tftpl", ${vars})\n}\n`).locals.map(([, e]) => e) as HclExpr[];
  new TemplateReader(parser).resolveIn(call!, { module: dir, root: dir });
  const ctx = buildContext(readPlanFile(planPath('policy-templatefile')), 'plan.json');
  const [inst] = instancesOf(ctx, 'aws_s3_bucket_policy');
  return new SourceEvaluator(ctx, inst!).result(call!);
}

describe('template directives', () => {
  it('for and if directives, with strip markers on directives and interpolations, as Terraform renders them', async () => {
    expect(await rendered(TEMPLATE, '{ xs = ["a", "b"], flag = true }')).toBe('[\n  "a",\n  "b"\n]\nAyesB  c  d\n');
    expect(await rendered(TEMPLATE, '{ xs = [], flag = false }')).toBe('[\n]\nAnoB  c  d\n');
  });

  it('over a set, each element is its own key; over a list, its index (as `terraform console` has them)', async () => {
    const template = '%{ for k, v in xs }${k}=${v};%{ endfor }';
    expect(await rendered(template, '{ xs = toset(["b", "a"]) }')).toBe('a=a;b=b;');
    expect(await rendered(template, '{ xs = tolist(toset(["b", "a"])) }')).toBe('0=a;1=b;');
  });

  it('a file without a newline at its end renders without one', async () => {
    expect(await rendered('{"a": "${x}"}', '{ x = "b" }')).toBe('{"a": "b"}');
    expect(await rendered('{"a": "${x}"}\n', '{ x = "b" }')).toBe('{"a": "b"}\n');
  });

  it('a directive that decides on something not true or false is not evaluated', async () => {
    await expect(rendered('%{ if xs }a%{ endif }', '{ xs = ["a"] }')).rejects.toThrow('its conditional (? :) depends on something that is not true or false');
  });

  it('a template that does not parse is not read: what the parser recovers is not what Terraform renders', async () => {
    await expect(rendered('{ "a": "${x" }', '{ x = "b" }')).rejects.toThrow('it calls templatefile() on t.tftpl, which does not parse as a template');
  });

  it('an indented heredoc with a directive is not read', async () => {
    const parser = await hclParser();
    const [policy] = parseHcl(parser, 'locals {\n  t = <<-EOT\n    %{ if true }a%{ endif }\n  EOT\n}\n').locals.map(([, e]) => e);
    expect(policy).toEqual({ t: 'unsupported', what: 'a template directive (%{ }) in an indented heredoc (<<-)', line: 2 });
  });
});
