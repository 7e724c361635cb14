import { Anchor, Badge, Button, Code, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { DataTable } from '../components/DataTable';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { NewObjectModal } from '../designer/NewObjectModal';
import { graphql } from '../gql';
import type { ObjectsQuery } from '../gql/graphql';

const ObjectsDocument = graphql(`
  query Objects($locale: String) {
    objects {
      name
      label(locale: $locale)
      fields {
        name
      }
    }
  }
`);

type ObjectRow = ObjectsQuery['objects'][number];

export default function ObjectsPage() {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: ObjectsDocument, variables: { locale: i18n.language } });
  const [creating, { open, close }] = useDisclosure();
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle text={t('objects.title')} />
        <Button onClick={open}>{t('objects.new.open')}</Button>
      </Group>
      <NewObjectModal opened={creating} onClose={close} />
      <QueryState fetching={fetching && !data} error={error} />
      {data && (
        <DataTable<ObjectRow>
          caption={t('objects.title')}
          rows={data.objects}
          rowKey={(o) => o.name}
          columns={[
            {
              key: 'name',
              header: t('objects.name'),
              cell: (o) => (
                <Anchor component={Link} to={`/objects/${o.name}`}>
                  <Code>{o.name}</Code>
                </Anchor>
              ),
            },
            { key: 'label', header: t('objects.label'), cell: (o) => o.label },
            {
              key: 'fields',
              header: t('objects.fields'),
              cell: (o) => <Badge variant="light">{o.fields.length}</Badge>,
            },
          ]}
        />
      )}
    </>
  );
}
