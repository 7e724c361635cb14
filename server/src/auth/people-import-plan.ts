/**
 * Terminology of the people import. A *row* is one person of the uploaded file, numbered as a spreadsheet shows it
 * (the header is row 1); a *member* is a user who already belongs to the workspace; a *global user* has an account
 * (in another workspace) but no membership here; a *created manager* is someone the file names only as a manager.
 * Planning is pure: it reads what the database holds (members, global users, teams) as plain data and decides
 * who is created, who joins, who is kept and which teams get which lead and members — or which rows are wrong.
 */

/** One row as the client sends it: the cells of the mapped columns. */
export interface PeopleImportRow {
  readonly name?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly roles?: readonly string[] | null | undefined;
  /** The manager's name or email: another row of the file or a member of the workspace. */
  readonly manager?: string | null | undefined;
  readonly team?: string | null | undefined;
}

export interface PeopleImportOptions {
  /** Rows without an email get `firstname.lastname@<emailDomain>`. */
  readonly emailDomain?: string | null | undefined;
  /** Roles of people whose row gives none. */
  readonly roles?: readonly string[] | null | undefined;
  /** Roles added to everyone who manages someone. */
  readonly managerRoles?: readonly string[] | null | undefined;
  /** A manager named in the file who is neither a row nor a member is created too (default true). */
  readonly createManagers?: boolean | null | undefined;
}

export type PeopleImportErrorCode =
  | 'REQUIRED'
  | 'INVALID_VALUE'
  | 'DUPLICATE'
  | 'UNKNOWN_ROLE'
  | 'UNKNOWN_MANAGER'
  | 'AMBIGUOUS_MANAGER'
  | 'SELF_MANAGER'
  | 'TEAM_CONFLICT';

/** One problem of one row, at the column (`name`, `email`, `roles`, `manager`, `team`) that has it. */
export interface PeopleImportError {
  readonly row: number;
  readonly column?: string | undefined;
  readonly value?: string | undefined;
  readonly code: PeopleImportErrorCode;
  readonly message: string;
}

/** Who the database already knows, as the planner needs it. */
export interface KnownPeople {
  /** Members of the workspace. */
  readonly members: readonly { readonly id: string; readonly email: string; readonly name: string }[];
  /** Users with one of the file's (or its managers') emails who are not members of the workspace. */
  readonly globalUsers: readonly { readonly id: string; readonly email: string; readonly name: string }[];
  readonly teams: readonly { readonly id: string; readonly name: string; readonly leadId: string | null }[];
}

/** A person the import makes a member of the workspace: a new account, or an existing user who joins. */
export interface PlannedPerson {
  readonly email: string;
  readonly name: string;
  readonly roles: readonly string[];
  /** Set for a global user who joins the workspace (they keep their account and password). */
  readonly userId?: string | undefined;
}

export interface PlannedTeam {
  readonly name: string;
  /** Set when a team of this name exists: it is updated, not duplicated. */
  readonly id?: string | undefined;
  /** The lead's email (a person of the plan or a member); absent: the lead stays as it is. */
  readonly leadEmail?: string | undefined;
  readonly memberEmails: readonly string[];
}

export interface PeopleImportPlan {
  readonly people: readonly PlannedPerson[];
  /** Emails of rows that are already members: kept as they are. */
  readonly existing: readonly string[];
  readonly teams: readonly PlannedTeam[];
  readonly errors: readonly PeopleImportError[];
}

export const MAX_PEOPLE_ROWS = 10_000;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const MAX_NAME = 200;

export const isEmail = (text: string): boolean => EMAIL.test(text) && text.length <= 254;
export const isEmailDomain = (text: string): boolean => DOMAIN.test(text);

/**
 * The email made for a person the file gives none: `firstname.lastname@domain`, in lowercase ASCII with diacritics
 * stripped (`José Núñez` → `jose.nunez@…`); null when nothing of the name is left (a name in another script).
 *
 * @example generatedEmail('Mei-Mei Johns', 'maven.example') // 'mei-mei.johns@maven.example'
 */
