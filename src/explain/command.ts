import { readAws } from '../cli/scan-live.js';
import { fitPlanToHeap } from '../cli/heap.js';
import { planProgress } from '../cli/plan-progress.js';
import type { Io } from '../cli/scan.js';
import { readPlanFile } from '../collect/terraform/read-plan.js';
import { collectPlanWithSources } from '../cli/plan-sources.js';
import { prepareSources } from '../sourcemap/index.js';
import type { ReadOptions } from '../collect/terraform/read-plan.js';
import { UsageError } from '../errors.js';
import type { Inventory } from '../model/inventory.js';
import { redact } from '../report/redact.js';
import { readSnapshot } from '../snapshot/index.js';
import { explainBucket } from './bucket.js';
import { policyEvaluator } from './evaluator.js';
import { bucketFlowchart, routeFlowchart } from './render-mermaid.js';
import { renderBucketText, renderRouteText } from './render-text.js';
import { explainRoutes } from './subject.js';
import { EXPLAIN_FORMATS, type ExplainFormat } from './formats.js';

export interface ExplainOptions {
  plan?: string;
  snapshot?: string;
  aws?: boolean;
  /** Comma-separated (a variadic option would swallow the subnet argument). */
  region?: string;
  profile?: string;
  roleArn?: string;
  bucket?: string;
  format?: string;
  /** With --plan: the root module's .tf files, as scan's --source-root. */
  sourceRoot?: string;
}

/** `vpcelint explain`: prints how traffic from a subnet reaches each service, or who reaches a bucket and how. */
export async function explainCommand(target: string | undefined, opts: ExplainOptions, io: Io): Promise<number> {
  const format = (opts.format ?? 'text') as ExplainFormat;
  if (!EXPLAIN_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPLAIN_FORMATS.join(', ')}; got ${JSON.stringify(opts.format)}`);
  if (opts.bucket !== undefined && target !== undefined) throw new UsageError('explain takes a subnet or route table, or --bucket NAME, not both');
  if (opts.bucket === undefined && target === undefined) throw new UsageError('explain needs a subnet or route table (Terraform address or id), or --bucket NAME');
  // A plan too large for this process's heap is read lean, or explained by a new process with a larger heap (as scan does).
  const fit = opts.plan !== undefined ? await fitPlanToHeap(opts.plan, io.heap, io.warn) : { lean: false };
  if ('exitCode' in fit) return fit.exitCode;
  // A large plan takes seconds to read: the same status line as scan's, on a terminal only, erased before the answer.
  const progress = opts.plan !== undefined && io.progressLine ? planProgress(opts.plan, { env: io.env, write: io.progressLine }) : undefined;
  let inv: Inventory;
  try {
    inv = await loadInventory(opts, io, fit.lean);
  } finally {
    progress?.end();
  }
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

/** The same inputs as scan: a plan, a saved snapshot, or live AWS (read-only). */
async function loadInventory(opts: ExplainOptions, io: Io, lean: NonNullable<ReadOptions['lean']>): Promise<Inventory> {
  const inputs = [opts.plan !== undefined && '--plan', opts.snapshot !== undefined && '--snapshot', opts.aws && '--aws'].filter(Boolean);
  if (inputs.length === 0) throw new UsageError('explain needs an input: --plan <plan.json> (use "-" for standard input), --snapshot <file>, or --aws');
  if (inputs.length > 1) throw new UsageError(`explain reads one input: ${inputs.join(' and ')} cannot be combined`);
  if (!opts.aws && (opts.region || opts.profile || opts.roleArn)) throw new UsageError('--region, --profile and --role-arn apply to --aws');
  if (opts.sourceRoot !== undefined && opts.plan === undefined) throw new UsageError('--source-root applies to --plan');
  if (opts.plan !== undefined) {
    // Policies written as jsonencode() over values known only after apply come from the .tf source, as in scan.
    const sources = prepareSources({ planFile: opts.plan, cwd: io.cwd, ...(opts.sourceRoot !== undefined ? { sourceRoot: opts.sourceRoot } : {}) });
    return collectPlanWithSources(readPlanFile(opts.plan, { lean }), opts.plan, sources);
  }
  if (opts.snapshot !== undefined) return readSnapshot(opts.snapshot);
  return readAws({ aws: true, failOn: 'none', quiet: true, ...(opts.region ? { region: [opts.region] } : {}), ...(opts.profile ? { profile: opts.profile } : {}), ...(opts.roleArn ? { roleArn: opts.roleArn } : {}) }, io);
}
