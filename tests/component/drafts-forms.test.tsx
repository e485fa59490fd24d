import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type PageDetail, type PageId, useNavigation } from '../../renderer/src/app/navigation-store';
import { localDay } from '../../renderer/src/self/dates';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';
import { openPod, podOfFour } from './support/crews';
import { restartWindow } from './support/restart';

/**
 * The forms that make or change a crew, a dyad, a person, a congregation or a gathering keep what
 * was typed: Back, another page and a restart find it; saving, or letting it go on purpose, ends it.
 */

const direct: ReturnType<typeof coreBridge>['direct'] = (name, input) => coreBridge().direct(name, input);
const storedKeys = async () => (await direct('drafts.list', {})).map((d) => d.key);

/** What the archive holds for a form, parsed; undefined when nothing is kept. */
async function storedDraft(key: string) {
  const draft = (await direct('drafts.list', {})).find((d) => d.key === key);
  return draft ? (JSON.parse(draft.value) as Record<string, unknown>) : undefined;
}

const go = (page: PageId, detail: PageDetail | null = null) => act(() => useNavigation.getState().go(page, detail));

/** Answers "Discard this draft?" with `answer`. */
async function answerDiscard(user: ReturnType<typeof renderApp>['user'], answer: 'Discard' | 'Keep the draft') {
  const dialog = await screen.findByRole('alertdialog', { name: 'Discard this draft?' });
  await user.click(within(dialog).getByRole('button', { name: answer }));
}