export function generatedEmail(name: string, domain: string): string | null {
  const parts = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/\s+/)
    .map((part) =>
      part
        .replace(/[^a-z0-9-]+/g, '')
        .replace(/^-+|-+$/g, '')
        .replace(/-{2,}/g, '-'),
    )
    .filter(Boolean);
  if (parts.length === 0) return null;
  const local = parts.length === 1 ? parts[0]! : `${parts[0]}.${parts.at(-1)}`;
  return `${local}@${domain}`;
}

const clean = (text: string | null | undefined): string => (text ?? '').trim();
const key = (text: string): string => text.trim().toLowerCase();

interface RowPerson {
  readonly row: number;
  readonly name: string;
  readonly email: string;
  readonly generated: boolean;
  readonly roles: readonly string[] | null;
}

/** Someone a manager value can mean: a row of the file, a member, or a created manager. */
interface Candidate {
  readonly email: string;
  readonly name: string;
}

/**
 * Decides what an import of `rows` does, against what the database already holds. Every problem is reported at
 * its row and column; a plan with errors must not be written (the whole import is refused).
 *
 * @example
 *   planPeopleImport([{ name: 'Anna Snelling', manager: 'Dustin Brinkmann' }], { emailDomain: 'maven.example' },
 *     ['manager'], { members: [], globalUsers: [], teams: [] });
 *   // → two people to create (Dustin as a created manager), one team "Dustin Brinkmann's team"
 */
