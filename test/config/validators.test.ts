import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { validate as configValidator } from '../../src/config/config-validator.generated.js';
import { validate as snapshotValidator } from '../../src/snapshot/snapshot-validator.generated.js';
import { snapshotText } from '../../src/snapshot/index.js';
// @ts-expect-error a plain .mjs script without types
import { validatorCode, VALIDATORS } from '../../scripts/gen-validators.mjs';
import { inventoryOf, ROOT } from '../helpers/fixtures.js';

interface Entry {
  schema: string;
  exportName: string;
  options: Record<string, unknown>;
  out: string;
}
const entries = VALIDATORS as Entry[];
const schemaOf = async (e: Entry) => ((await import(`../../${e.schema}`)) as Record<string, object>)[e.exportName]!;

describe('validators compiled ahead of time (scripts/gen-validators.mjs)', () => {
  it.each(entries.map((e) => [e.out, e]))('%s is what the script makes of its schema: run `npm run gen:validators` after changing it', async (_, e) => {
    expect(readFileSync(join(ROOT, e.out), 'utf8')).toBe(validatorCode(e, await schemaOf(e)));
  });

  // Right and wrong documents: the generated code must judge them as ajv does at run time, first error included.
  const snapshot = JSON.parse(snapshotText(inventoryOf('example'), new Date('2026-01-01T00:00:00Z'))) as Record<string, unknown>;
  const without = (key: string) => Object.fromEntries(Object.entries(snapshot).filter(([k]) => k !== key));
  const cases: [string, unknown[], ValidateFunction][] = [
    [
      'src/config/config-validator.generated.ts',
      [
        {},
        { rules: { 's3-via-nat': 'error', 'dynamodb-via-nat': { severity: 'off', options: { x: 1 } } } },
        { rules: { 's3-via-nat': 'fatal' } },
        { rules: { 's3-via-nat': { severity: 'note', extra: true } } },
        { rulez: {} },
        { privateBuckets: { names: ['data-*'], tags: { Classification: 'private' } } },
        { privateBuckets: { names: [''] } },
        { privateBuckets: { tags: { a: 1 } } },
        { ignore: [{ rule: 's3-via-nat', address: 'module.a.*', reason: 'moving in Q3', expires: '2030-01-31' }] },
        { ignore: [{ rule: 's3-via-nat', address: 'a' }] },
        { ignore: [{ rule: 's3-via-nat', id: 'rtb-1', reason: '' }] },
        { ignore: [{ rule: 's3-via-nat', id: 'rtb-1', reason: 'r', expires: '31.01.2030' }] },
        { ignore: [{ rule: 's3-via-nat', id: 'rtb-1', reason: 'r', until: '2030-01-31' }] },
        { ignore: { rule: 's3-via-nat' } },
        [],
        'rules',
      ],
      configValidator as unknown as ValidateFunction,
    ],
    [
      'src/snapshot/snapshot-validator.generated.ts',
      [
        snapshot,
        without('refs'),
        without('diagnostics'),
        { ...snapshot, version: 0 },
        { ...snapshot, version: 1.5 },
        { ...snapshot, source: { kind: 'cloud' } },
        { ...snapshot, closedWorld: [1] },
        { ...snapshot, refs: [{ key: 'a' }] },
        { ...snapshot, ids: [['a']] },
        { ...snapshot, nodes: [] },
        null,
      ],
      snapshotValidator as unknown as ValidateFunction,
    ],
  ];
  const strip = (errors: ValidateFunction['errors']) => errors?.map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message })) ?? null;
  for (const [out, docs, generated] of cases) {
    it(`${out} judges ${docs.length} documents as ajv does at run time`, async () => {
      const e = entries.find((x) => x.out === out)!;
      const runtime = new Ajv(e.options).compile(await schemaOf(e));
      expect(docs.filter((d) => runtime(d)).length).toBeGreaterThan(0);
      expect(docs.filter((d) => !runtime(d)).length).toBeGreaterThan(docs.length / 2);
      for (const doc of docs) {
        const ok = runtime(doc);
        expect(generated(doc), JSON.stringify(doc)?.slice(0, 200)).toBe(ok);
        expect(strip(generated.errors)).toEqual(strip(runtime.errors));
      }
    });
  }
});
