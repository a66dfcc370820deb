#!/usr/bin/env node
// Writes docs/rules/<id>.md for every rule registered in rules/index.ts, from
// the rule's metadata (the renderer is src/report/rule-help.ts, which SARIF's
// rule help uses too), and removes pages of rules that no longer exist.
// test/report/rule-docs.test.ts fails when a page is out of step.
//
// Usage: npm run docs:rules        (builds first; --check only reports drift, exit 1)
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../build/rules/index.js';
import { renderRulePage } from '../build/src/report/rule-help.js';

const dir = new URL('../docs/rules/', import.meta.url).pathname;
const check = process.argv.includes('--check');
mkdirSync(dir, { recursive: true });
const wanted = new Map(allRules.map((r) => [`${r.meta.id}.md`, renderRulePage(r.meta)]));
let drift = 0;
for (const [name, text] of wanted) {
  const file = join(dir, name);
  let current;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  drift++;
  if (check) console.error(`docs/rules/${name}: ${current === undefined ? 'missing' : 'out of date'}`);
  else {
    writeFileSync(file, text);
    console.log(`docs/rules/${name}`);
  }
}
for (const name of readdirSync(dir).filter((n) => n.endsWith('.md') && !wanted.has(n))) {
  drift++;
  if (check) console.error(`docs/rules/${name}: no such rule`);
  else {
    rmSync(join(dir, name));
    console.log(`docs/rules/${name} (removed: no such rule)`);
  }
}
if (check && drift > 0) process.exitCode = 1;
