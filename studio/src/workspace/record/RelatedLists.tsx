import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { memo, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState';
import { recordTitle, type WorkspaceObject } from '../record-api';
import { formatValue, withStageLabels } from './format-value';
import type { WorkspacePipeline } from '../use-workspace-model';
import { relatedListsOf, relatedListsQuery, type RelatedList } from './related-query';

type Node = Record<string, unknown> & { id: string };
type Connection = { totalCount: number; edges: { node: Node }[] };

/**
 * The record's to-many relations (a company's deals and contacts, a deal's tasks and notes), each a compact
 * table of its newest records with the total count, a link to each record and one to the target's list.
 * Memoised: the record page re-renders as its timeline arrives.
 */
export const RelatedLists = memo(function RelatedLists(props: {
  object: WorkspaceObject;
  objects: readonly WorkspaceObject[];
  pipelines: readonly WorkspacePipeline[];
  recordId: string;
  /** Changes when something was added on this page: the lists are read again. */
  version: number;
}) {
  const { t } = useTranslation();
  const lists = useMemo(() => relatedListsOf(props.object, props.objects), [props.object, props.objects]);
  const query = useMemo(
    () => relatedListsQuery(props.object, lists, props.objects),
    [props.object, lists, props.objects],
  );
  const [{ data, fetching, error }, reexecute] = useQuery<Record<string, Record<string, Connection> | null>>({
    query,
    variables: { id: props.recordId },
    pause: lists.length === 0,
  });
  useEffect(() => {
    if (props.version > 0) reexecute({ requestPolicy: 'network-only' });
  }, [props.version, reexecute]);
  if (lists.length === 0) return null;
  const record = data?.[props.object.api.one];
  return (
    <Stack gap="sm" component="section" aria-labelledby="related-title">
      <Title order={3} size="h4" id="related-title">
        {t('record.related.title')}
      </Title>
      {!record && <QueryState fetching={fetching} error={error} />}
      {record &&
        lists.map((list) => (
          <RelatedTable
            key={list.field.name}
            list={list}
            pipelines={props.pipelines}
            connection={record[list.field.name]}
          />
        ))}
    </Stack>
  );
});

function RelatedTable({
  list,
  pipelines,
  connection,
}: {
  list: RelatedList;
  pipelines: readonly WorkspacePipeline[];
  connection: Connection | undefined;
}) {
  const { t, i18n } = useTranslation();
  const headingId = `related-${list.field.name}`;
  const total = connection?.totalCount ?? 0;
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Group gap="xs">
          <Title order={4} size="h5" id={headingId}>
            {list.field.label}
          </Title>
          <Text size="xs" c="dimmed">
            {t('record.related.total', { count: total })}
          </Text>
        </Group>
        {total > 0 && (
          <Anchor component={Link} to={`/o/${list.target.name}`} size="sm">
            {t('record.related.showAll', { plural: list.target.labelPlural })}
          </Anchor>
        )}
      </Group>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('record.related.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table striped highlightOnHover aria-labelledby={headingId} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{list.target.label}</Table.Th>
                {list.columns.map((c) => (
                  <Table.Th key={c.name}>{c.label}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {connection!.edges.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/o/${list.target.name}/${node.id}`} size="sm">
                      {recordTitle(list.target, node)}
                    </Anchor>
                  </Table.Td>
                  {list.columns.map((c) => (
                    <Table.Td key={c.name}>
                      <Text size="sm">
                        {formatValue(node[c.name], withStageLabels(c, list.target.name, pipelines), i18n.language, t)}
                      </Text>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
