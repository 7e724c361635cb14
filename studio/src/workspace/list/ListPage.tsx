import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

export default function ListPage() {
  const { t } = useTranslation();
  return <PageTitle text={t('list.title')} />;
}
