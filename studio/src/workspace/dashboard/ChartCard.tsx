import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { QueryState } from '../../components/QueryState';

/**
 * One card of the dashboard: a titled region (found by its title), what it shows, the chart, and under it the
 * same figures as a table — so they can be read without seeing the chart (screen readers, tests, copying).
 */
export function ChartCard({
  title,
  description,
  state,
  empty,
  emptyText,
  controls,
  chart,
  figures,
  footer,
}: {
  title: string;
  description: string;
  state: { readonly fetching: boolean; readonly error: CombinedError | undefined; readonly loaded: boolean };
  /** Loaded, and nothing to show: `emptyText` instead of the chart and figures. */
  empty: boolean;
  emptyText?: string;
  controls?: ReactNode;
  chart: ReactNode;
  figures: ReactNode;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Card withBorder component="section" aria-labelledby={id} padding="lg" data-card={title}>
      <Title order={3} size="h4" id={id} mb={4}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {description}
      </Text>
      {!state.loaded ? (
        <QueryState fetching error={state.error} />
      ) : empty ? (
        <Text size="sm">{emptyText ?? t('dashboard.empty')}</Text>
      ) : (
        <Stack gap="md">
          {controls}
          <div aria-hidden>{chart}</div>
          {figures}
          {footer}
        </Stack>
      )}
    </Card>
  );
}

/** The figures of a chart as a table: a header row, then one row of texts per point (numbers right-aligned). */
export function FiguresTable({
  title,
  columns,
  rows,
}: {
  title: string;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped fz="sm" aria-label={t('dashboard.figures', { title })} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              <Table.Th key={c} ta={i === 0 ? 'start' : 'end'}>
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, r) => (
            <Table.Tr key={r}>
              {row.map((cell, i) => (
                <Table.Td key={i} ta={i === 0 ? 'start' : 'end'} style={{ whiteSpace: 'nowrap' }}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Colours for series and options without their own, in Mantine's palette. */
export const PALETTE = [
  'blue.6',
  'teal.6',
  'violet.6',
  'orange.6',
  'pink.6',
  'cyan.6',
  'lime.7',
  'grape.6',
  'yellow.7',
];
