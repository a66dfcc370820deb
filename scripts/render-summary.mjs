#!/usr/bin/env node
// Renders a Markdown report (the Action's job summary) with its Mermaid blocks to a
// PNG in headless Chromium, to look at what GitHub would show. A manual check, not a test.
// Usage: node scripts/render-summary.mjs <summary.md> <out.png> [--sections N] [--width PX] [--height PX]
//   --sections N  keep the header and the first N rule sections only
// Needs Debian's chromium (apt-get install -y chromium); offline: Mermaid and marked load from node_modules.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const [input, output, ...rest] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/render-summary.mjs <summary.md> <out.png> [--sections N] [--width PX] [--height PX]');
  process.exit(2);
}
const opt = (name, fallback) => {
  const i = rest.indexOf(name);
  return i >= 0 ? Number(rest[i + 1]) : fallback;
};

let markdown = readFileSync(input, 'utf8');
const sections = opt('--sections', Infinity);
if (Number.isFinite(sections)) {
  const starts = [...markdown.matchAll(/^### /gm)].map((m) => m.index);
  if (starts.length > sections) markdown = markdown.slice(0, starts[sections]);
}

const { marked } = await import(pathToFileURL(require.resolve('marked')).href);
const renderer = new marked.Renderer();
const code = renderer.code.bind(renderer);
renderer.code = (token) => (token.lang === 'mermaid' ? `<pre class="mermaid">${escapeHtml(token.text)}</pre>` : code(token));
const body = marked.parse(markdown, { gfm: true, renderer });
const mermaidJs = pathToFileURL(join(dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js')).href;

const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; margin: 24px; max-width: ${opt('--width', 1100) - 48}px; }
table { border-collapse: collapse; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; } th { background: #f6f8fa; }
code { background: #eff1f3; padding: 2px 4px; border-radius: 4px; font-size: 85%; }
pre:not(.mermaid) { background: #f6f8fa; padding: 12px; border-radius: 6px; }
h2, h3 { border-bottom: 1px solid #d1d9e0; padding-bottom: 4px; } blockquote { color: #59636e; border-left: 4px solid #d1d9e0; margin: 0; padding: 0 12px; }
pre.mermaid { background: none; text-align: center; }
</style></head><body>${body}
<script src="${mermaidJs}"></script>
<script>mermaid.initialize({ startOnLoad: true, theme: 'default', securityLevel: 'strict' });</script>
</body></html>`;

const dir = mkdtempSync(join(tmpdir(), 'vpcelint-render-'));
const page = join(dir, 'summary.html');
writeFileSync(page, html);
const r = spawnSync('chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`, '--hide-scrollbars',
  `--window-size=${opt('--width', 1100)},${opt('--height', 1400)}`, '--virtual-time-budget=15000', `--screenshot=${resolve(output)}`,
  pathToFileURL(page).href,
], { encoding: 'utf8' });
if (r.status !== 0) {
  console.error(r.stderr);
  process.exit(1);
}
console.log(`wrote ${output} (${page})`);

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
