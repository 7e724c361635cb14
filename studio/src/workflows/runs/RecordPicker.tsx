import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';

const API_NAME = /^[a-z][a-zA-Z0-9]{0,62}$/;

/**
 * The list query of an object, written at run time: its GraphQL field (`deals`) and title field come from
 * metadata, so no generated document can name them. Both are API names (checked), never user text.
 */
export function recordListQuery(pluralName: string, titleField: string | null): string | null {
  if (!API_NAME.test(pluralName) || (titleField && !API_NAME.test(titleField))) return null;
  const title = titleField && titleField !== 'id' ? ` ${titleField}` : '';
  return `query PickRecords($search: String) { ${pluralName}(first: 20, search: $search) { edges { node { id${title} } } } }`;
}

type ListData = Record<string, { edges: { node: Record<string, unknown> }[] } | undefined>;

/** A searchable select over an object's records, shown by their title field. */
export function RecordPicker(props: {
  label: string;
  pluralName: string;
  titleField: string | null;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const query = recordListQuery(props.pluralName, props.titleField);
  const [{ data, fetching, error }] = useQuery<ListData>({
    query: query ?? '',
    variables: { search: debounced || undefined },
    pause: !query,
  });
  const options = useMemo(
    () =>
      (data?.[props.pluralName]?.edges ?? []).map(({ node }) => {
        const id = String(node.id);
        const title = props.titleField ? node[props.titleField] : undefined;
        return { value: id, label: title ? `${String(title)} (${id.slice(0, 8)})` : id };
      }),
    [data, props.pluralName, props.titleField],
  );
  return (
    <Select
      label={props.label}
      data={options}
      value={props.value}
      onChange={props.onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={fetching ? t('common.loading') : t('flow.test.noRecords')}
      error={error?.message}
      clearable
    />
  );
}
