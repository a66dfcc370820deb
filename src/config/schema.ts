/**
 * JSON schema of `.vpcelint.yml`. Unknown keys are errors: a typo in a config
 * file must not silently turn a check off.
 */
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: {
      type: 'object',
      description: 'Per-rule severity override (error, warning, note, off) or { severity, options }.',
      additionalProperties: {
        oneOf: [
          { enum: ['error', 'warning', 'note', 'off'] },
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              severity: { enum: ['error', 'warning', 'note', 'off'] },
              options: { type: 'object' },
            },
          },
        ],
      },
    },
    privateBuckets: {
      type: 'object',
      description: 'Buckets that must be reached only through the expected network, by name glob or tag.',
      additionalProperties: false,
      properties: {
        names: { type: 'array', items: { type: 'string', minLength: 1 } },
        tags: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    ignore: {
      type: 'array',
      description: 'Findings to suppress, each with a reason.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'reason'],
        properties: {
          rule: { type: 'string', minLength: 1 },
          address: { type: 'string', minLength: 1 },
          id: { type: 'string', minLength: 1 },
          reason: { type: 'string', minLength: 1 },
          expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        },
      },
    },
  },
} as const;
