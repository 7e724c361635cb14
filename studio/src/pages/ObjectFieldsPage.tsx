import { Alert, Anchor, Badge, Code, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { DataTable } from '../components/DataTable';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
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
        label(locale: $locale)
      }
    }
  }
`);

type FieldRow = NonNullable<ObjectFieldsQuery['object']>['fields'][number];

export default function ObjectFieldsPage() {
  const { t, i18n } = useTranslation();
  const name = useParams()['name'] ?? '';
  const [{ data, fetching, error }] = useQuery({
    query: ObjectFieldsDocument,
    variables: { name, locale: i18n.language },
  });
  const object = data?.object;
  return (
    <>
      <Group mb="xs">
        <Anchor component={Link} to="/objects" size="sm">
          ← {t('common.back')}
        </Anchor>
      </Group>
      <PageTitle text={t('fields.title', { label: object?.label ?? name })} />
      <QueryState fetching={fetching && !data} error={error} />
      {data && !object && <Alert color="yellow">{t('objects.notFound', { name })}</Alert>}
      {object && (
        <DataTable<FieldRow>
          caption={t('fields.title', { label: object.label })}
          rows={object.fields}
          rowKey={(f) => f.name}
          columns={[
            { key: 'name', header: t('fields.name'), cell: (f) => <Code>{f.name}</Code> },
            { key: 'type', header: t('fields.type'), cell: (f) => <Badge variant="outline">{f.type}</Badge> },
            {
              key: 'required',
              header: t('fields.required'),
              cell: (f) => (f.required ? t('common.yes') : t('common.no')),
            },
            { key: 'label', header: t('fields.label'), cell: (f) => f.label },
          ]}
        />
      )}
    </>
  );
}
