import type { Inventory } from '../model/inventory.js';
import { NO_EVALUATOR, type PolicyEvaluator } from './policy-step.js';

/**
 * The policy evaluator explain uses. The policy engine (src/policy/) is not
 * part of this build yet, so every policy document is reported as "policy not
 * evaluated"; facts that need no evaluation (no policy, an unknown policy) are
 * still stated. Plugging the engine in is this one function.
 */
export function policyEvaluator(_inv: Inventory): PolicyEvaluator {
  return NO_EVALUATOR;
}
