import { Table } from '@mantine/core';

export interface RowProblem {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  readonly row: number;
  readonly column?: string | null | undefined;
  readonly value?: string | null | undefined;
  readonly message: string;
}

/** A check's rows with errors — row, column, value, problem — scrolling under a sticky header. */
export function RowErrorsTable(props: {
  readonly errors: readonly RowProblem[];
  /** The column headers, in the user's language. */
  readonly headers: { readonly row: string; readonly column: string; readonly value: string; readonly problem: string };
  readonly label?: string | undefined;
  readonly maxHeight: number;
  readonly testId: string;
}) {
  const { headers } = props;
  return (
    <Table.ScrollContainer minWidth={600} mah={props.maxHeight}>
      <Table verticalSpacing={2} stickyHeader data-testid={props.testId} aria-label={props.label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{headers.row}</Table.Th>
            <Table.Th>{headers.column}</Table.Th>
            <Table.Th>{headers.value}</Table.Th>
            <Table.Th>{headers.problem}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.errors.map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td>{e.column ?? ''}</Table.Td>
              <Table.Td>{e.value ?? ''}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
