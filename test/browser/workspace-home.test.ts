import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import { markTaskDone, openHome, searchFor, taskGroupCount } from './steps/home';

const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter('home', { fromTop: true });

type Count = { totalCount: number };

/** Local midnight `offset` days from today, plus `hours`: the browser and this process share a time zone. */
const day = (offset: number, hours = 0) => {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset, hours);
};

describeWithBrowser('the home page and global search', () => {
  test('my tasks by due date, marking one done, searching across objects; a member sees only what they may read', async () => {
    const { api } = studio;
    const me = (await api.gql<{ me: { id: string } }>('{ me { id } }')).data!.me.id;
    const createTask = async (title: string, due: Date, owner = me) =>
      (
        await api.gql<{ createTask: { id: string } }>(
          'mutation($data: TaskCreateInput!) { createTask(data: $data) { id } }',
          { data: { title, status: 'open', dueDate: due.toISOString(), owner } },
        )
      ).data!.createTask.id;
    await createTask('Home test: overdue since yesterday', day(-1, 10));
    const todayId = await createTask('Home test: call back today', day(0, 12));
    const goneId = await createTask('Home test: deleted elsewhere', day(0, 13));

    // What the groups must show, asked of the API the same way: open tasks I own, by due date.
    // (Filters spelled inline with scalar variables: the server fails on a `$filter: TaskFilter` variable.)
    const countMine = async (range: { gte?: Date; lt: Date }, owner = me, token = api.token) =>
      (
        await api.gql<{ tasks: Count }>(
          `query($me: ID, $gte: DateTime, $lt: DateTime) { tasks(filter: { and: [
            { owner: { id: { eq: $me } } }, { status: { nin: ["done", "cancelled"] } }, { dueDate: { gte: $gte, lt: $lt } }
          ] }) { totalCount } }`,
          { me: owner, gte: range.gte?.toISOString() ?? '1970-01-01T00:00:00Z', lt: range.lt.toISOString() },
          token,
        )
      ).data!.tasks.totalCount;
    const overdue = await countMine({ lt: day(0) });
    const today = await countMine({ gte: day(0), lt: day(1) });
    expect(today).toBeGreaterThanOrEqual(2);

    const { page, errors, external } = await studio.newPage({ defaultTimeout: 10_000 });
    await signIn(page, api);
    await openHome(page);
    expect(await taskGroupCount(page, 'overdue')).toBe(overdue);
    expect(await taskGroupCount(page, 'today')).toBe(today);
    const tasksCard = page.getByRole('region', { name: 'My tasks' });
    expect(await tasksCard.getByTestId('card-count').textContent()).toBe(String(overdue + today));
    // The most overdue come first, each with a red badge of how long ago it was due.
    expect(await tasksCard.getByTestId('overdue-days').first().textContent()).toMatch(/^due \d+ days ago$/);
    await page.getByRole('region', { name: 'My open deals' }).getByRole('listitem').first().waitFor();
    await page.getByRole('region', { name: 'Recently updated' }).getByRole('listitem').first().waitFor();
    await shot(page, '01-home');

    // Marking a task done from Home: the server has it done and stamped; it leaves the list.
    await markTaskDone(page, 'Home test: call back today');
    const done = await api.gql<{ task: { status: string; completedAt: string | null } }>(
      'query($id: ID!) { task(id: $id) { status completedAt } }',
      { id: todayId },
    );
    expect(done.data!.task.status).toBe('done');
    expect(done.data!.task.completedAt).not.toBeNull();
    await page.waitForFunction(`document.querySelector('[data-testid="today-count"]')?.textContent === '${today - 1}'`);
    // The task just changed is the most recently updated record.
    await page
      .getByRole('region', { name: 'Recently updated' })
      .getByRole('listitem')
      .first()
      .getByText('Home test: call back today')
      .waitFor();

    // A task deleted meanwhile: the refused update shows the server's reason, and the list is read again.
    await api.gql('mutation($id: ID!) { deleteTask(id: $id) { id } }', { id: goneId });
    await page.getByRole('checkbox', { name: 'Mark “Home test: deleted elsewhere” done' }).click();
    const refusal = tasksCard.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`No task with id ${goneId}`);
    await page
      .getByRole('checkbox', { name: 'Mark “Home test: deleted elsewhere” done' })
      .waitFor({ state: 'detached' });
    expect(await taskGroupCount(page, 'today')).toBe(today - 2);

    // Global search: Ctrl+K, part of a name; a company and a deal of the seed, grouped by object.
    const hamburg = await api.gql<{ companies: { edges: { node: { id: string } }[] }; deals: Count }>(
      '{ companies(search: "hamburg hafen") { edges { node { id } } } deals(search: "hamburg hafen") { totalCount } }',
    );
    const companyId = hamburg.data!.companies.edges[0]!.node.id;
    expect(hamburg.data!.deals.totalCount).toBeGreaterThan(0);
    const search = await searchFor(page, 'Hamburg Haf');
    await search.getByRole('button', { name: 'Hamburg Hafen Logistik GmbH', exact: false }).first().waitFor();
    const companies = search.getByRole('group', { name: 'Companies' });
    await companies.getByRole('button', { name: /^Hamburg Hafen Logistik GmbH/ }).waitFor();
    await search
      .getByRole('group', { name: 'Deals' })
      .getByRole('button', { name: /Enterprise upgrade/ })
      .waitFor();
    expect(await search.getByRole('group', { name: 'Deals' }).getByRole('button').count()).toBe(
      Math.min(5, hamburg.data!.deals.totalCount),
    );
    await shot(page, '02-search', { fullPage: false });
    // Enter opens the first hit: the company.
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/o/company/${companyId}$`));

    // A deal by part of its name, in Cyrillic, opened with Enter after moving down to it.
    const metall = await api.gql<{ deals: { edges: { node: { id: string; name: string } }[] } }>(
      '{ deals(search: "караганда металл", first: 1) { edges { node { id name } } } }',
    );
    const deal = metall.data!.deals.edges[0]!.node;
    const again = await searchFor(page, 'Караганда Мет');
    await again.getByRole('button', { name: deal.name }).waitFor();
    await again.getByRole('button', { name: deal.name }).hover();
    await again.getByRole('button', { name: deal.name }).click();
    await page.waitForURL(new RegExp(`/o/deal/${deal.id}$`));

    // Phone width and Russian.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${api.server.url}/home`);
    await page.getByRole('region', { name: 'My tasks' }).getByTestId('today-count').waitFor();
    await shot(page, '04-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await page.getByRole('region', { name: 'Мои задачи' }).getByTestId('today-count').waitFor();
    await page.getByRole('region', { name: 'Мои открытые сделки' }).getByRole('listitem').first().waitFor();
    await shot(page, '05-russian');
    await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');

    // A member with the seed's sales manager role: the navigation lists what that role may read, no design.
    const member = { email: `manager-${Date.now()}@example.com`, password: 'correct horse battery staple' };
    const created = await api.gql<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { ...member, name: 'Nino Manager', roles: ['manager'] } },
    );
    const memberId = created.data!.createUser.id;
    await createTask('Member test: first call', day(0, 15), memberId);
    const login = (await (
      await fetch(`${api.server.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(member),
      })
    ).json()) as { token: string };
    const readable = (
      await api.gql<{ objects: { labelPlural: string }[] }>('{ objects { labelPlural } }', {}, login.token)
    ).data!.objects.map((o) => o.labelPlural);
    expect(readable.length).toBeGreaterThan(0);

    const memberPage = await studio.newPage({ defaultTimeout: 10_000 });
    await signIn(
      memberPage.page,
      { ...member, server: api.server },
      memberPage.page.getByRole('region', { name: 'My tasks' }),
    );
    const workspaceNav = memberPage.page.getByRole('navigation', { name: 'Workspace' });
    await workspaceNav.getByRole('link', { name: readable[0]! }).waitFor();
    // They may read tasks, so "My tasks" follows Home; everyone has an approvals inbox (anyone may be asked);
    // and deals, a pipeline object, bring the dashboard.
    expect(await workspaceNav.getByRole('link').allTextContents()).toEqual([
      'Home',
      'My tasks',
      'Approvals',
      'Dashboard',
      ...readable,
    ]);
    expect(await memberPage.page.getByRole('navigation', { name: 'Design' }).count()).toBe(0);
    expect(await memberPage.page.getByRole('link', { name: 'Objects' }).count()).toBe(0);
    // Their tasks card shows what the API answers them for the same question (open tasks they own, due by
    // today), which includes the task made for them above.
    const memberCard = memberPage.page.getByRole('region', { name: 'My tasks' });
    const memberPressing = await countMine({ lt: day(1) }, memberId, login.token);
    expect(memberPressing).toBeGreaterThan(0);
    await memberCard.getByTestId('card-count').waitFor();
    expect(await memberCard.getByTestId('card-count').textContent()).toBe(String(memberPressing));
    const visible = await api.gql<{ tasks: { edges: { node: { title: string } }[] } }>(
      '{ tasks { edges { node { title } } } }',
      {},
      login.token,
    );
    expect(visible.data!.tasks.edges.map((e) => e.node.title)).toEqual(['Member test: first call']);
    await shot(memberPage.page, '03-member-navigation');

    // Someone who may read only companies: no tasks or deals cards, and search asks companies alone.
    const saved = await api.gql('mutation($input: JSON!) { saveRole(input: $input) { changes } }', {
      input: { name: 'directoryReader', label: 'Directory reader', rules: [{ action: 'read', subject: ['company'] }] },
    });
    expect(saved.errors).toBeUndefined();
    const reader = { email: `reader-${Date.now()}@example.com`, password: 'correct horse battery staple' };
    await api.gql('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { ...reader, name: 'Reader', roles: ['directoryReader'] },
    });
    const readerPage = await studio.newPage({ defaultTimeout: 10_000 });
    await signIn(
      readerPage.page,
      { ...reader, server: api.server },
      readerPage.page.getByRole('region', { name: 'Recently updated' }),
    );
    const readerNav = readerPage.page.getByRole('navigation', { name: 'Workspace' });
    await readerNav.getByRole('link', { name: 'Companies' }).waitFor();
    expect(await readerNav.getByRole('link').allTextContents()).toEqual(['Home', 'Approvals', 'Companies']);
    expect(await readerPage.page.getByRole('region', { name: 'My tasks' }).count()).toBe(0);
    expect(await readerPage.page.getByRole('region', { name: 'My open deals' }).count()).toBe(0);
    const readerSearch = await searchFor(readerPage.page, 'Hamburg Haf');
    await readerSearch.getByRole('group', { name: 'Companies' }).getByRole('button').first().waitFor();
    expect(await readerSearch.getByRole('group').count()).toBe(1);
    expect(readerPage.errors).toEqual([]);
    await readerPage.context.close();

    expect(errors).toEqual([]);
    expect(memberPage.errors).toEqual([]);
    expect(external).toEqual([]);
    await memberPage.context.close();
    await page.context().close();
  });
});
