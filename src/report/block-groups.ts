import { formatModules, parseInstanceAddress } from '../collect/terraform/address.js';
import type { ReportedFinding } from '../engine/run.js';

/** Findings of one rule and severity on the instances of one configuration block. */
export interface BlockGroup {
  /** The block's configuration address (`module.vpc.aws_route_table.private`), or the resource's key when it has no address (live scans). */
  block: string;
  findings: ReportedFinding[];
}

/**
 * Groups findings by the configuration block of their primary resource:
 * instance keys dropped, so `module.vpc["a"].aws_route_table.private[0]` and
 * `module.vpc["b"].aws_route_table.private[2]` are one block. A module called
 * with `for_each` over 5,000 VPCs gives 5,000 findings that one change fixes;
 * a summary that lists them one by one fills its page with the first rule's
 * first block. Groups keep the order in which their first finding comes.
 */
export function groupByBlock(findings: readonly ReportedFinding[]): BlockGroup[] {
  const groups = new Map<string, BlockGroup>();
  for (const f of findings) {
    const block = blockOf(f);
    const id = `${f.severity}\u0000${block}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { block, findings: [] }));
    g.findings.push(f);
  }
  return [...groups.values()];
}

function blockOf(f: ReportedFinding): string {
  const address = f.primary.address;
  if (!address) return f.primary.key;
  const parsed = parseInstanceAddress(address);
  if (!parsed) return address;
  const resource = `${parsed.mode === 'data' ? 'data.' : ''}${parsed.type}.${parsed.name}`;
  const modules = formatModules(parsed.modules.map((m) => ({ name: m.name })));
  return modules ? `${modules}.${resource}` : resource;
}
