/** The structure of a snapshot, checked before it is read (node contents are checked as they are decoded). */
export const SNAPSHOT_SCHEMA = {
  type: 'object',
  required: ['format', 'version', 'source', 'closedWorld', 'refs', 'ids', 'nodes', 'diagnostics'],
  properties: {
    format: { type: 'string' },
    version: { type: 'integer', minimum: 1 },
    tool: { type: 'object' },
    createdAt: { type: 'string' },
    source: { type: 'object', required: ['kind'], properties: { kind: { enum: ['plan', 'aws', 'snapshot', 'test'] } } },
    closedWorld: { type: 'array', items: { type: 'string' } },
    sensitiveValues: { type: 'array', items: { type: 'string' } },
    refs: {
      type: 'array',
      items: { type: 'object', required: ['key', 'kind'], properties: { key: { type: 'string' }, kind: { type: 'string' } } },
    },
    ids: { type: 'array', items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'string' } } },
    nodes: {
      type: 'object',
      additionalProperties: {
        type: 'array',
        items: { type: 'array', minItems: 2, maxItems: 2, items: [{ type: 'string' }, { type: 'object', required: ['ref'] }] },
      },
    },
    diagnostics: {
      type: 'array',
      items: { type: 'object', required: ['level', 'code', 'message'], properties: { level: { enum: ['error', 'warning', 'note'] }, code: { type: 'string' }, message: { type: 'string' } } },
    },
  },
} as const;
