import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestApi, type TestApi } from '../support/api';
import { hasBrowser, launchBrowser } from '../support/browser';

const shots = path.resolve(__dirname, '../artifacts');
let api: TestApi;
let browser: Browser;

(hasBrowser ? describe : describe.skip)('GraphiQL, served locally', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    api = await startTestApi({ seed: 'sales-crm' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  test('logs in and runs a query against the generated schema, with no request leaving the machine', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(api.server.url)) external.push(request.url());
    });
    await page.goto(`${api.server.url}/graphiql`);
    await page.fill('input[name=email]', api.email);
    await page.fill('input[name=password]', api.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('.graphiql-container');
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(`document.querySelector('.result-window')?.textContent?.includes('"pluralName"')`);
    const result = await page.textContent('.result-window');
    expect(result).toContain('"companies"');
    expect(result).toContain(api.email);
    await page.screenshot({ path: path.join(shots, 'graphiql.png') });
    expect(external).toEqual([]);
  });
});
