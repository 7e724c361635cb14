import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { problemsOf } from '../../graphql/problems';
import { recordTitle, updateMutation } from '../record-api';
import type { TaskItem } from './TaskRow';
import type { TaskShape } from './work-objects';

type Connection = { totalCount: number; edges: { node: Record<string, unknown> }[] };

/** Why ticking a task was refused, kept as its parts so it reads in the language chosen after it happened. */
export type TaskRefusal = {
  readonly title: string;
  readonly message: string;
};

/**
 * My tasks as the home card and the tasks page read them: one query of named lists (`overdue`, `today`…),
 * their tasks as rows, and "done" ticked through the update mutation. Done or refused, the lists are read
 * again, so they show what the server has, not what was clicked.
 */
export function useTaskList<List extends string>(shape: TaskShape, query: string, variables: Record<string, unknown>) {
  const [{ data, fetching, error }, reexecute] = useQuery<Record<List, Connection>>({ query, variables });
  const [, update] = useMutation(updateMutation(shape.object, `id ${shape.status.name}`));
  const [marking, setMarking] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<TaskRefusal | null>(null);

  const markDone = async (task: TaskItem) => {
    setRefusal(null);
    setMarking(task.id);
    const changes: Record<string, unknown> = { [shape.status.name]: shape.done };
    if (shape.completedAt) changes[shape.completedAt.name] = new Date().toISOString();
    const result = await update({ id: task.id, data: changes });
    if (result.error) {
      const message = problemsOf(result.error)
        .map((p) => p.message)
        .join('; ');
      setRefusal({ title: task.title, message });
    }
    reexecute({ requestPolicy: 'network-only' });
    setMarking(null);
  };

  const items = (list: List): TaskItem[] =>
    (data?.[list]?.edges ?? []).map(({ node }) => ({
      id: String(node.id),
      title: recordTitle(shape.object, node),
      due: typeof node[shape.due.name] === 'string' ? (node[shape.due.name] as string) : null,
    }));
  const total = (list: List) => data?.[list]?.totalCount ?? 0;

  return { data, fetching, error, items, total, markDone, marking, refusal, dismissRefusal: () => setRefusal(null) };
}
