import { Alert, Button, Group, Text, TextInput, useMantineTheme } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { conditionFieldsOf } from '../../components/condition-fields';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { listQuery, recordSelection, type WorkspaceObject } from '../record-api';
import { useWorkspaceModel, type WorkspaceModel } from '../use-workspace-model';
import { BulkBar } from './BulkBar';
import { badgeVarsOf, type CellContext } from './CellValue';
import { ColumnChooser } from './ColumnChooser';
import { columnFields, defaultColumns, optionLooks } from './columns';
import { downloadExport, type ExportFormat } from './export-file';
import { ExportMenu } from './ExportMenu';
import { FilterButton } from './FilterButton';
import { shapeOf, toApiFilter } from './filter';
import { RecordTable, type Sort } from './RecordTable';
import { useListEdits } from './use-list-edits';
import { useListView } from './use-list-view';
import { useRecordPages } from './use-record-pages';
import { ViewsMenu } from './ViewsMenu';
import { intlLocales } from '../format';

/** `/o/:object`: the records of any object the user may read. */
export default function ListPage() {
  const { t } = useTranslation();
  const name = useParams()['object'] ?? '';
  const { model, fetching, error } = useWorkspaceModel();
  if (!model) return <QueryState fetching={fetching} error={error} />;
  const object = model.object(name);
  if (!object)
    return (
      <>
        <PageTitle text={t('list.title')} />
        <Alert color="yellow" role="alert">
          {t('list.notFound', { name })}
        </Alert>
      </>
    );
  // A new object is a new list: every piece of state starts again.
  return <ObjectList key={object.name} object={object} model={model} />;
}

const nextSort = (sort: Sort | null, field: string): Sort | null => {
  if (sort?.field !== field) return { field, direction: 'ASC' };
  return sort.direction === 'ASC' ? { field, direction: 'DESC' } : null;
};

