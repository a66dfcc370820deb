import { constants } from 'node:buffer';
import { jsonErrorPosition } from './json-error-position.js';

/**
 * Parses UTF-8 JSON bytes that may be too many for one JavaScript string
 * (V8's limit is 2^29 - 24 characters, about 512 MiB). A value whose bytes fit
 * in `limit` is decoded and given to JSON.parse whole; a larger array or object
 * is walked at the level of strings and brackets and parsed member by member,
 * so only the largest single leaf has to fit. `skip` names top-level members
 * to leave out unparsed (checked only at the level of strings and brackets).
 * Errors say at which byte the text is broken.
 */
export function parseJsonBytes(bytes: Uint8Array, options: { limit?: number; skip?: ReadonlySet<string> } = {}): unknown {
  const limit = options.limit ?? constants.MAX_STRING_LENGTH;
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = new ByteParser(buf, limit);
  const start = p.ws(buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0);
  // Walked, not measured first, when too large (a scan of all of it would only say so) or when members are skipped.
  const walk = buf.length - start > limit || (options.skip !== undefined && buf[start] === 0x7b);
  const { value, end } = walk ? p.walk(start, options.skip) : p.value(start);
  if (p.ws(end) !== buf.length) throw new JsonBytesError('unexpected text after the end of the document', p.ws(end));
  return value;
}

export class JsonBytesError extends Error {
  constructor(
    message: string,
    /** Byte offset where the text is broken. */
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
  }
}

interface Parsed {
  value: unknown;
  end: number;
}

class ByteParser {
  constructor(
    private readonly buf: Buffer,
    private readonly limit: number,
  ) {}

  ws(i: number): number {
    const b = this.buf;
    for (;;) {
      const c = b[i];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return i;
    }
  }

  /** The value starting at i, and the index just past it: parsed whole when its bytes fit the limit. */
  value(i: number): Parsed {
    const end = this.skipValue(i);
    return end - i <= this.limit ? { value: this.parse(i, end), end } : this.walk(i);
  }

  /** An array or object walked member by member, each member parsed whole when it fits. */
  walk(i: number, skip?: ReadonlySet<string>): Parsed {
    const c = this.buf[i];
    if (c === 0x5b) return this.array(i);
    if (c === 0x7b) return this.object(i, skip);
    throw new JsonBytesError('a single value is larger than a JavaScript string can hold', i);
  }

  private parse(start: number, end: number): unknown {
    const text = this.buf.toString('utf8', start, end);
    try {
      return JSON.parse(text);
    } catch {
      // V8's message quotes the text (line breaks and all) and often has no position: say where, as for a plan read as text.
      const found = jsonErrorPosition(text);
      if (!found) throw new JsonBytesError('not valid JSON in the value that starts', start);
      throw new JsonBytesError(`expected ${found.expected}`, start + Buffer.byteLength(text.slice(0, found.offset)));
    }
  }

  private array(i: number): Parsed {
    const out: unknown[] = [];
    i = this.ws(i + 1);
    if (this.buf[i] === 0x5d) return { value: out, end: i + 1 };
    for (;;) {
      const member = this.value(i);
      out.push(member.value);
      i = this.ws(member.end);
      if (this.buf[i] === 0x5d) return { value: out, end: i + 1 };
      if (this.buf[i] !== 0x2c) throw new JsonBytesError('expected "," or "]"', i);
      i = this.ws(i + 1);
    }
  }

  private object(i: number, skip?: ReadonlySet<string>): Parsed {
    const out: Record<string, unknown> = {};
    i = this.ws(i + 1);
    if (this.buf[i] === 0x7d) return { value: out, end: i + 1 };
    for (;;) {
      if (this.buf[i] !== 0x22) throw new JsonBytesError('expected a property name in double quotes', i);
      const keyEnd = this.skipString(i);
      const key = this.parse(i, keyEnd) as string;
      i = this.ws(keyEnd);
      if (this.buf[i] !== 0x3a) throw new JsonBytesError('expected ":"', i);
      i = this.ws(i + 1);
      let end: number;
      if (skip?.has(key)) end = this.skipValue(i);
      else {
        const member = this.value(i);
        // Own data property even for "__proto__": input keys must never reach a prototype.
        Object.defineProperty(out, key, { value: member.value, enumerable: true, writable: true, configurable: true });
        end = member.end;
      }
      i = this.ws(end);
      if (this.buf[i] === 0x7d) return { value: out, end: i + 1 };
      if (this.buf[i] !== 0x2c) throw new JsonBytesError('expected "," or "}"', i);
      i = this.ws(i + 1);
    }
  }

  /** Index just past the string that starts at i (a quote). */
  private skipString(i: number): number {
    const b = this.buf;
    let j = i + 1;
    for (;;) {
      const q = b.indexOf(0x22, j);
      if (q < 0) throw new JsonBytesError('a string is not closed', i);
      let backslashes = 0;
      for (let k = q - 1; b[k] === 0x5c; k--) backslashes++;
      if (backslashes % 2 === 0) return q + 1;
      j = q + 1;
    }
  }

  /** Index just past the value that starts at i, at the level of strings and brackets. */
  private skipValue(i: number): number {
    const b = this.buf;
    const c = b[i];
    if (c === 0x22) return this.skipString(i);
    if (c !== 0x7b && c !== 0x5b) {
      let j = i;
      while (j < b.length) {
        const d = b[j];
        if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) break;
        j++;
      }
      if (j === i) throw new JsonBytesError('expected a value', i);
      return j;
    }
    let depth = 0;
    const n = b.length;
    for (let j = i; j < n; j++) {
      const d = b[j];
      if (d === 0x22) j = this.skipString(j) - 1;
      else if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        if (--depth === 0) return j + 1;
      }
    }
    throw new JsonBytesError('the document ends before this value is closed', i);
  }
}
