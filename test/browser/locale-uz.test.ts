import type { Page } from 'playwright-core';
import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import { checkDesignPages, expectNoRawKeys } from './steps/locale';

const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter('locale-uz', { fromTop: true });

interface Deal {
  name: string;
  amount: { amount: number; currency: string | null } | null;
}

/**
 * The seeded deals' amounts as this browser's `Intl` writes them, `[in Uzbek, in English]`, only those where the two
 * differ: the list must show the first and never the second.
 */
async function amountsUzAndEn(page: Page): Promise<[string, string][]> {
  const result = await studio.api.gql<{ deals: { edges: { node: Deal }[] } }>(
    `{ deals(first: 100) { edges { node { name amount { amount currency } } } } }`,
  );
  if (result.errors) throw new Error(result.errors[0]!.message);
  const money = result.data!.deals.edges.flatMap(({ node }) => (node.amount?.currency ? [node.amount] : []));
  const pairs = await page.evaluate<[string, string][]>(
    `${JSON.stringify(money)}.map((m) => ['uz', 'en'].map((language) =>
      new Intl.NumberFormat(language, { style: 'currency', currency: m.currency }).format(m.amount)))`,
  );
  return pairs.filter(([uz, en]) => uz !== en);
}

describeWithBrowser('the studio in Uzbek', () => {
  test('the language select switches the shell, the workspace and the design pages to Uzbek (Latin script)', async () => {
    const { page, errors, external } = await studio.newPage({ defaultTimeout: 15_000 });
    await signIn(page, studio.api);
    await page.getByTestId('language').selectOption('uz');
    await page.waitForFunction(`document.documentElement.lang === 'uz'`);
    const workspaceNav = page.getByRole('navigation', { name: 'Ish maydoni' });
    await workspaceNav.waitFor();
    await page.getByRole('navigation', { name: 'Sozlash' }).getByRole('link', { name: 'Biznes-jarayonlar' }).waitFor();
    await page.getByRole('button', { name: 'Chiqish' }).waitFor();

    // Home: the three cards under their Uzbek titles, written with the proper ʻ (U+02BB), not an apostrophe.
    await workspaceNav.getByRole('link', { name: 'Bosh sahifa', exact: true }).click();
    await page.waitForURL(/\/home$/);
    await page.getByRole('region', { name: 'Mening vazifalarim' }).waitFor();
    const deals = page.getByRole('region', { name: 'Mening ochiq bitimlarim' });
    await deals.getByRole('listitem').first().waitFor();
    await page.getByRole('region', { name: 'Yaqinda yangilanganlar' }).getByRole('listitem').first().waitFor();
    await page.getByText(/^Salom, /).waitFor();
    expect(await deals.innerText()).toContain('yopilishi: ');
    await expectNoRawKeys(page);
    await shot(page, '01-home');

    // The deal list: its toolbar in Uzbek, money written by Intl for "uz" (not for English).
    await page.goto(`${studio.api.server.url}/o/deal`);
    const table = page.getByRole('table', { name: 'Bitimlar' });
    await table.getByRole('row').nth(1).waitFor();
    await page.getByRole('button', { name: 'Filtr' }).waitFor();
    await page.getByRole('button', { name: /eksport/i }).waitFor();
    await page.getByText(/^Jami: \d+$/).waitFor();
    const rows = await table.innerText();
    const amounts = await amountsUzAndEn(page);
    expect(amounts.filter(([uz]) => rows.includes(uz)).length).toBeGreaterThan(0);
    expect(amounts.filter(([, en]) => rows.includes(en))).toEqual([]);
    await expectNoRawKeys(page);
    await shot(page, '02-deals');

    // The board of the sales pipeline, its columns under the Uzbek stage labels of the manifest.
    await page.goto(`${studio.api.server.url}/o/deal/board`);
    // (Only the board's prefix is checked: the pipeline's name comes from the manifest.)
    await page.getByRole('group', { name: /^Doska: / }).waitFor();
    await page.getByRole('region', { name: 'Yangi', exact: true }).getByRole('listitem').first().waitFor();
    await page
      .getByLabel(/^Yozuvlar: \d+$/)
      .first()
      .waitFor();
    await page.getByText('Yopish uchun shu yerga tashlang').first().waitFor();
    await expectNoRawKeys(page);
    await shot(page, '03-board');

    // The design pages.
    await checkDesignPages(
      page,
      studio.api.server.url,
      {
        objects: 'Obyektlar',
        newObject: 'Yangi obyekt',
        workflows: 'Biznes-jarayonlar',
        newWorkflow: 'Yangi biznes-jarayon',
      },
      shot,
    );

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
