import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * The Dyads rung as a person uses it: by visible labels and accessible names only, so a
 * change of markup is one edit here and the tests read like someone's actions.
 */
export class DyadsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Dyads' }).click();
    await this.page.getByRole('heading', { name: 'Dyads', level: 1 }).waitFor();
    await this.page.getByRole('button', { name: 'Add a person' }).first().waitFor();
  }

  async addPerson(name: string, howWeMet: string) {
    await this.page.getByRole('button', { name: 'Add a person' }).first().click();
    await this.page.getByLabel('Name').fill(name);
    await this.page.getByLabel('How we met').fill(howWeMet);
    await this.page.getByRole('button', { name: 'Add person' }).click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  async startDyadWith(name: string, dyad: { kind: string; intention: string; rhythmDays: string; agreements: string[] }) {
    await this.page.getByRole('button', { name: `Start a dyad with ${name}` }).click();
    await this.page.getByLabel('Kind').selectOption({ label: dyad.kind });
    await this.page.getByLabel('Intention, in our words').fill(dyad.intention);
    await this.page.getByLabel('Rhythm: every … days').fill(dyad.rhythmDays);
    await this.page.getByLabel('Agreements, one per line').fill(dyad.agreements.join('\n'));
    await this.page.getByRole('button', { name: 'Start dyad' }).click();
    await this.page.getByRole('heading', { name: new RegExp(`${name} · ${dyad.kind}`), level: 1 }).waitFor();
  }

  async newCheckin() {
    await this.page.getByRole('button', { name: 'New check-in' }).click();
    await this.page.getByRole('heading', { name: 'Check-in', level: 1 }).waitFor();
  }

  /** The commitment under review right now. */
  reviewText() {
    return this.page.getByRole('article', { name: 'Commitment to review' }).locator('.review-text').textContent();
  }

  async reviewKept() {
    await this.page.getByRole('button', { name: 'Kept', exact: true }).click();
  }

  async reviewRenegotiate(newTerms: string) {
    await this.page.getByRole('button', { name: 'Renegotiate…' }).click();
    await this.page.getByLabel('New terms').fill(newTerms);
    await this.page.getByRole('button', { name: 'Save new terms' }).click();
  }

  async writeCheckin(fields: { date?: string; shared: string; heard: string; name: string; how: string; dial: number }) {
    await this.page.getByLabel('What I shared').waitFor();
    if (fields.date) await this.page.getByLabel('Date', { exact: true }).fill(fields.date);
    await this.page.getByLabel('What I shared').fill(fields.shared);
    await this.page.getByLabel(`What I heard, what is alive for ${fields.name}`).fill(fields.heard);
    await this.page.getByRole('radio', { name: fields.how, exact: true }).check();
    await this.page.getByRole('radio', { name: new RegExp(`^${fields.dial} `) }).check();
  }

  async addCommitment(direction: 'mine' | 'theirs', name: string, text: string) {
    const field = this.page.getByLabel(direction === 'mine' ? 'New commitment of mine' : `New commitment of ${name}’s`);
    await field.fill(text);
    await field.press('Enter');
    const list = this.page.getByRole('list', { name: direction === 'mine' ? 'I committed to' : `${name} committed to` });
    await list.getByText(text).waitFor();
  }

  async waitUntilSaved() {
    await expect.poll(() => this.page.getByRole('status').filter({ hasText: /^Saved$/ }).count(), { timeout: 10_000 }).toBe(1);
  }

  async backTo(label: string) {
    await this.page.getByRole('button', { name: label }).click();
  }

  fact(term: string) {
    return this.page.locator('.dyad-facts-wide div').filter({ has: this.page.getByText(term, { exact: true }) }).locator('dd');
  }

  /** Scrolls the page (the app's main column) to its top or bottom, for screenshots. */
  async scrollTo(where: 'top' | 'bottom') {
    await this.page.locator('main').evaluate((main, to) => main.scrollTo(0, to === 'top' ? 0 : main.scrollHeight), where);
  }

  timeline() {
    return this.page.getByRole('list', { name: 'Timeline' });
  }
}
