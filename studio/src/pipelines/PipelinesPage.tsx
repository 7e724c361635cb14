import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle';

export default function PipelinesPage() {
  const { t } = useTranslation();
  return <PageTitle text={t('pipelines.title')} />;
}
