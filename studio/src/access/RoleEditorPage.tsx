import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle';

export default function RoleEditorPage() {
  const { t } = useTranslation();
  return <PageTitle text={t('access.title')} />;
}
