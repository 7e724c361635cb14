import type { Locator, Page } from 'playwright-core';

/**
 * Steps for the header's notification bell, found by role and accessible name as a person with a screen
 * reader finds them.
 */

/** The bell button; its name says how many are unread ("Notifications, unread: 2"). */
export function bell(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: /^Notifications/ });
}

/** Makes the bell ask the server now, as it does every 30 s and whenever the window regains focus. */
export async function pollNotifications(page: Page): Promise<void> {
  await page.evaluate("window.dispatchEvent(new Event('focus'))");
}

/** The toast of a notification (Mantine's notification, by its title). */
export function toast(page: Page, title: string): Locator {
  return page.locator('.mantine-Notification-root').filter({ hasText: title });
}

/** Opens the bell's list and returns it. */
export async function openNotifications(page: Page): Promise<Locator> {
  await bell(page).click();
  const list = page.getByRole('dialog', { name: 'Notifications' });
  await list.waitFor();
  return list;
}
