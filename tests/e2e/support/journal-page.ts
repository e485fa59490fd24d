import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * The journal as a person uses it: by visible labels and accessible names only, so a change
 * of markup is one edit here and the tests keep reading like someone's actions.
 */
export class JournalPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Self' }).click();
    await this.page.getByRole('list', { name: 'Journal' }).or(this.page.getByText(/first entry/i)).first().waitFor();
  }

  async newEntry() {
    await this.page.getByRole('button', { name: 'New entry' }).first().click();
  }

  async write(fields: { title?: string; body?: string }) {
    if (fields.title !== undefined) await this.page.getByLabel('Title').fill(fields.title);
    if (fields.body !== undefined) await this.page.getByLabel('Entry', { exact: true }).fill(fields.body);
  }

  async waitUntilSaved() {
    await this.page.getByRole('status').filter({ hasText: /^Saved/ }).waitFor({ timeout: 10_000 });
  }

  listItem(title: string) {
    return this.page.getByRole('list', { name: 'Journal' }).getByRole('button', { name: new RegExp(title) });
  }

  async openEntry(title: string) {
    await this.listItem(title).click();
    await expect.poll(() => this.page.getByLabel('Title').inputValue()).toBe(title);
  }

  body() {
    return this.page.getByLabel('Entry', { exact: true }).inputValue();
  }
}
