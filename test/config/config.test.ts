import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';

const RULES = ['s3-via-nat', 'dynamodb-via-nat'];

describe('parseConfig', () => {
  it('reads severities, options, private buckets and ignore entries', async () => {
    const config = await parseConfig(
      ['rules:', '  s3-via-nat: error', '  dynamodb-via-nat: { severity: note, options: { minCount: 2 } }', 'privateBuckets:', '  names: [data-*]', 'ignore:', '  - rule: s3-via-nat', '    address: module.legacy.*', '    reason: moving in Q3', ''].join('\n'),
      '.vpcelint.yml',
      RULES,
    );
    expect(config.ruleSettings).toEqual({ 's3-via-nat': { severity: 'error' }, 'dynamodb-via-nat': { severity: 'note', options: { minCount: 2 } } });
    expect(config.settings.privateBuckets).toEqual({ names: ['data-*'], tags: {} });
    expect(config.ignore).toEqual([{ rule: 's3-via-nat', address: 'module.legacy.*', reason: 'moving in Q3' }]);
  });

  it.each([
    ['rulez: {}\n', '.vpcelint.yml: unknown key "rulez" at (top level)'],
    ['rules:\n  s3-via-nat: fatal\n', '.vpcelint.yml: rules.s3-via-nat must be one of error, warning, note, off'],
    ['ignore:\n  - rule: s3-via-nat\n    address: a\n', '.vpcelint.yml: ignore.0 is missing "reason"'],
    ['ignore:\n  - rule: s3-via-nat\n    id: rtb-1\n    reason: r\n    expires: 31.01.2030\n', '.vpcelint.yml: ignore.0.expires must match pattern "^\\d{4}-\\d{2}-\\d{2}$"'],
    ['ignore:\n  - rule: s3-via-nat\n    reason: r\n', '.vpcelint.yml: ignore[0] needs an address or an id pattern'],
    ['ignore:\n  - rule: s3-via-nta\n    address: a\n    reason: r\n', '.vpcelint.yml: unknown rule "s3-via-nta" at ignore[0].rule'],
    ['rules: [\n', '.vpcelint.yml:2:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['rules:\n  s3-via-nat: error\n  s3-via-nat: note\n', '.vpcelint.yml:3:3: not valid YAML: Map keys must be unique'],
  ])('rejects %j: %s', async (text, message) => {
    await expect(parseConfig(text, '.vpcelint.yml', RULES)).rejects.toThrow(message);
  });
});
