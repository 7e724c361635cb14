import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import { markTaskDone } from './steps/home';
import { openMyTasks, showView, taskList, taskTitles } from './steps/tasks';

const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter('tasks', { fromTop: true });

/** Local midnight `offset` days from today, plus `hours`: the browser and this process share a time zone. */
const day = (offset: number, hours = 0) => {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset, hours);
};

/** A day as the calendar titles it in English: "Tue, Dec 1". */
const dayTitle = (d: Date) =>
  new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric' }).format(d);

describeWithBrowser('my tasks by day and by week', () => {
  test('overdue on top, the day and the week as the API has them, marking one done', async () => {
    const { api } = studio;
    const me = (await api.gql<{ me: { id: string } }>('{ me { id } }')).data!.me.id;
    const createTask = async (title: string, due: Date) =>
      (
        await api.gql<{ createTask: { id: string } }>(
          'mutation($data: TaskCreateInput!) { createTask(data: $data) { id } }',
          { data: { title, status: 'open', dueDate: due.toISOString(), owner: me } },
        )
      ).data!.createTask.id;
    await createTask('Tasks test: overdue since yesterday', day(-1, 10));
    const todayId = await createTask('Tasks test: call back today', day(0, 12));
    await createTask('Tasks test: demo in three days', day(3, 9));
    const goneId = await createTask('Tasks test: deleted elsewhere', day(0, 18));

    // What the lists must show, asked of the API the same way: my open tasks by due date, soonest first.
    // (Filters spelled inline with scalar variables: the server fails on a `$filter: TaskFilter` variable.)
    const titlesDue = async (gte: Date, lt: Date) =>
      (
        await api.gql<{ tasks: { edges: { node: { title: string } }[] } }>(
          `query($me: ID, $gte: DateTime, $lt: DateTime) { tasks(filter: { and: [
            { owner: { id: { eq: $me } } }, { status: { nin: ["done", "cancelled"] } }, { dueDate: { gte: $gte, lt: $lt } }
          ] }, orderBy: [{ field: dueDate, direction: ASC }], first: 200) { edges { node { title } } } }`,
          { me, gte: gte.toISOString(), lt: lt.toISOString() },
        )
      ).data!.tasks.edges.map((e) => e.node.title);
    const overdue = await titlesDue(new Date('1970-01-01T00:00:00Z'), day(0));
    const today = await titlesDue(day(0), day(1));
    expect(overdue).toContain('Tasks test: overdue since yesterday');
    expect(today).toContain('Tasks test: call back today');

    const { page, errors, external } = await studio.newPage({ defaultTimeout: 10_000 });
    await signIn(page, api);
    await openMyTasks(page);
    expect(await taskTitles(taskList(page, dayTitle(day(0))), today.length)).toEqual(today);
    const overdueList = taskList(page, 'Overdue');
    expect(await overdueList.getByTestId('overdue-days').first().textContent()).toMatch(
      /^due (yesterday|\d+ days ago)$/,
    );
    await shot(page, '01-day');
    // The seed's many overdue tasks are folded under "Show all"; unfolded, they are the API's.
    await overdueList.getByRole('button', { name: 'Show all' }).click();
    expect(await taskTitles(overdueList, overdue.length)).toEqual(overdue);
    await overdueList.getByRole('button', { name: 'Show less' }).click();

    // The week: seven day columns; the task due in three days is in its day's column (the next week's, if
    // three days on is past Sunday).
    await showView(page, 'Week');
    if ((day(0).getDay() + 6) % 7 >= 4) await page.getByRole('button', { name: 'Next' }).click();
    const inThreeDays = taskList(page, dayTitle(day(3)));
    expect(await taskTitles(inThreeDays)).toContain('Tasks test: demo in three days');
    if ((day(0).getDay() + 6) % 7 >= 4) await page.getByRole('button', { name: 'Today' }).click();
    const todayColumn = taskList(page, dayTitle(day(0)));
    expect(await taskTitles(todayColumn, today.length)).toEqual(today);
    await shot(page, '02-week');

    // Marking today's task done in the week: the server has it done and stamped, and it leaves the column.
    await markTaskDone(page, 'Tasks test: call back today');
    const done = await api.gql<{ task: { status: string; completedAt: string | null } }>(
      'query($id: ID!) { task(id: $id) { status completedAt } }',
      { id: todayId },
    );
    expect(done.data!.task.status).toBe('done');
    expect(done.data!.task.completedAt).not.toBeNull();
    expect(await taskTitles(todayColumn, 0)).toEqual(await titlesDue(day(0), day(1)));

    // A task deleted meanwhile: the refused update shows the server's reason, and the lists are read again.
    await api.gql('mutation($id: ID!) { deleteTask(id: $id) { id } }', { id: goneId });
    const gone = page.getByRole('checkbox', { name: 'Mark “Tasks test: deleted elsewhere” done' });
    await gone.click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`No task with id ${goneId}`);
    await gone.waitFor({ state: 'detached' });

    // Phone width: the week's days one under another. Then Russian.
    await page.setViewportSize({ width: 390, height: 844 });
    await inThreeDays.or(todayColumn).first().waitFor();
    await shot(page, '03-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await taskList(page, 'Просрочено').getByRole('listitem').first().waitFor();
    await shot(page, '04-russian');

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});
