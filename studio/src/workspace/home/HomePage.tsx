import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

export default function HomePage() {
  const { t } = useTranslation();
  return <PageTitle text={t('home.title')} />;
}
