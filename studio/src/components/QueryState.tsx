import { Alert, Center, Loader } from '@mantine/core';
import type { CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';

/** What a page shows while its query loads or after it failed; null once there is data. */
export function QueryState({ fetching, error }: { fetching: boolean; error: CombinedError | undefined }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <Alert color="red" title={t('common.error', { message: error.message })} role="alert">
        {error.graphQLErrors[0]?.message ?? error.networkError?.message}
      </Alert>
    );
  }
  if (fetching) {
    return (
      <Center p="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return null;
}
