import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle';

export default function WorkflowDesignerPage() {
  const { t } = useTranslation();
  return <PageTitle text={t('flow.title')} />;
}
