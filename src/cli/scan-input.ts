import { UsageError } from '../errors.js';
import type { ScanOptions } from './scan.js';

/** Options of `scan --aws` and `scan --snapshot`. */
export interface LiveScanOptions extends ScanOptions {
  aws?: boolean;
  snapshot?: string;
  region?: string[];
  allRegions?: boolean;
  profile?: string;
  roleArn?: string;
  externalId?: string;
  accountsFromOrg?: boolean;
  orgRoleName?: string;
  concurrency?: string;
  saveSnapshot?: string;
  /** Also write SARIF to this file, whatever --format prints. */
  sarif?: string;
}

const AWS_ONLY = ['region', 'allRegions', 'profile', 'roleArn', 'externalId', 'accountsFromOrg', 'orgRoleName', 'concurrency', 'saveSnapshot'] as const;
const FLAG: Record<(typeof AWS_ONLY)[number], string> = {
  region: '--region', allRegions: '--all-regions', profile: '--profile', roleArn: '--role-arn', externalId: '--external-id',
  accountsFromOrg: '--accounts-from-org', orgRoleName: '--org-role-name', concurrency: '--concurrency', saveSnapshot: '--save-snapshot',
};

/** True when the scan reads AWS or a snapshot rather than a plan; checks that the options fit together. */
export function isLiveInput(opts: LiveScanOptions): boolean {
  const inputs = [opts.plan !== undefined && '--plan', opts.aws && '--aws', opts.snapshot !== undefined && '--snapshot'].filter(Boolean);
  if (inputs.length === 0) throw new UsageError('scan needs an input: --plan <plan.json> (use "-" for standard input), --aws, or --snapshot <file>');
  if (inputs.length > 1) throw new UsageError(`scan reads one input: ${inputs.join(' and ')} cannot be combined`);
  if (!opts.aws) {
    const stray = AWS_ONLY.find((k) => opts[k] !== undefined && opts[k] !== false);
    if (stray) throw new UsageError(`${FLAG[stray]} applies to live scans: add --aws`);
  }
  return opts.aws === true || opts.snapshot !== undefined;
}

