import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  Input,
  JsonInput,
  Loader,
  Radio,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldTypes } from '../designer/use-field-types';
import { ClauseValueInput } from './ClauseValueInput';
import {
  EMPTY_CLAUSES,
  readClauses,
  writeClauses,
  type Clause,
  type ClauseList,
  type Join,
  type FieldOperators,
  type Operator,
} from './condition-clauses';
import { operatorsByType, operatorsForType, valueEditor, type OperatorsByType } from './condition-operators';

export interface ConditionField {
  name: string;
  label: string;
  type: string;
  options?: { value: string; label: string }[];
}

export interface ConditionBuilderProps {
  /** The object's fields (type = Stratum field type: text, number, select, relation, boolean, date, …). */
  fields: ConditionField[];
  /** A condition in the one condition language, mongo spelling. */
  value: Record<string, unknown> | undefined;
  onChange: (value: Record<string, unknown> | undefined) => void;
  /** Offer $user.id, $user.email, $user.teamIds, $user.subordinateIds as values. */
  userValues?: boolean;
  /** Accessible name of the group. */
  label: string;
  error?: string;
}

type Mode = 'clauses' | 'json';

const keyOf = (value: unknown) => JSON.stringify(value ?? null);

/** The operator select's choices: `isNull` is two, "is empty" and "is not empty". */
function operatorChoice(clause: Clause): string {
  return clause.operator === 'isNull' ? (clause.value === false ? 'notNull' : 'isNull') : clause.operator;
}

/** A clause after its field changed: the operator stays when the new field takes it; the value stays with the type. */
function withField(
  clause: Clause,
  field: ConditionField,
  before: ConditionField | undefined,
  operators: readonly Operator[],
): Clause {
  const operator = operators.includes(clause.operator) ? clause.operator : operators[0]!;
  const keep = before?.type === field.type && operator === clause.operator;
  return { field: field.name, operator, value: keep ? clause.value : initialValue(field.type, operator) };
}

/** A switch always shows a value, so a clause starts with the value it shows ("is empty" is `isNull: true`). */
function initialValue(type: string, operator: Operator): unknown {
  if (operator === 'isNull') return true;
  return valueEditor(type, operator) === 'boolean' ? false : undefined;
}

function withOperator(clause: Clause, choice: string, type: string): Clause {
  if (choice === 'isNull' || choice === 'notNull') return { ...clause, operator: 'isNull', value: choice === 'isNull' };
  const operator = choice as Operator;
  const keep = clause.operator !== 'isNull' && valueEditor(type, clause.operator) === valueEditor(type, operator);
  return { ...clause, operator, value: keep ? clause.value : initialValue(type, operator) };
}

/**
 * Edits a condition of the one condition language as clauses "field · operator · value" joined by all or
 * any, writing `{ amount: { $gte: 1000 }, stage: 'won' }` or `{ $or: [...] }`. A condition it cannot show
 * as clauses is edited as JSON instead, whole.
 *
 * @example
 *   <ConditionBuilder label="Only records where" fields={fields} value={rule.conditions} userValues
 *     onChange={(conditions) => setRule({ ...rule, conditions })} />
 */
export function ConditionBuilder(props: ConditionBuilderProps): JSX.Element {
  const fieldTypes = useFieldTypes();
  const table = useMemo(() => operatorsByType(fieldTypes), [fieldTypes]);
  // The clauses are read once the server has said which operators each field type takes.
  if (table.size === 0)
    return (
      <Fieldset legend={props.label} aria-label={props.label} variant="filled" p="sm">
        <Loader size="sm" />
      </Fieldset>
    );
  return <ClauseEditor {...props} table={table} />;
}

