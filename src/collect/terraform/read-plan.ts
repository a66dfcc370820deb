import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { jsonErrorPosition } from '../../util/json-error-position.js';
import { ByteWindow } from '../../util/byte-window.js';
import { JsonBytesError, NoMemberFollows, parseJsonBytes } from '../../util/json-bytes.js';
import { parseWithout } from '../../util/json-top-level.js';
import type { PlanJson } from './plan-types.js';

/** How to read a plan. */
export interface ReadOptions {
  /**
   * Parse it member by member from its bytes even when it is smaller than LEAN_FROM_BYTES (from there on, plans
   * are always read so). A function decides by the plan's size once it is read: a pipe's is unknown until then.
   */
  lean?: boolean | ((planBytes: number) => boolean);
}

/**
 * Plans of this size or more are parsed member by member from their bytes, a file read a window at a time
 * (src/util/json-bytes.ts), never as one string: on the 88 MB bench plan, 0.8 s and 140 MB against 1.4 s and
 * 330 MB for the file read whole, decoded and parsed in one JSON.parse (bench/README.md, "Seventeenth session").
 * Smaller plans are read as text, whose errors can quote it.
 */
export const LEAN_FROM_BYTES = 1 << 20;

/** Reads and parses a plan file (or standard input for `-`). */
export function readPlanFile(path: string, options: ReadOptions = {}): PlanJson {
  const leanOption = options.lean ?? false;
  const size = planFileSize(path);
  if (size !== undefined) {
    if (wantsLean(leanOption, size)) {
      const plan = readPlanWindowed(path);
      if (plan !== undefined) return plan;
    }
    return readPlanWhole(path, false);
  }
  return readPlanWhole(path, leanOption);
}

/** Whether to read a plan of this many bytes lean: from LEAN_FROM_BYTES on always, below when asked to. */
function wantsLean(leanOption: NonNullable<ReadOptions['lean']>, planBytes: number): boolean {
  return planBytes >= LEAN_FROM_BYTES || (typeof leanOption === 'function' ? leanOption(planBytes) : leanOption);
}

/**
 * The plan's size in bytes: of its file, or of standard input (`-`) when that is redirected from a file.
 * Undefined for a pipe (named or not), a terminal, a socket or a device, whose size is unknown until read, and
 * when the file cannot be read (reading it says why).
 */
