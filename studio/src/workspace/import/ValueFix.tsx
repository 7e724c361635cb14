import { Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { localized } from '../../components/localized';
import { listQuery, recordTitle, relationTarget, type WorkspaceField } from '../record-api';
import type { WorkspaceModel } from '../use-workspace-model';

interface Props {
  readonly model: WorkspaceModel;
  /** The object being imported (its pipelines label its stage field's options). */
  readonly object: string;
  readonly field: WorkspaceField;
  readonly text: string;
  /** The fix chosen so far: an option's value, a record id, a user's name or email, null (empty), or none. */
  readonly value: string | null | undefined;
  readonly onChange: (value: string | null | undefined) => void;
}

const EMPTY = '\u0000empty';

/**
 * What one unmatched cell text means: an option of a select field, a related record found by search, or (for
 * users) a name or email the server looks up; "leave empty" is always offered.
 */
export function ValueFix(props: Props) {
  const { t, i18n } = useTranslation();
  const label = `${props.field.label}: ${props.text}`;
  if (props.field.name === 'owner' || relationTarget(props.field) === 'user') {
    return (
      <TextInput
        aria-label={label}
        placeholder={t('import.check.ownerHint')}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.currentTarget.value || undefined)}
      />
    );
  }
  const options = (props.field.settings as { options?: unknown[] } | null)?.options;
  if (options) {
    // A pipeline's stages name the options of its field (the stage field's options are bare values).
    const stages = props.model.pipelines.find((p) => p.object === props.object && p.field === props.field.name)?.stages;
    const data = options.map((o) => {
      const option = typeof o === 'string' ? { value: o } : (o as { value: string; label?: unknown });
      const stage = stages?.find((s) => s.name === option.value);
      return { value: option.value, label: stage?.label ?? localized(option.label, i18n.language, option.value) };
    });
    return (
      <Select
        aria-label={label}
        data={[{ value: EMPTY, label: t('import.check.empty') }, ...data]}
        value={props.value === null ? EMPTY : (props.value ?? null)}
        searchable
        onChange={(value) => props.onChange(value === EMPTY ? null : (value ?? undefined))}
      />
    );
  }
  return <RecordFix {...props} label={label} />;
}

function RecordFix(props: Props & { readonly label: string }) {
  const { t } = useTranslation();
  const target = props.model.object(relationTarget(props.field) ?? '');
  const [search, setSearch] = useState(props.text);
  const [debounced] = useDebouncedValue(search, 250);
  const title = target?.titleField;
  const [{ data }] = useQuery<Record<string, { edges: { node: Record<string, unknown> & { id: string } }[] }>>({
    query: target ? listQuery(target, title ? `id ${title}` : 'id') : '{ __typename }',
    variables: { first: 20, search: debounced || null },
    pause: !target,
  });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = useMemo(() => {
    const found = target
      ? (data?.[target.api.many]?.edges ?? []).map(({ node }) => ({ value: node.id, label: recordTitle(target, node) }))
      : [];
    const all = [{ value: EMPTY, label: t('import.check.empty') }, ...(chosen ? [chosen] : []), ...found];
    return [...new Map(all.map((o) => [o.value, o])).values()];
  }, [data, target, chosen, t]);
  return (
    <Select
      aria-label={props.label}
      placeholder={t('import.check.search')}
      data={options}
      value={props.value === null ? EMPTY : (props.value ?? null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(value, option) => {
        if (value && value !== EMPTY) setChosen({ value, label: option.label });
        props.onChange(value === EMPTY ? null : (value ?? undefined));
      }}
    />
  );
}
