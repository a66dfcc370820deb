import type { ValidateFunction } from 'ajv';
import { InputError } from '../errors.js';
import { Inventory, type InventorySource } from '../model/inventory.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Ref } from '../model/ref.js';
import { label, parseJson, readInput } from '../collect/terraform/read-plan.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { decode, encode, encodeRef, SnapshotDecodeError } from './codec.js';
import { validate as generatedValidator } from './snapshot-validator.generated.js';

/** The format's name and version (docs/snapshot-format.md). A reader takes only the versions it knows. */
export const SNAPSHOT_FORMAT = 'vpcelint-inventory-snapshot';
export const SNAPSHOT_VERSION = 1;

/** Fields of the inventory that are not node maps, though they are Maps. */
const INDEXES = new Set(['refsById', 'refsByKey']);

/** The inventory's node maps, by field name (vpcs, subnets, ...): found, not listed, so new node kinds are saved too. */
function nodeMaps(inv: Inventory): Map<string, Map<string, unknown>> {
  const out = new Map<string, Map<string, unknown>>();
  for (const [name, value] of Object.entries(inv)) if (value instanceof Map && !INDEXES.has(name)) out.set(name, value as Map<string, unknown>);
  return out;
}

/** The snapshot of an inventory, as JSON text. */
export function snapshotText(inv: Inventory, createdAt = new Date()): string {
  const nodes: Record<string, unknown[]> = {};
  for (const [name, map] of nodeMaps(inv)) nodes[name] = [...map].map(([key, node]) => [key, encode(node, inv)]);
  const doc = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    tool: { name: TOOL_NAME, version: VERSION },
    createdAt: createdAt.toISOString(),
    source: inv.source,
    closedWorld: [...inv.closedWorld].sort(),
    sensitiveValues: [...inv.sensitiveValues],
    refs: [...inv.refs()].map((r) => encodeRef(r, inv)),
    ids: [...inv.idEntries()].map(([id, ref]) => [id, ref.key]),
    nodes,
    diagnostics: inv.diagnostics.map((d) => encode(d, inv)),
  };
  return `${JSON.stringify(doc)}\n`;
}

interface SnapshotDoc {
  format: string;
  version: number;
  source: InventorySource;
  closedWorld: string[];
  sensitiveValues?: string[];
  refs: unknown[];
  ids: [string, string][];
  nodes: Record<string, [string, unknown][]>;
  diagnostics: unknown[];
}

// The schema (schema.ts) compiled by ajv ahead of time (scripts/gen-validators.mjs): loading ajv cost every
// `explain` about 35 ms, snapshot or not.
const validateSnapshot = generatedValidator as unknown as ValidateFunction<SnapshotDoc>;

/** Reads a snapshot file (or `-`) into an inventory that rules read as they read a fresh one. */
export function readSnapshot(path: string): Inventory {
  const text = readInput(path).toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new InputError(`${label(path)}: the file is empty; expected a snapshot written by "vpcelint scan --aws --save-snapshot"`, path);
  const doc = parseJson(text, path) as Record<string, unknown>;
  if (!doc || typeof doc !== 'object' || doc.format !== SNAPSHOT_FORMAT) {
    throw new InputError(`${label(path)}: not a vpcelint snapshot (no "format": "${SNAPSHOT_FORMAT}")`, path, '$.format');
  }
  if (typeof doc.version === 'number' && doc.version > SNAPSHOT_VERSION) {
    throw new InputError(`${label(path)}: snapshot version ${doc.version} is newer than this vpcelint reads (${SNAPSHOT_VERSION}); upgrade vpcelint`, path, '$.version');
  }
  if (!validateSnapshot(doc)) {
    const e = validateSnapshot.errors![0]!;
    const at = `$${e.instancePath.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.')}`;
    throw new InputError(`${label(path)}: not a valid snapshot at ${at}: ${e.message ?? 'invalid'}`, path, at);
  }
  try {
    return build(doc, path);
  } catch (err) {
    if (err instanceof SnapshotDecodeError) throw new InputError(`${label(path)}: not a valid snapshot at ${err.jsonPath}: ${err.message}`, path, err.jsonPath);
    throw err;
  }
}

function build(doc: SnapshotDoc, path: string): Inventory {
  const inv = new Inventory({ kind: 'snapshot', file: path, of: doc.source });
  const byKey = new Map<string, Ref>();
  const refs = doc.refs.map((r, i) => {
    const ref = decode(r, () => undefined, `$.refs[${i}]`) as Ref;
    if (byKey.has(ref.key)) throw new SnapshotDecodeError(`duplicate ref key ${JSON.stringify(ref.key)}`, `$.refs[${i}].key`);
    byKey.set(ref.key, ref);
    return ref;
  });
  // The id index first, as it was: register() keeps ids it finds already indexed.
  doc.ids.forEach(([id, key], i) => {
    const ref = byKey.get(key);
    if (!ref) throw new SnapshotDecodeError(`id ${JSON.stringify(id)} names ${JSON.stringify(key)}, which is not in "refs"`, `$.ids[${i}]`);
    inv.indexId(id, ref);
  });
  for (const ref of refs) inv.register(ref);
  const lookup = (key: string) => byKey.get(key);
  const maps = nodeMaps(inv);
  for (const [name, entries] of Object.entries(doc.nodes)) {
    const map = maps.get(name);
    if (!map) throw new SnapshotDecodeError(`"${name}" is not a kind of node this version of vpcelint knows`, `$.nodes.${name}`);
    entries.forEach(([key, node], i) => map.set(key, decode(node, lookup, `$.nodes.${name}[${i}][1]`)));
  }
  for (const r of doc.closedWorld) inv.closedWorld.add(r);
  for (const v of doc.sensitiveValues ?? []) inv.sensitiveValues.add(v);
  doc.diagnostics.forEach((d, i) => inv.diagnose(decode(d, lookup, `$.diagnostics[${i}]`) as Diagnostic));
  return inv;
}
