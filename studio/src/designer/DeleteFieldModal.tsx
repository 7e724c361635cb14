import { Alert, Button, Code, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { graphql } from '../gql';
import { problemsOf, type Problem } from '../graphql/problems';
import { FormProblems } from './FormProblems';
import { METADATA_TYPENAMES } from './metadata-typenames';

const ExportManifestDocument = graphql(`
  query ExportManifest {
    exportManifest
  }
`);

const PlanDocument = graphql(`
  mutation PlanManifest($manifest: JSON!) {
    applyManifest(manifest: $manifest, dryRun: true) {
      applied
      changes
      destructive
    }
  }
`);

const DeleteFieldDocument = graphql(`
  mutation DeleteField($object: String!, $name: String!) {
    deleteField(object: $object, name: $name) {
      applied
      revision
      changes
    }
  }
`);

type Manifest = { objects: { name: string; fields: { name: string }[] }[] };

/** The current manifest without one field: what `deleteField` will make of it, to plan with a dry run. */
export function withoutField(manifest: unknown, object: string, field: string): unknown {
  const m = manifest as Manifest;
  return {
    ...m,
    objects: m.objects.map((o) => (o.name === object ? { ...o, fields: o.fields.filter((f) => f.name !== field) } : o)),
  };
}

type State =
  | { readonly kind: 'planning' }
  | { readonly kind: 'planned'; readonly changes: readonly string[]; readonly destructive: readonly string[] }
  | { readonly kind: 'failed'; readonly problems: readonly Problem[] };

/**
 * Deleting a field: first a dry run of the same change (`applyManifest(…, dryRun: true)` on the exported
 * manifest without the field) shows what goes; only the confirmation calls `deleteField`.
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
    void (async () => {
      const exported = await client.query(ExportManifestDocument, {}, { requestPolicy: 'network-only' }).toPromise();
      const planned = exported.data
        ? await client
            .mutation(PlanDocument, { manifest: withoutField(exported.data.exportManifest, object, field) })
            .toPromise()
        : undefined;
      if (!current) return;
      const error = exported.error ?? planned?.error;
      if (error || !planned?.data) setState({ kind: 'failed', problems: error ? problemsOf(error) : [] });
      else setState({ kind: 'planned', ...planned.data.applyManifest });
    })();
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
        {state.kind === 'planned' && (
          <>
            <Text size="sm">{t('fields.delete.plan')}</Text>
            <List size="sm" aria-label={t('fields.delete.plan')}>
              {state.changes.map((change) => (
                <List.Item key={change}>
                  <Code>{change}</Code>
                </List.Item>
              ))}
            </List>
            {state.destructive.length > 0 && (
              <Alert color="orange" title={t('fields.delete.destructive')}>
                {t('fields.delete.trash')}
              </Alert>
            )}
          </>
        )}
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
