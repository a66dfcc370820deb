import { execSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ByteWindow } from '../../src/util/byte-window.js';
import { JsonBytesError, parseJsonBytes } from '../../src/util/json-bytes.js';
import { ROOT } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'vpcelint-window-'));
const open: number[] = [];
afterEach(() => {
  for (const fd of open.splice(0)) closeSync(fd);
});

/** A file with `text`, opened for a window of `size` bytes. */
function windowOn(text: string | Buffer, size: number, name = 'f.json'): ByteWindow {
  const file = join(dir, name);
  writeFileSync(file, text);
  const fd = openSync(file, 'r');
  open.push(fd);
  return ByteWindow.reading(fd, size);
}

describe('ByteWindow', () => {
  it('slides over a file, keeping what the reader still needs, and grows only for what is longer than itself', () => {
    const text = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz');
    const w = windowOn(text, 8);
    expect([w.base, w.end, w.buf.toString('latin1', 0, 8)]).toEqual([0, 8, '01234567']);
    // Done with everything before 6: bytes 6 and 7 slide to the front, and the rest of the window is read.
    expect(w.more(6)).toBe(true);
    expect([w.base, w.end, w.buf.length]).toEqual([6, 14, 8]);
    expect(w.buf.toString('latin1', 0, w.end - w.base)).toBe('6789abcd');
    // Still needing all of it (a long value from 6 on): the window doubles and keeps it.
    expect(w.more(6)).toBe(true);
    expect([w.base, w.end, w.buf.length]).toEqual([6, 22, 16]);
    expect(w.buf.toString('latin1', 0, w.end - w.base)).toBe(text.toString('latin1', 6, 22));
    while (w.more(w.end));
    expect(w.end).toBe(text.length);
    expect(w.more(0)).toBe(false);
  });

  it('reads a file from its start every time it is opened on it', () => {
    const a = windowOn('{"a": 1}', 4, 'twice.json');
    while (a.more(a.end));
    const again = ByteWindow.reading(open[0]!, 4);
    expect(again.buf.toString('latin1', 0, again.end)).toBe('{"a"');
  });
});

describe('parseJsonBytes through a window', () => {
  /** Documents whose every token, at some window size, straddles a window's edge. */
  const DOCS = [
    { a: 1, b: [true, false, null, -1.5e3, 'x'], c: { d: 'e' } },
    [[], {}, [[[1]]], { '': '' }],
    { s: 'quote " and backslash \\ and brace } ] { [ and \\" escaped', t: 'ünïcødé ✓ 😀', u: '\\\\' },
    { resource_changes: [{ address: 'aws_vpc.main', change: { after: { tags: { Name: 'x'.repeat(300) } } } }], planned_values: { root_module: {} } },
    { long: 'y'.repeat(5000), list: Array.from({ length: 200 }, (_, i) => ({ i, s: `"${i}"` })) },
  ];

  it('gives what JSON.parse gives, for every window size from 1 byte, compact or indented, whole or walked', () => {
    let n = 0;
    for (const doc of DOCS) {
      for (const text of [JSON.stringify(doc), JSON.stringify(doc, null, 2)]) {
        for (const size of [1, 2, 3, 5, 8, 13, 64, 1000]) {
          for (const limit of [6000, 1 << 20]) {
            expect(parseJsonBytes(windowOn(text, size), { limit }), `${text.slice(0, 40)} window ${size}`).toEqual(JSON.parse(text));
            n++;
          }
        }
      }
    }
    expect(n).toBe(DOCS.length * 2 * 8 * 2);
  });

  it('reads on past a string that crosses the window\'s edge, up to the end of the file', () => {
    for (let k = 0; k < 20; k++) {
      for (const text of [`["${'a'.repeat(k)}", 1]`, `{"s": "${'b'.repeat(k)}"}`, `[{"a": ["${'c'.repeat(k)}"]}]`]) {
        for (let size = 1; size <= 24; size++) expect(parseJsonBytes(windowOn(text, size)), `${text} window ${size}`).toEqual(JSON.parse(text));
      }
    }
  });

  it('reads every fixture and template plan through a window of 256 bytes as JSON.parse reads its text', () => {
    const plans = execSync("grep -rl '\"resource_changes\"' fixtures bench/template bench/wide-template --include=*.json", { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').filter((f) => f && !f.includes('tfjson_invalid'));
    expect(plans.length).toBeGreaterThan(50);
    for (const plan of plans) {
      const fd = openSync(join(ROOT, plan), 'r');
      open.push(fd);
      const text = readFileSync(join(ROOT, plan), 'utf8');
      expect(parseJsonBytes(ByteWindow.reading(fd, 256)), plan).toEqual(JSON.parse(text));
    }
  });

  it('skips a member without keeping its bytes: the window stays small past a long one', () => {
    const text = JSON.stringify({ keep: [1, 2], planned_values: { big: 'x'.repeat(100_000), more: [{ a: '}' }] }, after: 'y' });
    const w = windowOn(text, 64);
    expect(parseJsonBytes(w, { skip: new Set(['planned_values']) })).toEqual({ keep: [1, 2], after: 'y' });
    expect(w.buf.length).toBeLessThanOrEqual(128);
    // A long value that is kept grows the window to hold it.
    const kept = windowOn(JSON.stringify({ s: 'x'.repeat(100_000) }), 64);
    expect(parseJsonBytes(kept)).toEqual({ s: 'x'.repeat(100_000) });
    expect(kept.buf.length).toBeGreaterThan(100_000);
  });

  it('says at which byte the text is broken, wherever the window is', () => {
    const bad: [string, RegExp][] = [
      ['{"a": [1, 2}', /at byte/],
      ['{"a": 1} x', /unexpected text after the end of the document at byte 9/],
      ['{"a": "unclosed}', /a string is not closed at byte 6/],
      ['{"a": [1, {"b": 2}', /the document ends before this value is closed at byte 6|expected "," or "]" at byte 18/],
      ['{"a": 1 "b": 2}', /expected "," or "}" at byte 8/],
      ['{"a": [1, tru]}', /expected a value at byte 10/],
    ];
    for (const [text, message] of bad) {
      for (const size of [1, 4, 64]) {
        expect(() => parseJsonBytes(windowOn(text, size), { limit: 3 }), `${text} window ${size}`).toThrow(JsonBytesError);
        expect(() => parseJsonBytes(windowOn(text, size), { limit: 3 }), `${text} window ${size}`).toThrow(message);
      }
    }
  });
});
