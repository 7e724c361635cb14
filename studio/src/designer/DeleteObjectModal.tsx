import { Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { graphql } from '../gql';
import { problemsOf, type Problem } from '../graphql/problems';
import { FormProblems } from './FormProblems';
import { METADATA_TYPENAMES } from './metadata-typenames';
import { PlanView, type PlanShape } from './PlanView';

const DeleteObjectDocument = graphql(`
  mutation DeleteObject($name: String!, $dryRun: Boolean) {
    deleteObject(name: $name, dryRun: $dryRun) {
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
 * Deleting an object: the server's dry run shows what goes (its table to the trash, pipelines with it), or why
 * it cannot go (relations pointing at it); the user confirms by typing the object's name.
 */
export function DeleteObjectModal(props: { object: string; opened: boolean; onClose: (deleted: boolean) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [state, setState] = useState<State>({ kind: 'planning' });
  const [typed, setTyped] = useState('');
  const [{ fetching }, deleteObject] = useMutation(DeleteObjectDocument);
  const { object, opened } = props;

  useEffect(() => {
    if (!opened) return;
    let current = true;
    setState({ kind: 'planning' });
    setTyped('');
    void client
      .mutation(DeleteObjectDocument, { name: object, dryRun: true })
      .toPromise()
      .then((planned) => {
        if (!current) return;
        if (planned.data) setState({ kind: 'planned', plan: planned.data.deleteObject });
        else setState({ kind: 'failed', problems: planned.error ? problemsOf(planned.error) : [] });
      });
    return () => {
      current = false;
    };
  }, [client, object, opened]);

  const confirm = async () => {
    const result = await deleteObject({ name: object }, { additionalTypenames: METADATA_TYPENAMES });
    if (result.error) setState({ kind: 'failed', problems: problemsOf(result.error) });
    else props.onClose(true);
  };

  return (
    <Modal opened={opened} onClose={() => props.onClose(false)} title={t('objects.delete.title', { name: object })}>
      <Stack>
        {state.kind === 'planning' && (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('fields.delete.planning')}</Text>
          </Group>
        )}
        {state.kind === 'planned' && (
          <>
            <PlanView plan={state.plan} title={t('fields.delete.plan')} />
            <TextInput
              label={t('objects.delete.typeName', { name: object })}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off"
              data-autofocus
            />
          </>
        )}
        {state.kind === 'failed' && <FormProblems problems={state.problems} title={t('objects.delete.cannot')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => props.onClose(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={state.kind !== 'planned' || typed.trim() !== object}
            loading={fetching}
            onClick={() => void confirm()}
          >
            {t('objects.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
