import { Badge, NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink } from 'react-router';
import { formatNumber } from '../format';
import { useApprovals } from './use-approvals';

/** The navigation's "Approvals", with how many wait for the signed-in user on a badge. */
export function ApprovalsNavLink({ onClick }: { onClick: () => void }) {
  const { t, i18n } = useTranslation();
  const { approvals } = useApprovals();
  const count = approvals?.length ?? 0;
  return (
    <NavLink
      component={RouterLink}
      to="/approvals"
      label={t('approvals.title')}
      onClick={onClick}
      aria-label={count > 0 ? t('approvals.waiting', { count }) : t('approvals.title')}
      rightSection={
        count > 0 ? (
          <Badge size="sm" color="red" circle={count < 10} data-testid="approvals-count" aria-hidden>
            {formatNumber(count, i18n.language)}
          </Badge>
        ) : null
      }
    />
  );
}
