import { Alert, Anchor, Badge, Button, Code, Group, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { DataTable } from '../components/DataTable';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { DeleteFieldModal } from '../designer/DeleteFieldModal';
import { DeleteObjectModal } from '../designer/DeleteObjectModal';
import { fieldDraft, type FieldDraft } from '../designer/field-draft';
import { objectDraft } from '../designer/object-draft';
import { loadFieldModal, loadValidationRulesSection, preloadObjectPageParts } from '../designer/object-page-parts';
import { ObjectEditModal } from '../designer/ObjectEditModal';
import { graphql } from '../gql';
import type { ObjectFieldsQuery } from '../gql/graphql';

const FieldModal = lazy(loadFieldModal);
const ValidationRulesSection = lazy(loadValidationRulesSection);

const ObjectFieldsDocument = graphql(`
  query ObjectFields($name: String!, $locale: String) {
    object(name: $name) {
      name
      pluralName
      label(locale: $locale)
      labels
      description
      titleField
      fields {
        name
        type
        required
        unique
        indexed
        searchable
        system
        default
        settings
        description
        labels
        label(locale: $locale)
      }
    }
    objects {
      name
      label(locale: $locale)
      fields {
        name
        type
        label(locale: $locale)
        settings
      }
    }
  }
`);

type FieldRow = NonNullable<ObjectFieldsQuery['object']>['fields'][number];

/** What the type column says besides the type: a relation's target, a select's options, a formula… */
function settingsSummary(field: FieldRow): string {
  const settings = (field.settings ?? {}) as Record<string, unknown>;
  if (typeof settings['target'] === 'string')
    return settings['many'] === true ? `→ ${settings['target']}[]` : `→ ${settings['target']}`;
  if (Array.isArray(settings['options'])) {
    return settings['options']
      .map((o: unknown) => (typeof o === 'string' ? o : (o as { value?: unknown }).value))
      .filter((v): v is string => typeof v === 'string')
      .join(', ');
  }
  if (typeof settings['expression'] === 'string') return `= ${settings['expression']}`;
  if (typeof settings['function'] === 'string')
    return `${String(settings['function'])}(${String(settings['relation'])}${settings['field'] ? `.${String(settings['field'])}` : ''})`;
  if (typeof settings['currency'] === 'string') return settings['currency'];
  return '';
}

export default function ObjectFieldsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const name = useParams()['name'] ?? '';
  const [{ data, fetching, error }] = useQuery({
    query: ObjectFieldsDocument,
    variables: { name, locale: i18n.language },
  });
  // The field stays named while its modal animates closed; a new modal (key) per field and per opening.
  const [editing, setEditing] = useState<{ draft: FieldDraft | undefined; key: number } | null>(null);
  const [fieldOpen, { open: openField, close: closeField }] = useDisclosure();
  const [deleting, setDeleting] = useState('');
  const [confirming, { open: openDelete, close: closeDelete }] = useDisclosure();
  const [objectKey, setObjectKey] = useState(0);
  const [tab, setTab] = useState<'fields' | 'rules'>('fields');
  const [editingObject, { open: openObject, close: closeObject }] = useDisclosure();
  const [deletingObject, { open: openDeleteObject, close: closeDeleteObject }] = useDisclosure();
  useEffect(preloadObjectPageParts, []);
  const object = data?.object;
  const targets = [
    { value: 'user', label: `${t('fields.add.users')} (user)` },
    ...(data?.objects ?? []).map((o) => ({ value: o.name, label: `${o.label} (${o.name})` })),
  ];
  const edit = (draft: FieldDraft | undefined) => {
    setEditing({ draft, key: Date.now() });
    openField();
  };
  const objectInfo = object && (data.objects.find((o) => o.name === object.name) ?? { ...object });
  return (
    <>
      <Group mb="xs">
        <Anchor component={Link} to="/objects" size="sm">
          ← {t('common.back')}
        </Anchor>
      </Group>
      <Group justify="space-between" align="flex-start">
        <PageTitle text={t('fields.title', { label: object?.label ?? name })} />
        {object && (
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => {
                setObjectKey((k) => k + 1);
                openObject();
              }}
            >
              {t('objects.edit.open')}
            </Button>
            <Button variant="subtle" color="red" onClick={openDeleteObject}>
              {t('objects.delete.open')}
            </Button>
            {tab === 'fields' && <Button onClick={() => edit(undefined)}>{t('fields.add.open')}</Button>}
          </Group>
        )}
      </Group>
      {object?.description && (
        <Text c="dimmed" size="sm" mb="sm">
          {object.description}
        </Text>
      )}
      <QueryState fetching={fetching && !data} error={error} />
      {data && !object && <Alert color="yellow">{t('objects.notFound', { name })}</Alert>}
      {object && objectInfo && (
        <>
          {editing && (
            <Suspense fallback={null}>
              <FieldModal
                key={editing.key}
                object={objectInfo}
                objects={data.objects}
                targets={targets}
                original={editing.draft}
                opened={fieldOpen}
                onClose={closeField}
              />
            </Suspense>
          )}
          <DeleteFieldModal object={object.name} field={deleting} opened={confirming} onClose={closeDelete} />
          <ObjectEditModal
            key={objectKey}
            original={objectDraft(object)}
            fields={object.fields.filter((f) => !f.system)}
            opened={editingObject}
            onClose={(renamedTo) => {
              closeObject();
              if (renamedTo) void navigate(`/objects/${renamedTo}`, { replace: true });
            }}
          />
          <DeleteObjectModal
            object={object.name}
            opened={deletingObject}
            onClose={(deleted) => {
              closeDeleteObject();
              if (deleted) void navigate('/objects');
            }}
          />
          <Tabs value={tab} onChange={(value) => setTab(value === 'rules' ? 'rules' : 'fields')} keepMounted={false}>
            <Tabs.List mb="sm">
              <Tabs.Tab value="fields">{t('rules.tabs.fields')}</Tabs.Tab>
              <Tabs.Tab value="rules">{t('rules.tabs.rules')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="rules">
              <Suspense fallback={<QueryState fetching error={undefined} />}>
                <ValidationRulesSection object={object.name} />
              </Suspense>
            </Tabs.Panel>
            <Tabs.Panel value="fields">
              <DataTable<FieldRow>
                caption={t('fields.title', { label: object.label })}
                rows={object.fields}
                rowKey={(f) => f.name}
                columns={[
                  { key: 'name', header: t('fields.name'), cell: (f) => <Code>{f.name}</Code> },
                  {
                    key: 'type',
                    header: t('fields.type'),
                    cell: (f) => (
                      <Group gap="xs" wrap="nowrap">
                        <Badge variant="outline">{f.type}</Badge>
                        <Text size="sm" lineClamp={1} maw={280}>
                          {settingsSummary(f)}
                        </Text>
                      </Group>
                    ),
                  },
                  {
                    key: 'required',
                    header: t('fields.required'),
                    cell: (f) => (f.required ? t('common.yes') : t('common.no')),
                  },
                  { key: 'label', header: t('fields.label'), cell: (f) => f.label },
                  {
                    key: 'actions',
                    header: t('fields.actions'),
                    cell: (f) =>
                      f.system ? null : (
                        <Group gap={4} wrap="nowrap">
                          <Button
                            variant="subtle"
                            size="compact-sm"
                            aria-label={t('objects.field.editOpen', { name: f.name })}
                            onClick={() => edit(fieldDraft(f))}
                          >
                            {t('objects.field.edit')}
                          </Button>
                          <Button
                            variant="subtle"
                            color="red"
                            size="compact-sm"
                            aria-label={t('fields.delete.open', { name: f.name })}
                            onClick={() => {
                              setDeleting(f.name);
                              openDelete();
                            }}
                          >
                            {t('fields.delete.action')}
                          </Button>
                        </Group>
                      ),
                  },
                ]}
              />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </>
  );
}
