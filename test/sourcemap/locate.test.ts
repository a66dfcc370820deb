import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { hclParser } from '../../src/sourcemap/hcl.js';
import { repositoryRoot, sourceRoot } from '../../src/sourcemap/index.js';
import { SourceMap, rangeFor } from '../../src/sourcemap/locate.js';
import { ModuleLoader } from '../../src/sourcemap/modules.js';

function tree(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'vpcelint-src-')));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const ROOT_TF = `module "net" {
  source   = "./modules/net"
  for_each = toset(["a", "b"])
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
  # vpcelint:ignore s3-via-nat the module's tables are replaced next quarter
}

module "gone" {
  source = "./modules/gone"
}

data "aws_region" "current" {}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = "vpc-1"
  service_name = "com.amazonaws.eu-west-1.s3"
  policy       = jsonencode({})
}
`;
const NET_TF = `resource "aws_route_table" "private" {
  count = 2
  route {
    cidr_block = "0.0.0.0/0"
  }
  route {
    cidr_block = "10.0.0.0/8"
  }
}

module "deep" {
  source = "../deep"
}
`;
const DEEP_TF = `resource "aws_security_group" "endpoints" {
  ingress {
    from_port = 443
  }
}
`;

async function mapOf(files: Record<string, string>, root = '.') {
  const dir = tree(files);
  const loader = new ModuleLoader(await hclParser());
  const mod = loader.load(join(dir, root));
  return { map: new SourceMap(mod, dir), loader, dir };
}

