import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { graphql } from '../gql';
import { LayoutEditor } from './LayoutEditor';

const LayoutObjectsDocument = graphql(`
  query LayoutObjects($locale: String) {
    objects {
      name
      label(locale: $locale)
    }
  }
`);

/** /forms/:object? — pick an object, then design its record form (LayoutEditor). */
export default function FormLayoutsPage() {
  const { t, i18n } = useTranslation();
  const object = useParams()['object'];
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: LayoutObjectsDocument, variables: { locale: i18n.language } });
  const objects = data?.objects ?? [];
  return (
    <Stack gap="sm">
      <PageTitle text={t('layouts.title')} />
      <Text size="sm" c="dimmed" mt={-12}>
        {t('layouts.intro')}
      </Text>
      <QueryState fetching={fetching && !data} error={error} />
      <Select
        label={t('layouts.object')}
        placeholder={t('layouts.pickObject')}
        data={objects.map((o) => ({ value: o.name, label: `${o.label} (${o.name})` }))}
        value={object ?? null}
        onChange={(name) => name && void navigate(`/forms/${name}`)}
        searchable
        allowDeselect={false}
        maw={360}
      />
      {object ? <LayoutEditor key={object} object={object} /> : <Text>{t('layouts.pickObject')}</Text>}
    </Stack>
  );
}
