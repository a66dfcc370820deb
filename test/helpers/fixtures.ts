import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { collectPlanFile } from '../../src/collect/terraform/index.js';
import { readPlanFile } from '../../src/collect/terraform/read-plan.js';
import { collectPlanWithSources } from '../../src/cli/plan-sources.js';
import { prepareSources } from '../../src/sourcemap/index.js';
import { scan } from '../../src/cli/scan.js';
import type { ScanReport } from '../../src/report/scan-report.js';
import type { Inventory } from '../../src/model/inventory.js';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const FIXTURES = join(ROOT, 'fixtures');
/** Real plans and policies from public repositories, copied unchanged from the team's shared collection. */
export const REALWORLD = join(ROOT, 'fixtures', 'realworld');

/** What a fixture must produce: every finding, by rule and primary address, and nothing else. */
export interface Expected {
  findings: { ruleId: string; primary: string }[];
  /** Diagnostic codes with the subject address they must name (a subset check). */
  diagnostics?: { code: string; subject?: string }[];
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'plan.json')))
    .map((d) => d.name)
    .sort();
}

export function planPath(name: string): string {
  return join(FIXTURES, name, 'plan.json');
}

export function expectedOf(name: string, file = 'expected.json'): Expected | undefined {
  file = join(FIXTURES, name, file);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Expected) : undefined;
}

export function scanFixture(name: string): ScanReport {
  return scan(collectPlanFile(planPath(name)));
}

/** A fixture scanned as the CLI scans it: with its .tf files, for the policies only they can give. */
export async function scanFixtureWithSources(name: string): Promise<ScanReport> {
  const file = planPath(name);
  const sources = prepareSources({ planFile: file, cwd: ROOT });
  return scan(await collectPlanWithSources(readPlanFile(file), file, sources));
}

export function inventoryOf(name: string) {
  return collectPlanFile(planPath(name));
}

/** The inventory of the plan.json in a directory, collected as the CLI collects it, with the .tf files there. */
export async function inventoryWithSources(dir: string): Promise<Inventory> {
  const plan = join(dir, 'plan.json');
  return collectPlanWithSources(readPlanFile(plan), plan, prepareSources({ planFile: plan, cwd: dir }));
}

/**
 * Copies of a directory (a fixture) in scratch directories, removed after the test file's tests: for sources
 * edited away from what the plan was made from. Call it at a test file's top level.
 */
export function scratchCopies(prefix: string): (from: string) => string {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return (from) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    cpSync(from, dir, { recursive: true });
    return dir;
  };
}

/** A file of a copied fixture with a text of it replaced (the text must be there): a source the plan was not made from. */
export function editedIn(dir: string, file: string, from: string, to: string): string {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
  return dir;
}

/** The policy of a bucket of the root module (`aws_s3_bucket.<name>`). */
export function bucketPolicy(inv: Inventory, name: string) {
  return inv.buckets.get(`aws_s3_bucket.${name}`)!.policy;
}

/** Why a bucket's policy was not evaluated, or what it is instead: for assertions on the reason. */
export function reasonOf(inv: Inventory, name: string): string {
  const policy = bucketPolicy(inv, name);
  return policy.kind === 'unknown' ? policy.reason : `a ${policy.kind} policy`;
}
