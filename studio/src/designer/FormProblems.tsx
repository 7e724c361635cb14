import { Alert } from '@mantine/core';
import type { Problem } from '../graphql/problems';

/** The server's problems that no field of the form shows, above the form's buttons. */
export function FormProblems({ problems, title }: { problems: readonly Problem[]; title: string }) {
  if (problems.length === 0) return null;
  return (
    <Alert color="red" title={title} role="alert">
      {problems.map((p, i) => (
        <div key={i}>{p.path ? `${p.path}: ${p.message}` : p.message}</div>
      ))}
    </Alert>
  );
}
