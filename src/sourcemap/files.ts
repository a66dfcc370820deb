import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Apart from the parser: a scan checks for .tf files before it loads tree-sitter, and most CI plans
// come without them when the source root is elsewhere.

/** The `.tf` files of a directory, overrides last (Terraform merges them into the blocks they override). */
export function tfFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.tf'));
  } catch {
    return [];
  }
  const isOverride = (n: string) => n === 'override.tf' || n.endsWith('_override.tf');
  return names
    .sort((a, b) => Number(isOverride(a)) - Number(isOverride(b)) || (a < b ? -1 : a > b ? 1 : 0))
    .map((n) => join(dir, n));
}

/** The size of a directory's `.tf` files together, in bytes (what cannot be read counts nothing: the loader reports it). */
export function tfBytes(dir: string): number {
  let total = 0;
  for (const file of tfFiles(dir)) {
    try {
      total += statSync(file).size;
    } catch {
      // reported when the loader reads it
    }
  }
  return total;
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
