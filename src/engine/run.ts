import type { Diagnostic } from '../model/diagnostic.js';
import type { Inventory } from '../model/inventory.js';
import { topologyOf } from '../model/topology.js';
import { clearPolicyCache } from '../policy/cache.js';
import { isDiagnosticOutput, sharedValues, type Finding, type Rule, type RuleMeta, type ScanSettings, type Severity } from './rule.js';

/** A finding with the severity it is reported at, after config overrides. */
export interface ReportedFinding extends Finding {
  severity: Severity;
}

export interface RuleSetting {
  /** `off` disables the rule. */
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
}

export interface EngineOptions {
  rules: readonly Rule[];
  ruleSettings?: Readonly<Record<string, RuleSetting>>;
  settings?: ScanSettings;
}

export interface RuleRun {
  meta: RuleMeta;
  /** Severity after config overrides. */
  severity: Severity;
  /** Wall time the rule took in this run, in milliseconds (`--timings` names the slowest). */
  ms?: number;
}

export interface EngineResult {
  findings: ReportedFinding[];
  diagnostics: Diagnostic[];
  rules: RuleRun[];
}

export const DEFAULT_SETTINGS: ScanSettings = { privateBuckets: { names: [], tags: {} } };

/** Runs every enabled rule over the inventory. Rules never throw past here: a crash becomes a diagnostic. */
export function runRules(inv: Inventory, options: EngineOptions): EngineResult {
  const topology = topologyOf(inv);
  const findings: ReportedFinding[] = [];
  const diagnostics: Diagnostic[] = [];
  const runs: RuleRun[] = [];
  const shared = sharedValues();
  for (const rule of options.rules) {
    const setting = options.ruleSettings?.[rule.meta.id];
    if (setting?.severity === 'off') continue;
    const ruleSeverity = setting?.severity ?? rule.meta.severity;
    const run: RuleRun = { meta: rule.meta, severity: ruleSeverity };
    runs.push(run);
    const ctx = { topology, options: setting?.options ?? {}, settings: options.settings ?? DEFAULT_SETTINGS, shared };
    const start = performance.now();
    try {
      for (const out of rule.check(inv, ctx)) {
        if (isDiagnosticOutput(out)) {
          diagnostics.push({ ...out.diagnostic, ruleId: rule.meta.id });
          continue;
        }
        // A per-finding severity is relative to the rule's default; a config override replaces both.
        const severity = setting?.severity ?? out.severity ?? ruleSeverity;
        findings.push({ ...out, ruleId: rule.meta.id, severity });
      }
    } catch (err) {
      diagnostics.push({
        level: 'error',
        code: 'rule-crashed',
        ruleId: rule.meta.id,
        message: `rule ${rule.meta.id} failed and its results are incomplete: ${(err as Error).message}`,
      });
    }
    run.ms = performance.now() - start;
  }
  // What the policy rules shared is garbage now; dropped here rather than held through the reports.
  clearPolicyCache();
  findings.sort(compareFindings);
  return { findings, diagnostics: sortDiagnostics(dedupeDiagnostics(diagnostics)), rules: runs };
}

function compareFindings(a: ReportedFinding, b: ReportedFinding): number {
  return cmp(a.ruleId, b.ruleId) || cmp(a.primary.key, b.primary.key) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reports must not depend on the order of resources in the input. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.ruleId ?? ''}\u0000${d.subject?.key ?? ''}\u0000${d.code}\u0000${d.message}`;
  return [...list].sort((a, b) => cmp(key(a), key(b)));
}

function dedupeDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.ruleId ?? ''}\u0000${d.code}\u0000${d.subject?.key ?? ''}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
