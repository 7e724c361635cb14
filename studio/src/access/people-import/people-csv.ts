import Papa from 'papaparse';
import { matchKey } from '../../workspace/import/auto-map';

/** What a column of a people file can fill. */
export const PERSON_COLUMNS = ['name', 'email', 'roles', 'manager', 'team'] as const;
export type PersonColumn = (typeof PERSON_COLUMNS)[number];

export interface PeopleFile {
  readonly header: readonly string[];
  /** Every row of the file (people files are small: the whole file is read in the browser). */
  readonly rows: readonly (readonly string[])[];
}

/** A person as `importPeople` takes it: the cells of the mapped columns. */
export interface PersonRow {
  name?: string;
  email?: string;
  roles?: string[];
  manager?: string;
  team?: string;
}

/** At most this many people per import (the server refuses more). */
export const MAX_PEOPLE = 10_000;

/** Reads a whole CSV (delimiter detected, BOM dropped); a file without a header is an error the page shows. */
export async function readPeopleFile(file: File): Promise<PeopleFile | { readonly error: string }> {
  const text = (await file.text()).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  if (!header || header.every((cell) => cell.trim() === ''))
    return { error: parsed.errors[0]?.message ?? 'The file is empty: its first line must name the columns' };
  return { header: header.map((h) => h.trim()), rows };
}

/** Headers people files use for each column, as match keys (`matchKey`), English and the studio's languages. */
const SYNONYMS: Record<PersonColumn, readonly string[]> = {
  name: [
    'name',
    'full name',
    'person',
    'user',
    'employee',
    'agent',
    'sales agent',
    'sales rep',
    'rep',
    'member',
    'display name',
    'имя',
    'фио',
    'сотрудник',
    'სახელი',
    'аты',
    'ism',
    'dzina',
  ],
  email: ['email', 'e-mail', 'mail', 'email address', 'work email', 'login', 'почта', 'электронная почта', 'ელფოსტა'],
  roles: ['role', 'roles', 'access', 'permissions', 'роль', 'роли', 'როლი', 'рөл', 'rol'],
  manager: [
    'manager',
    'reports to',
    'supervisor',
    'boss',
    'lead',
    'team lead',
    'line manager',
    'руководитель',
    'менеджер',
    'начальник',
    'მენეჯერი',
    'басшы',
    'rahbar',
  ],
  team: ['team', 'group', 'department', 'squad', 'команда', 'отдел', 'გუნდი', 'топ', 'jamoa', 'gulu'],
};

const KEYS = new Map<string, PersonColumn>(
  PERSON_COLUMNS.flatMap((column) => SYNONYMS[column].map((s) => [matchKey(s), column] as const)),
);

/**
 * Which column of the file fills what, by header (`sales_agent` → name, `Reports to` → manager); a target is
 * given to the first column that matches it, the others are not imported.
 */
export function autoMapPeople(header: readonly string[]): (PersonColumn | undefined)[] {
  const taken = new Set<PersonColumn>();
  return header.map((column) => {
    const target = KEYS.get(matchKey(column));
    if (!target || taken.has(target)) return undefined;
    taken.add(target);
    return target;
  });
}

/**
 * The rows to send: each mapped cell, trimmed; roles split on commas or semicolons, a role's label read as its
 * name (`roleNames`: match key of a label or name → name; anything else goes as written, for the server to report).
 */
export function personRows(
  file: PeopleFile,
  mapping: readonly (PersonColumn | undefined)[],
  roleNames: ReadonlyMap<string, string> = new Map(),
): PersonRow[] {
  return file.rows.map((cells) => {
    const row: PersonRow = {};
    mapping.forEach((target, i) => {
      const text = (cells[i] ?? '').trim();
      if (!target || !text) return;
      if (target === 'roles')
        row.roles = text
          .split(/[,;]/)
          .map((r) => r.trim())
          .filter(Boolean)
          .map((r) => roleNames.get(matchKey(r)) ?? r);
      else row[target] = text;
    });
    return row;
  });
}
