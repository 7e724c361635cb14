import { useEffect, useState } from 'react';
import { useClient, useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { problemsOf, type Problem } from '../graphql/problems';
import { METADATA_TYPENAMES } from './metadata-typenames';
import type { PlanShape } from './PlanView';

/** Where a planned change is: the dry run is running, its plan, or the server's problems (dry run or apply). */
export type PlannedChange =
  | { readonly kind: 'planning' }
  | { readonly kind: 'planned'; readonly plan: PlanShape }
  | { readonly kind: 'failed'; readonly problems: readonly Problem[] };

/**
 * A metadata change that a dialog plans as it opens and makes on confirmation. Each time `opened` turns true
 * the server's dry run of the very mutation (`dryRun: true`) answers the plan, or why the change cannot be
 * made; `apply()` then runs it for real (the metadata queries refetch) and answers whether it was applied —
 * when not, the state holds the server's problems. `field` is the mutation's field, whose answer is the plan.
 *
 * @example
 *   const change = usePlannedChange(DeleteFieldDocument, 'deleteField', { object, name: field }, opened);
 *   if (await change.apply()) onClose();
 */
export function usePlannedChange<
  Data extends Record<Field, PlanShape>,
  Variables extends AnyVariables,
  Field extends string,
>(document: TypedDocumentNode<Data, Variables>, field: Field, variables: Variables, opened: boolean) {
  const client = useClient();
  const [state, setState] = useState<PlannedChange>({ kind: 'planning' });
  const [{ fetching: applying }, execute] = useMutation(document);
  // The variables by value: a new object each render must not plan again.
  const key = JSON.stringify(variables);

  useEffect(() => {
    if (!opened) return;
    let current = true;
    setState({ kind: 'planning' });
    void client
      .mutation(document, { ...(JSON.parse(key) as Variables), dryRun: true })
      .toPromise()
      .then((planned) => {
        if (!current) return;
        if (planned.data) setState({ kind: 'planned', plan: planned.data[field] });
        else setState({ kind: 'failed', problems: planned.error ? problemsOf(planned.error) : [] });
      });
    return () => {
      current = false;
    };
  }, [client, document, field, key, opened]);

  const apply = async (): Promise<boolean> => {
    const result = await execute(variables, { additionalTypenames: METADATA_TYPENAMES });
    if (result.error) setState({ kind: 'failed', problems: problemsOf(result.error) });
    return !result.error;
  };

  return { state, applying, apply };
}
