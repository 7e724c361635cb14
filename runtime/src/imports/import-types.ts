/**
 * Terminology of imports. A *source row* is one line of the uploaded file (numbered from 1 after the header, as a
 * spreadsheet shows it, minus the header line); a *column* is one of its cells by header; a *mapping* says which field
 * each column fills and how its text is read; a *value fix* replaces a cell's text the file got wrong (a typo in an
 * option, a company spelled differently) with what the CRM knows.
 */

/** How dates are written in a column: the order of day, month and year (any separator, one- or two-digit parts). */
export type DateOrder = 'YMD' | 'MDY' | 'DMY';
export const DATE_ORDERS: readonly DateOrder[] = ['YMD', 'MDY', 'DMY'];

export interface ColumnMapping {
  /** The header of the column in the file. */
  readonly column: string;
  /** The field the column fills (`owner` for the record's owner); absent: the column is not imported. */
  readonly field?: string | undefined;
  /** For date and datetime fields (default YMD, i.e. ISO 8601). */
  readonly dateOrder?: DateOrder | undefined;
  /** For currency fields whose cells hold bare amounts. */
  readonly currency?: string | undefined;
  /**
   * Cell text → what to use instead: an option's value, a related record's id or title, or null to leave the
   * field empty. Applied before anything else reads the cell.
   */
  readonly values?: Readonly<Record<string, string | null>> | undefined;
}

export interface ImportOptions {
  readonly columns: readonly ColumnMapping[];
  /**
   * Fields whose value must not repeat: a row is refused when another row of the file or an existing record has the
   * same value. Unique fields are always checked.
   */
  readonly matchOn?: readonly string[] | undefined;
  /**
   * Field → text every row gets where it gives the field no value (no column fills it, or the cell is empty), read
   * like a cell of that field: a lost reason the old system never asked for, a source for the whole file.
   */
  readonly defaults?: Readonly<Record<string, string>> | undefined;
  /**
   * Dry run: every row is converted, checked and written inside a transaction that is then rolled back, so the
   * report covers everything a real import would refuse (validation rules, permissions, constraints).
   */
  readonly dryRun?: boolean | undefined;
  /**
   * What a real import does with rows that have errors: `all` (default) writes nothing unless every row is good;
   * `skipInvalid` writes the good rows and reports the others.
   */
  readonly onError?: 'all' | 'skipInvalid' | undefined;
}

export type RowErrorCode =
  | 'INVALID_VALUE'
  | 'UNKNOWN_OPTION'
  | 'UNKNOWN_RECORD'
  | 'AMBIGUOUS_RECORD'
  | 'DUPLICATE'
  | 'REQUIRED'
  | 'REFUSED'
  | 'MALFORMED_ROW';

/** One problem of one source row, at the column that has it (absent when the row as a whole is wrong). */
export interface RowError {
  readonly row: number;
  readonly column?: string | undefined;
  readonly field?: string | undefined;
  readonly value?: string | undefined;
  readonly code: RowErrorCode;
  readonly message: string;
}

/** Cell texts that matched no option or record, per column, with how many rows have each: the wizard fixes them. */
export type UnmatchedValues = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface ImportProgress {
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly rowsWithErrors: number;
}

export interface ImportResult extends ImportProgress {
  readonly dryRun: boolean;
  /** True when the records are in the database (a real import that was not refused as a whole). */
  readonly committed: boolean;
  /** The first errors, row by row (at most `MAX_REPORTED_ERRORS`); `rowsWithErrors` counts them all. */
  readonly errors: readonly RowError[];
  readonly errorsTruncated: boolean;
  readonly unmatched: UnmatchedValues;
}

export const MAX_REPORTED_ERRORS = 10_000;
