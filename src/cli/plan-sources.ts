import { collectPlanInStages } from '../collect/terraform/index.js';
import type { PlanJson } from '../collect/terraform/plan-types.js';
import type { Inventory } from '../model/inventory.js';
import type { SourceExpression, WantedExpression } from '../sourcemap/expression.js';
import { sourceExpressions, type PreparedSources } from '../sourcemap/index.js';

/**
 * A plan's inventory, with the policies written as jsonencode() over values
 * known only after apply rebuilt from the `.tf` source when it is there, and
 * the links the plan's references cannot tell read from it. The source is
 * read only when such a policy or link exists, and then only its blocks.
 * When the source tells links, the inventory is built again with them; that
 * build asks the source only for what the first did not.
 */
export async function collectPlanWithSources(plan: PlanJson, file: string, sources: PreparedSources): Promise<Inventory> {
  const answers = new Map<string, SourceExpression | undefined>();
  const ask = async (wanted: readonly WantedExpression[]): Promise<(SourceExpression | undefined)[]> => {
    const missing = wanted.filter((w) => !answers.has(keyOf(w)));
    let found: (SourceExpression | undefined)[] = [];
    try {
      if (missing.length > 0) found = await sourceExpressions(sources, missing);
    } catch {
      // Policies and links stay "not evaluated", as without a source; what went wrong reading it is reported with the source lines.
    }
    missing.forEach((w, i) => answers.set(keyOf(w), found[i]));
    return wanted.map((w) => answers.get(keyOf(w)));
  };
  const first = collectPlanInStages(plan, file);
  const found = await ask(first.wanted);
  const told = first.linksTold(found);
  if (told.size === 0) return first.finish(found);
  const again = first.again(told);
  return again.finish(await ask(again.wanted));
}

function keyOf(w: WantedExpression): string {
  return `${w.address}\u0000${w.path.join('\u0000')}`;
}
