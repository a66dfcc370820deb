import DOMPurify from 'dompurify';

/**
 * Mermaid's own parser (mermaid 11; 12 needs Node 22), run in Node. Mermaid
 * sanitizes label HTML with DOMPurify, which needs a browser DOM: in Node its
 * export has no `sanitize`/`addHook`. Parsing does not depend on sanitizing,
 * so both become no-ops here; the grammar, node shapes, edges, subgraphs and
 * class statements are all checked by the real flowchart parser.
 */
const purify = DOMPurify as unknown as { sanitize?: unknown; addHook?: unknown };
purify.sanitize ??= (text: string) => text;
purify.addHook ??= () => undefined;
const { default: mermaid } = await import('mermaid');

/** Parses one diagram; throws Mermaid's parse error (with line and expected tokens) when it is not valid. */
export async function parseMermaid(text: string): Promise<string> {
  const result = await mermaid.parse(text);
  if (!result) throw new Error('mermaid could not parse the diagram');
  return result.diagramType;
}

/** The contents of every ```mermaid block in a Markdown document. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!);
}
