import type { Inventory } from '../../model/inventory.js';
import type { Instance } from './instances.js';

/** Shorter values are not secrets, and redacting them everywhere would garble reports. */
const MIN_LENGTH = 4;

/**
 * Records every value Terraform marks sensitive, so reporters can keep them out
 * of all output. A sensitive policy document also contributes its string
 * leaves: rules quote statements and condition values, not whole documents.
 */
export function collectSensitive(inv: Inventory, inst: Instance): void {
  const marks = inst.sensitive;
  if (marks === undefined || marks === null || marks === false) return;
  // Iterative walk over the mark tree and the value tree together (marks and values side by side on one stack).
  // Most instances mark nothing ({} or {"tags": {}}): the walk must cost next to nothing for them.
  const stack: unknown[] = [marks, inst.values];
  while (stack.length > 0) {
    const value = stack.pop();
    const mark = stack.pop();
    if (mark === true) {
      addLeaves(inv, value);
      continue;
    }
    if (mark === null || typeof mark !== 'object' || value === null || typeof value !== 'object') continue;
    for (const k in mark) {
      if (!Object.hasOwn(mark, k)) continue;
      const m = (mark as Record<string, unknown>)[k];
      if (m !== false && m !== undefined) stack.push(m, Object.hasOwn(value, k) ? (value as Record<string, unknown>)[k] : undefined);
    }
  }
}

/**
 * Policy grammar is not secret, and hiding it would garble every report that
 * mentions it: effects, versions, `*`, and `service:Name` actions and
 * condition keys. Account ids, ARNs, endpoint ids, addresses and Sids stay hidden.
 */
const POLICY_GRAMMAR = /^(?:Allow|Deny|\d{4}-\d{2}-\d{2}|\*|true|false|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$/;

function addLeaves(inv: Inventory, value: unknown): void {
  const stack: { v: unknown; inDocument: boolean }[] = [{ v: value, inDocument: false }];
  while (stack.length > 0) {
    const { v, inDocument } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length >= MIN_LENGTH && !(inDocument && POLICY_GRAMMAR.test(v))) inv.sensitiveValues.add(v);
      const trimmed = v.trimStart();
      if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        try {
          stack.push({ v: JSON.parse(v), inDocument: true });
        } catch {
          // Not JSON: the whole string is recorded already.
        }
      }
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push({ v: x, inDocument });
    } else if (v !== null && typeof v === 'object') {
      for (const x of Object.values(v)) stack.push({ v: x, inDocument });
    }
  }
}
