import { Badge, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { conditionFieldsOf } from '../../components/condition-fields';
import { DataTable } from '../../components/DataTable';
import { localized } from '../../components/localized';
import { ModalActions } from '../../components/ModalActions';
import { QueryState } from '../../components/QueryState';
import { problemsOf, type Problem } from '../../graphql/problems';
import { FormProblems } from '../FormProblems';
import { METADATA_TYPENAMES } from '../metadata-typenames';
import { SaveValidationRulesDocument, ValidationRulesDocument } from './documents';
import { newRule, ruleDraft, rulesOf, type RuleDraft, type RuleJson } from './rule-draft';
import { RuleModal } from './RuleModal';

/** Types a rule's condition cannot read: it is evaluated on the record being written, without computed values. */
const NOT_IN_CONDITIONS = new Set(['formula', 'rollup']);

/**
 * An object's validation rules on its page: the list (name, label, message, condition or script, fields, on
 * or off), adding, editing and deleting one. Every change saves the whole list with `updateObject(name, {
 * validationRules })`, as the manifest holds it.
 */
export function ValidationRulesSection({ object }: { object: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: ValidationRulesDocument,
    variables: { name: object, locale: i18n.language },
  });
  const [editing, setEditing] = useState<{ index: number; draft: RuleDraft; key: number } | null>(null);
  const [ruleOpen, { open: openRule, close: closeRule }] = useDisclosure();
  const [deleting, setDeleting] = useState<number | null>(null);
  const [deleteProblems, setDeleteProblems] = useState<readonly Problem[]>([]);
  const [{ fetching: removing }, save] = useMutation(SaveValidationRulesDocument);
  const meta = data?.object;
  const rules = useMemo(() => rulesOf(meta?.validationRules), [meta]);
  const fields = useMemo(() => (meta?.fields ?? []).filter((f) => !f.system), [meta]);
  const conditionFields = useMemo(
    () =>
      conditionFieldsOf(
        fields.filter((f) => !NOT_IN_CONDITIONS.has(f.type)),
        i18n.language,
      ),
    [fields, i18n.language],
  );
  if (!meta) return <QueryState fetching={fetching} error={error} />;

  const edit = (index: number, draft: RuleDraft) => {
    setEditing({ index, draft, key: Date.now() });
    openRule();
  };
  const label = (name: string) => fields.find((f) => f.name === name)?.label ?? name;
  const remove = async () => {
    if (deleting === null) return;
    const next = rules.filter((_, i) => i !== deleting);
    const result = await save(
      { name: object, rules: next.length ? next : null },
      { additionalTypenames: METADATA_TYPENAMES },
    );
    if (result.error) setDeleteProblems(problemsOf(result.error));
    else setDeleting(null);
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={720}>
          {t('rules.intro')}
        </Text>
        <Button onClick={() => edit(-1, newRule())}>{t('rules.add')}</Button>
      </Group>
      {editing && (
        <RuleModal
          key={editing.key}
          object={object}
          rules={rules}
          index={editing.index}
          original={editing.draft}
          conditionFields={conditionFields}
          fields={fields.map((f) => ({ value: f.name, label: `${f.label} (${f.name})` }))}
          opened={ruleOpen}
          onClose={closeRule}
        />
      )}
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('rules.delete.title', { name: deleting !== null ? rules[deleting]?.name : '' })}
      >
        <Stack>
          <Text size="sm">{t('rules.delete.body')}</Text>
          <FormProblems problems={deleteProblems} title={t('common.notSaved')} />
          <ModalActions
            action={t('rules.delete.confirm')}
            onCancel={() => setDeleting(null)}
            onConfirm={() => void remove()}
            color="red"
            loading={removing}
          />
        </Stack>
      </Modal>
      {rules.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('rules.none')}
        </Text>
      ) : (
        <DataTable<RuleJson & { index: number }>
          caption={t('rules.caption', { object })}
          rows={rules.map((rule, index) => ({ ...rule, index }))}
          rowKey={(r) => r.name}
          columns={[
            { key: 'name', header: t('rules.columns.name'), cell: (r) => <Code>{r.name}</Code> },
            {
              key: 'message',
              header: t('rules.columns.message'),
              cell: (r) => (
                <Stack gap={0}>
                  {r.label !== undefined && (
                    <Text size="sm" fw={500}>
                      {localized(r.label, i18n.language, r.name)}
                    </Text>
                  )}
                  <Text size="sm">{r.message}</Text>
                </Stack>
              ),
            },
            {
              key: 'kind',
              header: t('rules.columns.kind'),
              cell: (r) => (
                <Group gap={4} wrap="nowrap">
                  <Badge variant="outline" style={{ minWidth: 'max-content' }}>
                    {typeof r.script === 'string' ? t('rules.kinds.script') : t('rules.kinds.condition')}
                  </Badge>
                  {r.active === false && (
                    <Badge color="gray" variant="light" style={{ minWidth: 'max-content' }}>
                      {t('rules.inactive')}
                    </Badge>
                  )}
                </Group>
              ),
            },
            {
              key: 'fields',
              header: t('rules.columns.fields'),
              cell: (r) => (r.fields ?? []).map(label).join(', '),
            },
            {
              key: 'actions',
              header: t('rules.columns.actions'),
              cell: (r) => (
                <Group gap={4} wrap="nowrap">
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    aria-label={t('rules.editOpen', { name: r.name })}
                    onClick={() => edit(r.index, ruleDraft(r))}
                  >
                    {t('rules.edit')}
                  </Button>
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    aria-label={t('rules.delete.open', { name: r.name })}
                    onClick={() => {
                      setDeleteProblems([]);
                      setDeleting(r.index);
                    }}
                  >
                    {t('rules.delete.action')}
                  </Button>
                </Group>
              ),
            },
          ]}
        />
      )}
    </Stack>
  );
}
