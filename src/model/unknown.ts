/**
 * A value that cannot be known statically: computed at apply time, built by a
 * function we do not evaluate, or behind a reference we cannot follow. Rules
 * must treat it as "not evaluated", never as a pass, so it is a distinct value
 * rather than `undefined` (which means "not set"). A class, so that data read
 * from input files can never masquerade as one.
 */
export class Unknown {
  readonly unknown = true as const;
  constructor(readonly reason: string) {
    Object.freeze(this);
  }
  toJSON(): { $unknown: string } {
    return { $unknown: this.reason };
  }
}

const KNOWN_AFTER_APPLY = new Unknown('known only after apply');

export function unknown(reason?: string): Unknown {
  return reason === undefined ? KNOWN_AFTER_APPLY : new Unknown(reason);
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/** A field of the model: known, or unknown. */
export type Maybe<T> = T | Unknown;

export function known<T>(value: Maybe<T>): value is T {
  return !(value instanceof Unknown);
}
