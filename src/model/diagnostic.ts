import type { Ref } from './ref.js';

/**
 * Something the scan could not do or judge: a value unknown at plan time, a
 * policy that does not parse, an AWS call that was denied. Diagnostics are part
 * of every report: unknown is never a silent pass.
 */
export interface Diagnostic {
  level: 'error' | 'warning' | 'note';
  /** Stable machine-readable code, e.g. `not-evaluated`, `policy-invalid`, `aws-access-denied`. */
  code: string;
  message: string;
  /** The resource concerned, when there is one. */
  subject?: Ref;
  /** The rule that could not judge, when the diagnostic comes from a rule. */
  ruleId?: string;
  /** Input file and JSON path, for problems located in an input document. */
  file?: string;
  jsonPath?: string;
}
