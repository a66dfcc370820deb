import { expect, it } from 'vitest';
import type { Rule } from '../../src/engine/rule.js';
import { runRules, type EngineResult, type RuleSetting } from '../../src/engine/run.js';
import type { Inventory } from '../../src/model/inventory.js';
import type { ScanSettings } from '../../src/engine/rule.js';

export interface ExpectedFinding {
  /** The primary resource's key (Terraform address in tests). */
  primary: string;
  /** Substrings the message must contain. */
  messageIncludes?: string[];
  related?: string[];
  severity?: 'error' | 'warning' | 'note';
}

export interface RuleCase {
  name: string;
  inventory: () => Inventory;
  settings?: ScanSettings;
  ruleSetting?: RuleSetting;
}

export interface InvalidCase extends RuleCase {
  findings: ExpectedFinding[];
}

/** Runs a single rule. */
export function runRule(rule: Rule, inv: Inventory, settings?: ScanSettings, ruleSetting?: RuleSetting): EngineResult {
  return runRules(inv, {
    rules: [rule],
    ...(settings ? { settings } : {}),
    ...(ruleSetting ? { ruleSettings: { [rule.meta.id]: ruleSetting } } : {}),
  });
}

/**
 * ESLint's RuleTester, for inventories: every valid case yields no finding,
 * every invalid case exactly the findings listed (by primary resource).
 */
export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  for (const c of cases.valid) {
    it(`valid: ${c.name}`, () => {
      const result = runRule(rule, c.inventory(), c.settings, c.ruleSetting);
      expect(result.findings.map((f) => `${f.primary.key}: ${f.message}`)).toEqual([]);
      expect(result.diagnostics.filter((d) => d.code === 'rule-crashed')).toEqual([]);
    });
  }
  for (const c of cases.invalid) {
    it(`invalid: ${c.name}`, () => {
      const result = runRule(rule, c.inventory(), c.settings, c.ruleSetting);
      expect(result.diagnostics.filter((d) => d.code === 'rule-crashed')).toEqual([]);
      expect(result.findings.map((f) => f.primary.key).sort()).toEqual(c.findings.map((f) => f.primary).sort());
      for (const want of c.findings) {
        const got = result.findings.find((f) => f.primary.key === want.primary)!;
        for (const part of want.messageIncludes ?? []) expect(got.message).toContain(part);
        if (want.related) expect(got.related.map((r) => r.key).sort()).toEqual([...want.related].sort());
        if (want.severity) expect(got.severity).toBe(want.severity);
        expect(got.ruleId).toBe(rule.meta.id);
      }
    });
  }
}
