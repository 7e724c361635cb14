import { Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
 * related object → an optional condition on the related records (the condition language, as JSON).
 */
export function RollupSettings(props: {
  object: ObjectInfo;
  objects: readonly ObjectInfo[];
  value: RollupValue;
  onChange: (patch: RollupValue) => void;
  problems: readonly Problem[];
}) {
  const { t } = useTranslation();
  const { value, onChange } = props;
  const [filterText, setFilterText] = useState(() =>
    value.filter === undefined ? '' : JSON.stringify(value.filter, null, 2),
  );
  const [filterError, setFilterError] = useState<string | undefined>();
  const relations = props.object.fields.filter((f) => relationOf(f)?.many);
  const relation = relations.find((f) => f.name === value.relation);
  const target = relation && props.objects.find((o) => o.name === relationOf(relation)!.target);
  const allowed = value.function === 'min' || value.function === 'max' ? ORDERED : NUMERIC;
  const aggregated = (target?.fields ?? []).filter((f) => allowed.includes(f.type));

  const setFilter = (text: string) => {
    setFilterText(text);
    if (!text.trim()) {
      setFilterError(undefined);
      onChange({ filter: undefined });
      return;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error(t('objects.field.filterObject'));
      setFilterError(undefined);
      onChange({ filter: parsed });
    } catch (error) {
      setFilterError(error instanceof Error ? error.message : String(error));
    }
  };

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
      <Textarea
        label={t('objects.field.rollupFilter')}
        description={t('objects.field.rollupFilterHint')}
        placeholder='{ "stage": { "$in": ["won"] } }'
        autosize
        minRows={2}
        value={filterText}
        onChange={(e) => setFilter(e.currentTarget.value)}
        error={filterError ?? messagesAt(props.problems, 'input.filter')}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        spellCheck={false}
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
