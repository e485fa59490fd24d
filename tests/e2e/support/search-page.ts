import type { Page } from 'playwright-core';

/** Search as a person uses it: the keyboard shortcut, the box, and results by their names. */
export class SearchPage {
  constructor(readonly page: Page) {}

  async openWithKeyboard() {
    await this.page.keyboard.press('Control+K');
    await this.box().waitFor();
  }

  box() {
    return this.page.getByRole('searchbox', { name: 'Search everything' });
  }

  async type(text: string) {
    await this.box().pressSequentially(text, { delay: 20 });
  }

  group(label: string) {
    return this.page.getByRole('region', { name: new RegExp(`^${label}`) });
  }

  result(name: string | RegExp) {
    return this.page.getByRole('button', { name });
  }
}

/** Settings, by its section headings and button labels. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Settings' }).click();
    await this.page.getByRole('heading', { name: 'Backups' }).waitFor();
  }

  async backUpNow() {
    await this.page.getByRole('button', { name: 'Back up now' }).click();
    await this.page.getByRole('list', { name: 'Backups' }).getByRole('listitem').first().waitFor();
  }
}