export function planPeopleImport(
  rows: readonly PeopleImportRow[],
  options: PeopleImportOptions,
  knownRoles: readonly string[],
  known: KnownPeople,
): PeopleImportPlan {
  const errors: PeopleImportError[] = [];
  const fail = (error: PeopleImportError) => errors.push(error);
  const domain = key(options.emailDomain ?? '');
  const createManagers = options.createManagers !== false;
  const members = new Map(known.members.map((m) => [key(m.email), m]));
  const globalUsers = new Map(known.globalUsers.map((u) => [key(u.email), u]));

  // 1. Each row's person: a name, an email (given or generated), known roles; emails unique in the file.
  const people: RowPerson[] = [];
  const rowOfEmail = new Map<string, number>();
  rows.forEach((input, i) => {
    const row = i + 2;
    const name = clean(input.name);
    const given = key(input.email ?? '');
    let ok = true;
    if (!name) {
      fail({ row, column: 'name', code: 'REQUIRED', message: 'has no name' });
      ok = false;
    } else if (name.length > MAX_NAME) {
      fail({
        row,
        column: 'name',
        value: name,
        code: 'INVALID_VALUE',
        message: `is longer than ${MAX_NAME} characters`,
      });
      ok = false;
    }
    const roles = input.roles?.map((r) => r.trim()).filter(Boolean) ?? [];
    for (const role of roles) {
      if (knownRoles.includes(role)) continue;
      fail({ row, column: 'roles', value: role, code: 'UNKNOWN_ROLE', message: `unknown role "${role}"` });
      ok = false;
    }
    let email: string | null = null;
    if (given) {
      if (isEmail(given)) email = given;
      else
        fail({ row, column: 'email', value: input.email!.trim(), code: 'INVALID_VALUE', message: 'is not an email' });
    } else if (!name) {
      // Reported above: no name, so no email can be made either.
    } else if (!domain) {
      fail({
        row,
        column: 'email',
        code: 'REQUIRED',
        message: 'has no email, and no email domain was given to make one',
      });
    } else {
      email = generatedEmail(name, domain);
      if (!email)
        fail({
          row,
          column: 'name',
          value: name,
          code: 'INVALID_VALUE',
          message: 'no email can be made from this name: give the row an email',
        });
    }
    if (!email) return;
    const earlier = rowOfEmail.get(email);
    if (earlier !== undefined) {
      fail({
        row,
        column: given ? 'email' : 'name',
        value: given ? email : name,
        code: 'DUPLICATE',
        message: given
          ? `the email ${email} is already row ${earlier}'s`
          : `the email made for this row, ${email}, is already row ${earlier}'s: give the row an email`,
      });
      return;
    }
    rowOfEmail.set(email, row);
    // A made email that belongs to someone else (another name) is a collision, not the same person.
    const owner = members.get(email) ?? globalUsers.get(email);
    if (!given && owner && key(owner.name) !== key(name)) {
      fail({
        row,
        column: 'name',
        value: name,
        code: 'DUPLICATE',
        message: `the email made for this row, ${email}, belongs to ${owner.name || 'another user'}: give the row an email`,
      });
      return;
    }
    if (ok) people.push({ row, name, email, generated: !given, roles: roles.length ? roles : null });
  });

  // 2. Who a manager value means: a row or a member, by email or by name; otherwise a created manager.
  const byEmail = new Map<string, Candidate>();
  const byName = new Map<string, Map<string, Candidate>>();
  const index = (candidate: Candidate) => {
    if (byEmail.has(candidate.email)) return;
    byEmail.set(candidate.email, candidate);
    if (!candidate.name) return;
    const named = byName.get(key(candidate.name)) ?? new Map<string, Candidate>();
    named.set(candidate.email, candidate);
    byName.set(key(candidate.name), named);
  };
  people.forEach(index);
  known.members.forEach((m) => index({ email: key(m.email), name: m.name }));
  const created = new Map<string, PlannedPerson>();
  const managerOf = new Map<number, Candidate>();
  const personOf = new Map(people.map((p) => [p.row, p]));
  rows.forEach((input, i) => {
    const row = i + 2;
    const value = clean(input.manager);
    if (!value) return;
    const self = personOf.get(row);
    let manager: Candidate | undefined = byEmail.get(key(value)) ?? created.get(key(value));
    const named = manager ? undefined : byName.get(key(value));
    if (named && named.size > 1) {
      const emails = [...named.keys()].join(', ');
      return fail({
        row,
        column: 'manager',
        value,
        code: 'AMBIGUOUS_MANAGER',
        message: `"${value}" names several people (${emails}): use an email`,
      });
    }
    if (named) manager = [...named.values()][0];
    if (!manager) {
      if (!createManagers)
        return fail({
          row,
          column: 'manager',
          value,
          code: 'UNKNOWN_MANAGER',
          message: `"${value}" is neither a row of the file nor a member of the workspace`,
        });
      const made = plannedManager(value, domain, members, globalUsers, byEmail);
      if (typeof made === 'string')
        return fail({ row, column: 'manager', value, code: 'INVALID_VALUE', message: made });
      manager = made;
      created.set(key(value), made);
      created.set(made.email, made);
    }
    if (self && manager.email === self.email)
      return fail({ row, column: 'manager', value, code: 'SELF_MANAGER', message: 'names the person themselves' });
    managerOf.set(row, manager);
  });

  // 3. Teams: each manager leads one team of the rows naming them, named by the rows' `team` or after the lead.
  const teams = planTeams(rows, people, managerOf, known, fail);
  const leads = new Set(teams.map((t) => t.leadEmail).filter(Boolean));

  // 4. Who is written: new accounts and joining users with their roles; members are kept as they are.
  const defaults = options.roles ?? [];
  const managerRoles = options.managerRoles ?? [];
  const rolesOf = (email: string, own: readonly string[] | null) => {
    const roles = new Set([...(own ?? defaults)]);
    if (leads.has(email)) managerRoles.forEach((r) => roles.add(r));
    return [...roles];
  };
  const planned: PlannedPerson[] = [];
  const existing: string[] = [];
  for (const person of people) {
    if (members.has(person.email)) existing.push(person.email);
    else
      planned.push({
        email: person.email,
        name: person.name,
        roles: rolesOf(person.email, person.roles),
        userId: globalUsers.get(person.email)?.id,
      });
  }
  for (const [k, manager] of created) {
    if (k !== manager.email) continue;
    planned.push({ ...manager, roles: rolesOf(manager.email, null) });
  }
  errors.sort((a, b) => a.row - b.row);
  return { people: planned, existing, teams, errors };
}

