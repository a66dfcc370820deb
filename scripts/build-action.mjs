#!/usr/bin/env node
// Bundles the GitHub Action (src/action/index.ts and everything it imports) into
// dist/index.js and the chunks it loads, so the Action runs without `npm install`.
// Usage: node scripts/build-action.mjs [--head] [outdir]   (default: dist)
//   --head  bundles the sources as committed (git HEAD), not the working tree: in a
//           checkout shared with others, their uncommitted edits stay out of dist/.
// The output is deterministic: test/action/dist.test.ts rebuilds into a temporary
// directory and compares it with the committed dist/.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const fromHead = args.includes('--head');
const outdir = resolve(repo, args.find((a) => a !== '--head') ?? 'dist');
const root = fromHead ? committedSources() : repo;
const require = createRequire(join(root, 'package.json'));

/** The committed src/, rules/, package.json and tsconfig.json (esbuild reads it) in a temporary directory, sharing this checkout's node_modules. */
function committedSources() {
  const dir = mkdtempSync(join(tmpdir(), 'vpcelint-head-'));
  const tar = execFileSync('git', ['archive', '--format=tar', 'HEAD', 'src', 'rules', 'package.json', 'tsconfig.json'], { cwd: repo, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

// The Action, and the worker thread that reads .tf files meanwhile (src/sourcemap/load.ts looks for it
// beside the code that starts it). Split into chunks, all in dist/ itself (web-tree-sitter and hcl.ts find their
// files relative to the module they run in): the live scan's AWS SDK, 4 MB of the bundle, loads only when the
// Action scans AWS. As one file, Node compiled and ran all of it on every pull request, about 0.1 s of a plan scan.
// Every file is .js, an ES module by the repository's package.json.
await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'src/action/index.ts', out: 'index' },
    { in: 'src/sourcemap/sourcemap-worker.ts', out: 'sourcemap-worker' },
  ],
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: '[name]-[hash]',
  platform: 'node',
  // action.yml runs node24; the bundle must also run on Node 20 (tests, older runners).
  target: 'node20',
  format: 'esm',
  // CommonJS dependencies call require() for Node built-ins; ESM has none of its own.
  banner: { js: "import { createRequire as __vpcelintCreateRequire } from 'node:module';\nconst require = __vpcelintCreateRequire(import.meta.url);" },
  legalComments: 'eof',
  sourcemap: false,
  minify: false,
  logLevel: 'warning',
  // Module paths in the bundle's comments stay node_modules/..., whether node_modules is a directory or (--head) a link.
  preserveSymlinks: true,
});

// Assets loaded at run time from beside the bundle:
// - web-tree-sitter finds its runtime as new URL('web-tree-sitter.wasm', import.meta.url);
// - src/sourcemap/hcl.ts resolves the HCL grammar package from the bundle's directory, so it
//   is shipped as a minimal package under dist/node_modules (with its licence).
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(outdir, 'web-tree-sitter.wasm'));
const grammarDir = dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json'));
const grammar = JSON.parse(readFileSync(join(grammarDir, 'package.json'), 'utf8'));
const shipped = join(outdir, 'node_modules', '@tree-sitter-grammars', 'tree-sitter-hcl');
mkdirSync(shipped, { recursive: true });
writeFileSync(join(shipped, 'package.json'), `${JSON.stringify({ name: grammar.name, version: grammar.version, license: grammar.license }, null, 2)}\n`);
for (const file of ['tree-sitter-terraform.wasm', 'LICENSE']) copyFileSync(join(grammarDir, file), join(shipped, file));
copyFileSync(join(dirname(require.resolve('web-tree-sitter/web-tree-sitter.wasm')), 'LICENSE'), join(outdir, 'web-tree-sitter.LICENSE'));
if (fromHead) rmSync(root, { recursive: true, force: true });
