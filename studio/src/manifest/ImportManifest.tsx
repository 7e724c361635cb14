import { Alert, Button, Card, Checkbox, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { METADATA_TYPENAMES } from '../designer/metadata-typenames';
import { PlanningNote } from '../designer/PlannedChangeView';
import { PlanView, type PlanShape } from '../designer/PlanView';
import { graphql } from '../gql';
import { problemsOf, type Problem } from '../graphql/problems';
import { parseJson } from './parse-json';

const ApplyManifestDocument = graphql(`
  mutation ImportManifest($manifest: JSON!, $dryRun: Boolean, $allowDestructive: Boolean) {
    applyManifest(manifest: $manifest, dryRun: $dryRun, allowDestructive: $allowDestructive) {
      ...PlanFields
    }
  }
`);

/** Where the import is: nothing chosen, the file is not JSON, the server's plan or its problems, applied. */
type State =
  | { readonly kind: 'empty' }
  | { readonly kind: 'planning' }
  | {
      readonly kind: 'invalidJson';
      readonly message: string;
      readonly line: number | null;
      readonly column: number | null;
    }
  | { readonly kind: 'refused'; readonly problems: readonly Problem[] }
  | { readonly kind: 'planned'; readonly manifest: unknown; readonly plan: PlanShape }
  | { readonly kind: 'applied'; readonly revision: number | null };

/**
 * "Import": a manifest file is parsed here (a clear message with line and column when it is not JSON), planned
 * by the server (`applyManifest(dryRun: true)`: its changes, destructive ones marked, or its problems with their
 * manifest paths), and applied only when the user confirms (destructive plans also need the box ticked).
 */
export function ImportManifest() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: 'empty' });
  const [allowDestructive, setAllowDestructive] = useState(false);
  const [applying, applyManifest] = useMutation(ApplyManifestDocument);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setAllowDestructive(false);
    if (!chosen) return setState({ kind: 'empty' });
    setState({ kind: 'planning' });
    const parsed = parseJson(await chosen.text());
    if (!parsed.ok) return setState({ kind: 'invalidJson', ...parsed });
    const planned = await applyManifest({ manifest: parsed.value, dryRun: true });
    if (planned.error) setState({ kind: 'refused', problems: problemsOf(planned.error) });
    else setState({ kind: 'planned', manifest: parsed.value, plan: planned.data!.applyManifest });
  };

  const apply = async () => {
    if (state.kind !== 'planned') return;
    const result = await applyManifest(
      {
        manifest: state.manifest,
        dryRun: false,
        allowDestructive: state.plan.destructive.length > 0 && allowDestructive,
      },
      { additionalTypenames: METADATA_TYPENAMES },
    );
    if (result.error) setState({ kind: 'refused', problems: problemsOf(result.error) });
    else setState({ kind: 'applied', revision: result.data!.applyManifest.revision ?? null });
  };

  const destructive = state.kind === 'planned' && state.plan.destructive.length > 0;
  return (
    <Card withBorder component="section" aria-labelledby="manifest-import">
      <Stack gap="sm">
        <Title order={3} size="h4" id="manifest-import">
          {t('manifest.import.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('manifest.import.explain')}
        </Text>
        <FileInput
          label={t('manifest.import.file')}
          placeholder={t('manifest.import.placeholder')}
          accept="application/json,.json"
          value={file}
          onChange={(chosen) => void choose(chosen)}
          clearable
        />
        {state.kind === 'planning' && <PlanningNote>{t('manifest.import.planning')}</PlanningNote>}
        {state.kind === 'invalidJson' && (
          <Alert color="red" role="alert" title={t('manifest.import.invalidJson')}>
            {state.line !== null && (
              <Text size="sm" fw={500}>
                {t('manifest.import.at', { line: state.line, column: state.column })}
              </Text>
            )}
            <Text size="sm">{state.message}</Text>
          </Alert>
        )}
        {state.kind === 'refused' && (
          <Alert color="red" role="alert" title={t('manifest.import.refused')}>
            <Table.ScrollContainer minWidth={300}>
              <Table fz="sm" aria-label={t('manifest.import.problems')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('manifest.import.path')}</Table.Th>
                    <Table.Th>{t('manifest.import.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {state.problems.map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>
                        <code>{p.path || '—'}</code>
                      </Table.Td>
                      <Table.Td>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Alert>
        )}
        {state.kind === 'planned' && (
          <>
            <PlanView plan={state.plan} title={t('manifest.import.plan')} />
            {destructive && (
              <Checkbox
                label={t('manifest.import.allowDestructive', { count: state.plan.destructive.length })}
                checked={allowDestructive}
                onChange={(e) => setAllowDestructive(e.currentTarget.checked)}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void choose(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color={destructive ? 'red' : undefined}
                disabled={state.plan.changes.length === 0 || (destructive && !allowDestructive)}
                loading={applying.fetching}
                onClick={() => void apply()}
              >
                {t('manifest.import.apply')}
              </Button>
            </Group>
          </>
        )}
        {state.kind === 'applied' && (
          <Alert color="green" role="status" title={t('manifest.import.applied')}>
            {state.revision !== null
              ? t('manifest.import.appliedAs', { revision: state.revision })
              : t('objects.plan.nothing')}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
