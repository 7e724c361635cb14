import { Badge, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { diffItem, listChange, printed, type DiffAction } from './revision-diff';

const COLORS: Record<DiffAction, string> = {
  added: 'green',
  restored: 'teal',
  changed: 'blue',
  renamed: 'violet',
  removed: 'red',
};

/** One value before → after; a side whose key was not set reads "(not set)". */
function Change({ before, after, added }: { before: unknown; after: unknown; added: boolean }) {
  const { t } = useTranslation();
  const side = (value: unknown, color: string, struck: boolean) =>
    value === undefined ? (
      <Text span size="xs" c="dimmed">
        ({t('history.diff.unset')})
      </Text>
    ) : (
      <Text span size="xs" c={color} td={struck ? 'line-through' : undefined}>
        {printed(value)}
      </Text>
    );
  // What an addition sets needs no "before".
  if (before === undefined && added) return side(after, 'green', false);
  return (
    <>
      {side(before, 'red', after !== undefined)} → {side(after, 'green', false)}
    </>
  );
}

/** A list (options, stages…): the items removed and added, and whether the others were reordered. */
function ListChange({ before, after }: { before: readonly unknown[]; after: readonly unknown[] }) {
  const { t } = useTranslation();
  const change = listChange(before, after);
  return (
    <Stack gap={2}>
      {change.removed.map((item, i) => (
        <Text key={`r${i}`} size="xs" c="red">
          − {printed(item)}
        </Text>
      ))}
      {change.added.map((item, i) => (
        <Text key={`a${i}`} size="xs" c="green">
          + {printed(item)}
        </Text>
      ))}
      {change.reordered && (
        <Text size="xs" c="blue">
          {t('history.diff.reordered')}
        </Text>
      )}
    </Stack>
  );
}

/** A revision's changes, readably: one entry per change, each changed key as before → after. */
export function RevisionDiff({ diff, label }: { diff: unknown; label: string }) {
  const { t } = useTranslation();
  const items = (Array.isArray(diff) ? (diff as Record<string, unknown>[]) : []).map(diffItem);
  return (
    <Stack gap="xs" role="list" aria-label={label}>
      {items.map((item, i) => (
        <Stack key={i} gap={4} role="listitem" data-diff={item.action}>
          <Group gap="xs" wrap="wrap">
            <Badge color={COLORS[item.action]} variant="light">
              {t(`history.diff.${item.action}`)}
            </Badge>
            <Text size="sm">{t(`history.diff.subjects.${item.subject}`)}</Text>
            <Code>{item.name}</Code>
            {item.destructive && (
              <Text size="xs" c="red">
                {item.destructive}
              </Text>
            )}
          </Group>
          {item.details.length > 0 && (
            <Table.ScrollContainer minWidth={300}>
              <Table withTableBorder verticalSpacing={2} fz="xs">
                <Table.Tbody>
                  {item.details.map((detail) => (
                    <Table.Tr key={detail.key}>
                      <Table.Th scope="row" w={120}>
                        {detail.key}
                      </Table.Th>
                      <Table.Td>
                        {Array.isArray(detail.before) && Array.isArray(detail.after) ? (
                          <ListChange before={detail.before} after={detail.after} />
                        ) : (
                          <Change before={detail.before} after={detail.after} added={item.action === 'added'} />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
