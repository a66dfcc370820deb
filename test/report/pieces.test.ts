import { describe, expect, it } from 'vitest';
import { batches, Pieces, textOf } from '../../src/report/pieces.js';
import { redactOutput } from '../../src/report/redact.js';

describe('Pieces', () => {
  it('renders anew on every pass, so one report can go to two files', () => {
    let passes = 0;
    const pieces = new Pieces(function* () {
      passes++;
      yield 'a';
      yield 'b';
    });
    expect(textOf(pieces)).toBe('ab');
    expect([...pieces].join('')).toBe('ab');
    expect(passes).toBe(2);
    expect(textOf('plain')).toBe('plain');
  });

  it('is gathered into batches of about 64 KiB, the text unchanged', () => {
    const piece = 'x'.repeat(1000);
    const pieces = new Pieces(() => Array.from({ length: 200 }, (_, i) => `${i},${piece}`));
    const out = [...batches(pieces)];
    expect(out.join('')).toBe(pieces.text());
    expect(out.length).toBeGreaterThan(1);
    expect(out.length).toBeLessThan(5);
    for (const b of out.slice(0, -1)) expect(b.length).toBeGreaterThanOrEqual(1 << 16);
    // No pieces, no batch.
    expect([...batches(new Pieces(() => []))]).toEqual([]);
    expect([...batches('')]).toEqual([]);
  });

  it('cuts a long string into batches, never inside a surrogate pair', () => {
    const text = `${'y'.repeat((1 << 16) - 1)}🛡${'z'.repeat(200_000)}`;
    const out = [...batches(text)];
    expect(out.join('')).toBe(text);
    expect(out.length).toBe(5);
    // The pair that straddled the first cut went whole to the second batch.
    expect(out[0]).toBe('y'.repeat((1 << 16) - 1));
    expect(out[1]!.startsWith('🛡')).toBe(true);
    for (const b of out) expect(Buffer.from(b, 'utf8').toString('utf8')).toBe(b);
    expect([...batches('short')]).toEqual(['short']);
    // Pieces that split a pair where a batch ends.
    const split = new Pieces(() => [`${'a'.repeat((1 << 16) - 1)}\ud83d`, '\udee1b']);
    const written = [...batches(split)];
    expect(written.join('')).toBe(split.text());
    for (const b of written) expect(Buffer.from(b, 'utf8').toString('utf8')).toBe(b);
  });

  it('is redacted whole: a sensitive value split across two pieces is still hidden', () => {
    const pieces = new Pieces(() => ['{"password":"hun', 'ter2"}']);
    expect(redactOutput(pieces, new Set())).toBe(pieces);
    expect(redactOutput(pieces, new Set(['hunter2']))).toBe('{"password":"(sensitive value hidden)"}');
  });
});
