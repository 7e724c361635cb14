import { Alert, Anchor, Button, FileInput, Group, Progress, Stack, Stepper, Text } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { formatNumber } from '../format';
import { useWorkspaceModel } from '../use-workspace-model';
import { importableFields, initialMapping } from './auto-map';
import { CheckStep } from './CheckStep';
import { previewCsv, type CsvPreview } from './csv-preview';
import { downloadText, errorReportCsv } from './error-report';
import {
  runImport,
  type ColumnMapping,
  type ImportProblem,
  type ImportProgress,
  type ImportResult,
} from './import-request';
import { MappingStep } from './MappingStep';
import type { DefaultValue } from './DefaultValues';

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly dryRun: boolean; readonly progress: ImportProgress | null }
  | { readonly kind: 'cancelled' };

/**
 * `/o/:object/import`: the CSV import wizard — choose a file, map its columns (matched by name), check it (a dry
 * run on the server that reports every bad row and every value that matches nothing), explain those values, then
 * import with a progress bar; cancelling leaves nothing behind. The file itself is only read by the server.
 */
export default function ImportPage() {
  const { t, i18n } = useTranslation();
  const { object: objectName = '' } = useParams();
  const { model, fetching, error } = useWorkspaceModel();
  const object = model?.object(objectName);
  const fields = useMemo(() => (object ? importableFields(object) : []), [object]);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping[]>([]);
  const [matchOn, setMatchOn] = useState<string[]>([]);
  const [defaults, setDefaults] = useState<DefaultValue[]>([]);
  const [step, setStep] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [final, setFinal] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const abort = useRef<AbortController | null>(null);
  const n = (value: number) => formatNumber(value, i18n.language);

  if (!model || !object) return <QueryState fetching={fetching} error={error} />;

  const estimatedRows = file && preview ? estimateRows(file, preview) : 0;
  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setFileError(null);
    setCheck(null);
    setFinal(null);
    setProblem(null);
    if (!chosen) return;
    const read = await previewCsv(chosen);
    if ('error' in read) return setFileError(read.error);
    setPreview(read);
    setMapping(initialMapping(read.header, read.rows, fields, i18n.language, 'USD'));
    setMatchOn([]);
    setDefaults([]);
    setStep(1);
  };
  const send = async (dryRun: boolean, onError: 'all' | 'skipInvalid', columns = mapping) => {
    if (!file) return;
    const controller = new AbortController();
    abort.current = controller;
    setProblem(null);
    setPhase({ kind: 'running', dryRun, progress: null });
    const outcome = await runImport(
      object.pluralName,
      file,
      {
        columns: columns.filter((c) => c.field),
        matchOn,
        defaults: Object.fromEntries(defaults.filter((d) => d.field && d.value).map((d) => [d.field, d.value])),
        dryRun,
        onError,
      },
      (progress) => setPhase({ kind: 'running', dryRun, progress }),
      controller.signal,
    );
    abort.current = null;
    if (outcome.kind === 'cancelled') return setPhase({ kind: 'cancelled' });
    setPhase({ kind: 'idle' });
    if (outcome.kind === 'refused') return setProblem(outcome.problem);
    if (dryRun) {
      setCheck(outcome.result);
      setStep(2);
    } else {
      setFinal(outcome.result);
      setStep(3);
    }
  };
  const fix = (column: string, text: string, value: string | null | undefined) =>
    setMapping((current) =>
      current.map((m) => {
        if (m.column !== column) return m;
        const values = { ...(m.values ?? {}) };
        if (value === undefined) delete values[text];
        else values[text] = value;
        return { ...m, values };
      }),
    );
  // Problems the server found in the mapping itself, shown on the column they are about.
  const mappingProblems = new Map<number, string>();
  const defaultProblems = new Map<string, string>();
  const sent = mapping.filter((c) => c.field);
  for (const p of problem?.problems ?? []) {
    const fieldName = /^defaults\.(\w+)/.exec(p.path)?.[1];
    if (fieldName) defaultProblems.set(fieldName, p.message);
    const index = /^columns\[(\d+)\]/.exec(p.path)?.[1];
    if (index !== undefined) {
      const column = sent[Number(index)];
      if (column) mappingProblems.set(mapping.indexOf(column), p.message);
    }
  }
  const running = phase.kind === 'running' ? phase : null;

  return (
    <Stack maw={1100}>
      <PageTitle text={t('import.title', { objects: object.labelPlural })} />
      <Stepper active={step} onStepClick={(s) => !running && s < step && setStep(s)} size="sm">
        <Stepper.Step label={t('import.steps.file')}>
          <Stack maw={560}>
            <FileInput
              label={t('import.file.label')}
              placeholder={t('import.file.placeholder')}
              description={t('import.file.hint')}
              accept=".csv,text/csv"
              value={file}
              onChange={(chosen) => void choose(chosen)}
              error={fileError}
              clearable
              data-testid="import-file"
            />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.columns')}>
          {preview && (
            <MappingStep
              header={preview.header}
              rows={preview.rows}
              fields={fields}
              mapping={mapping}
              matchOn={matchOn}
              problems={mappingProblems}
              onChange={setMapping}
              onMatchOnChange={setMatchOn}
              defaults={defaults}
              defaultProblems={defaultProblems}
              onDefaultsChange={setDefaults}
              onCheck={() => void send(true, 'all')}
              busy={running !== null}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.check')}>
          {check && file && (
            <CheckStep
              model={model}
              object={object.name}
              fields={fields}
              mapping={mapping}
              result={check}
              fileName={file.name}
              onFix={fix}
              onCheckAgain={() => void send(true, 'all')}
              onBack={() => setStep(1)}
              onImport={(skipInvalid) => void send(false, skipInvalid ? 'skipInvalid' : 'all')}
              busy={running !== null}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('import.steps.import')}>
          {final && (
            <Stack data-testid="import-done">
              <Alert color={final.committed ? 'green' : 'red'}>
                {final.committed
                  ? t('import.run.done', { count: n(final.rowsWritten), objects: object.labelPlural })
                  : t('import.run.refusedAll', { count: n(final.rowsWithErrors) })}
                {final.committed && final.rowsWithErrors > 0 && (
                  <Text size="sm">{t('import.run.skipped', { count: n(final.rowsWithErrors) })}</Text>
                )}
              </Alert>
              <Group>
                <Button component={Link} to={`/o/${object.name}`}>
                  {t('import.run.open', { objects: object.labelPlural })}
                </Button>
                {final.errors.length > 0 && file && (
                  <Button
                    variant="default"
                    onClick={() =>
                      downloadText(errorReportCsv(final.errors), `${file.name.replace(/\.csv$/i, '')}-errors.csv`)
                    }
                  >
                    {t('import.check.report')}
                  </Button>
                )}
                <Anchor component="button" onClick={() => void choose(null).then(() => setStep(0))}>
                  {t('import.run.another')}
                </Anchor>
              </Group>
            </Stack>
          )}
        </Stepper.Step>
      </Stepper>
      {running && (
        <Stack gap={4} data-testid="import-progress">
          <Text size="sm">
            {running.dryRun
              ? t('import.check.running', { rows: n(running.progress?.rowsRead ?? 0) })
              : t('import.run.running', {
                  rows: n(running.progress?.rowsRead ?? 0),
                  total: n(check?.rowsRead ?? estimatedRows),
                })}
          </Text>
          <Group>
            <Progress
              flex={1}
              animated
              value={Math.min(
                100,
                (100 * (running.progress?.rowsRead ?? 0)) / Math.max(1, check?.rowsRead ?? estimatedRows),
              )}
              aria-label={t('import.steps.import')}
            />
            <Button variant="default" size="xs" onClick={() => abort.current?.abort()} data-testid="import-cancel">
              {t('import.run.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
      {phase.kind === 'cancelled' && <Alert color="gray">{t('import.run.cancelled')}</Alert>}
      {problem && (
        <Alert color="red" title={t('import.refused')} data-testid="import-problem">
          {problem.message}
        </Alert>
      )}
    </Stack>
  );
}

/** Rows in the whole file, judged from the preview's bytes per row (for the progress bar of the first check). */
function estimateRows(file: File, preview: CsvPreview): number {
  const sampleBytes = preview.rows.reduce((sum, row) => sum + row.join(',').length + 1, 0);
  if (preview.rows.length === 0 || sampleBytes === 0) return 0;
  return Math.max(preview.rows.length, Math.round((file.size / sampleBytes) * preview.rows.length));
}
