import { Badge, Button, Collapse, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { DataTable } from '../components/DataTable';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { FormProblems } from '../designer/FormProblems';
import { METADATA_TYPENAMES } from '../designer/metadata-typenames';
import { RevisionDiff } from '../designer/RevisionDiff';
import { graphql } from '../gql';
import type { RevisionsQuery } from '../gql/graphql';
import { problemsOf, type Problem } from '../graphql/problems';
import { intlLocales } from '../workspace/format';

const RevisionsDocument = graphql(`
  query Revisions {
    revisions(first: 50) {
      number
      createdAt
      actor
      summary
      diff
    }
    users {
      id
      name
      email
    }
  }
`);

const RevertDocument = graphql(`
  mutation Revert($revision: Int!) {
    revert(revision: $revision) {
      applied
      revision
      changes
    }
  }
`);

type RevisionRow = RevisionsQuery['revisions'][number];

/** A revision's summary, and its readable diff behind a toggle. */
function Summary({ revision }: { revision: RevisionRow }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const count = Array.isArray(revision.diff) ? revision.diff.length : 0;
  return (
    <Stack gap={4}>
      <Text size="sm">{revision.summary}</Text>
      <Button
        variant="subtle"
        size="compact-xs"
        style={{ alignSelf: 'flex-start' }}
        aria-expanded={opened}
        aria-label={t('history.diff.toggle', { number: revision.number })}
        onClick={() => setOpened((o) => !o)}
      >
        {/* One name in both states (aria-expanded tells which), containing the visible words. */}
        {opened ? '▾' : '▸'} {t('history.diff.show', { count })}
      </Button>
      <Collapse in={opened}>
        {opened && <RevisionDiff diff={revision.diff} label={t('history.diff.label', { number: revision.number })} />}
      </Collapse>
    </Stack>
  );
}

/** The metadata's revisions, newest first, each revertible after a confirmation. */
export default function HistoryPage() {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: RevisionsDocument });
  // The revision stays set while the modal animates closed, so its text does not change under the user.
  const [reverting, setReverting] = useState<RevisionRow | null>(null);
  const [opened, setOpened] = useState(false);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [revertState, revert] = useMutation(RevertDocument);
  const when = new Intl.DateTimeFormat(intlLocales(i18n.language), { dateStyle: 'medium', timeStyle: 'medium' });
  const who = (actor: string | null | undefined) => {
    if (!actor) return t('history.system');
    const user = data?.users.find((u) => u.id === actor);
    return user ? (user.name ?? user.email) : actor;
  };
  const close = () => {
    setOpened(false);
    setProblems([]);
  };
  const confirm = async () => {
    if (!reverting) return;
    const result = await revert({ revision: reverting.number }, { additionalTypenames: METADATA_TYPENAMES });
    if (result.error) setProblems(problemsOf(result.error));
    else close();
  };
  return (
    <>
      <PageTitle text={t('history.title')} />
      <QueryState fetching={fetching && !data} error={error} />
      <Modal
        opened={opened}
        onClose={close}
        size="lg"
        title={t('history.revert.title', { number: reverting?.number ?? '' })}
      >
        {reverting && (
          <Stack>
            <Text size="sm">{t('history.revert.explain', { number: reverting.number })}</Text>
            <Text size="sm" fw={500}>
              {t('history.revert.undoes', { number: reverting.number })}
            </Text>
            <RevisionDiff diff={reverting.diff} label={t('history.diff.label', { number: reverting.number })} />
            <Text size="sm" c="dimmed">
              {t('history.revert.trash')}
            </Text>
            <FormProblems problems={problems} title={t('common.notSaved')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button color="orange" loading={revertState.fetching} onClick={() => void confirm()}>
                {t('history.revert.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      {data && (
        <DataTable<RevisionRow>
          caption={t('history.title')}
          rows={data.revisions}
          rowKey={(r) => String(r.number)}
          columns={[
            { key: 'number', header: t('history.number'), cell: (r) => <Badge variant="light">{r.number}</Badge> },
            { key: 'when', header: t('history.when'), cell: (r) => when.format(new Date(r.createdAt)) },
            { key: 'who', header: t('history.who'), cell: (r) => who(r.actor) },
            { key: 'summary', header: t('history.summary'), cell: (r) => <Summary revision={r} /> },
            {
              key: 'actions',
              header: t('history.actions'),
              cell: (r) => (
                <Button
                  variant="subtle"
                  color="orange"
                  size="compact-sm"
                  aria-label={t('history.revert.open', { number: r.number })}
                  onClick={() => {
                    setReverting(r);
                    setOpened(true);
                  }}
                >
                  {t('history.revert.action')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
