import { isUnknown } from '../../model/unknown.js';
import { instancesOf, refOf, str, type BuildContext } from './context.js';
import { field } from './instances.js';

/** Managed prefix lists (customer) and the AWS-managed service lists read by data sources. */
export function buildPrefixLists(ctx: BuildContext): void {
  for (const inst of instancesOf(ctx, 'aws_ec2_managed_prefix_list', 'data.aws_prefix_list', 'data.aws_ec2_managed_prefix_list')) {
    const ref = refOf(ctx, inst);
    const name = str(inst, 'name');
    let cidrs: string[] | undefined;
    const direct = field(inst, 'cidr_blocks');
    const entries = field(inst, 'entries') ?? field(inst, 'entry');
    if (Array.isArray(direct)) cidrs = direct.filter((c): c is string => typeof c === 'string');
    else if (Array.isArray(entries)) {
      cidrs = entries.map((e) => (e as Record<string, unknown>)?.cidr).filter((c): c is string => typeof c === 'string');
    }
    const unknownCidrs = isUnknown(direct) ? direct : isUnknown(entries) ? entries : undefined;
    ctx.inv.prefixLists.set(ref.key, { ref, prefixListName: name, cidrs: unknownCidrs ?? cidrs });
  }
}
