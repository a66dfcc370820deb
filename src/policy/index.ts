/**
 * IAM policy semantics: parse a document once (cached by text), evaluate
 * concrete requests with IAM's logic, and answer the semantic questions rules
 * ask over a finite set of representative requests. Rules use this module
 * and never read policy JSON themselves.
 */
export { clearPolicyCache, parsePolicyCached } from './cache.js';
export { parsePolicyObject, parsePolicyText } from './parse.js';
export { evaluate, makeRequest, statementMatches, type Evaluation, type RequestInput } from './evaluate.js';
export { NotEvaluable, buildSpace, isStandInResource, type Hints, type Space } from './space.js';
export * from './questions.js';
export { comparedId, freshId, type FreshId } from './fresh-ids.js';
export { bucketPartOf, writtenResources } from './bucket-parts.js';
export { originCompared, type EndpointOrigin } from './through-endpoint.js';
export * from './keys.js';
export { privateRangeOf, parseCidr } from './ip.js';
export { isNegated } from './conditions.js';
export { globMatch, hasWildcard } from './wildcard.js';
export { parseArn, arnMatch } from './arn.js';
export type * from './types.js';
