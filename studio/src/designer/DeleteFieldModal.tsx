import { Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { graphql } from '../gql';
import { problemsOf, type Problem } from '../graphql/problems';
import { FormProblems } from './FormProblems';
import { METADATA_TYPENAMES } from './metadata-typenames';
import { PlanView, type PlanShape } from './PlanView';

const DeleteFieldDocument = graphql(`
  mutation DeleteField($object: String!, $name: String!, $dryRun: Boolean) {
    deleteField(object: $object, name: $name, dryRun: $dryRun) {
      applied
      revision
      changes
      destructive
    }
  }
`);

type State =
  | { readonly kind: 'planning' }
  | { readonly kind: 'planned'; readonly plan: PlanShape }
  | { readonly kind: 'failed'; readonly problems: readonly Problem[] };

/**
 * Deleting a field: first the server's dry run of the same `deleteField` shows what goes; only the
 * confirmation applies it.
 */
export function DeleteFieldModal(props: { object: string; field: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [state, setState] = useState<State>({ kind: 'planning' });
  const [{ fetching }, deleteField] = useMutation(DeleteFieldDocument);
  const { object, field, opened } = props;

  useEffect(() => {
    if (!opened) return;
    let current = true;
    setState({ kind: 'planning' });
    void client
      .mutation(DeleteFieldDocument, { object, name: field, dryRun: true })
      .toPromise()
      .then((planned) => {
        if (!current) return;
        if (planned.data) setState({ kind: 'planned', plan: planned.data.deleteField });
        else setState({ kind: 'failed', problems: planned.error ? problemsOf(planned.error) : [] });
      });
    return () => {
      current = false;
    };
  }, [client, object, field, opened]);

  const confirm = async () => {
    const result = await deleteField({ object, name: field }, { additionalTypenames: METADATA_TYPENAMES });
    if (result.error) setState({ kind: 'failed', problems: problemsOf(result.error) });
    else props.onClose();
  };

  return (
    <Modal opened={opened} onClose={props.onClose} title={t('fields.delete.title', { name: field })}>
      <Stack>
        {state.kind === 'planning' && (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('fields.delete.planning')}</Text>
          </Group>
        )}
        {state.kind === 'planned' && <PlanView plan={state.plan} title={t('fields.delete.plan')} />}
        {state.kind === 'failed' && <FormProblems problems={state.problems} title={t('common.notSaved')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" disabled={state.kind !== 'planned'} loading={fetching} onClick={() => void confirm()}>
            {t('fields.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
