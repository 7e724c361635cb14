import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { MeDocument } from '../../shell/me-document';
import { useWorkspaceModel } from '../use-workspace-model';
import { MyTasksCard } from './MyTasksCard';
import { OpenDealsCard } from './OpenDealsCard';
import { RecentRecordsCard } from './RecentRecordsCard';
import { dealShape, taskShape } from './work-objects';

/**
 * The signed-in user's start page: my tasks (overdue, today, next week), my open deals, my recently updated
 * records. Each card appears only when the user may read what it shows.
 */
export default function HomePage() {
  const { t } = useTranslation();
  const [{ data: meData, fetching: meFetching, error: meError }] = useQuery({ query: MeDocument });
  const { model, fetching, error } = useWorkspaceModel();
  const tasks = useMemo(() => (model ? taskShape(model) : null), [model]);
  const deals = useMemo(() => (model ? dealShape(model) : null), [model]);
  const me = meData?.me;
  return (
    <Stack gap="md">
      <div>
        <PageTitle text={t('home.title')} />
        {me && (
          <Text c="dimmed" mt={-8}>
            {t('home.greeting', { name: me.name ?? me.email })}
          </Text>
        )}
      </div>
      {!model || !me ? (
        <QueryState fetching={fetching || meFetching} error={error ?? meError} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
          {tasks && <MyTasksCard shape={tasks} me={me.id} objects={model.objects} />}
          <Stack gap="md">
            {deals && <OpenDealsCard shape={deals} me={me.id} objects={model.objects} />}
            <RecentRecordsCard me={me.id} objects={model.objects} />
          </Stack>
        </SimpleGrid>
      )}
    </Stack>
  );
}
