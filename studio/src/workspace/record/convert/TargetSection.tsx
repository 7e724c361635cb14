import { Alert, Badge, Card, Group, Radio, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import Form from '@rjsf/mantine';
import type { UiSchema } from '@rjsf/utils';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../../components/localized';
import type { Problem } from '../../../graphql/problems';
import { recordFormValidator } from '../../../layouts/form-validator';
import { formFromLayout } from '../../../layouts/layout-form';
import { withSections } from '../../../layouts/SectionsTemplate';
import { recordTitle, type WorkspaceField, type WorkspaceObject } from '../../record-api';
import type { WorkspaceModel } from '../../use-workspace-model';
import { placeProblems } from '../record-form-data';
import { recordFields, recordWidgets, widgetUi } from '../widgets';
import type { RecordFormContext } from '../widgets/form-context';
import {
  matchesOf,
  type ConversionTarget,
  type TargetAction,
  type TargetPreview,
  type TargetState,
} from './conversion-data';

/**
 * One target of the Convert dialog: create it (a form prefilled from the mapping, with a widget per field
 * type, showing the server's problems on their fields), use an existing record the preview found by the
 * target's `match` field, or skip it when it is optional.
 */
export function TargetSection(props: {
  model: WorkspaceModel;
  object: WorkspaceObject;
  target: ConversionTarget;
  preview: TargetPreview;
  fields: readonly WorkspaceField[];
  state: TargetState;
  /** Labels of the records this one is linked to (the earlier targets, the source). */
  linkedTo: readonly string[];
  /** This target's problems, at `data.<field>`, `id`, `action`. */
  problems: readonly Problem[];
  onChange: (state: TargetState) => void;
}) {
  const { t, i18n } = useTranslation();
  const { object, preview, state } = props;
  const title = localized(props.target.label, i18n.language, object.label);
  const headingId = `convert-${preview.key}-title`;
  const matches = matchesOf(preview);
  const matchField = object.fields.find((f) => f.name === props.target.match);
  const actions: { value: TargetAction; label: string; disabled?: boolean }[] = [
    { value: 'create', label: t('convert.create'), disabled: !preview.canCreate },
    ...(props.target.match ? [{ value: 'use' as const, label: t('convert.use'), disabled: matches.length === 0 }] : []),
    ...(preview.optional ? [{ value: 'skip' as const, label: t('convert.skip') }] : []),
  ];
  const placed = placeProblems(props.problems, props.fields);
  const others = state.action === 'create' ? placed.unplaced : props.problems;

  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Title order={3} size="h5" id={headingId}>
              {title}
            </Title>
            {preview.optional && (
              <Badge variant="light" color="gray" size="sm">
                {t('convert.optional')}
              </Badge>
            )}
          </Group>
          <SegmentedControl
            size="xs"
            aria-label={title}
            value={state.action}
            data={actions}
            onChange={(value) => props.onChange({ ...state, action: value as TargetAction })}
          />
        </Group>
        {state.action === 'create' && <CreateForm {...props} errors={placed.errors} />}
        {state.action === 'use' && (
          <Radio.Group
            label={t('convert.matchesFor', { objects: object.labelPlural, field: matchField?.label ?? '' })}
            value={state.useId}
            onChange={(id) => props.onChange({ ...state, useId: id })}
          >
            <Stack gap={6} mt={6}>
              {matches.map((m) => {
                const name = recordTitle(object, m);
                // The matched value, when the title does not show it already (a contact's email).
                const matched = matchField ? String(m[matchField.name] ?? '') : '';
                return (
                  <Radio
                    key={String(m['id'])}
                    value={String(m['id'])}
                    label={name}
                    description={matched && matched !== name ? matched : undefined}
                  />
                );
              })}
            </Stack>
          </Radio.Group>
        )}
        {state.action === 'skip' && (
          <Text size="sm" c="dimmed">
            {t('convert.skipped', { object: title })}
          </Text>
        )}
        {props.target.match && matches.length === 0 && state.action === 'create' && (
          <Text size="xs" c="dimmed">
            {t('convert.noMatches', { objects: object.labelPlural, field: matchField?.label ?? props.target.match })}
          </Text>
        )}
        {state.action !== 'skip' && props.linkedTo.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('convert.linked', { targets: props.linkedTo.join(', ') })}
          </Text>
        )}
        {others.length > 0 && (
          <Alert color="red" role="alert" p="xs">
            {others.map((p) => p.message).join('; ')}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** The create form: the target's mapped fields, as the record form draws them. */
function CreateForm(
  props: Parameters<typeof TargetSection>[0] & { errors: ReturnType<typeof placeProblems>['errors'] },
) {
  const { t, i18n } = useTranslation();
  const { fields, state } = props;
  const form = useMemo(
    () =>
      formFromLayout(fields, null, {
        values: state.data,
        language: i18n.language,
        currencyLabel: t('record.form.currency'),
      }),
    [fields, state.data, i18n.language, t],
  );
  const uiSchema = useMemo(() => {
    const ui: UiSchema = { ...withSections(form.uiSchema), 'ui:submitButtonOptions': { norender: true } };
    for (const field of fields) ui[field.name] = widgetUi(field, form.uiSchema[field.name] as UiSchema | undefined);
    return ui;
  }, [form.uiSchema, fields]);
  const context: RecordFormContext = useMemo(
    () => ({ model: props.model, object: props.object, record: {} }),
    [props.model, props.object],
  );
  return (
    <Form
      schema={form.schema}
      uiSchema={uiSchema}
      formData={state.data}
      formContext={context}
      widgets={recordWidgets}
      fields={recordFields}
      validator={recordFormValidator(i18n.language)}
      extraErrors={props.errors}
      onChange={(event) => props.onChange({ ...state, data: (event.formData ?? {}) as Record<string, unknown> })}
      idPrefix={`convert-${props.preview.key}`}
      noHtml5Validate
      showErrorList={false}
    />
  );
}
