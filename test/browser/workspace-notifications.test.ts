import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import { bell, openNotifications, pollNotifications, toast } from './steps/notifications';

const studio = studioSuite({ seed: 'sales-crm', config: { workers: true } });
const shot = screenshotter('notifications', { fromTop: true });

interface Mine {
  myNotifications: {
    nodes: { id: string; title: string; recordId: string | null; readAt: string | null }[];
    unreadCount: number;
  };
}
const MINE = '{ myNotifications(first: 50) { nodes { id title recordId readAt } unreadCount } }';

describeWithBrowser('in-app notifications', () => {
  test('a task reminder arrives as a toast and on the bell, opens its task, and is marked read', async () => {
    const { api } = studio;
    const me = (await api.gql<{ me: { id: string } }>('{ me { id } }')).data!.me.id;
    const due = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    const created = await api.gql<{ createTask: { id: string } }>(
      'mutation($data: TaskCreateInput!) { createTask(data: $data) { id } }',
      {
        data: {
          title: 'Bell test: call Nino',
          status: 'open',
          dueDate: due.toISOString(),
          owner: me,
          description: 'About the second floor',
        },
      },
    );
    const taskId = created.data!.createTask.id;

    const { page, errors, external } = await studio.newPage({ defaultTimeout: 15_000 });
    await signIn(page, api);
    await bell(page).waitFor();
    await shot(page, '01-bell');

    // The reminder workflow fires an hour before the due date: scanned with that clock, it notifies the owner.
    await api.server.workflows.scanTimeTriggers(new Date());
    await api.server.workflows.scanTimeTriggers(new Date(due.getTime() - 3600 * 1000 + 60_000));
    const title = 'Task due: Bell test: call Nino';
    let mine: Mine['myNotifications'];
    for (let tries = 0; ; tries++) {
      mine = (await api.gql<Mine>(MINE)).data!.myNotifications;
      if (mine.nodes.some((n) => n.title === title)) break;
      if (tries > 100) throw new Error(`no reminder: ${JSON.stringify(mine)}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    // The next poll brings it: a toast, and the count on the bell is the server's.
    await pollNotifications(page);
    await toast(page, title).waitFor();
    await page
      .getByRole('banner')
      .getByRole('button', { name: `Notifications, unread: ${mine.unreadCount}` })
      .waitFor();
    await shot(page, '02-toast');

    // The list: newest first, with the body and how long ago; the title links to the task.
    const list = await openNotifications(page);
    const item = list.getByRole('listitem').filter({ hasText: title });
    await item.getByText('About the second floor').waitFor();
    expect(await item.textContent()).toMatch(/now|seconds? ago|minutes? ago/);
    await shot(page, '03-list', { settle: false });
    await item.getByRole('link', { name: title }).click();
    await page.waitForURL(`**/o/task/${taskId}`);
    await page.getByRole('heading', { name: 'Bell test: call Nino' }).first().waitFor();
    await shot(page, '04-record');

    // Opening it marked it read on the server.
    for (let tries = 0; ; tries++) {
      mine = (await api.gql<Mine>(MINE)).data!.myNotifications;
      if (mine.nodes.find((n) => n.title === title)?.readAt) break;
      if (tries > 50) throw new Error(`not marked read: ${JSON.stringify(mine)}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    // Mark all read: the badge goes, and the server has none unread.
    const again = await openNotifications(page);
    if (mine.unreadCount > 0) {
      await again.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByRole('banner').getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    }
    expect((await api.gql<Mine>(MINE)).data!.myNotifications.unreadCount).toBe(0);
    await shot(page, '05-all-read', { settle: false });

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
