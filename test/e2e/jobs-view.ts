import type { Locator, Page } from 'playwright-core';

// The Jobs view and its dialogs as the two jobs e2e suites drive them.

export function jobsPane(page: Page): Locator {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Jobs' }) }).first();
}

/** The first row of the Jobs view whose text matches. */
export function jobsRow(page: Page, text: string | RegExp): Locator {
  return jobsPane(page).locator('.monaco-list-row', { hasText: text }).first();
}

/** Clicks a row's inline action (shown on hover) by its title. */
export async function rowAction(row: Locator, title: string): Promise<void> {
  await row.hover();
  await row.locator(`.action-label[aria-label^="${title}"]`).first().click();
}

/** Clicks a button of the modal dialog whose message matches, and returns the dialog's text. */
export async function answerDialog(page: Page, message: RegExp, button: string): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box').filter({ hasText: message });
  await dialog.waitFor({ state: 'visible', timeout: 60_000 });
  const text = await dialog.innerText();
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^${button}$`) }).first().click();
  return text;
}