export function planFileSize(path: string): number | undefined {
  try {
    const stat = path === '-' ? fstatSync(0) : statSync(path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

/** A plan file read lean, a window at a time; undefined for UTF-16, which is decoded whole. */
function readPlanWindowed(path: string): PlanJson | undefined {
  // Read by offset (pread), which leaves standard input's own offset where it was, for a read whole after.
  const fd = path === '-' ? 0 : openInput(path);
  try {
    const head = Buffer.alloc(4);
    const n = readSync(fd, head, 0, head.length, 0);
    if (head[0] === 0xff || head[0] === 0xfe) return undefined;
    checkBytes(head.subarray(0, n), path);
    return asPlan(parseHugePlan({ fd }, path), path);
  } finally {
    if (path !== '-') closeSync(fd);
  }
}

/**
 * A plan read whole, as text; or from its bytes when they are too many for one string, or it is to be read lean.
 * The bytes and the text live only in this frame: once parsed, they can be collected while the inventory is built.
 */
function readPlanWhole(path: string, leanOption: NonNullable<ReadOptions['lean']>): PlanJson {
  const input = readText(path, leanOption);
  return asPlan(typeof input === 'string' ? parsePlanJson(input, path) : parseHugePlan(input, path), path);
}

/**
 * The plan's text; or its bytes, when they are more than one JavaScript string
 * can hold (about 512 MiB), or to be read lean. In a frame of its own, so that
 * no register holds the bytes while the text is parsed.
 */
function readText(path: string, leanOption: NonNullable<ReadOptions['lean']>): string | Buffer {
  const bytes = readInput(path);
  const utf16 = bytes[0] === 0xff || bytes[0] === 0xfe;
  if (!utf16 && wantsLean(leanOption, bytes.length)) {
    checkBytes(bytes, path);
    return bytes;
  }
  try {
    return decode(bytes, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_STRING_TOO_LONG') throw err;
    if (utf16) throw new InputError(`${label(path)}: a UTF-16 plan of ${bytes.length} bytes is too large to read; write it as UTF-8 (terraform show -json writes UTF-8)`, path);
    return bytes;
  }
}

/** `line 3, column 17` of a byte offset (columns in bytes: the same as characters in ASCII, which plans nearly all are). */
function byteLineCol(bytes: Buffer, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/**
 * A plan read from its bytes (too large for one string, or read lean), section by section
 * (src/util/json-bytes.ts), without planned_values when resource_changes is
 * there, as parsePlanJson does: bytes in memory, or a file read a window at a time.
 */
export function parseHugePlan(source: Buffer | { fd: number }, path: string, limit?: number): unknown {
  const input = () => (Buffer.isBuffer(source) ? source : ByteWindow.reading(source.fd));
  const withLimit = limit !== undefined ? { limit } : {};
  const parse = (skip?: ReadonlySet<string>): unknown => {
    try {
      return parseJsonBytes(input(), { ...withLimit, ...(skip ? { skip } : {}) });
    } catch (err) {
      if (!(err instanceof JsonBytesError)) throw err;
      // Only now are all the bytes wanted: to say on which line.
      const bytes = Buffer.isBuffer(source) ? source : readInput(path);
      const truncated = err.offset >= bytes.length || /^the document ends|^a string is not closed/.test(err.message) ? ' (truncated?)' : '';
      throw new InputError(`${label(path)}: not valid JSON: ${err.message} (${byteLineCol(bytes, err.offset)})${truncated}.${jsonLinesHint(bytes.toString('utf8', 0, 65536))}`, path);
    }
  };
  const withoutPlannedValues = (plan: unknown) => (typeof plan === 'object' && plan !== null && 'resource_changes' in plan ? { ...plan, planned_values: {} } : undefined);
  let plan: unknown;
  try {
    plan = parseJsonBytes(input(), { ...withLimit, skip: SKIPPED, skipAhead: PAST_PLANNED_VALUES });
  } catch (err) {
    if (!(err instanceof JsonBytesError)) throw err;
    if (err instanceof NoMemberFollows) {
      // No resource_changes after planned_values: planned_values is what the plan has.
      const whole = parse();
      return withoutPlannedValues(whole) ?? whole;
    }
    // The shortcut did not hold (the same bytes inside planned_values), or the plan is broken: this says where.
    plan = parse(SKIPPED);
  }
  return withoutPlannedValues(plan) ?? parse();
}

/**
 * Left out of a plan read from its bytes: planned_values (see parsePlanJson), and what the collector never reads:
 * resource_drift (what drifted is in prior_state and resource_changes too), output_changes, relevant_attributes,
 * checks, deferred_changes. Skipped, their bytes are passed over, not parsed into objects that live until the
 * inventory is built.
 */
const SKIPPED: ReadonlySet<string> = new Set(['planned_values', 'resource_drift', 'output_changes', 'relevant_attributes', 'checks', 'deferred_changes']);

/**
 * `terraform show -json` writes format_version, terraform_version, variables, planned_values, resource_drift,
 * resource_changes, ... in that order, without whitespace: past planned_values (a third of a plan) the parse
 * jumps to resource_changes instead of walking every byte between (src/util/json-bytes.ts, skipAhead). Not over
 * a member the collector reads, which a plan trimmed or reordered by hand (`jq -c '{format_version,
 * planned_values, prior_state, resource_changes, configuration}'`) may put there.
 */
const PAST_PLANNED_VALUES = {
  member: 'planned_values',
  next: 'resource_changes',
  after: new Set(['format_version', 'terraform_version', 'variables']),
  notPast: ['prior_state', 'configuration', 'variables', 'errored', 'complete'],
};

/** Reads the bytes of a plan file, or of standard input for `-`. */
export function readInput(path: string): Buffer {
  try {
    return readFileSync(path === '-' ? 0 : path);
  } catch (err) {
    throw cannotRead(path, err);
  }
}

function openInput(path: string): number {
  try {
    return openSync(path, 'r');
  } catch (err) {
    throw cannotRead(path, err);
  }
}

function cannotRead(path: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  const what = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
  return new InputError(`${label(path)}: cannot read: ${what}`, path);
}

export function label(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

/** Rejects what is no plan JSON at all, before any parsing: an empty file, a binary plan. */
function checkBytes(bytes: Buffer, path: string): void {
  if (bytes.length === 0) throw new InputError(`${label(path)}: the file is empty; expected the output of "terraform show -json <planfile>"`, path);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw new InputError(`${label(path)}: this is a binary Terraform plan file; convert it with "terraform show -json ${path === '-' ? 'tf.plan' : path} > plan.json" and scan the JSON`, path);
  }
}

/** Decodes text the way people's tools write plan JSON: UTF-8 with or without BOM, or UTF-16 from a PowerShell redirect. */
export function decode(bytes: Buffer, path: string): string {
  checkBytes(bytes, path);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('utf8');
}

/**
 * Parses plan JSON. A large plan repeats every resource in planned_values,
 * resource_changes and prior_state; when resource_changes is there,
 * planned_values adds nothing the collector reads, so it is skipped unparsed
 * (it still has to be well-formed at the level of strings and brackets).
 * Anything unusual falls back to a full parse.
 */
export function parsePlanJson(text: string, path: string): unknown {
  if (text.length > 1 << 20) {
    try {
      const plan = parseWithout(text, 'planned_values');
      // Keep the marker that tells a plan from other JSON, without its content.
      if (plan && 'resource_changes' in plan) return { ...plan, planned_values: {} };
    } catch {
      // Fall through: the full parse says precisely where the text is broken.
    }
  }
  return parseJson(text, path);
}

/** Parses JSON, turning parser errors into a message with line and column. */
export function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    throw new InputError(`${label(path)}: not valid JSON: ${describeJsonError(message, text)}.${jsonLinesHint(text)}`, path);
  }
}

function jsonLinesHint(text: string): string {
  return looksLikeJsonLines(text) ? ' This looks like the JSON Lines stream of "terraform plan -json"; scan the output of "terraform show -json <planfile>" instead.' : '';
}

function describeJsonError(message: string, text: string): string {
  if (/Unexpected end of JSON input/.test(message)) return `the file ends too early at line ${lineCol(text, text.length)} (truncated?)`;
  const found = jsonErrorPosition(text);
  if (!found) return message;
  const near = JSON.stringify(text.slice(found.offset, found.offset + 20));
  return found.offset >= text.length
    ? `the file ends too early at line ${lineCol(text, text.length)}, expected ${found.expected} (truncated?)`
    : `expected ${found.expected} at line ${lineCol(text, found.offset)}, found ${near}`;
}

function lineCol(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${line}, column ${position - lineStart + 1}`;
}

function looksLikeJsonLines(text: string): boolean {
  const firstLine = text.slice(0, Math.min(text.length, 65536)).split('\n', 1)[0] ?? '';
  try {
    const first = JSON.parse(firstLine) as Record<string, unknown>;
    return typeof first === 'object' && first !== null && ('@level' in first || '@message' in first);
  } catch {
    return false;
  }
}

const SUPPORTED_MAJOR = 1;

/** Checks that a parsed document is a plan this version understands, and says what it is otherwise. */
export function asPlan(doc: unknown, path: string): PlanJson {
  const where = label(path);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new InputError(`${where}: expected a JSON object (the output of "terraform show -json <planfile>"), found ${describe(doc)} at $`, path, '$');
  }
  const obj = doc as Record<string, unknown>;
  const planKeys = ['planned_values', 'resource_changes', 'configuration', 'prior_state'];
  const hasPlanKey = planKeys.some((k) => k in obj);
  if (!hasPlanKey) {
    if ('values' in obj) {
      throw new InputError(`${where}: this is Terraform state (output of "terraform show -json" without a plan file), not a plan; run "terraform plan -out tf.plan && terraform show -json tf.plan > plan.json"`, path, '$');
    }
    if ('resources' in obj && ('lineage' in obj || 'serial' in obj)) {
      throw new InputError(`${where}: this is a raw terraform.tfstate file, not a plan; run "terraform plan -out tf.plan && terraform show -json tf.plan > plan.json"`, path, '$');
    }
    throw new InputError(`${where}: not a Terraform plan: none of ${planKeys.join(', ')} is present at $`, path, '$');
  }
  const fv = obj.format_version;
  if (fv !== undefined) {
    if (typeof fv !== 'string' || !/^\d+\.\d+$/.test(fv)) {
      throw new InputError(`${where}: format_version must be a string like "1.2", found ${describe(fv)} at $.format_version`, path, '$.format_version');
    }
    const major = Number(fv.split('.')[0]);
    if (major > SUPPORTED_MAJOR) {
      throw new InputError(`${where}: plan format_version ${fv} is not supported (this vpcelint reads format versions 0.x and 1.x); upgrade vpcelint`, path, '$.format_version');
    }
  }
  return obj as PlanJson;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a string' : `the string ${JSON.stringify(value)}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