describe('Terraform address -> .tf block', () => {
  const files = { 'main.tf': ROOT_TF, 'modules/net/main.tf': NET_TF, 'modules/deep/sg.tf': DEEP_TF };

  it('root resources and data sources', async () => {
    const { map } = await mapOf(files);
    expect(map.locate('aws_vpc_endpoint.s3')?.location).toMatchObject({ file: 'main.tf', startLine: 18, endLine: 22 });
    expect(map.locate('aws_vpc_endpoint.s3')?.location.attributes).toMatchObject({ policy: { startLine: 21, endLine: 21 }, service_name: { startLine: 20 } });
    expect(map.locate('data.aws_region.current')?.location).toMatchObject({ file: 'main.tf', startLine: 16, endLine: 16 });
  });

  it('through local module calls, whatever the instance keys', async () => {
    const { map } = await mapOf(files);
    for (const address of ['module.net["a"].aws_route_table.private[0]', 'module.net["b"].aws_route_table.private[1]']) {
      expect(map.locate(address)?.location).toMatchObject({ file: 'modules/net/main.tf', startLine: 1, endLine: 9 });
    }
    const deep = map.locate('module.net["a"].module.deep.aws_security_group.endpoints')!.location;
    expect(deep).toMatchObject({ file: 'modules/deep/sg.tf', startLine: 1, endLine: 5 });
    expect(rangeFor(deep, 'ingress')).toEqual({ startLine: 2, endLine: 4 });
  });

  it('repeated nested blocks span from the first to the last; an unknown attribute falls back to the block', async () => {
    const { map } = await mapOf(files);
    const loc = map.locate('module.net["a"].aws_route_table.private[0]')!.location;
    expect(rangeFor(loc, 'route')).toEqual({ startLine: 3, endLine: 8 });
    expect(rangeFor(loc, 'private_dns_enabled')).toEqual({ startLine: 1, endLine: 9 });
    expect(rangeFor(loc, undefined)).toEqual({ startLine: 1, endLine: 9 });
  });

  it('a resource in a registry module points at the calling module block', async () => {
    const { map } = await mapOf(files);
    const hit = map.locate('module.vpc.aws_route_table.private[0]')!.location;
    expect(hit).toMatchObject({ file: 'main.tf', startLine: 6, endLine: 10, moduleCall: 'module.vpc' });
    // So a comment in the module block suppresses findings on the module's resources.
    expect(map.locate('module.vpc.aws_route_table.private[0]')!.directives).toEqual([{ file: 'main.tf', line: 9, text: "# vpcelint:ignore s3-via-nat the module's tables are replaced next quarter" }]);
    expect(hit.attributes).toBeUndefined();
    expect(map.locate('module.vpc.module.inner.aws_subnet.x')?.location).toMatchObject({ startLine: 6, moduleCall: 'module.vpc' });
  });

  it('a local module whose directory is missing points at its call and is reported', async () => {
    const { map, loader } = await mapOf(files);
    expect(map.locate('module.gone.aws_vpc.x')?.location).toMatchObject({ file: 'main.tf', startLine: 12 });
    expect(loader.problems).toEqual([expect.objectContaining({ code: 'source-module-missing', line: 12 })]);
  });

  it('unknown resources and modules are not located', async () => {
    const { map } = await mapOf(files);
    expect(map.locate('aws_vpc.nope')).toBeUndefined();
    expect(map.locate('module.nope.aws_vpc.x')).toBeUndefined();
    expect(map.locate('not an address')).toBeUndefined();
  });

  it('a resource the configuration removes points at its removed block (Terraform forgets it, AWS may keep it)', async () => {
    const { map } = await mapOf({
      'main.tf': `module "net" {
  source = "./net"
}

removed {
  from = aws_route_table.old
  lifecycle {
    destroy = false
  }
}

removed {
  from = module.legacy
  lifecycle {
    destroy = false
  }
}

resource "aws_vpc" "kept" {}

removed {
  from = aws_vpc.kept
}
`,
      'net/main.tf': 'removed {\n  from = aws_subnet.gone\n}\n',
    });
    expect(map.locate('aws_route_table.old')?.location).toMatchObject({ file: 'main.tf', startLine: 5, endLine: 10 });
    expect(map.locate('aws_route_table.old')?.location.attributes).toBeUndefined();
    // A whole module removed: every resource that was in it.
    expect(map.locate('module.legacy.aws_vpc.main')?.location).toMatchObject({ file: 'main.tf', startLine: 12 });
    expect(map.locate('module.legacy["x"].module.inner.aws_subnet.a[0]')?.location).toMatchObject({ file: 'main.tf', startLine: 12 });
    // Removed inside a module, reached through the call.
    expect(map.locate('module.net.aws_subnet.gone')?.location).toMatchObject({ file: 'net/main.tf', startLine: 1, endLine: 3 });
    // A declaration wins over a removed block that names the same address (Terraform rejects both; the declaration is the line to fix).
    expect(map.locate('aws_vpc.kept')?.location).toMatchObject({ startLine: 19 });
    expect(map.locate('aws_route_table.other')).toBeUndefined();
  });

  it('parses each directory once, however many calls share it', async () => {
    const { loader } = await mapOf({
      'main.tf': 'module "a" {\n  source = "./m"\n}\nmodule "b" {\n  source = "./m/"\n}\n',
      'm/main.tf': 'module "self" {\n  source = "./"\n}\n',
    });
    expect(loader.filesParsed).toBe(2);
  });
});

describe('source and repository roots', () => {
  it('--source-root wins; else the plan directory when it has .tf files; else the working directory', () => {
    const dir = tree({ 'infra/main.tf': '', 'infra/plan.json': '{}', 'plans/plan.json': '{}' });
    expect(sourceRoot({ sourceRoot: 'infra', cwd: dir })).toBe(join(dir, 'infra'));
    expect(sourceRoot({ planFile: 'infra/plan.json', cwd: dir })).toBe(join(dir, 'infra'));
    expect(sourceRoot({ planFile: 'plans/plan.json', cwd: dir })).toBe(dir);
    expect(sourceRoot({ planFile: '-', cwd: dir })).toBe(dir);
    expect(() => sourceRoot({ sourceRoot: 'nope', cwd: dir })).toThrow(UsageError);
  });

  it('paths are relative to the repository root (the nearest .git above), else to the source root', () => {
    const dir = tree({ '.git/HEAD': '', 'infra/main.tf': '' });
    expect(repositoryRoot(join(dir, 'infra'))).toBe(dir);
    const bare = tree({ 'main.tf': '' });
    expect(repositoryRoot(bare)).toBe(bare);
  });
});
