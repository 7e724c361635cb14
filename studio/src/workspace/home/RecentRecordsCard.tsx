import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import type { WorkspaceObject } from '../record-api';
import { relativeTime } from '../format';
import { HomeCard } from './HomeCard';
import { recentObjects, recentRecords, recentRecordsQuery } from './home-queries';

/** "Recently updated": my records of every object, the most recently changed first. */
export function RecentRecordsCard({ me, objects }: { me: string; objects: readonly WorkspaceObject[] }) {
  const { t, i18n } = useTranslation();
  const listed = useMemo(() => recentObjects(objects), [objects]);
  const query = useMemo(() => recentRecordsQuery(listed, objects), [listed, objects]);
  const [{ data, fetching, error }] = useQuery<Record<string, unknown>>({
    query: query ?? '{ __typename }',
    variables: { me },
    pause: query === null,
    // Other screens change records: each visit shows the latest, from the cache first.
    requestPolicy: 'cache-and-network',
  });
  const records = useMemo(() => recentRecords(data, listed), [data, listed]);
  const now = new Date();
  return (
    <HomeCard
      title={t('home.recent.title')}
      description={t('home.recent.description')}
      count={data ? records.length : undefined}
      countLabel={t('home.recent.count', { count: records.length })}
    >
      {query !== null && !data ? (
        <QueryState fetching={fetching} error={error} />
      ) : records.length === 0 ? (
        <Text size="sm">{t('home.recent.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('home.recent.title')}>
          {records.map((record) => (
            <Group
              component="li"
              key={`${record.object.name}:${record.id}`}
              justify="space-between"
              wrap="nowrap"
              gap="sm"
            >
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <Badge size="sm" variant="light" style={{ flexShrink: 0 }}>
                  {record.object.label}
                </Badge>
                <Anchor component={Link} to={`/o/${record.object.name}/${record.id}`} size="sm" truncate="end">
                  {record.title}
                </Anchor>
              </Group>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {relativeTime(record.updatedAt, i18n.language, now)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </HomeCard>
  );
}
