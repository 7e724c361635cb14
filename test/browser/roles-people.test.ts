import type { Page } from 'playwright-core';
import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { chooseMany, signIn } from './steps/common';
import {
  addClauses,
  closeApiKey,
  confirm,
  createApiKey,
  createTeam,
  createUser,
  fillNewRole,
  openPeople,
  saveRole,
  setCell,
} from './steps/access';

const studio = studioSuite({ seed: 'sales-crm' });
// A dialog is shot with { fullPage: false }: its overlay covers only the window.
const shot = screenshotter('access', { fromTop: true });

describeWithBrowser('roles and people in the studio', () => {
  // One page for all three tests: each goes on from where the one before it ended.
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await studio.newPage({ defaultTimeout: 10_000 }));
    await signIn(page, studio.api, page.getByRole('navigation').getByRole('link', { name: 'Roles' }));
  });

  const rolesOnServer = async () =>
    (await studio.api.gql<{ roles: { name: string; rules: unknown }[] }>('{ roles { name rules } }')).data!.roles;

  test('a role made in the matrix is saved as exactly these CASL rules; bad input is shown where it is', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Roles' }).click();
    await page.locator('tr[data-row="admin"]').waitFor();
    await page.locator('tr[data-row="manager"]').waitFor();
    await shot(page, '01-roles');

    await fillNewRole(page, {
      name: 'field agent',
      label: 'Field agent',
      description: 'Works their own leads in the field',
      cells: [
        { object: 'Lead', action: 'read', conditions: [{ field: 'Owner', value: '$user.id' }], alsoTo: ['update'] },
        {
          object: 'Company',
          action: 'read',
          fields: ['Company name (name)', 'Website (website)', 'Industry (industry)'],
        },
        { object: 'Deal', action: 'delete', allow: false, deny: true },
      ],
    });
    // The condition builder, open on a cell that has a condition.
    await page.getByRole('button', { name: 'Refine Lead: read', exact: true }).click();
    const leadRead = page.getByRole('dialog', { name: 'Lead: read' });
    await leadRead.getByRole('group', { name: 'Condition 1' }).waitFor();
    await shot(page, '03-condition-builder', { fullPage: false });
    await leadRead.getByRole('button', { name: 'Done' }).click();
    await leadRead.waitFor({ state: 'hidden' });

    // A bad name is shown on the name field, and nothing is saved.
    await page.getByRole('button', { name: 'Save role' }).click();
    const nameField = page.locator('input[name=name]');
    await expect(nameField.getAttribute('aria-invalid')).resolves.toBe('true');
    const nameError = page.locator('.mantine-InputWrapper-error').first();
    expect(await nameError.textContent()).toContain('lowercase letter');
    await shot(page, '04-role-invalid-name');
    expect((await rolesOnServer()).map((r) => r.name)).not.toContain('field agent');

    // A condition the server refuses (a field contacts do not have, written as JSON) shows on its row.
    await nameField.fill('fieldAgent');
    await setCell(page, { object: 'Contact', action: 'read' });
    await page.getByRole('button', { name: 'Refine Contact: read', exact: true }).click();
    const contactRead = page.getByRole('dialog', { name: 'Contact: read' });
    await contactRead.getByRole('button', { name: 'Edit as JSON' }).click();
    await contactRead.getByRole('textbox', { name: 'Condition (JSON)' }).fill('{"budget": {"$gte": 10}}');
    await contactRead.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Save role' }).click();
    const contactRow = page.locator('tr[data-row="contact"]');
    await contactRow.getByRole('alert').waitFor();
    expect(await contactRow.getByRole('alert').textContent()).toContain('budget');
    expect((await rolesOnServer()).map((r) => r.name)).not.toContain('fieldAgent');
    await shot(page, '05-role-server-problem');
    // …and in the cell, on its condition.
    await page.getByRole('button', { name: 'Refine Contact: read', exact: true }).click();
    const builder = contactRead.getByRole('group', { name: 'Only records where' });
    await builder.getByRole('alert').filter({ hasText: 'unknown field "budget"' }).waitFor();
    await contactRead.getByRole('button', { name: 'Done' }).click();
    await contactRead.waitFor({ state: 'hidden' });
    await page.getByRole('checkbox', { name: 'Contact: read', exact: true }).uncheck();

    await saveRole(page, 'fieldAgent');
    await shot(page, '02-role-matrix');
    const saved = (await rolesOnServer()).find((r) => r.name === 'fieldAgent');
    expect(saved?.rules).toEqual([
      { action: 'read', subject: 'company', fields: ['name', 'website', 'industry'] },
      { action: ['read', 'update'], subject: 'lead', conditions: { owner: '$user.id' } },
      { action: 'delete', subject: 'deal', inverted: true },
    ]);

    // Phone width: the matrix scrolls sideways inside the page.
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '10-role-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(errors).toEqual([]);
  });

  test('a user with the role, a team and an API key shown once, then revoked', async () => {
    const { api } = studio;
    const email = `agent.${Date.now()}@example.com`;
    const countUsers = async () => (await api.gql<{ users: unknown[] }>('{ users { id } }')).data!.users.length;
    const usersBefore = await countUsers();
    // A password the server refuses: its message on the password field, and no user.
    await openPeople(page, 'Users');
    await page.getByRole('button', { name: 'New user' }).click();
    const newUser = page.getByRole('dialog', { name: 'New user' });
    await newUser.locator('input[name=email]').fill(email);
    await newUser.locator('input[name=password]').fill('short');
    await newUser.getByRole('button', { name: 'Create user' }).click();
    const passwordError = newUser.locator('.mantine-PasswordInput-root .mantine-InputWrapper-error');
    expect(await passwordError.textContent()).toContain('at least 10 characters');
    expect(await countUsers()).toBe(usersBefore);
    await newUser.getByRole('button', { name: 'Cancel' }).click();
    await newUser.waitFor({ state: 'hidden' });

    await createUser(page, {
      email,
      name: 'Nino Field',
      password: 'a long enough password',
      roles: ['Field agent (fieldAgent)'],
    });
    await shot(page, '06-users');
    const users = await api.gql<{
      users: { id: string; email: string; name: string; roles: string[]; active: boolean }[];
    }>('{ users { id email name roles active } }');
    const agent = users.data!.users.find((u) => u.email === email);
    expect(agent).toMatchObject({ name: 'Nino Field', roles: ['fieldAgent'], active: true });

    await createTeam(page, { name: 'Field team', lead: 'Administrator', members: ['Nino Field'] });
    await shot(page, '07-teams');
    const admin = users.data!.users.find((u) => u.email === api.email)!;
    const teams = await api.gql<{ teams: { name: string; leadId: string; memberIds: string[] }[] }>(
      '{ teams { name leadId memberIds } }',
    );
    expect(teams.data!.teams).toContainEqual({ name: 'Field team', leadId: admin.id, memberIds: [agent!.id] });

    // Edited: a new name and a second role.
    await openPeople(page, 'Users');
    await page.getByRole('button', { name: 'Edit Nino Field' }).click();
    const editUser = page.getByRole('dialog', { name: 'Edit Nino Field' });
    await editUser.locator('input[name=name]').fill('Nino Fieldworker');
    await chooseMany(page, editUser, 'Roles', ['Sales manager (manager)']);
    await editUser.getByRole('button', { name: 'Save' }).click();
    await editUser.waitFor({ state: 'hidden' });
    await page.locator(`tr[data-row="${email}"]`).getByText('Nino Fieldworker').waitFor();
    const edited = await api.gql<{ users: { email: string; name: string; roles: string[] }[] }>(
      '{ users { email name roles } }',
    );
    expect(edited.data!.users.find((u) => u.email === email)).toEqual({
      email,
      name: 'Nino Fieldworker',
      roles: ['fieldAgent', 'manager'],
    });

    const key = await createApiKey(page, { name: 'Website forms', roles: ['Field agent (fieldAgent)'] });
    expect(key.length).toBeGreaterThan(20);
    await shot(page, '08-api-key-once', { fullPage: false });
    await closeApiKey(page, 'Website forms');
    await page.locator('tr', { hasText: 'Website forms' }).waitFor();
    expect(await page.getByText(key).count()).toBe(0); // shown once, never again
    const keys = await api.gql<{
      apiKeys: { name: string; roles: string[]; key: string | null; revokedAt: unknown }[];
    }>('{ apiKeys { name roles key revokedAt } }');
    expect(keys.data!.apiKeys).toContainEqual({
      name: 'Website forms',
      roles: ['fieldAgent'],
      key: null,
      revokedAt: null,
    });
    // The key works: it reads leads as a field agent.
    const asKey = await api.gql<{ leads: { totalCount: number } }>('{ leads { totalCount } }', {}, key);
    expect(asKey.errors).toBeUndefined();

    await page.getByRole('button', { name: 'Revoke key Website forms' }).click();
    await confirm(page, 'Revoke key Website forms?', 'Revoke');
    await page.getByText('Revoked', { exact: true }).waitFor();
    const refused = await api.gql('{ leads { totalCount } }', {}, key);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Deactivating asks first.
    await openPeople(page, 'Users');
    await page.getByRole('button', { name: 'Deactivate Nino Fieldworker' }).click();
    await confirm(page, 'Deactivate Nino Fieldworker?', 'Deactivate');
    await page.locator(`tr[data-row="${email}"]`).getByText('Deactivated').waitFor();
    const after = await api.gql<{ users: { email: string; active: boolean }[] }>('{ users { email active } }');
    expect(after.data!.users.find((u) => u.email === email)?.active).toBe(false);

    // Russian and dark: the people page translated.
    await page.getByTestId('theme-toggle').click();
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('tab', { name: 'Пользователи' }).waitFor();
    await page.mouse.move(640, 700);
    await shot(page, '09-people-ru-dark');
    await page.getByLabel('Язык').selectOption('en');
    await page.getByTestId('theme-toggle').click();
    expect(errors).toEqual([]);
  });

  test('the condition builder edits clauses with the keyboard', async () => {
    const { api } = studio;
    await page.goto(`${api.server.url}/roles/fieldAgent`);
    await page.getByRole('button', { name: 'Refine Deal: read', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Deal: read' });
    await dialog.getByRole('checkbox', { name: 'Allowed', exact: true }).check();
    await addClauses(page, dialog, 'Only records where', [{ field: 'Stage', value: 'won', pick: true }]);
    // The second clause by keyboard only: Enter on buttons, typing and arrows in the selects, Space on radios.
    const builder = dialog.getByRole('group', { name: 'Only records where', exact: true });
    await builder.getByRole('button', { name: 'Add condition' }).focus();
    await page.keyboard.press('Enter');
    const second = builder.getByRole('group', { name: 'Condition 2' });
    await second.getByRole('textbox', { name: 'Field', exact: true }).focus();
    await page.keyboard.type('Amount');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // to the operator
    await page.keyboard.press('ArrowDown'); // opens its list
    await page.getByRole('option', { name: 'at least' }).waitFor();
    for (let i = 0; i < 10 && !(await page.getByRole('option', { name: 'at least', selected: true }).count()); i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // to the value
    await page.keyboard.type('1000');
    await builder.getByRole('radio', { name: 'all conditions' }).focus();
    await page.keyboard.press('ArrowRight'); // radios move with the arrows
    expect(await builder.getByRole('radio', { name: 'any condition' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Edit as JSON' }).click();
    const json = await dialog.getByRole('textbox', { name: 'Condition (JSON)' }).inputValue();
    expect(JSON.parse(json)).toEqual({ $or: [{ stage: 'won' }, { amount: { $gte: 1000 } }] });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await saveRole(page, 'fieldAgent');
    const saved = (await rolesOnServer()).find((r) => r.name === 'fieldAgent');
    expect(saved?.rules).toContainEqual({
      action: 'read',
      subject: 'deal',
      conditions: { $or: [{ stage: 'won' }, { amount: { $gte: 1000 } }] },
    });

    // A seeded role with rules the matrix cannot show as cells: opened and saved, it is written unchanged.
    const before = (await rolesOnServer()).find((r) => r.name === 'head')!.rules;
    await page.goto(`${api.server.url}/roles/head`);
    await page.getByRole('textbox', { name: 'Other rules, kept as written' }).waitFor();
    await shot(page, '11-role-kept-rules');
    await saveRole(page, 'head');
    expect((await rolesOnServer()).find((r) => r.name === 'head')!.rules).toEqual(before);

    // A condition clauses cannot show (one on a related record) is edited as JSON, whole.
    await page.getByRole('button', { name: 'Refine Contact: read', exact: true }).click();
    const contact = page.getByRole('dialog', { name: 'Contact: read' });
    await contact.getByRole('button', { name: 'Edit as JSON' }).click();
    await contact.getByRole('textbox', { name: 'Condition (JSON)' }).fill('{"company": {"industry": "retail"}}');
    await contact.getByText('Edited as JSON', { exact: true }).waitFor();
    expect(await contact.getByRole('button', { name: 'Edit as conditions' }).isDisabled()).toBe(true);
    await shot(page, '12-condition-json-fallback', { fullPage: false });
    await contact.getByRole('button', { name: 'Done' }).click();
    await saveRole(page, 'head');
    const head = (await rolesOnServer()).find((r) => r.name === 'head')!.rules as { subject: unknown }[];
    expect(head).toContainEqual({
      action: 'read',
      subject: 'contact',
      conditions: { company: { industry: 'retail' } },
    });
    expect(errors).toEqual([]);
  });

  test('a deny rule limited to fields is saved as an inverted rule with those fields, and opens again as made', async () => {
    await fillNewRole(page, {
      name: 'auditor',
      cells: [{ object: 'Deal', action: 'read' }],
    });
    await page.getByRole('button', { name: 'Refine Deal: read', exact: true }).click();
    const dealRead = page.getByRole('dialog', { name: 'Deal: read' });
    await dealRead.getByRole('checkbox', { name: 'Denied', exact: true }).check();
    await chooseMany(page, dealRead, 'Deny only these fields', ['Discount (discount)', 'Reason lost (lostReason)']);
    await dealRead
      .getByRole('textbox', { name: 'Reason (shown when it is denied)', exact: true })
      .fill('Auditors do not see terms');
    await shot(page, '13-deny-fields', { fullPage: false });
    await dealRead.getByRole('button', { name: 'Done' }).click();
    await dealRead.waitFor({ state: 'hidden' });
    await saveRole(page, 'auditor');
    const saved = (await rolesOnServer()).find((r) => r.name === 'auditor');
    expect(saved?.rules).toEqual([
      { action: 'read', subject: 'deal' },
      {
        action: 'read',
        subject: 'deal',
        inverted: true,
        fields: ['discount', 'lostReason'],
        reason: 'Auditors do not see terms',
      },
    ]);

    // Opened again, the cell shows the same deny rule, limited to the same fields.
    await page.reload();
    await page.getByRole('button', { name: 'Refine Deal: read', exact: true }).click();
    await dealRead.getByRole('checkbox', { name: 'Denied', exact: true }).waitFor();
    expect(await dealRead.getByRole('checkbox', { name: 'Denied', exact: true }).isChecked()).toBe(true);
    const chosen = await dealRead
      .locator('.mantine-MultiSelect-root')
      .filter({ hasText: 'Deny only these fields' })
      .locator('.mantine-Pill-label')
      .allTextContents();
    expect(chosen).toEqual(['Discount (discount)', 'Reason lost (lostReason)']);
    await dealRead.getByRole('button', { name: 'Done' }).click();
    expect(errors).toEqual([]);
  });
});
