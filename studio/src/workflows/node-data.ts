import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../components/localized';
import type { StepNodeData } from './canvas/StepNode';
import { START_KEY, TRIGGER_NODE, type GraphProblem, type WorkflowDraft } from './graph';
import { settingsErrors } from './settings/validate';
import { useTypeLabel, type StepTypes } from './step-types';

/** Problems by node id, worded: settings (JSON Schema), graph checks and the server's last answer. */
export function useNodeProblems(
  def: WorkflowDraft,
  types: StepTypes,
  graph: readonly GraphProblem[],
  server: ReadonlyMap<string, readonly string[]>,
): ReadonlyMap<string, readonly string[]> {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const problems = new Map<string, string[]>();
    const add = (node: string, message: string) => problems.set(node, [...(problems.get(node) ?? []), message]);
    for (const message of settingsErrors(def.trigger, types.triggerForm(def.trigger.type), language))
      add(TRIGGER_NODE, message);
    for (const step of def.steps)
      for (const message of settingsErrors(step, types.stepForm(step.type), language)) add(step.id, message);
    for (const p of graph) add(p.node, t(`flow.graph.${p.code}`, { key: p.key, target: p.target }));
    for (const [node, messages] of server) for (const message of messages) add(node, message);
    return problems;
  }, [def, types, graph, server, t, language]);
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function sameData(a: StepNodeData, b: StepNodeData): boolean {
  return (
    a.kind === b.kind &&
    a.title === b.title &&
    a.subtitle === b.subtitle &&
    a.status === b.status &&
    sameList(a.problems, b.problems) &&
    sameList(
      a.outputs.map((o) => o.key + o.label),
      b.outputs.map((o) => o.key + o.label),
    )
  );
}

/**
 * The data of every canvas node, the trigger first. An unchanged node keeps its data object, so after a
 * keystroke in one step's settings only that node re-renders.
 */
export function useNodeData(
  def: WorkflowDraft,
  types: StepTypes,
  problems: ReadonlyMap<string, readonly string[]>,
  statuses: ReadonlyMap<string, string>,
): ReadonlyMap<string, StepNodeData> {
  const { t, i18n } = useTranslation();
  const typeLabel = useTypeLabel();
  const previous = useRef(new Map<string, StepNodeData>());
  return useMemo(() => {
    const edgeLabel = (key: string) => t(`flow.edges.${key}`, { defaultValue: key });
    const none: readonly string[] = [];
    const fresh: [string, StepNodeData][] = [
      [
        TRIGGER_NODE,
        {
          kind: 'trigger',
          title: t('flow.canvas.trigger'),
          subtitle: [typeLabel.trigger(def.trigger.type), def.trigger.object].filter(Boolean).join(' · '),
          outputs: [{ key: START_KEY, label: edgeLabel(START_KEY) }],
          problems: problems.get(TRIGGER_NODE) ?? none,
        },
      ],
      ...def.steps.map((step): [string, StepNodeData] => [
        step.id,
        {
          kind: 'step',
          title: step.label !== undefined ? localized(step.label, i18n.language, step.id) : step.id,
          subtitle: typeLabel.step(step.type),
          outputs: types.edgeKeysOf(step.type).map((key) => ({ key, label: edgeLabel(key) })),
          problems: problems.get(step.id) ?? none,
          status: statuses.get(step.id),
        },
      ]),
    ];
    const next = new Map<string, StepNodeData>();
    let same = previous.current.size === fresh.length;
    for (const [id, data] of fresh) {
      const old = previous.current.get(id);
      const kept = old && sameData(old, data) ? old : data;
      same &&= kept === old;
      next.set(id, kept);
    }
    // Nothing a node shows changed (typing in most settings): the same map, so the canvas does not re-render.
    if (same && [...previous.current.keys()].every((id, i) => id === fresh[i]![0])) return previous.current;
    previous.current = next;
    return next;
  }, [def, types, problems, statuses, t, i18n.language, typeLabel]);
}
