import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { useWorkspaceModel } from '../use-workspace-model';
import { Board } from './Board';
import { choosePipeline } from './board-model';

/** `/o/:object/board`: the kanban board of the object's pipeline (`?field=` chooses one when it has several). */
export default function BoardPage() {
  const { t } = useTranslation();
  const { object: name = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { model, fetching, error } = useWorkspaceModel();
  if (!model) return <QueryState fetching={fetching} error={error} />;
  const object = model.object(name);
  if (!object) {
    return (
      <>
        <PageTitle text={t('board.title')} />
        <Text>{t('board.unknownObject', { object: name })}</Text>
      </>
    );
  }
  const { all, chosen } = choosePipeline(model.pipelines, object.name, search.get('field'));
  const heading = t('board.titleOf', { objects: object.labelPlural });
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageTitle text={heading} />
        <Button component={Link} to={`/o/${object.name}`} variant="default">
          {t('board.list')}
        </Button>
      </Group>
      {all.length > 1 && chosen && (
        <SegmentedControl
          mb="md"
          aria-label={t('board.pipeline')}
          value={chosen.field}
          onChange={(field) => setSearch({ field })}
          data={all.map((p) => ({ value: p.field, label: p.label ?? p.field }))}
        />
      )}
      {chosen ? (
        <Board key={chosen.field} model={model} object={object} pipeline={chosen} />
      ) : (
        <Text>{t('board.noPipeline', { objects: object.labelPlural })}</Text>
      )}
    </>
  );
}
