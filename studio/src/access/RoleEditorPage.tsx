import { Alert, Anchor, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { graphql } from '../gql';
import { ADMIN_ROLE } from './role-draft';
import { RoleEditor } from './RoleEditor';

const RoleEditorDocument = graphql(`
  query RoleEditor($locale: String) {
    roles {
      name
      label
      description
      rules
    }
    objects {
      name
      label(locale: $locale)
      fields(includeSystem: true) {
        name
        type
        label(locale: $locale)
        settings
      }
    }
  }
`);

/** `/roles/:name` (`new` for a new role): the role's texts and its permission matrix. */
export default function RoleEditorPage() {
  const { t, i18n } = useTranslation();
  const name = useParams()['name'] ?? 'new';
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RoleEditorDocument,
    variables: { locale: i18n.language },
  });
  const isNew = name === 'new';
  const role = data?.roles.find((r) => r.name === name);
  const title = isNew ? t('access.editor.newTitle') : t('access.editor.title', { name });
  return (
    <>
      <Group mb="xs">
        <Anchor component={Link} to="/roles" size="sm">
          ← {t('common.back')}
        </Anchor>
      </Group>
      <PageTitle text={title} />
      <QueryState fetching={fetching && !data} error={error} />
      {name === ADMIN_ROLE ? (
        <Alert color="blue" title={t('access.roles.builtIn')}>
          {t('access.roles.adminExplained')}
        </Alert>
      ) : (
        data &&
        (isNew || role ? (
          <Stack>
            {/* Keyed by name: a saved new role continues at its own address with a fresh editor. */}
            <RoleEditor
              key={name}
              role={role}
              objects={data.objects}
              reread={() => reexecute({ requestPolicy: 'network-only' })}
            />
          </Stack>
        ) : fetching ? (
          // Just saved as a new role: the list that has it is on its way.
          <QueryState fetching error={undefined} />
        ) : (
          <Alert color="yellow">{t('access.editor.notFound', { name })}</Alert>
        ))
      )}
    </>
  );
}
