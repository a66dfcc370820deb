import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ByteWindow } from '../../src/util/byte-window.js';
import { JsonBytesError, NoMemberFollows, parseJsonBytes } from '../../src/util/json-bytes.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

/** Bytes of the largest leaf or key of a document: what must fit in one string. */
function largestLeaf(v: unknown): number {
  if (Array.isArray(v)) return Math.max(2, ...v.map(largestLeaf));
  if (v && typeof v === 'object') return Math.max(2, ...Object.entries(v).flatMap(([k, x]) => [Buffer.byteLength(JSON.stringify(k)), largestLeaf(x)]));
  return Buffer.byteLength(JSON.stringify(v));
}

/** Documents with every kind of token, and the strings that fool a careless scanner. */
const DOCS = [
  { a: 1, b: [true, false, null, -1.5e3, 'x'], c: { d: 'e' } },
  [[], {}, [[[1]]], { '': '' }],
  { s: 'quote " and backslash \\ and brace } ] { [ and \\" escaped', t: 'ünïcødé ✓ 😀', u: '\\\\' },
  { resource_changes: [{ address: 'aws_vpc.main', change: { after: { tags: { Name: 'x' } } } }], planned_values: { root_module: {} } },
];

describe('parseJsonBytes', () => {
  it('gives what JSON.parse gives, from the smallest limit that holds each leaf up to one that holds it all', () => {
    for (const doc of DOCS) {
      for (const text of [JSON.stringify(doc), JSON.stringify(doc, null, 2)]) {
        const smallest = largestLeaf(doc);
        for (const limit of [smallest, smallest + 7, 64, 1 << 20]) {
          expect(parseJsonBytes(bytes(text), { limit }), `${text} @${limit}`).toEqual(JSON.parse(text));
        }
      }
    }
  });

  it('reads past a UTF-8 byte order mark', () => {
    expect(parseJsonBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('{"a":[1,2]}')]), { limit: 4 })).toEqual({ a: [1, 2] });
  });

  it('leaves out the top-level members it is told to skip, whether or not the document fits the limit', () => {
    const text = JSON.stringify({ keep: [1, 2], planned_values: { big: 'x'.repeat(100) }, after: 'y' });
    for (const limit of [16, 1 << 20]) {
      expect(parseJsonBytes(bytes(text), { limit, skip: new Set(['planned_values']) })).toEqual({ keep: [1, 2], after: 'y' });
    }
    expect(parseJsonBytes(bytes('[1, {"planned_values": 2}]'), { skip: new Set(['planned_values']) })).toEqual([1, { planned_values: 2 }]);
    expect(parseJsonBytes(bytes('"just a string"'), { skip: new Set(['planned_values']) })).toBe('just a string');
  });

  it('parses whole what is nested deeper than it walks, so that nesting 100,000 deep does not overflow the stack', () => {
    const deep = `{"a": ${'['.repeat(100_000)}"${'x'.repeat(100_000)}"${']'.repeat(100_000)}}`;
    let v = (parseJsonBytes(bytes(deep), { skip: new Set(['b']) }) as { a: unknown }).a;
    let depth = 0;
    for (; Array.isArray(v) && v.length === 1; depth++) v = v[0];
    expect([depth, v]).toEqual([100_000, 'x'.repeat(100_000)]);
  });

  it('parses runs of small elements together, and still says which element is broken', () => {
    const doc = { many: Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? i : i % 3 === 1 ? `s${i}` : { i })), after: [[], {}, 'x'] };
    for (const limit of [64, 4096, 1 << 20]) expect(parseJsonBytes(bytes(JSON.stringify(doc)), { limit })).toEqual(doc);
    expect(() => parseJsonBytes(bytes('[1, 2, tru, 4]'), { limit: 8 })).toThrow(/expected a value at byte 7/);
    expect(() => parseJsonBytes(bytes('[1, 2, 3 4]'), { limit: 8 })).toThrow(/expected "," or "]" at byte 9/);
    // A broken element is reported before a missing comma after it, as when each element is parsed alone.
    expect(() => parseJsonBytes(bytes('[1, tru 4]'), { limit: 8 })).toThrow(/expected a value at byte 4/);
  });

  it('keeps __proto__ members as own data, never as a prototype', () => {
    const out = parseJsonBytes(bytes('{"__proto__": {"polluted": 1}, "x": [1]}'), { limit: 4 }) as object;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says at which byte the text is broken', () => {
    const bad: [string, RegExp][] = [
      ['{"a": [1, 2}', /at byte/],
      ['{"a": 1} x', /unexpected text after the end of the document at byte 9/],
      ['{"a": "unclosed}', /a string is not closed at byte 6/],
      ['{"a": 1 "b": 2}', /expected "," or "}" at byte 8/],
      ['{"a": [1 2]}', /expected "," or "]" at byte 9/],
      ['{"a": [1, tru]}', /expected a value at byte 10/],
      ['{"a": [1, {"b": tru}]}', /expected a value at byte 16/],
      ['{a: 1}', /expected a property name in double quotes at byte 1/],
    ];
    for (const [text, message] of bad) {
      expect(() => parseJsonBytes(bytes(text), { limit: 3 }), text).toThrow(JsonBytesError);
      expect(() => parseJsonBytes(bytes(text), { limit: 3 }), text).toThrow(message);
    }
  });

  describe("runs ahead (arrays of objects that begin with the same member, as a plan's resources do)", () => {
    /** A resource whose values hold what looks like a boundary between resources: nested, and inside strings. */
    const resource = (i: number) => ({
      address: `aws_s3_bucket.b[${i}]`,
      change: {
        after: {
          policy: '{"Statement":[{"Sid":"a"},{"address":"x"}]}',
          rules: [{ address: 'nested' }, { address: `n${i}`, tags: { k: '},{"address":' } }],
          note: i % 7 === 0 ? 'ünïcødé ✓ 😀' : '\\',
        },
      },
    });
    const plan = (n: number) => ({
      resource_changes: Array.from({ length: n }, (_, i) => resource(i)),
      // Another array whose elements begin with "address", just after the first one ends.
      prior_state: { values: { root_module: { resources: Array.from({ length: 40 }, (_, i) => resource(n + i)) } } },
      // Elements larger than a run, with elements like them nested inside.
      modules: Array.from({ length: 30 }, (_, i) => ({ address: `module.m[${i}]`, resources: Array.from({ length: 30 }, (_, j) => resource(j)) })),
    });

    it('gives what JSON.parse gives, for pieces from a few elements to many, compact or with whitespace', () => {
      const doc = plan(3000);
      for (const text of [JSON.stringify(doc), JSON.stringify(doc, null, 1)]) {
        for (const limit of [320, 1024, 4096, 1 << 20]) expect(parseJsonBytes(bytes(text), { limit }), `@${limit}`).toEqual(doc);
      }
    });

    it('reads from a file a window at a time as from bytes in memory', () => {
      const doc = plan(20_000); // several windows of 1 MiB
      const dir = mkdtempSync(join(tmpdir(), 'vpcelint-json-bytes-'));
      try {
        const file = join(dir, 'plan.json');
        writeFileSync(file, JSON.stringify(doc));
        const fd = openSync(file, 'r');
        try {
          expect(parseJsonBytes(ByteWindow.reading(fd, 4096))).toEqual(doc);
        } finally {
          closeSync(fd);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('leaves names with escapes, and elements of other shapes, to be measured one by one', () => {
      const doc = {
        escaped: Array.from({ length: 500 }, (_, i) => ({ 'ad"dress': i, x: [{ 'ad"dress': 'y' }] })),
        mixed: Array.from({ length: 500 }, (_, i) => (i % 5 === 0 ? [i, { address: i }] : i % 5 === 1 ? `s${i}` : { address: i })),
      };
      for (const limit of [256, 1 << 20]) expect(parseJsonBytes(bytes(JSON.stringify(doc)), { limit })).toEqual(doc);
    });

    it('still says which element is broken, and where', () => {
      const elements = Array.from({ length: 400 }, (_, i) => JSON.stringify({ address: `a${i}`, v: [{ address: i }] }));
      for (const broken of [3, 150, 399]) {
        const bad = elements.map((e, i) => (i === broken ? e.replace(/"v":\[/, '"v":[tru,') : e));
        const text = `{"resource_changes":[${bad.join(',')}]}`;
        for (const limit of [256, 1 << 20]) {
          expect(() => parseJsonBytes(bytes(text), { limit }), `${broken} @${limit}`).toThrow(`expected a value at byte ${text.indexOf('tru')}`);
        }
      }
      const missingComma = `[${elements.slice(0, 300).join(',')}${elements[300]}]`;
      expect(() => parseJsonBytes(bytes(missingComma), { limit: 256 })).toThrow(`expected "," or "]" at byte ${missingComma.indexOf('}{') + 1}`);
    });
  });

  describe('skipAhead (past a skipped member to the next one, in documents written in a known order)', () => {
    const skip = new Set(['planned_values', 'resource_drift']);
    const skipAhead = { member: 'planned_values', next: 'resource_changes', after: new Set(['format_version', 'variables']), notPast: ['prior_state'] };
    const plan = (plannedValues: unknown) =>
      JSON.stringify({ format_version: '1.2', variables: { v: { value: 1 } }, planned_values: plannedValues, resource_drift: [{ address: 'a' }], resource_changes: [{ address: 'b' }], prior_state: { x: 1 } });
    const expected = { format_version: '1.2', variables: { v: { value: 1 } }, resource_changes: [{ address: 'b' }], prior_state: { x: 1 } };

    it('goes on at the next member without reading what lies between: what it skips is not even checked', () => {
      const text = plan({ root_module: { resources: [{ address: 'c' }] } });
      expect(parseJsonBytes(bytes(text), { skip, skipAhead })).toEqual(expected);
      // The probe that the bytes were jumped over: brackets that do not close, which a walk refuses.
      const unbalanced = text.replace('"root_module":{', '"root_module":{{[');
      expect(() => parseJsonBytes(bytes(unbalanced), { skip })).toThrow(JsonBytesError);
      expect(parseJsonBytes(bytes(unbalanced), { skip, skipAhead })).toEqual(expected);
    });

    it('throws where the same bytes were nested in the skipped member, and NoMemberFollows where none follow', () => {
      const nested = plan({ outputs: { o: { value: { a: 1, resource_changes: [{ address: 'fake' }] } } } });
      expect(() => parseJsonBytes(bytes(nested), { skip, skipAhead })).toThrow(JsonBytesError);
      expect(() => parseJsonBytes(bytes(nested), { skip, skipAhead })).not.toThrow(NoMemberFollows);
      expect(parseJsonBytes(bytes(nested), { skip })).toEqual(expected);
      const none = JSON.stringify({ format_version: '1.2', planned_values: { a: [1] }, prior_state: {} });
      expect(() => parseJsonBytes(bytes(none), { skip, skipAhead })).toThrow(NoMemberFollows);
    });

    it('does not jump over a member it is told not to (a plan reordered by hand), and throws there', () => {
      const reordered = JSON.stringify({ format_version: '1.2', planned_values: { a: [1] }, prior_state: { x: 1 }, resource_changes: [{ address: 'b' }] });
      expect(() => parseJsonBytes(bytes(reordered), { skip, skipAhead })).toThrow(/a member "prior_state" may lie before "resource_changes"/);
      expect(parseJsonBytes(bytes(reordered), { skip })).toEqual({ format_version: '1.2', prior_state: { x: 1 }, resource_changes: [{ address: 'b' }] });
      // Found across two windows of a file as within one.
      const dir = mkdtempSync(join(tmpdir(), 'vpcelint-json-bytes-'));
      try {
        const file = join(dir, 'plan.json');
        const big = JSON.stringify({ format_version: '1.2', planned_values: { pad: 'x'.repeat(5000) }, prior_state: { x: 1 }, resource_changes: [] });
        for (const cut of [4080, 4090, 4096]) {
          // The window's first read ends at `cut`: the guard's bytes straddle it for one of these.
          writeFileSync(file, big.replace('x'.repeat(5000), 'x'.repeat(5000 - (big.indexOf(',"prior_state"') - cut))));
          const fd = openSync(file, 'r');
          try {
            expect(() => parseJsonBytes(ByteWindow.reading(fd, 4096), { skip, skipAhead }), `${cut}`).toThrow(/may lie before/);
          } finally {
            closeSync(fd);
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('walks as before when the members before are not the known ones (keys sorted), or there is white space', () => {
      const sorted = JSON.stringify({ configuration: { c: 1 }, format_version: '1.2', planned_values: { a: 1 }, prior_state: { x: 1 }, resource_changes: [{ address: 'b' }] });
      expect(parseJsonBytes(bytes(sorted), { skip, skipAhead })).toEqual({ configuration: { c: 1 }, format_version: '1.2', prior_state: { x: 1 }, resource_changes: [{ address: 'b' }] });
      const pretty = JSON.stringify(JSON.parse(plan({ root_module: {} })), null, 1).replace('"root_module": {', '"root_module": {{[');
      expect(() => parseJsonBytes(bytes(pretty), { skip, skipAhead })).toThrow(JsonBytesError);
    });
  });

  it('refuses a single value larger than the limit (a string that long cannot exist in JavaScript)', () => {
    expect(() => parseJsonBytes(bytes(JSON.stringify({ s: 'x'.repeat(50) })), { limit: 16 })).toThrow(/a single value is larger than a JavaScript string can hold at byte 5/);
  });
});
