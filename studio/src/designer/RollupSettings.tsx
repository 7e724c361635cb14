import { Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConditionBuilder } from '../components/ConditionBuilder';
import { conditionFieldsOf } from '../components/condition-fields';
import { messagesAt, type Problem } from '../graphql/problems';
import { CurrencySelect } from './CurrencySelect';
import { ROLLUP_FUNCTIONS } from './field-types';
import { relationOf, type ObjectInfo } from './model-info';

/** The field types a rollup can aggregate with each function (the runtime's rule, analyze.ts). */
const NUMERIC = ['number', 'currency', 'percent', 'rating', 'formula'];
const ORDERED = [...NUMERIC, 'text', 'date', 'datetime'];

interface RollupValue {
  relation?: string | undefined;
  function?: string | undefined;
  field?: string | undefined;
  filter?: unknown;
  currency?: string | undefined;
}

/**
 * A rollup, built in order: a to-many relation of this object → a function → (except for count) a field of the
 * related object → an optional condition on the related records (the condition builder, JSON as a fallback).
 */
export function RollupSettings(props: {
  object: ObjectInfo;
  objects: readonly ObjectInfo[];
  value: RollupValue;
  onChange: (patch: RollupValue) => void;
  problems: readonly Problem[];
}) {
  const { t, i18n } = useTranslation();
  const { value, onChange } = props;
  const relations = props.object.fields.filter((f) => relationOf(f)?.many);
  const relation = relations.find((f) => f.name === value.relation);
  const target = relation && props.objects.find((o) => o.name === relationOf(relation)!.target);
  const allowed = value.function === 'min' || value.function === 'max' ? ORDERED : NUMERIC;
  const aggregated = (target?.fields ?? []).filter((f) => allowed.includes(f.type));

  return (
    <Stack gap="sm">
      <Select
        label={t('objects.field.rollupRelation')}
        description={t('objects.field.rollupRelationHint')}
        data={relations.map((f) => ({ value: f.name, label: `${f.label} (${f.name} → ${relationOf(f)!.target})` }))}
        value={value.relation ?? null}
        onChange={(name) => onChange({ relation: name ?? undefined, field: undefined })}
        required
        nothingFoundMessage={t('objects.field.noToMany')}
        error={messagesAt(props.problems, 'input.relation')}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('objects.field.rollupFunction')}
        data={ROLLUP_FUNCTIONS.map((fn) => ({ value: fn, label: t(`objects.field.functions.${fn}`) }))}
        value={value.function ?? null}
        onChange={(fn) => onChange({ function: fn ?? undefined, ...(fn === 'count' ? { field: undefined } : {}) })}
        required
        error={messagesAt(props.problems, 'input.function')}
        comboboxProps={{ withinPortal: true }}
      />
      {value.function !== undefined && value.function !== 'count' && (
        <Select
          label={t('objects.field.rollupField')}
          description={target ? t('objects.field.rollupFieldHint', { object: target.label }) : undefined}
          data={aggregated.map((f) => ({ value: f.name, label: `${f.label} (${f.name})` }))}
          value={value.field ?? null}
          onChange={(name) => onChange({ field: name ?? undefined })}
          disabled={!target}
          required
          error={messagesAt(props.problems, 'input.field')}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <ConditionBuilder
        label={t('objects.field.rollupFilter')}
        fields={target ? conditionFieldsOf(target.fields, i18n.language) : []}
        value={value.filter as Record<string, unknown> | undefined}
        onChange={(filter) => onChange({ filter })}
        error={messagesAt(props.problems, 'input.filter')}
      />
      <CurrencySelect
        label={t('objects.field.currency')}
        description={t('objects.field.rollupCurrencyHint')}
        value={value.currency}
        onChange={(currency) => onChange({ currency })}
        error={messagesAt(props.problems, 'input.currency')}
      />
    </Stack>
  );
}
