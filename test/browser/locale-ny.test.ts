import { describeWithBrowser, screenshotter, studioSuite } from '../support/studio';
import { signIn } from './steps/common';
import { checkDesignPages, expectNoRawKeys } from './steps/locale';

const studio = studioSuite({ seed: 'sales-crm' });
const shot = screenshotter('locale-ny', { fromTop: true });

describeWithBrowser('the studio in Chichewa', () => {
  test('the language select switches the studio to Chichewa, with Malawian English dates and money', async () => {
    const { page, errors, external } = await studio.newPage({ defaultTimeout: 15_000 });
    await signIn(page, studio.api);
    await page.getByTestId('language').selectOption('ny');
    await page.waitForFunction(`document.documentElement.lang === 'ny'`);
    const workspaceNav = page.getByRole('navigation', { name: 'Malo ogwirira ntchito' });
    await workspaceNav.waitFor();
    await page
      .getByRole('navigation', { name: 'Kapangidwe' })
      .getByRole('link', { name: 'Njira za malonda' })
      .waitFor();
    await page.getByRole('button', { name: 'Tulukani' }).waitFor();

    // Home: the three cards under their Chichewa titles.
    await workspaceNav.getByRole('link', { name: 'Poyambira', exact: true }).click();
    await page.waitForURL(/\/home$/);
    await page.getByRole('region', { name: 'Ntchito zanga' }).waitFor();
    const deals = page.getByRole('region', { name: 'Migwirizano yanga yotseguka' });
    await deals.getByRole('listitem').first().waitFor();
    await page.getByRole('region', { name: 'Zosinthidwa posachedwa' }).getByRole('listitem').first().waitFor();
    await page.getByText(/^Moni, /).waitFor();
    // The browser's Intl has no Chichewa data: the first deal's close date and amount are Malawian English, day
    // first ("1 Dec 2026"), not the en-US that 'ny' alone resolves to.
    const first = deals.getByRole('listitem').first();
    const id = await first.getAttribute('data-deal');
    const deal = (
      await studio.api.gql<{ deal: { closeDate: string; amount: { amount: number; currency: string } } }>(
        'query($id: ID!) { deal(id: $id) { closeDate amount { amount currency } } }',
        { id },
      )
    ).data!.deal;
    const expected = await page.evaluate<{ date: string; money: string; alone: string }, typeof deal>(
      (d) => ({
        date: new Intl.DateTimeFormat('en-MW', { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${d.closeDate}T00:00:00Z`),
        ),
        money: new Intl.NumberFormat('en-MW', { style: 'currency', currency: d.amount.currency }).format(
          d.amount.amount,
        ),
        alone: new Intl.DateTimeFormat('ny').resolvedOptions().locale,
      }),
      deal,
    );
    expect(expected.date).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
    await first.getByText(`idzatsekedwa ${expected.date}`, { exact: true }).waitFor();
    await first.getByText(expected.money, { exact: true }).waitFor();
    expect(expected.alone).toBe('en-US');
    await expectNoRawKeys(page);
    await shot(page, '01-home');

    // The deal list: its toolbar and filter in Chichewa.
    await page.goto(`${studio.api.server.url}/o/deal`);
    await page.getByRole('table', { name: 'Migwirizano yamalonda' }).getByRole('row').nth(1).waitFor();
    await page.getByRole('button', { name: 'Sefa' }).waitFor();
    await page.getByText(/^Zonse: \d+$/).waitFor();
    await expectNoRawKeys(page);
    await shot(page, '02-deals');

    // The board of the sales pipeline, its columns under the stages' Chichewa labels (from the manifest).
    await page.goto(`${studio.api.server.url}/o/deal/board`);
    await page.getByRole('group', { name: /^Bolodi la / }).waitFor();
    await page.getByRole('region', { name: 'Chatsopano', exact: true }).getByRole('listitem').first().waitFor();
    await page
      .getByLabel(/^Zolembedwa: \d+$/)
      .first()
      .waitFor();
    await expectNoRawKeys(page);
    await shot(page, '03-board');

    // The design pages.
    await checkDesignPages(
      page,
      studio.api.server.url,
      {
        objects: 'Zinthu',
        newObject: 'Chinthu chatsopano',
        workflows: 'Ndondomeko',
        newWorkflow: 'Ndondomeko yatsopano',
      },
      shot,
    );

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
