import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle';

export default function ManifestPage() {
  const { t } = useTranslation();
  return <PageTitle text={t('manifest.title')} />;
}
