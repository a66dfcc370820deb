import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { isDirectory } from '../sourcemap/files.js';
import { batches, type Output } from '../report/pieces.js';

/**
 * Writes the reports all or nothing. Each regular file goes to a temporary
 * name beside it first, and only when every one is written are they renamed
 * over their targets: a crash, a full disk or a target that is a directory
 * leaves every target as it was (a rename failing after others succeeded is
 * the one case this cannot undo). Devices and pipes (/dev/null, /dev/stdout,
 * a FIFO) are written directly, last: renaming over them would replace the
 * device with a regular file. A report in pieces is rendered as it is
 * written; a rendering that fails (a bug: a report is complete before it is
 * rendered) leaves regular files as they were, and a device or pipe with what
 * was written before it.
 */
export function writeAll(targets: readonly (readonly [path: string, content: Output])[]): void {
  // One path named twice (`--output r.sarif --sarif r.sarif`) is written once, with the last content, as before.
  const files = [...new Map(targets.map(([path, content]) => [resolve(path), [path, content] as const])).values()];
  const staged: [tmp: string, path: string][] = [];
  // A rendering's own error (no code) goes on as it is: it is a bug, not a file that cannot be written.
  const failed = (path: string, err: unknown) => {
    for (const [tmp] of staged) removeQuietly(tmp);
    return isSystemError(err) ? new InputError(`cannot write ${path}: ${err.code}`) : err;
  };
  for (const [path, content] of files) {
    if (isSpecialFile(path)) continue;
    const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      if (isDirectory(path)) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      mkdirSync(dirname(path), { recursive: true });
      writeOutput(tmp, content);
    } catch (err) {
      removeQuietly(tmp);
      throw failed(path, err);
    }
    staged.push([tmp, path]);
  }
  for (const [tmp, path] of staged) {
    try {
      renameSync(tmp, path);
    } catch (err) {
      throw failed(path, err);
    }
  }
  for (const [path, content] of files) {
    if (!isSpecialFile(path)) continue;
    try {
      writeOutput(path, content);
    } catch (err) {
      throw failed(path, err);
    }
  }
}

/**
 * Bytes of the buffer a report is encoded into, batch after batch: a fresh Buffer per batch is memory the system
 * must give anew each time (malloc maps blocks this large), 67 ms of a 1,000-VPC scan's 16 MB SARIF.
 */
const WRITE_BUFFER_BYTES = 256 * 1024;

let writeBuffer: Buffer | undefined;

function writeOutput(path: string, content: Output): void {
  const fd = openSync(path, 'w');
  try {
    for (const text of batches(content)) writeText(fd, text);
  } finally {
    closeSync(fd);
  }
}

/**
 * Standard output's writer: a regular file (`> report.sarif`) is written directly, through the buffer above,
 * synchronously as process.stdout writes a file, but without a Buffer per batch (at 1,000 VPCs the SARIF's writing
 * took 220-240 ms through process.stdout, 158-170 ms this way). Pipes and terminals go through process.stdout, which
 * knows how to wait on a full pipe.
 */
export function stdoutWriter(): (text: string) => void {
  let file = false;
  try {
    file = fstatSync(1).isFile();
  } catch {
    // no standard output to look at: process.stdout decides
  }
  return file ? (text) => writeText(1, text) : (text) => void process.stdout.write(text);
}

/** All of the text (a write to a pipe or a device may take only part of it), through the buffer when it surely fits. */
function writeText(fd: number, text: string): void {
  const buffer = (writeBuffer ??= Buffer.allocUnsafe(WRITE_BUFFER_BYTES));
  // A UTF-16 code unit is at most 3 bytes of UTF-8 (a pair, 4 bytes for 2 units).
  const bytes = text.length * 3 <= buffer.length ? buffer.subarray(0, buffer.write(text, 'utf8')) : Buffer.from(text, 'utf8');
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** An error of the file system (it has a code: ENOSPC, EISDIR, ...), not one of rendering. */
function isSystemError(err: unknown): err is NodeJS.ErrnoException {
  return typeof (err as NodeJS.ErrnoException | undefined)?.code === 'string';
}

/**
 * Fails fast on report targets that cannot be files: an existing directory,
 * or a path under a file. Checked before a scan starts, so a mistyped
 * `--output` costs no parse of a large plan and no live scan of an account.
 */
export function checkTargets(targets: readonly (readonly [flag: string, path: string | undefined])[]): void {
  for (const [flag, path] of targets) {
    if (path === undefined || isSpecialFile(path)) continue;
    if (isDirectory(path)) throw new UsageError(`${flag} ${path}: is a directory`);
    let dir = dirname(resolve(path));
    while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
    if (!isDirectory(dir)) throw new UsageError(`${flag} ${path}: ${dir} is not a directory`);
  }
}

/** A temporary file removed, if it is there: when its directory could not be made, even looking fails (ENOTDIR). */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing was written there
  }
}

function isSpecialFile(path: string): boolean {
  try {
    const st = statSync(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}
