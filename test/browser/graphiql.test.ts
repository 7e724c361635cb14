import path from 'node:path';
import { ARTIFACTS, describeWithBrowser, studioSuite } from '../support/studio';

// GraphiQL is the server's own page: it needs no studio build.
const studio = studioSuite({ seed: 'sales-crm', studioBuild: false });

describeWithBrowser('GraphiQL, served locally', () => {
  test('logs in and runs a query against the generated schema, with no request leaving the machine', async () => {
    const { api } = studio;
    const { page, external } = await studio.newPage({ reducedMotion: 'no-preference' });
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
    await page.screenshot({ path: path.join(ARTIFACTS, 'graphiql.png') });
    expect(external).toEqual([]);
  });
});
