import { parsePolicyText } from './parse.js';
import type { ParseResult } from './types.js';

/**
 * Parsed policies by text: many resources share one policy (a module applies
 * the same document to every bucket), so each distinct text is parsed once.
 * Bounded so that a huge inventory of distinct policies cannot grow it forever.
 */
const cache = new Map<string, ParseResult>();
const LIMIT = 10_000;

export function parsePolicyCached(text: string): ParseResult {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = parsePolicyText(text);
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(text, result);
  return result;
}
