import { collectPlanFile } from '../collect/terraform/index.js';
import { UsageError } from '../errors.js';
import type { Inventory } from '../model/inventory.js';
import { redact } from '../report/redact.js';
import { explainBucket } from './bucket.js';
import { policyEvaluator } from './evaluator.js';
import { bucketFlowchart, routeFlowchart } from './render-mermaid.js';
import { renderBucketText, renderRouteText } from './render-text.js';
import { explainRoutes } from './subject.js';

export const EXPLAIN_FORMATS = ['text', 'mermaid'] as const;
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];

export interface ExplainOptions {
  plan?: string;
  bucket?: string;
  format?: string;
}

/** `vpcelint explain`: prints how traffic from a subnet reaches each service, or who reaches a bucket and how. */
export function explainCommand(target: string | undefined, opts: ExplainOptions, io: { stdout: (s: string) => void }): number {
  const format = (opts.format ?? 'text') as ExplainFormat;
  if (!EXPLAIN_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPLAIN_FORMATS.join(', ')}; got ${JSON.stringify(opts.format)}`);
  if (opts.bucket !== undefined && target !== undefined) throw new UsageError('explain takes a subnet or route table, or --bucket NAME, not both');
  if (opts.bucket === undefined && target === undefined) throw new UsageError('explain needs a subnet or route table (Terraform address or id), or --bucket NAME');
  const inv = loadInventory(opts);
  const evaluator = policyEvaluator(inv);
  let out: string;
  if (opts.bucket !== undefined) {
    const e = explainBucket(inv, opts.bucket, evaluator);
    out = format === 'mermaid' ? `${bucketFlowchart(e).render()}\n` : renderBucketText(e);
  } else {
    const e = explainRoutes(inv, target!, { evaluator });
    out = format === 'mermaid' ? `${routeFlowchart(e).render()}\n` : renderRouteText(e);
  }
  io.stdout(redact(out, inv.sensitiveValues));
  return 0;
}

function loadInventory(opts: ExplainOptions): Inventory {
  if (!opts.plan) throw new UsageError('explain needs an input: --plan <plan.json> (use "-" for standard input)');
  return collectPlanFile(opts.plan);
}
