import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

/**
 * Writes a file all at once: to a temporary name beside it, then renamed over
 * the target, so a crash or a full disk never leaves a half-written report.
 * Devices and pipes (/dev/null, /dev/stdout, a FIFO) are written directly:
 * renaming over them would replace the device with a regular file.
 */
export function writeAtomic(path: string, content: string): void {
  if (isSpecialFile(path)) {
    try {
      writeFileSync(path, content);
      return;
    } catch (err) {
      throw new InputError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new InputError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
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
