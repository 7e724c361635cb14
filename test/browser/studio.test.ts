import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeWithBrowser, screenshotter, STUDIO_SHOTS, studioSuite } from '../support/studio';

const studio = studioSuite({ seed: 'sales-crm' });
// With motion as it is by default: what a first visitor sees.
const shot = screenshotter('', { settle: false });

describeWithBrowser('the studio, served by the server', () => {
  test('client-side routes get index.html; the API keeps its own paths', async () => {
    const { api } = studio;
    const deep = await fetch(`${api.server.url}/objects/deal`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const rest = await fetch(`${api.server.url}/api/deals`);
    expect(rest.status).toBe(401);
    expect(rest.headers.get('content-type')).toContain('json');
    const graphql = await fetch(`${api.server.url}/graphql?query=%7B__typename%7D`);
    expect(graphql.headers.get('content-type')).toContain('json');
  });

  test('a signed-in first load asks for the session and the model once, before the shell renders', async () => {
    const { api } = studio;
    const { context, page, errors } = await studio.newPage();
    // In the page: when each GraphQL operation was sent, and when React first drew into #root.
    await context.addInitScript(`
      localStorage.setItem('stratum.token', ${JSON.stringify(api.token)});
      window.__sent = [];
      const send = window.fetch;
      window.fetch = (input, init) => {
        const name = /"operationName":"(\\w+)"/.exec(String(init?.body ?? ''))?.[1];
        if (name) window.__sent.push({ name, at: performance.now() });
        return send(input, init);
      };
      new MutationObserver((_, observer) => {
        if (!document.getElementById('root')?.firstChild) return;
        window.__drawnAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    `);
    await page.goto(`${api.server.url}/objects`);
    await page.locator('tr[data-row="deal"]').waitFor();
    const { sent, drawnAt } = (await page.evaluate(`({ sent: window.__sent, drawnAt: window.__drawnAt })`)) as {
      sent: { name: string; at: number }[];
      drawnAt: number;
    };
    const named = (name: string) => sent.filter((s) => s.name === name);
    // preload-first-page.ts sent them before React rendered; the shell and the page took their answers.
    expect(named('Me')).toHaveLength(1);
    expect(named('WorkspaceModel')).toHaveLength(1);
    expect(named('Me')[0]!.at).toBeLessThan(drawnAt);
    expect(named('WorkspaceModel')[0]!.at).toBeLessThan(drawnAt);
    expect(named('Objects')).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a remembered token the server refuses lands on the sign-in form and is forgotten', async () => {
    const { api } = studio;
    const { context, page } = await studio.newPage();
    await page.goto(api.server.url);
    await page.evaluate(`localStorage.setItem('stratum.token', 'a-token-the-server-never-gave')`);
    await page.goto(`${api.server.url}/objects`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(`localStorage.getItem('stratum.token')`)).toBeNull();
    await context.close();
  });

  test('logs in, lists objects, opens deal, switches theme and language, logs out — only through the UI', async () => {
    const { api } = studio;
    const { context, page, errors: problems, external } = await studio.newPage({ reducedMotion: 'no-preference' });

    // First load with a cold cache (a fresh context), navigation start to login form: recorded, not asserted.
    await page.goto(api.server.url);
    await page.locator('input[name=email]').waitFor();
    const firstLoadMs = Number(await page.evaluate(`Math.round(performance.now())`));
    writeFileSync(path.join(STUDIO_SHOTS, 'first-load.json'), JSON.stringify({ firstLoadMs }) + '\n');
    await shot(page, '01-login');

    // Wrong password: a clear error, still on the login page.
    await page.locator('input[name=email]').fill(api.email);
    await page.locator('input[name=password]').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Wrong email or password');
    await shot(page, '02-login-wrong-password');

    // The right one, submitted from the keyboard.
    await page.locator('input[name=password]').fill(api.password);
    await page.locator('input[name=password]').press('Enter');
    const objects = page.getByRole('table', { name: 'Objects' });
    await objects.waitFor();
    for (const name of ['company', 'contact', 'lead', 'deal', 'task', 'note', 'product']) {
      await page.locator(`tr[data-row="${name}"]`).waitFor();
    }
    expect(await page.getByTestId('workspace').textContent()).toBe(
      (await api.gql<{ me: { workspace: string } }>('{ me { workspace } }')).data!.me.workspace,
    );
    expect(await page.evaluate(`localStorage.getItem('stratum.token')`)).toBeTruthy();
    await shot(page, '03-objects');

    // Keyboard: the object's name is a link, reached and followed with the keyboard.
    await page.getByRole('link', { name: 'deal', exact: true }).focus();
    await page.keyboard.press('Enter');
    const fields = page.getByRole('table', { name: /Fields of Deal/ });
    await fields.waitFor();
    expect(page.url()).toBe(`${api.server.url}/objects/deal`);
    for (const name of ['name', 'amount', 'stage', 'closeDate', 'company']) {
      await page.locator(`tr[data-row="${name}"]`).waitFor();
    }
    expect(await page.locator('tr[data-row="amount"]').textContent()).toContain('currency');
    await shot(page, '04-deal-fields');

    // Dark theme.
    const scheme = () => page.evaluate(`document.documentElement.getAttribute('data-mantine-color-scheme')`);
    expect(await scheme()).toBe('light');
    await page.getByTestId('theme-toggle').click();
    expect(await scheme()).toBe('dark');
    await page.mouse.move(640, 700); // away from the toggle's tooltip
    await shot(page, '05-deal-fields-dark');

    // Georgian: the navigation and the headings are translated.
    await page.getByLabel('Language').selectOption('ka');
    await page.getByRole('link', { name: 'ობიექტები' }).waitFor();
    await page.getByRole('link', { name: 'პროცესები' }).waitFor();
    expect(await page.evaluate(`document.documentElement.lang`)).toBe('ka');
    await shot(page, '06-deal-fields-ka-dark');

    // The other sections list the workspace's real data.
    await page.getByRole('link', { name: 'ადამიანები' }).click();
    await page.getByText(api.email).waitFor();
    await shot(page, '07-people-ka-dark');
    await page.getByLabel('ენა').selectOption('en');
    await page.getByTestId('theme-toggle').click();
    await page.getByRole('link', { name: 'Roles' }).click();
    await page.getByRole('table', { name: 'Roles' }).waitFor();
    await page.locator('tr[data-row="manager"]').waitFor();
    await shot(page, '08-roles');
    await page.getByRole('link', { name: 'Workflows' }).click();
    await page.locator('tr[data-row="dealWon"]').waitFor();
    await shot(page, '09-workflows');

    // Phone width: the navigation folds into a burger menu.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await page.getByRole('link', { name: 'Objects' }).click();
    await objects.waitFor();
    await shot(page, '10-objects-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Logout forgets the token and shows the login page again.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(`localStorage.getItem('stratum.token')`)).toBeNull();

    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });
});
