import { useCallback, useMemo, useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { problemsOf, type Problem } from '../graphql/problems';
import { definitionText } from './canonical';
import {
  ActivateWorkflowDocument,
  DeactivateWorkflowDocument,
  UpdateWorkflowDocument,
  WORKFLOW_TYPENAMES,
  WorkflowDocument,
} from './documents';
import * as graph from './graph';
import { starterSettings } from './settings/starter';
import type { StepTypes } from './step-types';

/** The server's answer to the last failed save or activation: its problems, and the definition that was sent. */
export interface Refusal {
  readonly sent: graph.WorkflowDraft;
  readonly problems: readonly Problem[];
}

/** A problem's path without the step it is on (the node shows which): `input.steps[1].object` → `object`. */
function shortPath(path: string): string {
  return path.replace(/^input\.steps\[\d+\]\.?/, '').replace(/^input\.(trigger\.?)?/, '');
}

/**
 * The designer's state: the draft definition (the only truth the canvas draws), whether it differs from the
 * saved one, the edits of the canvas and the panel, and saving and (de)activating through the server.
 */
export function useWorkflowEditor(workflow: { name: string; active: boolean; definition: unknown }, types: StepTypes) {
  const client = useClient();
  const saved = workflow.definition as graph.WorkflowDraft;
  const savedText = definitionText(saved);
  const [draft, setDraft] = useState(saved);
  const [base, setBase] = useState(savedText);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // The server's definition changed (saved here, or elsewhere): the draft starts again from it.
  if (savedText !== base) {
    setBase(savedText);
    setDraft(saved);
  }
  // The draft as of this render, for edits that must answer at once (the id of an added step).
  const latest = useRef(draft);
  latest.current = draft;
  const dirty = useMemo(() => definitionText(draft) !== savedText, [draft, savedText]);
  const [updating, update] = useMutation(UpdateWorkflowDocument);
  const [activating, activate] = useMutation(ActivateWorkflowDocument);
  const [deactivating, deactivate] = useMutation(DeactivateWorkflowDocument);
  const { edgeKeysOf } = types;

  // An edit answers the refusal (its problems were about what was sent): they go until the next save.
  const edit = useCallback((change: (def: graph.WorkflowDraft) => graph.WorkflowDraft) => {
    setDraft(change);
    setRefusal(null);
  }, []);
  const actions = useMemo(
    () => ({
      /** Adds a step (after `after`, when its `next` is free) and answers the new step's id. */
      addStep: (type: string, after: string | null) => {
        const def = latest.current;
        const triggerObject = typeof def.trigger.object === 'string' ? def.trigger.object : undefined;
        const added = graph.addStep(
          def,
          type,
          starterSettings(types.stepForm(type), triggerObject),
          after ?? undefined,
        );
        latest.current = added.def;
        setDraft(added.def);
        setRefusal(null);
        return added.id;
      },
      connect: (source: string, key: string, target: string) => edit((d) => graph.connect(d, source, key, target)),
      link: (source: string, key: string, target: string | null) =>
        edit((d) => (target ? graph.connect(d, source, key, target) : graph.disconnect(d, source, key))),
      remove: (nodes: readonly string[], links: readonly { source: string; key: string }[]) =>
        edit((d) => {
          const cut = links.reduce((def, l) => graph.disconnect(def, l.source, l.key), d);
          return nodes.reduce((def, id) => graph.removeStep(def, id, edgeKeysOf), cut);
        }),
      stepSettings: (id: string, settings: Record<string, unknown>) =>
        edit((d) => graph.updateStepSettings(d, id, settings, edgeKeysOf)),
      triggerSettings: (settings: Record<string, unknown>) =>
        edit((d) => graph.updateTrigger(d, settings as graph.TriggerDraft)),
      rename: (from: string, to: string) => edit((d) => graph.renameStep(d, from, to, edgeKeysOf)),
      discard: () => setDraft(saved),
      restore: (def: graph.WorkflowDraft) => setDraft(def),
    }),
    [edit, edgeKeysOf, types, saved],
  );

  /** After a refusal: the workflow as the server has it, so the canvas shows nothing the server does not. */
  const reread = useCallback(async () => {
    const fresh = await client
      .query(WorkflowDocument, { name: workflow.name }, { requestPolicy: 'network-only' })
      .toPromise();
    const definition = fresh.data?.workflow?.definition as graph.WorkflowDraft | undefined;
    if (definition) setDraft(definition);
  }, [client, workflow.name]);

  const refused = useCallback(
    async (sent: graph.WorkflowDraft, error: Parameters<typeof problemsOf>[0]) => {
      setRefusal({ sent, problems: problemsOf(error) });
      await reread();
    },
    [reread],
  );

  const save = useCallback(async () => {
    const { active: _active, ...input } = draft;
    const result = await update({ name: workflow.name, input }, { additionalTypenames: WORKFLOW_TYPENAMES });
    if (result.error) await refused(draft, result.error);
    else setRefusal(null);
    return !result.error;
  }, [draft, update, workflow.name, refused]);

  const setActive = useCallback(
    async (on: boolean) => {
      const mutate = on ? activate : deactivate;
      const result = await mutate({ name: workflow.name }, { additionalTypenames: WORKFLOW_TYPENAMES });
      if (result.error) await refused(draft, result.error);
      else setRefusal(null);
    },
    [activate, deactivate, workflow.name, refused, draft],
  );

  // The refusal's problems on the nodes they name (by id, so they stay put when the definition is re-read).
  const serverProblems = useMemo(() => {
    const byNode = new Map<string, string[]>();
    const general: string[] = [];
    for (const p of refusal?.problems ?? []) {
      const node = graph.problemNode(refusal!.sent, p.path);
      const message = shortPath(p.path) ? `${shortPath(p.path)}: ${p.message}` : p.message;
      if (node) byNode.set(node, [...(byNode.get(node) ?? []), message]);
      else general.push(p.path ? `${p.path}: ${p.message}` : p.message);
    }
    return { byNode, general };
  }, [refusal]);

  return {
    draft,
    saved,
    dirty,
    actions,
    save,
    setActive,
    refusal,
    dismissRefusal: () => setRefusal(null),
    serverProblems,
    busy: updating.fetching || activating.fetching || deactivating.fetching,
  };
}
