import type { Page } from 'playwright-core';

/**
 * The Self rung as a person uses it: parts, a part's page, the 6 F's flow and the parts map,
 * reached only by visible labels and accessible names.
 */
export class SelfPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Self' }).click();
    await this.page.getByRole('heading', { name: 'Self', level: 1 }).waitFor();
  }

  async tab(name: 'Journal' | 'Parts' | 'Parts map' | 'Self-energy' | 'Prompts and templates') {
    await this.page.getByRole('navigation', { name: 'Self' }).getByRole('button', { name, exact: true }).click();
  }

  async createPart(name: string, role: 'Manager' | 'Firefighter' | 'Exile' | 'Not sure yet') {
    await this.tab('Parts');
    const form = this.page.getByRole('form', { name: 'New part' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Role').selectOption({ label: role });
    await form.getByRole('button', { name: 'Add part' }).click();
    // A new part opens on its own page.
    await this.partHeading(name).waitFor();
  }

  partHeading(name: string) {
    return this.page.getByRole('heading', { name, level: 2 });
  }

  async openPart(name: string) {
    await this.tab('Parts');
    await this.page.getByRole('list', { name: 'Parts' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
    await this.partHeading(name).waitFor();
  }

  async relate(relation: 'Protects' | 'Is protected by' | 'Is polarised with' | 'Is allied with', other: string) {
    const form = this.page.getByRole('form', { name: 'Add a relation' });
    await form.getByLabel('Relation').selectOption({ label: relation });
    await form.getByLabel('Other part').selectOption({ label: other });
    await form.getByRole('button', { name: 'Add relation' }).click();
    await this.page.getByRole('button', { name: new RegExp(`^Remove: ${relation.toLowerCase()} ${other}$`) }).waitFor();
  }

  /** One step of the 6 F's: fills the answers given by their labels, rates C's, then goes on. */
  async flowStep(step: string, answers: Record<string, string> = {}, ratings: Record<string, number> = {}) {
    await this.page.getByRole('heading', { name: new RegExp(`^\\d\\. ${step}$`) }).waitFor();
    for (const [label, value] of Object.entries(answers)) await this.page.getByLabel(label, { exact: true }).fill(value);
    for (const [quality, value] of Object.entries(ratings)) {
      await this.page.getByRole('radiogroup', { name: quality }).getByRole('radio', { name: String(value) }).check();
    }
  }

  async next() {
    await this.page.getByRole('button', { name: 'Next' }).click();
  }

  appearances() {
    return this.page.getByRole('list', { name: 'Entries it showed up in' });
  }

  mapPart(name: string) {
    return this.page.getByRole('group', { name: 'Parts map' }).getByRole('button', { name });
  }
}
