import type { Inventory } from '../model/inventory.js';
import type { Ref } from '../model/ref.js';
import { Unknown } from '../model/unknown.js';

/**
 * Inventory values to JSON and back. Three things need a spelling of their
 * own: an `Unknown` is `{"$unknown": reason}` (its own toJSON form), a node's
 * registered ref is `{"$ref": key}` (so that every node keeps pointing at the
 * one ref object, as in memory), and a key of plain data that starts with `$`
 * (a tag named "$unknown", say) gets one more `$`, so data never reads as either.
 */
export function encode(value: unknown, inv: Inventory): unknown {
  if (value instanceof Unknown) return { $unknown: value.reason };
  if (Array.isArray(value)) return value.map((v) => encode(v, inv));
  if (value instanceof Set || value instanceof Map) throw new Error('snapshot: sets and maps inside nodes are not supported');
  if (value && typeof value === 'object') {
    const ref = value as Partial<Ref>;
    if (typeof ref.key === 'string' && inv.refByKey(ref.key) === value) return { $ref: ref.key };
    return plain(value as Record<string, unknown>, (v) => encode(v, inv));
  }
  return value;
}

/** A registered ref itself: plain data, escaped like any other. */
export function encodeRef(ref: Ref, inv: Inventory): unknown {
  return plain(ref as unknown as Record<string, unknown>, (v) => encode(v, inv));
}

function plain(obj: Record<string, unknown>, each: (v: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    out[k.startsWith('$') ? `$${k}` : k] = each(v);
  }
  return out;
}

export class SnapshotDecodeError extends Error {
  constructor(
    message: string,
    readonly jsonPath: string,
  ) {
    super(message);
  }
}

/** The inverse of `encode`; `refs` resolves `{"$ref": key}`. */
export function decode(value: unknown, refs: (key: string) => Ref | undefined, path = '$'): unknown {
  if (Array.isArray(value)) return value.map((v, i) => decode(v, refs, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === '$unknown') {
    if (typeof obj.$unknown !== 'string') throw new SnapshotDecodeError('"$unknown" must hold the reason, a string', path);
    return new Unknown(obj.$unknown);
  }
  if (keys.length === 1 && keys[0] === '$ref') {
    const ref = typeof obj.$ref === 'string' ? refs(obj.$ref) : undefined;
    if (!ref) throw new SnapshotDecodeError(`"$ref" names ${JSON.stringify(obj.$ref)}, which is not in "refs"`, path);
    return ref;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith('$') && !k.startsWith('$$')) throw new SnapshotDecodeError(`unexpected key ${JSON.stringify(k)}`, path);
    out[k.startsWith('$$') ? k.slice(1) : k] = decode(v, refs, `${path}.${k}`);
  }
  return out;
}
