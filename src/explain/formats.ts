/** Output formats of `vpcelint explain`: apart from the command, so the CLI lists them without loading it. */
export const EXPLAIN_FORMATS = ['text', 'mermaid'] as const;
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];
