import { readSync } from 'node:fs';

/**
 * Bytes read from a file a window at a time, addressed by their offset in
 * the file: `buf[i - base]` is byte i, for base <= i < end. A reader that is
 * done with the bytes before some offset says so when it asks for more, and
 * the window slides; it grows only for a value longer than itself.
 *
 * Why not read the whole file: its bytes are needed once, in order, and on a
 * machine where first-touched memory is slow, taking fresh pages for every
 * byte of a large plan cost more than the parse (bench/README.md, "Seventeenth
 * session"). A reused window of warm pages costs a copy from the page cache.
 */
export class ByteWindow {
  private constructor(
    public buf: Buffer,
    /** Offset in the input of buf[0]. */
    public base: number,
    /** Offset just past the last byte read. */
    public end: number,
    private readonly fd: number | undefined,
    private done: boolean,
  ) {}

  /** All of the input, already in memory. */
  static of(bytes: Buffer): ByteWindow {
    return new ByteWindow(bytes, 0, bytes.length, undefined, true);
  }

  /** A file from its start, read as it is needed, by offset (the caller closes the descriptor). */
  static reading(fd: number, initialBytes = 1 << 20): ByteWindow {
    const w = new ByteWindow(Buffer.allocUnsafe(initialBytes), 0, 0, fd, false);
    w.more(0);
    return w;
  }

  /**
   * Reads on, keeping the bytes from offset `keep` on (those before may be dropped): false at the end of the
   * input, when nothing more was read.
   */
  more(keep: number): boolean {
    if (this.done) return false;
    const from = Math.min(Math.max(keep, this.base), this.end);
    const kept = this.end - from;
    if (from > this.base) {
      this.buf.copy(this.buf, 0, from - this.base, this.end - this.base);
      this.base = from;
    }
    if (kept > this.buf.length >> 1) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, kept);
      this.buf = bigger;
    }
    const n = readSync(this.fd!, this.buf, kept, this.buf.length - kept, this.end);
    if (n === 0) {
      this.done = true;
      return false;
    }
    this.end += n;
    return true;
  }
}
