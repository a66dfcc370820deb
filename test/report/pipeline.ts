import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Ajv, ValidateFunction } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import type * as Sarif from 'sarif';
import { allRules } from '../../rules/index.js';
import { collectPlanFile } from '../../src/collect/terraform/index.js';
import { scan } from '../../src/cli/scan.js';
import type { Config } from '../../src/config/load.js';
import { emptyConfig } from '../../src/config/load.js';
import type { Inventory } from '../../src/model/inventory.js';
import { renderSarif } from '../../src/report/sarif.js';
import type { ScanReport } from '../../src/report/scan-report.js';
import { attachSources } from '../../src/sourcemap/index.js';
import { applySuppressions, readBaseline } from '../../src/suppress/index.js';
import { ROOT } from '../helpers/fixtures.js';

/** The scan pipeline as `vpcelint scan` runs it: engine, source map, suppressions. */
export async function scanPipeline(
  inv: Inventory,
  options: { planFile?: string; sourceRoot?: string; config?: Config; baseline?: string; now?: Date } = {},
): Promise<ScanReport> {
  const config = options.config ?? emptyConfig();
  const engine = scan(inv, config);
  const sources = await attachSources(engine, {
    ...(options.planFile ? { planFile: options.planFile } : {}),
    ...(options.sourceRoot ? { sourceRoot: options.sourceRoot } : {}),
    cwd: options.planFile ? dirname(options.planFile) : ROOT,
  });
  return applySuppressions(sources.report, {
    knownRules: allRules.map((r) => r.meta.id),
    sources,
    config,
    ...(options.baseline ? { baseline: { file: options.baseline, fingerprints: readBaseline(options.baseline) } } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}

export async function scanPlan(planFile: string, options: Parameters<typeof scanPipeline>[1] = {}): Promise<ScanReport> {
  return scanPipeline(collectPlanFile(planFile), { ...options, planFile });
}

export function sarifOf(report: ScanReport): Sarif.Log {
  return JSON.parse(renderSarif(report)) as Sarif.Log;
}

let validator: ValidateFunction | undefined;

/**
 * The OASIS schema (copied into test/schemas, see its README), with the
 * formats it uses checked for real: a malformed URI must fail.
 */
export function sarifValidator(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(new URL('../schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  // A CommonJS module: under NodeNext its default import is module.exports, whose `default` is the class.
  const mod = AjvDraft04Module as unknown as { default?: unknown };
  const AjvDraft04 = (mod.default ?? mod) as typeof Ajv;
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  ajv.addFormat('uri', (s: string) => {
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  });
  ajv.addFormat('uri-reference', (s: string) => {
    if (/[\s"<>\\^`{|}]/.test(s)) return false;
    try {
      new URL(s, 'file:///base/');
      return true;
    } catch {
      return false;
    }
  });
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)));
  const compiled = ajv.compile(schema);
  validator = compiled;
  return compiled;
}
