import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RequestInput, RequestName, RequestResult } from '../../shared/contract';
import type { BrowserHost } from '../host/browser-host';
import { saveScreenshot } from './support/browser';
import { CrewsPage } from './support/crews-page';
import { CongregationsPage } from './support/ladder-page';
import { useChromium } from './support/session';

const { startHost, visit } = useChromium();

/** Straight to the host's core: to seed records, and to see what the archive holds. */
async function direct<N extends RequestName>(host: BrowserHost, name: N, input: RequestInput<N>): Promise<RequestResult<N>> {
  const envelope = await host.core.handle(name, input);
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.message}`);
  return envelope.data as RequestResult<N>;
}

/** The words the archive holds for a form (parsed), once they are there. */
async function storedDraft(host: BrowserHost, key: string) {
  const draft = (await direct(host, 'drafts.list', {})).find((d) => d.key === key);
  return draft ? (JSON.parse(draft.value) as Record<string, unknown>) : undefined;
}

const captureDialog = (page: Page) => page.getByRole('dialog', { name: 'What’s active right now?' });
const keptNote = 'Your capture from before is kept, not saved yet.';

describe('drafts survive a restart of the window, end to end in Chromium', () => {
  it('keeps a quick capture closed with Escape through a reload, and lets it go once saved', async () => {
    const host = await startHost();
    const { page, pageErrors, foreignRequests } = await visit(host, 'light');
    await page.getByRole('heading', { name: 'Your ladder' }).waitFor();
    await page.keyboard.press('Control+Shift+N');
    await captureDialog(page).waitFor();
    await page.keyboard.type('Restless before the call with Sam');
    await page.keyboard.press('Escape');
    await expect.poll(() => storedDraft(host, 'quick-capture')).toMatchObject({ line: 'Restless before the call with Sam' });

    // The browser host keeps the archive: a reload is a restart of the window.
    await page.reload();
    await page.getByRole('heading', { name: 'Your ladder' }).waitFor();
    await page.getByText(keptNote).waitFor();
    await saveScreenshot(page, 'drafts-capture-kept-light');
    await page.keyboard.press('Control+Shift+N');
    await expect.poll(() => captureDialog(page).getByRole('textbox', { name: 'What’s active right now?' }).inputValue()).toBe('Restless before the call with Sam');
    // The note has done its job once the words are back on screen.
    expect(await page.getByText(keptNote).count()).toBe(0);
    await saveScreenshot(page, 'drafts-capture-restored-light');

    await page.keyboard.press('Enter');
    await page.getByText('Captured in your journal').waitFor();
    await expect.poll(() => direct(host, 'drafts.list', {})).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { name: 'Your ladder' }).waitFor();
    await page.keyboard.press('Control+Shift+N');
    await captureDialog(page).waitFor();
    expect(await captureDialog(page).getByRole('textbox').inputValue()).toBe('');
    expect(await page.getByText(keptNote).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('brings a kept capture back in the dark too, from the Quick capture button', async () => {
    const host = await startHost();
    await direct(host, 'drafts.keep', { key: 'quick-capture', value: JSON.stringify({ line: 'The critic is loud about the email', partIds: [], selfEnergy: null }) });
    const { page, pageErrors } = await visit(host, 'dark');
    await page.getByText(keptNote).waitFor();
    await saveScreenshot(page, 'drafts-capture-kept-dark');
    await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Self' }).click();
    await page.getByRole('button', { name: /Quick capture/ }).click();
    await expect.poll(() => captureDialog(page).getByRole('textbox').inputValue()).toBe('The critic is loud about the email');
    await saveScreenshot(page, 'drafts-capture-restored-dark');
    expect(pageErrors).toEqual([]);
  });

  it('keeps “Record a meeting” through a reload, with its action items, until it is saved', async () => {
    const host = await startHost();
    const me = await direct(host, 'people.create', { name: 'Me', isMe: true });
    const ada = await direct(host, 'people.create', { name: 'Ada' });
    const bea = await direct(host, 'people.create', { name: 'Bea' });
    const crew = await direct(host, 'crews.create', { name: 'Thursday crew', startedOn: '2026-01-01', rhythmDays: 14, cycleSessions: 6, memberIds: [me.id, ada.id, bea.id] });
    const key = `crews:${crew.id}:new-meeting`;

    const { page, pageErrors } = await visit(host, 'light');
    const crews = new CrewsPage(page);
    // With words kept, the crew page says so and its button goes on with them.
    const openForm = async (on: Page, button = 'Record a meeting', shot?: string) => {
      const rung = new CrewsPage(on);
      await rung.open();
      await rung.openCrew('Thursday crew');
      if (shot) {
        await on.getByText('A meeting you started recording is kept, not saved yet.').waitFor();
        await saveScreenshot(on, shot);
      }
      await on.getByRole('button', { name: button, exact: true }).click();
      await on.getByRole('heading', { name: 'Record a meeting', level: 1 }).waitFor();
    };
    await openForm(page);
    await page.getByLabel('Notes').fill('Ada brought soup. We talked about the retreat.');
    await page.getByLabel('My check-in note').fill('Tired but here');
    await page.getByRole('button', { name: 'Add an action item' }).click();
    await page.getByLabel('Action item 1', { exact: true }).fill('Book a room for the retreat');
    await expect.poll(() => storedDraft(host, key)).toMatchObject({ notes: 'Ada brought soup. We talked about the retreat.', checkins: { [me.id]: 'Tired but here' } });

    await page.reload();
    await openForm(page, 'Continue the meeting you started', 'drafts-crew-marked-light');
    expect(await page.getByLabel('Notes').inputValue()).toBe('Ada brought soup. We talked about the retreat.');
    expect(await page.getByLabel('My check-in note').inputValue()).toBe('Tired but here');
    expect(await page.getByLabel('Action item 1', { exact: true }).inputValue()).toBe('Book a room for the retreat');
    // A row added now is a row of its own, not a second copy of the one kept from before.
    await page.getByRole('button', { name: 'Add an action item' }).click();
    await page.getByLabel('Action item 2', { exact: true }).fill('Send the notes');
    expect(await page.getByLabel('Action item 1', { exact: true }).inputValue()).toBe('Book a room for the retreat');
    await page.getByLabel('Notes').focus();
    await saveScreenshot(page, 'drafts-meeting-restored-light');

    await expect.poll(() => storedDraft(host, key)).toMatchObject({ actions: [{ text: 'Book a room for the retreat' }, { text: 'Send the notes' }] });
    const dark = await visit(host, 'dark');
    await openForm(dark.page, 'Continue the meeting you started', 'drafts-crew-marked-dark');
    expect(await dark.page.getByLabel('Action item 2', { exact: true }).inputValue()).toBe('Send the notes');
    await dark.page.getByLabel('Notes').focus();
    await saveScreenshot(dark.page, 'drafts-meeting-restored-dark');
    await dark.context.close();

    await page.getByRole('button', { name: 'Save the meeting' }).click();
    await page.getByRole('heading', { name: 'Thursday crew', level: 1 }).waitFor();
    await expect.poll(() => direct(host, 'drafts.list', {})).toEqual([]);
    await page.reload();
    await openForm(page);
    expect(await page.getByLabel('Notes').inputValue()).toBe('');
    await crews.dismissToasts();
    expect(pageErrors).toEqual([]);
    expect(dark.pageErrors).toEqual([]);
  });

  it('marks a commitment whose new terms were left with Escape, through a reload, light and dark', async () => {
    const host = await startHost();
    const sam = await direct(host, 'people.create', { name: 'Sam' });
    const dyad = await direct(host, 'dyads.create', { personId: sam.id, kind: 'peer_coach', rhythmDays: 14 });
    await direct(host, 'commitments.create', { dyadId: dyad.id, direction: 'mine', text: 'Call the landlord', madeOn: '2026-01-05' });
    await direct(host, 'commitments.create', { dyadId: dyad.id, direction: 'theirs', text: 'Send the podcast link', madeOn: '2026-01-05' });
    const note = 'Your new terms are kept, not saved yet.';
    const openDyad = async (on: Page) => {
      await on.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Dyads' }).click();
      await on.getByRole('button', { name: /Sam/ }).first().click();
      await on.getByRole('heading', { name: 'Open commitments' }).waitFor();
    };
    const { page, pageErrors } = await visit(host, 'light');
    await openDyad(page);
    await page.getByRole('button', { name: 'Renegotiate: Call the landlord…' }).click();
    await page.keyboard.type(' after the holidays');
    await page.keyboard.press('Escape');
    await page.getByText(note).waitFor();
    await expect.poll(async () => (await direct(host, 'drafts.list', {})).length).toBe(1);

    await page.reload();
    await openDyad(page);
    await page.getByText(note).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'drafts-commitment-marked-light');
    const dark = await visit(host, 'dark');
    await openDyad(dark.page);
    await dark.page.getByText(note).scrollIntoViewIfNeeded();
    await saveScreenshot(dark.page, 'drafts-commitment-marked-dark');
    await dark.context.close();
    expect(pageErrors).toEqual([]);
    expect(dark.pageErrors).toEqual([]);
  });

  it('keeps “Call a crew” and “New congregation” through a reload in the middle of typing, until saved', async () => {
    const host = await startHost();
    await direct(host, 'people.create', { name: 'Ada' });
    const { page, pageErrors } = await visit(host, 'light');
    const crews = new CrewsPage(page);
    await crews.open();
    await page.getByRole('button', { name: 'Call a crew' }).first().click();
    await page.getByRole('heading', { name: 'Call a crew', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Thursday clinic');
    await page.getByRole('checkbox', { name: 'Ada', exact: true }).check();
    await page.getByLabel('Intention').pressSequentially('Help each other through hard cases');
    // Reloaded straight after the last key, before the pause that writes the words: leaving writes them.
    await page.reload();
    await crews.open();
    const callKept = 'A crew you started calling is kept, not saved yet.';
    await page.getByText(callKept).waitFor();
    await saveScreenshot(page, 'drafts-call-crew-marked-light');
    await page.getByRole('button', { name: 'Call a crew' }).first().click();
    await page.getByRole('heading', { name: 'Call a crew', level: 1 }).waitFor();
    await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe('Thursday clinic');
    expect(await page.getByLabel('Intention').inputValue()).toBe('Help each other through hard cases');
    expect(await page.getByRole('checkbox', { name: 'Ada', exact: true }).isChecked()).toBe(true);
    await page.getByText(/Your words are kept here until you call this crew/).waitFor();
    await saveScreenshot(page, 'drafts-call-crew-restored-light');

    const congregations = new CongregationsPage(page);
    await congregations.open();
    await page.getByRole('button', { name: 'New congregation' }).click();
    const form = page.getByRole('form', { name: 'New congregation' });
    await form.getByLabel('Name', { exact: true }).fill('Riverside Commons');
    await form.getByLabel('What it is about').pressSequentially('Neighbours who gather twice a year');
    await page.reload();
    await congregations.open();
    await expect.poll(() => form.getByLabel('Name', { exact: true }).inputValue()).toBe('Riverside Commons');
    expect(await form.getByLabel('What it is about').inputValue()).toBe('Neighbours who gather twice a year');
    await saveScreenshot(page, 'drafts-congregation-restored-light');

    // Saved, each lets its draft go; the other's words stay kept until it is saved too.
    await form.getByRole('button', { name: 'Save congregation' }).click();
    await page.getByRole('heading', { name: 'Riverside Commons', level: 1 }).waitFor();
    await expect.poll(async () => (await direct(host, 'drafts.list', {})).map((d) => d.key)).toEqual(['crews:new']);
    await crews.open();
    await page.getByRole('button', { name: 'Call a crew' }).first().click();
    await page.getByRole('button', { name: 'Call this crew' }).click();
    await page.getByRole('heading', { name: 'Thursday clinic', level: 1 }).waitFor();
    await expect.poll(() => direct(host, 'drafts.list', {})).toEqual([]);
    await page.reload();
    await crews.open();
    expect(await page.getByText(callKept).count()).toBe(0);
    await congregations.open();
    expect(await page.getByRole('form', { name: 'New congregation' }).count()).toBe(0);
    await crews.dismissToasts();
    expect(pageErrors).toEqual([]);
  });
});
