import { Checkbox, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { messagesAt, type Problem } from '../graphql/problems';
import { CurrencySelect } from './CurrencySelect';
import type { FieldDraft } from './field-draft';
import { FormulaEditor } from './FormulaEditor';
import { relationOf, type ObjectInfo } from './model-info';
import { OptionsEditor } from './OptionsEditor';
import { RollupSettings } from './RollupSettings';

export interface SettingsProps {
  readonly draft: FieldDraft;
  readonly onChange: (patch: Partial<FieldDraft>) => void;
  readonly problems: readonly Problem[];
  readonly object: ObjectInfo;
  readonly objects: readonly ObjectInfo[];
  /** The relation targets offered: the workspace's objects and its users. */
  readonly targets: readonly { value: string; label: string }[];
  /** The name the field has on the server; undefined while it is being added. */
  readonly saved: string | undefined;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** A NumberInput for one numeric setting (`min`, `precision`…), with the server's problem at `input.<key>`. */
function NumberSetting(props: SettingsProps & { setting: string; label: string; min?: number; max?: number }) {
  const { draft, setting } = props;
  return (
    <NumberInput
      label={props.label}
      name={setting}
      value={num(draft.settings[setting]) ?? ''}
      onChange={(v) =>
        props.onChange({ settings: { ...draft.settings, [setting]: typeof v === 'number' ? v : undefined } })
      }
      min={props.min}
      max={props.max}
      allowDecimal={setting === 'min' || setting === 'max'}
      error={messagesAt(props.problems, `input.${setting}`)}
    />
  );
}

/** The settings of the field's type: what differs between a number, a select, a relation, a formula… */
export function TypeSettings(props: SettingsProps) {
  const { t } = useTranslation();
  const { draft, onChange, problems } = props;
  const setSettings = (patch: Record<string, unknown>) => onChange({ settings: { ...draft.settings, ...patch } });
  switch (draft.type) {
    case 'text':
    case 'longText':
    case 'richText':
      return <NumberSetting {...props} setting="maxLength" label={t('objects.field.maxLength')} min={1} />;
    case 'phone':
      return (
        <TextInput
          label={t('objects.field.defaultCountry')}
          description={t('objects.field.defaultCountryHint')}
          name="defaultCountry"
          maxLength={2}
          value={str(draft.settings['defaultCountry']) ?? ''}
          onChange={(e) => setSettings({ defaultCountry: e.currentTarget.value.toUpperCase() || undefined })}
          error={messagesAt(problems, 'input.defaultCountry')}
        />
      );
    case 'number':
    case 'percent':
      return (
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <NumberSetting {...props} setting="precision" label={t('objects.field.precision')} min={0} max={12} />
          <NumberSetting {...props} setting="min" label={t('objects.field.min')} />
          <NumberSetting {...props} setting="max" label={t('objects.field.max')} />
        </SimpleGrid>
      );
    case 'currency':
      return (
        <Stack gap="sm">
          <CurrencySelect
            label={t('objects.field.currency')}
            description={t('objects.field.currencyHint')}
            value={str(draft.settings['currency'])}
            onChange={(currency) => setSettings({ currency })}
            error={messagesAt(problems, 'input.currency')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NumberSetting {...props} setting="min" label={t('objects.field.min')} />
            <NumberSetting {...props} setting="max" label={t('objects.field.max')} />
          </SimpleGrid>
        </Stack>
      );
    case 'rating':
      return <NumberSetting {...props} setting="max" label={t('objects.field.stars')} min={1} max={10} />;
    case 'autonumber':
      return (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('objects.field.prefix')}
            description={t('objects.field.prefixHint')}
            name="prefix"
            value={str(draft.settings['prefix']) ?? ''}
            onChange={(e) => setSettings({ prefix: e.currentTarget.value })}
            error={messagesAt(problems, 'input.prefix')}
          />
          <NumberSetting {...props} setting="padding" label={t('objects.field.padding')} min={0} max={20} />
        </SimpleGrid>
      );
    case 'select':
    case 'multiSelect':
      return (
        <OptionsEditor options={draft.options} onChange={(options) => onChange({ options })} problems={problems} />
      );
    case 'relation':
      return <RelationSettings {...props} />;
    case 'formula':
      return (
        <FormulaEditor
          object={props.object.name}
          field={props.saved}
          expression={str(draft.settings['expression']) ?? ''}
          resultType={str(draft.settings['resultType'])}
          currency={str(draft.settings['currency'])}
          onChange={setSettings}
          problems={problems}
        />
      );
    case 'rollup':
      return (
        <RollupSettings
          object={props.object}
          objects={props.objects}
          value={draft.settings as never}
          onChange={(patch) => setSettings({ ...patch })}
          problems={problems}
        />
      );
    default:
      return null;
  }
}

function RelationSettings(props: SettingsProps) {
  const { t } = useTranslation();
  const { draft, problems } = props;
  const setSettings = (patch: Record<string, unknown>) => props.onChange({ settings: { ...draft.settings, ...patch } });
  const target = str(draft.settings['target']);
  // Relations of the target back to this object: the inverse a to-many relation names.
  const inverses = (props.objects.find((o) => o.name === target)?.fields ?? []).filter(
    (f) => relationOf(f)?.target === props.object.name,
  );
  return (
    <Stack gap="sm">
      <Select
        label={t('fields.add.target')}
        data={props.targets.map((o) => ({ value: o.value, label: o.label }))}
        value={target ?? null}
        onChange={(value) => setSettings({ target: value ?? undefined })}
        searchable
        required
        error={messagesAt(problems, 'input.target')}
        comboboxProps={{ withinPortal: true }}
      />
      <Checkbox
        label={t('fields.add.many')}
        description={t('fields.add.manyHint')}
        checked={draft.settings['many'] === true}
        onChange={(e) => setSettings({ many: e.currentTarget.checked })}
        error={messagesAt(problems, 'input.many')}
      />
      <TextInput
        label={t('objects.field.inverse')}
        description={t('objects.field.inverseHint')}
        name="inverse"
        value={str(draft.settings['inverse']) ?? ''}
        onChange={(e) => setSettings({ inverse: e.currentTarget.value })}
        error={messagesAt(problems, 'input.inverse')}
        list={inverses.length ? 'relation-inverses' : undefined}
      />
      {inverses.length > 0 && (
        <datalist id="relation-inverses">
          {inverses.map((f) => (
            <option key={f.name} value={f.name} />
          ))}
        </datalist>
      )}
    </Stack>
  );
}

/** The default value, in the input its type takes; types whose values are structured or computed have none here. */
export function DefaultInput(props: SettingsProps) {
  const { t } = useTranslation();
  const { draft, onChange, problems } = props;
  const label = t('objects.field.default');
  const error = messagesAt(problems, 'input.default');
  const set = (value: unknown) => onChange({ default: value });
  switch (draft.type) {
    case 'text':
    case 'longText':
    case 'email':
    case 'phone':
    case 'url':
      return (
        <TextInput
          label={label}
          name="default"
          value={str(draft.default) ?? ''}
          onChange={(e) => set(e.currentTarget.value || undefined)}
          error={error}
        />
      );
    case 'date':
      return (
        <TextInput
          label={label}
          name="default"
          type="date"
          value={str(draft.default) ?? ''}
          onChange={(e) => set(e.currentTarget.value || undefined)}
          error={error}
        />
      );
    case 'number':
    case 'percent':
    case 'rating':
      return (
        <NumberInput
          label={label}
          name="default"
          value={num(draft.default) ?? ''}
          onChange={(v) => set(typeof v === 'number' ? v : undefined)}
          error={error}
        />
      );
    case 'boolean':
      return (
        <Select
          label={label}
          data={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
          value={typeof draft.default === 'boolean' ? String(draft.default) : null}
          onChange={(v) => set(v === null ? undefined : v === 'true')}
          clearable
          placeholder={t('objects.field.noDefault')}
          error={error}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'select':
      return (
        <Select
          label={label}
          data={[...new Set(draft.options.map((o) => o.value.trim()).filter(Boolean))]}
          value={str(draft.default) ?? null}
          onChange={(v) => set(v ?? undefined)}
          clearable
          placeholder={t('objects.field.noDefault')}
          error={error}
          comboboxProps={{ withinPortal: true }}
        />
      );
    default:
      return null;
  }
}
