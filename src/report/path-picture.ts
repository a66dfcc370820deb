import type { ReportedFinding } from '../engine/run.js';
import { displayName, type Ref } from '../model/ref.js';
import { GATEWAY_FAMILY_LABEL, type GatewayFamily } from '../model/topology.js';
import { Flowchart } from './mermaid.js';

/** Past this many subnets, the picture names a few and counts the rest. */
const MAX_SUBNETS_DRAWN = 3;

/**
 * The picture of a path finding: subnets → route table → NAT → internet →
 * service as found, beside subnets → route table → gateway endpoint → service
 * as it should be. Built from the finding alone (its primary route table, the
 * subnets, NAT and idle endpoints among its related resources, the service in
 * its evidence), so any rule that reports a NAT path this way gets a picture.
 * Undefined for findings of another shape.
 */
export function pathPicture(f: ReportedFinding): Flowchart | undefined {
  const service = typeof f.evidence.service === 'string' && Object.hasOwn(GATEWAY_FAMILY_LABEL, f.evidence.service) ? GATEWAY_FAMILY_LABEL[f.evidence.service as GatewayFamily] : undefined;
  if (!service || f.primary.kind !== 'route-table' || typeof f.evidence.nat !== 'string') return undefined;
  const natKey = f.evidence.nat;
  const subnets = f.related.filter((r) => r.kind === 'subnet');
  const nat = f.related.find((r) => r.key === natKey || r.id === natKey);
  const idle = f.related.filter((r) => r.kind === 'vpc-endpoint');
  const natLabel = nat ? `${nat.kind === 'nat-gateway' ? 'NAT gateway' : 'NAT instance'}\n${displayName(nat)}` : `NAT\n${natKey || 'not in the inventory'}`;

  // Top-down: the two paths stand side by side as columns, narrow enough for GitHub's page width.
  const chart = new Flowchart('TD');
  // Mermaid lays out side-by-side subgraphs right to left in order of declaration: the path found comes out on the left.
  chart.group('Path that should be', () => {
    const table = drawSubnetsAndTable(chart, 'fix', subnets, f.primary);
    const endpointLabel = idle.length > 0
      ? `${service} gateway endpoint\n${idle.map(displayName).join('\n')}\n(associate this route table)`
      : `new ${service} gateway endpoint\n(associate this route table)`;
    const endpoint = chart.node('fix:endpoint', endpointLabel, { shape: 'stadium', tone: 'good' });
    const svc = chart.node('fix:service', service, { shape: 'cylinder', tone: 'service' });
    chart.edge(table, endpoint, { label: `${service} prefix list route` });
    chart.edge(endpoint, svc, { label: 'private, no NAT charge' });
  });
  chart.group('Path found', () => {
    const table = drawSubnetsAndTable(chart, 'found', subnets, f.primary);
    const natNode = chart.node('found:nat', natLabel, { shape: 'hexagon', tone: 'bad' });
    const internet = chart.node('found:internet', 'Internet', { shape: 'cloud', tone: 'bad' });
    const svc = chart.node('found:service', service, { shape: 'cylinder', tone: 'service' });
    chart.edge(table, natNode, { label: '0.0.0.0/0' });
    chart.edge(natNode, internet, { label: 'billed per GB' });
    chart.edge(internet, svc, { label: 'public endpoint' });
  });
  return chart;
}

function drawSubnetsAndTable(chart: Flowchart, prefix: string, subnets: Ref[], table: Ref): string {
  const tableNode = chart.node(`${prefix}:table`, `route table\n${displayName(table)}`, { tone: prefix === 'found' ? 'bad' : 'good' });
  const shown = subnets.slice(0, subnets.length > MAX_SUBNETS_DRAWN + 1 ? MAX_SUBNETS_DRAWN : subnets.length);
  for (const s of shown) chart.edge(chart.node(`${prefix}:${s.key}`, `subnet\n${displayName(s)}`, { shape: 'round' }), tableNode);
  if (shown.length < subnets.length) {
    chart.edge(chart.node(`${prefix}:more`, `+${subnets.length - shown.length} more subnets`, { shape: 'round' }), tableNode);
  }
  if (subnets.length === 0) chart.edge(chart.node(`${prefix}:none`, 'its subnets', { shape: 'round' }), tableNode);
  return tableNode;
}