function ClauseEditor(props: ConditionBuilderProps & { table: OperatorsByType }): JSX.Element {
  const { t } = useTranslation();
  const operatorsOf = (field: ConditionField) => operatorsForType(props.table, field.type);
  // A field of a type the server lists no operators for cannot be a clause's field.
  const fields = props.fields.filter((f) => operatorsOf(f).length > 0);
  const fieldOperators: FieldOperators = new Map(fields.map((f) => [f.name, operatorsOf(f)]));
  const [seen, setSeen] = useState(() => keyOf(props.value));
  const [list, setList] = useState<ClauseList | undefined>(() => readClauses(props.value, fieldOperators));
  const [mode, setMode] = useState<Mode>(() => (list ? 'clauses' : 'json'));
  const [json, setJson] = useState(() => JSON.stringify(props.value ?? {}, null, 2));
  const [jsonError, setJsonError] = useState(false);

  // A new value from outside (another rule, a re-read after a failed save) replaces the draft.
  const incoming = keyOf(props.value);
  if (incoming !== seen) {
    const read = readClauses(props.value, fieldOperators);
    setSeen(incoming);
    setList(read);
    setJson(JSON.stringify(props.value ?? {}, null, 2));
    setJsonError(false);
    if (!read) setMode('json');
  }

  const emit = (value: Record<string, unknown> | undefined) => {
    setSeen(keyOf(value));
    props.onChange(value);
  };

  const editClauses = (next: ClauseList) => {
    setList(next);
    const written = writeClauses(next);
    setJson(JSON.stringify(written ?? {}, null, 2));
    emit(written);
  };

  const editJson = (text: string) => {
    setJson(text);
    let parsed: unknown;
    try {
      parsed = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      setJsonError(true);
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setJsonError(true);
      return;
    }
    setJsonError(false);
    const value = Object.keys(parsed).length ? (parsed as Record<string, unknown>) : undefined;
    setList(readClauses(value, fieldOperators));
    emit(value);
  };

  const current = list ?? EMPTY_CLAUSES;
  const setClause = (i: number, clause: Clause) =>
    editClauses({ ...current, clauses: current.clauses.map((c, j) => (j === i ? clause : c)) });
  const fieldOf = (name: string) => fields.find((f) => f.name === name);
  const fieldData = fields.map((f) => ({ value: f.name, label: f.label }));

  return (
    <Fieldset legend={props.label} aria-label={props.label} variant="filled" p="sm">
      <Stack gap="sm">
        {mode === 'json' ? (
          <>
            {!list && (
              <Alert color="yellow" role="note" title={t('access.condition.fallbackTitle')}>
                {t('access.condition.fallback')}
              </Alert>
            )}
            <JsonInput
              label={t('access.condition.json')}
              description={t('access.condition.jsonHint')}
              value={json}
              onChange={editJson}
              error={jsonError ? t('access.condition.jsonInvalid') : undefined}
              autosize
              minRows={3}
              spellCheck={false}
            />
          </>
        ) : (
          <>
            {current.clauses.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('access.condition.none')}
              </Text>
            )}
            {current.clauses.length > 1 && (
              <Radio.Group
                label={t('access.condition.match')}
                value={current.join}
                onChange={(join) => editClauses({ ...current, join: join as Join })}
              >
                <Group gap="md" mt={4}>
                  <Radio value="and" label={t('access.condition.all')} />
                  <Radio value="or" label={t('access.condition.any')} />
                </Group>
              </Radio.Group>
            )}
            {current.clauses.map((clause, i) => {
              const field = fieldOf(clause.field);
              const n = i + 1;
              const operators = field ? operatorsOf(field) : [];
              const operatorData = operators.flatMap((op) =>
                op === 'isNull'
                  ? [
                      { value: 'isNull', label: t('access.condition.ops.isNull') },
                      { value: 'notNull', label: t('access.condition.ops.notNull') },
                    ]
                  : [{ value: op, label: t(`access.condition.ops.${op}`) }],
              );
              return (
                <Group
                  key={i}
                  role="group"
                  aria-label={t('access.condition.clause', { n })}
                  align="flex-start"
                  gap="xs"
                  wrap="wrap"
                >
                  <Select
                    label={t('access.condition.field')}
                    placeholder={t('access.condition.chooseField')}
                    data={fieldData}
                    value={clause.field || null}
                    onChange={(name) => {
                      const next = name ? fieldOf(name) : undefined;
                      if (next) setClause(i, withField(clause, next, field, operatorsOf(next)));
                    }}
                    searchable
                    allowDeselect={false}
                    style={{ flex: 1, minWidth: 140 }}
                  />
                  {field && (
                    <Select
                      label={t('access.condition.operator')}
                      data={operatorData}
                      value={operatorChoice(clause)}
                      onChange={(choice) => choice && setClause(i, withOperator(clause, choice, field.type))}
                      allowDeselect={false}
                      style={{ flex: 1, minWidth: 130 }}
                    />
                  )}
                  <ClauseValueInput
                    field={field}
                    clause={clause}
                    userValues={props.userValues ?? false}
                    onChange={(value) => setClause(i, { ...clause, value })}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={26}
                    size="lg"
                    aria-label={t('access.condition.remove', { n })}
                    title={t('access.condition.remove', { n })}
                    onClick={() => editClauses({ ...current, clauses: current.clauses.filter((_, j) => j !== i) })}
                  >
                    ×
                  </ActionIcon>
                </Group>
              );
            })}
          </>
        )}
        <Group gap="xs">
          {mode === 'clauses' && (
            <Button
              variant="light"
              size="xs"
              onClick={() =>
                setList({ ...current, clauses: [...current.clauses, { field: '', operator: 'eq', value: undefined }] })
              }
            >
              {t('access.condition.add')}
            </Button>
          )}
          <Button
            variant="subtle"
            size="xs"
            disabled={mode === 'json' && (!list || jsonError)}
            onClick={() => setMode(mode === 'json' ? 'clauses' : 'json')}
          >
            {mode === 'json' ? t('access.condition.editClauses') : t('access.condition.editJson')}
          </Button>
        </Group>
        {props.error && <Input.Error role="alert">{props.error}</Input.Error>}
      </Stack>
    </Fieldset>
  );
}
