/**
 * A report as a run of text pieces, written one after another (cli/output.ts):
 * a large SARIF log never lives as one string, nor as that string's UTF-8
 * copy. At 1,000 VPCs that was 16 MB of text held twice over (as two-byte
 * characters, once anything in it is not Latin-1) and its bytes. Each pass
 * over it renders anew, so one report can go to two files.
 */
export class Pieces implements Iterable<string> {
  constructor(private readonly render: () => Iterable<string>) {}

  [Symbol.iterator](): Iterator<string> {
    return this.render()[Symbol.iterator]();
  }

  /** The whole text, for what needs it at once (redaction, tests, the API's string). */
  text(): string {
    const parts: string[] = [];
    for (const piece of this) parts.push(piece);
    return parts.join('');
  }
}

/** A rendered report: one string, or pieces for a large one. */
export type Output = string | Pieces;

export function textOf(output: Output): string {
  return typeof output === 'string' ? output : output.text();
}

/** Characters gathered before each write: one system call per 64 KiB or so, not one per result. */
const BATCH_CHARS = 1 << 16;

/**
 * An output as strings of about 64 Ki characters: pieces gathered, a string
 * cut (written through one small buffer, a 70 MB JSON report needs no 70 MB
 * copy of its bytes).
 */
export function* batches(output: Output): Generator<string> {
  if (typeof output === 'string') {
    yield* cut(output);
    return;
  }
  let parts: string[] = [];
  let length = 0;
  for (const piece of output) {
    parts.push(piece);
    length += piece.length;
    if (length >= BATCH_CHARS) {
      const text = parts.join('');
      // A pair split between two pieces is joined again in the next batch.
      const keep = isHighSurrogate(text.charCodeAt(text.length - 1)) ? 1 : 0;
      yield keep ? text.slice(0, -1) : text;
      parts = keep ? [text.slice(-1)] : [];
      length = keep;
    }
  }
  if (length > 0) yield parts.join('');
}

function* cut(text: string): Generator<string> {
  for (let at = 0; at < text.length; ) {
    let end = Math.min(at + BATCH_CHARS, text.length);
    // A surrogate pair stays whole: each half alone would be written as U+FFFD.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    yield text.slice(at, end);
    at = end;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
