import { Anchor, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { WidgetProps } from '@rjsf/utils';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { listQuery, recordTitle, relationTarget, type WorkspaceObject } from '../../record-api';
import { errorText, FORM_DROPDOWN, widgetField, type RecordFormContext } from './form-context';

interface Option {
  readonly value: string;
  readonly label: string;
}

type Connection = { edges: { node: Record<string, unknown> & { id: string } }[] };

/**
 * A to-one relation: a searchable select over the target object's records (the list query's `search`, on
 * the server, 20 at a time), showing their titles and writing the chosen record's id. The record as last
 * read gives the current value's title, so it shows before anything is searched.
 */
export function RelationWidget(props: WidgetProps) {
  const context = props.registry.formContext as RecordFormContext;
  const field = widgetField(props.options);
  const target = field ? context.model.object(relationTarget(field) ?? '') : undefined;
  if (!field || !target) return <UnsearchableRelation {...props} />;
  return <RelationSelect {...props} target={target} />;
}

function RelationSelect(props: WidgetProps & { target: WorkspaceObject }) {
  const { t } = useTranslation();
  const context = props.registry.formContext as RecordFormContext;
  const field = widgetField(props.options)!;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [opened, setOpened] = useState(false);
  const title = props.target.titleField;
  const [{ data, fetching }] = useQuery<Record<string, Connection>>({
    query: listQuery(props.target, title ? `id ${title}` : 'id'),
    variables: { first: 20, search: debounced || null },
    pause: !opened,
  });
  const current = context.record[field.name] as (Record<string, unknown> & { id: string }) | null | undefined;
  const options = useMemo(() => {
    const found: Option[] = (data?.[props.target.api.many]?.edges ?? []).map(({ node }) => ({
      value: node.id,
      label: recordTitle(props.target, node),
    }));
    const known = current ? [{ value: current.id, label: recordTitle(props.target, current) }] : [];
    const byId = new Map([...known, ...found].map((o) => [o.value, o]));
    return [...byId.values()];
  }, [data, current, props.target]);
  const value = typeof props.value === 'string' ? props.value : null;
  return (
    <Select
      id={props.id}
      label={props.label}
      required={props.required}
      disabled={props.disabled || props.readonly}
      data={options}
      value={value}
      onChange={(id) => props.onChange(id ?? undefined)}
      searchable
      searchValue={opened ? search : undefined}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => (setOpened(false), setSearch(''))}
      // The server searched already: every answer it gave is a match.
      filter={({ options: all }) => all}
      placeholder={t('record.form.search')}
      nothingFoundMessage={fetching ? undefined : t('record.form.nothingFound')}
      clearable={!props.required}
      error={errorText(props.rawErrors)}
      description={
        value ? (
          <Anchor component={Link} to={`/o/${props.target.name}/${value}`} size="xs">
            {options.find((o) => o.value === value)?.label ?? value}
          </Anchor>
        ) : undefined
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      comboboxProps={FORM_DROPDOWN}
    />
  );
}

/** A relation to something the workspace cannot list (users): its title, read-only. */
function UnsearchableRelation(props: WidgetProps) {
  const context = props.registry.formContext as RecordFormContext;
  const field = widgetField(props.options);
  const current = field ? (context.record[field.name] as Record<string, unknown> | null | undefined) : undefined;
  const label = current ? String(current['name'] ?? current['email'] ?? current['id'] ?? '') : '';
  return <TextInput id={props.id} label={props.label} value={label} readOnly variant="filled" />;
}
