import { Alert, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { ConditionField } from '../components/ConditionBuilder';
import { localized } from '../components/localized';
import { QueryState } from '../components/QueryState';
import { METADATA_TYPENAMES } from '../designer/metadata-typenames';
import { FormProblems } from '../designer/FormProblems';
import { graphql } from '../gql';
import { problemsOf } from '../graphql/problems';
import type { DesignerField } from './FieldChip';
import { draftOf, draftProblems, layoutOf, reduce, type Draft } from './layout-draft';
import type { FormLayout, LayoutField } from './layout-form';
import { NO_PROBLEMS, placeProblems, type PlacedProblems } from './layout-problems';
import { LayoutDesigner } from './LayoutDesigner';
import { LayoutPreview } from './LayoutPreview';

const FormLayoutDocument = graphql(`
  query FormLayout($name: String!, $locale: String) {
    object(name: $name) {
      name
      label(locale: $locale)
      layout
      fields {
        name
        type
        label(locale: $locale)
        required
        settings
        jsonSchema
      }
    }
  }
`);

const SaveFormLayoutDocument = graphql(`
  mutation SaveFormLayout($name: String!, $layout: JSON) {
    updateObject(name: $name, input: { layout: $layout }) {
      applied
      revision
      changes
    }
  }
`);

/** Types a section's visibility may read: the record's own stored values (the server refuses the others). */
const NOT_IN_CONDITIONS = new Set(['formula', 'rollup', 'relation', 'json', 'address']);

type Field = { name: string; type: string; label: string; required: boolean; settings: unknown; jsonSchema: unknown };

function conditionFieldsOf(fields: readonly Field[], language: string): ConditionField[] {
  return fields
    .filter((f) => !NOT_IN_CONDITIONS.has(f.type))
    .map((f) => {
      const options = (f.settings as { options?: unknown } | null)?.options;
      return {
        name: f.name,
        label: f.label,
        type: f.type,
        ...(Array.isArray(options)
          ? {
              options: options.map((o: unknown) => {
                const value = typeof o === 'string' ? o : String((o as { value?: unknown }).value);
                return {
                  value,
                  label: typeof o === 'string' ? o : localized((o as { label?: unknown }).label, language, value),
                };
              }),
            }
          : {}),
      };
    });
}

const sameLayout = (a: FormLayout, b: FormLayout) => JSON.stringify(a) === JSON.stringify(b);

/** The designer and preview of one object's record form, saved with `updateObject(name, { layout })`. */
export function LayoutEditor({ object }: { object: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }, reread] = useQuery({
    query: FormLayoutDocument,
    variables: { name: object, locale: i18n.language },
  });
  const [saving, save] = useMutation(SaveFormLayoutDocument);
  const meta = data?.object;
  const fields = useMemo(() => (meta?.fields ?? []) as Field[], [meta]);
  const names = useMemo(() => fields.map((f) => f.name), [fields]);
  const stored = (meta?.layout ?? null) as FormLayout | null;
  const storedKey = JSON.stringify(stored);
  const defaultLabel = t('layouts.defaultSectionLabel');
  const [draft, dispatch] = useReducer(reduce, undefined, (): Draft => ({ sections: [], fieldNames: [] }));
  const [problems, setProblems] = useState<PlacedProblems>(NO_PROBLEMS);

  // The draft starts from the stored layout, and again whenever the server's layout changes (after a save).
  useEffect(() => {
    if (meta) dispatch({ type: 'load', draft: draftOf(stored, names, defaultLabel) });
    // Only a new stored layout or field list resets the draft (not every render of the same data).
  }, [storedKey, names.join(','), Boolean(meta)]);

  if (!meta) return <QueryState fetching={fetching} error={error} />;

  const layout = layoutOf(draft);
  const baseline = layoutOf(draftOf(stored, names, defaultLabel));
  const dirty = !sameLayout(layout, baseline);
  const local = draftProblems(draft);
  const designerFields: DesignerField[] = fields.map((f) => ({
    name: f.name,
    label: f.label,
    type: f.type,
    required: f.required,
  }));
  const previewFields: LayoutField[] = fields;

  const send = async (next: FormLayout | null) => {
    const sent = draft;
    const result = await save({ name: object, layout: next }, { additionalTypenames: METADATA_TYPENAMES });
    // What the server has now, whether or not the change was accepted.
    reread({ requestPolicy: 'network-only' });
    if (result.error) {
      setProblems(placeProblems(problemsOf(result.error), sent));
      return;
    }
    setProblems(NO_PROBLEMS);
    notifications.show({ color: 'green', message: next ? t('layouts.saved') : t('layouts.resetDone') });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          {stored === null && <Badge variant="light">{t('layouts.defaultLayout')}</Badge>}
          {dirty && (
            <Badge color="yellow" variant="light">
              {t('layouts.unsaved')}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="wrap">
          <Button variant="default" disabled={stored === null || saving.fetching} onClick={() => void send(null)}>
            {t('layouts.reset')}
          </Button>
          <Button
            variant="default"
            disabled={!dirty}
            onClick={() => {
              setProblems(NO_PROBLEMS);
              dispatch({ type: 'load', draft: draftOf(stored, names, defaultLabel) });
            }}
          >
            {t('layouts.discard')}
          </Button>
          <Button
            onClick={() => void send(layout)}
            loading={saving.fetching}
            disabled={local.size > 0 || (!dirty && stored !== null)}
          >
            {t('layouts.save')}
          </Button>
        </Group>
      </Group>
      {local.size > 0 && (
        <Text size="sm" c="red">
          {t('layouts.fixFirst')}
        </Text>
      )}
      <FormProblems problems={problems.other} title={t('layouts.saveFailed')} />
      {problems.sections.size > 0 && problems.other.length === 0 && (
        <Alert color="red" title={t('layouts.saveFailed')} role="alert">
          {t('common.notSaved')}
        </Alert>
      )}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <LayoutDesigner
            draft={draft}
            dispatch={(action) => dispatch(action)}
            fields={designerFields}
            conditionFields={conditionFieldsOf(fields, i18n.language)}
            problems={problems}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {/* Beside a long designer the preview stays in view (sticky has no effect once the columns stack). */}
          <div style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 60px) + 16px)' }}>
            <LayoutPreview fields={previewFields} layout={layout} />
          </div>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
