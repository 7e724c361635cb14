import { Button, Group, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { MeDocument } from '../../shell/me-document';
import { ApprovalCard } from './ApprovalCard';
import { useApprovals } from './use-approvals';

/**
 * Route `/approvals`: the pending approvals the signed-in user may decide, oldest first; an admin may list
 * everyone's. `?id=` (a notification's link) marks one and scrolls to it.
 */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [{ data: meData }] = useQuery({ query: MeDocument });
  const me = meData?.me;
  const isAdmin = me?.roles.includes('admin') ?? false;
  const [all, setAll] = useState(false);
  const { approvals, fetching, error, refresh } = useApprovals(all && isAdmin);
  const wanted = params.get('id');
  return (
    <Stack gap="md" maw={900}>
      <Group justify="space-between" align="flex-start">
        <PageTitle text={t('approvals.title')} />
        <Button variant="default" onClick={refresh} loading={fetching && approvals !== null}>
          {t('approvals.refresh')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('approvals.intro')}
      </Text>
      {isAdmin && (
        <Switch
          label={t('approvals.showAll')}
          description={t('approvals.showAllHint')}
          checked={all}
          onChange={(e) => setAll(e.currentTarget.checked)}
        />
      )}
      <QueryState fetching={fetching && approvals === null} error={error} />
      {approvals && me && approvals.length === 0 && (
        <Text role="status">{all && isAdmin ? t('approvals.emptyAll') : t('approvals.empty')}</Text>
      )}
      {approvals && me && approvals.length > 0 && (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('approvals.title')}>
          {approvals.map((approval) => (
            <ApprovalCard
              key={approval.id}
              approval={approval}
              me={me.id}
              highlighted={approval.id === wanted}
              onDecided={refresh}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
