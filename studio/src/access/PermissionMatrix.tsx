import { ActionIcon, Badge, Checkbox, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MATRIX_ACTIONS, type MatrixAction, type RuleMatrix } from './rules-matrix';

export interface MatrixObject {
  readonly name: string;
  readonly label: string;
}

/** The accessible name of a cell, e.g. "Lead: read". */
export function useCellName() {
  const { t } = useTranslation();
  return (object: MatrixObject, action: MatrixAction) =>
    t('access.matrix.cell', { object: object.label, action: t(`access.actions.${action}`) });
}

/**
 * Objects (rows) × actions (columns): each cell a checkbox that allows the action, badges for what refines
 * it (conditions, fields, a deny rule) and a button that opens the cell to refine it.
 */
export function PermissionMatrix(props: {
  objects: readonly MatrixObject[];
  matrix: RuleMatrix;
  /** Server problems by cell (`lead:read`). */
  problems: ReadonlyMap<string, string>;
  readOnly?: boolean;
  onToggle: (object: string, action: MatrixAction, allowed: boolean) => void;
  onOpen: (object: string, action: MatrixAction) => void;
}) {
  const { t } = useTranslation();
  const cellName = useCellName();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder withColumnBorders aria-label={t('access.matrix.title')} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('access.matrix.object')}</Table.Th>
            {MATRIX_ACTIONS.map((action) => (
              <Table.Th key={action} scope="col" ta="center">
                {t(`access.actions.${action}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.objects.map((object) => {
            const row = props.matrix.cells[object.name] ?? {};
            const rowProblems = MATRIX_ACTIONS.flatMap((action) => {
              const message = props.problems.get(`${object.name}:${action}`);
              return message ? [`${t(`access.actions.${action}`)}: ${message}`] : [];
            });
            return (
              <Table.Tr key={object.name} data-row={object.name}>
                <Table.Th scope="row" fw={500}>
                  <Stack gap={2}>
                    <span>{object.label}</span>
                    <Code fz="xs">{object.name}</Code>
                    {rowProblems.map((message) => (
                      <Text key={message} size="xs" c="red" role="alert">
                        {message}
                      </Text>
                    ))}
                  </Stack>
                </Table.Th>
                {MATRIX_ACTIONS.map((action) => {
                  const cell = row[action];
                  const name = cellName(object, action);
                  const invalid = props.problems.has(`${object.name}:${action}`);
                  return (
                    <Table.Td
                      key={action}
                      data-cell={`${object.name}:${action}`}
                      style={
                        invalid ? { outline: '2px solid var(--mantine-color-red-6)', outlineOffset: -2 } : undefined
                      }
                    >
                      <Group gap={4} justify="center" wrap="nowrap">
                        <Checkbox
                          aria-label={name}
                          checked={cell?.allow !== undefined}
                          disabled={props.readOnly}
                          aria-invalid={invalid || undefined}
                          onChange={(e) => props.onToggle(object.name, action, e.currentTarget.checked)}
                        />
                        {!props.readOnly && (
                          <ActionIcon
                            variant="subtle"
                            size="sm"
                            aria-label={t('access.matrix.refine', { cell: name })}
                            title={t('access.matrix.refine', { cell: name })}
                            onClick={() => props.onOpen(object.name, action)}
                          >
                            ⋯
                          </ActionIcon>
                        )}
                      </Group>
                      <Group gap={2} justify="center" mt={2}>
                        {cell?.allow?.conditions && (
                          <Badge size="xs" variant="light" title={JSON.stringify(cell.allow.conditions)}>
                            {t('access.matrix.conditional')}
                          </Badge>
                        )}
                        {cell?.allow?.fields && (
                          <Badge size="xs" variant="light" color="grape" title={cell.allow.fields.join(', ')}>
                            {t('access.matrix.someFields', { count: cell.allow.fields.length })}
                          </Badge>
                        )}
                        {cell?.deny && (
                          <Badge size="xs" variant="filled" color="red" title={JSON.stringify(cell.deny)}>
                            {t('access.matrix.denied')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
