import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle text={t('notFound.title')} />
      <Anchor component={Link} to="/objects">
        {t('notFound.home')}
      </Anchor>
    </>
  );
}
