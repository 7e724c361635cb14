import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

export default function BoardPage() {
  const { t } = useTranslation();
  return <PageTitle text={t('board.title')} />;
}
