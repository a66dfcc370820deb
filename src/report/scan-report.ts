import { createHash } from 'node:crypto';
import type { EngineResult, ReportedFinding } from '../engine/run.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { InventorySource } from '../model/inventory.js';
import type { RuleRun } from '../engine/run.js';
import { TOOL_NAME, VERSION } from '../version.js';

/** Everything a reporter needs: the findings, what could not be judged, and what was scanned. */
export interface ScanReport {
  tool: { name: string; version: string };
  source: InventorySource;
  findings: ReportedFinding[];
  diagnostics: Diagnostic[];
  rules: RuleRun[];
  /** How many inventory nodes of each kind were scanned. */
  inventory: Record<string, number>;
}

export function makeReport(source: InventorySource, result: EngineResult, inventoryDiagnostics: Diagnostic[], inventory: Record<string, number>): ScanReport {
  return {
    tool: { name: TOOL_NAME, version: VERSION },
    source,
    findings: result.findings,
    diagnostics: [...inventoryDiagnostics, ...result.diagnostics],
    rules: result.rules,
    inventory,
  };
}

/**
 * A finding's identity across runs: rule, primary resource and the rule's
 * evidence, never line numbers or message wording, so it survives edits that
 * move lines or reword messages.
 */
export function fingerprint(f: ReportedFinding): string {
  const evidence = Object.keys(f.evidence)
    .sort()
    .map((k) => [k, f.evidence[k]]);
  const identity = f.primary.address ?? f.primary.arn ?? f.primary.id ?? f.primary.key;
  return createHash('sha256').update(JSON.stringify([f.ruleId, identity, evidence])).digest('hex').slice(0, 32);
}

export function countBySeverity(findings: readonly ReportedFinding[]): { error: number; warning: number; note: number } {
  const out = { error: 0, warning: 0, note: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

export function sourceLabel(source: InventorySource): string {
  switch (source.kind) {
    case 'plan':
      return source.file === '-' ? '<stdin>' : source.file;
    case 'aws':
      return `aws ${source.accounts.join(',') || '(account unknown)'} ${source.regions.join(',')}`;
    case 'snapshot':
      return `snapshot ${source.file}`;
    case 'test':
      return 'test inventory';
  }
}
