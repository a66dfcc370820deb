import { describe, expect, it } from 'vitest';
import { mayHold } from '../../src/collect/terraform/placeholder-text.js';
import { callFunction } from '../../src/collect/terraform/source-functions.js';

const PLACEHOLDER = '<known after apply: aws_s3_bucket.x.arn>';
const ENDPOINT = '<known after apply: module.edge["a"].aws_vpc_endpoint.s3.id>';
const placeholders = {
  // As the evaluator's: in lists and objects too.
  mentioned: (v: unknown) => JSON.stringify(v)?.includes(PLACEHOLDER) ?? false,
  mayBeEmpty: (v: unknown) => typeof v === 'string' && v !== '' && v.split(PLACEHOLDER).join('') === '',
  mayHold: (text: string, sought: string) => mayHold(text, sought, [PLACEHOLDER, ENDPOINT]),
};
const call = (name: string, ...args: unknown[]) => callFunction(name, args, placeholders);

describe('Terraform functions over source values', () => {
  it('lists: concat, flatten, tolist, toset, distinct, compact', () => {
    expect(call('concat', ['a'], [PLACEHOLDER, 'b'])).toEqual({ value: ['a', PLACEHOLDER, 'b'] });
    expect(call('flatten', [['a', ['b']], 'c'])).toEqual({ value: ['a', 'b', 'c'] });
    expect(call('tolist', ['a'])).toEqual({ value: ['a'] });
    expect(call('toset', ['a', 'a', 'b'])).toEqual({ value: ['a', 'b'] });
    // In Terraform's order, which for_each and for expressions go by.
    expect(call('toset', ['b', 'a', 'B'])).toEqual({ value: ['B', 'a', 'b'] });
    expect(call('toset', [10, 9])).toEqual({ value: [9, 10] });
    expect(call('toset', [10, 9, 'b', 'a'])).toEqual({ value: ['10', '9', 'a', 'b'] });
    expect(call('toset', ['b', PLACEHOLDER])).toEqual({ value: ['b', PLACEHOLDER] });
    expect(call('distinct', ['a', 'b', 'a'])).toEqual({ value: ['a', 'b'] });
    expect(call('compact', ['a', '', null, 'b'])).toEqual({ value: ['a', 'b'] });
    expect(call('concat', ['a'], 'b')).toHaveProperty('notEvaluated');
  });

  it('sets: setunion, setintersection, setsubtract, in Terraform\'s order; with a value known only after apply, only the union', () => {
    expect(call('setunion', ['b', 'a'], ['c', 'a'])).toEqual({ value: ['a', 'b', 'c'] });
    expect(call('setunion', [PLACEHOLDER], ['a', PLACEHOLDER])).toEqual({ value: [PLACEHOLDER, 'a'] });
    expect(call('setunion', [2, 1], [1])).toEqual({ value: [1, 2] });
    expect(call('setintersection', ['a', 'b', 'c'], ['c', 'b'], ['b', 'c', 'd'])).toEqual({ value: ['b', 'c'] });
    expect(call('setintersection', [1, 2], [2, 3])).toEqual({ value: [2] });
    expect(call('setsubtract', ['a', 'b', 'c'], ['b'])).toEqual({ value: ['a', 'c'] });
    expect(call('setsubtract', ['1', 2], [1])).toEqual({ value: ['2'] });
    // The placeholder may be "a" after apply, or not: what is common or left is not known.
    expect(call('setsubtract', ['a', 'b'], [PLACEHOLDER])).toHaveProperty('notEvaluated');
    expect(call('setintersection', ['a'], [PLACEHOLDER])).toHaveProperty('notEvaluated');
    expect(call('setsubtract', ['a'])).toHaveProperty('notEvaluated');
    expect(call('setunion', 'a')).toHaveProperty('notEvaluated');
  });

  it('strings: format (%s, %d, %%), join, tostring, jsonencode', () => {
    expect(call('format', 'arn:aws:s3:::%s/*', 'b')).toEqual({ value: 'arn:aws:s3:::b/*' });
    expect(call('format', '%s/* %d%%', PLACEHOLDER, 3)).toEqual({ value: `${PLACEHOLDER}/* 3%` });
    expect(call('format', '%q', 'b')).toHaveProperty('notEvaluated');
    expect(call('format', '%s %s', 'b')).toHaveProperty('notEvaluated');
    expect(call('join', ',', ['a', 'b'])).toEqual({ value: 'a,b' });
    expect(call('tostring', 12)).toEqual({ value: '12' });
    expect(call('jsonencode', { a: ['b'] })).toEqual({ value: '{"a":["b"]}' });
  });

  it('length of lists, strings and objects, never of a value known only after apply', () => {
    expect(call('length', ['a', PLACEHOLDER])).toEqual({ value: 2 });
    expect(call('length', 'abc')).toEqual({ value: 3 });
    expect(call('length', { a: 1 })).toEqual({ value: 1 });
    expect(call('length', `${PLACEHOLDER}/*`)).toHaveProperty('notEvaluated');
  });

  it('a text that holds a value known only after apply beside other text is not empty (a rebuilt policy document)', () => {
    const policy = `{"Statement":[{"Condition":{"StringNotEquals":{"aws:SourceVpce":"${PLACEHOLDER}"}}}]}`;
    expect(call('compact', [policy, '', null])).toEqual({ value: [policy] });
    expect(call('coalesce', '', `${PLACEHOLDER}/*`)).toEqual({ value: `${PLACEHOLDER}/*` });
  });

  it('element, one, keys and values, contains', () => {
    expect(call('element', ['a', 'b'], 3)).toEqual({ value: 'b' });
    expect(call('one', [])).toEqual({ value: null });
    expect(call('one', ['a'])).toEqual({ value: 'a' });
    expect(call('one', ['a', 'b'])).toHaveProperty('notEvaluated');
    expect(call('keys', { b: 1, a: 2 })).toEqual({ value: ['a', 'b'] });
    expect(call('values', { b: 1, a: 2 })).toEqual({ value: [2, 1] });
    expect(call('contains', ['a', PLACEHOLDER], 'a')).toEqual({ value: true });
    expect(call('contains', ['a'], 'b')).toEqual({ value: false });
    // A value known only after apply may be the one sought.
    expect(call('contains', [PLACEHOLDER], 'b')).toHaveProperty('notEvaluated');
  });

  it('more strings and lists: formatlist, split, replace, trims, sort, reverse, coalescelist, zipmap, tomap', () => {
    expect(call('formatlist', '%s/*', ['arn:aws:s3:::a', PLACEHOLDER])).toEqual({ value: ['arn:aws:s3:::a/*', `${PLACEHOLDER}/*`] });
    expect(call('formatlist', '%s-%s', ['a', 'b'], 'x')).toEqual({ value: ['a-x', 'b-x'] });
    expect(call('formatlist', '%s-%s', ['a', 'b'], ['x'])).toHaveProperty('notEvaluated');
    expect(call('split', ',', 'a,b')).toEqual({ value: ['a', 'b'] });
    expect(call('replace', 'a-b-c', '-', '/')).toEqual({ value: 'a/b/c' });
    expect(call('replace', 'a-b', '/-/', '/')).toEqual({ notEvaluated: 'it calls replace() in a way vpcelint does not evaluate' });
    // What replaces may be known only after apply: where it goes is known.
    expect(call('replace', '"_S3_BUCKET_ARN_/*"', '_S3_BUCKET_ARN_', PLACEHOLDER)).toEqual({ value: `"${PLACEHOLDER}/*"` });
    // In a text that holds an endpoint's id, which is lower case, digits and "-": a marker with "_" is not in it,
    // nor across its edges, which are quotes, in JSON (escaped, as jsonencode() writes a name with quotes).
    const policy = JSON.stringify({ Resource: '_S3_BUCKET_ARN_/*', Condition: { 'aws:SourceVpce': ENDPOINT } });
    expect(call('replace', policy, '_S3_BUCKET_ARN_', 'arn:aws:s3:::b')).toEqual({ value: policy.replace('_S3_BUCKET_ARN_', 'arn:aws:s3:::b') });
    // What the id may hold, or what the edges of it may make: not evaluated.
    for (const sought of ['vpce-1', '"vpce', '_S3"', 'aws_vpc_endpoint']) expect(call('replace', policy, sought, 'x'), sought).toHaveProperty('notEvaluated');
    // A value of unknown make (a bucket's ARN) may hold anything.
    expect(call('replace', `"${PLACEHOLDER}"`, '_S3_BUCKET_ARN_', 'x')).toHaveProperty('notEvaluated');
    // The name of a bucket the plan creates is lower case, digits, "." and "-"; one a data source reads may be older.
    const NAME = '<known after apply: module.b.aws_s3_bucket.this[0].bucket>';
    const named = JSON.stringify({ Resource: [`arn:aws:s3:::${NAME}/*`, '_S3_BUCKET_ARN_'] });
    expect(mayHold(named, '_S3_BUCKET_ARN_', [NAME])).toBe(false);
    expect(mayHold(named, 'logs.', [NAME])).toBe(true);
    expect(mayHold(named, ':::', [NAME])).toBe(true);
    expect(mayHold(named.replaceAll('module.b.aws_s3_bucket', 'data.aws_s3_bucket'), '_S3_BUCKET_ARN_', [NAME.replace('module.b.aws_s3_bucket', 'data.aws_s3_bucket')])).toBe(true);
    expect(call('trimspace', '  a \n')).toEqual({ value: 'a' });
    expect(call('trimprefix', 'arn:aws:s3:::b', 'arn:aws:s3:::')).toEqual({ value: 'b' });
    expect(call('trimsuffix', 'b/*', '/*')).toEqual({ value: 'b' });
    expect(call('sort', ['b', 'a', 'C'])).toEqual({ value: ['C', 'a', 'b'] });
    expect(call('reverse', ['a', PLACEHOLDER])).toEqual({ value: [PLACEHOLDER, 'a'] });
    expect(call('coalescelist', [], ['a'])).toEqual({ value: ['a'] });
    expect(call('zipmap', ['k'], [PLACEHOLDER])).toEqual({ value: Object.assign(Object.create(null), { k: PLACEHOLDER }) });
    expect(call('tomap', { a: 1 })).toEqual({ value: { a: 1 } });
    expect(call('startswith', 'arn:aws:s3:::b', 'arn:aws:s3:::')).toEqual({ value: true });
    expect(call('endswith', PLACEHOLDER, '/*')).toHaveProperty('notEvaluated');
    const decoded = call('jsondecode', JSON.stringify({ Statement: [{ Resource: PLACEHOLDER }], __proto__x: 1 }));
    expect(decoded).toEqual({ value: { Statement: [{ Resource: PLACEHOLDER }], __proto__x: 1 } });
    expect(Object.getPrototypeOf((decoded as { value: object }).value)).toBeNull();
    expect(call('jsondecode', '{"a":')).toEqual({ notEvaluated: 'it calls jsondecode() on a text that is not JSON' });
  });

  it('objects: merge, later keys winning', () => {
    expect(call('merge', { a: 1, b: 1 }, { b: 2 })).toEqual({ value: Object.assign(Object.create(null), { a: 1, b: 2 }) });
  });

  it('never decides on what a value known only after apply holds', () => {
    expect(call('compact', [PLACEHOLDER])).toEqual({ notEvaluated: 'it calls compact() on a value known only after apply' });
    expect(call('compact', [`${PLACEHOLDER}${PLACEHOLDER}`, 'a'])).toHaveProperty('notEvaluated');
    expect(call('coalesce', PLACEHOLDER, 'b')).toHaveProperty('notEvaluated');
    expect(call('coalesce', '', 'b')).toEqual({ value: 'b' });
    // The case of a value known only after apply is not its placeholder's.
    expect(call('lower', `${PLACEHOLDER}/*`)).toEqual({ notEvaluated: 'it calls lower() on a value known only after apply' });
    expect(call('title', PLACEHOLDER)).toHaveProperty('notEvaluated');
    expect(call('regex', 'a', 'A')).toEqual({ notEvaluated: 'it calls regex(), which vpcelint does not evaluate' });
    // A value known only after apply may hold what a string function looks for, and sorts anywhere.
    expect(call('split', ',', `${PLACEHOLDER},a`)).toEqual({ notEvaluated: 'it calls split() on a value known only after apply' });
    expect(call('replace', PLACEHOLDER, 'a', 'b')).toHaveProperty('notEvaluated');
    expect(call('sort', ['b', PLACEHOLDER])).toEqual({ notEvaluated: 'it calls sort() on a value known only after apply' });
    expect(call('zipmap', [PLACEHOLDER], ['a'])).toHaveProperty('notEvaluated');
  });

  it('case: lower, upper, and title as Go has it (a letter after anything but a letter, digit or underscore)', () => {
    expect(call('lower', 'ReadOnly')).toEqual({ value: 'readonly' });
    expect(call('upper', 'ro')).toEqual({ value: 'RO' });
    expect(call('title', 'analytics')).toEqual({ value: 'Analytics' });
    expect(call('title', 'data-lake reader_one 2nd éte')).toEqual({ value: 'Data-Lake Reader_one 2nd Éte' });
    expect(call('upper', ['a'])).toHaveProperty('notEvaluated');
  });
});
