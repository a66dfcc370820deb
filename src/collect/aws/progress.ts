import { terminalLine } from '../../util/terminal-line.js';

/** Receives progress of a live scan: regions and service reads done out of the total. */
export interface ProgressSink {
  update(state: ProgressState): void;
  end(): void;
}

export interface ProgressState {
  regionsDone: number;
  regionsTotal: number;
  servicesDone: number;
  servicesTotal: number;
}

/**
 * Counts the work of a scan: per account and region, the EC2 reads and the S3
 * reads of that region's buckets; per account, IAM. A region is done when
 * both of its services are.
 */
export class Progress {
  private state: ProgressState = { regionsDone: 0, regionsTotal: 0, servicesDone: 0, servicesTotal: 0 };
  private readonly pending = new Map<string, number>();

  constructor(private readonly sink?: ProgressSink) {}

  /** Adds an account's regions to the total. */
  plan(account: string, regions: readonly string[]): void {
    for (const r of regions) this.pending.set(`${account}/${r}`, 2);
    this.state.regionsTotal += regions.length;
    this.state.servicesTotal += regions.length * 2 + 1;
    this.sink?.update({ ...this.state });
  }

  /** One service of one region (`ec2`, `s3`) is read; `region` undefined for a global service (IAM). */
  done(account: string, region?: string): void {
    this.state.servicesDone++;
    if (region) {
      const key = `${account}/${region}`;
      const left = (this.pending.get(key) ?? 1) - 1;
      this.pending.set(key, left);
      if (left === 0) this.state.regionsDone++;
    }
    this.sink?.update({ ...this.state });
  }

  end(): void {
    this.sink?.end();
  }
}

/** One line on a terminal, rewritten in place and erased at the end. */
export function terminalSink(write: (text: string) => void): ProgressSink {
  const line = terminalLine(write);
  return {
    update: (s) => line.show(`regions ${s.regionsDone}/${s.regionsTotal}, services ${s.servicesDone}/${s.servicesTotal} read`),
    end: () => line.end(),
  };
}
