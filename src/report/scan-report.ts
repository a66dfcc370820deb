import { createHash, hash } from 'node:crypto';
import { sortDiagnostics, type EngineResult, type ReportedFinding } from '../engine/run.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { InventorySource } from '../model/inventory.js';
import type { RuleRun } from '../engine/run.js';
import { nameList } from '../util/name-list.js';
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
  /** Findings silenced by an inline comment, a config `ignore` entry or a baseline: reported, never counted. */
  suppressed: SuppressedFinding[];
  /** Absolute directory that source locations are relative to (SARIF's %SRCROOT%), when sources were mapped. */
  sourceRoot?: string;
  /** The baseline SARIF the scan was compared with (`--baseline`). */
  baseline?: { file: string };
}

/** Why a finding is not counted. */
export interface Suppression {
  /** SARIF's kind: `inSource` for a comment in the .tf block, `external` for config and baseline. */
  kind: 'inSource' | 'external';
  via: 'inline' | 'config' | 'baseline';
  justification: string;
  /** Where it is written: the comment's file and line, the config file, the baseline file. */
  location?: { file: string; line?: number };
}

export interface SuppressedFinding extends ReportedFinding {
  suppressions: Suppression[];
}

export function makeReport(source: InventorySource, result: EngineResult, inventoryDiagnostics: Diagnostic[], inventory: Record<string, number>): ScanReport {
  return {
    tool: { name: TOOL_NAME, version: VERSION },
    source,
    findings: result.findings,
    diagnostics: [...sortDiagnostics(inventoryDiagnostics), ...result.diagnostics],
    rules: result.rules,
    inventory,
    suppressed: [],
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
  const identity = f.primary.address ?? liveIdentity(f.primary);
  return sha256Hex(JSON.stringify([f.ruleId, identity, evidence])).slice(0, 32);
}

/** One-shot crypto.hash where Node has it (20.12+): a Hash object per finding costs more than the digest. */
const sha256Hex: (text: string) => string = typeof hash === 'function'
  ? (text) => hash('sha256', text, 'hex')
  : (text) => createHash('sha256').update(text).digest('hex');

/**
 * A live resource's identity: account, region and ARN (or id), so the same
 * problem keeps its fingerprint across daily audits and two accounts never
 * share one. Kept a plain string when only a key is known, as before.
 */
function liveIdentity(ref: ReportedFinding['primary']): string {
  const name = ref.arn ?? ref.id ?? ref.key;
  return ref.account || ref.region ? `${ref.account ?? ''}/${ref.region ?? ''}/${name}` : name;
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
    case 'aws': {
      const accounts = source.organization !== undefined
        ? `organization ${source.organization} (${source.accounts.length} account${source.accounts.length === 1 ? '' : 's'})`
        : source.accounts.join(',') || '(account unknown)';
      const regions = source.allRegions ? `all enabled regions (${nameList(source.regions)})` : source.regions.join(',');
      return `aws ${accounts} ${regions}`;
    }
    case 'snapshot':
      return `snapshot ${source.file}`;
    case 'test':
      return 'test inventory';
  }
}
