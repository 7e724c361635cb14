import { Badge, Code, Group, Loader, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { graphql } from '../gql';
import type { CheckFormulaQuery } from '../gql/graphql';
import { messagesAt, type Problem } from '../graphql/problems';
import { CurrencySelect } from './CurrencySelect';
import { RESULT_TYPES } from './field-types';

const CheckFormulaDocument = graphql(`
  query CheckFormula($object: String!, $expression: String!, $resultType: String, $currency: String, $field: String) {
    checkFormula(
      object: $object
      expression: $expression
      resultType: $resultType
      currency: $currency
      field: $field
    ) {
      ok
      type
      problems {
        path
        message
        position
      }
    }
  }
`);

type Check = CheckFormulaQuery['checkFormula'];

/** The line of `text` holding `position`, and a caret under it: where the problem is. */
function pointAt(text: string, position: number): string {
  const start = text.lastIndexOf('\n', position - 1) + 1;
  const end = text.indexOf('\n', position);
  const line = text.slice(start, end < 0 ? undefined : end);
  return `${line}\n${' '.repeat(position - start)}^`;
}

/**
 * A formula's expression, checked by the server as it is typed (300 ms after the last key): the problem with
 * where it is, or the type of the result. The result type and currency are optional; the server infers them.
 */
export function FormulaEditor(props: {
  object: string;
  /** The field being edited (so a formula that reads itself is reported as a cycle); undefined for a new one. */
  field: string | undefined;
  expression: string;
  resultType: string | undefined;
  currency: string | undefined;
  onChange: (patch: { expression?: string; resultType?: string | undefined; currency?: string | undefined }) => void;
  problems: readonly Problem[];
}) {
  const { t } = useTranslation();
  const client = useClient();
  // The draft as one string, so the debounce compares values (an object would be new on every render).
  const typed = JSON.stringify({
    expression: props.expression,
    resultType: props.resultType,
    currency: props.currency,
  });
  const [key] = useDebouncedValue(typed, 300);
  const [check, setCheck] = useState<{ for: string; result: Check } | null>(null);
  const { object, field } = props;

  useEffect(() => {
    const debounced = JSON.parse(key) as { expression: string; resultType?: string; currency?: string };
    if (!debounced.expression.trim()) {
      setCheck(null);
      return;
    }
    let current = true;
    void client
      .query(
        CheckFormulaDocument,
        {
          object,
          expression: debounced.expression,
          resultType: debounced.resultType ?? null,
          currency: debounced.currency ?? null,
          field: field ?? null,
        },
        { requestPolicy: 'network-only' },
      )
      .toPromise()
      .then((answer) => {
        if (!current) return;
        if (answer.data) setCheck({ for: key, result: answer.data.checkFormula });
        else if (answer.error) {
          const problem = { path: 'expression', message: answer.error.message, position: null };
          setCheck({ for: key, result: { ok: false, type: null, problems: [problem] } });
        }
      });
    return () => {
      current = false;
    };
  }, [client, object, field, key]);

  const checking = props.expression.trim() !== '' && check?.for !== typed;
  const result = check?.for === key ? check.result : null;
  const expressionProblem = result?.problems.find((p) => p.path === 'expression');
  const keyProblem = (path: string) => result?.problems.find((p) => p.path === path)?.message;
  return (
    <Stack gap="xs">
      <Textarea
        label={t('objects.field.expression')}
        description={t('objects.field.expressionHint')}
        name="expression"
        required
        autosize
        minRows={2}
        value={props.expression}
        onChange={(e) => props.onChange({ expression: e.currentTarget.value })}
        error={expressionProblem?.message ?? messagesAt(props.problems, 'input.expression')}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        spellCheck={false}
      />
      <Group gap="xs" aria-live="polite" mih={24}>
        {checking && (
          <>
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('objects.field.checking')}
            </Text>
          </>
        )}
        {!checking && result?.ok && (
          <Text size="sm" data-testid="formula-result">
            {t('objects.field.formulaOk')}{' '}
            <Badge variant="light" color="green">
              {t(`objects.field.resultTypes.${result.type ?? 'number'}`)}
            </Badge>
          </Text>
        )}
      </Group>
      {!checking && expressionProblem && typeof expressionProblem.position === 'number' && (
        <Code block aria-label={t('objects.field.problemAt', { position: expressionProblem.position })}>
          {pointAt(props.expression, expressionProblem.position)}
        </Code>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('objects.field.resultType')}
          description={t('objects.field.resultTypeHint')}
          placeholder={t('objects.field.resultAuto')}
          data={RESULT_TYPES.map((type) => ({ value: type, label: t(`objects.field.resultTypes.${type}`) }))}
          value={props.resultType ?? null}
          onChange={(value) => props.onChange({ resultType: value ?? undefined })}
          clearable
          error={keyProblem('resultType') ?? messagesAt(props.problems, 'input.resultType')}
          comboboxProps={{ withinPortal: true }}
        />
        <CurrencySelect
          label={t('objects.field.currency')}
          description={t('objects.field.formulaCurrencyHint')}
          value={props.currency}
          onChange={(currency) => props.onChange({ currency })}
          error={keyProblem('currency') ?? messagesAt(props.problems, 'input.currency')}
        />
      </SimpleGrid>
    </Stack>
  );
}
