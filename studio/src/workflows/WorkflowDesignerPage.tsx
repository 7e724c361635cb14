import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { Designer } from './Designer';
import { WorkflowDocument } from './documents';
import { useStepTypes } from './step-types';

/** Route `/workflows/:name`: loads the workflow and the step types, then the designer. */
export default function WorkflowDesignerPage() {
  const { t } = useTranslation();
  const { name = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: WorkflowDocument, variables: { name } });
  const { types, fetching: loadingTypes, error: typesError } = useStepTypes();
  if (data && !data.workflow) return <PageTitle text={t('flow.notFound', { name })} />;
  if (!data?.workflow || !types) return <QueryState fetching={fetching || loadingTypes} error={error ?? typesError} />;
  return <Designer key={name} workflow={data.workflow} types={types} />;
}
