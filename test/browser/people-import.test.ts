import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import {
  checkPeople,
  choosePeopleFile,
  importCheckedPeople,
  mappedPeopleColumn,
  openPeopleImport,
  setPeopleOptions,
} from './steps/people-import';

/**
 * The people import wizard when the file is not right: its columns are matched by their headers (a semicolon
 * separated export with "Full name", "E-mail", "Reports to"), the check lists every bad row under the file's own
 * column names and nothing is written; the corrected file then imports, with a team per manager.
 */
const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter('people-import', { fromTop: true });
// Users are shared by every workspace of the test database: a run's own email domain.
const RUN = Math.random().toString(36).slice(2, 8);
const DOMAIN = `${RUN}.tbilisi.example`;

const HEADER = 'Full name;E-mail;Reports to;Team;Role';
const GOOD = [
  `Nino Beridze;nino@${DOMAIN};;;Head of sales`,
  'Giorgi Kapanadze;;Nino Beridze;Tbilisi;',
  'Tamar Lomidze;;nino beridze;Tbilisi;manager',
  'Lost One;;Nobody Here;;',
];
const BAD = [...GOOD.slice(0, 2), `;ghost@${DOMAIN};Nino Beridze;;`, 'Bad Mail;not-an-email;;;', 'Lost One;;;;wizard'];

function csvFile(name: string, rows: readonly string[]): string {
  const file = path.join(ARTIFACTS, `people-import-${name}.csv`);
  writeFileSync(file, [HEADER, ...rows].join('\n'));
  return file;
}

describeWithBrowser('importing people from a file that has mistakes', () => {
  jest.setTimeout(120_000);

  test('the check names every bad row; the corrected file imports with its teams', async () => {
    const { api } = studio;
    const { page, errors } = await studio.newPage({ defaultTimeout: 20_000 });
    await signIn(page, api, page.getByRole('navigation').getByRole('link', { name: 'People', exact: true }));
    await openPeopleImport(page);
    await choosePeopleFile(page, csvFile('bad', BAD));
    const mapped = await Promise.all(HEADER.split(';').map((column) => mappedPeopleColumn(page, column)));
    expect(mapped).toEqual(['Name', 'Email', 'Manager', 'Team', 'Roles']);
    await setPeopleOptions(page, { emailDomain: DOMAIN, managerRoles: ['Head of sales (head)'] });
    const before = await api.gql<{ users: { id: string }[] }>(`{ users { id } }`);

    expect(await (await checkPeople(page)).innerText()).toContain('3 rows have errors');
    const table = page.getByRole('table', { name: 'Rows with errors' });
    const rows = await table.locator('tbody tr').all();
    const cells = await Promise.all(rows.map((row) => row.locator('td').allInnerTexts()));
    expect(cells.map((c) => c.slice(0, 3))).toEqual([
      ['4', 'Full name', ''],
      ['5', 'E-mail', 'not-an-email'],
      ['6', 'Role', 'wizard'],
    ]);
    await expect(page.getByTestId('people-import-run').count()).resolves.toBe(0);
    await shot(page, '01-errors');
    expect((await api.gql<{ users: { id: string }[] }>(`{ users { id } }`)).data!.users).toHaveLength(
      before.data!.users.length,
    );

    // The corrected file: the mapping and the options stay as they were.
    await page.getByRole('button', { name: 'Choose another file', exact: true }).click();
    await choosePeopleFile(page, csvFile('good', GOOD));
    await expect(
      page.getByTestId('people-import-options').getByRole('textbox', { name: 'Email domain' }).inputValue(),
    ).resolves.toBe(DOMAIN);
    expect(await (await checkPeople(page)).innerText()).toContain(
      'All 5 people can be imported: 5 new, 0 existing, 2 teams.',
    );
    expect(await page.getByTestId('people-import-passwords').innerText()).toContain('once an admin sets');
    await shot(page, '02-check');
    expect(await (await importCheckedPeople(page)).innerText()).toContain('Imported: 5 new people, 0 kept, 2 teams.');

    const { data } = await api.gql<{
      users: { id: string; name: string; email: string; roles: string[] }[];
      teams: { name: string; leadId: string | null; memberIds: string[] }[];
    }>(`{ users { id name email roles } teams { name leadId memberIds } }`);
    const byName = new Map(data!.users.filter((u) => u.email.endsWith(DOMAIN)).map((u) => [u.name, u]));
    expect(byName.get('Giorgi Kapanadze')?.email).toBe(`giorgi.kapanadze@${DOMAIN}`);
    // A role's label in the file is read as the role; a manager gets the managers' roles.
    expect(byName.get('Nino Beridze')?.roles).toEqual(['head']);
    expect(byName.get('Tamar Lomidze')?.roles).toEqual(['manager']);
    expect(byName.get('Nobody Here')?.roles).toEqual(['head']);
    const tbilisi = data!.teams.find((t) => t.name === 'Tbilisi')!;
    expect(tbilisi.leadId).toBe(byName.get('Nino Beridze')!.id);
    expect([...tbilisi.memberIds].sort()).toEqual(
      [byName.get('Giorgi Kapanadze')!.id, byName.get('Tamar Lomidze')!.id].sort(),
    );
    expect(data!.teams.find((t) => t.name === "Nobody Here's team")?.memberIds).toEqual([byName.get('Lost One')!.id]);

    await page.getByRole('link', { name: 'Open people' }).click();
    await page.getByRole('tab', { name: 'Teams' }).click();
    await page.getByText('Tbilisi', { exact: true }).waitFor();
    await shot(page, '03-teams');
    expect(errors).toEqual([]);
  });
});
