import pLimit, { type LimitFunction } from 'p-limit';
import type { Diagnostic } from '../../model/diagnostic.js';
import { classify, failureDiagnostic, failureReason, type FailureKind, type ReadSpec } from './failures.js';

/** The outcome of one read: its value, or why there is none (already reported as a diagnostic). */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string; kind: FailureKind };

export interface ReadOptions<T> {
  /** Error codes that are an answer, not a failure (NoSuchBucketPolicy: no policy), and the value they mean. */
  answers?: Record<string, T>;
}

/** Calls in flight across the whole scan, for each one allowed per service, account and region. */
export const IN_FLIGHT_PER_CONCURRENCY = 16;

/**
 * Runs AWS calls under a concurrency limit per service, account and region
 * (AWS throttles each account and region on its own), and under one for the
 * whole scan, and turns a call that fails after the SDK's retries into a
 * diagnostic instead of an exception, so one denied call never stops the scan.
 * A call must not read through the reader itself: it would hold a slot of
 * the scan while waiting for another, and a full scan would wait forever.
 */
export class Reader {
  readonly diagnostics: Diagnostic[] = [];
  private readonly limits = new Map<string, LimitFunction>();
  /**
   * Without it an organization's scan started every account's every region at once: 200 accounts put 3,500 calls
   * in flight, each holding a socket and its answer, where the machine gains nothing past a hundred or so.
   */
  private readonly scanLimit: LimitFunction;

  constructor(private readonly concurrency: number) {
    this.scanLimit = pLimit(concurrency * IN_FLIGHT_PER_CONCURRENCY);
  }

  /** At most this many calls in flight at once across the scan. */
  get maxInFlight(): number {
    return this.scanLimit.concurrency;
  }

  /** The limiter of one service in one account and region. */
  limit(service: string, account: string, region: string): LimitFunction {
    const key = `${service}/${account}/${region}`;
    let limit = this.limits.get(key);
    if (!limit) {
      limit = pLimit(this.concurrency);
      this.limits.set(key, limit);
    }
    return limit;
  }

  async read<T>(spec: ReadSpec, call: () => Promise<T>, options: ReadOptions<T> = {}): Promise<Read<T>> {
    const [service] = spec.action.split(':');
    const limit = this.limit(service!, spec.account, spec.region ?? 'global');
    try {
      // The account's own slot first: waiting for it must not hold one of the scan's.
      return { ok: true, value: await limit(() => this.scanLimit(call)) };
    } catch (err) {
      const failure = classify(err);
      if (options.answers && Object.hasOwn(options.answers, failure.code)) return { ok: true, value: options.answers[failure.code]! };
      this.diagnostics.push(failureDiagnostic(spec, failure));
      return { ok: false, reason: failureReason(spec, failure), kind: failure.kind };
    }
  }
}

/** Every item of every page of an SDK paginator. */
export async function allPages<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

export function okValue<T>(read: Read<T>): T | undefined {
  return read.ok ? read.value : undefined;
}
