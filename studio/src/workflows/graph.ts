/**
 * The workflow definition as a graph, and the edits the canvas makes to it. The definition (the same JSON the
 * server stores) is the single source of truth: the canvas draws what these functions derive from it, and every
 * gesture on the canvas is one of these pure, immutable edits. No React, no React Flow: unit-tested alone.
 *
 * Terminology: an *edge key* is a property of a step that names another step (`next`, a condition's `then` and
 * `else`, an approval's `timeout`, a loop's `do`, …); the *trigger node* stands for the trigger and its one
 * edge, `start`.
 */

export type Json = Record<string, unknown>;

export interface StepDraft extends Json {
  readonly id: string;
  readonly type: string;
}

export interface TriggerDraft extends Json {
  readonly type: string;
}

export interface WorkflowDraft extends Json {
  readonly name: string;
  readonly trigger: TriggerDraft;
  readonly start: string;
  readonly steps: readonly StepDraft[];
}

/** The node id of the trigger: not a valid step id (those start with a letter), so never a step's. */
export const TRIGGER_NODE = '__trigger';
/** The edge key of the trigger node. */
export const START_KEY = 'start';
/** The edge keys a step type has (read off its JSON Schema: settings/form-schema.ts `edgeKeysOfSchema`). */
export type EdgeKeysOf = (type: string) => readonly string[];

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** The edge key (`start` for the trigger's edge). */
  readonly key: string;
}

export function edgeId(source: string, key: string): string {
  return `${source}:${key}`;
}

/** Every edge the definition has, dangling ones (to a missing step) included. */
export function definitionEdges(def: WorkflowDraft, keysOf: EdgeKeysOf): GraphEdge[] {
  const edges: GraphEdge[] = [];
  if (def.start)
    edges.push({ id: edgeId(TRIGGER_NODE, START_KEY), source: TRIGGER_NODE, target: def.start, key: START_KEY });
  for (const step of def.steps) {
    for (const key of keysOf(step.type)) {
      const target = step[key];
      if (typeof target === 'string' && target) edges.push({ id: edgeId(step.id, key), source: step.id, target, key });
    }
  }
  return edges;
}

/** A step id not yet used: the type's name and the first free number (`notify1`, `notify2`, …). */
export function freshStepId(def: WorkflowDraft, type: string): string {
  const used = new Set(def.steps.map((s) => s.id));
  for (let n = 1; ; n++) if (!used.has(`${type}${n}`)) return `${type}${n}`;
}

/**
 * Adds a step of `type` with the given settings. When `after` names a step (or the trigger) whose `next` (or
 * `start`) is free, the new step is linked from it, so adding steps one after another builds a chain.
 */
export function addStep(
  def: WorkflowDraft,
  type: string,
  settings: Json,
  after?: string,
): { readonly def: WorkflowDraft; readonly id: string } {
  const id = freshStepId(def, type);
  const step: StepDraft = { ...settings, id, type };
  let next: WorkflowDraft = { ...def, steps: [...def.steps, step] };
  if (!next.start) next = { ...next, start: id };
  else if (after && after !== TRIGGER_NODE && !stepById(next, after)?.next && after !== id)
    next = connect(next, after, 'next', id);
  return { def: next, id };
}

export function stepById(def: WorkflowDraft, id: string): StepDraft | undefined {
  return def.steps.find((s) => s.id === id);
}

function withoutKey(step: StepDraft, key: string): StepDraft {
  const { [key]: _dropped, ...rest } = step;
  return rest as StepDraft;
}

/** Removes a step and every edge to it; when it was the start, its `next` (if any) starts the workflow. */
export function removeStep(def: WorkflowDraft, id: string, keysOf: EdgeKeysOf): WorkflowDraft {
  const removed = stepById(def, id);
  if (!removed) return def;
  const steps = def.steps
    .filter((s) => s.id !== id)
    .map((s) => keysOf(s.type).reduce((step, key) => (step[key] === id ? withoutKey(step, key) : step), s));
  const successor = typeof removed.next === 'string' && removed.next !== id ? removed.next : '';
  return { ...def, steps, start: def.start === id ? successor : def.start };
}

/** Points the edge `key` of `source` (the trigger node: `start`) at `target`. */
export function connect(def: WorkflowDraft, source: string, key: string, target: string): WorkflowDraft {
  if (source === TRIGGER_NODE) return { ...def, start: target };
  return { ...def, steps: def.steps.map((s) => (s.id === source ? { ...s, [key]: target } : s)) };
}

export function disconnect(def: WorkflowDraft, source: string, key: string): WorkflowDraft {
  if (source === TRIGGER_NODE) return { ...def, start: '' };
  return { ...def, steps: def.steps.map((s) => (s.id === source ? withoutKey(s, key) : s)) };
}

/**
 * Replaces a step's settings (what its settings form edits) and keeps what the form does not show: its id, type
 * and edges. The other steps keep their identity, so the canvas redraws only this one.
 */
