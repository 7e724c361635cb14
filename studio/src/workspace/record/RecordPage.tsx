import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

export default function RecordPage() {
  const { t } = useTranslation();
  return <PageTitle text={t('record.title')} />;
}
