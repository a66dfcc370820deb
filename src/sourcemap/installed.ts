import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where `terraform init` installed the root module's registry and git
 * modules: its manifest, `.terraform/modules/modules.json` (under
 * `TF_DATA_DIR` when that is set, as Terraform reads it), maps each module
 * call's key (`vpc`, `vpc.endpoints`: the call names from the root) to the
 * directory holding its files, relative to the root module. A plan made in CI
 * is made after init, so the files it was planned from are there. No
 * manifest, or one this does not understand: nothing is installed, and those
 * modules stay unread, as before init.
 */
export function installedModuleDirs(root: string, dataDir = process.env.TF_DATA_DIR || '.terraform'): Map<string, string> {
  const out = new Map<string, string>();
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(join(resolve(root, dataDir), 'modules', 'modules.json'), 'utf8'));
  } catch {
    return out;
  }
  const modules = typeof manifest === 'object' && manifest !== null ? (manifest as { Modules?: unknown }).Modules : undefined;
  if (!Array.isArray(modules)) return out;
  for (const m of modules) {
    if (typeof m !== 'object' || m === null) continue;
    const { Key: key, Dir: dir } = m as { Key?: unknown; Dir?: unknown };
    if (typeof key === 'string' && key !== '' && typeof dir === 'string' && dir !== '') out.set(key, resolve(root, dir));
  }
  return out;
}
