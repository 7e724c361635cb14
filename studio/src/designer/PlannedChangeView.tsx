import { Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormProblems } from './FormProblems';
import { PlanView } from './PlanView';
import type { PlannedChange } from './use-planned-change';

/** "Planning…" while the server's dry run runs. */
export function PlanningNote({ children }: { children: ReactNode }) {
  return (
    <Group gap="xs">
      <Loader size="sm" />
      <Text size="sm">{children}</Text>
    </Group>
  );
}

/**
 * A planned change as its dialog shows it: a note while planning, then the plan (with what the dialog asks
 * alongside it, `children`), or the server's problems. Each dialog gives its own wording.
 */
export function PlannedChangeView(props: {
  change: PlannedChange;
  planning: string;
  planTitle: string;
  failedTitle: string;
  children?: ReactNode;
}) {
  const { change } = props;
  switch (change.kind) {
    case 'planning':
      return <PlanningNote>{props.planning}</PlanningNote>;
    case 'planned':
      return (
        <>
          <PlanView plan={change.plan} title={props.planTitle} />
          {props.children}
        </>
      );
    case 'failed':
      return <FormProblems problems={change.problems} title={props.failedTitle} />;
  }
}