function ObjectList({ object, model }: { object: WorkspaceObject; model: WorkspaceModel }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const fields = useMemo(() => columnFields(object), [object]);
  const names = useMemo(() => fields.map((f) => f.name), [fields]);
  const list = useListView(object.name, names, defaultColumns(object));
  const { visible, sort, setSort, search, setSearch, condition, setCondition } = list;
  // A view's columns in its order; the device's choice in the object's order.
  const columns = list.active
    ? visible.flatMap((name) => fields.filter((f) => f.name === name))
    : fields.filter((f) => visible.includes(f.name));
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [exportError, setExportError] = useState<string | undefined>();
  const [exporting, setExporting] = useState(false);

  const filter = useMemo(() => toApiFilter(condition, shapeOf(object, model.objects)), [condition, object, model]);
  // Every readable column is selected, so showing a hidden one needs no new query.
  const selection = useMemo(
    () =>
      recordSelection(
        object,
        model.objects,
        fields.map((f) => f.name),
      ),
    [object, model, fields],
  );
  const variables = useMemo(
    () => ({ filter, orderBy: sort ? [sort] : undefined, search: debouncedSearch || undefined }),
    [filter, sort, debouncedSearch],
  );
  const pages = useRecordPages(listQuery(object, selection), object.api.many, variables);
  const edits = useListEdits(object, selection, pages);

  const theme = useMantineTheme();
  const badgeVars = useMemo(() => badgeVarsOf(theme), [theme]);
  const ctx = useMemo<CellContext>(
    () => ({
      objects: model.objects,
      language: i18n.language,
      t,
      badgeVars,
      options: new Map(
        fields
          .filter((f) => f.type === 'select' || f.type === 'multiSelect')
          .map((f) => [f.name, optionLooks(object, f, model.pipelines, i18n.language)]),
      ),
    }),
    [fields, object, model, i18n.language, t, badgeVars],
  );
  const conditionFields = useMemo(
    () =>
      conditionFieldsOf(object.fields, i18n.language).map((f) => {
        const looks = ctx.options.get(f.name);
        return looks ? { ...f, options: [...looks].map(([value, look]) => ({ value, label: look.label })) } : f;
      }),
    [object, i18n.language, ctx],
  );
  const hasPipeline = model.pipelines.some((p) => p.object === object.name);
  // "At all": a user whose rule has row conditions (their own deals) keeps the editors; the server refuses the rest.
  const mayUpdate = object.permissions?.update !== false;
  const count =
    pages.totalCount === null ? '…' : new Intl.NumberFormat(intlLocales(i18n.language)).format(pages.totalCount);
  const filterError = pages.error && condition ? pages.error.graphQLErrors[0]?.message : undefined;

  const select = (ids: readonly string[], on: boolean) =>
    setSelected((before) => {
      const next = new Set(before);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const exportView = async (format: ExportFormat) => {
    setExporting(true);
    const view = {
      filter,
      search: debouncedSearch,
      sort,
      language: i18n.language,
      fields: columns.map((f) => f.name),
    };
    const outcome = await downloadExport(object.pluralName, format, view);
    setExporting(false);
    setExportError(outcome.ok ? undefined : outcome.message);
  };

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <PageTitle text={object.labelPlural} />
        <Group gap="xs">
          {hasPipeline && (
            <Button component={Link} to={`/o/${object.name}/board`} variant="default">
              {t('list.board')}
            </Button>
          )}
          {object.permissions?.create !== false && (
            <Button component={Link} to={`/o/${object.name}/import`} variant="default" data-testid="open-import">
              {t('import.open')}
            </Button>
          )}
          <ExportMenu loading={exporting} onExport={(format) => void exportView(format)} />
        </Group>
      </Group>
      {list.missing && (
        <Alert color="yellow" role="alert" mb="sm">
          {t('views.notFound')}
        </Alert>
      )}
      <Group gap="xs" mb="sm" wrap="wrap">
        <ViewsMenu list={list} objectsLabel={object.labelPlural} />
        <TextInput
          type="search"
          aria-label={t('list.search')}
          placeholder={t('list.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 200px', maxWidth: 360 }}
        />
        <FilterButton fields={conditionFields} value={condition} onChange={setCondition} error={filterError} />
        <ColumnChooser fields={fields} visible={visible} onChange={list.setVisible} onReset={list.resetColumns} />
        <Text c="dimmed" size="sm" aria-live="polite" data-testid="total-count">
          {t('list.count', { count })}
        </Text>
      </Group>
      {exportError && (
        <Alert
          color="red"
          role="alert"
          mb="sm"
          title={t('list.exportFailed')}
          withCloseButton
          onClose={() => setExportError(undefined)}
        >
          {exportError}
        </Alert>
      )}
      {pages.error && !filterError && <QueryState fetching={false} error={pages.error} />}
      {selected.size > 0 && (
        <BulkBar
          count={selected.size}
          fields={fields}
          options={ctx.options}
          onEdit={mayUpdate ? (field, value) => edits.bulkUpdate([...selected], field, value) : undefined}
          onDelete={
            object.permissions?.delete === false
              ? undefined
              : async () => {
                  const outcome = await edits.bulkDelete([...selected]);
                  if (outcome.ok) setSelected(new Set());
                  return outcome;
                }
          }
          onClear={() => setSelected(new Set())}
        />
      )}
      <RecordTable
        object={object}
        columns={columns}
        rows={pages.rows}
        totalCount={pages.totalCount}
        hasNextPage={pages.hasNextPage}
        loading={pages.loading}
        loadMore={pages.loadMore}
        sort={sort}
        onSort={(field) => setSort(nextSort(sort, field))}
        selected={selected}
        onSelect={select}
        ctx={ctx}
        cellErrors={edits.cellErrors}
        onSave={(row, field, value) => void edits.saveCell(row, field, value)}
        onEditStart={edits.clearCellError}
        editable={mayUpdate}
        onOpen={(id) => void navigate(`/o/${object.name}/${id}`)}
      />
    </>
  );
}
