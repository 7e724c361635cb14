import dagre from '@dagrejs/dagre';

/** A node's size on screen, known once React Flow has measured it (an estimate before). */
export interface Box {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 72;

/**
 * Top-to-bottom positions for the nodes (their top-left corners, as React Flow places them), computed by dagre
 * from the edges. Only on load and on "Auto-layout": never while the user types.
 */
export function autoLayout(
  boxes: readonly Box[],
  edges: readonly { source: string; target: string }[],
): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 70, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const box of boxes) graph.setNode(box.id, { width: box.width, height: box.height });
  const ids = new Set(boxes.map((b) => b.id));
  for (const edge of edges) if (ids.has(edge.source) && ids.has(edge.target)) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const box of boxes) {
    const node = graph.node(box.id) as { x: number; y: number };
    positions.set(box.id, { x: node.x - box.width / 2, y: node.y - box.height / 2 });
  }
  return positions;
}
