import { collectPlanInStages } from '../collect/terraform/index.js';
import type { PlanJson } from '../collect/terraform/plan-types.js';
import type { Inventory } from '../model/inventory.js';
import type { SourceExpression } from '../sourcemap/expression.js';
import { policyExpressions, type PreparedSources } from '../sourcemap/index.js';

/**
 * A plan's inventory, with the policies written as jsonencode() over values
 * known only after apply rebuilt from the `.tf` source when it is there. The
 * source is read only when such a policy exists, and then only its blocks.
 */
export async function collectPlanWithSources(plan: PlanJson, file: string, sources: PreparedSources): Promise<Inventory> {
  const collection = collectPlanInStages(plan, file);
  let found: (SourceExpression | undefined)[] = [];
  try {
    found = await policyExpressions(sources, collection.wanted);
  } catch {
    // The policies stay "not evaluated", as without a source; what went wrong reading it is reported with the source lines.
  }
  return collection.finish(found);
}
