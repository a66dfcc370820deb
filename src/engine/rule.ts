import type { Diagnostic } from '../model/diagnostic.js';
import type { Inventory } from '../model/inventory.js';
import type { Ref } from '../model/ref.js';
import type { Topology } from '../model/topology.js';

export type Severity = 'error' | 'warning' | 'note';

export interface RuleMeta {
  /** Stable id: the SARIF ruleId, the word in suppressions and config, the file name under rules/. */
  id: string;
  severity: Severity;
  /** One line. */
  title: string;
  /** What and why, a paragraph. */
  description: string;
  /** Markdown with a corrected Terraform snippet. */
  fix: string;
  /** AWS documentation links. */
  docs: string[];
  tags: string[];
  /** How sure a finding is: SARIF `precision`. */
  precision: 'very-high' | 'high' | 'medium' | 'low';
}

export interface Finding {
  ruleId: string;
  /** What, where, what to change. */
  message: string;
  /** The resource where the fix goes. */
  primary: Ref;
  /** The rest of the path: subnets, NAT, endpoint, bucket. */
  related: Ref[];
  /** The attribute the fix touches ('policy', 'route', 'private_dns_enabled'), for the source line. */
  attribute?: string;
  /** Stable facts identifying the finding, the fingerprint input. Must not include line numbers. */
  evidence: Record<string, string | number | boolean | string[]>;
  /** Overrides the rule's severity for this one finding (e.g. an open SG on a port the endpoint does not serve). */
  severity?: Severity;
}

/** What a rule yields: findings, or diagnostics for what it could not judge. */
export type RuleOutput = Omit<Finding, 'ruleId'> | { diagnostic: Omit<Diagnostic, 'ruleId'> };

export interface RuleContext {
  topology: Topology;
  /** Rule options from the config file, already validated. */
  options: Readonly<Record<string, unknown>>;
  settings: Readonly<ScanSettings>;
  /**
   * Values derived from the inventory that several rules of one run need
   * (every endpoint with its parsed policy, every policy site): computed by
   * the first rule that asks, shared with the others, dropped with the run.
   */
  shared: SharedValues;
}

export interface SharedValues {
  /** The value under `key`, computed on first use. Keys name what is computed; a value must not depend on the rule asking. */
  get<T>(key: string, compute: () => T): T;
}

/** Shared values for one run of the rules. */
export function sharedValues(): SharedValues {
  const values = new Map<string, unknown>();
  return {
    get<T>(key: string, compute: () => T): T {
      if (!values.has(key)) values.set(key, compute());
      return values.get(key) as T;
    },
  };
}

/** Settings rules may read; from the config file. */
export interface ScanSettings {
  /** Buckets that must be reached only privately, by name glob or tag. */
  privateBuckets: { names: string[]; tags: Record<string, string> };
}

export interface Rule {
  meta: RuleMeta;
  check(inv: Inventory, ctx: RuleContext): Iterable<RuleOutput>;
}

export function isDiagnosticOutput(out: RuleOutput): out is { diagnostic: Omit<Diagnostic, 'ruleId'> } {
  return 'diagnostic' in out;
}

export const SEVERITY_RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 };
