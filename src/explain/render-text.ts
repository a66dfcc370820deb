import { displayName } from '../model/ref.js';
import type { BucketExplanation, BucketPath, RequestCheck } from './bucket.js';
import { describeVerdict, type PolicyStep } from './policy-step.js';
import type { RouteExplanation } from './subject.js';
import type { Hop, PathClass, ServicePath } from './trace.js';

const CLASS_WORD: Record<PathClass, string> = {
  private: 'private',
  nat: 'through a NAT, not private',
  internet: 'over the internet, not private',
  'other-network': 'into another network, not traced',
  'no-route': 'no route',
  unknown: 'unknown',
};

/** `vpcelint explain <subnet>` for people: each service, hop by hop, with the policies met on the way. */
export function renderRouteText(e: RouteExplanation): string {
  const lines = [`How traffic from ${e.subject.kind === 'subnet' ? 'subnet' : 'the subnets of route table'} ${displayName(e.subject)} reaches AWS services`, ''];
  for (const hop of e.start) lines.push(...hopLines(hop, '  '));
  if (e.paths.length === 0) {
    lines.push('', 'The route table is unknown, so no path can be traced from here.');
    return `${lines.join('\n')}\n`;
  }
  for (const path of e.paths) {
    lines.push('', ...pathLines(path, ''));
  }
  lines.push('', 'Bucket policies apply at S3 on every path: `vpcelint explain --bucket NAME` evaluates them for one bucket.');
  return `${lines.join('\n')}\n`;
}

function pathLines(path: ServicePath, indent: string): string[] {
  const lines = [`${indent}${path.service}: ${path.summary} [${CLASS_WORD[path.class]}]`];
  path.hops.forEach((hop, i) => lines.push(...hopLines(hop, `${indent}  ${i + 1}. `, `${indent}     `)));
  const policies = path.hops.map((h) => h.policy).filter((p): p is PolicyStep => p !== undefined);
  if (policies.length > 0) {
    lines.push(`${indent}  policies on the way:`);
    for (const p of policies) lines.push(`${indent}    - ${policyLine(p)}`);
  } else if (path.class !== 'unknown' && path.class !== 'no-route') {
    lines.push(`${indent}  policies on the way: no endpoint policy on this path`);
  }
  if (path.publicName) lines.push(...pathLines(path.publicName, `${indent}  `));
  return lines;
}

function hopLines(hop: Hop, first: string, rest = first.replace(/\S/g, ' ')): string[] {
  const mark = hop.kind === 'unknown' ? '? ' : hop.kind === 'dropped' ? 'x ' : '';
  const lines = [`${first}${hop.via ? `--${hop.via}--> ` : ''}${mark}${hop.label}${hop.ref?.location ? ` (${hop.ref.location.file}:${hop.ref.location.startLine})` : ''}`];
  for (const n of hop.notes ?? []) lines.push(`${rest}  ${n}`);
  return lines;
}

function policyLine(p: PolicyStep): string {
  const where = p.holder ? ` (declared in ${displayName(p.holder)})` : '';
  const v = p.verdict;
  if (v) return `${p.role} policy of ${displayName(p.owner)}${where}: ${describeVerdict(v)}`;
  const state = p.source === 'absent'
    ? 'none (the AWS default allows everything)'
    : p.source === 'unknown' ? 'unknown' : p.description ?? 'policy not evaluated (no request on this path to judge it against; use --bucket)';
  return `${p.role} policy of ${displayName(p.owner)}${where}: ${state}`;
}

/** `vpcelint explain --bucket NAME`: who reaches the bucket privately, who through NAT or the internet, and what the policies say. */
export function renderBucketText(e: BucketExplanation): string {
  const lines = [`Which subnets reach bucket ${e.name}${e.bucket ? ` (${displayName(e.bucket)})` : ' (not in the scanned inventory: its policy is unknown)'}`];
  const section = (title: string, paths: BucketPath[], none: string) => {
    lines.push('', `${title}:`);
    if (paths.length === 0) lines.push(`  ${none}`);
    for (const p of paths) lines.push(...bucketPathLines(p));
  };
  section('Privately, through an endpoint', e.privatePaths, 'none: no subnet reaches this bucket through a VPC endpoint');
  section('Through a NAT, the internet or another network', e.publicPaths, 'none');
  if (e.otherPaths.length > 0) section('No route, or not known', e.otherPaths, 'none');
  return `${lines.join('\n')}\n`;
}

function bucketPathLines(p: BucketPath): string[] {
  const lines = [`  ${p.path.summary} [${CLASS_WORD[p.path.class]}]`, `    from ${p.subnets.length} subnet${p.subnets.length === 1 ? '' : 's'}:`];
  p.subnets.forEach((s, i) => {
    const table = p.routeTables[i];
    lines.push(`      ${displayName(s)}${table ? ` (route table ${displayName(table)})` : ''}`);
  });
  p.path.hops.forEach((hop, i) => lines.push(...hopLines(hop, `    ${i + 1}. `)));
  // Requests the policies treat alike are printed once.
  const byText = new Map<string, string[]>();
  for (const c of p.checks) {
    const text = checkLines(c).join('\n');
    byText.set(text, [...(byText.get(text) ?? []), c.action]);
  }
  for (const [text, actions] of byText) lines.push(`    ${actions.join(', ')}${text}`);
  return lines;
}

const OUTCOME: Record<RequestCheck['outcome'], string> = {
  allowed: 'gets through (the bucket policy allows it)',
  'identity-policies-decide': 'gets through the policies on the path; the caller\'s identity policies decide',
  'blocked-by-endpoint': 'blocked by the endpoint policy',
  'denied-by-bucket': 'denied by the bucket policy',
  depends: 'depends on the caller or on values not known here',
  'not-evaluated': 'not evaluated',
};

/** What the policies make of one request, without the action (which the caller prefixes). */
function checkLines(c: RequestCheck): string[] {
  const lines = [`: ${OUTCOME[c.outcome]}${c.decidedBy ? ` (${c.decidedBy})` : ''}`];
  if (c.endpoint) lines.push(`      ${policyLine(c.endpoint)}`);
  lines.push(`      ${policyLine(c.bucket)}`);
  return lines;
}
