import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestApi, type TestApi } from '../support/api';

/**
 * `importPeople` through GraphQL: the Maven CRM sales teams (35 agents naming 6 managers who have no row of their
 * own) become 41 users and 6 teams; a dry run writes nothing; every bad row is reported at its row and column and
 * refuses the whole import.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ seed: 'sales-crm' });
});
afterAll(() => api.close());

// Users are global across the test database's workspaces: each run makes its own addresses.
const RUN = randomUUID().slice(0, 8);
const DOMAIN = `${RUN}.maven.example`;
const SALES_TEAMS = path.resolve(__dirname, '../../../shared/datasets/maven-crm/sales_teams.csv');

interface Result {
  dryRun: boolean;
  committed: boolean;
  created: number;
  joined: number;
  existing: number;
  teams: number;
  errors: { row: number; column: string | null; value: string | null; code: string; message: string }[];
}

const IMPORT = `mutation($input: PeopleImportInput!) {
  importPeople(input: $input) { dryRun committed created joined existing teams errors { row column value code message } }
}`;

async function importPeople(input: Record<string, unknown>, token?: string) {
  return api.gql<{ importPeople: Result }>(IMPORT, { input }, token);
}

async function ok(input: Record<string, unknown>): Promise<Result> {
  const { data, errors } = await importPeople(input);
  expect(errors).toBeUndefined();
  return data!.importPeople;
}

interface User {
  id: string;
  email: string;
  name: string;
  roles: string[];
}
interface Team {
  id: string;
  name: string;
  leadId: string | null;
  memberIds: string[];
}

async function people(): Promise<{ users: User[]; teams: Team[] }> {
  const { data, errors } = await api.gql<{ users: User[]; teams: Team[] }>(
    `{ users { id email name roles } teams { id name leadId memberIds } }`,
  );
  expect(errors).toBeUndefined();
  return data!;
}

function mavenRows(): { name: string; manager: string }[] {
  const [, ...lines] = readFileSync(SALES_TEAMS, 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => {
    const [name, manager] = line.split(',');
    return { name: name!, manager: manager! };
  });
}

test('the Maven sales teams: 35 agents and their 6 managers become 41 users and 6 teams; a dry run writes nothing', async () => {
  const rows = mavenRows();
  expect(rows).toHaveLength(35);
  const input = { rows, emailDomain: DOMAIN, roles: ['manager'], managerRoles: ['head'] };
  const before = await people();

  const check = await ok({ ...input, dryRun: true });
  expect(check).toEqual({ dryRun: true, committed: false, created: 41, joined: 0, existing: 0, teams: 6, errors: [] });
  expect(await people()).toEqual(before);

  const done = await ok(input);
  expect(done).toMatchObject({ dryRun: false, committed: true, created: 41, existing: 0, teams: 6, errors: [] });
  const { users, teams } = await people();
  const mine = users.filter((u) => u.email.endsWith(`@${DOMAIN}`));
  expect(mine).toHaveLength(41);
  const byName = new Map(mine.map((u) => [u.name, u]));
  expect(byName.get('Mei-Mei Johns')?.email).toBe(`mei-mei.johns@${DOMAIN}`);
  expect(byName.get('Anna Snelling')?.roles).toEqual(['manager']);
  expect(byName.get('Dustin Brinkmann')?.roles.sort()).toEqual(['head', 'manager']);
  const managers = [...new Set(rows.map((r) => r.manager))];
  expect(managers).toHaveLength(6);
  for (const manager of managers) {
    const team = teams.find((t) => t.name === `${manager}'s team`);
    expect(team?.leadId).toBe(byName.get(manager)!.id);
    const agents = rows.filter((r) => r.manager === manager).map((r) => byName.get(r.name)!.id);
    expect([...team!.memberIds].sort()).toEqual(agents.sort());
  }

  // The same file again: everyone is kept, the teams are updated rather than duplicated.
  const again = await ok(input);
  expect(again).toMatchObject({ committed: true, created: 0, joined: 0, existing: 35, teams: 6 });
  const after = await people();
  expect(after.users).toHaveLength(users.length);
  expect(after.teams).toHaveLength(teams.length);

  const { data: log } = await api.gql<{ auditLog: { event: string; detail: Record<string, unknown> }[] }>(
    `{ auditLog(event: "peopleImported") { event detail } }`,
  );
  expect(log!.auditLog[1]?.detail).toMatchObject({ created: 41, teams: 6, rows: 35 });
});

test('every bad row is named with its row and column, and nothing is written', async () => {
  const domain = `bad.${DOMAIN}`;
  const before = await people();
  const rows = [
    { name: 'Ada Lovelace', email: `ada@${domain}` },
    { name: '  ', email: `nobody@${domain}` },
    { name: 'Bad Email', email: 'not-an-email' },
    { name: 'Lost Agent', manager: 'Nobody Known' },
    { name: 'Ada Twin', email: `ADA@${domain}` },
    { name: 'Wizard', roles: ['wizard'] },
    { name: 'Self Managed', manager: 'self managed' },
  ];
  const result = await ok({ rows, emailDomain: domain, createManagers: false });
  expect(result).toMatchObject({ dryRun: false, committed: false });
  expect(result.errors.map((e) => [e.row, e.column, e.code, e.value])).toEqual([
    [3, 'name', 'REQUIRED', null],
    [4, 'email', 'INVALID_VALUE', 'not-an-email'],
    [5, 'manager', 'UNKNOWN_MANAGER', 'Nobody Known'],
    [6, 'email', 'DUPLICATE', `ada@${domain}`],
    [7, 'roles', 'UNKNOWN_ROLE', 'wizard'],
    [8, 'manager', 'SELF_MANAGER', 'self managed'],
  ]);
  expect(result.errors[3]!.message).toContain('row 2');
  expect(await people()).toEqual(before);

  // Without an email domain a row without email cannot get one.
  const noDomain = await ok({ rows: [{ name: 'No Mail' }], dryRun: true });
  expect(noDomain.errors).toEqual([
    expect.objectContaining({ row: 2, column: 'email', code: 'REQUIRED', message: expect.stringContaining('domain') }),
  ]);
  // Two rows whose made emails collide, and a manager named twice.
  const clash = await ok({
    rows: [
      { name: 'Jo Smith', email: `jo.one@${domain}` },
      { name: 'Jo Smith', email: `jo.two@${domain}` },
      { name: 'Jose Núñez' },
      { name: 'José Nunez' },
      { name: 'Agent', email: `agent@${domain}`, manager: 'jo smith' },
    ],
    emailDomain: domain,
    dryRun: true,
  });
  expect(clash.errors.map((e) => [e.row, e.column, e.code])).toEqual([
    [5, 'name', 'DUPLICATE'],
    [6, 'manager', 'AMBIGUOUS_MANAGER'],
  ]);
  expect(clash.errors[0]!.message).toContain(`jose.nunez@${domain}`);
});

test('members are kept and can manage; users of other workspaces join; named teams are updated, not duplicated', async () => {
  const domain = `mix.${DOMAIN}`;
  const lead = await api.gql<{ createUser: { id: string } }>(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { email: `lead@${domain}`, password: 'correct horse battery', name: 'Lena Lead', roles: ['head'] } },
  );
  const leadId = lead.data!.createUser.id;
  // Someone with an account in another workspace (no membership here).
  const outsiderId = randomUUID();
  await api.db.query(`INSERT INTO stratum.users (id, email, name) VALUES ($1, $2, 'Otto Outside')`, [
    outsiderId,
    `otto@${domain}`,
  ]);
  const saved = await api.gql(`mutation($i: TeamInput!) { saveTeam(input: $i) { id } }`, {
    i: { name: `North ${RUN}`, memberIds: [] },
  });
  expect(saved.errors).toBeUndefined();
  const result = await ok({
    rows: [
      { name: 'Otto Outside', email: `OTTO@${domain}`, manager: 'Lena Lead', team: `north ${RUN}` },
      { name: 'Nia New', manager: `lead@${domain}`, team: `North ${RUN}`, roles: ['manager'] },
      { name: 'Lena Lead', email: `lead@${domain}` },
    ],
    emailDomain: domain,
    roles: ['manager'],
    managerRoles: ['head'],
  });
  expect(result).toMatchObject({ committed: true, created: 1, joined: 1, existing: 1, teams: 1, errors: [] });
  const { users, teams } = await people();
  const north = teams.filter((t) => t.name.toLowerCase() === `north ${RUN}`);
  expect(north).toHaveLength(1);
  const nia = users.find((u) => u.email === `nia.new@${domain}`)!;
  expect(north[0]).toMatchObject({ leadId });
  expect([...north[0]!.memberIds].sort()).toEqual([outsiderId, nia.id].sort());
  expect(users.find((u) => u.id === outsiderId)?.roles).toEqual(['manager']);
  // Lena was already a member: kept as she was.
  expect(users.find((u) => u.id === leadId)?.roles).toEqual(['head']);

  // A team's rows must name the same manager.
  const split = await ok({
    rows: [
      { name: 'A One', manager: 'Lena Lead', team: `South ${RUN}` },
      { name: 'B Two', manager: 'Nia New', team: `South ${RUN}` },
    ],
    emailDomain: domain,
    dryRun: true,
  });
  expect(split.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'team', 'TEAM_CONFLICT']]);
});

test('only admins import people; more than 10,000 rows or an unknown default role is bad input', async () => {
  const email = `viewer@${DOMAIN}`;
  const created = await api.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
    i: { email, password: 'correct horse battery', name: 'Viewer', roles: ['manager'] },
  });
  expect(created.errors).toBeUndefined();
  const login = (await (
    await fetch(`${api.server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery' }),
    })
  ).json()) as { token: string };
  const denied = await importPeople({ rows: [{ name: 'Eve', email: `eve@${DOMAIN}` }] }, login.token);
  expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await people()).users.some((u) => u.email === `eve@${DOMAIN}`)).toBe(false);

  const tooMany = await importPeople({
    rows: Array.from({ length: 10_001 }, (_, i) => ({ name: `P ${i}` })),
    emailDomain: DOMAIN,
    dryRun: true,
  });
  expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(tooMany.errors?.[0]?.message).toContain('10000');

  const badRole = await importPeople({ rows: [{ name: 'Eve' }], emailDomain: DOMAIN, managerRoles: ['wizard'] });
  expect(badRole.errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    problems: [expect.objectContaining({ path: 'input.managerRoles[0]' })],
  });
});
