import { Autocomplete, MultiSelect, NumberInput, Select, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Clause } from './condition-clauses';
import { isNumericType, valueEditor } from './condition-operators';
import type { ConditionField } from './ConditionBuilder';

/** `$user` values offered per kind of field, with the key of what each one means. */
const USER_VALUES: Readonly<Record<string, readonly [string, string][]>> = {
  reference: [
    ['$user.id', 'userId'],
    ['$user.teamIds', 'userTeamIds'],
    ['$user.subordinateIds', 'userSubordinateIds'],
  ],
  referenceList: [
    ['$user.subordinateIds', 'userSubordinateIds'],
    ['$user.teamIds', 'userTeamIds'],
    ['$user.id', 'userId'],
  ],
  text: [['$user.email', 'userEmail']],
};

const REFERENCE_TYPES = new Set(['relation', 'id']);

/** The value part of a clause, edited as its field type and operator want it. */
export function ClauseValueInput(props: {
  field: ConditionField | undefined;
  clause: Clause;
  userValues: boolean;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation();
  const { field, clause, onChange } = props;
  if (!field) return null;
  const label = t('access.condition.value');
  const missing =
    clause.value === undefined || clause.value === '' || (Array.isArray(clause.value) && !clause.value.length);
  const error = missing ? t('access.condition.needsValue') : undefined;
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: o.label }));
  const reference = REFERENCE_TYPES.has(field.type);
  const suggestions = props.userValues
    ? (USER_VALUES[
        reference ? (clause.operator === 'in' || clause.operator === 'nin' ? 'referenceList' : 'reference') : 'text'
      ] ?? [])
    : [];
  const describe = (value: string) => {
    const key = suggestions.find(([v]) => v === value)?.[1];
    return key ? t(`access.condition.${key}`) : undefined;
  };
  const renderOption = ({ option }: { option: { value: string } }) => (
    <div>
      <Text size="sm" ff="monospace">
        {option.value}
      </Text>
      {describe(option.value) && (
        <Text size="xs" c="dimmed">
          {describe(option.value)}
        </Text>
      )}
    </div>
  );
  const common = { label, error, style: { flex: 1, minWidth: 160 } };

  switch (valueEditor(field.type, clause.operator)) {
    case 'none':
      return null;
    case 'option':
      return (
        <Select
          {...common}
          data={options}
          value={typeof clause.value === 'string' ? clause.value : null}
          onChange={(value) => onChange(value ?? undefined)}
          searchable
        />
      );
    case 'options':
      return (
        <MultiSelect
          {...common}
          data={options}
          value={Array.isArray(clause.value) ? clause.value.map(String) : []}
          onChange={(values) => onChange(values)}
          searchable
        />
      );
    case 'boolean':
      return (
        <Switch
          aria-label={label}
          label={clause.value === true ? t('access.condition.yes') : t('access.condition.no')}
          checked={clause.value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
          mt={28}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof clause.value === 'number' ? clause.value : ''}
          onChange={(value) => onChange(typeof value === 'number' ? value : undefined)}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof clause.value === 'string' ? clause.value : ''}
          onChange={(event) => onChange(event.currentTarget.value || undefined)}
        />
      );
    case 'list': {
      const numeric = isNumericType(field.type);
      return (
        <TagsInput
          {...common}
          data={suggestions.map(([value]) => value)}
          renderOption={renderOption}
          value={Array.isArray(clause.value) ? clause.value.map(String) : []}
          onChange={(values) => onChange(numeric ? values.map(Number).filter((n) => Number.isFinite(n)) : values)}
        />
      );
    }
    case 'text': {
      const text = typeof clause.value === 'string' ? clause.value : clause.value == null ? '' : String(clause.value);
      if (suggestions.length > 0) {
        return (
          <Autocomplete
            {...common}
            data={suggestions.map(([value]) => value)}
            renderOption={renderOption}
            value={text}
            onChange={(value) => onChange(value === '' ? undefined : value)}
          />
        );
      }
      return (
        <TextInput {...common} value={text} onChange={(event) => onChange(event.currentTarget.value || undefined)} />
      );
    }
  }
}