export function updateStepSettings(def: WorkflowDraft, id: string, settings: Json, keysOf: EdgeKeysOf): WorkflowDraft {
  return {
    ...def,
    steps: def.steps.map((s) => {
      if (s.id !== id) return s;
      const edges = Object.fromEntries(
        keysOf(s.type)
          .filter((k) => s[k] !== undefined)
          .map((k) => [k, s[k]]),
      );
      return { ...settings, ...edges, id: s.id, type: s.type } as StepDraft;
    }),
  };
}

/** Renames a step and every edge and template (`{{steps.<id>.…}}`) that names it. */
export function renameStep(def: WorkflowDraft, from: string, to: string, keysOf: EdgeKeysOf): WorkflowDraft {
  if (from === to || !stepById(def, from) || stepById(def, to)) return def;
  const templates = new RegExp(`(\\{\\{\\s*steps\\.)${from.replace(/[-]/g, '\\-')}(?=[.[\\s}])`, 'g');
  const retemplate = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(templates, `$1${to}`);
    if (Array.isArray(value)) return value.map(retemplate);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, retemplate(v)]));
    return value;
  };
  const steps = def.steps.map((s) => {
    const renamed = retemplate(s.id === from ? { ...s, id: to } : s) as StepDraft;
    return keysOf(s.type).reduce((step, key) => (step[key] === from ? { ...step, [key]: to } : step), renamed);
  });
  return { ...def, steps, start: def.start === from ? to : def.start };
}

export function updateTrigger(def: WorkflowDraft, trigger: TriggerDraft): WorkflowDraft {
  return { ...def, trigger };
}

/** A problem of the graph itself, on one node; the studio words it (`flow.graph.<code>`). */
export interface GraphProblem {
  readonly node: string;
  readonly code: 'noStart' | 'unreachable' | 'dangling' | 'duplicateId' | 'missingBranch';
  readonly key?: string;
  readonly target?: string;
}

/**
 * What the server's check (check-workflows.ts) would refuse about the graph, found before saving: a start that
 * is not a step, edges to missing steps, steps unreachable from the start, duplicate ids, and edges a step type
 * requires (`requiredEdgeKeysOf`, e.g. a loop's `do`) left unset.
 */
export function graphProblems(def: WorkflowDraft, keysOf: EdgeKeysOf, requiredEdgeKeysOf: EdgeKeysOf): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const ids = new Set<string>();
  for (const step of def.steps) {
    if (ids.has(step.id)) problems.push({ node: step.id, code: 'duplicateId' });
    ids.add(step.id);
  }
  if (!ids.has(def.start)) problems.push({ node: TRIGGER_NODE, code: 'noStart', target: def.start || undefined });
  for (const edge of definitionEdges(def, keysOf)) {
    if (edge.source !== TRIGGER_NODE && !ids.has(edge.target))
      problems.push({ node: edge.source, code: 'dangling', key: edge.key, target: edge.target });
  }
  for (const step of def.steps) {
    for (const key of requiredEdgeKeysOf(step.type))
      if (typeof step[key] !== 'string' || !step[key]) problems.push({ node: step.id, code: 'missingBranch', key });
  }
  if (ids.has(def.start)) {
    const reached = reachable(def, keysOf);
    for (const step of def.steps) if (!reached.has(step.id)) problems.push({ node: step.id, code: 'unreachable' });
  }
  return problems;
}

/** The steps a run can reach from the start. */
export function reachable(def: WorkflowDraft, keysOf: EdgeKeysOf): Set<string> {
  const reached = new Set<string>();
  const queue = def.start ? [def.start] : [];
  while (queue.length) {
    const id = queue.pop()!;
    const step = stepById(def, id);
    if (reached.has(id) || !step) continue;
    reached.add(id);
    for (const key of keysOf(step.type)) if (typeof step[key] === 'string') queue.push(step[key]);
  }
  return reached;
}

/**
 * The node a server problem is about: `input.steps[2].object` is the third step of the definition that was sent,
 * `input.trigger…` and `input.start` the trigger node; null for the rest (`input.name`, …).
 */
export function problemNode(sent: WorkflowDraft, path: string): string | null {
  const step = /^input\.steps\[(\d+)\]/.exec(path);
  if (step) return sent.steps[Number(step[1])]?.id ?? null;
  if (/^input\.(trigger|start)\b/.test(path)) return TRIGGER_NODE;
  return null;
}

/** The steps before `id` on some path from the start: the ones whose output `id` may use in templates. */
export function earlierSteps(def: WorkflowDraft, id: string, keysOf: EdgeKeysOf): string[] {
  const before = new Set<string>();
  for (const candidate of def.steps) {
    if (candidate.id === id) continue;
    const from = { ...def, start: candidate.id };
    if (reachable(from, keysOf).has(id)) before.add(candidate.id);
  }
  return def.steps.filter((s) => before.has(s.id)).map((s) => s.id);
}