/** A manager the file names only in the manager column: by email, or by name with a made email. */
function plannedManager(
  value: string,
  domain: string,
  members: ReadonlyMap<string, { readonly name: string }>,
  globalUsers: ReadonlyMap<string, { readonly id: string; readonly name: string }>,
  rowsAndMembers: ReadonlyMap<string, Candidate>,
): PlannedPerson | string {
  const asEmail = isEmail(key(value));
  if (!asEmail && !domain) return `"${value}" is not a member: give an email domain to create them, or an email`;
  const email = asEmail ? key(value) : generatedEmail(value, domain);
  if (!email) return `no email can be made from "${value}": give the manager a row with an email`;
  const owner = rowsAndMembers.get(email) ?? members.get(email);
  if (owner) return `the email made for "${value}", ${email}, belongs to ${owner.name || 'another person'}`;
  const user = globalUsers.get(email);
  if (user && !asEmail && key(user.name) !== key(value))
    return `the email made for "${value}", ${email}, belongs to ${user.name || 'another user'}`;
  return { email, name: asEmail ? (user?.name ?? '') : value, roles: [], userId: user?.id };
}

function planTeams(
  rows: readonly PeopleImportRow[],
  people: readonly RowPerson[],
  managerOf: ReadonlyMap<number, Candidate>,
  known: KnownPeople,
  fail: (error: PeopleImportError) => void,
): PlannedTeam[] {
  const personOf = new Map(people.map((p) => [p.row, p]));
  // The team each manager leads (by the first row naming them with a team) and the manager of each named team.
  const teamOfManager = new Map<string, { name: string; row: number }>();
  const managerOfTeam = new Map<string, { manager: Candidate; row: number }>();
  rows.forEach((input, i) => {
    const row = i + 2;
    const team = clean(input.team);
    const manager = managerOf.get(row);
    if (!team || !manager) return;
    const led = teamOfManager.get(manager.email);
    const lead = managerOfTeam.get(key(team));
    if (led && key(led.name) !== key(team))
      return fail({
        row,
        column: 'team',
        value: team,
        code: 'TEAM_CONFLICT',
        message: `${manager.name || manager.email} already leads "${led.name}" (row ${led.row}): a manager leads one team`,
      });
    if (lead && lead.manager.email !== manager.email)
      return fail({
        row,
        column: 'team',
        value: team,
        code: 'TEAM_CONFLICT',
        message: `"${team}" is led by ${lead.manager.name || lead.manager.email} (row ${lead.row}): all of a team's rows name the same manager`,
      });
    teamOfManager.set(manager.email, led ?? { name: team, row });
    managerOfTeam.set(key(team), lead ?? { manager, row });
  });
  const existing = new Map(known.teams.map((t) => [key(t.name), t]));
  const teams = new Map<string, { name: string; leadEmail?: string; members: Set<string> }>();
  const join = (name: string, email: string, leadEmail: string | undefined) => {
    const k = key(name);
    const team = teams.get(k) ?? { name: existing.get(k)?.name ?? name, members: new Set<string>() };
    if (leadEmail) team.leadEmail = leadEmail;
    team.members.add(email);
    teams.set(k, team);
  };
  rows.forEach((input, i) => {
    const row = i + 2;
    const person = personOf.get(row);
    if (!person) return;
    const manager = managerOf.get(row);
    const team = clean(input.team);
    if (manager) {
      const name = teamOfManager.get(manager.email)?.name ?? `${manager.name || manager.email}'s team`;
      const lead = managerOfTeam.get(key(name))?.manager;
      if (lead && lead.email !== manager.email)
        return fail({
          row,
          column: 'manager',
          value: clean(input.manager),
          code: 'TEAM_CONFLICT',
          message: `"${name}" is led by ${lead.name || lead.email}: all of a team's rows name the same manager`,
        });
      join(name, person.email, manager.email);
    } else if (team) join(team, person.email, managerOfTeam.get(key(team))?.manager.email);
  });
  return [...teams].map(([k, team]) => ({
    name: team.name,
    id: existing.get(k)?.id,
    leadEmail: team.leadEmail,
    memberEmails: [...team.members],
  }));
}
