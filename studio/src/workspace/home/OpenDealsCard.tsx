import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import { recordSelection, recordTitle, type WorkspaceObject } from '../record-api';
import { formatMoney, formatWhen, moneyOf } from '../format';
import { HomeCard } from './HomeCard';
import { openDealsQuery } from './home-queries';
import type { DealShape } from './work-objects';

const SHOWN = 8;

type Connection = { totalCount: number; edges: { node: Record<string, unknown> }[] };

/** "My open deals": deals I own at a stage that is neither won nor lost, the soonest to close first. */
export function OpenDealsCard({
  shape,
  me,
  objects,
}: {
  shape: DealShape;
  me: string;
  objects: readonly WorkspaceObject[];
}) {
  const { t, i18n } = useTranslation();
  const { object, pipeline, amount, closeDate } = shape;
  const query = useMemo(() => {
    const fields = [object.titleField, pipeline.field, amount?.name, closeDate?.name].filter((f): f is string => !!f);
    return openDealsQuery(shape, recordSelection(object, objects, fields));
  }, [shape, object, pipeline, amount, closeDate, objects]);
  const variables = useMemo(() => ({ me, closed: shape.closedStages, first: SHOWN }), [me, shape]);
  const [{ data, fetching, error }] = useQuery<Record<string, Connection>>({ query, variables });
  const connection = data?.[object.api.many];
  const stages = new Map(pipeline.stages.map((s) => [s.name, s]));
  return (
    <HomeCard
      title={t('home.deals.title')}
      description={t('home.deals.description')}
      count={connection?.totalCount}
      countLabel={t('home.deals.count', { count: connection?.totalCount ?? 0 })}
    >
      {!connection ? (
        <QueryState fetching={fetching} error={error} />
      ) : connection.totalCount === 0 ? (
        <Text size="sm">{t('home.deals.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('home.deals.title')}>
          {connection.edges.map(({ node }) => {
            const stage = stages.get(String(node[pipeline.field]));
            // Only a currency value `{ amount, currency }` is shown as the deal's amount (as before: not a bare number).
            const value: unknown = amount ? node[amount.name] : null;
            const parsed = typeof value === 'object' ? moneyOf(value) : null;
            const money = parsed ? formatMoney(parsed, i18n.language) : null;
            const closes =
              closeDate && typeof node[closeDate.name] === 'string' ? (node[closeDate.name] as string) : null;
            return (
              <Group
                component="li"
                key={String(node.id)}
                justify="space-between"
                wrap="nowrap"
                gap="sm"
                data-deal={String(node.id)}
              >
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/o/${object.name}/${String(node.id)}`} size="sm" truncate="end">
                    {recordTitle(object, node)}
                  </Anchor>
                  <Group gap="xs">
                    {stage && (
                      <Badge size="sm" variant="light" color={stage.color ?? 'gray'}>
                        {stage.label}
                      </Badge>
                    )}
                    <Text size="xs" c="dimmed">
                      {closes
                        ? t('home.deals.closes', { date: formatWhen(closes, i18n.language) })
                        : t('home.deals.noCloseDate')}
                    </Text>
                  </Group>
                </Stack>
                {money && (
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {money}
                  </Text>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
      {connection && connection.totalCount > connection.edges.length && (
        <Anchor component={Link} to={`/o/${object.name}`} size="sm" mt="sm" display="inline-block">
          {t('home.deals.more', { count: connection.totalCount })}
        </Anchor>
      )}
    </HomeCard>
  );
}
