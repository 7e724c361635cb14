import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import Form from '@rjsf/mantine';
import type { UiSchema } from '@rjsf/utils';
import { memo, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemsOf, type Problem } from '../../graphql/problems';
import { recordFormValidator } from '../../layouts/form-validator';
import { formFromLayout, type FormLayout } from '../../layouts/layout-form';
import { withSections } from '../../layouts/SectionsTemplate';
import { updateMutation, type WorkspaceObject } from '../record-api';
import type { WorkspaceModel } from '../use-workspace-model';
import { changedFields, changesOf, formDataOf, formFieldsOf, placeProblems, rebase } from './record-form-data';
import { recordFields, recordWidgets, widgetUi } from './widgets';
import type { RecordFormContext } from './widgets/form-context';
import classes from './RecordForm.module.css';

type Values = Record<string, unknown>;

/**
 * The record's form, generated from its object's fields and stored layout (layout-form.ts) with a widget per
 * field type. Saving sends only the changed fields; the server's problems are shown on their fields, and after
 * a failure the record is read again: the form then shows the server's values with the user's unsaved
 * input kept on top, each such field marked, until it is saved or discarded. A user who may not update the
 * object's records at all (`permissions.update`) gets the same form read-only, without Save, and a line saying
 * why; where only some records may be updated (row conditions) the form stays editable and the server's
 * refusal shows as any other failed save. Memoised: the record page re-renders as its timeline arrives.
 */
export const RecordForm = memo(function RecordForm(props: {
  model: WorkspaceModel;
  object: WorkspaceObject;
  record: Values;
  selection: string;
  /** Reads the record again from the server (after a failed save). */
  reread: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const readOnly = props.object.permissions?.update === false;
  const fields = useMemo(() => formFieldsOf(props.object), [props.object]);
  const baseline = useMemo(() => formDataOf(fields, props.record), [fields, props.record]);
  const [draft, setDraft] = useState<Values>(baseline);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  // A new baseline (a re-read, someone else's save) keeps what the user typed and has not saved.
  const seen = useRef(baseline);
  if (seen.current !== baseline) {
    const previous = seen.current;
    seen.current = baseline;
    setDraft((current) => rebase(fields, previous, current, baseline));
  }
  const [saving, update] = useMutation(updateMutation(props.object, props.selection));
  const dirty = changedFields(fields, baseline, draft);
  const dirtyKey = dirty.join(',');

  const form = useMemo(
    () =>
      formFromLayout(fields, props.model.layout(props.object.name) as FormLayout | null, {
        values: draft,
        language: i18n.language,
        currencyLabel: t('record.form.currency'),
      }),
    [fields, props.model, props.object.name, draft, i18n.language, t],
  );
  const uiSchema = useMemo(() => {
    const ui: UiSchema = { ...withSections(form.uiSchema), 'ui:submitButtonOptions': { norender: true } };
    for (const field of fields) {
      ui[field.name] = widgetUi(field, form.uiSchema[field.name] as UiSchema | undefined);
      if (dirtyKey.split(',').includes(field.name)) ui[field.name]['ui:help'] = t('record.form.unsavedField');
    }
    return ui;
  }, [form.uiSchema, fields, dirtyKey, t]);
  const context: RecordFormContext = useMemo(
    () => ({ model: props.model, object: props.object, record: props.record }),
    [props.model, props.object, props.record],
  );
  const placed = placeProblems(problems, fields);

  const save = async (data: Values) => {
    const changes = changesOf(fields, baseline, data);
    if (Object.keys(changes).length === 0) return;
    const result = await update({ id: props.record['id'], data: changes });
    if (result.error) {
      setProblems(problemsOf(result.error));
      // What the server has now: the form shows it, with the unsaved input on top.
      props.reread();
      return;
    }
    setProblems([]);
    notifications.show({ color: 'green', message: t('record.form.saved') });
    props.onSaved();
  };

  const formRef = useRef<{ submit: () => void } | null>(null);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="record-form-title">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="xs">
          <Title order={3} size="h4" id="record-form-title">
            {t('record.form.title')}
          </Title>
          {dirty.length > 0 && (
            <Badge color="yellow" variant="light">
              {t('record.form.unsaved')}
            </Badge>
          )}
        </Group>
        {!readOnly && (
          <Group gap="xs">
            <Button
              variant="default"
              disabled={dirty.length === 0}
              onClick={() => (setProblems([]), setDraft(baseline))}
            >
              {t('record.form.discard')}
            </Button>
            <Button loading={saving.fetching} disabled={dirty.length === 0} onClick={() => formRef.current?.submit()}>
              {t('record.form.save')}
            </Button>
          </Group>
        )}
      </Group>
      <Stack gap="sm" className={readOnly ? classes.readOnly : undefined}>
        {readOnly && (
          <Text size="sm" c="dimmed" data-testid="record-read-only">
            {t('record.form.readOnly')}
          </Text>
        )}
        {placed.unplaced.length > 0 && (
          <Alert color="red" title={t('record.form.failed')} role="alert">
            {placed.unplaced.map((p) => p.message).join('; ')}
          </Alert>
        )}
        <Form
          ref={formRef as never}
          schema={form.schema}
          uiSchema={uiSchema}
          formData={draft}
          formContext={context}
          widgets={recordWidgets}
          fields={recordFields}
          validator={recordFormValidator(i18n.language)}
          extraErrors={placed.errors}
          onChange={(event) => {
            const next = (event.formData ?? {}) as Values;
            // A field the user edits no longer shows the server's complaint about its old value.
            const edited = new Set(changedFields(fields, draft, next));
            if (edited.size)
              setProblems((current) => current.filter((p) => !edited.has(/^data\.(\w+)/.exec(p.path)?.[1] ?? '')));
            setDraft(next);
          }}
          onSubmit={(event) => void save((event.formData ?? {}) as Values)}
          idPrefix="record"
          readonly={readOnly}
          noHtml5Validate
          showErrorList={false}
        />
      </Stack>
    </Card>
  );
});