describe('Call a crew and Edit crew keep their words', () => {
  it('Call a crew: through Back, another page and a restart; Discard draft and calling the crew let them go', async () => {
    await direct('people.create', { name: 'Ada' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await user.click(await screen.findByRole('button', { name: 'Call a crew' }));
    await screen.findByRole('heading', { name: 'Call a crew', level: 1 });
    expect(screen.queryByText(/Your words are kept here/)).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Name'), 'Thursday clinic');
    await user.type(screen.getByLabelText('Intention'), 'Help each other through hard cases');
    await user.click(screen.getByRole('checkbox', { name: 'Ada' }));
    await user.type(screen.getByLabelText('Someone new'), 'Bea');
    expect(screen.getByText('Your words are kept here until you call this crew or discard the draft, even if you leave this page.')).toBeInTheDocument();

    // Back, and the Crews page says the crew waits.
    await user.click(screen.getByRole('button', { name: 'Back to Crews' }));
    const call = await screen.findByRole('button', { name: 'Call a crew' });
    expect(call).toHaveAccessibleDescription('A crew you started calling is kept, not saved yet.');
    await user.click(call);
    expect(await screen.findByLabelText('Name')).toHaveValue('Thursday clinic');
    expect(screen.getByLabelText('Intention')).toHaveValue('Help each other through hard cases');

    // Another page, and back.
    await user.click(sidebar().getByRole('button', { name: 'Self' }));
    await screen.findByRole('heading', { name: 'Self', level: 1 });
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await user.click(await screen.findByRole('button', { name: 'Call a crew' }));
    expect(await screen.findByLabelText('Name')).toHaveValue('Thursday clinic');
    expect(screen.getByRole('checkbox', { name: 'Ada' })).toBeChecked();
    expect(screen.getByLabelText('Someone new')).toHaveValue('Bea');

    // A restart: only what differs from a blank form is in the archive.
    await waitFor(async () =>
      expect(await storedDraft('crews:new')).toEqual({ name: 'Thursday clinic', intention: 'Help each other through hard cases', chosen: [expect.any(String)], newName: 'Bea' }),
    );
    restartWindow();
    const { user: again } = renderApp();
    await again.click(sidebar().getByRole('button', { name: 'Crews' }));
    const marked = await screen.findByRole('button', { name: 'Call a crew' });
    await waitFor(() => expect(marked).toHaveAccessibleDescription('A crew you started calling is kept, not saved yet.'));
    await again.click(marked);
    expect(await screen.findByLabelText('Name')).toHaveValue('Thursday clinic');
    expect(screen.getByLabelText('Intention')).toHaveValue('Help each other through hard cases');
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Ada' })).toBeChecked());
    expect(screen.getByLabelText('Called on')).toHaveValue(localDay());

    // Discard draft asks first, then the form is blank again, here and in the archive.
    await again.click(screen.getByRole('button', { name: 'Discard draft' }));
    await answerDiscard(again, 'Keep the draft');
    expect(screen.getByLabelText('Name')).toHaveValue('Thursday clinic');
    await again.click(screen.getByRole('button', { name: 'Discard draft' }));
    await answerDiscard(again, 'Discard');
    expect(screen.getByLabelText('Name')).toHaveValue('');
    expect(screen.getByLabelText('Someone new')).toHaveValue('');
    expect(screen.getByLabelText('Agreements (one per line)')).toHaveValue('What is said here stays here.');
    expect(screen.getByLabelText('Name')).toHaveFocus();
    await waitFor(async () => expect(await storedKeys()).toEqual([]));

    // Calling the crew lets its words go too: the next "Call a crew" starts afresh.
    await again.type(screen.getByLabelText('Name'), 'Pod');
    await again.type(screen.getByLabelText('Intention'), 'Show up for each other');
    await again.click(screen.getByRole('button', { name: 'Call this crew' }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
    await again.click(screen.getByRole('button', { name: 'Back to Crews' }));
    const plain = await screen.findByRole('button', { name: 'Call a crew' });
    expect(plain).not.toHaveAttribute('aria-describedby');
    await again.click(plain);
    expect(await screen.findByLabelText('Name')).toHaveValue('');
    expect(screen.getByLabelText('Intention')).toHaveValue('');
  });

  it('Edit crew: a changed intention survives Back and a restart; Cancel lets it go after asking, and saving does too', async () => {
    const { crew } = await podOfFour();
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Edit crew' }));
    await screen.findByRole('heading', { name: 'Edit crew', level: 1 });
    await user.type(screen.getByLabelText('Intention'), 'Steady support through the winter');
    expect(screen.getByText('Your words are kept here until you save the changes or cancel, even if you leave this page.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back to Pod' }));
    const edit = await screen.findByRole('button', { name: 'Edit crew' });
    expect(edit).toHaveAccessibleDescription('Your changes to this crew are kept, not saved yet.');
    await user.click(edit);
    expect(await screen.findByLabelText('Intention')).toHaveValue('Steady support through the winter');
    // Only the change is kept: the fields left alone follow the crew as stored.
    await waitFor(async () => expect(await storedDraft(`crews:${crew.id}:edit`)).toEqual({ intention: 'Steady support through the winter' }));

    restartWindow();
    const { user: again } = await openPod();
    await again.click(await screen.findByRole('button', { name: 'Edit crew' }));
    await waitFor(() => expect(screen.getByLabelText('Intention')).toHaveValue('Steady support through the winter'));
    expect(screen.getByLabelText('Name')).toHaveValue('Pod');

    // Cancel asks while there are changes; kept, they stay.
    await again.click(screen.getByRole('button', { name: 'Cancel' }));
    await answerDiscard(again, 'Keep the draft');
    expect(screen.getByLabelText('Intention')).toHaveValue('Steady support through the winter');
    await again.click(screen.getByRole('button', { name: 'Cancel' }));
    await answerDiscard(again, 'Discard');
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    expect(screen.getByRole('button', { name: 'Edit crew' })).not.toHaveAttribute('aria-describedby');
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
    expect((await direct('crews.get', { id: crew.id, today: localDay() })).crew.intention).toBe('');

    // Without changes, Cancel just goes back.
    await again.click(screen.getByRole('button', { name: 'Edit crew' }));
    expect(await screen.findByLabelText('Intention')).toHaveValue('');
    await again.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    // Saved, the changes are the crew's and the draft goes.
    await again.click(screen.getByRole('button', { name: 'Edit crew' }));
    await again.type(await screen.findByLabelText('Intention'), 'Courage, together');
    await again.click(screen.getByRole('button', { name: 'Save the changes' }));
    await screen.findByText('Courage, together');
    expect((await direct('crews.get', { id: crew.id, today: localDay() })).crew.intention).toBe('Courage, together');
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
    expect(screen.getByRole('button', { name: 'Edit crew' })).not.toHaveAttribute('aria-describedby');
  });
});

describe('New dyad and Edit dyad keep their words', () => {
  it('New dyad: agreements and the day survive Back and a restart, and starting the dyad lets them go', async () => {
    await direct('people.create', { name: 'Sam' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Dyads' }));
    await user.click(await screen.findByRole('button', { name: 'New dyad' }));
    await screen.findByRole('heading', { name: 'New dyad', level: 1 });
    await waitFor(() => expect(within(screen.getByLabelText('With')).getByRole('option', { name: 'Sam' })).toBeInTheDocument());
    await user.selectOptions(screen.getByLabelText('With'), 'Sam');
    await user.clear(screen.getByLabelText('Started on'));
    await user.type(screen.getByLabelText('Started on'), '2026-03-01');
    await user.type(screen.getByLabelText('Agreements, one per line'), 'What we share stays here');
    expect(screen.getByText('Your words are kept here until you start the dyad or cancel, even if you leave this page.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back' }));
    const button = await screen.findByRole('button', { name: 'New dyad' });
    expect(button).toHaveAccessibleDescription('A dyad you started is kept, not saved yet.');
    await user.click(button);
    expect(await screen.findByLabelText('Agreements, one per line')).toHaveValue('What we share stays here');
    expect(screen.getByLabelText('Started on')).toHaveValue('2026-03-01');
    await waitFor(() => expect(screen.getByLabelText('With')).toHaveDisplayValue('Sam'));
    await waitFor(async () => expect(await storedDraft('dyads:new-dyad')).toMatchObject({ agreements: 'What we share stays here', startedOn: '2026-03-01' }));

    restartWindow();
    const { user: again } = renderApp();
    await again.click(sidebar().getByRole('button', { name: 'Dyads' }));
    const marked = await screen.findByRole('button', { name: 'New dyad' });
    await waitFor(() => expect(marked).toHaveAccessibleDescription('A dyad you started is kept, not saved yet.'));
    await again.click(marked);
    expect(await screen.findByLabelText('Agreements, one per line')).toHaveValue('What we share stays here');
    expect(screen.getByLabelText('Started on')).toHaveValue('2026-03-01');
    await waitFor(() => expect(screen.getByLabelText('With')).toHaveDisplayValue('Sam'));

    await again.click(screen.getByRole('button', { name: 'Start dyad' }));
    await screen.findByRole('heading', { name: /Sam · Peer coach/, level: 1 });
    const [card] = await direct('dyads.list', { today: localDay() });
    const dyad = await direct('dyads.get', { id: card!.id });
    expect(dyad.startedOn).toBe('2026-03-01');
    expect(dyad.agreements.map((a) => a.text)).toEqual(['What we share stays here']);
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
  });

  it('New dyad: a name typed in "Someone new" but not added is added and chosen by Start dyad', async () => {
    await direct('people.create', { name: 'Sam' });
    const { user } = renderApp();
    go('dyads', { kind: 'new-dyad' });
    await user.type(await screen.findByLabelText('Intention, in our words'), 'walk and talk');
    await user.type(screen.getByLabelText('Someone new'), 'Ines');
    await user.click(screen.getByRole('button', { name: 'Start dyad' }));
    expect(await screen.findByRole('heading', { name: /Ines · Peer coach/, level: 1 })).toBeInTheDocument();
    expect(screen.queryByText('Choose the person this dyad is with.')).not.toBeInTheDocument();
    const [card] = await direct('dyads.list', { today: localDay() });
    expect(card).toMatchObject({ personName: 'Ines', intention: 'walk and talk' });
    expect((await direct('people.list', {})).people.map((p) => p.name).sort()).toEqual(['Ines', 'Sam']);
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
  });

  it('New dyad from a person’s page is with that person, whoever a kept draft had chosen', async () => {
    const ada = await direct('people.create', { name: 'Ada' });
    await direct('people.create', { name: 'Bea' });
    const { user } = renderApp();
    go('dyads', { kind: 'new-dyad' });
    await waitFor(() => expect(within(screen.getByLabelText('With')).getByRole('option', { name: 'Bea' })).toBeInTheDocument());
    await user.selectOptions(screen.getByLabelText('With'), 'Bea');
    await user.type(screen.getByLabelText('Intention, in our words'), 'steady');
    go('dyads', { kind: 'person', id: ada.id });
    await user.click(await screen.findByRole('button', { name: 'Start a dyad with Ada' }));
    await waitFor(() => expect(screen.getByLabelText('With')).toHaveDisplayValue('Ada'));
    expect(screen.getByLabelText('Intention, in our words')).toHaveValue('steady');
  });

  it('Edit dyad: changed agreements survive Back and a restart; Cancel lets them go after asking, and saving does too', async () => {
    const sam = await direct('people.create', { name: 'Sam' });
    const dyad = await direct('dyads.create', { personId: sam.id, kind: 'peer_coach', rhythmDays: 14, agreements: ['Either of us can pause'] });
    const { user } = renderApp();
    go('dyads', { kind: 'dyad', id: dyad.id });
    await user.click(await screen.findByRole('button', { name: 'Edit dyad' }));
    const agreements = await screen.findByLabelText('Agreements, one per line');
    await user.type(agreements, '{enter}We can both say no');
    expect(screen.getByText('Your words are kept here until you save the changes or cancel, even if you leave this page.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(await screen.findByRole('button', { name: 'Edit dyad' }));
    expect(await screen.findByLabelText('Agreements, one per line')).toHaveValue('Either of us can pause\nWe can both say no');
    await waitFor(async () => expect(await storedDraft(`dyads:${dyad.id}:edit`)).toEqual({ agreements: 'Either of us can pause\nWe can both say no' }));

    restartWindow();
    const { user: again } = renderApp();
    go('dyads', { kind: 'edit-dyad', id: dyad.id });
    await waitFor(() => expect(screen.getByLabelText('Agreements, one per line')).toHaveValue('Either of us can pause\nWe can both say no'));
    expect(screen.getByLabelText('Rhythm: every … days')).toHaveValue('14');

    await again.click(screen.getByRole('button', { name: 'Cancel' }));
    await answerDiscard(again, 'Discard');
    await screen.findByRole('heading', { name: /Sam · Peer coach/, level: 1 });
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
    expect((await direct('dyads.get', { id: dyad.id })).agreements.map((a) => a.text)).toEqual(['Either of us can pause']);

    await again.click(screen.getByRole('button', { name: 'Edit dyad' }));
    expect(await screen.findByLabelText('Agreements, one per line')).toHaveValue('Either of us can pause');
    await again.type(screen.getByLabelText('Intention, in our words'), 'Graceful accountability');
    await again.click(screen.getByRole('button', { name: 'Save dyad' }));
    await screen.findByRole('heading', { name: /Sam · Peer coach/, level: 1 });
    expect((await direct('dyads.get', { id: dyad.id })).intention).toBe('Graceful accountability');
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
  });
});

describe('Add a person and Edit details keep their words', () => {
  it('Add a person: notes survive Back and a restart, and adding the person lets them go', async () => {
    await direct('people.create', { name: 'Sam' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Dyads' }));
    await user.click(await screen.findByRole('button', { name: 'Add a person' }));
    await user.type(await screen.findByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Notes'), 'Loves long walks; ask about her garden');
    expect(screen.getByText('Your words are kept here until you add the person or cancel, even if you leave this page.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to Dyads' }));
    const add = await screen.findByRole('button', { name: 'Add a person' });
    expect(add).toHaveAccessibleDescription('A person you started adding is kept, not saved yet.');
    await user.click(add);
    expect(await screen.findByLabelText('Notes')).toHaveValue('Loves long walks; ask about her garden');
    await waitFor(async () => expect(await storedDraft('people:new')).toEqual({ name: 'Ada', notes: 'Loves long walks; ask about her garden' }));

    restartWindow();
    const { user: again } = renderApp();
    go('dyads', { kind: 'new-person' });
    await waitFor(() => expect(screen.getByLabelText('Notes')).toHaveValue('Loves long walks; ask about her garden'));
    expect(screen.getByLabelText('Name')).toHaveValue('Ada');
    await again.click(screen.getByRole('button', { name: 'Add person' }));
    await screen.findByRole('heading', { name: 'Ada', level: 1 });
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
    await again.click(screen.getByRole('button', { name: 'Back to Dyads' }));
    expect(await screen.findByRole('button', { name: 'Add a person' })).not.toHaveAttribute('aria-describedby');
  });

  it('Add a person: Cancel lets the words go after asking', async () => {
    const { user } = renderApp();
    go('dyads', { kind: 'new-person' });
    await user.type(await screen.findByLabelText('Name'), 'Bea');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await answerDiscard(user, 'Discard');
    await screen.findByRole('heading', { name: 'Dyads', level: 1 });
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
    go('dyads', { kind: 'new-person' });
    expect(await screen.findByLabelText('Name')).toHaveValue('');
  });

  it('Edit details: changed notes survive Back and a restart; Cancel lets them go, and saving does too', async () => {
    const ada = await direct('people.create', { name: 'Ada', notes: 'Met at the spring gathering' });
    const { user } = renderApp();
    go('dyads', { kind: 'person', id: ada.id });
    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    const notes = await screen.findByLabelText('Notes');
    await waitFor(() => expect(notes).toHaveValue('Met at the spring gathering'));
    await user.type(notes, '. Two children.');
    await user.click(screen.getByRole('button', { name: 'Back to their page' }));
    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    await waitFor(() => expect(screen.getByLabelText('Notes')).toHaveValue('Met at the spring gathering. Two children.'));
    await waitFor(async () => expect(await storedDraft(`people:${ada.id}:edit`)).toEqual({ notes: 'Met at the spring gathering. Two children.' }));

    restartWindow();
    const { user: again } = renderApp();
    go('dyads', { kind: 'edit-person', id: ada.id });
    await waitFor(() => expect(screen.getByLabelText('Notes')).toHaveValue('Met at the spring gathering. Two children.'));
    await again.click(screen.getByRole('button', { name: 'Cancel' }));
    await answerDiscard(again, 'Discard');
    await screen.findByRole('heading', { name: 'Ada', level: 1 });
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
    expect((await direct('people.get', { id: ada.id })).notes).toBe('Met at the spring gathering');

    await again.click(screen.getByRole('button', { name: 'Edit details' }));
    await waitFor(() => expect(screen.getByLabelText('Notes')).toHaveValue('Met at the spring gathering'));
    await again.type(screen.getByLabelText('Notes'), '. Plays the cello.');
    await again.click(screen.getByRole('button', { name: 'Save details' }));
    await screen.findByRole('heading', { name: 'Ada', level: 1 });
    expect((await direct('people.get', { id: ada.id })).notes).toBe('Met at the spring gathering. Plays the cello.');
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
  });
});

describe('New congregation and New gathering keep their words in the archive', () => {
  it('New congregation: its words survive leaving the page and a restart; Cancel and saving let them go', async () => {
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    await user.click(await screen.findByRole('button', { name: 'New congregation' }));
    await user.type(screen.getByLabelText('Name'), 'Riverside Commons');
    await user.type(screen.getByLabelText('What it is about'), 'Neighbours who gather twice a year');
    await user.click(sidebar().getByRole('button', { name: 'Self' }));
    await screen.findByRole('heading', { name: 'Self', level: 1 });
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    expect(await screen.findByLabelText('Name')).toHaveValue('Riverside Commons');
    await waitFor(async () => expect(await storedDraft('congregations:new')).toEqual({ name: 'Riverside Commons', about: 'Neighbours who gather twice a year' }));

    restartWindow();
    const { user: again } = renderApp();
    await again.click(sidebar().getByRole('button', { name: 'Congregations' }));
    const form = await screen.findByRole('form', { name: 'New congregation' });
    expect(within(form).getByLabelText('Name')).toHaveValue('Riverside Commons');
    expect(within(form).getByLabelText('What it is about')).toHaveValue('Neighbours who gather twice a year');

    await again.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'New congregation' })).not.toBeInTheDocument();
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
    await again.click(screen.getByRole('button', { name: 'New congregation' }));
    expect(screen.getByLabelText('Name')).toHaveValue('');

    await again.type(screen.getByLabelText('Name'), 'Hill Chapel');
    await waitFor(async () => expect(await storedKeys()).toEqual(['congregations:new']));
    await again.click(screen.getByRole('button', { name: 'Save congregation' }));
    await screen.findByRole('heading', { name: 'Hill Chapel', level: 1 });
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
    await again.click(sidebar().getByRole('button', { name: 'Congregations' }));
    expect(await screen.findByRole('button', { name: 'New congregation' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'New congregation' })).not.toBeInTheDocument();
  });

  it('New gathering: its words survive leaving the page and a restart, by congregation; saving lets them go', async () => {
    const riverside = await direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await direct('congregations.create', { name: 'Hill Chapel', since: '2026-01-01' });
    const { user } = renderApp();
    go('congregations', { kind: 'congregation', id: riverside.id });
    await user.click(await screen.findByRole('button', { name: 'Add a gathering' }));
    const form = screen.getByRole('form', { name: 'New gathering' });
    await user.type(within(form).getByLabelText('Gathering name'), 'Autumn gathering');
    await user.type(within(form).getByLabelText('Harvest notes'), 'Energy for two new crews');

    // Another congregation has its own (no) gathering started.
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    await user.click(await screen.findByRole('button', { name: /Hill Chapel/ }));
    await screen.findByRole('heading', { name: 'Hill Chapel', level: 1 });
    expect(screen.queryByRole('form', { name: 'New gathering' })).not.toBeInTheDocument();
    await waitFor(async () =>
      expect(await storedDraft(`congregations:${riverside.id}:new-gathering`)).toEqual({ name: 'Autumn gathering', harvest: 'Energy for two new crews' }),
    );

    restartWindow();
    const { user: again } = renderApp();
    go('congregations', { kind: 'congregation', id: riverside.id });
    const kept = await screen.findByRole('form', { name: 'New gathering' });
    expect(within(kept).getByLabelText('Gathering name')).toHaveValue('Autumn gathering');
    expect(within(kept).getByLabelText('Harvest notes')).toHaveValue('Energy for two new crews');
    expect(within(kept).getByLabelText('Date')).toHaveValue(localDay());
    await again.click(within(kept).getByRole('button', { name: 'Save gathering' }));
    expect(await within(await screen.findByRole('list', { name: 'Gatherings' })).findByText('Energy for two new crews')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('form', { name: 'New gathering' })).not.toBeInTheDocument());
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
  });

  it('New gathering: Cancel lets its words go', async () => {
    const riverside = await direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const { user } = renderApp();
    go('congregations', { kind: 'congregation', id: riverside.id });
    await user.click(await screen.findByRole('button', { name: 'Add a gathering' }));
    await user.type(within(screen.getByRole('form', { name: 'New gathering' })).getByLabelText('Place'), 'The old mill');
    await waitFor(async () => expect(await storedKeys()).toEqual([`congregations:${riverside.id}:new-gathering`]));
    await user.click(within(screen.getByRole('form', { name: 'New gathering' })).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'New gathering' })).not.toBeInTheDocument();
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
    await user.click(screen.getByRole('button', { name: 'Add a gathering' }));
    expect(within(screen.getByRole('form', { name: 'New gathering' })).getByLabelText('Place')).toHaveValue('');
  });
});
