import { Alert, Anchor, Button, FileInput, Group, Stack, Stepper, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { localized } from '../../components/localized';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { problemsOf, type Problem } from '../../graphql/problems';
import { matchKey } from '../../workspace/import/auto-map';
import { formatNumber } from '../../workspace/format';
import { PEOPLE_TYPENAMES } from '../people-types';
import { ADMIN_ROLE } from '../role-draft';
import { PeopleCheckStep, type PeopleImportResult } from './PeopleCheckStep';
import { PeopleColumnsStep, type PeopleImportSettings } from './PeopleColumnsStep';
import {
  MAX_PEOPLE,
  autoMapPeople,
  personRows,
  readPeopleFile,
  type PeopleFile,
  type PersonColumn,
} from './people-csv';

const RolesDocument = graphql(`
  query PeopleImportRoles {
    roles {
      name
      label
    }
  }
`);

const ImportPeopleDocument = graphql(`
  mutation ImportPeople($input: PeopleImportInput!) {
    importPeople(input: $input) {
      dryRun
      committed
      created
      joined
      existing
      teams
      errors {
        row
        column
        value
        code
        message
      }
    }
  }
`);

const NO_SETTINGS: PeopleImportSettings = { emailDomain: '', roles: [], managerRoles: [], createManagers: true };

/**
 * `/people/import`: people from a CSV (an export of another CRM's users, an HR list) — choose the file, say which
 * columns hold names, emails, roles, managers and teams, check it (a dry run listing every bad row), import. The
 * file is small, so the browser reads it whole and sends its rows; the server writes all or nothing.
 */
export default function PeopleImportPage() {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: RolesDocument });
  const [{ fetching: sending }, importPeople] = useMutation(ImportPeopleDocument);
  const [chosen, setChosen] = useState<File | null>(null);
  const [file, setFile] = useState<PeopleFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<(PersonColumn | undefined)[]>([]);
  const [settings, setSettings] = useState<PeopleImportSettings>(NO_SETTINGS);
  const [step, setStep] = useState(0);
  const [check, setCheck] = useState<PeopleImportResult | null>(null);
  const [final, setFinal] = useState<PeopleImportResult | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const n = (value: number) => formatNumber(value, i18n.language);
  const roles = useMemo(
    () => [
      { value: ADMIN_ROLE, label: `${t('access.roles.adminLabel')} (${ADMIN_ROLE})` },
      ...(data?.roles ?? []).map((r) => ({
        value: r.name,
        label: `${localized(r.label, i18n.language, r.name)} (${r.name})`,
      })),
    ],
    [data, i18n.language, t],
  );
  // A roles column may hold labels ("Sales manager") as well as names.
  const roleNames = useMemo(
    () =>
      new Map(
        (data?.roles ?? []).flatMap((r) => [
          [matchKey(r.name), r.name] as const,
          [matchKey(localized(r.label, i18n.language, r.name)), r.name] as const,
        ]),
      ),
    [data, i18n.language],
  );

  if (!data) return <QueryState fetching={fetching} error={error} />;

  const choose = async (picked: File | null) => {
    setChosen(picked);
    setFile(null);
    setFileError(null);
    setCheck(null);
    setFinal(null);
    setProblems([]);
    if (!picked) return;
    const read = await readPeopleFile(picked);
    if ('error' in read) return setFileError(read.error);
    if (read.rows.length > MAX_PEOPLE)
      return setFileError(t('peopleImport.file.tooMany', { count: n(read.rows.length), max: n(MAX_PEOPLE) }));
    setFile(read);
    setMapping(autoMapPeople(read.header));
    setStep(1);
  };
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setProblems([]);
    const result = await importPeople(
      {
        input: {
          rows: personRows(file, mapping, roleNames),
          dryRun,
          emailDomain: settings.emailDomain.trim() || null,
          roles: [...settings.roles],
          managerRoles: [...settings.managerRoles],
          createManagers: settings.createManagers,
        },
      },
      { additionalTypenames: PEOPLE_TYPENAMES },
    );
    if (result.error || !result.data) return setProblems(result.error ? problemsOf(result.error) : []);
    if (dryRun) {
      setCheck(result.data.importPeople);
      setStep(2);
    } else {
      setFinal(result.data.importPeople);
      setStep(3);
    }
  };
  const optionProblems = new Map(problems.filter((p) => p.path).map((p) => [p.path, p.message]));

  return (
    <Stack maw={1100}>
      <PageTitle text={t('peopleImport.title')} />
      <Stepper active={step} onStepClick={(s) => !sending && s < step && setStep(s)} size="sm">
        <Stepper.Step label={t('peopleImport.steps.file')}>
          <Stack maw={560}>
            <FileInput
              label={t('peopleImport.file.label')}
              placeholder={t('peopleImport.file.placeholder')}
              description={t('peopleImport.file.hint')}
              accept=".csv,text/csv"
              value={chosen}
              onChange={(picked) => void choose(picked)}
              error={fileError}
              clearable
              data-testid="people-import-file"
            />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('peopleImport.steps.columns')}>
          {file && (
            <PeopleColumnsStep
              file={file}
              mapping={mapping}
              onMappingChange={setMapping}
              settings={settings}
              onSettingsChange={setSettings}
              roles={roles}
              problems={optionProblems}
              busy={sending}
              onCheck={() => void send(true)}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('peopleImport.steps.check')}>
          {check && file && (
            <PeopleCheckStep
              result={check}
              header={file.header}
              mapping={mapping}
              busy={sending}
              onBack={() => setStep(1)}
              onAnotherFile={() => setStep(0)}
              onImport={() => void send(false)}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('peopleImport.steps.import')}>
          {final && (
            <Stack data-testid="people-import-done">
              <Alert color={final.committed ? 'green' : 'red'}>
                <Text>
                  {final.committed
                    ? t('peopleImport.run.done', {
                        created: n(final.created + final.joined),
                        existing: n(final.existing),
                        teams: n(final.teams),
                      })
                    : t('peopleImport.run.refused', { count: n(new Set(final.errors.map((e) => e.row)).size) })}
                </Text>
                {final.committed && final.created > 0 && <Text size="sm">{t('peopleImport.check.passwords')}</Text>}
              </Alert>
              <Group>
                <Button component={Link} to="/people">
                  {t('peopleImport.run.open')}
                </Button>
                <Anchor component="button" onClick={() => void choose(null).then(() => setStep(0))}>
                  {t('peopleImport.run.another')}
                </Anchor>
              </Group>
            </Stack>
          )}
        </Stepper.Step>
      </Stepper>
      {sending && (
        <Text size="sm" c="dimmed" data-testid="people-import-progress">
          {step < 2 ? t('peopleImport.check.running') : t('peopleImport.run.running')}
        </Text>
      )}
      {problems.length > 0 && (
        <Alert color="red" title={t('peopleImport.refused')} data-testid="people-import-problem">
          {problems.map((p) => p.message).join('; ')}
        </Alert>
      )}
    </Stack>
  );
}
