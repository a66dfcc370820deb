import { displayName } from '../model/ref.js';
import { Flowchart, type Shape, type Tone } from '../report/mermaid.js';
import type { BucketExplanation, BucketPath } from './bucket.js';
import type { RouteExplanation } from './subject.js';
import type { Hop, PathClass, ServicePath } from './trace.js';

const SHAPE: Partial<Record<Hop['kind'], Shape>> = {
  subnet: 'round',
  'gateway-endpoint': 'stadium',
  'interface-endpoint': 'stadium',
  'nat-gateway': 'hexagon',
  'nat-instance': 'hexagon',
  internet: 'cloud',
  service: 'cylinder',
};

function toneOf(cls: PathClass, hop: Hop): Tone {
  if (hop.kind === 'service') return 'service';
  if (hop.kind === 'unknown' || hop.kind === 'dropped') return 'unknown';
  if (hop.kind === 'subnet' || hop.kind === 'route-table') return 'plain';
  if (cls === 'private') return 'good';
  if (cls === 'nat' || cls === 'internet') return 'bad';
  return 'unknown';
}

/** One node per resource (a route table on several paths is drawn once); hops without a resource are per path. */
function hopNode(chart: Flowchart, hop: Hop, scope: string, cls: PathClass): string {
  const key = hop.ref ? `ref:${hop.ref.key}` : hop.kind === 'internet' ? 'internet' : `${scope}:${hop.kind}:${hop.label}`;
  const label = hop.ref ? hopTitle(hop) : hop.kind === 'unknown' ? `? ${hop.label}` : hop.label;
  return chart.node(key, label, { shape: SHAPE[hop.kind] ?? 'box', tone: toneOf(cls, hop) });
}

/** The kind on one line, the resource on the next: short lines keep the boxes narrow. */
function hopTitle(hop: Hop): string {
  const name = displayName(hop.ref!);
  const kind = hop.label.endsWith(name) ? hop.label.slice(0, hop.label.length - name.length).trim() : hop.label.split(` ${name}`)[0]!;
  return kind ? `${kind}\n${name}` : name;
}

function drawPath(chart: Flowchart, from: string, path: ServicePath, scope: string, style: 'solid' | 'dashed' = 'solid', firstLabel?: string): void {
  let prev = from;
  path.hops.forEach((hop, i) => {
    const node = hopNode(chart, hop, scope, path.class);
    const label = i === 0 && firstLabel ? `${firstLabel}${hop.via ? `: ${hop.via}` : ''}` : hop.via;
    chart.edge(prev, node, { style, ...(label ? { label } : {}) });
    prev = node;
  });
}

/** The picture of `vpcelint explain <subnet>`: the subnet and its table, then one branch per service. */
export function routeFlowchart(e: RouteExplanation): Flowchart {
  const chart = new Flowchart('TD');
  let prev: string | undefined;
  for (const hop of e.start) {
    const node = hopNode(chart, hop, 'start', 'private');
    if (prev) chart.edge(prev, node, hop.via ? { label: hop.via } : {});
    prev = node;
  }
  for (const path of e.paths) {
    drawPath(chart, prev!, path, path.service);
    if (path.publicName) drawPath(chart, prev!, path.publicName, `${path.service}:public`, 'dashed', 'public name');
  }
  return chart;
}

const SUBNETS_DRAWN = 3;

/** The picture of `vpcelint explain --bucket`: each way subnets reach the bucket, ending at the bucket. */
export function bucketFlowchart(e: BucketExplanation): Flowchart {
  const chart = new Flowchart('TD');
  const bucket = chart.node('bucket', `bucket\n${e.name}`, { shape: 'cylinder', tone: 'service' });
  [...e.privatePaths, ...e.publicPaths, ...e.otherPaths].forEach((p, i) => drawBucketPath(chart, p, `p${i}`, bucket));
  return chart;
}

function drawBucketPath(chart: Flowchart, p: BucketPath, scope: string, bucket: string): void {
  const names = p.subnets.map(displayName);
  const label = names.length <= SUBNETS_DRAWN ? names.join('\n') : `${names.slice(0, SUBNETS_DRAWN).join('\n')}\n+${names.length - SUBNETS_DRAWN} more`;
  const subnets = chart.node(`${scope}:subnets`, `${names.length === 1 ? 'subnet' : `${names.length} subnets`}\n${label}`, { shape: 'round' });
  // The subnets' route tables lead in parallel to the same first hop.
  const tables = [...new Map(p.routeTables.filter((t) => t !== undefined).map((t) => [t!.key, t!])).values()];
  let heads = tables.slice(0, SUBNETS_DRAWN).map((t) => chart.node(`ref:${t.key}`, `route table\n${displayName(t)}`));
  if (tables.length > SUBNETS_DRAWN) heads.push(chart.node(`${scope}:tables`, `+${tables.length - SUBNETS_DRAWN} more route tables`));
  if (heads.length === 0) heads = [subnets];
  else for (const h of heads) chart.edge(subnets, h);
  for (const hop of p.path.hops.filter((h) => h.kind !== 'service')) {
    const node = hopNode(chart, hop, scope, p.path.class);
    for (const h of heads) chart.edge(h, node, hop.via ? { label: hop.via } : {});
    heads = [node];
  }
  if (p.path.class === 'no-route' || p.path.class === 'unknown') return;
  for (const h of heads) chart.edge(h, bucket, { label: checkSummary(p), style: p.path.class === 'private' ? 'thick' : 'solid' });
}

function checkSummary(p: BucketPath): string {
  const outcomes = new Set(p.checks.map((c) => c.outcome));
  if (outcomes.size === 1) {
    const [only] = outcomes;
    return { allowed: 'policies allow', 'identity-policies-decide': 'policies let through', 'blocked-by-endpoint': 'endpoint policy blocks', 'denied-by-bucket': 'bucket policy denies', depends: 'depends on the caller', 'not-evaluated': 'policies not evaluated' }[only!];
  }
  return p.checks.map((c) => `${c.action.replace('s3:', '')}: ${c.outcome.replace(/-/g, ' ')}`).join('\n');
}
