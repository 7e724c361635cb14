import { Button } from '@mantine/core';
import { useComputedColorScheme } from '@mantine/core';
import {
  applyNodeChanges,
  Background,
  Controls,
  MarkerType,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { START_KEY, TRIGGER_NODE, type GraphEdge } from '../graph';
import { autoLayout, NODE_HEIGHT, NODE_WIDTH } from './layout';
import { StepNode, type StepFlowNode, type StepNodeData } from './StepNode';

const nodeTypes = { step: StepNode };
const DELETE_KEYS = ['Delete', 'Backspace'];

export interface CanvasProps {
  /** Node data by node id, the trigger first; a node re-renders only when its data object changes. */
  readonly nodeData: ReadonlyMap<string, StepNodeData>;
  /** The edges whose both ends exist. */
  readonly edges: readonly GraphEdge[];
  readonly edgeLabel: (key: string) => string;
  readonly selected: string | null;
  /** Changing it lays the canvas out again (the "Auto-layout" button, another version shown). */
  readonly layoutRequest: number;
  readonly readOnly: boolean;
  /** The overview map (left out on phones, where it would cover the canvas). */
  readonly minimap: boolean;
  readonly onSelect: (id: string | null) => void;
  readonly onConnect: (source: string, key: string, target: string) => void;
  readonly onDelete: (nodes: readonly string[], edges: readonly { source: string; key: string }[]) => void;
}

/** Where a node new to the canvas goes: under the step that leads to it, or under everything. */
function placeNew(id: string, nodes: readonly StepFlowNode[], edges: readonly GraphEdge[]): { x: number; y: number } {
  const parent = edges.find((e) => e.target === id && nodes.some((n) => n.id === e.source));
  const from = parent && nodes.find((n) => n.id === parent.source);
  if (from) return { x: from.position.x, y: from.position.y + NODE_HEIGHT + 60 };
  const lowest = nodes.reduce((y, n) => Math.max(y, n.position.y), -NODE_HEIGHT - 60);
  return { x: nodes[0]?.position.x ?? 0, y: lowest + NODE_HEIGHT + 60 };
}

function Canvas(props: CanvasProps) {
  const { t } = useTranslation();
  const scheme = useComputedColorScheme('light');
  const flow = useReactFlow();
  const [nodes, setNodes] = useState<StepFlowNode[]>([]);
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  const laidOut = useRef<number | null>(null);
  const added = useRef<{ x: number; y: number } | null>(null);
  const { nodeData, edges, selected, onSelect, onConnect, onDelete } = props;

  // The definition changed: new data where it changed, new nodes placed, removed ones gone; positions kept.
  useEffect(() => {
    setNodes((previous) => {
      const byId = new Map(previous.map((n) => [n.id, n]));
      let changed = previous.length !== nodeData.size;
      const next: StepFlowNode[] = [];
      for (const [id, data] of nodeData) {
        const old = byId.get(id);
        const isSelected = id === selected;
        if (old && old.data === data && old.selected === isSelected) {
          next.push(old);
          continue;
        }
        changed = true;
        if (!old && previous.length > 0) added.current = placeNew(id, next, edges);
        next.push(
          old
            ? { ...old, data, selected: isSelected, ariaLabel: `${data.title}, ${data.subtitle}` }
            : {
                id,
                type: 'step',
                data,
                selected: isSelected,
                deletable: id !== TRIGGER_NODE,
                ariaLabel: `${data.title}, ${data.subtitle}`,
                position: placeNew(id, next, edges),
              },
        );
      }
      return changed ? next : previous;
    });
  }, [nodeData, edges, selected]);

  // A step added by the user: the canvas moves to it, at the zoom it has.
  useEffect(() => {
    const at = added.current;
    if (!at) return;
    added.current = null;
    void flow.setCenter(at.x + NODE_WIDTH / 2, at.y + NODE_HEIGHT / 2, { zoom: flow.getZoom() });
  }, [nodes, flow]);

  // Lay out on the first load and on request, with the sizes React Flow measured where it has.
  useEffect(() => {
    if (nodes.length === 0 || laidOut.current === props.layoutRequest) return;
    laidOut.current = props.layoutRequest;
    const boxes = nodes.map((n) => ({
      id: n.id,
      width: n.measured?.width ?? NODE_WIDTH,
      height: n.measured?.height ?? NODE_HEIGHT,
    }));
    const positions = autoLayout(boxes, edges);
    setNodes((current) => current.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })));
    requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1.2 }));
  }, [nodes, edges, props.layoutRequest, flow]);

  const flowEdges = useMemo<Edge[]>(
    () =>
      edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        sourceHandle: e.key,
        type: 'smoothstep',
        label: e.key === 'next' || e.key === START_KEY ? undefined : props.edgeLabel(e.key),
        markerEnd: { type: MarkerType.ArrowClosed },
        selected: e.id === selectedEdge,
        deletable: !props.readOnly,
        ariaLabel: t('flow.canvas.edge', { source: e.source, target: e.target, key: props.edgeLabel(e.key) }),
      })),
    [edges, selectedEdge, props.readOnly, props.edgeLabel, t],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StepFlowNode>[]) => {
      // Removal goes through `onDelete` (the definition decides); selection through the designer.
      const kept = changes.filter((c) => c.type !== 'remove' && c.type !== 'select');
      if (kept.length) setNodes((current) => applyNodeChanges(kept, current));
      const chosen = changes.find((c) => c.type === 'select' && c.selected);
      if (chosen && chosen.type === 'select') {
        onSelect(chosen.id);
        setSelectedEdge(null);
      } else if (changes.some((c) => c.type === 'select' && c.id === selected)) onSelect(null);
    },
    [onSelect, selected],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    for (const change of changes) if (change.type === 'select') setSelectedEdge(change.selected ? change.id : null);
  }, []);

  const connect = useCallback(
    (c: Connection) => {
      if (c.source && c.target && c.source !== c.target) onConnect(c.source, c.sourceHandle ?? 'next', c.target);
    },
    [onConnect],
  );

  const remove = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: StepFlowNode[]; edges: Edge[] }) => {
      const ids = gone.map((n) => n.id).filter((id) => id !== TRIGGER_NODE);
      const removed = new Set(ids);
      const links = cut
        .filter((e) => !removed.has(e.source) && !removed.has(e.target))
        .map((e) => ({ source: e.source, key: e.sourceHandle ?? 'next' }));
      onDelete(ids, links);
      setSelectedEdge(null);
    },
    [onDelete],
  );

  const deleteSelection = () => {
    const edge = edges.find((e) => e.id === selectedEdge);
    if (edge) onDelete([], [{ source: edge.source, key: edge.key }]);
    else if (selected && selected !== TRIGGER_NODE) onDelete([selected], []);
    setSelectedEdge(null);
  };
  const canDelete = !props.readOnly && (selectedEdge !== null || (selected !== null && selected !== TRIGGER_NODE));

  return (
    <ReactFlow
      nodes={nodes}
      edges={flowEdges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={connect}
      onDelete={remove}
      // Also when the node was selected already: on phones this opens the settings drawer again.
      onNodeClick={(_event, clicked) => onSelect(clicked.id)}
      onPaneClick={() => {
        onSelect(null);
        setSelectedEdge(null);
      }}
      deleteKeyCode={props.readOnly ? null : DELETE_KEYS}
      nodesConnectable={!props.readOnly}
      colorMode={scheme}
      minZoom={0.2}
      proOptions={{ hideAttribution: true }}
      aria-label={t('flow.canvas.label')}
    >
      <Background />
      <Controls aria-label={t('flow.canvas.controls')} showInteractive={false} position="bottom-left" />
      {props.minimap && (
        <MiniMap pannable zoomable ariaLabel={t('flow.canvas.minimap')} style={{ width: 140, height: 100 }} />
      )}
      <Panel position="top-right">
        <Button size="xs" variant="default" color="red" disabled={!canDelete} onClick={deleteSelection}>
          {t('flow.canvas.deleteSelection')}
        </Button>
      </Panel>
    </ReactFlow>
  );
}

/** The designer's canvas: React Flow drawing the definition, every edit handed back to the designer. */
export const FlowCanvas = memo(function FlowCanvas(props: CanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
});
