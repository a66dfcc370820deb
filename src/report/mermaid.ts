/**
 * A small builder for Mermaid flowcharts, the pictures GitHub renders from
 * ```mermaid blocks. Node ids are generated, labels are escaped, so any
 * Terraform address or AWS id can be a label: quotes, brackets, `<`, `|` and
 * `#` would otherwise end a label or start an entity.
 */

export type Shape = 'box' | 'round' | 'stadium' | 'cylinder' | 'hexagon' | 'cloud';
/** How a node is coloured: the path found (bad), the one that should be (good), a hop we could not see (unknown). */
export type Tone = 'plain' | 'bad' | 'good' | 'unknown' | 'service';
export type EdgeStyle = 'solid' | 'dashed' | 'thick';

interface FlowNode {
  id: string;
  label: string;
  shape: Shape;
  tone: Tone;
}

interface FlowEdge {
  from: string;
  to: string;
  label?: string;
  style: EdgeStyle;
}

interface Subgraph {
  id: string;
  title: string;
  members: string[];
}

const TONE_STYLE: Record<Exclude<Tone, 'plain'>, string> = {
  bad: 'fill:#ffe3e3,stroke:#c92a2a,color:#000',
  good: 'fill:#e3fcec,stroke:#2b8a3e,color:#000',
  unknown: 'fill:#f1f3f5,stroke:#868e96,stroke-dasharray:4 3,color:#000',
  service: 'fill:#e7f5ff,stroke:#1971c2,color:#000',
};

export class Flowchart {
  private readonly nodes: FlowNode[] = [];
  private readonly edges: FlowEdge[] = [];
  private readonly subgraphs: Subgraph[] = [];
  private readonly byKey = new Map<string, string>();
  private readonly edgeKeys = new Set<string>();
  private current: Subgraph | undefined;

  constructor(private readonly direction: 'LR' | 'TD' = 'LR') {}

  /**
   * Adds a node, or returns the id of the node already added under `key`
   * (so one subnet or route table drawn on several paths is one box).
   */
  node(key: string, label: string, options: { shape?: Shape; tone?: Tone } = {}): string {
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const id = `n${this.nodes.length + 1}`;
    this.byKey.set(key, id);
    this.nodes.push({ id, label, shape: options.shape ?? 'box', tone: options.tone ?? 'plain' });
    this.current?.members.push(id);
    return id;
  }

  /** Adds an edge; the same edge twice (two paths over one hop) is drawn once. */
  edge(from: string, to: string, options: { label?: string; style?: EdgeStyle } = {}): void {
    const key = `${from}\u0000${to}\u0000${options.label ?? ''}\u0000${options.style ?? 'solid'}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ from, to, style: options.style ?? 'solid', ...(options.label ? { label: options.label } : {}) });
  }

  /** Nodes added inside `build` are drawn in a titled box. */
  group(title: string, build: () => void): void {
    const sub: Subgraph = { id: `g${this.subgraphs.length + 1}`, title, members: [] };
    this.subgraphs.push(sub);
    const outer = this.current;
    this.current = sub;
    try {
      build();
    } finally {
      this.current = outer;
    }
  }

  get size(): number {
    return this.nodes.length;
  }

  render(): string {
    const lines = [`flowchart ${this.direction}`];
    const grouped = new Set(this.subgraphs.flatMap((s) => s.members));
    for (const sub of this.subgraphs) {
      lines.push(`  subgraph ${sub.id}["${escapeLabel(sub.title)}"]`);
      // A subgraph with no edge leaving it is laid out on its own, top-down unless told.
      lines.push(`    direction ${this.direction === 'TD' ? 'TB' : this.direction}`);
      for (const n of this.nodes.filter((x) => sub.members.includes(x.id))) lines.push(`    ${nodeText(n)}`);
      lines.push('  end');
    }
    for (const n of this.nodes) if (!grouped.has(n.id)) lines.push(`  ${nodeText(n)}`);
    for (const e of this.edges) lines.push(`  ${edgeText(e)}`);
    const tones = new Map<Tone, string[]>();
    for (const n of this.nodes) if (n.tone !== 'plain') tones.set(n.tone, [...(tones.get(n.tone) ?? []), n.id]);
    for (const [tone, ids] of tones) {
      lines.push(`  classDef ${tone} ${TONE_STYLE[tone as Exclude<Tone, 'plain'>]}`);
      lines.push(`  class ${ids.join(',')} ${tone}`);
    }
    return lines.join('\n');
  }
}

const OPEN_CLOSE: Record<Shape, [string, string]> = {
  box: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  cylinder: ['[(', ')]'],
  hexagon: ['{{', '}}'],
  cloud: ['((', '))'],
};

function nodeText(n: FlowNode): string {
  const [open, close] = OPEN_CLOSE[n.shape];
  return `${n.id}${open}"${escapeLabel(n.label)}"${close}`;
}

function edgeText(e: FlowEdge): string {
  const arrow = e.style === 'dashed' ? '-.->' : e.style === 'thick' ? '==>' : '-->';
  return e.label ? `${e.from} ${arrow}|"${escapeLabel(e.label)}"| ${e.to}` : `${e.from} ${arrow} ${e.to}`;
}

/**
 * Mermaid entity codes for the characters that end or change a quoted label.
 * `\n` becomes a line break. Backticks would turn the label into Markdown.
 */
export function escapeLabel(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/\r?\n/g, '<br/>');
}
