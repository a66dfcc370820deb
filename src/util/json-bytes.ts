import { constants } from 'node:buffer';
import { ByteWindow } from './byte-window.js';
import { jsonErrorPosition } from './json-error-position.js';

/**
 * Parses UTF-8 JSON from bytes (all in memory, or read from a file a window
 * at a time) without ever holding the text as one string: it may be more
 * than one JavaScript string can hold (V8's limit is 2^29 - 24 characters,
 * about 512 MiB), and one string of a large plan costs fresh memory for every
 * byte. A container of up to PIECE_BYTES is decoded and given to JSON.parse
 * whole; a larger one is walked, an object member by member, an array's small
 * elements in runs, so only the largest single leaf has to fit in `limit`. `skip` names top-level members to leave out
 * unparsed (checked only at the level of strings and brackets). Errors say at
 * which byte the text is broken.
 */
export function parseJsonBytes(input: Uint8Array | ByteWindow, options: JsonBytesOptions = {}): unknown {
  const limit = options.limit ?? constants.MAX_STRING_LENGTH;
  const window = input instanceof ByteWindow ? input : ByteWindow.of(Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  const p = new ByteParser(window, limit, Math.min(limit, PIECE_BYTES), options.skipAhead);
  const start = p.ws(p.at(0) === 0xef && p.at(1) === 0xbb && p.at(2) === 0xbf ? 3 : 0);
  const { value, end } = options.skip !== undefined && p.at(start) === 0x7b ? p.object(start, 1, options.skip) : p.value(start);
  const after = p.ws(end);
  if (p.at(after) !== -1) throw new JsonBytesError('unexpected text after the end of the document', after);
  return value;
}

export interface JsonBytesOptions {
  /** The longest value that may be decoded as one string. */
  limit?: number;
  /** Top-level members to leave out unparsed. */
  skip?: ReadonlySet<string>;
  /**
   * A way past one skipped member without walking its bytes, for documents their producer writes with members
   * in a known order and no whitespace between tokens (`terraform show -json`): when every member before it is one
   * of `after`, the parse goes on at the first `,"<next>":` after it, found by a native search. Whatever lay
   * between is left out too (it must be members skipped anyway), and is not checked, but for the bytes of a
   * member of `notPast` (`,"<name>":`): where they are (a document whose own order put it there), parseJsonBytes
   * throws, as it does where the place found was not the next top-level member (the same bytes nested in the
   * skipped value: the rest of the document cannot parse as the rest of the top-level object). The caller then
   * parses again without the shortcut. It throws NoMemberFollows when no such member follows.
   */
  skipAhead?: { member: string; next: string; after: ReadonlySet<string>; notPast: readonly string[] };
}

/**
 * The largest container parsed in one JSON.parse. Small, so that each piece's string is allocated, and dies, in
 * V8's young generation, whose pages are reused; the parse then costs about what one JSON.parse of the whole
 * text does, without that text (bench/README.md, "Seventeenth session").
 */
const PIECE_BYTES = 64 * 1024;

/** About how many bytes of small array elements are parsed in one JSON.parse: a young string, well under V8's 100 KiB from which JSON.parse allocates in the old generation (slower here). */
const RUN_BYTES = 32 * 1024;

/** The longest member name that starts the elements of an array parsed in runs ahead (runAhead). */
const MAX_NAME_BYTES = 64;

/**
 * After this many runs ahead in one array found no boundary or a wrong one, its elements are all measured: they
 * are not of the shape runs ahead are for (larger than a run, say, with elements like them nested inside).
 */
const MAX_MISSED_RUNS = 3;

/** How many containers deep a large container is walked; deeper, it is parsed whole (a plan's are a few deep). */
const MAX_WALK_DEPTH = 64;

export class JsonBytesError extends Error {
  constructor(
    message: string,
    /** Byte offset where the text is broken. */
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
  }
}

/** skipAhead found no member of its name after the one it was to skip. */
export class NoMemberFollows extends JsonBytesError {}

interface Parsed {
  value: unknown;
  end: number;
}

const WS = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

class ByteParser {
  /** The first byte still needed: the start of the value being read. The window keeps it and what follows. */
  private mark = 0;

  constructor(
    private readonly w: ByteWindow,
    /** The longest value that may be decoded as one string. */
    private readonly limit: number,
    /** Containers up to this many bytes are parsed whole. */
    private readonly piece: number,
    private readonly skipAhead?: JsonBytesOptions['skipAhead'],
  ) {}

  /** The byte at offset i, or -1 past the end of the input. */
  at(i: number): number {
    const w = this.w;
    while (i >= w.end) if (!w.more(this.mark)) return -1;
    return w.buf[i - w.base]!;
  }

  ws(i: number): number {
    for (;;) {
      const { buf, base, end } = this.w;
      for (; i < end; i++) if (!WS(buf[i - base]!)) return i;
      if (!this.w.more(this.mark)) return i;
    }
  }

  /**
   * The value starting at i, `depth` containers deep, and the offset just past it: parsed whole when it is a
   * scalar, a small container, or deeper than MAX_WALK_DEPTH (JSON.parse is not bound by the stack, this walk is).
   */
  value(i: number, depth = 0): Parsed {
    this.mark = i;
    return this.measuredValue(i, depth, this.measure(i));
  }

  /**
   * The end of the value at i: of a scalar, however long; of a container, when it closes within a piece, else -1
   * (a large container is walked without first being scanned to its end).
   */
  private measure(i: number): number {
    const c = this.at(i);
    return c === 0x7b || c === 0x5b ? this.skipValue(i, i + this.piece) : this.skipValue(i);
  }

  /** The value at i, whose measure() is `end`. */
  private measuredValue(i: number, depth: number, end: number): Parsed {
    if (end < 0) {
      if (depth < MAX_WALK_DEPTH) return this.at(i) === 0x5b ? this.array(i, depth + 1) : this.object(i, depth + 1);
      end = this.skipValue(i);
    }
    if (end - i > this.limit) throw new JsonBytesError('a single value is larger than a JavaScript string can hold', i);
    return { value: this.parse(i, end), end };
  }

  /** Bytes start to end, which the window holds (mark <= start), as JSON. */
  private parse(start: number, end: number): unknown {
    const { buf, base } = this.w;
    const text = buf.toString('utf8', start - base, end - base);
    try {
      return JSON.parse(text);
    } catch {
      // V8's message quotes the text (line breaks and all) and often has no position: say where, as for a plan read as text.
      const found = jsonErrorPosition(text);
      if (!found) throw new JsonBytesError('not valid JSON in the value that starts', start);
      throw new JsonBytesError(`expected ${found.expected}`, start + Buffer.byteLength(text.slice(0, found.offset)));
    }
  }

  /**
   * An array walked element by element; small elements in runs of about RUN_BYTES, each run in one JSON.parse
   * (an array of millions of numbers is not millions of calls).
   */
  private array(i: number, depth: number): Parsed {
    const out: unknown[] = [];
    i = this.ws(i + 1);
    if (this.at(i) === 0x5d) return { value: out, end: i + 1 };
    // The run of small elements not parsed yet: from runStart (-1 when none) to runEnd.
    let runStart = -1;
    let runEnd = -1;
    const flush = () => {
      if (runStart < 0) return;
      for (const v of this.parseRun(runStart, runEnd, depth)) out.push(v);
      runStart = -1;
    };
    // Elements before this offset are measured one by one: where a run ahead found no boundary, or a wrong one.
    let measureUntil = 0;
    let misses = 0;
    for (;;) {
      if (runStart < 0 && i >= measureUntil && misses < MAX_MISSED_RUNS) {
        const comma = this.runAhead(i, out);
        if (comma >= 0) {
          i = this.ws(comma + 1);
          continue;
        }
        measureUntil = -comma;
        misses++;
      }
      this.mark = runStart >= 0 ? runStart : i;
      let end = this.measure(i);
      if (end >= 0 && end - i <= this.piece) {
        if (runStart < 0) runStart = i;
        runEnd = end;
        if (runEnd - runStart >= RUN_BYTES) flush();
      } else {
        flush();
        this.mark = i;
        const member = this.measuredValue(i, depth, end);
        out.push(member.value);
        end = member.end;
      }
      i = this.ws(end);
      const c = this.at(i);
      if (c === 0x5d) {
        flush();
        return { value: out, end: i + 1 };
      }
      if (c !== 0x2c) {
        flush(); // an element's own error first, as element by element
        throw new JsonBytesError('expected "," or "]"', i);
      }
      i = this.ws(i + 1);
    }
  }

  /**
   * Parses a run of elements from i, an element's start, without measuring them. Where the elements are
   * objects that begin with the same member name, as a plan's resources do, the first `},{"name"` at least a
   * run's bytes ahead (a native search) is likely the boundary between two elements; JSON.parse of the text up
   * to its `}`, as an array, says whether it is. If that text parses as complete elements, its end is where one
   * ends in the document too (the same bytes, read from the same state), whatever the bytes look like;
   * otherwise the `}` was inside an element (a nested one, a string) or past the array's end, and JSON.parse
   * throws. Returns the offset of the comma after the last element parsed; or, negated, the offset up to which
   * elements are to be measured one by one instead: where no such boundary was found (elements of another
   * shape, larger ones, or whitespace between them) or it was a wrong one. (Never -0: an element starts after
   * its array's bracket, so i > 0.)
   */
  private runAhead(i: number, out: unknown[]): number {
    const run = Math.min(RUN_BYTES, this.piece >> 1);
    const w = this.w;
    this.mark = i;
    while (w.end < i + this.piece && w.more(i));
    const { buf, base, end } = w;
    const last = Math.min(end, i + this.piece);
    if (run < 1 || buf[i - base] !== 0x7b || buf[i + 1 - base] !== 0x22) return -last;
    const nameEnd = buf.indexOf(0x22, i + 2 - base) + base;
    // Past `last` the buffer may hold bytes of an earlier window.
    if (nameEnd < i + 2 || nameEnd > i + 2 + MAX_NAME_BYTES || nameEnd >= last) return -last;
    // A backslash in the name: the quote found may be an escaped one, and the name has other spellings.
    for (let j = i + 2; j < nameEnd; j++) if (buf[j - base] === 0x5c) return -last;
    const needle = Buffer.allocUnsafe(nameEnd + 3 - i);
    needle[0] = 0x7d;
    needle[1] = 0x2c;
    buf.copy(needle, 2, i - base, nameEnd + 1 - base);
    const from = i + run;
    if (from >= last) return -last;
    const found = buf.subarray(from - base, last - base).indexOf(needle);
    if (found < 0) return -last;
    const close = from + found;
    let values: unknown;
    try {
      values = JSON.parse(`[${buf.toString('utf8', i - base, close + 1 - base)}]`);
    } catch {
      return -(close + 1);
    }
    for (const v of values as unknown[]) out.push(v);
    return close + 1;
  }

  /** The elements from start to end (with the commas between them), which the window holds; one by one when that is no array, to say where. */
  private parseRun(start: number, end: number, depth: number): unknown[] {
    const { buf, base } = this.w;
    try {
      return JSON.parse(`[${buf.toString('utf8', start - base, end - base)}]`) as unknown[];
    } catch {
      const values: unknown[] = [];
      for (let j = start; j < end; ) {
        const member = this.value(j, depth);
        values.push(member.value);
        j = this.ws(member.end);
        if (this.at(j) === 0x2c) j = this.ws(j + 1);
      }
      return values;
    }
  }

  object(i: number, depth: number, skip?: ReadonlySet<string>): Parsed {
    const out: Record<string, unknown> = {};
    i = this.ws(i + 1);
    if (this.at(i) === 0x7d) return { value: out, end: i + 1 };
    const ahead = skip && this.skipAhead && skip.has(this.skipAhead.member) ? this.skipAhead : undefined;
    // Whether the members so far are the ones that may come before skipAhead's.
    let inOrder = true;
    for (;;) {
      if (this.at(i) !== 0x22) throw new JsonBytesError('expected a property name in double quotes', i);
      this.mark = i;
      const keyEnd = this.skipString(i);
      const key = this.parse(i, keyEnd) as string;
      i = this.ws(keyEnd);
      if (this.at(i) !== 0x3a) throw new JsonBytesError('expected ":"', i);
      i = this.ws(i + 1);
      let end: number;
      if (ahead && inOrder && key === ahead.member && this.at(i - 1) === 0x3a) end = this.seek(i, ahead.next, ahead.notPast);
      else if (skip?.has(key)) end = this.skipValue(i, Infinity, true);
      else {
        const member = this.value(i, depth);
        // Own data property even for "__proto__": input keys must never reach a prototype.
        Object.defineProperty(out, key, { value: member.value, enumerable: true, writable: true, configurable: true });
        end = member.end;
      }
      if (ahead && !ahead.after.has(key)) inOrder = false;
      i = this.ws(end);
      const c = this.at(i);
      if (c === 0x7d) return { value: out, end: i + 1 };
      if (c !== 0x2c) throw new JsonBytesError('expected "," or "}"', i);
      i = this.ws(i + 1);
    }
  }

  /** The offset of the first `,"<name>":` from i on (skipAhead), read through without keeping what it passes. */
  private seek(i: number, name: string, notPast: readonly string[]): number {
    const needleOf = (member: string) => Buffer.from(`,${JSON.stringify(member)}:`, 'utf8');
    const needle = needleOf(name);
    const guards = notPast.map(needleOf);
    const overlap = Math.max(needle.length, ...guards.map((g) => g.length)) - 1;
    // The first member of notPast found on the way; the search goes on, to tell a plan without `name` apart.
    let passedGuard: JsonBytesError | undefined;
    let from = i;
    for (;;) {
      const { buf, base, end } = this.w;
      const bytes = buf.subarray(from - base, end - base);
      const found = bytes.indexOf(needle);
      const passed = found >= 0 ? bytes.subarray(0, found) : bytes;
      for (let k = 0; k < guards.length && !passedGuard; k++) {
        const at = passed.indexOf(guards[k]!);
        if (at >= 0) passedGuard = new JsonBytesError(`a member "${notPast[k]}" may lie before "${name}"`, from + at);
      }
      if (found >= 0) {
        if (passedGuard) throw passedGuard;
        return from + found;
      }
      // The last bytes may be the start of a needle.
      from = Math.max(from, end - overlap);
      this.mark = from;
      if (!this.w.more(from)) throw new NoMemberFollows(`no member "${name}" follows the value that starts`, i);
    }
  }

  /**
   * Offset just past the string that starts at i (a quote). A byte loop, not Buffer#indexOf per quote: a plan
   * has millions of short strings, and a native call for each cost three times the loop over all the bytes.
   * `passing`: the string's bytes are not wanted, and the window need not keep them.
   */
  private skipString(i: number, passing = false): number {
    let j = i + 1;
    for (;;) {
      const { buf, base, end } = this.w;
      for (; j < end; j++) {
        const c = buf[j - base];
        if (c === 0x22) return j + 1;
        if (c === 0x5c) j++; // the escaped byte cannot end the string
      }
      if (passing) this.mark = Math.min(j, end);
      if (!this.w.more(this.mark)) throw new JsonBytesError('a string is not closed', i);
    }
  }

  /**
   * Offset just past the value that starts at i, at the level of strings and brackets; -1 when a container is
   * not closed before offset `max`. `passing`: the value is skipped, and the window need not keep its bytes.
   */
  private skipValue(i: number, max = Infinity, passing = false): number {
    const c = this.at(i);
    if (c === 0x22) return this.skipString(i, passing);
    if (c !== 0x7b && c !== 0x5b) {
      let j = i;
      for (;;) {
        const d = this.at(j);
        if (d === -1 || d === 0x2c || d === 0x7d || d === 0x5d || WS(d)) break;
        j++;
      }
      if (j === i) throw new JsonBytesError('expected a value', i);
      return j;
    }
    let depth = 0;
    let j = i;
    for (;;) {
      const { buf, base, end } = this.w;
      const stop = Math.min(end, max);
      let moved = false;
      while (j < stop) {
        const d = buf[j - base];
        if (d === 0x22) {
          j = this.skipString(j, passing);
          // A long string may have slid the window: read it again.
          moved = this.w.buf !== buf || this.w.base !== base || this.w.end !== end;
          if (moved) break;
          continue;
        }
        if (d === 0x7b || d === 0x5b) depth++;
        else if ((d === 0x7d || d === 0x5d) && --depth === 0) return j + 1;
        j++;
      }
      if (moved) continue;
      if (j >= max) return -1;
      if (passing) this.mark = j;
      if (!this.w.more(this.mark)) throw new JsonBytesError('the document ends before this value is closed', i);
    }
  }
}
