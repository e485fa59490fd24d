import type { Page } from 'playwright-core';

/** The ladder home, congregations and the belonging map, by visible labels and accessible names only. */
export class LadderPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Ladder' }).click();
    await this.page.getByRole('list', { name: 'The ladder' }).waitFor();
  }

  rung(name: string) {
    return this.page.getByRole('list', { name: 'The ladder' }).getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: new RegExp(`^${name}`) }) });
  }

  signals() {
    return this.page.getByRole('list', { name: 'Worth a look' });
  }

  async reflectOn(rung: string) {
    await this.page.getByRole('button', { name: `Reflect on ${rung}` }).click();
    await this.page.getByRole('heading', { name: 'Self', level: 1 }).waitFor();
  }

  async openMap() {
    await this.page.getByRole('button', { name: 'See your belonging map' }).click();
    await this.page.getByRole('group', { name: 'Belonging map' }).waitFor();
  }
}

export class CongregationsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Congregations' }).click();
    await this.page.getByRole('heading', { name: 'Congregations', level: 1 }).waitFor();
  }

  async add(fields: { name: string; about: string; size: string; role: string }) {
    await this.page.getByRole('button', { name: 'New congregation' }).click();
    await this.page.getByLabel('Name').fill(fields.name);
    await this.page.getByLabel('What it is about').fill(fields.about);
    await this.page.getByLabel('Approximate size (people)').fill(fields.size);
    await this.page.getByLabel('My role').selectOption({ label: fields.role });
    await this.page.getByRole('button', { name: 'Save congregation' }).click();
    await this.page.getByRole('heading', { name: fields.name, level: 1 }).waitFor();
  }

  async placeCrew(name: string) {
    await this.page.getByLabel('Crew to place here').selectOption({ label: name });
    await this.page.getByRole('button', { name: 'Place crew' }).click();
    await this.page.getByRole('list', { name: 'Crews here' }).getByRole('button', { name, exact: true }).waitFor();
  }

  async addGathering(fields: { name: string; date: string; place: string; newCrewmates: string[]; harvest: string }) {
    await this.page.getByRole('button', { name: 'Add a gathering' }).click();
    const form = this.page.getByRole('form', { name: 'New gathering' });
    await form.getByLabel('Gathering name').fill(fields.name);
    await form.getByLabel('Date').fill(fields.date);
    await form.getByLabel('Place').fill(fields.place);
    for (const name of fields.newCrewmates) {
      await form.getByLabel("New person's name (possible crewmates)").fill(name);
      await form.getByRole('button', { name: 'Add to possible crewmates' }).click();
      await form.getByRole('group', { name: 'Possible crewmates' }).getByRole('checkbox', { name }).waitFor();
    }
    await form.getByLabel('Harvest notes').fill(fields.harvest);
    await form.getByRole('button', { name: 'Save gathering' }).click();
    await this.page.getByRole('list', { name: 'Gatherings' }).getByRole('heading', { name: new RegExp(fields.name) }).waitFor();
  }

  reflections() {
    return this.page.getByRole('list', { name: 'Reflections on Congregations' });
  }

  async openCongregation(name: string) {
    await this.page.getByRole('list', { name: 'Your congregations' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  /** The Undo in the toast that says `message`. */
  undo(message: string) {
    return this.page.getByRole('region', { name: 'Notifications' }).locator('.toast').filter({ hasText: message }).getByRole('button', { name: 'Undo' });
  }
}
