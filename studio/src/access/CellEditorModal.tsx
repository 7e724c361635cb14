import { Alert, Button, Checkbox, Divider, Group, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConditionBuilder, type ConditionField } from '../components/ConditionBuilder';
import type { CellProblems } from './rule-problems';
import { grantOf, MATRIX_ACTIONS, type Cell, type Grant, type MatrixAction } from './rules-matrix';

/**
 * Refining one cell of the matrix: whether it is allowed, only for records matching a condition, only for
 * some fields; and a deny rule (CASL `inverted`) that forbids it, optionally only where a condition holds
 * or only for some fields. Edits apply to the matrix at once; the role is saved from the page.
 */
export function CellEditorModal(props: {
  opened: boolean;
  title: string;
  action: MatrixAction;
  cell: Cell;
  /** Fields a condition may test. */
  conditionFields: ConditionField[];
  /** Fields a rule may name (`fields`), system fields included. */
  fieldNames: readonly { value: string; label: string }[];
  /** The server's problems with this cell's rules, from the last failed save. */
  problems?: CellProblems | undefined;
  onChange: (cell: Cell) => void;
  /** Closes the cell, copying it to these other actions of the object ("read and update only my leads"). */
  onClose: (copyTo: readonly MatrixAction[]) => void;
}) {
  const { t } = useTranslation();
  const { cell, problems } = props;
  const [copyTo, setCopyTo] = useState<string[]>([]);
  const close = () => props.onClose(copyTo as MatrixAction[]);
  const set = (side: 'allow' | 'deny', grant: Grant | undefined) => {
    const next: { allow?: Grant; deny?: Grant } = { ...cell };
    if (grant) next[side] = grant;
    else delete next[side];
    props.onChange(next);
  };
  const edit = (side: 'allow' | 'deny', change: Partial<Grant>) => {
    const grant = { ...cell[side], ...change };
    set(side, grantOf(grant.conditions, grant.fields, grant.reason));
  };

  return (
    <Modal opened={props.opened} onClose={close} title={props.title} size="xl">
      <Stack>
        {(problems?.allow.rule || problems?.deny.rule) && (
          <Alert color="red" role="alert" title={t('common.notSaved')}>
            {[problems.allow.rule, problems.deny.rule].filter(Boolean).join('; ')}
          </Alert>
        )}
        <Checkbox
          label={t('access.cell.allow')}
          description={t('access.cell.allowHint')}
          checked={cell.allow !== undefined}
          onChange={(e) => set('allow', e.currentTarget.checked ? (cell.allow ?? {}) : undefined)}
        />
        {cell.allow && (
          <>
            <ConditionBuilder
              label={t('access.cell.onlyWhere')}
              fields={props.conditionFields}
              value={cell.allow.conditions}
              onChange={(conditions) => edit('allow', { conditions })}
              error={problems?.allow.conditions}
              userValues
            />
            <MultiSelect
              label={t('access.cell.fields')}
              description={t('access.cell.fieldsHint')}
              data={props.fieldNames.map((f) => ({ value: f.value, label: f.label }))}
              value={[...(cell.allow.fields ?? [])]}
              onChange={(fields) => edit('allow', { fields })}
              error={problems?.allow.fields}
              searchable
              clearable
            />
          </>
        )}
        <Divider />
        <Checkbox
          color="red"
          label={t('access.cell.deny')}
          description={t('access.cell.denyHint')}
          checked={cell.deny !== undefined}
          onChange={(e) => set('deny', e.currentTarget.checked ? (cell.deny ?? {}) : undefined)}
        />
        {cell.deny && (
          <>
            <ConditionBuilder
              label={t('access.cell.denyWhere')}
              fields={props.conditionFields}
              value={cell.deny.conditions}
              onChange={(conditions) => edit('deny', { conditions })}
              error={problems?.deny.conditions}
              userValues
            />
            <MultiSelect
              label={t('access.cell.denyFields')}
              description={t('access.cell.denyFieldsHint')}
              data={props.fieldNames.map((f) => ({ value: f.value, label: f.label }))}
              value={[...(cell.deny.fields ?? [])]}
              onChange={(fields) => edit('deny', { fields })}
              error={problems?.deny.fields}
              searchable
              clearable
            />
            <TextInput
              label={t('access.cell.reason')}
              value={cell.deny.reason ?? ''}
              onChange={(e) => edit('deny', { reason: e.currentTarget.value })}
            />
          </>
        )}
        {!cell.allow && !cell.deny && (
          <Text size="sm" c="dimmed">
            {t('access.cell.nothing')}
          </Text>
        )}
        <Divider />
        <Checkbox.Group label={t('access.cell.copyTo')} value={copyTo} onChange={setCopyTo}>
          <Group gap="md" mt={4}>
            {MATRIX_ACTIONS.filter((a) => a !== props.action).map((a) => (
              <Checkbox key={a} value={a} label={t(`access.actions.${a}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button onClick={close}>{t('access.cell.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
