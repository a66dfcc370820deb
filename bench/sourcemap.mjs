#!/usr/bin/env node
// Measures the source map alone: parsing a synthetic Terraform repository of
// N resource blocks (200 block pairs per file, with heredoc policies and
// nested blocks) with tree-sitter, then locating every block's instances
// (a module called with for_each, so 2 instances per block). Prints wall time
// per phase and the process's RSS.
//
// With --scan <plan.json>, also scans that plan (vpcelint scan --format sarif,
// 5 runs each, alternating) with each repository as --source-root and with a
// source root that has no .tf files: the difference is what source lines cost
// a scan (on a plan of 1 MB or more the .tf files are parsed in a worker thread
// meanwhile, src/sourcemap/load.ts).
//
// Usage: node bench/sourcemap.mjs [--scan plan.json] [blocks ...]   (default 1000 10000 50000; needs `npm run build`)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hclParser } from '../build/src/sourcemap/hcl.js';
import { SourceMap } from '../build/src/sourcemap/locate.js';
import { ModuleLoader } from '../build/src/sourcemap/modules.js';

const PER_FILE = 200;
const pair = (i) => `# rt ${i}
resource "aws_route_table" "t${i}" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.n${i}.id
  }
  tags = { Name = "t${i}" }
}

resource "aws_vpc_endpoint" "e${i}" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.s3"
  policy = <<POLICY
{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b${i}/*"}]}
POLICY
}
`;

const t0 = performance.now();
const parser = await hclParser();
console.log(`parser init ${(performance.now() - t0).toFixed(0)} ms`);
const args = process.argv.slice(2);
const scanPlan = args[0] === '--scan' ? args[1] : undefined;
const sizes = args.slice(scanPlan ? 2 : 0).map(Number).filter(Boolean);

/** Wall time of `vpcelint scan` on the plan with this source root, and which thread --timings says read the .tf files. */
function scanWith(sourceRoot) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=12288', new URL('../bin/vpcelint.js', import.meta.url).pathname, 'scan', '--plan', scanPlan, '--source-root', sourceRoot, '--format', 'sarif', '--output', '/dev/null', '--fail-on', 'none', '--timings'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return { ms: performance.now() - t, read: /^sources: .*$/m.exec(r.stderr)?.[0] ?? 'no .tf files' };
}

const medianMs = (runs) => runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
for (const n of sizes.length > 0 ? sizes : [1000, 10000, 50000]) {
  const dir = mkdtempSync(join(tmpdir(), 'vpcelint-bench-src-'));
  mkdirSync(join(dir, 'modules', 'm'), { recursive: true });
  writeFileSync(join(dir, 'main.tf'), 'module "m" {\n  source   = "./modules/m"\n  for_each = toset(["a", "b"])\n}\n');
  let bytes = 0;
  const pairs = Math.ceil(n / 2);
  for (let f = 0; f * PER_FILE < pairs; f++) {
    let text = '';
    for (let i = f * PER_FILE; i < Math.min(pairs, (f + 1) * PER_FILE); i++) text += pair(i);
    bytes += text.length;
    writeFileSync(join(dir, 'modules', 'm', `f${f}.tf`), text);
  }
  const t1 = performance.now();
  const loader = new ModuleLoader(parser);
  const root = loader.load(dir);
  const t2 = performance.now();
  const map = new SourceMap(root, dir);
  let found = 0;
  for (let i = 0; i < pairs; i++) {
    for (const key of ['a', 'b']) {
      if (map.locate(`module.m["${key}"].aws_route_table.t${i}`)) found++;
      if (map.locate(`module.m["${key}"].aws_vpc_endpoint.e${i}`)) found++;
    }
  }
  const t3 = performance.now();
  console.log(
    `${String(pairs * 2).padStart(6)} blocks in ${loader.filesParsed} files (${(bytes / 1e6).toFixed(1)} MB): parse ${(t2 - t1).toFixed(0)} ms, ` +
      `locate ${found} instance addresses ${(t3 - t2).toFixed(0)} ms, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
  if (scanPlan) {
    const none = mkdtempSync(join(tmpdir(), 'vpcelint-bench-nosrc-'));
    scanWith(dir); // warm-up: file cache
    const withTf = [];
    const without = [];
    for (let i = 0; i < 5; i++) {
      withTf.push(scanWith(dir));
      without.push(scanWith(none));
    }
    console.log(`        scan of ${scanPlan}: ${(medianMs(withTf) / 1000).toFixed(2)} s with these .tf files (${withTf[0].read}), ${(medianMs(without) / 1000).toFixed(2)} s without`);
    rmSync(none, { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
}
