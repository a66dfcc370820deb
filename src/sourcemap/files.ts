import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

/**
 * The size in bytes of the `.tf` files of a root module and of the local modules it calls, counted until the
 * total passes `limit` (what cannot be read counts nothing: the loader reports it). Local calls are found with a
 * pattern, not the parser (this decides how to compile the parser): a `source = "./..."` that is no module only
 * adds a directory's files to the count.
 */
export function moduleTreeBytes(root: string, limit: number): number {
  let total = 0;
  const seen = new Set<string>();
  const queue = [resolve(root)];
  while (queue.length > 0 && total <= limit) {
    const dir = queue.shift()!;
    if (seen.has(dir)) continue;
    seen.add(dir);
    for (const file of tfFiles(dir)) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      total += bytes.length;
      if (total > limit) break;
      for (const m of bytes.toString('utf8').matchAll(SOURCE)) {
        if (!isLocalSource(m[1])) continue;
        const child = resolve(dir, m[1]!);
        if (!seen.has(child) && isDirectory(child)) queue.push(child);
      }
    }
  }
  return total;
}

/** `source = "..."`: a module's source (moduleTreeBytes follows the local ones). */
const SOURCE = /\bsource\s*=\s*"([^"]*)"/g;

/** Terraform's rule: a source starting with ./ or ../ is a local directory; anything else is fetched. */
export function isLocalSource(source: string | undefined): boolean {
  return source !== undefined && (source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..');
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
