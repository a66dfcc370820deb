import { parsePolicyText } from './parse.js';
import type { ParseResult } from './types.js';

/**
 * Parsed policies by text: many resources share one policy (a module applies
 * the same document to every bucket), so each distinct text is parsed once,
 * and the questions rules ask of it (cached per parsed policy) are answered
 * once for all of them. The engine clears it after each run: the answers of a
 * large inventory weigh tens of kilobytes per policy and are not needed by
 * the reports. The bound only stops a long-lived process from growing it
 * without end; a run never reaches it (below it, evicting would make every
 * rule parse and ask everything again).
 */
const cache = new Map<string, ParseResult>();
const LIMIT = 200_000;

export function parsePolicyCached(text: string): ParseResult {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = parsePolicyText(text);
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(text, result);
  return result;
}

/** Forgets every parsed policy (and with them the answers cached on them). */
export function clearPolicyCache(): void {
  cache.clear();
}
