import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
// Expressions evaluated in the page are strings: this file is type-checked for Node, without the DOM lib.
import { STUDIO_DIST } from '../../server/src/http/studio';
import { startTestApi, type TestApi } from '../support/api';
import { hasBrowser, launchBrowser } from '../support/browser';

const shots = path.resolve(__dirname, '../artifacts/studio');
let api: TestApi;
let browser: Browser;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

(hasBrowser ? describe : describe.skip)('the studio, served by the server', () => {
  beforeAll(async () => {
    if (!existsSync(path.join(STUDIO_DIST, 'index.html'))) {
      throw new Error(`The studio is not built at ${STUDIO_DIST}: run npm run -w studio build (npm install does)`);
    }
    mkdirSync(shots, { recursive: true });
    api = await startTestApi({ seed: 'sales-crm' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  test('client-side routes get index.html; the API keeps its own paths', async () => {
    const deep = await fetch(`${api.server.url}/objects/deal`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const rest = await fetch(`${api.server.url}/api/deals`);
    expect(rest.status).toBe(401);
    expect(rest.headers.get('content-type')).toContain('json');
    const graphql = await fetch(`${api.server.url}/graphql?query=%7B__typename%7D`);
    expect(graphql.headers.get('content-type')).toContain('json');
  });

  test('logs in, lists objects, opens deal, switches theme and language, logs out — only through the UI', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    const page = await context.newPage();
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(api.server.url)) external.push(request.url());
    });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    // First load with a cold cache (a fresh context), navigation start to login form: recorded, not asserted.
    await page.goto(api.server.url);
    await page.locator('input[name=email]').waitFor();
    const firstLoadMs = Number(await page.evaluate(`Math.round(performance.now())`));
    writeFileSync(path.join(shots, 'first-load.json'), JSON.stringify({ firstLoadMs }) + '\n');
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
