import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle';

export default function FormLayoutsPage() {
  const { t } = useTranslation();
  return <PageTitle text={t('layouts.title')} />;
}
