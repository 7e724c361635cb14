import { Alert, Anchor, Badge, Button, Code, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { DataTable } from '../components/DataTable';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { AddFieldModal } from '../designer/AddFieldModal';
import { DeleteFieldModal } from '../designer/DeleteFieldModal';
import { graphql } from '../gql';
import type { ObjectFieldsQuery } from '../gql/graphql';

const ObjectFieldsDocument = graphql(`
  query ObjectFields($name: String!, $locale: String) {
    object(name: $name) {
      name
      label(locale: $locale)
      fields {
        name
        type
        required
        system
        settings
        label(locale: $locale)
      }
    }
    objects {
      name
      label(locale: $locale)
    }
  }
`);

type FieldRow = NonNullable<ObjectFieldsQuery['object']>['fields'][number];

/** What the type column says besides the type: a relation's target, a select's option values. */
function settingsSummary(field: FieldRow): string {
  const settings = (field.settings ?? {}) as { target?: unknown; many?: unknown; options?: unknown };
  if (typeof settings.target === 'string')
    return settings.many === true ? `→ ${settings.target}[]` : `→ ${settings.target}`;
  if (Array.isArray(settings.options)) {
    return settings.options
      .map((o: unknown) => (typeof o === 'string' ? o : (o as { value?: unknown }).value))
      .filter((v): v is string => typeof v === 'string')
      .join(', ');
  }
  return '';
}

export default function ObjectFieldsPage() {
  const { t, i18n } = useTranslation();
  const name = useParams()['name'] ?? '';
  const [{ data, fetching, error }] = useQuery({
    query: ObjectFieldsDocument,
    variables: { name, locale: i18n.language },
  });
  const [adding, { open, close }] = useDisclosure();
  // The field stays named while the modal animates closed.
  const [deleting, setDeleting] = useState('');
  const [confirming, { open: openDelete, close: closeDelete }] = useDisclosure();
  const object = data?.object;
  const targets = [
    { value: 'user', label: `${t('fields.add.users')} (user)` },
    ...(data?.objects ?? []).map((o) => ({ value: o.name, label: `${o.label} (${o.name})` })),
  ];
  return (
    <>
      <Group mb="xs">
        <Anchor component={Link} to="/objects" size="sm">
          ← {t('common.back')}
        </Anchor>
      </Group>
      <Group justify="space-between" align="flex-start">
        <PageTitle text={t('fields.title', { label: object?.label ?? name })} />
        {object && <Button onClick={open}>{t('fields.add.open')}</Button>}
      </Group>
      <QueryState fetching={fetching && !data} error={error} />
      {data && !object && <Alert color="yellow">{t('objects.notFound', { name })}</Alert>}
      {object && (
        <>
          <AddFieldModal object={object.name} targets={targets} opened={adding} onClose={close} />
          <DeleteFieldModal object={object.name} field={deleting} opened={confirming} onClose={closeDelete} />
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
                    {settingsSummary(f)}
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
                  ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
