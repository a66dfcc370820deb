import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { FINGERPRINT_KEY } from '../report/sarif.js';
import { OMITTED_FINGERPRINTS_KEY } from '../report/sarif-limit.js';
import { TOOL_NAME } from '../version.js';

/**
 * The fingerprints of every result in a SARIF log vpcelint wrote earlier
 * (suppressed ones included), and of the results a run too large for GitHub
 * left out (sarif-limit.ts): a finding whose fingerprint is there is not new.
 */
export function readBaseline(file: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`--baseline ${file}: cannot read: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : ((err as NodeJS.ErrnoException).code ?? (err as Error).message)}`, file);
  }
  let log: unknown;
  try {
    log = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new InputError(`--baseline ${file}: not valid JSON (${(err as Error).message})`, file);
  }
  const runs = isObject(log) && log.version === '2.1.0' && Array.isArray(log.runs) ? (log.runs as unknown[]) : undefined;
  if (!runs) throw new InputError(`--baseline ${file}: not a SARIF 2.1.0 log (no "version": "2.1.0" and "runs")`, file);
  const ours = runs.filter((r) => isObject(r) && isObject(r.tool) && isObject(r.tool.driver) && r.tool.driver.name === TOOL_NAME);
  if (ours.length === 0) throw new InputError(`--baseline ${file}: has no ${TOOL_NAME} run; give the SARIF a previous "vpcelint scan" wrote`, file);
  const out = new Set<string>();
  for (const [i, run] of ours.entries()) {
    const results = (run as Record<string, unknown>).results ?? [];
    if (!Array.isArray(results)) throw new InputError(`--baseline ${file}: runs[${i}].results is not an array`, file);
    for (const r of results) {
      const fp = isObject(r) && isObject(r.partialFingerprints) ? r.partialFingerprints[FINGERPRINT_KEY] : undefined;
      if (typeof fp === 'string') out.add(fp);
    }
    const properties = (run as Record<string, unknown>).properties;
    const omitted = isObject(properties) ? properties[OMITTED_FINGERPRINTS_KEY] : undefined;
    if (omitted === undefined) continue;
    if (!Array.isArray(omitted) || !omitted.every((fp) => typeof fp === 'string')) {
      throw new InputError(`--baseline ${file}: runs[${i}].properties["${OMITTED_FINGERPRINTS_KEY}"] is not a list of fingerprints`, file);
    }
    for (const fp of omitted as string[]) out.add(fp);
  }
  return out;
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
