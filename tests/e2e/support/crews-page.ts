import type { Page } from 'playwright-core';

/** The Crews rung as a person uses it: by visible labels and accessible names only. */
export class CrewsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Crews' }).click();
    await this.page.getByRole('heading', { name: 'Crews', level: 1 }).waitFor();
    await this.page.getByRole('button', { name: 'Call a crew' }).first().waitFor();
  }

  async callCrew(crew: { name: string; intention?: string; newMembers: string[]; sessions: string; rhythmDays: string; calledOn?: string; cycleEndsOn?: string }) {
    await this.page.getByRole('button', { name: 'Call a crew' }).first().click();
    await this.page.getByRole('heading', { name: 'Call a crew', level: 1 }).waitFor();
    await this.page.getByLabel('Name', { exact: true }).fill(crew.name);
    if (crew.intention !== undefined) await this.page.getByLabel('Intention').fill(crew.intention);
    for (const name of crew.newMembers) {
      await this.page.getByLabel('Someone new').fill(name);
      await this.page.getByRole('button', { name: 'Add to the crew' }).click();
      await this.page.getByRole('checkbox', { name, exact: true }).waitFor();
    }
    if (crew.calledOn !== undefined) await this.page.getByLabel('Called on').fill(crew.calledOn);
    await this.page.getByLabel('Meet every … days').fill(crew.rhythmDays);
    await this.page.getByLabel('Sessions in this cycle').fill(crew.sessions);
    if (crew.cycleEndsOn !== undefined) await this.page.getByLabel('Cycle ends on (optional)').fill(crew.cycleEndsOn);
    await this.page.getByRole('button', { name: 'Call this crew' }).click();
    await this.page.getByRole('heading', { name: crew.name, level: 1 }).waitFor();
  }

  async openCrew(name: string) {
    await this.page.getByRole('button', { name: new RegExp(name) }).first().click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  async openPrep() {
    await this.page.getByRole('button', { name: 'Prepare the next meeting' }).click();
    await this.page.getByRole('heading', { name: 'Next meeting', level: 1 }).waitFor();
  }

  async addAgendaItem(text: string, options: { raisedBy?: string; private?: boolean } = {}) {
    await this.page.getByLabel('Agenda item').fill(text);
    if (options.raisedBy) await this.page.getByLabel('Raised by').selectOption({ label: options.raisedBy });
    if (options.private) await this.page.getByRole('checkbox', { name: /Private/ }).check();
    await this.page.getByRole('button', { name: 'Add to the agenda' }).click();
    await this.page.getByRole('listitem').filter({ hasText: text }).first().waitFor();
  }

  async recordMeeting(meeting: { place: string; covered: string[]; actionItems?: { text: string; owner: string }[] }) {
    await this.page.getByRole('button', { name: 'Record this meeting' }).click();
    await this.page.getByRole('heading', { name: 'Record a meeting', level: 1 }).waitFor();
    await this.page.getByLabel('Place').fill(meeting.place);
    for (const item of meeting.covered) await this.page.getByRole('checkbox', { name: item }).check();
    for (const [index, action] of (meeting.actionItems ?? []).entries()) {
      await this.page.getByRole('button', { name: 'Add an action item' }).click();
      await this.page.getByLabel(`Action item ${index + 1}`, { exact: true }).fill(action.text);
      await this.page.getByLabel(`Owner of action item ${index + 1}`).selectOption({ label: action.owner });
    }
    await this.page.getByRole('button', { name: 'Save the meeting' }).click();
    await this.page.getByRole('button', { name: 'Prepare the next meeting' }).waitFor();
  }

  async fillRetrospective(retro: { worked: string; didNotWork: string; change: string; decision: string; closingNote?: string }) {
    await this.page.getByRole('button', { name: 'Run the retrospective' }).click();
    await this.page.getByRole('heading', { name: 'Retrospective', level: 1 }).waitFor();
    await this.page.getByLabel('What worked').fill(retro.worked);
    await this.page.getByLabel("What didn't").fill(retro.didNotWork);
    await this.page.getByLabel('What to change').fill(retro.change);
    await this.page.getByRole('radio', { name: retro.decision }).check();
    if (retro.closingNote !== undefined) await this.page.getByLabel('Closing note').fill(retro.closingNote);
  }

  /** Closes any notifications, so a screenshot shows the page itself. */
  async dismissToasts() {
    const buttons = this.page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Dismiss' });
    while ((await buttons.count()) > 0) await buttons.first().click();
  }

  async scrollToTop() {
    await this.page.getByRole('main').evaluate((main) => main.scrollTo(0, 0));
  }

  async saveRetrospective() {
    await this.page.getByRole('button', { name: 'Save the retrospective' }).click();
  }
}
